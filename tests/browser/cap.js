// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * cap.js REPORT TRACEE-OUTPUT MAX: a report cut at MAX events shows the
 * banner with the kept and total counts and exactly MAX rows.
 */
'use strict';
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile, maxArg] = process.argv.slice(2);
const max = Number(maxArg);
const data = L.reportData(file);
const writes = L.tracee(outFile).written;

L.run(async function (browser) {
	eq([data.cap.max, data.cap.kept], [max, max], 'the data keeps ' + max);
	check(data.cap.total >= writes, 'the total (' + data.cap.total +
		') counts at least the ' + writes + ' writes');
	const { page, trouble } = await L.open(browser, file);
	await L.checkBanner(page, max, data.cap.total);
	eq(await L.rowCount(page), max, 'the table holds the kept rows');
	eq((await L.allRows(page)).length, max, 'and shows them all');
	await L.screenshot(page, 'report-capped.png');
	L.checkClean(trouble, 'capped report');
});
