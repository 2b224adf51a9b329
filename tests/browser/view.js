// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * view.js REPORT TRACEE-OUTPUT: the report of "htmlio names" in headless
 * Chromium. What the table must hold comes from what the tracee printed
 * it did; what a filter must leave comes from the unfiltered table.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile] = process.argv.slice(2);
const data = L.reportData(file);
const { lanes, files, child } = L.tracee(outFile);
const root = lanes.length ? lanes[0].pid : 0;
const HOSTILE = ['</script><img src=x onerror=alert(1)>', '<b>x</b>'];
const task = (pid, tid) => pid === tid ? String(pid) : pid + '/' + tid;
const taskPid = t => Number(t.split('/')[0]);
const fileOf = p => files.find(f => f.path.endsWith(p));

L.run(async function (browser) {
	check(root > 0 && lanes.length === 3 && child && files.length === 4,
		'tracee output: root, thread, child and four files');
	const { page, trouble } = await L.open(browser, file);
	eq(await page.evaluate(() => document.body.dataset.state), 'ready',
		'the viewer is ready');
	eq(await page.title(), 'compendium: ' + data.run.command,
		'document title is the traced command, as text');

	const all = await L.allRows(page);
	eq(all.length, data.events.length, 'the table holds every kept event');
	eq(all.map(r => r[4]), data.events.map(e => String(e[6])),
		'details cells are the data\'s details, verbatim, in order');

	for (const f of files) {
		const t = task(f.pid, f.tid);
		const base = path.basename(f.path);
		check(all.some(r => r[1] === t && r[4] === f.path + ' (write)'),
			'row: ' + t + ' opens ' + JSON.stringify(f.path) +
			' for writing');
		check(all.some(r => r[1] === t && r[2] === 'file' &&
			r[4].endsWith(' to ' + base) &&
			r[4].includes(String(f.wrote))), 'row: ' + t + ' writes ' +
			f.wrote + ' bytes to ' + JSON.stringify(base));
		if (f.read)
			check(all.some(r => r[1] === t && r[2] === 'file' &&
				r[4].endsWith(' from ' + base) &&
				r[4].includes(String(f.read))), 'row: ' + t +
				' reads ' + f.read + ' bytes from ' +
				JSON.stringify(base));
	}

	/* hostile names: literal text in the table and the file list */
	for (const h of HOSTILE) {
		const f = fileOf(h);
		check(f && all.some(r => r[4] === f.path + ' (write)'),
			'table shows ' + JSON.stringify(h) + ' as text');
		const cells = await page.$$eval('#lists td', tds =>
			tds.map(td => td.textContent));
		check(f && cells.includes(f.path), 'file list shows ' +
			JSON.stringify(f && f.path) + ' as text');
	}
	/* the file list's headings carry the schema's line about each column */
	const filesTable = (data.tables || []).find(t => t.topic === 'file.files');
	check(filesTable && filesTable.columns.every(c => c.help),
		'the data has a help line for every column of file.files');
	eq(await page.$$eval('#table-file-files th', ths =>
		ths.map(th => th.title)), filesTable.columns.map(c => c.help),
	'the file list\'s headings show each column\'s help as a tooltip');
	const injected = await page.evaluate(() => ({
		img: document.querySelectorAll('img').length,
		b: document.querySelectorAll('b').length,
		scripts: document.scripts.length,
		handlers: document.querySelectorAll('[onerror]').length,
	}));
	eq(injected, { img: 0, b: 0, scripts: 2, handlers: 0 },
		'no element was injected from data');

	/* category toggle */
	const fileCount = all.filter(r => r[2] === 'file').length;
	check(fileCount > 0, 'there are file rows');
	await page.click('input[data-category="file"]');
	await L.checkRows(page, all.filter(r => r[2] !== 'file'),
		'unchecking "file" leaves exactly the other rows');
	await page.click('input[data-category="file"]');
	await L.checkCount(page, all.length, 'checking it again restores all');

	/* type toggle through the dropdown, then All */
	await page.click('details.types summary');
	await page.click('input[data-type="open"]');
	await L.checkRows(page, all.filter(r => r[3] !== 'open'),
		'unchecking type "open" hides exactly the open rows');
	await page.click('details.types button:has-text("None")');
	await L.checkCount(page, 0, 'types None leaves no row');
	await page.click('details.types button:has-text("All")');
	await L.checkCount(page, all.length, 'types All restores all');
	await page.keyboard.press('Escape');

	/* process selector: the child alone, then the root without children */
	const childLane = data.lanes.findIndex(l => l.pid === child.pid &&
		!l.thread);
	const rootLane = data.lanes.findIndex(l => l.pid === root && !l.thread);
	check(childLane >= 0 && rootLane >= 0, 'lanes for root and child');
	await page.selectOption('#proc-filter', String(childLane));
	const childRows = all.filter(r => taskPid(r[1]) === child.pid);
	await L.checkRows(page, childRows, 'process filter: the child\'s rows');
	const cf = files.find(f => f.pid === child.pid);
	check(cf && childRows.some(r => r[4] === cf.path + ' (write)'),
		'the child\'s rows hold its file');
	await page.selectOption('#proc-filter', String(rootLane));
	await page.uncheck('#proc-kids');
	await L.settle(page);
	const rootRows = await L.allRows(page);
	eq(rootRows, all.filter(r => taskPid(r[1]) === root),
		'root without children: the root\'s and its threads\' rows');
	const tf = files.find(f => f.tid !== f.pid);
	check(tf && rootRows.some(r =>
		r[1] === task(tf.pid, tf.tid) && r[4] === tf.path + ' (write)'),
		'the thread\'s row is labelled pid/tid');
	await page.check('#proc-kids');
	await page.selectOption('#proc-filter', '-1');
	await L.checkCount(page, all.length, 'all processes again');

	/* search: case-insensitive substring of the details */
	await page.fill('#search', 'PLAIN.TXT');
	const plain = all.filter(r => r[4].toLowerCase().includes('plain.txt'));
	check(plain.length >= 4, 'plain.txt has open, write, open, read rows');
	await L.checkRows(page, plain, 'search narrows to plain.txt rows');
	await page.fill('#search', HOSTILE[0]);
	await L.checkRows(page, all.filter(r => r[4].includes(HOSTILE[0])),
		'search for the hostile name finds it as text');

	/* selection: a row shows every field and lights up in the timeline */
	await page.fill('#search', 'plain.txt');
	await L.settle(page);
	await page.click('#event-table .row:not([hidden]) >> nth=0');
	const sel = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	const ev = data.events[sel];
	check(ev && String(ev[6]) === plain[0][4],
		'clicking the first row selects its event');
	const shown = await page.$$eval('#detail dt', d => d.map(x =>
		x.textContent));
	const vals = await page.$$eval('#detail dd', d => d.map(x =>
		x.textContent));
	const fieldText = v => v === null ? '—' :
		typeof v === 'object' ? JSON.stringify(v) : String(v);
	const keys = Object.keys(ev[7] || {});
	check(keys.length > 0, 'the event has fields');
	for (const k of keys)
		check(shown.includes(k) && vals.includes(fieldText(ev[7][k])),
			'detail panel shows field ' + k);
	check(vals.includes(String(ev[6])), 'detail panel shows the details');
	await page.waitForFunction(() => document.body.dataset.selX);
	const at = await page.evaluate(() => [Number(document.body.dataset.selX),
		Number(document.body.dataset.selY)]);
	await page.fill('#search', '');
	await L.settle(page);
	/* select something else, then click the first event's mark */
	await page.click('#event-table .row:not([hidden]) >> nth=0');
	const box = await page.locator('#timeline canvas').boundingBox();
	await page.mouse.click(box.x + at[0], box.y + at[1]);
	await L.settle(page);
	const sel2 = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	eq(sel2 >= 0 && data.events[sel2][2], ev[2],
		'clicking a mark in the timeline selects an event of that lane');
	const selRow = await page.$$eval('#event-table .row.sel', r =>
		r.map(x => x.children[4].textContent));
	eq(selRow, [String(data.events[sel2][6])],
		'the timeline\'s selection is the highlighted table row');

	/* zoom: keys, ctrl+wheel, double-click */
	const zoom = () => page.evaluate(() => Number(document.body.dataset.zoom));
	await page.evaluate(() => document.activeElement.blur());
	eq(await zoom(), 1, 'zoom starts at 1');
	await page.keyboard.press('+');
	eq(await zoom(), 1.5, '+ zooms in');
	check((await page.textContent('#zoom-label')).startsWith('×1.50'),
		'the zoom label says ×1.50');
	await page.keyboard.press('-');
	eq(await zoom(), 1, '- zooms out');
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	eq(await zoom(), 2.25, '+ + zooms to 2.25');
	await page.keyboard.press('0');
	eq(await zoom(), 1, '0 resets');
	/* the time under the pointer stays under it */
	const tAt = x => page.evaluate(function (px) {
		const d = document.body.dataset;
		return Number(d.viewStart) + (px - Number(d.plotLeft)) *
			(Number(d.viewEnd) - Number(d.viewStart)) / Number(d.plotWidth);
	}, x);
	const px = box.width * 0.6;
	const before = await tAt(px);
	await page.mouse.move(box.x + px, box.y + 40);
	await page.keyboard.down('Control');
	await page.mouse.wheel(0, -400);
	await page.keyboard.up('Control');
	await L.settle(page);
	check(await zoom() > 1, 'ctrl+wheel zooms in');
	const after = await tAt(px);
	const span = await page.evaluate(() => document.body.dataset.viewEnd -
		document.body.dataset.viewStart);
	check(Math.abs(after - before) <= span / 200,
		'the zoom is anchored at the pointer (' + before + ' → ' +
		after + ')');
	const v0 = await page.evaluate(() => document.body.dataset.viewStart);
	await page.mouse.move(box.x + px, box.y + 60);
	await page.mouse.down();
	await page.mouse.move(box.x + px + 150, box.y + 60, { steps: 5 });
	await page.mouse.up();
	await L.settle(page);
	check(Number(await page.evaluate(() =>
		document.body.dataset.viewStart)) < Number(v0),
		'dragging right pans to earlier times');
	await page.mouse.dblclick(box.x + box.width * 0.6, box.y + 40);
	await L.settle(page);
	eq(await zoom(), 1, 'double-click resets the zoom');

	/* brush on the time axis filters the table to that range */
	await page.mouse.move(box.x + box.width * 0.45, box.y + 8);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.7, box.y + 8, { steps: 5 });
	await page.mouse.up();
	await L.settle(page);
	const brush = (await page.evaluate(() => document.body.dataset.brush))
		.split(' ').map(Number);
	check(brush.length === 2 && brush[1] > brush[0], 'a time range is set');
	const inRange = data.events.filter(e => e[0] + e[1] >= brush[0] &&
		e[0] <= brush[1]).length;
	eq(await L.rowCount(page), inRange, 'the table holds the range\'s rows');
	await page.click('button:has-text("Clear time range")');
	await L.checkCount(page, all.length, 'clearing the range restores all');

	/* the process list: duration and exit, and a click filters */
	const prow = await L.processList(page);
	const crow = prow.find(r => r[1] === String(child.pid));
	check(crow && crow[4] === String(child.exit) && /s$/.test(crow[3]),
		'process list: the child with its duration and exit ' + child.exit);
	await page.click('#process-list tbody tr:has(td:text-is("' +
		child.pid + '"))');
	await L.checkRows(page, childRows,
		'clicking a process in the list filters the table to it');
	await page.selectOption('#proc-filter', '-1');
	await L.settle(page);

	await L.screenshot(page, 'report-full.png', { fullPage: true });
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await L.settle(page);
	await L.screenshot(page.locator('#timeline'), 'timeline-zoomed.png');
	L.checkClean(trouble, 'report');

	/* a broken data block: the viewer says so on the page */
	const bad = file.replace(/\.html$/, '') + '-broken.html';
	const html = fs.readFileSync(file, 'utf8');
	const from = html.indexOf('id="cpd-data">') + 'id="cpd-data">'.length;
	fs.writeFileSync(bad, html.slice(0, from) + '{"format":' +
		html.slice(html.indexOf('</script>', from)));
	const broken = await L.open(browser, bad);
	eq(await broken.page.evaluate(() => document.body.dataset.state),
		'error', 'a broken data block puts the viewer in the error state');
	check(/Report viewer error: /.test(await broken.page.textContent(
		'#viewer-error')), 'and the error is shown on the page');
	eq(broken.trouble.requests, [], 'broken report: no network request');
});
