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
const zlib = require('zlib');
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile] = process.argv.slice(2);
const data = L.reportData(file);
const html0 = fs.readFileSync(file, 'utf8');
const { lanes, files, child } = L.tracee(outFile);
const root = lanes.length ? lanes[0].pid : 0;
const HOSTILE = ['</script><img src=x onerror=alert(1)>', '<b>x</b>'];
const task = (pid, tid) => pid === tid ? String(pid) : pid + '/' + tid;
const taskPid = t => Number(t.split('/')[0]);
const fileOf = p => files.find(f => f.path.endsWith(p));
/* a row's cells: time, pid/tid, process, category, type, duration,
 * details as shown (a long path shortened), then its whole details */
const CAT = 3;
const TYPE = 4;
const DET = 7;
/* the shown details are the whole, or the whole with part of a path
 * given up for "…" */
function shortOf(shown, whole) {
	if (shown === whole)
		return true;
	const k = shown.indexOf('…');
	return k >= 0 && whole.startsWith(shown.slice(0, k)) &&
		whole.endsWith(shown.slice(k + 1)) && shown.length < whole.length;
}

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
	eq(all.map(r => r[DET]), data.events.map(e => String(e[6])),
		'rows hold the data\'s details, verbatim, in order');
	check(all.every(r => shortOf(r[6], r[DET])), 'details cells show ' +
		'them whole or with a path shortened from the left');
	check(all.some(r => r[6] !== r[DET]), 'some long path is shortened ' +
		'at 1400 px');

	for (const f of files) {
		const t = task(f.pid, f.tid);
		check(all.some(r => r[1] === t && r[DET] === f.path + ' (write)'),
			'row: ' + t + ' opens ' + JSON.stringify(f.path) +
			' for writing');
		/* the whole path: a base name alone is ambiguous */
		check(all.some(r => r[1] === t && r[CAT] === 'file' &&
			r[DET].endsWith(' to ' + f.path) &&
			r[DET].includes(String(f.wrote))), 'row: ' + t + ' writes ' +
			f.wrote + ' bytes to ' + JSON.stringify(f.path));
		if (f.read)
			check(all.some(r => r[1] === t && r[CAT] === 'file' &&
				r[DET].endsWith(' from ' + f.path) &&
				r[DET].includes(String(f.read))), 'row: ' + t +
				' reads ' + f.read + ' bytes from ' +
				JSON.stringify(f.path));
	}

	/* hostile names: literal text in the table and the file list */
	for (const h of HOSTILE) {
		const f = fileOf(h);
		check(f && all.some(r => r[DET] === f.path + ' (write)'),
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
	const fileCount = all.filter(r => r[CAT] === 'file').length;
	check(fileCount > 0, 'there are file rows');
	await page.click('input[data-category="file"]');
	await L.checkRows(page, all.filter(r => r[CAT] !== 'file'),
		'unchecking "file" leaves exactly the other rows');
	await page.click('input[data-category="file"]');
	await L.checkCount(page, all.length, 'checking it again restores all');

	/* type toggle through the dropdown, then All */
	await page.click('details.types summary');
	await page.click('input[data-type="open"]');
	await L.checkRows(page, all.filter(r => r[TYPE] !== 'open'),
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
	check(cf && childRows.some(r => r[DET] === cf.path + ' (write)'),
		'the child\'s rows hold its file');
	await page.selectOption('#proc-filter', String(rootLane));
	await page.uncheck('#proc-kids');
	await L.settle(page);
	const rootRows = await L.allRows(page);
	eq(rootRows, all.filter(r => taskPid(r[1]) === root),
		'root without children: the root\'s and its threads\' rows');
	const tf = files.find(f => f.tid !== f.pid);
	check(tf && rootRows.some(r =>
		r[1] === task(tf.pid, tf.tid) && r[DET] === tf.path + ' (write)'),
		'the thread\'s row is labelled pid/tid');
	await page.check('#proc-kids');
	await page.selectOption('#proc-filter', '-1');
	await L.checkCount(page, all.length, 'all processes again');

	/* search: case-insensitive substring of the details */
	await page.fill('#search', 'PLAIN.TXT');
	const plain = all.filter(r => r[DET].toLowerCase()
		.includes('plain.txt'));
	check(plain.length >= 4, 'plain.txt has open, write, open, read rows');
	await L.checkRows(page, plain, 'search narrows to plain.txt rows');
	await page.fill('#search', HOSTILE[0]);
	await L.checkRows(page, all.filter(r => r[DET].includes(HOSTILE[0])),
		'search for the hostile name finds it as text');

	/* selection: a row shows every field and lights up in the timeline */
	await page.fill('#search', 'plain.txt');
	await L.settle(page);
	await page.click('#event-table .row:not([hidden]) >> nth=0');
	const sel = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	const ev = data.events[sel];
	check(ev && String(ev[6]) === plain[0][DET],
		'clicking the first row selects its event');
	const shown = await page.$$eval('#detail dt', d => d.map(x =>
		x.textContent));
	const vals = await page.$$eval('#detail dd', d => d.map(x =>
		x.textContent));
	const nf = new Intl.NumberFormat('en-US');
	const info = data.field_info[data.categories[ev[3]]] || {};
	/* plain numbers plain, a size in bytes with its exact count */
	const fieldOk = function (k, v) {
		const unit = (info[k] || {}).unit;
		if (v === null)
			return vals.includes('—');
		if (typeof v === 'object')
			return vals.includes(JSON.stringify(v));
		if (unit === 'bytes' && v >= 1024)
			return vals.some(x => x.endsWith('(' + nf.format(v) + ')'));
		if (unit === 'count' || unit === 'bytes')
			return vals.some(x => x.startsWith(nf.format(v)));
		if (unit === 'addr')
			return vals.includes('0x' + BigInt(v).toString(16));
		return vals.includes(String(v));
	};
	const keys = Object.keys(ev[7] || {});
	check(keys.length > 0, 'the event has fields');
	for (const k of keys)
		check(shown.includes(k) && fieldOk(k, ev[7][k]),
			'detail panel shows field ' + k);
	const evl = data.lanes[ev[2]];
	check(vals.includes(evl.pid + ' / ' + evl.tid), 'its pid and tid, ' +
		'plain (' + evl.pid + ' / ' + evl.tid + ')');
	check(vals.includes(String(ev[6])), 'detail panel shows the details');
	await page.waitForFunction(() => document.body.dataset.selX);
	const at = await page.evaluate(() => [Number(document.body.dataset.selX),
		Number(document.body.dataset.selY)]);
	await page.fill('#search', '');
	await L.settle(page);
	/* select something else, then click the first event's mark */
	await page.click('#event-table .row:not([hidden]) >> nth=0');
	await page.locator('#timeline').scrollIntoViewIfNeeded();
	const box = await page.locator('#timeline-canvas').boundingBox();
	await page.mouse.click(box.x + at[0], box.y + at[1]);
	await L.settle(page);
	const sel2 = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	eq(sel2 >= 0 && data.events[sel2][2], ev[2],
		'clicking a mark in the timeline selects an event of that lane');
	const selRow = await page.$$eval('#event-table .row.sel', r =>
		r.map(x => x.title));
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

	/* an address is hex, in the row and in the detail panel */
	const mi = data.events.findIndex(e => data.types[e[4]] === 'mmap');
	check(mi >= 0, 'there is an mmap row');
	await page.click('input[data-category="file"]');
	await page.click('input[data-category="proc"]');
	await L.settle(page);
	await page.click('#event-table .row:not([hidden]) >> nth=0');
	const msel = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	const mev = data.events[msel];
	const addr = '0x' + BigInt(mev[7].addr).toString(16);
	check(data.types[mev[4]] === 'mmap' && (await page.$$eval('#detail dd',
		d => d.map(x => x.textContent))).includes(addr),
		'the mmap\'s address is shown in hex (' + addr + ')');
	await page.click('input[data-category="file"]');
	await page.click('input[data-category="proc"]');
	await L.checkCount(page, all.length, 'all categories again');

	/* sorting: by duration, longest first, then shortest first */
	const durs = data.events.map(e => e[1]);
	await page.click('#events .row.head .c-dur button');
	await L.settle(page);
	let top = await page.evaluate(() => Number(document.querySelector(
		'#event-table .row[aria-rowindex="1"]').idx));
	eq(data.events[top][1], Math.max(...durs),
		'a click on Duration puts the longest first');
	eq(await page.getAttribute('#events .row.head .c-dur', 'aria-sort'),
		'descending', 'and says so');
	await page.click('#events .row.head .c-dur button');
	await L.settle(page);
	top = await page.evaluate(() => Number(document.querySelector(
		'#event-table .row[aria-rowindex="1"]').idx));
	eq(data.events[top][1], Math.min(...durs), 'a second click reverses it');
	const sorted = await L.allRows(page);
	eq(sorted.length, all.length, 'sorting keeps every row');
	await page.click('#events .row.head .c-time button');
	await page.click('#events .row.head .c-time button');
	await page.click('#events .row.head .c-time button');
	await L.checkRows(page, all, 'sorting by time again: the first order');

	/* a file's events by its whole path, not its base name */
	const pf = files.find(f => f.path.endsWith('/plain.txt'));
	await page.click('#table-file-files tbody tr:has(td[title="' +
		pf.path + '"])');
	await L.settle(page);
	eq(await page.evaluate(() => document.body.dataset.path), pf.path,
		'clicking a file filters by its whole path');
	const byPath = all.filter((r, i) => {
		const f = data.events[i][7];
		return f.path === pf.path || f.path2 === pf.path;
	});
	check(byPath.length >= 4, 'plain.txt has its open, write, open, read');
	await L.checkRows(page, byPath, 'the table holds exactly its rows');
	check(await page.isVisible('#path-filter'), 'a chip names the filter');
	await page.click('#path-filter button');
	await L.checkCount(page, all.length, 'its ✕ shows every file again');

	/* a deep link reopens the same view */
	await page.click('input[data-category="mmap"]');
	await page.click('details.types summary');
	await page.click('input[data-type="read"]');
	await page.keyboard.press('Escape');
	await page.selectOption('#proc-filter', String(rootLane));
	await page.uncheck('#proc-kids');
	await page.fill('#search', 'tmp');
	await page.click('#events .row.head .c-type button');
	await L.settle(page);
	await page.locator('#timeline-canvas').scrollIntoViewIfNeeded();
	const tbox = await page.locator('#timeline-canvas').boundingBox();
	await page.mouse.move(tbox.x + tbox.width * 0.3, tbox.y + 8);
	await page.mouse.down();
	await page.mouse.move(tbox.x + tbox.width * 0.95, tbox.y + 8,
		{ steps: 4 });
	await page.mouse.up();
	await L.settle(page);
	await page.keyboard.press('+');
	await page.click('#event-table .row:not([hidden]) >> nth=1');
	await L.settle(page);
	const state = p => p.evaluate(() => ({
		rows: document.body.dataset.rows,
		brush: document.body.dataset.brush,
		selected: document.body.dataset.selected,
		zoom: document.body.dataset.zoom,
		view: [document.body.dataset.viewStart,
			document.body.dataset.viewEnd],
		status: document.getElementById('status').textContent,
		proc: document.getElementById('proc-filter').value,
		kids: document.getElementById('proc-kids').checked,
		search: document.getElementById('search').value,
		sort: Array.from(document.querySelectorAll(
			'#events .row.head [role=columnheader]'))
			.map(h => h.getAttribute('aria-sort')).join(' '),
		cats: Array.from(document.querySelectorAll(
			'input[data-category]')).map(c => c.checked).join(' '),
		types: Array.from(document.querySelectorAll('input[data-type]'))
			.map(c => c.checked).join(' '),
	}));
	const view0 = await state(page);
	const shownRows = await L.allRows(page);
	check(Number(view0.rows) > 0 && Number(view0.rows) < all.length &&
		view0.brush && view0.selected !== "-1",
		'a view with filters, a time range and a selection: ' +
		view0.rows + " rows");
	await page.waitForFunction(() => location.hash.length > 1);
	const hash = await page.evaluate(() => location.hash.slice(1));
	check(/proc=/.test(hash) && /range=/.test(hash) && /event=/.test(hash),
		'the fragment holds it: ' + hash);
	const linked = await L.open(browser, file, null, hash);
	eq(await state(linked.page), view0, 'the link reopens the same ' +
		'view: filters, process, search, sort, range, zoom, selection');
	eq(await L.allRows(linked.page), shownRows, 'and the same rows');
	L.checkClean(linked.trouble, 'the linked report');
	await linked.ctx.close();

	/* export: the rows shown, exactly, as CSV and as JSON Lines */
	const csv = await L.download(page, '#export-csv');
	eq(csv.name, 'compendium-events.csv', 'the CSV file\'s name');
	const cells = L.parseCsv(csv.text);
	eq(cells[0], ['time_ns', 'duration_ns', 'pid', 'tid', 'process',
		'category', 'type', 'count', 'details', 'path'], 'its header');
	eq(cells.length - 1, shownRows.length, 'one line per row shown');
	eq(cells.slice(1).map(c => [(Number(c[0]) / 1e9).toFixed(6), c[5],
		c[6], c[8]]), shownRows.map(r => [r[0].slice(1), r[CAT], r[TYPE],
		r[DET]]), 'the CSV holds exactly the rows shown, in their order');
	const jl = await L.download(page, '#export-jsonl');
	const objs = jl.text.trim().split('\n').map(l => JSON.parse(l));
	eq(objs.map(o => o.details), shownRows.map(r => r[DET]),
		'the JSON Lines hold the same rows');
	check(objs.every(o => o.fields && typeof o.fields === 'object'),
		'with every field');
	await page.click('button:has-text("Reset filters")');
	await L.checkCount(page, all.length, 'reset filters: every row');

	await L.screenshot(page, 'report-full.png', { fullPage: true });
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await page.keyboard.press('+');
	await L.settle(page);
	await L.screenshot(page.locator('#timeline'), 'timeline-zoomed.png');
	L.checkClean(trouble, 'report');

	/*
	 * Findings, until the findings analyzer publishes them: this
	 * report's own data with three added in the documented shape. The
	 * error naming the child comes first and stands for it (the child
	 * is not listed again as a failing process), the warning next, the
	 * notice is only counted; Show selects the event behind a finding.
	 */
	const withF = JSON.parse(JSON.stringify(data));
	const exitOf = pid => withF.events.find(e => withF.types[e[4]] ===
		'exit' && withF.lanes[e[2]].pid === pid);
	const cexit = exitOf(child.pid);
	const finding = (sev, id, title, lane, pid, paths, seq) => ({
		lane, id, severity: sev, title, details: 'details of ' + id,
		pids: [pid], paths, count: 1, first_ns: 1, last_ns: 2,
		partial: false, collapsed: false, seq: 0, cause_seq: seq });
	withF.findings = [
		finding('error', 'exit-nonzero', 'htmlio child exited 3',
			childLane, child.pid, [], cexit[7].seq),
		finding('warning', 'failed-open', 'cannot open ' + HOSTILE[0],
			rootLane, root, [HOSTILE[0]], 0),
		finding('notice', 'repeat', 'read it twice', rootLane, root, [], 0),
	];
	const fFile = file.replace(/\.html$/, '') + '-findings.html';
	const fFrom = html0.indexOf('<script type="application/');
	const fTo = html0.indexOf('</script>', fFrom) + '</script>'.length;
	fs.writeFileSync(fFile, html0.slice(0, fFrom) +
		'<script type="application/gzip" data-encoding="base64" ' +
		'id="cpd-data">' + zlib.gzipSync(JSON.stringify(withF)
			.replace(/</g, '\\u003c')).toString('base64') + '</script>' +
		html0.slice(fTo));
	const fp = await L.open(browser, fFile);
	const probs = await L.problems(fp.page);
	eq(probs.map(p => [p.sev, p.kind, p.rule, p.title]), [
		['error', 'finding', 'exit-nonzero', 'htmlio child exited 3'],
		['warning', 'finding', 'failed-open', 'cannot open ' + HOSTILE[0]],
	], 'findings of warning and above, most severe first, as text; ' +
		'the child they name is not listed again');
	check(/1 lesser finding /.test(await fp.page.textContent('#problems')),
		'the notice is counted under them');
	await fp.page.click('#problems li.problem >> nth=0 >> button');
	await L.settle(fp.page);
	eq(Number(await fp.page.evaluate(() =>
		document.body.dataset.selected)), withF.events.indexOf(cexit),
	'Show selects the event behind the finding');
	eq(await fp.page.$$eval('img', x => x.length), 0,
		'a finding\'s strings are text');
	L.checkClean(fp.trouble, 'report with findings');
	await L.screenshot(fp.page.locator('#problems'),
		'problems-findings.png');

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
