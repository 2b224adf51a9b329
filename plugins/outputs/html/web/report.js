// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The report viewer. Plain ES2020, no framework, no network: it reads the
 * JSON data block, builds the page with createElement/textContent only
 * (every string in the data came from a tracee and is untrusted), draws
 * the swimlane timeline on a canvas and keeps only the visible rows of
 * the event table in the DOM.
 */
'use strict';
(function () {
	const NF = new Intl.NumberFormat('en-US');
	const ROW_H = 24;		/* px, keep in step with --row-h */
	const AXIS_H = 26;		/* px, the time axis and brush strip */
	const PROC_H = 22;
	const THREAD_H = 15;
	const MIN_SPAN = 1000;		/* ns, the deepest zoom */
	const SIGNALS = ['', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL',
		'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1',
		'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM',
		'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP',
		'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ',
		'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS'];
	/* fixed per category so two reports look alike; others hashed */
	const CAT_COLORS = {
		proc: '#e5484d', file: '#3e7bfa', net: '#2fa36b',
		mmap: '#f08c2e', fault: '#c9a000', sched: '#14a3b8',
		blkio: '#8e5cf0', syscall: '#7b8594', lost: '#d6336c',
	};
	const SPARE_COLORS = ['#b5651d', '#5c7cfa', '#12b886', '#e8590c',
		'#ae3ec9', '#868e96'];

	const body = document.body;
	const scriptStart = performance.now();

	/* ---- errors: a broken viewer must say so on the page ---- */

	function showError(msg) {
		body.dataset.state = 'error';
		let box = document.getElementById('viewer-error');
		if (!box) {
			box = el('div', 'banner error');
			box.id = 'viewer-error';
			box.setAttribute('role', 'alert');
			body.insertBefore(box, body.firstChild);
		}
		box.appendChild(el('p', null, 'Report viewer error: ' + msg));
	}
	window.addEventListener('error', function (e) {
		showError(e.message || String(e.error));
	});
	window.addEventListener('unhandledrejection', function (e) {
		showError(String(e.reason));
	});

	/* ---- small helpers ---- */

	function el(tag, cls, text) {
		const e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = String(text);
		return e;
	}

	function button(text, cls, onclick) {
		const b = el('button', cls, text);
		b.type = 'button';
		b.addEventListener('click', onclick);
		return b;
	}

	function num(v) {
		return typeof v === 'number' ? v : Number(v);
	}

	function fmtCount(v) {
		const n = num(v);
		return Number.isFinite(n) ? NF.format(n) : String(v);
	}

	function fmtBytes(v) {
		const n = num(v);
		if (!Number.isFinite(n))
			return String(v);
		const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
		let x = Math.abs(n);
		let i = 0;
		while (x >= 1024 && i < units.length - 1) {
			x /= 1024;
			i++;
		}
		if (i === 0)
			return NF.format(n) + ' B';
		return (n < 0 ? '-' : '') + x.toFixed(x < 10 ? 2 : 1) + ' ' +
			units[i];
	}

	function fmtNs(v) {
		const n = num(v);
		if (!Number.isFinite(n))
			return String(v);
		const a = Math.abs(n);
		if (a < 1e3)
			return n + ' ns';
		if (a < 1e6)
			return (n / 1e3).toFixed(a < 1e4 ? 2 : 1) + ' µs';
		if (a < 1e9)
			return (n / 1e6).toFixed(a < 1e7 ? 2 : 1) + ' ms';
		return (n / 1e9).toFixed(a < 1e11 ? 3 : 1) + ' s';
	}

	function fmtValue(v, unit) {
		if (v === null || v === undefined)
			return '—';
		switch (unit) {
		case 'bytes':
			return fmtBytes(v);
		case 'ns':
			return fmtNs(v);
		case 'count':
		case 'timestamp':
			return fmtCount(v);
		case 'percent': {
			const n = num(v);
			return Number.isFinite(n) ? n.toFixed(1) + '%' : String(v);
		}
		case 'addr':
			return String(v);
		default:
			return typeof v === 'number' ? NF.format(v) : String(v);
		}
	}

	/* event time as the table shows it: seconds, µs resolution */
	function fmtT(t) {
		return '+' + (t / 1e9).toFixed(6);
	}

	function fmtExit(code, sig) {
		if (sig > 0)
			return 'killed by ' + (SIGNALS[sig] || 'signal ' + sig);
		if (code === null || code === undefined || code < 0)
			return 'unknown';
		return 'exit ' + code;
	}

	function debounce(fn, ms) {
		let timer = 0;
		return function () {
			clearTimeout(timer);
			timer = setTimeout(fn, ms);
		};
	}

	/* first index in sorted arr (through key) with key >= v */
	function lowerBound(n, key, v) {
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (key(mid) < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}

	function catColor(name, i) {
		return CAT_COLORS[name] || SPARE_COLORS[i % SPARE_COLORS.length];
	}

	/* ---- the data ---- */

	const node = document.getElementById('cpd-data');
	if (!node) {
		showError('the report has no data block (was it written ' +
			'by compendium --report?)');
		return;
	}
	const data = JSON.parse(node.textContent);
	if (data.format !== 'compendium-report')
		showError('this is not a compendium report (format "' +
			String(data.format) + '")');
	if (data.version !== 1)
		showError('report format version ' + String(data.version) +
			' is newer than this viewer (1); some parts may be missing');

	const run = data.run || {};
	const stats = data.stats || {};
	const ev = Array.isArray(data.events) ? data.events : [];
	const N = ev.length;
	const lanes = Array.isArray(data.lanes) ? data.lanes : [];
	const cats = Array.isArray(data.categories) ? data.categories : [];
	const types = Array.isArray(data.types) ? data.types : [];

	/* lanes: depth, owning process, per-lane event lists */
	const depth = new Int32Array(lanes.length);
	const procOf = new Int32Array(lanes.length);
	const laneKids = lanes.map(() => []);
	lanes.forEach(function (l, i) {
		const p = l.parent;
		if (p >= 0 && p < i) {
			depth[i] = depth[p] + 1;
			laneKids[p].push(i);
		}
		procOf[i] = l.thread && p >= 0 && p < i ? procOf[p] : i;
	});
	const laneCount = new Int32Array(lanes.length);
	const catCount = new Int32Array(cats.length);
	const typeCount = new Int32Array(types.length);
	let lastT = 0;
	for (let i = 0; i < N; i++) {
		const e = ev[i];
		if (e[2] >= 0 && e[2] < lanes.length)
			laneCount[e[2]]++;
		catCount[e[3]]++;
		typeCount[e[4]]++;
		lastT = Math.max(lastT, e[0] + (e[1] || 0));
	}
	const laneEv = lanes.map((l, i) => new Int32Array(laneCount[i]));
	const laneMaxDur = new Float64Array(lanes.length);
	{
		const fill = new Int32Array(lanes.length);
		for (let i = 0; i < N; i++) {
			const li = ev[i][2];
			if (li >= 0 && li < lanes.length) {
				laneEv[li][fill[li]++] = i;
				if (ev[i][1] > laneMaxDur[li])
					laneMaxDur[li] = ev[i][1];
			}
		}
	}
	let D = num(run.duration_ns) || 0;
	D = Math.max(D, lastT);
	lanes.forEach(function (l) {
		D = Math.max(D, num(l.end_ns) || 0, num(l.start_ns) || 0);
	});
	if (D <= 0)
		D = 1;

	function laneName(li) {
		const l = lanes[li];
		if (!l)
			return '?';
		return l.thread ? (l.comm || '') + ' tid ' + l.tid :
			(l.comm || '') + ' ' + l.pid;
	}

	function taskText(li) {
		const l = lanes[li];
		if (!l)
			return '?';
		return l.thread ? l.pid + '/' + l.tid : String(l.pid);
	}

	/* ---- state ---- */

	const S = {
		catOn: new Uint8Array(cats.length).fill(1),
		typeOn: new Uint8Array(types.length).fill(1),
		laneOn: new Uint8Array(lanes.length).fill(1),
		proc: -1,
		withKids: true,
		search: '',
		lower: null,
		brush: null,
		mask: new Uint8Array(N),
		rows: new Int32Array(0),
		sel: -1,
		v0: 0,
		v1: D,
		scrollY: 0,
	};

	/* ---- header, banners, cards ---- */

	const app = document.getElementById('app');
	app.textContent = '';
	const cmd = String(run.command || (lanes[0] && lanes[0].comm) || '');
	document.title = 'compendium: ' + (cmd || 'report');

	function buildHeader() {
		const h = el('header', 'top');
		h.appendChild(el('h1', null, 'compendium report'));
		const c = el('p', 'command');
		c.appendChild(el('code', null, cmd || '(unknown command)'));
		h.appendChild(c);
		const bits = [];
		if (run.start_wall)
			bits.push('started ' + run.start_wall);
		if (run.hostname)
			bits.push('on ' + run.hostname);
		bits.push('ran ' + fmtNs(num(run.duration_ns) || 0));
		bits.push(fmtExit(run.exit_code, run.exit_signal));
		bits.push(fmtCount(N) + ' events shown');
		if (data.tool)
			bits.push((data.tool.name || 'compendium') + ' ' +
				(data.tool.version || ''));
		h.appendChild(el('p', 'meta', bits.join(' · ')));
		return h;
	}

	function buildBanners() {
		const box = el('div', 'banners');
		const cap = data.cap;
		if (cap && num(cap.kept) < num(cap.total)) {
			const b = el('div', 'banner cap', 'Showing the first ' +
				fmtCount(cap.kept) + ' of ' + fmtCount(cap.total) +
				' events; the summary counts all of them.');
			b.id = 'cap-banner';
			b.setAttribute('role', 'status');
			box.appendChild(b);
		}
		(data.lost || []).forEach(function (l) {
			if (!(num(l.count) > 0))
				return;
			box.appendChild(el('div', 'banner warn', 'Lost ' +
				fmtCount(l.count) + ' ' + String(l.kind || '') +
				' events' + (l.reason ? ': ' + l.reason : '') +
				'.'));
		});
		(data.notices || []).forEach(function (n) {
			const lv = String(n.level);
			const b = el('div', 'banner notice ' + (lv === 'error' ?
				'error' : lv === 'warn' || lv === 'warning' ? 'warn' :
				'info'));
			b.appendChild(el('span', 'origin',
				String(n.origin || 'note') + ': '));
			b.appendChild(document.createTextNode(String(n.text)));
			if (typeof n.t === 'number')
				b.appendChild(el('span', 'when', ' at ' + fmtT(n.t) + ' s'));
			box.appendChild(b);
		});
		return box;
	}

	function card(title, rows, cls) {
		const c = el('section', 'card' + (cls ? ' ' + cls : ''));
		c.appendChild(el('h3', null, title));
		const dl = el('dl');
		rows.forEach(function (r) {
			const row = el('div', 'kv');
			if (r[2])	/* the schema's line about the value */
				row.title = r[2];
			row.appendChild(el('dt', null, r[0]));
			row.appendChild(el('dd', null, r[1]));
			dl.appendChild(row);
		});
		c.appendChild(dl);
		return c;
	}

	function buildCards() {
		const box = el('section', 'cards');
		box.setAttribute('aria-label', 'Summary');
		const procs = lanes.filter(l => !l.thread).length;
		box.appendChild(card('Run', [
			['Duration', fmtNs(num(run.duration_ns) || 0)],
			['Result', fmtExit(run.exit_code, run.exit_signal)],
			['Processes', fmtCount(stats.processes_seen ?? procs)],
			['Tasks', fmtCount(stats.tasks_seen ?? lanes.length)],
		], 'run'));
		const sections = (data.sections || []).slice()
			.sort((a, b) => (a.order || 0) - (b.order || 0));
		sections.forEach(function (s) {
			const rows = (s.values || []).map(v => [
				String(v.label || v.key), fmtValue(v.value, v.unit),
				v.help ? String(v.help) : '']);
			box.appendChild(card(String(s.title || s.topic), rows));
		});
		let lost = 0;
		(data.lost || []).forEach(l => { lost += num(l.count) || 0; });
		const tr = [];
		if ('ptrace_stops' in stats)
			tr.push(['ptrace stops', fmtCount(stats.ptrace_stops)]);
		if ('syscalls_seen' in stats)
			tr.push(['Syscalls', fmtCount(stats.syscalls_seen)]);
		if ('events_published' in stats)
			tr.push(['Events', fmtCount(stats.events_published)]);
		tr.push(['Lost events', fmtCount(lost +
			(num(stats.events_dropped) || 0))]);
		box.appendChild(card('Tracer', tr, lost > 0 ? 'warn' : ''));
		return box;
	}

	/* ---- timeline ---- */

	const tl = {};

	function buildTimeline() {
		const sec = el('section', 'panel timeline');
		sec.id = 'timeline';
		const head = el('div', 'panel-head');
		head.appendChild(el('h2', null, 'Timeline'));
		tl.zoomLabel = el('span', 'zoom-label');
		tl.zoomLabel.id = 'zoom-label';
		tl.zoomLabel.setAttribute('aria-live', 'polite');
		const tools = el('div', 'tools');
		tools.appendChild(button('−', 'icon', () => zoomBy(1 / 1.5)));
		tools.lastChild.setAttribute('aria-label', 'Zoom out');
		tools.appendChild(tl.zoomLabel);
		tools.appendChild(button('+', 'icon', () => zoomBy(1.5)));
		tools.lastChild.setAttribute('aria-label', 'Zoom in');
		tools.appendChild(button('Reset', null, resetZoom));
		head.appendChild(tools);
		head.appendChild(el('p', 'hint', 'Ctrl/⌘+wheel or +/−/0 to ' +
			'zoom, drag or wheel to pan, shift-drag (or drag the time ' +
			'axis) to pick a time range, double-click to reset.'));
		sec.appendChild(head);
		const wrap = el('div', 'canvas-wrap');
		tl.canvas = el('canvas');
		tl.canvas.tabIndex = 0;
		tl.canvas.setAttribute('role', 'img');
		tl.canvas.setAttribute('aria-label', 'Swimlane timeline, one ' +
			'lane per process and thread');
		wrap.appendChild(tl.canvas);
		tl.tip = el('div', 'tooltip');
		tl.tip.hidden = true;
		wrap.appendChild(tl.tip);
		sec.appendChild(wrap);
		const legend = el('ul', 'legend');
		cats.forEach(function (c, i) {
			if (!catCount[i])
				return;
			const li = el('li');
			const sw = el('span', 'swatch');
			sw.style.background = catColor(c, i);
			li.appendChild(sw);
			li.appendChild(document.createTextNode(c));
			legend.appendChild(li);
		});
		sec.appendChild(legend);
		tl.ctx = tl.canvas.getContext('2d');
		tl.laneTop = new Float64Array(lanes.length + 1);
		for (let i = 0; i < lanes.length; i++)
			tl.laneTop[i + 1] = tl.laneTop[i] +
				(lanes[i].thread ? THREAD_H : PROC_H);
		return sec;
	}

	function readColors() {
		const cs = getComputedStyle(body);
		const v = n => cs.getPropertyValue(n).trim();
		tl.col = {
			bg: v('--bg'), fg: v('--fg'), muted: v('--muted'),
			grid: v('--grid'), alt: v('--lane-alt'), bar: v('--lane-bar'),
			sel: v('--sel'), brush: v('--brush'), thread: v('--thread'),
		};
	}

	function plotX() {
		return Math.min(220, Math.max(120, tl.w * 0.2));
	}

	function viewH() {
		return tl.h - AXIS_H;
	}

	function maxScrollY() {
		return Math.max(0, tl.laneTop[lanes.length] - viewH());
	}

	function sizeCanvas() {
		const wrap = tl.canvas.parentNode;
		const w = Math.max(300, wrap.clientWidth);
		const h = Math.min(480, Math.max(120, AXIS_H +
			tl.laneTop[lanes.length] + 4));
		const dpr = window.devicePixelRatio || 1;
		tl.w = w;
		tl.h = h;
		tl.canvas.width = Math.round(w * dpr);
		tl.canvas.height = Math.round(h * dpr);
		tl.canvas.style.width = w + 'px';
		tl.canvas.style.height = h + 'px';
		tl.dpr = dpr;
		S.scrollY = Math.min(S.scrollY, maxScrollY());
	}

	let drawPending = false;
	function scheduleDraw() {
		if (drawPending)
			return;
		drawPending = true;
		requestAnimationFrame(function () {
			drawPending = false;
			draw();
		});
	}

	function niceStep(span, px) {
		const raw = Math.max(1, span / Math.max(1, px / 110));
		const p = Math.pow(10, Math.floor(Math.log10(raw)));
		for (const m of [1, 2, 5, 10])
			if (m * p >= raw)
				return m * p;
		return 10 * p;
	}

	function fmtTick(t, step) {
		if (step >= 1e9)
			return (t / 1e9).toFixed(step % 1e9 ? 1 : 0) + ' s';
		if (step >= 1e6)
			return (t / 1e6).toFixed(step % 1e6 ? 1 : 0) + ' ms';
		if (step >= 1e3)
			return (t / 1e3).toFixed(step % 1e3 ? 1 : 0) + ' µs';
		return t + ' ns';
	}

	function draw() {
		const started = performance.now();
		const ctx = tl.ctx;
		const W = tl.w;
		const H = tl.h;
		const LX = plotX();
		const PW = W - LX - 6;
		const k = PW / (S.v1 - S.v0);
		const xOf = t => LX + (t - S.v0) * k;
		const c = tl.col;
		ctx.setTransform(tl.dpr, 0, 0, tl.dpr, 0, 0);
		ctx.fillStyle = c.bg;
		ctx.fillRect(0, 0, W, H);
		ctx.font = '11px system-ui, sans-serif';
		ctx.textBaseline = 'middle';

		/* lanes */
		const top = S.scrollY;
		let first = lowerBound(lanes.length, i => tl.laneTop[i + 1], top);
		for (let li = first; li < lanes.length; li++) {
			const y = AXIS_H + tl.laneTop[li] - top;
			if (y > H)
				break;
			const l = lanes[li];
			const lh = l.thread ? THREAD_H : PROC_H;
			if (li % 2) {
				ctx.fillStyle = c.alt;
				ctx.fillRect(0, y, W, lh);
			}
			/* label */
			ctx.save();
			ctx.beginPath();
			ctx.rect(0, y, LX - 4, lh);
			ctx.clip();
			const ind = 6 + Math.min(depth[li], 10) * 9;
			ctx.fillStyle = l.thread ? c.thread : c.fg;
			ctx.font = l.thread ? 'italic 10px system-ui, sans-serif' :
				'11px system-ui, sans-serif';
			ctx.fillText((l.thread ? '↳ ' : '') + laneName(li), ind,
				y + lh / 2);
			ctx.restore();
			if (!S.laneOn[li])
				ctx.globalAlpha = 0.3;
			/* lifetime bar */
			const s = num(l.start_ns) || 0;
			const e = l.end_ns === null || l.end_ns === undefined ?
				D : num(l.end_ns);
			const bx0 = Math.max(LX, xOf(s));
			const bx1 = Math.min(W - 6, xOf(e));
			if (bx1 > bx0) {
				ctx.fillStyle = c.bar;
				const bh = l.thread ? 5 : 8;
				ctx.fillRect(bx0, y + (lh - bh) / 2, Math.max(1, bx1 - bx0),
					bh);
			}
			drawLaneEvents(li, y, lh, LX, W - 6, xOf, k);
			ctx.globalAlpha = 1;
		}

		/* axis and grid */
		ctx.fillStyle = c.bg;
		ctx.fillRect(0, 0, W, AXIS_H);
		ctx.strokeStyle = c.grid;
		ctx.fillStyle = c.muted;
		ctx.font = '10px system-ui, sans-serif';
		ctx.lineWidth = 1;
		const step = niceStep(S.v1 - S.v0, PW);
		ctx.beginPath();
		/* multiples, not a running sum: no 0.30000000000000004 */
		for (let m = Math.ceil(S.v0 / step); m * step <= S.v1; m++) {
			const t = m * step;
			const x = Math.round(xOf(t)) + 0.5;
			ctx.moveTo(x, AXIS_H - 6);
			ctx.lineTo(x, H);
			if (x + 44 < W)
				ctx.fillText(fmtTick(t, step), x + 3, AXIS_H / 2 - 2);
		}
		ctx.stroke();
		ctx.beginPath();
		ctx.moveTo(LX, AXIS_H - 0.5);
		ctx.lineTo(W, AXIS_H - 0.5);
		ctx.stroke();
		ctx.fillStyle = c.muted;
		ctx.fillText(lanes.length + ' tasks', 6, AXIS_H / 2 - 2);
		if (!N)
			ctx.fillText('No events recorded.', LX + 8, AXIS_H + 20);

		/* brushed range */
		if (S.brush) {
			const x0 = Math.max(LX, xOf(S.brush[0]));
			const x1 = Math.min(W, xOf(S.brush[1]));
			if (x1 >= x0) {
				ctx.fillStyle = c.brush;
				ctx.fillRect(x0, 0, Math.max(2, x1 - x0), H);
			}
		}
		/* selected event; where it is drawn is exposed for tests */
		delete body.dataset.selX;
		delete body.dataset.selY;
		if (S.sel >= 0) {
			const e = ev[S.sel];
			const x = xOf(e[0]);
			const li = e[2];
			const y = AXIS_H + (tl.laneTop[li] || 0) - top;
			const lh = li >= 0 && li < lanes.length ?
				tl.laneTop[li + 1] - tl.laneTop[li] : 0;
			if (x >= LX && x <= W) {
				ctx.strokeStyle = c.sel;
				ctx.lineWidth = 2;
				ctx.beginPath();
				ctx.moveTo(x, 0);
				ctx.lineTo(x, H);
				ctx.stroke();
				ctx.strokeRect(x - 4, y + 1, 8 + Math.max(0, e[1] * k),
					lh - 2);
				ctx.lineWidth = 1;
				if (y >= AXIS_H && y + lh <= H) {
					body.dataset.selX = x.toFixed(1);
					body.dataset.selY = (y + lh / 2).toFixed(1);
				}
			}
		}
		/* vertical scroll hint */
		if (maxScrollY() > 0) {
			const vh = viewH();
			const total = tl.laneTop[lanes.length];
			const bh = Math.max(20, vh * vh / total);
			const by = AXIS_H + (vh - bh) * (S.scrollY / maxScrollY());
			ctx.fillStyle = c.grid;
			ctx.fillRect(W - 5, by, 4, bh);
		}
		updateZoomLabel();
		body.dataset.plotLeft = String(LX);
		body.dataset.plotWidth = String(PW);
		body.dataset.drawMs = (performance.now() - started).toFixed(2);
	}

	function drawLaneEvents(li, y, lh, xmin, xmax, xOf, k) {
		const ctx = tl.ctx;
		const idx = laneEv[li];
		const from = S.v0 - laneMaxDur[li];
		let j = lowerBound(idx.length, m => ev[idx[m]][0], from);
		let lastX = -1;
		let lastC = -1;
		const th = lh - 6;
		for (; j < idx.length; j++) {
			const i = idx[j];
			const e = ev[i];
			if (e[0] > S.v1)
				break;
			if (!S.mask[i])
				continue;
			const x = xOf(e[0]);
			const w = e[1] * k;
			if (x + w < xmin)
				continue;
			const ci = e[3];
			const xi = Math.round(x);
			/* many events fall on one pixel at full zoom: draw once */
			if (xi === lastX && ci === lastC && w < 1)
				continue;
			lastX = xi;
			lastC = ci;
			ctx.fillStyle = catColor(cats[ci], ci);
			if (w >= 2) {
				const x0 = Math.max(xmin, x);
				const x1 = Math.min(xmax, x + w);
				ctx.globalAlpha *= 0.45;
				ctx.fillRect(x0, y + 3, x1 - x0, th);
				ctx.globalAlpha = S.laneOn[li] ? 1 : 0.3;
			}
			if (x >= xmin)
				ctx.fillRect(xi, y + 3, lh > THREAD_H ? 2 : 1.5, th);
		}
	}

	function updateZoomLabel() {
		const z = D / (S.v1 - S.v0);
		const zs = z < 10 ? z.toFixed(2) : z < 1000 ? z.toFixed(1) :
			z.toFixed(0);
		body.dataset.zoom = String(Math.round(z * 100) / 100);
		body.dataset.viewStart = String(Math.round(S.v0));
		body.dataset.viewEnd = String(Math.round(S.v1));
		tl.zoomLabel.textContent = '×' + zs + ' · ' + fmtNs(S.v1 - S.v0);
	}

	function setView(a, b) {
		let span = Math.max(MIN_SPAN, Math.min(D, b - a));
		if (span >= D) {
			a = 0;
			span = D;
		}
		a = Math.max(0, Math.min(a, D - span));
		S.v0 = a;
		S.v1 = a + span;
		scheduleDraw();
	}

	function zoomBy(f, atX) {
		const LX = plotX();
		const PW = tl.w - LX - 6;
		const px = atX === undefined ? LX + PW / 2 : atX;
		const frac = Math.max(0, Math.min(1, (px - LX) / PW));
		const t = S.v0 + frac * (S.v1 - S.v0);
		const span = (S.v1 - S.v0) / f;
		setView(t - frac * span, t - frac * span + span);
		/* the label is read at once by people and by tests */
		updateZoomLabel();
	}

	function resetZoom() {
		setView(0, D);
		updateZoomLabel();
	}

	function eventAt(mx, my) {
		const LX = plotX();
		if (mx < LX || my < AXIS_H)
			return -1;
		const yy = my - AXIS_H + S.scrollY;
		const li = lowerBound(lanes.length, i => tl.laneTop[i + 1], yy);
		if (li >= lanes.length || yy < tl.laneTop[li])
			return -1;
		const PW = tl.w - LX - 6;
		const k = PW / (S.v1 - S.v0);
		const t = S.v0 + (mx - LX) / k;
		const slack = 4 / k;
		const idx = laneEv[li];
		let j = lowerBound(idx.length, m => ev[idx[m]][0],
			t - slack - laneMaxDur[li]);
		let best = -1;
		let bestD = Infinity;
		for (; j < idx.length; j++) {
			const e = ev[idx[j]];
			if (e[0] > t + slack)
				break;
			if (!S.mask[idx[j]])
				continue;
			let d;
			if (t >= e[0] && t <= e[0] + e[1])
				d = 0;
			else
				d = Math.min(Math.abs(t - e[0]),
					Math.abs(t - e[0] - e[1]));
			if (d <= slack && d <= bestD) {
				best = idx[j];
				bestD = d;
			}
		}
		return best;
	}

	function laneAt(my) {
		if (my < AXIS_H)
			return -1;
		const yy = my - AXIS_H + S.scrollY;
		const li = lowerBound(lanes.length, i => tl.laneTop[i + 1], yy);
		return li < lanes.length && yy >= tl.laneTop[li] ? li : -1;
	}

	function showTip(mx, my, lines) {
		const tip = tl.tip;
		tip.textContent = '';
		lines.forEach(function (s, i) {
			tip.appendChild(el('div', i ? null : 'tip-head', s));
		});
		tip.hidden = false;
		const w = tip.offsetWidth;
		tip.style.left = Math.min(mx + 14, tl.w - w - 4) + 'px';
		tip.style.top = (my + 16) + 'px';
	}

	function hoverAt(mx, my) {
		const i = eventAt(mx, my);
		if (i >= 0) {
			const e = ev[i];
			showTip(mx, my, [
				fmtT(e[0]) + ' s  ' + laneName(e[2]),
				cats[e[3]] + ' / ' + types[e[4]] +
					(e[1] ? '  ' + fmtNs(e[1]) : ''),
				(e[5] > 1 ? e[5] + '× ' : '') + String(e[6]),
			]);
			tl.canvas.style.cursor = 'pointer';
			return;
		}
		if (my < AXIS_H && mx >= plotX()) {
			/* the axis doubles as the brush strip */
			tl.canvas.style.cursor = 'col-resize';
			tl.tip.hidden = true;
			return;
		}
		tl.canvas.style.cursor = '';
		const li = laneAt(my);
		if (li >= 0 && mx < plotX()) {
			const l = lanes[li];
			const life = fmtNs(num(l.start_ns) || 0) + ' → ' +
				(l.end_ns === null || l.end_ns === undefined ?
					'still running' : fmtNs(l.end_ns));
			showTip(mx, my, [laneName(li),
				Array.isArray(l.argv) ? l.argv.join(' ') :
					String(l.exe || ''),
				life + '  ' + fmtExit(l.exit_code, l.signal),
				'click to filter the events to this ' +
					(l.thread ? 'thread\'s process' : 'process')]);
			return;
		}
		tl.tip.hidden = true;
	}

	function hookTimeline() {
		const cv = tl.canvas;
		let drag = null;
		const pos = e => {
			const r = cv.getBoundingClientRect();
			return [e.clientX - r.left, e.clientY - r.top];
		};
		cv.addEventListener('mousedown', function (e) {
			if (e.button !== 0)
				return;
			const [mx, my] = pos(e);
			drag = {
				mx, my, v0: S.v0, v1: S.v1, sy: S.scrollY, moved: false,
				brush: e.shiftKey || (my < AXIS_H && mx >= plotX()),
			};
			e.preventDefault();
			cv.focus();
		});
		window.addEventListener('mousemove', function (e) {
			const [mx, my] = pos(e);
			if (!drag) {
				if (e.target === cv)
					hoverAt(mx, my);
				return;
			}
			if (Math.abs(mx - drag.mx) + Math.abs(my - drag.my) > 3)
				drag.moved = true;
			if (!drag.moved)
				return;
			tl.tip.hidden = true;
			const LX = plotX();
			const PW = tl.w - LX - 6;
			const k = (drag.v1 - drag.v0) / PW;
			if (drag.brush) {
				const clampX = x => Math.max(LX, Math.min(LX + PW, x));
				const a = S.v0 + (clampX(drag.mx) - LX) * k;
				const b = S.v0 + (clampX(mx) - LX) * k;
				S.brush = [Math.min(a, b), Math.max(a, b)];
				scheduleDraw();
				return;
			}
			setView(drag.v0 - (mx - drag.mx) * k,
				drag.v1 - (mx - drag.mx) * k);
			S.scrollY = Math.max(0, Math.min(maxScrollY(),
				drag.sy - (my - drag.my)));
		});
		window.addEventListener('mouseup', function (e) {
			if (!drag)
				return;
			const d = drag;
			drag = null;
			const [mx, my] = pos(e);
			if (d.brush) {
				if (!d.moved)
					S.brush = null;
				applyFilters();
				return;
			}
			if (d.moved)
				return;
			const i = eventAt(mx, my);
			if (i >= 0) {
				select(i, 'timeline');
				return;
			}
			const li = laneAt(my);
			if (li >= 0 && mx < plotX())
				setProcess(procOf[li]);
		});
		cv.addEventListener('mouseleave', function () {
			tl.tip.hidden = true;
		});
		cv.addEventListener('dblclick', function (e) {
			e.preventDefault();
			resetZoom();
		});
		cv.addEventListener('wheel', function (e) {
			const [mx] = pos(e);
			const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
			const dx = e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX;
			if (e.ctrlKey || e.metaKey) {
				e.preventDefault();
				zoomBy(Math.pow(1.0015, -dy), mx);
				return;
			}
			const PW = tl.w - plotX() - 6;
			const k = (S.v1 - S.v0) / PW;
			if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
				e.preventDefault();
				const d = e.shiftKey && !dx ? dy : dx;
				setView(S.v0 + d * k, S.v1 + d * k);
				return;
			}
			/* lanes first, then time; leave the page scrolling alone
			 * when neither can move */
			const ny = Math.max(0, Math.min(maxScrollY(), S.scrollY + dy));
			if (ny !== S.scrollY) {
				e.preventDefault();
				S.scrollY = ny;
				scheduleDraw();
			} else if (S.v1 - S.v0 < D) {
				e.preventDefault();
				setView(S.v0 + dy * k, S.v1 + dy * k);
			}
		}, { passive: false });
		cv.addEventListener('keydown', function (e) {
			const span = S.v1 - S.v0;
			if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
				const d = (e.key === 'ArrowLeft' ? -0.1 : 0.1) * span;
				setView(S.v0 + d, S.v1 + d);
				e.preventDefault();
			} else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
				S.scrollY = Math.max(0, Math.min(maxScrollY(), S.scrollY +
					(e.key === 'ArrowUp' ? -PROC_H : PROC_H)));
				scheduleDraw();
				e.preventDefault();
			} else if (e.key === 'Escape' && S.brush) {
				S.brush = null;
				applyFilters();
			}
		});
		document.addEventListener('keydown', function (e) {
			const t = e.target;
			if (e.ctrlKey || e.metaKey || e.altKey)
				return;
			if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' ||
				t.tagName === 'SELECT' || t.isContentEditable))
				return;
			if (e.key === '+' || e.key === '=') {
				zoomBy(1.5);
			} else if (e.key === '-' || e.key === '_') {
				zoomBy(1 / 1.5);
			} else if (e.key === '0') {
				resetZoom();
			} else {
				return;
			}
			e.preventDefault();
		});
		if (window.ResizeObserver) {
			new ResizeObserver(debounce(function () {
				sizeCanvas();
				draw();
			}, 60)).observe(cv.parentNode);
		}
		const mq = window.matchMedia('(prefers-color-scheme: dark)');
		const recolor = () => {
			readColors();
			scheduleDraw();
		};
		if (mq.addEventListener)
			mq.addEventListener('change', recolor);
	}

	/* ---- filters ---- */

	const ui = {};

	function checkbox(labelText, checked, onchange, color, count) {
		const lab = el('label', 'check');
		const cb = el('input');
		cb.type = 'checkbox';
		cb.checked = checked;
		cb.addEventListener('change', onchange);
		lab.appendChild(cb);
		if (color) {
			const sw = el('span', 'swatch');
			sw.style.background = color;
			lab.appendChild(sw);
		}
		lab.appendChild(el('span', 'name', labelText));
		if (count !== undefined)
			lab.appendChild(el('span', 'count', fmtCount(count)));
		return [lab, cb];
	}

	function buildFilters() {
		const f = el('div', 'filters');
		f.setAttribute('role', 'group');
		f.setAttribute('aria-label', 'Event filters');

		const cf = el('fieldset', 'cats');
		cf.appendChild(el('legend', null, 'Categories'));
		ui.catBoxes = [];
		cats.forEach(function (c, i) {
			if (!catCount[i])
				return;
			const [lab, cb] = checkbox(c, true, function () {
				S.catOn[i] = cb.checked ? 1 : 0;
				applyFilters();
			}, catColor(c, i), catCount[i]);
			cb.dataset.category = c;
			ui.catBoxes.push([i, cb]);
			cf.appendChild(lab);
		});
		f.appendChild(cf);

		const td = el('details', 'dropdown types');
		ui.typeSummary = el('summary');
		td.appendChild(ui.typeSummary);
		const panel = el('div', 'dropdown-panel');
		const btns = el('div', 'row-buttons');
		const setAllTypes = function (on) {
			ui.typeBoxes.forEach(function ([i, cb]) {
				cb.checked = on;
				S.typeOn[i] = on ? 1 : 0;
			});
			applyFilters();
		};
		btns.appendChild(button('All', 'small', () => setAllTypes(true)));
		btns.appendChild(button('None', 'small', () => setAllTypes(false)));
		panel.appendChild(btns);
		ui.typeBoxes = [];
		const order = types.map((t, i) => i).filter(i => typeCount[i])
			.sort((a, b) => String(types[a]).localeCompare(types[b]));
		const list = el('div', 'type-list');
		order.forEach(function (i) {
			const [lab, cb] = checkbox(types[i], true, function () {
				S.typeOn[i] = cb.checked ? 1 : 0;
				applyFilters();
			}, null, typeCount[i]);
			cb.dataset.type = types[i];
			ui.typeBoxes.push([i, cb]);
			list.appendChild(lab);
		});
		panel.appendChild(list);
		td.appendChild(panel);
		document.addEventListener('click', function (e) {
			if (td.open && !td.contains(e.target))
				td.open = false;
		});
		td.addEventListener('keydown', function (e) {
			if (e.key === 'Escape') {
				td.open = false;
				ui.typeSummary.focus();
			}
		});
		f.appendChild(td);

		const pl = el('label', 'proc');
		pl.appendChild(el('span', null, 'Process '));
		ui.proc = el('select');
		ui.proc.id = 'proc-filter';
		ui.proc.appendChild(new Option('All processes', '-1'));
		lanes.forEach(function (l, i) {
			if (l.thread)
				return;
			ui.proc.appendChild(new Option('\u00a0\u00a0'.repeat(
				Math.min(depth[i], 10)) + laneName(i) + ' (' +
				fmtCount(laneCount[i]) + ')', String(i)));
		});
		ui.proc.addEventListener('change', function () {
			S.proc = Number(ui.proc.value);
			applyFilters();
		});
		pl.appendChild(ui.proc);
		f.appendChild(pl);
		const [kl, kcb] = checkbox('with child processes', true,
			function () {
				S.withKids = kcb.checked;
				applyFilters();
			});
		ui.kids = kcb;
		kcb.id = 'proc-kids';
		f.appendChild(kl);

		const sl = el('label', 'search');
		sl.appendChild(el('span', 'visually-hidden', 'Search details'));
		ui.search = el('input');
		ui.search.type = 'search';
		ui.search.id = 'search';
		ui.search.placeholder = 'Search details…';
		ui.search.autocomplete = 'off';
		ui.search.spellcheck = false;
		const onSearch = debounce(function () {
			S.search = ui.search.value.toLowerCase();
			applyFilters();
		}, 150);
		ui.search.addEventListener('input', onSearch);
		sl.appendChild(ui.search);
		f.appendChild(sl);

		f.appendChild(button('Reset filters', 'small', resetFilters));
		return f;
	}

	function resetFilters() {
		ui.catBoxes.forEach(function ([i, cb]) {
			cb.checked = true;
			S.catOn[i] = 1;
		});
		ui.typeBoxes.forEach(function ([i, cb]) {
			cb.checked = true;
			S.typeOn[i] = 1;
		});
		ui.proc.value = '-1';
		S.proc = -1;
		ui.search.value = '';
		S.search = '';
		S.brush = null;
		applyFilters();
	}

	function setProcess(li) {
		ui.proc.value = String(li);
		S.proc = li;
		applyFilters();
	}

	function setSearch(text) {
		ui.search.value = text;
		S.search = text.toLowerCase();
		applyFilters();
	}

	function computeLanes() {
		if (S.proc < 0) {
			S.laneOn.fill(1);
			return;
		}
		S.laneOn.fill(0);
		const walk = function (li) {
			S.laneOn[li] = 1;
			laneKids[li].forEach(function (k) {
				if (lanes[k].thread || S.withKids)
					walk(k);
			});
		};
		walk(S.proc);
	}

	function applyFilters() {
		computeLanes();
		const q = S.search;
		if (q && !S.lower)
			S.lower = ev.map(e => String(e[6]).toLowerCase());
		const rows = new Int32Array(N);
		let n = 0;
		const b = S.brush;
		const nl = lanes.length;
		/* an event of no known task (lost records) has no process */
		const noLane = S.proc < 0 ? 1 : 0;
		for (let i = 0; i < N; i++) {
			const e = ev[i];
			const li = e[2];
			const ok = S.catOn[e[3]] && S.typeOn[e[4]] &&
				(li >= 0 && li < nl ? S.laneOn[li] : noLane) &&
				(!q || S.lower[i].includes(q));
			S.mask[i] = ok ? 1 : 0;
			if (ok && (!b || (e[0] + e[1] >= b[0] && e[0] <= b[1])))
				rows[n++] = i;
		}
		S.rows = rows.subarray(0, n);
		let onTypes = 0;
		ui.typeBoxes.forEach(([i]) => { onTypes += S.typeOn[i]; });
		ui.typeSummary.textContent = 'Types (' + onTypes + '/' +
			ui.typeBoxes.length + ')';
		let st = 'Showing ' + fmtCount(n) + ' of ' + fmtCount(N) +
			' events';
		if (b)
			st += ' between ' + fmtT(b[0]) + ' s and ' + fmtT(b[1]) + ' s';
		ui.status.textContent = st;
		ui.clearBrush.hidden = !b;
		body.dataset.rows = String(n);
		body.dataset.brush = b ? b[0] + ' ' + b[1] : '';
		tbl.inner.style.height = (n * ROW_H) + 'px';
		tbl.vp.setAttribute('aria-rowcount', String(n));
		tbl.empty.hidden = n > 0;
		for (const r of tbl.pool)
			r.idx = -2;
		renderRows();
		scheduleDraw();
	}

	/* ---- the event table (virtual scrolling) ---- */

	const tbl = { pool: [] };

	function buildTable() {
		const sec = el('section', 'panel events');
		sec.id = 'events';
		const head = el('div', 'panel-head');
		head.appendChild(el('h2', null, 'Events'));
		ui.status = el('p', 'status');
		ui.status.id = 'status';
		ui.status.setAttribute('aria-live', 'polite');
		head.appendChild(ui.status);
		ui.clearBrush = button('Clear time range', 'small', function () {
			S.brush = null;
			applyFilters();
		});
		ui.clearBrush.hidden = true;
		head.appendChild(ui.clearBrush);
		sec.appendChild(head);
		sec.appendChild(buildFilters());
		const split = el('div', 'split');
		const t = el('div', 'table');
		const hdr = el('div', 'row head');
		hdr.setAttribute('role', 'row');
		['Time (s)', 'PID/TID', 'Category', 'Type', 'Details']
			.forEach(function (h, i) {
				const c = el('div', 'cell c' + i, h);
				c.setAttribute('role', 'columnheader');
				hdr.appendChild(c);
			});
		t.appendChild(hdr);
		tbl.vp = el('div', 'viewport');
		tbl.vp.id = 'event-table';
		tbl.vp.tabIndex = 0;
		tbl.vp.setAttribute('role', 'grid');
		tbl.vp.setAttribute('aria-label', 'Events');
		tbl.inner = el('div', 'inner');
		tbl.vp.appendChild(tbl.inner);
		tbl.empty = el('p', 'empty', N ? 'No event matches the filters.' :
			'No events recorded.');
		tbl.vp.appendChild(tbl.empty);
		t.appendChild(tbl.vp);
		split.appendChild(t);
		ui.detail = el('aside', 'detail');
		ui.detail.id = 'detail';
		ui.detail.setAttribute('aria-live', 'polite');
		ui.detail.appendChild(el('h3', null, 'Event'));
		ui.detail.appendChild(el('p', 'hint', 'Click a row or a mark ' +
			'in the timeline to see every field of the event.'));
		split.appendChild(ui.detail);
		sec.appendChild(split);

		tbl.vp.addEventListener('scroll', renderRows, { passive: true });
		tbl.vp.addEventListener('click', function (e) {
			const r = e.target.closest('.row');
			if (r && r.idx >= 0)
				select(r.idx, 'table');
		});
		tbl.vp.addEventListener('keydown', function (e) {
			const n = S.rows.length;
			if (!n)
				return;
			let p = S.sel >= 0 ? rowOf(S.sel) : -1;
			const page = Math.max(1,
				Math.floor(tbl.vp.clientHeight / ROW_H) - 1);
			if (e.key === 'ArrowDown')
				p = p < 0 ? 0 : Math.min(n - 1, p + 1);
			else if (e.key === 'ArrowUp')
				p = p < 0 ? 0 : Math.max(0, p - 1);
			else if (e.key === 'PageDown')
				p = Math.min(n - 1, Math.max(0, p) + page);
			else if (e.key === 'PageUp')
				p = Math.max(0, p - page);
			else if (e.key === 'Home')
				p = 0;
			else if (e.key === 'End')
				p = n - 1;
			else
				return;
			e.preventDefault();
			select(S.rows[p], 'key');
		});
		return sec;
	}

	function makeRow() {
		const r = el('div', 'row');
		r.setAttribute('role', 'row');
		r.cells = [];
		for (let i = 0; i < 5; i++) {
			const c = el('div', 'cell c' + i);
			c.setAttribute('role', 'gridcell');
			r.appendChild(c);
			r.cells.push(c);
		}
		r.pill = el('span', 'pill');
		r.cells[2].appendChild(r.pill);
		r.times = el('span', 'times');
		r.detailText = document.createTextNode('');
		r.cells[4].appendChild(r.times);
		r.cells[4].appendChild(r.detailText);
		r.idx = -2;
		return r;
	}

	function fillRow(r, i, pos) {
		r.style.transform = 'translateY(' + pos * ROW_H + 'px)';
		r.setAttribute('aria-rowindex', String(pos + 1));
		if (r.idx === i) {
			r.classList.toggle('sel', i === S.sel);
			return;
		}
		r.idx = i;
		const e = ev[i];
		const l = lanes[e[2]];
		r.cells[0].textContent = fmtT(e[0]);
		r.cells[1].textContent = taskText(e[2]);
		r.cells[1].classList.toggle('thread', !!(l && l.thread));
		r.pill.textContent = cats[e[3]];
		r.pill.style.background = catColor(cats[e[3]], e[3]);
		r.cells[3].textContent = types[e[4]];
		const d = String(e[6]);
		const c = e[5] > 1 ? e[5] + '×' : '';
		/* the writer may already have put "N×" in the text */
		r.times.textContent = c && !d.startsWith(c) ? c + ' ' : '';
		r.detailText.data = d;
		r.title = d;
		r.classList.toggle('sel', i === S.sel);
		r.setAttribute('aria-selected', i === S.sel ? 'true' : 'false');
	}

	function renderRows() {
		const vp = tbl.vp;
		const n = S.rows.length;
		const first = Math.max(0, Math.floor(vp.scrollTop / ROW_H) - 4);
		const count = Math.ceil(vp.clientHeight / ROW_H) + 8;
		while (tbl.pool.length < count) {
			const r = makeRow();
			tbl.pool.push(r);
			tbl.inner.appendChild(r);
		}
		for (let k = 0; k < tbl.pool.length; k++) {
			const r = tbl.pool[k];
			const p = first + k;
			if (k < count && p < n) {
				r.hidden = false;
				fillRow(r, S.rows[p], p);
			} else if (!r.hidden) {
				r.hidden = true;
				r.idx = -2;
			}
		}
	}

	function rowOf(i) {
		const rows = S.rows;
		const p = lowerBound(rows.length, m => rows[m], i);
		return p < rows.length && rows[p] === i ? p : -1;
	}

	/* ---- selection ---- */

	function select(i, from) {
		S.sel = i;
		const p = rowOf(i);
		if (p >= 0 && from !== 'table') {
			const vp = tbl.vp;
			const y = p * ROW_H;
			if (y < vp.scrollTop || y + ROW_H > vp.scrollTop +
				vp.clientHeight)
				vp.scrollTop = Math.max(0, y - vp.clientHeight / 2);
		}
		if (from !== 'timeline' && ev[i][2] >= 0 &&
			ev[i][2] < lanes.length) {
			/* bring the event into the timeline's view */
			const e = ev[i];
			if (e[0] < S.v0 || e[0] > S.v1) {
				const span = S.v1 - S.v0;
				setView(e[0] - span / 2, e[0] + span / 2);
			}
			const y = tl.laneTop[e[2]];
			if (y < S.scrollY || y + PROC_H > S.scrollY + viewH())
				S.scrollY = Math.max(0, Math.min(maxScrollY(),
					y - viewH() / 2));
		}
		for (const r of tbl.pool) {
			r.classList.toggle('sel', r.idx === i);
			r.setAttribute('aria-selected', r.idx === i ? 'true' : 'false');
		}
		showDetail(i, p < 0);
		body.dataset.selected = String(i);
		scheduleDraw();
	}

	function fieldText(v) {
		if (v === null || v === undefined)
			return '—';
		return typeof v === 'object' ? JSON.stringify(v) : String(v);
	}

	function showDetail(i, hidden) {
		const d = ui.detail;
		const e = ev[i];
		const l = lanes[e[2]] || {};
		d.textContent = '';
		d.appendChild(el('h3', null, types[e[4]] + ' event'));
		if (hidden)
			d.appendChild(el('p', 'hint', 'This event is hidden by ' +
				'the current filters.'));
		const dl = el('dl');
		const add = function (k, v) {
			const row = el('div', 'kv');
			row.appendChild(el('dt', null, k));
			row.appendChild(el('dd', null, v));
			dl.appendChild(row);
		};
		add('time', fmtT(e[0]) + ' s');
		if (e[1])
			add('duration', fmtNs(e[1]));
		add('task', laneName(e[2]));
		add('pid / tid', (l.pid ?? '?') + ' / ' + (l.tid ?? '?'));
		add('category', cats[e[3]]);
		add('type', types[e[4]]);
		if (e[5] > 1)
			add('count', fmtCount(e[5]) + '×');
		add('details', String(e[6]));
		const f = e[7];
		if (f && typeof f === 'object') {
			Object.keys(f).forEach(function (k) {
				const v = f[k];
				add(k, fieldText(v));
			});
		}
		d.appendChild(dl);
		if (e[2] >= 0 && e[2] < lanes.length)
			d.appendChild(button('Show only this process', 'small',
				() => setProcess(procOf[e[2]])));
	}

	/* ---- lists: the writer's tables and the processes ---- */

	function sortableTable(title, columns, rows, onRow, id) {
		const sec = el('section', 'list');
		if (id)
			sec.id = id;
		sec.appendChild(el('h3', null, title + ' (' +
			fmtCount(rows.length) + ')'));
		if (!rows.length) {
			sec.appendChild(el('p', 'hint', 'None.'));
			return sec;
		}
		const wrap = el('div', 'list-wrap');
		const table = el('table');
		const thead = el('thead');
		const hr = el('tr');
		const tb = el('tbody');
		const LIMIT = 500;
		let shown = LIMIT;
		let order = rows.map((r, i) => i);
		let sortCol = -1;
		let sortDir = 1;
		const more = button('', 'small', function () {
			shown = rows.length;
			fill();
		});
		function fill() {
			tb.textContent = '';
			order.slice(0, shown).forEach(function (ri) {
				const tr = el('tr');
				const r = rows[ri];
				columns.forEach(function (c, ci) {
					const td = el('td', c.numeric ? 'num' : null);
					c.render(td, r[ci], r);
					tr.appendChild(td);
				});
				if (onRow) {
					tr.tabIndex = 0;
					tr.className = 'clickable';
					tr.addEventListener('click', () => onRow(r));
					tr.addEventListener('keydown', function (e) {
						if (e.key === 'Enter' || e.key === ' ') {
							e.preventDefault();
							onRow(r);
						}
					});
				}
				tb.appendChild(tr);
			});
			more.hidden = shown >= rows.length;
			more.textContent = 'Show all ' + fmtCount(rows.length);
		}
		columns.forEach(function (c, ci) {
			const th = el('th', c.numeric ? 'num' : null);
			th.setAttribute('aria-sort', 'none');
			if (c.help)
				th.title = c.help;
			const b = button(c.label, 'sort', function () {
				sortDir = sortCol === ci ? -sortDir : (c.numeric ? -1 : 1);
				sortCol = ci;
				const key = r => c.key ? c.key(r[ci], r) : r[ci];
				order.sort(function (a, bb) {
					const x = key(rows[a]);
					const y = key(rows[bb]);
					let d;
					if (typeof x === 'number' && typeof y === 'number')
						d = x - y;
					else
						d = String(x).localeCompare(String(y));
					return d * sortDir || a - bb;
				});
				hr.querySelectorAll('th').forEach(t =>
					t.setAttribute('aria-sort', 'none'));
				th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' :
					'descending');
				fill();
			});
			th.appendChild(b);
			hr.appendChild(th);
		});
		thead.appendChild(hr);
		table.appendChild(thead);
		table.appendChild(tb);
		wrap.appendChild(table);
		sec.appendChild(wrap);
		sec.appendChild(more);
		fill();
		return sec;
	}

	function text(td, v) {
		td.textContent = v === null || v === undefined ? '—' : String(v);
	}

	function buildLists() {
		const sec = el('section', 'panel lists');
		sec.id = 'lists';
		sec.appendChild(el('h2', null, 'Processes, files and connections'));
		sec.appendChild(el('p', 'hint', 'Click a process to see only its ' +
			'events (and its children\'s); click a file or a peer to ' +
			'search the events for it. Click a column to sort.'));
		const grid = el('div', 'list-grid');

		const procRows = [];
		lanes.forEach(function (l, i) {
			if (l.thread)
				return;
			let threads = 0;
			let events = laneCount[i];
			laneKids[i].forEach(function (k) {
				if (lanes[k].thread) {
					threads++;
					events += laneCount[k];
				}
			});
			const s = num(l.start_ns) || 0;
			const end = l.end_ns === null || l.end_ns === undefined ?
				null : num(l.end_ns);
			procRows.push([
				(Array.isArray(l.argv) && l.argv.length ?
					l.argv.join(' ') : l.comm || ''),
				l.pid, s, end === null ? null : end - s,
				l.signal > 0 ? 1000 + l.signal : l.exit_code,
				threads, events, i]);
		});
		const procCols = [
			{ label: 'Command', render: function (td, v, r) {
				td.className = 'cmd';
				td.style.paddingLeft = (0.4 + Math.min(depth[r[7]], 10) *
					0.9) + 'em';
				text(td, v);
				td.title = String(v);
			} },
			{ label: 'PID', numeric: true, render: text },
			{ label: 'Start', numeric: true,
				render: (td, v) => text(td, fmtT(v) + ' s') },
			{ label: 'Duration', numeric: true, key: v => v ?? -1,
				render: (td, v) => text(td, v === null ? 'running' :
					fmtNs(v)) },
			{ label: 'Exit', numeric: true, key: v => v ?? -1,
				render: function (td, v, r) {
					const l = lanes[r[7]];
					text(td, fmtExit(l.exit_code, l.signal)
						.replace('exit ', ''));
					if (l.signal > 0 || l.exit_code > 0)
						td.classList.add('bad');
				} },
			{ label: 'Threads', numeric: true, render: text },
			{ label: 'Events', numeric: true,
				render: (td, v) => text(td, fmtCount(v)) },
		];
		grid.appendChild(sortableTable('Processes', procCols, procRows,
			function (r) {
				setProcess(r[7]);
				document.getElementById('events').scrollIntoView(
					{ block: 'start' });
			}, 'process-list'));

		const tables = (data.tables || []).slice()
			.sort((a, b) => (a.order || 0) - (b.order || 0));
		tables.forEach(function (t) {
			const cols = (t.columns || []).map(function (c) {
				const numeric = c.unit !== 'none' && c.unit !== 'addr';
				return {
					label: String(c.label || c.key), numeric,
					help: c.help ? String(c.help) : '',
					key: numeric ? v => num(v) : null,
					render: (td, v) => text(td, fmtValue(v, c.unit)),
				};
			});
			/* clicking a file or a peer searches the events for it:
			 * the column the schema says names the row, else the
			 * first text one */
			let pathCol = (t.columns || []).findIndex(c =>
				c.identifies === true);
			if (pathCol < 0)
				pathCol = (t.columns || []).findIndex(c =>
					c.unit === 'none');
			grid.appendChild(sortableTable(String(t.title || t.topic),
				cols, t.rows || [], pathCol < 0 ? null : function (r) {
					/* reads and writes name the file by its base name */
					const v = String(r[pathCol]);
					const slash = v.lastIndexOf('/');
					setSearch(slash >= 0 && slash < v.length - 1 ?
						v.slice(slash + 1) : v);
					document.getElementById('events').scrollIntoView(
						{ block: 'start' });
				}, 'table-' + String(t.topic).replace(/[^a-z0-9]+/gi, '-')));
		});
		sec.appendChild(grid);
		return sec;
	}

	/* ---- put it together ---- */

	app.appendChild(buildHeader());
	app.appendChild(buildBanners());
	app.appendChild(buildCards());
	app.appendChild(buildTimeline());
	app.appendChild(buildTable());
	app.appendChild(buildLists());
	const foot = el('footer', null, 'Self-contained report: no network ' +
		'access, all data is in this file.');
	app.appendChild(foot);

	readColors();
	sizeCanvas();
	hookTimeline();
	applyFilters();
	draw();
	body.dataset.state = 'ready';
	body.dataset.events = String(N);
	performance.mark('cpd-rendered');
	body.dataset.renderedMs = performance.now().toFixed(1);
	body.dataset.viewerMs = (performance.now() - scriptStart).toFixed(1);
})();
