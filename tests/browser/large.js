// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * large.js REPORT TRACEE-OUTPUT: a report at the default cap. Checks the
 * banner and that the last kept row can be reached; prints how long the
 * viewer takes to render, filter, search, scroll and zoom (for people:
 * timings are never asserted).
 */
'use strict';
const L = require('./lib.js');
const { check, eq } = L;

const [file, outFile] = process.argv.slice(2);
const data = L.reportData(file);
const writes = L.tracee(outFile).written;

function ms(x) {
	return x.toFixed(1) + ' ms';
}

L.run(async function (browser) {
	eq(data.cap.kept, 75000, 'the default cap keeps 75,000 events');
	check(data.cap.total >= writes, 'the total counts every write');
	const t0 = Date.now();
	const { page, trouble } = await L.open(browser, file);
	const wall = Date.now() - t0;
	await L.checkBanner(page, 75000, data.cap.total);
	eq(await L.rowCount(page), 75000, 'the table holds 75,000 rows');
	const m = {};
	m.rendered = Number(await page.evaluate(() =>
		document.body.dataset.renderedMs));
	m.viewer = Number(await page.evaluate(() =>
		document.body.dataset.viewerMs));
	m.loadWall = wall;
	/* the last row is reachable and right */
	const last = await page.evaluate(function () {
		const vp = document.getElementById('event-table');
		vp.scrollTop = vp.scrollHeight;
		vp.dispatchEvent(new Event('scroll'));
		const rows = Array.from(vp.querySelectorAll('.row:not([hidden])'));
		rows.sort((a, b) => b.getAttribute('aria-rowindex') -
			a.getAttribute('aria-rowindex'));
		return [rows[0].getAttribute('aria-rowindex'),
			rows[0].children[4].textContent,
			vp.querySelectorAll('.row').length];
	});
	eq(last.slice(0, 2), ['75000', String(data.events[74999][6])],
		'scrolling to the end shows the last kept event');
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
		s.value = 'storm-b';
		s.dispatchEvent(new Event('input'));
		const before = document.body.dataset.rows;
		while (document.body.dataset.rows === before &&
			performance.now() - t < 5000)
			await new Promise(r => setTimeout(r, 5));
		await new Promise(r => requestAnimationFrame(() => setTimeout(r)));
		return performance.now() - t;
	});
	const found = await L.rowCount(page);
	check(found > 0 && found < 75000, 'search narrows the rows (' +
		found + ')');
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
		'the viewer script ' + ms(m.viewer) + '; page load ' +
		m.loadWall + ' ms wall');
	console.log('measured: category toggle to painted ' + ms(m.toggle) +
		'; search (150 ms debounce included) ' + ms(m.search));
	console.log('measured: table jump (rows + layout) median ' +
		ms(m.scroll.median) + ', max ' + ms(m.scroll.max) +
		'; timeline redraw per zoom step median ' +
		ms(m.zoom.median) + ', max ' + ms(m.zoom.max));
	await L.screenshot(page, 'report-75k.png');
	L.checkClean(trouble, '75k report');
});
