// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Shared by the browser tests: run a test in headless Chromium, open a
 * report and record everything that must not happen (console errors,
 * page errors, dialogs, any request but the file:// document itself),
 * read the table, the process list and the cap banner, read what htmlio
 * said it did, and keep screenshots. Each test script holds only its
 * scenario.
 */
'use strict';
const path = require('path');
const fs = require('fs');
const zlib = require('zlib');

const { chromium } = require(process.env.CPD_PLAYWRIGHT ||
	'playwright-core');

const ARGS = ['--no-sandbox', '--headless', '--disable-gpu',
	'--disable-background-networking', '--disable-component-update',
	'--no-first-run'];

let failures = 0;

function check(cond, what) {
	if (cond) {
		console.log('ok: ' + what);
	} else {
		failures++;
		console.log('NOT OK: ' + what);
	}
}

function clip(s) {
	return s.length > 800 ? s.slice(0, 800) + '…' : s;
}

function eq(got, want, what) {
	const g = JSON.stringify(got);
	const w = JSON.stringify(want);
	check(g === w, what + (g === w ? '' : ': got ' + clip(g) +
		', want ' + clip(w)));
}

async function launch() {
	return chromium.launch({
		executablePath: process.env.CPD_CHROMIUM || '/usr/bin/chromium',
		args: ARGS,
	});
}

/* Open FILE; returns { page, trouble } where trouble collects what went
 * wrong while the page lived. */
async function open(browser, file, opts) {
	const ctx = await browser.newContext(Object.assign({
		viewport: { width: 1400, height: 900 },
	}, opts || {}));
	const page = await ctx.newPage();
	const url = 'file://' + path.resolve(file);
	const trouble = { console: [], errors: [], requests: [], dialogs: [] };
	page.on('console', function (m) {
		if (m.type() === 'error' || m.type() === 'warning')
			trouble.console.push(m.type() + ': ' + m.text());
	});
	page.on('pageerror', e => trouble.errors.push(String(e)));
	page.on('dialog', function (d) {
		trouble.dialogs.push(d.message());
		d.dismiss().catch(() => {});
	});
	/* every request, served or not: only the document may be asked for */
	await ctx.route('**/*', function (route) {
		const u = route.request().url();
		if (u === url)
			return route.continue();
		trouble.requests.push(u);
		return route.abort();
	});
	page.on('request', function (r) {
		if (r.url() !== url && !trouble.requests.includes(r.url()))
			trouble.requests.push(r.url());
	});
	await page.goto(url);
	await page.waitForFunction(() => document.body.dataset.state === 'ready' ||
		document.body.dataset.state === 'error', null, { timeout: 60000 });
	return { page, trouble, ctx };
}

function checkClean(trouble, what) {
	eq(trouble.console, [], what + ': no console error or warning');
	eq(trouble.errors, [], what + ': no page error');
	eq(trouble.requests, [], what + ': no network request');
	eq(trouble.dialogs, [], what + ': no dialog');
}

/* Every row that passes the filters: scroll the virtual table through. */
async function allRows(page) {
	const total = Number(await page.evaluate(() =>
		document.body.dataset.rows));
	const seen = new Map();
	let top = 0;
	for (;;) {
		const batch = await page.evaluate(function (y) {
			const vp = document.getElementById('event-table');
			vp.scrollTop = y;
			vp.dispatchEvent(new Event('scroll'));
			return {
				h: vp.clientHeight,
				rows: Array.from(vp.querySelectorAll('.row:not([hidden])'))
					.map(r => [Number(r.getAttribute('aria-rowindex')),
						Array.from(r.children).map(c => c.textContent)]),
			};
		}, top);
		batch.rows.forEach(([p, c]) => seen.set(p, c));
		if (seen.size >= total || top > total * 24)
			break;
		top += Math.max(24, batch.h - 48);
	}
	await page.evaluate(() => {
		document.getElementById('event-table').scrollTop = 0;
	});
	return Array.from(seen.keys()).sort((a, b) => a - b)
		.map(k => seen.get(k));
}

async function rowCount(page) {
	return Number(await page.evaluate(() => document.body.dataset.rows));
}

/* Wait until the debounced filters have settled on a new row count. */
async function settle(page) {
	await page.waitForTimeout(300);
	await page.evaluate(() => new Promise(r => requestAnimationFrame(r)));
}

/* After a filter change: the table shows exactly the rows WANT. */
async function checkRows(page, want, what) {
	await settle(page);
	eq(await allRows(page), want, what);
}

/* After a filter change: N rows pass the filters. */
async function checkCount(page, n, what) {
	await settle(page);
	eq(await rowCount(page), n, what);
}

/* The process list, as arrays of cell texts. */
async function processList(page) {
	return page.$$eval('#process-list tbody tr', trs =>
		trs.map(tr => Array.from(tr.children).map(td => td.textContent)));
}

/* The banner of a report cut at KEPT of TOTAL events. */
async function checkBanner(page, kept, total) {
	const nf = new Intl.NumberFormat('en-US');
	eq(await page.textContent('#cap-banner'), 'Showing the first ' +
		nf.format(kept) + ' of ' + nf.format(total) +
		' events; the summary counts all of them.', 'the cap banner');
}

function artifacts() {
	const dir = process.env.CPD_ARTIFACTS || 'artifacts';
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/* A page's or a locator's picture, NAME in the artifacts directory. */
async function screenshot(target, name, opts) {
	await target.screenshot(Object.assign({
		path: path.join(artifacts(), name) }, opts || {}));
}

function done() {
	if (failures) {
		console.log(failures + ' check(s) failed');
		process.exit(1);
	}
	console.log('all checks passed');
}

/* What tests/progs/htmlio printed it did: its LANE, FILE and CHILD lines
 * (paths come hex-encoded and are decoded as the report does, a byte
 * that is not UTF-8 becoming U+FFFD), and the bytes written in all. */
function tracee(file) {
	const t = { lanes: [], files: [], child: null, written: 0 };
	const lines = fs.readFileSync(file, 'utf8').split('\n')
		.filter(Boolean).map(l => l.split(' '));
	for (const w of lines) {
		const n = w.slice(1).map(Number);
		if (w[0] === 'LANE') {
			t.lanes.push({ pid: n[0], tid: n[1], thread: !!n[2],
				parent: n[3] });
		} else if (w[0] === 'FILE') {
			t.files.push({ pid: n[0], tid: n[1],
				path: Buffer.from(w[3], 'hex').toString('utf8'),
				read: n[3], wrote: n[4], writes: n[5] });
			t.written += n[4];
		} else if (w[0] === 'CHILD') {
			t.child = { pid: n[0], exit: n[2] };
		}
	}
	return t;
}

/* Run MAIN(browser) in a fresh headless Chromium, closed after; the exit
 * status says whether every check held and nothing threw. */
function run(main) {
	(async function () {
		const browser = await launch();
		try {
			await main(browser);
		} finally {
			await browser.close();
		}
		done();
	})().catch(function (e) {
		console.log('NOT OK: ' + (e && e.stack || e));
		process.exit(1);
	});
}

/* the report's data block, as the viewer reads it: plain JSON, or gzip
 * in base64 */
function reportData(file) {
	const html = fs.readFileSync(file, 'utf8');
	const m = /<script type="application\/(json|gzip)"( data-encoding="base64")? id="cpd-data">([^<]*)<\/script>/
		.exec(html);
	if (!m)
		throw new Error(file + ': no data block');
	if (m[1] === 'json')
		return JSON.parse(m[3]);
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(m[3]))
		throw new Error(file + ': the compressed block is not base64');
	return JSON.parse(zlib.gunzipSync(Buffer.from(m[3], 'base64'))
		.toString('utf8'));
}

module.exports = {
	run, open, check, eq, checkClean, reportData, tracee, allRows,
	rowCount, settle, checkRows, checkCount, processList, checkBanner,
	screenshot,
};
