// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * cap.js REPORT TRACEE-OUTPUT MAX: a report cut at MAX events keeps MAX
 * in full and summarises the rest (nothing lost: every write is in a
 * row or a summary), says so in the Problems panel and shades the
 * summarised time in the timeline.
 */
'use strict';
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile, maxArg] = process.argv.slice(2);
const max = Number(maxArg);
const data = L.reportData(file);
const t = L.tracee(outFile);
const cap = data.cap;

L.run(async function (browser) {
	eq([cap.max, cap.kept - cap.always_kept], [max, max],
		'the data keeps ' + max + ' in full');
	check(cap.aggregated > 0 && cap.aggregates > 0, 'and summarises ' +
		cap.aggregated + ' rows in ' + cap.aggregates);
	check(cap.total >= t.files.reduce((n, f) => n + f.writes, 0),
		'the total (' + cap.total + ') counts every write');
	const writes = data.events.filter(e => data.types[e[4]] === 'write' &&
		t.files.some(f => f.path === e[7].path));
	eq(writes.reduce((n, e) => n + e[5], 0), t.files.reduce((n, f) =>
		n + f.writes, 0), 'every write is in a row or a summary');
	const { page, trouble } = await L.open(browser, file);
	await L.checkBanner(page, max, cap.aggregated, cap.aggregates);
	eq(await L.rowCount(page), data.events.length,
		'the table holds the kept rows and the summaries');
	const rows = await L.allRows(page);
	eq(rows.length, data.events.length, 'and shows them all');
	eq(rows.filter(r => r[7].startsWith('Σ ')).length, cap.aggregates,
		'the summaries are marked Σ');
	const shaded = await page.evaluate(() =>
		document.body.dataset.aggShaded);
	check(shaded && Number(shaded.split('-')[0]) <= cap.from_ns,
		'the timeline shades the summarised time (' + shaded + ')');
	await L.screenshot(page, 'report-capped.png');
	L.checkClean(trouble, 'capped report');
});
