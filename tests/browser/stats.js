// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * stats.js REPORT: a report written with --stats answers "where did the
 * time go" at a glance: the per-process table has a stacked bar per row
 * whose segments are the parts the schema marks (CPD_RKF_PART), each as
 * long as its figure and named on hover; a table with more columns than
 * a page shows its summary columns and offers all of them; at 1400 and
 * 800 px no header is outside its card and nothing scrolls sideways
 * (columns that do not fit step aside, and the page says which).
 */
'use strict';
const L = require('./lib.js');
const { check, eq } = L;

const [file] = process.argv.slice(2);
const data = L.reportData(file);

L.run(async function (browser) {
	const { page, trouble } = await L.open(browser, file);
	const t = (data.tables || []).find(x => x.topic === 'stats.processes');
	check(t && t.rows.length > 1, 'the report has the stats.processes table');
	const parts = t.columns.map((c, i) => [c, i]).filter(a => a[0].part);
	check(parts.length >= 5, 'its schema marks the parts of a process\'s ' +
		'time: ' + parts.map(a => a[0].key));
	const pid = t.columns.findIndex(c => c.key === 'pid');

	/* each row's bar: a segment per non-zero part, widths in proportion */
	const bars = await page.$$eval('#table-stats-processes tbody tr',
		trs => trs.map(tr => {
			const td = tr.querySelector('td.parts');
			const cells = Array.from(tr.children).map(c => c.textContent);
			return {
				cells, segs: td ? Array.from(td.querySelectorAll('.seg'))
					.map(s => [s.title, s.getBoundingClientRect().width]) :
					null,
			};
		}));
	check(bars.length === Math.min(t.rows.length, 200) &&
		bars.every(b => b.segs && b.segs.length),
	'every process row has a bar with segments');
	const max = Math.max(...t.rows.map(r => parts.reduce((s, a) =>
		s + Math.max(0, Number(r[a[1]]) || 0), 0)));
	const widest = Math.max(...bars.map(b => b.segs.reduce((s, x) =>
		s + x[1], 0)));
	let proportional = true;
	bars.forEach(function (b) {
		const row = t.rows.find(r => b.cells.includes(String(r[pid])));
		if (!row) {
			proportional = false;
			return;
		}
		const named = parts.filter(a => Number(row[a[1]]) > 0);
		if (b.segs.length !== named.length)
			proportional = false;
		named.forEach(function (a, k) {
			const want = widest * Number(row[a[1]]) / max;
			if (!b.segs[k][0].startsWith(a[0].label + ': ') ||
				Math.abs(b.segs[k][1] - want) > 1.5)
				proportional = false;
		});
	});
	check(proportional, 'each segment is its part, named, as long as its ' +
		'figure against the longest row');
	const legend = await page.$$eval('#table-stats-processes .legend.parts li',
		lis => lis.map(li => li.textContent));
	eq(legend, parts.map(a => a[0].label), 'the legend names the parts');

	/* more columns than a page: the summary ones, and a button for all */
	const heads = async () => page.$$eval('#table-stats-processes th:not(.gone)',
		ths => ths.map(th => th.textContent));
	const few = await heads();
	check(few.length < t.columns.length && few.includes('Breakdown') &&
		few.includes('process'), 'a few columns first: ' + few);
	await page.click('#table-stats-processes button.columns');
	await L.settle(page);
	const all = await heads();
	eq(all.length, t.columns.length + 1, 'then every column and the bar');
	await page.click('#table-stats-processes button.columns');
	await L.settle(page);

	for (const w of [1400, 800]) {
		await page.setViewportSize({ width: w, height: 900 });
		await L.settle(page);
		eq(await L.layoutTrouble(page), [], w + ' px: every header in ' +
			'its card and the viewport, nothing scrolls sideways');
		eq(await L.contrastTrouble(page, 4.5), [], w + ' px: every text ' +
			'at 4.5:1 or more');
		await L.screenshot(page.locator('#lists'), 'stats-' + w +
			'-lists.png');
	}
	const note = await page.$$eval('#table-stats-syscalls .columns-hidden',
		ps => ps.filter(p => !p.hidden).map(p => p.textContent));
	check(note.length === 1 && /do(es)? not fit at this width: /
		.test(note[0]), 'at 800 px the syscall table says which columns ' +
		'did not fit: ' + note);
	await page.setViewportSize({ width: 1400, height: 900 });
	await L.settle(page);
	const wide = await page.$$eval('#table-stats-syscalls .columns-hidden',
		ps => ps.filter(p => !p.hidden).length);
	eq(wide, 0, 'at 1400 px they are back');
	L.checkClean(trouble, 'stats report');
});
