// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * make.js REPORT: a "make -j2" report answers, without docs, which
 * process wrote which file and how long each compile ran.
 */
'use strict';
const L = require('./lib.js');
const { check } = L;

const [file] = process.argv.slice(2);
const data = L.reportData(file);

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
	const all = await L.rowCount(page);
	const ai = procs.findIndex(p => / -c -o a\.o a\.c$/.test(p[0]));
	check(ai >= 0, 'the compile of a.c is in the process list');
	await page.click('#process-list tbody tr >> nth=' + ai);
	await L.settle(page);
	const rows = await L.allRows(page);
	check(rows.length > 0 && rows.length < all,
		'clicking the compile of a.c narrows the table');
	check(rows.some(r => r[4].endsWith('a.o (write)')),
		'its rows show a.o opened for writing (by its child)');
	check(!rows.some(r => r[4].endsWith('b.o (write)')),
		'and not b.o');
	await page.selectOption('#proc-filter', '-1');
	await L.checkCount(page, data.events.length, 'all rows again');
	await page.setViewportSize({ width: 1280, height: 900 });
	await L.settle(page);
	await L.screenshot(page, 'make-j2.png', { fullPage: true });
	L.checkClean(trouble, 'make -j2 report');
});
