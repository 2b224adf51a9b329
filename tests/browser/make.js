// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * make.js REPORT: a "make -k -j2" report of a project whose bad.c does
 * not compile answers, without docs, what failed (the Problems panel
 * names the failing compile first, from the findings; the lanes and
 * rows of the failing processes and the Run card are red), which process wrote which file, how long each compile ran
 * and how much memory each process had (a band per process). At 1400
 * and 800 px, in light and dark: every table header inside its card
 * and the viewport, every text at 4.5:1 contrast or more. Leaves a
 * screenshot of each view at each width in the artifacts.
 */
'use strict';
const L = require('./lib.js');
const { check, eq } = L;

const [file] = process.argv.slice(2);
const data = L.reportData(file);
const DET = 7;

/* the lane of the process whose command line ends with "-c -o OBJ SRC" */
function compileLane(src, driver) {
	return data.lanes.findIndex(l => !l.thread && l.argv.length &&
		(driver ? / -c -o [a-z]+\.o [a-z]+\.c$/.test(l.argv.join(' ')) :
			l.argv.join(' ').includes(' ' + src + ' ')) &&
		l.argv.join(' ').includes(src));
}

async function views(page, name) {
	for (const [id, what] of [['problems', 'problems'],
		['timeline', 'timeline'], ['events', 'events'],
		['lists', 'lists']])
		await L.screenshot(page.locator('#' + id), name + '-' + what +
			'.png');
	await L.screenshot(page, name + '-full.png', { fullPage: true });
}

