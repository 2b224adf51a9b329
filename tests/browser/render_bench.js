// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * render_bench.js REPORT [RUNS]: how long the viewer takes to show
 * REPORT, a benchmark, never a test. Opens it RUNS times (default 5) in
 * a fresh page of headless Chromium and prints, per run and as medians:
 * the CPU time of the page's renderer process until the viewer is ready
 * (what the machine's load changes least: it counts no waiting for a
 * CPU), and the wall-clock times the viewer itself marks: the data
 * decoded (base64, gunzip, JSON.parse), the first render (everything
 * down to the event table) and the lists built under it.
 *
 *   cd tests/browser && node render_bench.js /tmp/report.html 7
 */
'use strict';
const path = require('path');
const L = require('./lib.js');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg) || 5;

function median(xs) {
	const s = xs.slice().sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

async function rendererCpu(cdp) {
	const info = await cdp.send('SystemInfo.getProcessInfo');
	return info.processInfo.filter(p => p.type === 'renderer')
		.map(p => ({ id: p.id, cpu: p.cpuTime }));
}

L.run(async function (browser) {
	const cdp = await browser.newBrowserCDPSession();
	const out = { cpu: [], decoded: [], rendered: [], ready: [] };
	for (let k = 0; k < runs; k++) {
		const before = new Set((await rendererCpu(cdp)).map(p => p.id));
		const { page, ctx } = await L.open(browser, file);
		const d = await page.evaluate(() => ({
			decoded: Number(document.body.dataset.decodedMs),
			rendered: Number(document.body.dataset.renderedMs),
			ready: Number(document.body.dataset.readyMs),
			state: document.body.dataset.state,
		}));
		/* the renderer this page started: its CPU time since then */
		const fresh = (await rendererCpu(cdp)).filter(p =>
			!before.has(p.id));
		const cpu = fresh.reduce((n, p) => n + p.cpu, 0) * 1000;
		out.cpu.push(cpu);
		out.decoded.push(d.decoded);
		out.rendered.push(d.rendered);
		out.ready.push(d.ready);
		console.log('run ' + (k + 1) + ': ' + d.state + ', renderer CPU ' +
			cpu.toFixed(0) + ' ms, decoded at ' + d.decoded.toFixed(0) +
			' ms, first screen at ' + d.rendered.toFixed(0) + ' ms, ' +
			'all at ' + d.ready.toFixed(0) + ' ms (wall)');
		await ctx.close();
	}
	console.log('median of ' + runs + ' (' + path.basename(file) +
		'): renderer CPU ' + median(out.cpu).toFixed(0) + ' ms; wall: ' +
		'decoded ' + median(out.decoded).toFixed(0) + ' ms, first render ' +
		median(out.rendered).toFixed(0) + ' ms, lists built ' +
		median(out.ready).toFixed(0) + ' ms');
});
