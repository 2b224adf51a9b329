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

/* Open FILE (with the fragment HASH, if given); returns { page, trouble }
 * where trouble collects what went wrong while the page lived. */
async function open(browser, file, opts, hash) {
	const ctx = await browser.newContext(Object.assign({
		viewport: { width: 1400, height: 900 }, acceptDownloads: true,
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
	/* a download the page makes itself (blob:) is not a request out */
	page.on('request', function (r) {
		if (r.url() !== url && !r.url().startsWith('blob:') &&
			!trouble.requests.includes(r.url()))
			trouble.requests.push(r.url());
	});
	await page.goto(url + (hash ? '#' + hash : ''));
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

/* Every row that passes the filters, as its cells' texts (time, pid/tid,
 * process, category, type, duration, details as shown) and its whole
 * details (the row's tooltip): scroll the virtual table through. */
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
						Array.from(r.children).map(c => c.textContent)
							.concat(r.title)]),
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

/* The Problems panel's entry of a report whose detail stops at FIRST
 * events, with SUMMARISED more in ROWS summaries. */
async function checkBanner(page, first, summarised, rows) {
	const nf = new Intl.NumberFormat('en-US');
	const t = await page.textContent('#cap-banner');
	check(t.includes('Detail kept for the first ' + nf.format(first) +
		' events') && t.includes(nf.format(summarised) + ' later events ' +
		'are summarised in ' + nf.format(rows) + ' rows'),
		'the Problems panel says where detail stops: ' + t);
}

/* The Problems panel's entries: { sev, kind, rule, lane, title, cmd, sub }. */
async function problems(page) {
	return page.$$eval('#problems li.problem', lis => lis.map(li => ({
		sev: li.querySelector('.sev').textContent,
		kind: li.dataset.kind,
		rule: li.dataset.rule || null,
		lane: li.dataset.lane === undefined ? -1 : Number(li.dataset.lane),
		title: li.querySelector('.title').textContent,
		cmd: (li.querySelector('.cmd') || {}).textContent || '',
		sub: (li.querySelector('.sub') || {}).textContent || '',
	})));
}

/*
 * Every column header of every table lies inside its card and the
 * viewport, its label not cut, and nothing scrolls sideways: what does
 * not hold, as strings (empty when all is well).
 */
async function layoutTrouble(page) {
	return page.evaluate(function () {
		const bad = [];
		const vw = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > vw + 1)
			bad.push('the page scrolls sideways: ' +
				document.documentElement.scrollWidth + ' > ' + vw);
		const heads = document.querySelectorAll(
			'#app th, #app .row.head [role=columnheader]');
		if (!heads.length)
			bad.push('no table headers');
		heads.forEach(function (h) {
			/* a column that stepped aside (the page says so) is not
			 * shown, so not cut */
			if (!h.getClientRects().length)
				return;
			const card = h.closest('.list') || h.closest('.panel');
			const r = h.getBoundingClientRect();
			const c = card.getBoundingClientRect();
			const name = (card.id || card.className) + ': "' +
				h.textContent + '"';
			if (r.width < 8)
				bad.push(name + ' has no width');
			if (r.left < c.left - 0.5 || r.right > c.right + 0.5)
				bad.push(name + ' sticks out of its card (' +
					[r.left, r.right, c.left, c.right].map(Math.round) + ')');
			if (r.left < -0.5 || r.right > vw + 0.5)
				bad.push(name + ' is outside the viewport');
			const b = h.querySelector('button');
			if (b && b.scrollWidth > b.clientWidth + 1)
				bad.push(name + ' is cut: ' + b.scrollWidth + ' > ' +
					b.clientWidth);
		});
		document.querySelectorAll('#app .list-wrap, #app .table')
			.forEach(function (w) {
				if (w.scrollWidth > w.clientWidth + 1)
					bad.push((w.parentNode.id || w.className) +
						' scrolls sideways');
			});
		return bad;
	});
}

/*
 * WCAG contrast of every piece of text on the page against what is
 * behind it (computed styles, opacity and translucent backgrounds
 * blended), and of the canvases' text colours against their
 * backgrounds. Returns what is under MIN, as strings.
 */
async function contrastTrouble(page, min) {
	return page.evaluate(function (min) {
		const rgba = function (s) {
			const m = /rgba?\(([^)]*)\)/.exec(s);
			if (!m)
				return [0, 0, 0, 0];
			const v = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
			return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
		};
		const over = (a, b) => [0, 1, 2].map(i => a[i] * a[3] +
			b[i] * (1 - a[3])).concat(1);
		const lum = function (c) {
			const f = function (x) {
				x /= 255;
				return x <= 0.03928 ? x / 12.92 :
					Math.pow((x + 0.055) / 1.055, 2.4);
			};
			return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
		};
		const ratio = function (a, b) {
			const x = lum(a);
			const y = lum(b);
			return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
		};
		const page = rgba(getComputedStyle(document.documentElement)
			.backgroundColor);
		const behind = function (el) {
			const layers = [];
			for (let e = el; e; e = e.parentElement) {
				const c = rgba(getComputedStyle(e).backgroundColor);
				if (c[3] > 0)
					layers.push(c);
				if (c[3] >= 1)
					break;
			}
			let bg = page[3] ? page : [255, 255, 255, 1];
			for (let i = layers.length - 1; i >= 0; i--)
				bg = over(layers[i], bg);
			return bg;
		};
		const bad = [];
		const seen = new Set();
		document.querySelectorAll('#app *, body > .banner *').forEach(
			function (el) {
				if (el.tagName === 'OPTION' || el.tagName === 'SCRIPT' ||
					!el.getClientRects().length)
					return;
				const own = Array.from(el.childNodes).some(n =>
					n.nodeType === 3 && n.data.trim());
				if (!own)
					return;
				const cs = getComputedStyle(el);
				if (cs.visibility === 'hidden')
					return;
				let alpha = 1;
				for (let e = el; e; e = e.parentElement)
					alpha *= Number(getComputedStyle(e).opacity);
				const fg = rgba(cs.color);
				fg[3] *= alpha;
				const bg = behind(el);
				const r = ratio(over(fg, bg), bg);
				const key = cs.color + '/' + bg.join(',');
				if (r < min && !seen.has(key)) {
					seen.add(key);
					bad.push(el.tagName.toLowerCase() + '.' + el.className +
						' "' + el.textContent.trim().slice(0, 30) + '": ' +
						r.toFixed(2) + ' (' + cs.color + ' on rgb(' +
						bg.slice(0, 3).map(Math.round) + '))');
				}
			});
		/* what the canvases draw text with, on what they draw it */
		const v = n => rgba(getComputedStyle(document.body)
			.getPropertyValue(n).trim().replace(/^#(..)(..)(..)$/,
				(m, r, g, b) => 'rgb(' + [r, g, b].map(x =>
					parseInt(x, 16)) + ')'));
		[['--fg', '--bg'], ['--fg', '--lane-alt'], ['--muted', '--bg'],
			['--thread', '--bg'], ['--thread', '--lane-alt'],
			['--err-fg', '--bg'], ['--err-fg', '--lane-alt'],
			['--bg', '--fg']].forEach(function ([f, b]) {
			const r = ratio(v(f), v(b));
			if (r < min)
				bad.push('canvas ' + f + ' on ' + b + ': ' + r.toFixed(2));
		});
		return bad;
	}, min);
}

/* Click SELECTOR and return the text of the file it downloads. */
async function download(page, selector) {
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		page.click(selector),
	]);
	const p = await dl.path();
	return { name: dl.suggestedFilename(), text: fs.readFileSync(p, 'utf8') };
}

/* RFC 4180 text to rows of cells. */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let cell = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') {
				q = false;
			} else {
				cell += c;
			}
		} else if (c === '"' && cell === '') {
			q = true;
		} else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else if (c !== '\r') {
			cell += c;
		}
	}
	if (cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
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
	screenshot, problems, layoutTrouble, contrastTrouble, download,
	parseCsv,
};
