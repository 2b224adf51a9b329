// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * large.js REPORT TRACEE-OUTPUT: the report of "htmlio long" (300,000
 * writes, 60 child processes among them) at the default cap: under 5 MB,
 * every process event kept past the cap, the rest summarised and the
 * summarised time shaded; the last row can be reached. Prints how long
 * the viewer takes to decode, render, filter, search, scroll and zoom
 * (for people: timings are never asserted).
 */
'use strict';
const fs = require('fs');
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile] = process.argv.slice(2);
const data = L.reportData(file);
const t = L.tracee(outFile);
const cap = data.cap;
const children = fs.readFileSync(outFile, 'utf8').split('\n')
	.filter(l => l.startsWith('CHILD ')).map(l => Number(l.split(' ')[1]));

function ms(x) {
	return x.toFixed(1) + ' ms';
}

L.run(async function (browser) {
	const size = fs.statSync(file).size;
	check(size < 5e6, 'the report is under 5 MB (' + size + ' bytes)');
	check(cap.total >= 300000, 'a 300k-event trace (' + cap.total + ')');
	eq(cap.kept - cap.always_kept, 75000, 'the default cap keeps 75,000 ' +
		'events in full');
	check(cap.aggregated > 0 && cap.kept + cap.aggregated === cap.total,
		'and summarises the other ' + cap.aggregated);
	/* every process event, past the cap too */
	const procs = data.events.filter(e => data.categories[e[3]] === 'proc');
	const lanePid = e => data.lanes[e[2]].pid;
	eq(children.length, 60, 'htmlio says it forked 60 children');
	eq(procs.filter(e => data.types[e[4]] === 'spawn_process').length, 60,
		'every spawn is kept');
	eq(procs.filter(e => data.types[e[4]] === 'exit').map(lanePid).sort(),
		children.concat([data.run.root_pid]).sort(),
		'every exit is kept, the root\'s too');
	check(procs.some(e => e[0] > cap.from_ns), 'process events past the ' +
		'cap are among them');
	const paths = new Set(t.files.map(f => f.path));
	const sum = rows => rows.reduce((n, e) => n + e[5], 0);
	const writes = data.events.filter(e => data.types[e[4]] === 'write');
	const known = sum(writes.filter(e => paths.has(e[7].path)));
	/* past half its bound the summaries stop naming targets: those
	 * writes are in "other targets" rows (with the stdout writes) */
	const other = sum(writes.filter(e => e[7].aggregated &&
		e[7].path === null));
	const want = t.files.reduce((n, f) => n + f.writes, 0);
	if (other === 0)
		eq(known, want, 'every write is in a row or a summary');
	else
		check(known <= want && known + other >= want, 'every write ' +
			'is in a row or a summary: ' + known + ' named and ' +
			other + ' in other targets for ' + want);
	const t0 = Date.now();
	const { page, trouble } = await L.open(browser, file);
	const wall = Date.now() - t0;
	await L.checkBanner(page, 75000, cap.aggregated, cap.aggregates);
	eq(await L.rowCount(page), data.events.length, 'the table holds ' +
		'every kept row and summary');
	const shaded = (await page.evaluate(() =>
		document.body.dataset.aggShaded)).split(',').map(r =>
		r.split('-').map(Number));
	check(shaded.length && shaded[0][0] <= cap.from_ns &&
		shaded[shaded.length - 1][1] >= 0.9 * data.run.duration_ns,
		'the timeline shades the summarised time, to the end (' +
		shaded.length + ' ranges)');
	eq(data.memory.length, 61, 'memory points for every process');
	const m = {};
	m.rendered = Number(await page.evaluate(() =>
		document.body.dataset.renderedMs));
	m.viewer = Number(await page.evaluate(() =>
		document.body.dataset.viewerMs));
	m.decoded = Number(await page.evaluate(() =>
		document.body.dataset.decodedMs));
	m.loadWall = wall;
	/* the last row is reachable and right */
	const last = await page.evaluate(function () {
		const vp = document.getElementById('event-table');
		vp.scrollTop = vp.scrollHeight;
		vp.dispatchEvent(new Event('scroll'));
		const rows = Array.from(vp.querySelectorAll('.row:not([hidden])'));
		rows.sort((a, b) => b.getAttribute('aria-rowindex') -
			a.getAttribute('aria-rowindex'));
		return [rows[0].getAttribute('aria-rowindex'), rows[0].title,
			vp.querySelectorAll('.row').length];
	});
	const n = data.events.length;
	eq(last.slice(0, 2), [String(n), String(data.events[n - 1][6])],
		'scrolling to the end shows the last row');
	check(last[2] < 100, 'only ' + last[2] + ' row elements in the DOM');

	m.toggle = await page.evaluate(async function () {
		const cb = document.querySelector('input[data-category="file"]');
		const t = performance.now();
		cb.click();
		await new Promise(r => requestAnimationFrame(() => setTimeout(r)));
		const a = performance.now() - t;
		cb.click();
		await new Promise(r => requestAnimationFrame(() => setTimeout(r)));
		return a;
	});
	m.search = await page.evaluate(async function () {
		const s = document.getElementById('search');
		const t = performance.now();
		s.value = 'long-07';
		s.dispatchEvent(new Event('input'));
		const before = document.body.dataset.rows;
		while (document.body.dataset.rows === before &&
			performance.now() - t < 5000)
			await new Promise(r => setTimeout(r, 5));
		await new Promise(r => requestAnimationFrame(() => setTimeout(r)));
		return performance.now() - t;
	});
	const found = await L.rowCount(page);
	check(found > 0 && found < n, 'search narrows the rows (' + found +
		')');
	await page.fill('#search', '');
	await L.settle(page);
	/* a jump anywhere in the table: the rows' rebuild and layout */
	m.scroll = await page.evaluate(async function () {
		const vp = document.getElementById('event-table');
		const times = [];
		for (let i = 0; i < 60; i++) {
			const t = performance.now();
			vp.scrollTop = (i * 37 % 60) * vp.scrollHeight / 60;
			vp.dispatchEvent(new Event('scroll'));
			vp.querySelector('.row').getBoundingClientRect();
			times.push(performance.now() - t);
			await new Promise(r => requestAnimationFrame(r));
		}
		times.sort((a, b) => a - b);
		return { median: times[30], max: times[59] };
	});
	/* one timeline redraw per zoom step, as the viewer timed it */
	m.zoom = await page.evaluate(async function () {
		const times = [];
		for (let i = 0; i < 12; i++) {
			document.dispatchEvent(new KeyboardEvent('keydown',
				{ key: i < 8 ? '+' : '-', bubbles: true }));
			await new Promise(r => requestAnimationFrame(() =>
				requestAnimationFrame(r)));
			times.push(Number(document.body.dataset.drawMs));
		}
		times.sort((a, b) => a - b);
		return { median: times[6], max: times[11] };
	});
	console.log('measured: first render ' + ms(m.rendered) +
		' (performance.now() at the "cpd-rendered" mark), of which ' +
		'the viewer script ' + ms(m.viewer) + ' (decoding the data ' +
		ms(m.decoded) + '); page load ' + m.loadWall + ' ms wall; ' +
		'file ' + size + ' bytes');
	console.log('measured: category toggle to painted ' + ms(m.toggle) +
		'; search (150 ms debounce included) ' + ms(m.search));
	console.log('measured: table jump (rows + layout) median ' +
		ms(m.scroll.median) + ', max ' + ms(m.scroll.max) +
		'; timeline redraw per zoom step median ' +
		ms(m.zoom.median) + ', max ' + ms(m.zoom.max));
	await L.screenshot(page, 'report-300k.png');
	L.checkClean(trouble, '300k report');
});