L.run(async function (browser) {
	const { page, trouble } = await L.open(browser, file);
	const procs = await L.processList(page);
	for (const src of ['a.c', 'b.c', 'main.c']) {
		const r = procs.find(p => p[0].includes('-c -o ' +
			src.replace('.c', '.o')) && p[0].endsWith(src));
		check(r && /\d( ns| µs| ms| s)$/.test(r[3]) && r[4] === '0',
			'process list: the compile of ' + src +
			' with a duration and exit 0' + (r ? ' (' + r[3] + ')' : ''));
	}
	const bad = procs.find(p => / -c -o bad\.o bad\.c$/.test(p[0]));
	check(bad && bad[4] === '1', 'process list: the compile of bad.c, ' +
		'exit 1');
	eq(await page.$$eval('#process-list tbody tr', trs => trs.filter(tr =>
		tr.children[4].classList.contains('bad')).map(tr =>
		tr.children[4].textContent).sort()), ['1', '1', '2'],
	'the failed exits are red: the compile, its cc1 and make -k');

	/* Problems first: the failing compile, named */
	const probs = await L.problems(page);
	const ps = probs.filter(p => p.kind === 'process');
	/* the findings name the compile, and the cc1 and cc it failed */
	check(probs.length && probs[0].kind === 'finding' &&
		probs[0].rule === 'exit' && probs[0].sev === 'error' &&
		/ -c -o bad\.o bad\.c exited with status 1$/.test(probs[0].title),
	'the Problems panel names the failing compile first: ' +
		(probs[0] && probs[0].title));
	check(!ps.some(p => / bad\.c — exit 1$/.test(p.title)),
		'and not again its cc1 and cc as failing processes');
	check(ps.length === 1 && /^make — exit 2$/.test(ps[0].title) &&
		/make -k -j2/.test(ps[0].cmd), 'and make -k itself, exit 2: ' +
		ps.map(p => p.title).join(', '));
	const badLanes = (await page.getAttribute('#timeline-canvas',
		'data-bad-lanes')).split(',').map(Number);
	check(badLanes.length === 3 && ps.every(p => badLanes.includes(p.lane)),
		'the lanes of the compile, its cc1 and make are drawn red (' +
		badLanes + ')');
	await page.click('#problems li.problem[data-kind="finding"] >> nth=0 ' +
		'>> button');
	await L.settle(page);
	const fsel = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	check(data.types[data.events[fsel][4]] === 'exit' &&
		badLanes.includes(data.events[fsel][2]) &&
		/ -c -o bad\.o bad\.c$/.test(data.lanes[data.events[fsel][2]]
			.argv.join(' ')),
	'the finding\'s Show selects the exit of the compile');
	await page.selectOption('#proc-filter', '-1');
	await L.settle(page);
	eq(await page.textContent('.card.run.failed dd.bad'), 'exit 2',
		'the Run card is red and says exit 2');
	/* a figure's detail sits beside it, as in the console: "Files
	 * read 16.4 KiB (12 files)", never a row of its own */
	const cardRows = await page.evaluate(() =>
		Array.from(document.querySelectorAll('.card')).map(c => ({
			title: c.querySelector('h3').textContent,
			empty: c.classList.contains('empty'),
			rows: Array.from(c.querySelectorAll('.kv')).map(r =>
				[r.querySelector('dt').textContent,
					r.querySelector('dd').textContent]),
		})));
	const files = cardRows.find(c => c.title === 'Files');
	check(files && files.rows.some(r => r[0] === 'Files read' &&
		/ \(\d+ files\)$/.test(r[1])),
	'the Files card says how many files beside the bytes read: ' +
		JSON.stringify(files));
	check(cardRows.every(c => c.rows.every(r => r[0] !== 'files' &&
		r[0] !== 'regions' && r[0] !== 'loopback')),
	'no card has a detail as a row of its own');
	const dns = cardRows.find(c => c.title === 'DNS');
	check(dns && dns.empty && dns.rows.length === 1,
		'a make that looked up no name has an empty DNS card: ' +
		JSON.stringify(dns));
	await page.click('#problems li.problem[data-kind="process"] >> nth=0 ' +
		'>> button');
	await L.settle(page);
	const sel = Number(await page.evaluate(() =>
		document.body.dataset.selected));
	eq([data.types[data.events[sel][4]], data.events[sel][2]],
		['exit', ps[0].lane], 'its Show selects the failing exit');
	await page.selectOption('#proc-filter', '-1');
	await L.settle(page);

	/* memory: a band for every process */
	const lanesWithMem = data.memory.map(m => m.lane).sort((a, b) => a - b);
	const procLanes = data.lanes.map((l, i) => l.thread ? -1 : i)
		.filter(i => i >= 0);
	eq(lanesWithMem, procLanes, 'every process has memory points');
	eq((await page.getAttribute('#memory-chart', 'data-lanes'))
		.split(',').map(Number).sort((a, b) => a - b), procLanes,
	'the memory chart draws every process');
	check(Number(await page.getAttribute('#memory-chart', 'data-ymax')) >
		0, 'on a scale of bytes');
	check(await page.isVisible('#io-chart'), 'the I/O chart is shown');

	/* a compile's row narrows the table to it and its children */
	const all = await L.rowCount(page);
	const ai = procs.findIndex(p => / -c -o a\.o a\.c$/.test(p[0]));
	check(ai >= 0, 'the compile of a.c is in the process list');
	await page.click('#process-list tbody tr >> nth=' + ai);
	await L.settle(page);
	const rows = await L.allRows(page);
	check(rows.length > 0 && rows.length < all,
		'clicking the compile of a.c narrows the table');
	check(rows.some(r => r[DET].endsWith('/a.o (write)')),
		'its rows show a.o opened for writing (by its child)');
	check(!rows.some(r => r[DET].endsWith('/b.o (write)')),
		'and not b.o');
	await page.selectOption('#proc-filter', '-1');
	await L.checkCount(page, data.events.length, 'all rows again');

	/* every width, both schemes: nothing hidden, everything readable */
	await page.click('#event-table .row:not([hidden]) >> nth=2');
	for (const w of [1400, 800]) {
		await page.setViewportSize({ width: w, height: 900 });
		await L.settle(page);
		eq(await L.layoutTrouble(page), [], w + ' px: every header in ' +
			'its card and the viewport, none cut');
		eq(await L.contrastTrouble(page, 4.5), [], w + ' px, light: ' +
			'every text at 4.5:1 or more');
		await views(page, 'make-' + w);
	}
	L.checkClean(trouble, 'make report');
	for (const w of [1400, 800]) {
		const dark = await L.open(browser, file, { colorScheme: 'dark',
			viewport: { width: w, height: 900 } });
		await dark.page.click('#event-table .row:not([hidden]) >> nth=2');
		await L.settle(dark.page);
		eq(await L.contrastTrouble(dark.page, 4.5), [], w + ' px, dark: ' +
			'every text at 4.5:1 or more');
		eq(await L.layoutTrouble(dark.page), [], w + ' px, dark: the ' +
			'same layout');
		await L.screenshot(dark.page, 'make-' + w + '-dark-full.png',
			{ fullPage: true });
		L.checkClean(dark.trouble, 'make report, dark, ' + w + ' px');
		await dark.ctx.close();
	}
});
