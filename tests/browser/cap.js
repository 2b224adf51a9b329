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
let writes = 0;
for (const w of L.tracee(outFile))
	if (w[0] === 'FILE')
		writes += Number(w[3]);

async function main(browser) {
	eq([data.cap.max, data.cap.kept], [max, max], 'the data keeps ' + max);
	check(data.cap.total >= writes, 'the total (' + data.cap.total +
		') counts at least the ' + writes + ' writes');
	const { page, trouble } = await L.open(browser, file);
	const nf = new Intl.NumberFormat('en-US');
	eq(await page.textContent('#cap-banner'), 'Showing the first ' +
		nf.format(max) + ' of ' + nf.format(data.cap.total) +
		' events; the summary counts all of them.', 'the cap banner');
	eq(await L.rowCount(page), max, 'the table holds the kept rows');
	eq((await L.allRows(page)).length, max, 'and shows them all');
	const dir = L.artifacts();
	await page.screenshot({ path: dir + '/report-capped.png' });
	L.checkClean(trouble, 'capped report');
}

(async function () {
	const browser = await L.launch();
	try {
		await main(browser);
	} finally {
		await browser.close();
	}
	L.done();
})().catch(function (e) {
	console.log('NOT OK: ' + (e && e.stack || e));
	process.exit(1);
});
