// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The report viewer. Plain ES2020, no framework, no network: it reads the
 * data block (gzip + base64, or plain JSON), builds the page with
 * createElement/textContent only (every string in the data came from a
 * tracee and is untrusted), draws the swimlane timeline and the memory
 * and I/O charts on canvases and keeps only the visible rows of the
 * event table in the DOM. The view (filters, process, time range,
 * selected event, sort) lives in the URL fragment, so a link reopens it.
 */
'use strict';
(async function () {
	const NF = new Intl.NumberFormat('en-US');
	const ROW_H = 24;		/* px, keep in step with --row-h */
	const AXIS_H = 26;		/* px, the time axis and brush strip */
	const PROC_H = 22;
	const THREAD_H = 15;
	const CHART_H = 112;		/* px, each chart under the lanes */
	const MIN_SPAN = 1000;		/* ns, the deepest zoom */
	const PROBLEMS_SHOWN = 12;
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
		finding: '#c2410c',
	};
	const SPARE_COLORS = ['#b5651d', '#5c7cfa', '#12b886', '#e8590c',
		'#ae3ec9', '#868e96'];
	/* the I/O chart's series: file read, file write, network */
	const IO_COLORS = ['#3e7bfa', '#f08c2e', '#2fa36b'];

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
		showError(e.reason && e.reason.message ? e.reason.message :
			String(e.reason));
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

	/* an address: hex, exactly, even past 2^53 (the writer's strings) */
	function fmtAddr(v) {
		if (typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v))
			return v.toLowerCase();
		try {
			return '0x' + BigInt(v).toString(16);
		} catch (e) {
			return String(v);
		}
	}

	/*
	 * A value by its unit. Plain numbers ("none": pids, fds, codes) are
	 * shown as they are, counted ones with thousands separators.
	 */
	function fmtValue(v, unit) {
		if (v === null || v === undefined)
			return '—';
		switch (unit) {
		case 'bytes':
			return fmtBytes(v);
		case 'ns':
			return fmtNs(v);
		case 'count':
			return fmtCount(v);
		case 'timestamp':
			return fmtT(num(v)) + ' s';
		case 'percent': {
			const n = num(v);
			return Number.isFinite(n) ? n.toFixed(1) + '%' : String(v);
		}
		case 'addr':
			return fmtAddr(v);
		default:
			return typeof v === 'object' ? JSON.stringify(v) : String(v);
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

	/* first index in 0..n (through key) with key(i) >= v */
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

	/* "#rrggbb" or "rgb(r, g, b)" to [r, g, b] */
	function parseColor(c) {
		const s = String(c).trim();
		let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
		if (m)
			return [1, 2, 3].map(i => parseInt(m[i], 16));
		m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
		if (m)
			return [1, 2, 3].map(i => Number(m[i]));
		return [128, 128, 128];
	}

	/* a of colour fg over bg, as an opaque "rgb()" */
	function mix(fg, bg, a) {
		const f = parseColor(fg);
		const b = parseColor(bg);
		return 'rgb(' + f.map((x, i) => Math.round(x * a + b[i] * (1 - a)))
			.join(', ') + ')';
	}

	/* ---- the data ---- */

	/*
	 * The data block: plain JSON, or (as compendium writes it unless
	 * compress = no) gzip in base64, which only a browser with
	 * DecompressionStream can read.
	 */
	async function loadData() {
		const node = document.getElementById('cpd-data');
		if (!node)
			throw new Error('the report has no data block (was it ' +
				'written by compendium --report?)');
		const text = node.textContent;
		node.textContent = '';
		if (node.type === 'application/json')
			return JSON.parse(text);
		if (node.type !== 'application/gzip' ||
			node.dataset.encoding !== 'base64')
			throw new Error('the data block is of an unknown type (' +
				node.type + ')');
		if (typeof DecompressionStream !== 'function')
			throw new Error('this browser cannot decompress the report ' +
				'(no DecompressionStream): open it in Chromium 80, ' +
				'Firefox 113, Safari 16.4 or later');
		let bytes;
		if (typeof Uint8Array.fromBase64 === 'function') {
			bytes = Uint8Array.fromBase64(text);
		} else {
			const bin = atob(text);
			bytes = new Uint8Array(bin.length);
			for (let i = 0; i < bin.length; i++)
				bytes[i] = bin.charCodeAt(i);
		}
		const stream = new Blob([bytes]).stream()
			.pipeThrough(new DecompressionStream('gzip'));
		return JSON.parse(await new Response(stream).text());
	}

	const data = await loadData();
	body.dataset.decodedMs = (performance.now() - scriptStart).toFixed(1);
	if (data.format !== 'compendium-report')
		showError('this is not a compendium report (format "' +
			String(data.format) + '")');
	if (data.version !== 2)
		showError('report format version ' + String(data.version) +
			' is not the one this viewer reads (2); some parts may ' +
			'be missing');

	const run = data.run || {};
	const stats = data.stats || {};
	const cap = data.cap || {};
	const ev = Array.isArray(data.events) ? data.events : [];
	const N = ev.length;
	const lanes = Array.isArray(data.lanes) ? data.lanes : [];
	const cats = Array.isArray(data.categories) ? data.categories : [];
	const types = Array.isArray(data.types) ? data.types : [];
	const fieldInfo = data.field_info && typeof data.field_info ===
		'object' ? data.field_info : {};
	const findings = Array.isArray(data.findings) ? data.findings : [];

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

	function isAgg(i) {
		const f = ev[i][7];
		return !!(f && f.aggregated);
	}

	/* a process that failed: exited non-zero or was killed */
	function laneBad(li) {
		const l = lanes[li];
		return !!l && !l.thread && (l.signal > 0 || l.exit_code > 0);
	}

	/*
	 * The argument a program works on, for its lane's label: the first
	 * argument that names a file with an extension (not an option, not
	 * the value of -o), preferring one relative to the working directory
	 * ("cc1 … main.c …" gives main.c, "as -o x.o /tmp/cc1.s" cc1.s).
	 */
	function laneArg(l) {
		const argv = Array.isArray(l.argv) ? l.argv : [];
		let abs = null;
		for (let i = 1; i < argv.length; i++) {
			const a = String(argv[i]);
			if (argv[i - 1] === '-o' || a.startsWith('-') ||
				a.length > 240 || /\s/.test(a))
				continue;
			const base = a.slice(a.lastIndexOf('/') + 1);
			if (!/^[^.].*\.[A-Za-z0-9_+-]{1,8}$/.test(base))
				continue;
			if (!a.startsWith('/'))
				return base;
			if (abs === null)
				abs = base;
		}
		return abs;
	}
	const laneArgs = lanes.map(l => l.thread ? null : laneArg(l));

	/* "cc1 main.c 24595", "make 24592", "worker tid 24600" */
	function laneName(li) {
		const l = lanes[li];
		if (!l)
			return '?';
		if (l.thread)
			return (l.comm || '') + ' tid ' + l.tid;
		return (l.comm || '') + (laneArgs[li] ? ' ' + laneArgs[li] : '') +
			' ' + l.pid;
	}

	function laneCommand(li) {
		const l = lanes[li];
		if (!l)
			return '?';
		return Array.isArray(l.argv) && l.argv.length ? l.argv.join(' ') :
			String(l.comm || l.exe || '');
	}

	function taskText(li) {
		const l = lanes[li];
		if (!l)
			return '?';
		return l.thread ? l.pid + '/' + l.tid : String(l.pid);
	}

	/*
	 * Where detail was summarised: from the first summarised row to the
	 * end, since from there on only the always-kept rows have detail.
	 */
	const aggRanges = num(cap.aggregates) > 0 && cap.from_ns !== null &&
		cap.from_ns !== undefined ? [[num(cap.from_ns), D]] : [];

	/* ---- state ---- */

	const S = {
		catOn: new Uint8Array(cats.length).fill(1),
		typeOn: new Uint8Array(types.length).fill(1),
		laneOn: new Uint8Array(lanes.length).fill(1),
		proc: -1,
		withKids: true,
		search: '',
		path: null,		/* exact-path filter */
		lower: null,
		brush: null,
		mask: new Uint8Array(N),
		rows: new Int32Array(0),
		pos: new Int32Array(N).fill(-1),	/* event -> table row */
		sortCol: 0,
		sortDir: 1,
		sel: -1,
		v0: 0,
		v1: D,
		scrollY: 0,
	};
	const ui = {};

	/* ---- header, problems, banners, cards ---- */

	const app = document.getElementById('app');
	app.textContent = '';
	const cmd = String(run.command || (lanes[0] && lanes[0].comm) || '');
	document.title = 'compendium: ' + (cmd || 'report');
	const runBad = run.exit_signal > 0 || run.exit_code > 0;

	function buildHeader() {
		const h = el('header', 'top');
		h.appendChild(el('h1', null, 'compendium report'));
		const c = el('p', 'command');
		c.appendChild(el('code', null, cmd || '(unknown command)'));
		h.appendChild(c);
		const meta = el('p', 'meta');
		const bits = [];
		if (run.start_wall)
			bits.push('started ' + run.start_wall);
		if (run.hostname)
			bits.push('on ' + run.hostname);
		bits.push('ran ' + fmtNs(num(run.duration_ns) || 0));
		meta.appendChild(document.createTextNode(bits.join(' · ') + ' · '));
		meta.appendChild(el('span', runBad ? 'bad' : null,
			fmtExit(run.exit_code, run.exit_signal)));
		const rest = [fmtCount(N) + ' events shown'];
		if (data.tool)
			rest.push((data.tool.name || 'compendium') + ' ' +
				(data.tool.version || ''));
		meta.appendChild(document.createTextNode(' · ' + rest.join(' · ')));
		h.appendChild(meta);
		return h;
	}

	const SEV_RANK = { error: 4, warning: 3, notice: 2, info: 1 };

	/* the events of a finding or a process, chosen from the Problems panel */
	function showFinding(f) {
		const li = f.lane >= 0 && f.lane < lanes.length ? f.lane : -1;
		if (li >= 0)
			setProcess(procOf[li], true);
		let pick = -1;
		for (let i = 0; i < N && pick < 0; i++) {
			const x = ev[i][7];
			if (x && (x.seq === f.cause_seq && f.cause_seq ||
				cats[ev[i][3]] === 'finding' && x.seq === f.seq))
				pick = i;
		}
		if (pick >= 0)
			select(pick, 'problems');
		scrollToEvents();
	}

	function showProcess(li) {
		setProcess(li, true);
		const idx = laneEv[li];
		for (let j = idx.length - 1; j >= 0; j--) {
			if (types[ev[idx[j]][4]] === 'exit') {
				select(idx[j], 'problems');
				break;
			}
		}
		scrollToEvents();
	}

	/*
	 * What went wrong, most important first: findings of severity
	 * warning and above (most severe first, as the writer sorted them),
	 * failing processes no finding names (in the order they ended: the
	 * first is usually the cause), lost and summarised data, and the
	 * warnings compendium printed.
	 */
	function collectProblems() {
		const out = [];
		const named = new Set();
		findings.forEach(function (f) {
			const rank = SEV_RANK[f.severity] || 0;
			if (rank < SEV_RANK.warning)
				return;
			(Array.isArray(f.pids) ? f.pids : []).forEach(p =>
				named.add(Number(p)));
			const sub = [];
			if (f.lane >= 0 && f.lane < lanes.length)
				sub.push(laneName(f.lane));
			if (num(f.count) > 1)
				sub.push(fmtCount(f.count) + ' times');
			if (f.details)
				sub.push(String(f.details).split('\n')[0]);
			out.push({ sev: f.severity, kind: 'finding',
				title: String(f.title || f.id || 'finding'),
				sub: sub.join(' · '), rule: f.id,
				act: () => showFinding(f) });
		});
		const failed = [];
		lanes.forEach(function (l, li) {
			if (laneBad(li) && !named.has(Number(l.pid)))
				failed.push(li);
		});
		failed.sort((a, b) => (num(lanes[a].end_ns) || 0) -
			(num(lanes[b].end_ns) || 0));
		failed.forEach(function (li) {
			const l = lanes[li];
			const s = num(l.start_ns) || 0;
			out.push({ sev: 'error', kind: 'process',
				title: (l.comm || '?') + (laneArgs[li] ? ' ' +
					laneArgs[li] : '') + ' — ' +
					fmtExit(l.exit_code, l.signal),
				cmd: laneCommand(li),
				sub: 'pid ' + l.pid + ' · ran ' +
					(l.end_ns === null || l.end_ns === undefined ?
						'to the end' : fmtNs(num(l.end_ns) - s)) +
					' · started at ' + fmtT(s) + ' s',
				lane: li, act: () => showProcess(li) });
		});
		(data.lost || []).forEach(function (l) {
			if (!(num(l.count) > 0))
				return;
			out.push({ sev: 'warning', kind: 'lost',
				title: 'Lost ' + fmtCount(l.count) + ' ' +
					String(l.kind || '') + ' events',
				sub: l.reason ? String(l.reason) : '' });
		});
		if (num(stats.events_dropped) > 0)
			out.push({ sev: 'warning', kind: 'lost',
				title: 'Dropped ' + fmtCount(stats.events_dropped) +
					' events', sub: 'the event bus ran out of room' });
		if (num(cap.aggregated) > 0) {
			const first = num(cap.kept) - (num(cap.always_kept) || 0);
			out.push({ sev: 'notice', kind: 'cap', id: 'cap-banner',
				title: 'Detail kept for the first ' + fmtCount(first) +
					' events' + (cap.from_ns !== null &&
					cap.from_ns !== undefined ? ' (to ' +
					fmtT(num(cap.from_ns)) + ' s)' : ''),
				sub: fmtCount(cap.aggregated) + ' later events are ' +
					'summarised in ' + fmtCount(cap.aggregates) +
					' rows per file and ' + fmtNs(num(cap.bucket_ns)) +
					' (Σ in the table, shaded in the timeline)' +
					(num(cap.always_kept) === 1 ? '; 1 process, failure ' +
					'or connection event after it is kept in full' :
					num(cap.always_kept) > 1 ? '; ' +
					fmtCount(cap.always_kept) + ' process, failure and ' +
					'connection events after it are kept in full' : '') +
					'. The summary cards count every event.' });
		}
		(data.notices || []).forEach(function (n) {
			const lv = String(n.level);
			if (lv !== 'error' && lv !== 'warn' && lv !== 'warning')
				return;
			out.push({ sev: lv === 'error' ? 'error' : 'warning',
				kind: 'notice', title: String(n.text),
				sub: String(n.origin || 'core') +
					(typeof n.t === 'number' ? ' at ' + fmtT(n.t) + ' s' :
						'') });
		});
		return out;
	}

	function problemItem(p) {
		const li = el('li', 'problem sev-' + p.sev);
		li.dataset.kind = p.kind;
		if (p.rule)
			li.dataset.rule = String(p.rule);
		if (p.lane !== undefined)
			li.dataset.lane = String(p.lane);
		if (p.id)
			li.id = p.id;
		li.appendChild(el('span', 'sev', p.sev));
		const txt = el('div', 'what');
		txt.appendChild(el('div', 'title', p.title));
		if (p.cmd) {
			const c = el('code', 'cmd', p.cmd);
			c.title = p.cmd;
			txt.appendChild(c);
		}
		if (p.sub)
			txt.appendChild(el('div', 'sub', p.sub));
		li.appendChild(txt);
		if (p.act) {
			li.appendChild(button('Show', 'small', p.act));
			li.lastChild.setAttribute('aria-label', 'Show the events of: ' +
				p.title);
		}
		return li;
	}

	function buildProblems() {
		const sec = el('section', 'panel problems');
		sec.id = 'problems';
		const head = el('div', 'panel-head');
		head.appendChild(el('h2', null, 'Problems'));
		sec.appendChild(head);
		const list = collectProblems();
		body.dataset.problems = String(list.length);
		if (!list.length) {
			sec.classList.add('clean');
			sec.appendChild(el('p', 'hint', 'None found: every process ' +
				'exited 0, nothing was lost and every event is kept.'));
		} else {
			const ol = el('ol', 'problem-list');
			list.slice(0, PROBLEMS_SHOWN).forEach(p =>
				ol.appendChild(problemItem(p)));
			sec.appendChild(ol);
			if (list.length > PROBLEMS_SHOWN) {
				const more = button('Show ' + fmtCount(list.length -
					PROBLEMS_SHOWN) + ' more', 'small', function () {
					list.slice(PROBLEMS_SHOWN).forEach(p =>
						ol.appendChild(problemItem(p)));
					more.remove();
				});
				sec.appendChild(more);
			}
		}
		const notes = findings.filter(f => (SEV_RANK[f.severity] || 0) <
			SEV_RANK.warning).length;
		if (notes || num(data.findings_dropped) > 0)
			sec.appendChild(el('p', 'hint', (notes ? fmtCount(notes) +
				(notes > 1 ? ' lesser findings (notices, information) ' +
					'are' : ' lesser finding (a notice or information) ' +
					'is') + ' in the event table, category "finding". ' :
				'') +
				(num(data.findings_dropped) > 0 ? fmtCount(
					data.findings_dropped) + ' findings were not kept.' :
					'')));
		return sec;
	}

	/* the notes compendium printed that are not warnings */
	function buildBanners() {
		const box = el('div', 'banners');
		(data.notices || []).forEach(function (n) {
			const lv = String(n.level);
			if (lv === 'error' || lv === 'warn' || lv === 'warning')
				return;
			const b = el('div', 'banner notice info');
			b.appendChild(el('span', 'origin',
				String(n.origin || 'note') + ': '));
			b.appendChild(document.createTextNode(String(n.text)));
			if (typeof n.t === 'number')
				b.appendChild(el('span', 'when', ' at ' + fmtT(n.t) + ' s'));
			box.appendChild(b);
		});
		return box;
	}

	/* rows: [label, value, help, bad, detail] */
	function card(title, rows, cls) {
		const c = el('section', 'card' + (cls ? ' ' + cls : ''));
		c.appendChild(el('h3', null, title));
		const dl = el('dl');
		rows.forEach(function (r) {
			const row = el('div', 'kv');
			const dt = el('dt', null, r[0]);
			const dd = el('dd', r[3] ? 'bad' : null, r[1]);
			if (r[4])
				dd.appendChild(el('span', 'kv-detail', ' ' + r[4]));
			if (r[2]) {
				/* what the figure counts, on hover and for readers */
				dt.title = String(r[2]);
				dd.title = String(r[2]);
				dt.classList.add('explained');
			}
			row.appendChild(dt);
			row.appendChild(dd);
			dl.appendChild(row);
		});
		c.appendChild(dl);
		return c;
	}

	/* a report value that says nothing happened: 0, "" or none */
	function nothing(v) {
		return v === 0 || v === '' || v === null || v === undefined;
	}

	function buildCards() {
		const box = el('section', 'cards');
		box.setAttribute('aria-label', 'Summary');
		const procs = lanes.filter(l => !l.thread).length;
		let failed = 0;
		lanes.forEach((l, i) => { failed += laneBad(i) ? 1 : 0; });
		const runRows = [
			['Duration', fmtNs(num(run.duration_ns) || 0)],
			['Result', fmtExit(run.exit_code, run.exit_signal), null,
				runBad],
			['Processes', fmtCount(stats.processes_seen ?? procs)],
			['Tasks', fmtCount(stats.tasks_seen ?? lanes.length)],
		];
		if (failed)
			runRows.splice(2, 0, ['Failed processes', fmtCount(failed),
				'processes that exited non-zero or were killed', true]);
		box.appendChild(card('Run', runRows, 'run' +
			(runBad || failed ? ' failed' : '')));
		const sections = (data.sections || []).slice()
			.sort((a, b) => (a.order || 0) - (b.order || 0));
		sections.forEach(function (s) {
			const vals = (s.values || []).map((v, i) => [v, i])
				.sort((a, b) => (a[0].pos ?? 1e9) - (b[0].pos ?? 1e9) ||
					a[1] - b[1]).map(a => a[0]);
			const rows = [];
			vals.forEach(function (v) {
				const zero = nothing(v.value);
				const text = fmtValue(v.value, v.unit);
				const label = String(v.label || v.key);
				if (v.detail && rows.length) {
					/* "16.4 KiB (12 files)", as the console */
					const prev = rows[rows.length - 1];
					if (!zero)
						prev[4] = (prev[4] ? prev[4] + ' ' : '') +
							'(' + text + ' ' + label + ')';
					return;
				}
				if (zero && v.nonzero)
					return;
				rows.push([label, text, v.help, false, '']);
			});
			/* a section with nothing in it says so in one line */
			const empty = vals.length && vals.every(v =>
				nothing(v.value));
			if (empty) {
				box.appendChild(card(String(s.title || s.topic),
					[['None recorded', '',
						'every figure of this section is zero']],
					'empty'));
				return;
			}
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

	/* ---- timeline and charts: one time axis, one zoom, one brush ---- */

	const tl = { charts: [] };

	function canvasBox(id, label) {
		const wrap = el('div', 'canvas-wrap');
		const cv = el('canvas');
		cv.id = id;
		cv.tabIndex = 0;
		cv.setAttribute('role', 'img');
		cv.setAttribute('aria-label', label);
		wrap.appendChild(cv);
		const tip = el('div', 'tooltip');
		tip.hidden = true;
		wrap.appendChild(tip);
		return { wrap, cv, tip, ctx: cv.getContext('2d') };
	}

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
			'axis) to pick a time range, double-click to reset. The ' +
			'charts below share the time axis.'));
		sec.appendChild(head);
		const lanesBox = canvasBox('timeline-canvas', 'Swimlane timeline, ' +
			'one lane per process and thread');
		tl.canvas = lanesBox.cv;
		tl.ctx = lanesBox.ctx;
		tl.tip = lanesBox.tip;
		sec.appendChild(lanesBox.wrap);
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
		if (lanes.some((l, i) => laneBad(i))) {
			const li = el('li', 'bad', '✕ failed process (red)');
			legend.appendChild(li);
		}
		if (aggRanges.length) {
			const li = el('li');
			li.appendChild(el('span', 'swatch hatch'));
			li.appendChild(document.createTextNode('summarised (Σ): ' +
				'detail past the event cap'));
			legend.appendChild(li);
		}
		sec.appendChild(legend);
		tl.laneTop = new Float64Array(lanes.length + 1);
		for (let i = 0; i < lanes.length; i++)
			tl.laneTop[i + 1] = tl.laneTop[i] +
				(lanes[i].thread ? THREAD_H : PROC_H);
		buildMemChart(sec);
		buildIoChart(sec);
		return sec;
	}

	function readColors() {
		const cs = getComputedStyle(body);
		const v = n => cs.getPropertyValue(n).trim();
		tl.col = {
			bg: v('--bg'), fg: v('--fg'), muted: v('--muted'),
			grid: v('--grid'), alt: v('--lane-alt'), bar: v('--lane-bar'),
			sel: v('--sel'), brush: v('--brush'), thread: v('--thread'),
			bad: v('--err-fg'), badBar: v('--bad-bar'), agg: v('--agg'),
		};
		const p = document.createElement('canvas');
		p.width = 8;
		p.height = 8;
		const pc = p.getContext('2d');
		pc.strokeStyle = tl.col.agg;
		pc.lineWidth = 2;
		pc.beginPath();
		pc.moveTo(-2, 10);
		pc.lineTo(10, -2);
		pc.moveTo(6, 10);
		pc.lineTo(10, 6);
		pc.moveTo(-2, 2);
		pc.lineTo(2, -2);
		pc.stroke();
		tl.hatch = tl.ctx.createPattern(p, 'repeat');
		pillCache.clear();
	}

	function plotX() {
		return tl.LX;
	}

	/* room for the longest lane label, within reason */
	function measureLabels() {
		const ctx = tl.ctx;
		let w = 0;
		ctx.font = '11px system-ui, sans-serif';
		for (let i = 0; i < lanes.length; i++) {
			const l = lanes[i];
			const ind = 6 + Math.min(depth[i], 10) * 9;
			const t = (l.thread ? '↳ ' : '') + laneName(i) +
				(laneBad(i) ? ' ✕' : '');
			w = Math.max(w, ind + ctx.measureText(t).width + 10);
			if (w > 1000)
				break;
		}
		tl.labelW = w;
	}

	function viewH() {
		return tl.h - AXIS_H;
	}

	function maxScrollY() {
		return Math.max(0, tl.laneTop[lanes.length] - viewH());
	}

	function sizeOne(c, w, h) {
		const dpr = window.devicePixelRatio || 1;
		c.width = Math.round(w * dpr);
		c.height = Math.round(h * dpr);
		c.style.width = w + 'px';
		c.style.height = h + 'px';
	}

	function sizeCanvas() {
		const wrap = tl.canvas.parentNode;
		const w = Math.max(300, wrap.clientWidth);
		const h = Math.min(480, Math.max(120, AXIS_H +
			tl.laneTop[lanes.length] + 4));
		tl.w = w;
		tl.h = h;
		tl.dpr = window.devicePixelRatio || 1;
		/* the labels' room, but at least 120 px and at most 40 % */
		tl.LX = Math.round(Math.min(Math.max(120, tl.labelW || 0),
			Math.max(120, w * 0.4)));
		sizeOne(tl.canvas, w, h);
		tl.charts.forEach(c => sizeOne(c.cv, w, CHART_H));
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

	/*
	 * A tick's label in one unit for the whole axis, the largest the
	 * view's end reaches ("8.6 s", not "8600 ms"), with as many decimals
	 * as the step needs.
	 */
	function fmtTick(t, step) {
		const units = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs'], [1, 'ns']];
		let u = units[units.length - 1];
		for (const x of units) {
			if (S.v1 >= x[0]) {
				u = x;
				break;
			}
		}
		const dec = Math.max(0, Math.min(9,
			Math.ceil(Math.log10(u[0] / step) - 1e-9)));
		return (t / u[0]).toFixed(dec) + ' ' + u[1];
	}

	function geometry(W) {
		const LX = plotX();
		const PW = W - LX - 6;
		const k = PW / (S.v1 - S.v0);
		return { LX, PW, k, xOf: t => LX + (t - S.v0) * k };
	}

	/* grid lines at the ticks; labels when asked */
	function drawTicks(ctx, g, H, labels) {
		const step = niceStep(S.v1 - S.v0, g.PW);
		ctx.strokeStyle = tl.col.grid;
		ctx.fillStyle = tl.col.muted;
		ctx.font = '10px system-ui, sans-serif';
		ctx.lineWidth = 1;
		ctx.beginPath();
		/* multiples, not a running sum: no 0.30000000000000004 */
		for (let m = Math.ceil(S.v0 / step); m * step <= S.v1; m++) {
			const t = m * step;
			const x = Math.round(g.xOf(t)) + 0.5;
			ctx.moveTo(x, labels ? AXIS_H - 6 : 0);
			ctx.lineTo(x, H);
			if (labels && x + 44 < tl.w)
				ctx.fillText(fmtTick(t, step), x + 3, AXIS_H / 2 - 2);
		}
		ctx.stroke();
	}

	/* the brushed range and the selected event's time, on any canvas */
	function drawOverlays(ctx, g, H) {
		if (S.brush) {
			const x0 = Math.max(g.LX, g.xOf(S.brush[0]));
			const x1 = Math.min(tl.w, g.xOf(S.brush[1]));
			if (x1 >= x0) {
				ctx.fillStyle = tl.col.brush;
				ctx.fillRect(x0, 0, Math.max(2, x1 - x0), H);
			}
		}
		if (S.sel >= 0) {
			const x = g.xOf(ev[S.sel][0]);
			if (x >= g.LX && x <= tl.w) {
				ctx.strokeStyle = tl.col.sel;
				ctx.lineWidth = 2;
				ctx.beginPath();
				ctx.moveTo(x, 0);
				ctx.lineTo(x, H);
				ctx.stroke();
				ctx.lineWidth = 1;
			}
		}
	}

	function draw() {
		const started = performance.now();
		drawLanes();
		tl.charts.forEach(c => c.draw());
		updateZoomLabel();
		body.dataset.drawMs = (performance.now() - started).toFixed(2);
	}

	function drawLanes() {
		const ctx = tl.ctx;
		const W = tl.w;
		const H = tl.h;
		const g = geometry(W);
		const { LX, PW, k, xOf } = g;
		const c = tl.col;
		ctx.setTransform(tl.dpr, 0, 0, tl.dpr, 0, 0);
		ctx.fillStyle = c.bg;
		ctx.fillRect(0, 0, W, H);
		ctx.textBaseline = 'middle';

		/* lanes: their stripes, then what was summarised over them */
		const top = S.scrollY;
		const first = lowerBound(lanes.length, i => tl.laneTop[i + 1],
			top);
		ctx.fillStyle = c.alt;
		for (let li = first | 1; li < lanes.length; li += 2) {
			const y = AXIS_H + tl.laneTop[li] - top;
			if (y > H)
				break;
			ctx.fillRect(0, y, W, tl.laneTop[li + 1] - tl.laneTop[li]);
		}
		const shaded = [];
		aggRanges.forEach(function (r) {
			const x0 = Math.max(LX, xOf(r[0]));
			const x1 = Math.min(W - 6, xOf(r[1]));
			if (x1 <= x0)
				return;
			shaded.push(Math.round(r[0]) + '-' + Math.round(r[1]));
			ctx.fillStyle = tl.hatch;
			ctx.fillRect(x0, AXIS_H, Math.max(1, x1 - x0), H - AXIS_H);
		});
		body.dataset.aggShaded = shaded.join(',');
		const drawnBad = [];
		for (let li = first; li < lanes.length; li++) {
			const y = AXIS_H + tl.laneTop[li] - top;
			if (y > H)
				break;
			const l = lanes[li];
			const lh = l.thread ? THREAD_H : PROC_H;
			const bad = laneBad(li);
			if (bad)
				drawnBad.push(li);
			/* label */
			ctx.save();
			ctx.beginPath();
			ctx.rect(0, y, LX - 4, lh);
			ctx.clip();
			const ind = 6 + Math.min(depth[li], 10) * 9;
			ctx.fillStyle = bad ? c.bad : l.thread ? c.thread : c.fg;
			ctx.font = l.thread ? 'italic 10px system-ui, sans-serif' :
				bad ? 'bold 11px system-ui, sans-serif' :
					'11px system-ui, sans-serif';
			ctx.fillText((l.thread ? '↳ ' : '') + laneName(li) +
				(bad ? ' ✕' : ''), ind, y + lh / 2);
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
				ctx.fillStyle = bad ? c.badBar : c.bar;
				const bh = l.thread ? 5 : 8;
				ctx.fillRect(bx0, y + (lh - bh) / 2, Math.max(1, bx1 - bx0),
					bh);
			}
			drawLaneEvents(li, y, lh, LX, W - 6, xOf, k);
			if (bad && xOf(e) >= LX && xOf(e) <= W - 6) {
				/* where it failed */
				ctx.fillStyle = c.bad;
				ctx.fillRect(Math.round(xOf(e)) - 1, y + 1, 3, lh - 2);
			}
			ctx.globalAlpha = 1;
		}

		/* axis and grid */
		ctx.fillStyle = c.bg;
		ctx.fillRect(0, 0, W, AXIS_H);
		drawTicks(ctx, g, H, true);
		ctx.beginPath();
		ctx.moveTo(LX, AXIS_H - 0.5);
		ctx.lineTo(W, AXIS_H - 0.5);
		ctx.stroke();
		ctx.fillStyle = c.muted;
		ctx.fillText(lanes.length + ' tasks', 6, AXIS_H / 2 - 2);
		if (!N)
			ctx.fillText('No events recorded.', LX + 8, AXIS_H + 20);
		drawOverlays(ctx, g, H);

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
		body.dataset.plotLeft = String(LX);
		body.dataset.plotWidth = String(PW);
		/* the lanes drawn as failed, for people and tests */
		tl.canvas.dataset.badLanes = drawnBad.join(',');
	}

	function drawLaneEvents(li, y, lh, xmin, xmax, xOf, k) {
		const ctx = tl.ctx;
		const idx = laneEv[li];
		const from = S.v0 - laneMaxDur[li];
		let j = lowerBound(idx.length, m => ev[idx[m]][0], from);
		let lastX = -1;
		let lastC = -1;
		const th = lh - 6;
		const alpha = S.laneOn[li] ? 1 : 0.3;
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
				/* a summary spans its bucket, paler than detail */
				ctx.globalAlpha = alpha * (isAgg(i) ? 0.3 : 0.45);
				ctx.fillRect(x0, y + 3, x1 - x0, th);
				ctx.globalAlpha = alpha;
			}
			if (x >= xmin)
				ctx.fillRect(xi, y + 3, lh > THREAD_H ? 2 : 1.5, th);
		}
	}

	/* ---- the memory chart: each process's heap and mapped bytes ---- */

	const mem = (Array.isArray(data.memory) ? data.memory : [])
		.filter(m => m && m.lane >= 0 && m.lane < lanes.length &&
			Array.isArray(m.points) && m.points.length)
		.map(function (m) {
			const n = m.points.length;
			const t = new Float64Array(n);
			const heap = new Float64Array(n);
			const mapped = new Float64Array(n);
			m.points.forEach(function (p, i) {
				t[i] = num(p[0]);
				heap[i] = num(p[1]) || 0;
				mapped[i] = num(p[2]) || 0;
			});
			const l = lanes[m.lane];
			const end = l.end_ns === null || l.end_ns === undefined ?
				D : num(l.end_ns);
			return { lane: m.lane, t, heap, mapped, end };
		})
		.sort((a, b) => a.lane - b.lane);

	/* a colour per process, apart from its neighbours */
	function procHue(k) {
		return (k * 137.508) % 360;
	}

	function chartBox(sec, id, title, label, hint) {
		const box = el('div', 'chart');
		box.appendChild(el('h3', null, title));
		const c = canvasBox(id, label);
		box.appendChild(c.wrap);
		if (hint)
			box.appendChild(el('p', 'hint', hint));
		sec.appendChild(box);
		tl.charts.push(c);
		return c;
	}

	function niceMax(v) {
		if (!(v > 0))
			return 1;
		const p = Math.pow(10, Math.floor(Math.log10(v)));
		for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
			if (m * p >= v)
				return m * p;
		return 10 * p;
	}

	function chartFrame(c, g, title, ymax, fmt) {
		const ctx = c.ctx;
		const W = tl.w;
		ctx.setTransform(tl.dpr, 0, 0, tl.dpr, 0, 0);
		ctx.fillStyle = tl.col.bg;
		ctx.fillRect(0, 0, W, CHART_H);
		drawTicks(ctx, g, CHART_H, false);
		ctx.fillStyle = tl.col.muted;
		ctx.font = '10px system-ui, sans-serif';
		ctx.textBaseline = 'top';
		ctx.fillText(fmt(ymax), 6, 4);
		ctx.textBaseline = 'bottom';
		ctx.fillText(title, 6, CHART_H - 4);
		ctx.strokeStyle = tl.col.grid;
		ctx.beginPath();
		ctx.moveTo(g.LX, CHART_H - 0.5);
		ctx.lineTo(W, CHART_H - 0.5);
		ctx.moveTo(g.LX, 4.5);
		ctx.lineTo(W, 4.5);
		ctx.stroke();
	}

	function buildMemChart(sec) {
		if (!mem.length)
			return;
		const c = chartBox(sec, 'memory-chart', 'Memory per process',
			'Memory of each process over time: heap and mapped bytes, ' +
			'stacked', 'Each process is a band of its own colour: its heap ' +
			'(solid: what brk grew, where malloc keeps small blocks) under ' +
			'its mapped memory (pale: live mmap regions, anonymous and ' +
			'file-backed, libraries included), stacked. Hover for the ' +
			'figures.');
		c.bands = [];
		c.draw = () => drawMem(c);
		c.hover = (mx, my) => memTip(c, mx, my);
	}

	function drawMem(c) {
		const W = tl.w;
		const g = geometry(W);
		const cols = Math.max(1, Math.ceil(g.PW));
		const base = new Float64Array(cols + 1);
		const bands = [];
		mem.forEach(function (m, k) {
			const s = m.t[0];
			if (m.end < S.v0 || s > S.v1)
				return;
			let x0 = Math.max(0, Math.floor((s - S.v0) * g.k));
			let x1 = Math.min(cols - 1, Math.floor((m.end - S.v0) * g.k));
			if (x1 < x0)
				x1 = x0;
			x0 = Math.min(x0, cols - 1);
			const n = x1 - x0 + 1;
			const b = { lane: m.lane, k, x0, bottom: new Float64Array(n),
				mid: new Float64Array(n), top: new Float64Array(n),
				heap: new Float64Array(n), mapped: new Float64Array(n) };
			let j = 0;
			for (let x = x0; x <= x1; x++) {
				const t = Math.max(s, S.v0 + (x + 0.5) / g.k);
				while (j + 1 < m.t.length && m.t[j + 1] <= t)
					j++;
				const i = x - x0;
				b.heap[i] = m.heap[j];
				b.mapped[i] = m.mapped[j];
				b.bottom[i] = base[x];
				b.mid[i] = base[x] + m.heap[j];
				b.top[i] = b.mid[i] + m.mapped[j];
				base[x] = b.top[i];
			}
			bands.push(b);
		});
		let peak = 0;
		for (let x = 0; x < cols; x++)
			peak = Math.max(peak, base[x]);
		const ymax = niceMax(peak);
		c.ymax = ymax;
		chartFrame(c, g, 'memory', ymax, fmtBytes);
		const ctx = c.ctx;
		const y0 = CHART_H - 1;
		const sy = (CHART_H - 6) / ymax;
		const yOf = v => y0 - v * sy;
		const dark = parseColor(tl.col.bg)[0] < 100;
		const area = function (b, lo, hi) {
			ctx.beginPath();
			const n = lo.length;
			ctx.moveTo(g.LX + b.x0, yOf(hi[0]));
			for (let i = 0; i < n; i++) {
				ctx.lineTo(g.LX + b.x0 + i, yOf(hi[i]));
				ctx.lineTo(g.LX + b.x0 + i + 1, yOf(hi[i]));
			}
			for (let i = n - 1; i >= 0; i--) {
				ctx.lineTo(g.LX + b.x0 + i + 1, yOf(lo[i]));
				ctx.lineTo(g.LX + b.x0 + i, yOf(lo[i]));
			}
			ctx.closePath();
			ctx.fill();
		};
		bands.forEach(function (b) {
			const h = procHue(b.k);
			ctx.fillStyle = 'hsl(' + h + ' 60% ' + (dark ? 60 : 42) + '%)';
			area(b, b.bottom, b.mid);
			ctx.fillStyle = 'hsl(' + h + ' 55% ' + (dark ? 38 : 78) + '%)';
			area(b, b.mid, b.top);
		});
		drawOverlays(ctx, g, CHART_H);
		c.bands = bands;
		c.g = g;
		/* which processes it drew, for people and tests */
		c.cv.dataset.lanes = bands.map(b => b.lane).join(',');
		c.cv.dataset.ymax = String(ymax);
	}

	function memTip(c, mx, my) {
		const g = c.g;
		if (!g || mx < g.LX)
			return false;
		const x = Math.floor(mx - g.LX);
		const y0 = CHART_H - 1;
		const v = (y0 - my) / ((CHART_H - 6) / c.ymax);
		let total = 0;
		let hit = null;
		let hi = 0;
		c.bands.forEach(function (b) {
			const i = x - b.x0;
			if (i < 0 || i >= b.top.length)
				return;
			total += b.top[i] - b.bottom[i];
			if (v >= b.bottom[i] && v <= b.top[i]) {
				hit = b;
				hi = i;
			}
		});
		const t = S.v0 + (mx - g.LX) / g.k;
		const lines = ['At ' + fmtT(t) + ' s: ' + fmtBytes(total) +
			' in all processes'];
		if (hit) {
			lines.unshift(laneName(hit.lane));
			lines.push('heap ' + fmtBytes(hit.heap[hi]) + ': what brk ' +
				'grew (malloc\'s small blocks)');
			lines.push('mapped ' + fmtBytes(hit.mapped[hi]) + ': its ' +
				'live mmap regions, anonymous and file-backed');
		}
		showTip(c, mx, my, lines);
		return true;
	}

	/* ---- the I/O chart: bytes per second read, written, on the network */

	const io = data.io && typeof data.io === 'object' ? data.io : {};
	const ioW = num(io.bucket_ns) || 0;
	/* prefix sums of read, write and network (sent + received) */
	const ioSum = [[], [], []];
	{
		const rd = Array.isArray(io.read) ? io.read : [];
		const wr = Array.isArray(io.write) ? io.write : [];
		const tx = Array.isArray(io.sent) ? io.sent : [];
		const rx = Array.isArray(io.received) ? io.received : [];
		const n = Math.max(rd.length, wr.length, tx.length, rx.length);
		const sums = [new Float64Array(n + 1), new Float64Array(n + 1),
			new Float64Array(n + 1)];
		for (let i = 0; i < n; i++) {
			sums[0][i + 1] = sums[0][i] + (num(rd[i]) || 0);
			sums[1][i + 1] = sums[1][i] + (num(wr[i]) || 0);
			sums[2][i + 1] = sums[2][i] + (num(tx[i]) || 0) +
				(num(rx[i]) || 0);
		}
		ioSum[0] = sums[0];
		ioSum[1] = sums[1];
		ioSum[2] = sums[2];
	}
	const ioN = ioSum[0].length - 1;

	function buildIoChart(sec) {
		if (!(ioW > 0) || !ioN || !(ioSum[0][ioN] + ioSum[1][ioN] +
			ioSum[2][ioN] > 0))
			return;
		const c = chartBox(sec, 'io-chart', 'I/O throughput',
			'Bytes per second read from files, written to files and ' +
			'moved on the network, over time', null);
		const legend = el('ul', 'legend');
		['file read', 'file write', 'network (sent + received, ' +
			'loopback included)'].forEach(function (n, i) {
			const li = el('li');
			const sw = el('span', 'swatch');
			sw.style.background = IO_COLORS[i];
			li.appendChild(sw);
			li.appendChild(document.createTextNode(n));
			legend.appendChild(li);
		});
		c.wrap.parentNode.appendChild(legend);
		c.draw = () => drawIo(c);
		c.hover = (mx, my) => ioTip(c, mx, my);
	}

	/* bytes per second of series s between times a and b */
	function ioRate(s, a, b) {
		let i0 = Math.floor(a / ioW);
		let i1 = Math.ceil(b / ioW);
		i0 = Math.max(0, Math.min(ioN, i0));
		i1 = Math.max(i0 + 1, Math.min(ioN, i1));
		if (i0 >= ioN)
			return 0;
		return (ioSum[s][i1] - ioSum[s][i0]) / ((i1 - i0) * ioW) * 1e9;
	}

	function drawIo(c) {
		const W = tl.w;
		const g = geometry(W);
		const cols = Math.max(1, Math.ceil(g.PW));
		const rates = [new Float64Array(cols), new Float64Array(cols),
			new Float64Array(cols)];
		let peak = 0;
		for (let x = 0; x < cols; x++) {
			const a = S.v0 + x / g.k;
			const b = S.v0 + (x + 1) / g.k;
			if (a > D)
				break;
			for (let s = 0; s < 3; s++) {
				rates[s][x] = ioRate(s, a, b);
				peak = Math.max(peak, rates[s][x]);
			}
		}
		const ymax = niceMax(peak);
		c.ymax = ymax;
		chartFrame(c, g, 'I/O', ymax, v => fmtBytes(v) + '/s');
		const ctx = c.ctx;
		const y0 = CHART_H - 1;
		const sy = (CHART_H - 6) / ymax;
		for (let s = 0; s < 3; s++) {
			ctx.beginPath();
			ctx.moveTo(g.LX, y0);
			for (let x = 0; x < cols; x++)
				ctx.lineTo(g.LX + x + 0.5, y0 - rates[s][x] * sy);
			ctx.lineTo(g.LX + cols, y0);
			ctx.closePath();
			ctx.globalAlpha = 0.18;
			ctx.fillStyle = IO_COLORS[s];
			ctx.fill();
			ctx.globalAlpha = 1;
			ctx.strokeStyle = IO_COLORS[s];
			ctx.lineWidth = 1.5;
			ctx.beginPath();
			for (let x = 0; x < cols; x++) {
				const y = y0 - rates[s][x] * sy;
				if (x)
					ctx.lineTo(g.LX + x + 0.5, y);
				else
					ctx.moveTo(g.LX + x + 0.5, y);
			}
			ctx.stroke();
			ctx.lineWidth = 1;
		}
		drawOverlays(ctx, g, CHART_H);
		c.g = g;
		c.rates = rates;
		c.cv.dataset.ymax = String(ymax);
	}

	function ioTip(c, mx, my) {
		const g = c.g;
		if (!g || mx < g.LX)
			return false;
		const x = Math.floor(mx - g.LX);
		const t = S.v0 + (mx - g.LX) / g.k;
		const i = Math.floor(t / ioW);
		const at = k => i >= 0 && i < ioN ? (k < 2 ? ioSum[k][i + 1] -
			ioSum[k][i] : 0) : 0;
		const sent = Array.isArray(io.sent) ? num(io.sent[i]) || 0 : 0;
		const recv = Array.isArray(io.received) ? num(io.received[i]) ||
			0 : 0;
		const r = k => c.rates && x >= 0 && x < c.rates[k].length ?
			c.rates[k][x] : 0;
		showTip(c, mx, my, ['At ' + fmtT(t) + ' s, per second',
			'file read ' + fmtBytes(r(0)) + '/s, written ' + fmtBytes(r(1)) +
				'/s', 'network ' + fmtBytes(r(2)) + '/s',
			'in its ' + fmtNs(ioW) + ': read ' + fmtBytes(at(0)) +
				', written ' + fmtBytes(at(1)) + ', sent ' +
				fmtBytes(sent) + ', received ' + fmtBytes(recv)]);
		return true;
	}

	/* ---- zoom and the view ---- */

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
		saveHashSoon();
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

	function showTip(c, mx, my, lines) {
		const tip = c.tip;
		tip.textContent = '';
		lines.forEach(function (s, i) {
			tip.appendChild(el('div', i ? null : 'tip-head', s));
		});
		tip.hidden = false;
		const w = tip.offsetWidth;
		tip.style.left = Math.max(0, Math.min(mx + 14, tl.w - w - 4)) + 'px';
		tip.style.top = (my + 16) + 'px';
	}

	function lanesTip(mx, my) {
		const i = eventAt(mx, my);
		if (i >= 0) {
			const e = ev[i];
			showTip(tl, mx, my, [
				fmtT(e[0]) + ' s  ' + laneName(e[2]),
				cats[e[3]] + ' / ' + types[e[4]] +
					(e[1] ? '  ' + fmtNs(e[1]) : ''),
				(e[5] > 1 && !isAgg(i) ? e[5] + '× ' : '') + String(e[6]),
			]);
			tl.canvas.style.cursor = 'pointer';
			return true;
		}
		if (my < AXIS_H && mx >= plotX()) {
			/* the axis doubles as the brush strip */
			tl.canvas.style.cursor = 'col-resize';
			return false;
		}
		tl.canvas.style.cursor = '';
		const li = laneAt(my);
		if (li >= 0 && mx < plotX()) {
			const l = lanes[li];
			const life = fmtNs(num(l.start_ns) || 0) + ' → ' +
				(l.end_ns === null || l.end_ns === undefined ?
					'still running' : fmtNs(l.end_ns));
			showTip(tl, mx, my, [laneName(li), laneCommand(li),
				life + '  ' + fmtExit(l.exit_code, l.signal),
				'click to filter the events to this ' +
					(l.thread ? 'thread\'s process' : 'process')]);
			return true;
		}
		const t = S.v0 + (mx - plotX()) / ((tl.w - plotX() - 6) /
			(S.v1 - S.v0));
		if (aggRanges.some(r => t >= r[0] && t <= r[1])) {
			showTip(tl, mx, my, ['Summarised', 'Past the event cap, ' +
				'this time\'s file and I/O events are kept as Σ rows ' +
				'per file and time bucket.']);
			return true;
		}
		return false;
	}

	/*
	 * Mouse and keys on a canvas of the time axis: drag pans (and on
	 * the lanes scrolls them), shift-drag or a drag on the time axis
	 * picks a time range, ctrl+wheel zooms, double-click resets.
	 */
	function hookCanvas(c, isLanes) {
		const cv = c.cv || c.canvas;
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
				brush: e.shiftKey || (isLanes && my < AXIS_H &&
					mx >= plotX()),
			};
			e.preventDefault();
			cv.focus();
		});
		window.addEventListener('mousemove', function (e) {
			const [mx, my] = pos(e);
			if (!drag) {
				if (e.target === cv) {
					if (!(isLanes ? lanesTip(mx, my) : c.hover(mx, my)))
						c.tip.hidden = true;
				}
				return;
			}
			if (Math.abs(mx - drag.mx) + Math.abs(my - drag.my) > 3)
				drag.moved = true;
			if (!drag.moved)
				return;
			c.tip.hidden = true;
			const LX = plotX();
			const PW = tl.w - LX - 6;
			const k = (drag.v1 - drag.v0) / PW;
			if (drag.brush) {
				const clampX = x => Math.max(LX, Math.min(LX + PW, x));
				const a = S.v0 + (clampX(drag.mx) - LX) * k;
				const b = S.v0 + (clampX(mx) - LX) * k;
				/* whole nanoseconds: what a link can say exactly */
				S.brush = [Math.round(Math.min(a, b)),
					Math.round(Math.max(a, b))];
				scheduleDraw();
				return;
			}
			setView(drag.v0 - (mx - drag.mx) * k,
				drag.v1 - (mx - drag.mx) * k);
			if (isLanes)
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
			if (d.moved || !isLanes)
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
			c.tip.hidden = true;
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
			if (!isLanes)
				return;
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
			} else if (isLanes && (e.key === 'ArrowUp' ||
				e.key === 'ArrowDown')) {
				S.scrollY = Math.max(0, Math.min(maxScrollY(), S.scrollY +
					(e.key === 'ArrowUp' ? -PROC_H : PROC_H)));
				scheduleDraw();
				e.preventDefault();
			} else if (e.key === 'Escape' && S.brush) {
				S.brush = null;
				applyFilters();
			}
		});
	}

	function hookTimeline() {
		hookCanvas(tl, true);
		tl.charts.forEach(c => hookCanvas(c, false));
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
				fitTable();
			}, 60)).observe(tl.canvas.parentNode);
		}
		const mq = window.matchMedia('(prefers-color-scheme: dark)');
		const recolor = () => {
			readColors();
			for (const r of tbl.pool)
				r.idx = -2;
			renderRows();
			scheduleDraw();
		};
		if (mq.addEventListener)
			mq.addEventListener('change', recolor);
	}

	/* ---- filters ---- */

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
		ui.kids.checked = true;
		S.withKids = true;
		ui.search.value = '';
		S.search = '';
		S.path = null;
		S.brush = null;
		applyFilters();
	}

	function setProcess(li, kids) {
		ui.proc.value = String(li);
		S.proc = li;
		if (kids) {
			ui.kids.checked = true;
			S.withKids = true;
		}
		applyFilters();
	}

	function setSearch(text) {
		ui.search.value = text;
		S.search = text.toLowerCase();
		applyFilters();
	}

	/* only the events of this file, by its whole path */
	function setPath(p) {
		S.path = p;
		ui.search.value = '';
		S.search = '';
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

	function hasPath(i, p) {
		const f = ev[i][7];
		return !!f && (f.path === p || f.path2 === p);
	}

	/* ---- sorting the table ---- */

	/* per column: the header, its class, and the sort key of an event */
	const COLS = [
		{ label: 'Time (s)', cls: 'c-time', title: 'seconds since the ' +
			'start of tracing' },
		{ label: 'PID/TID', cls: 'c-pid' },
		{ label: 'Process', cls: 'c-proc' },
		{ label: 'Category', cls: 'c-cat' },
		{ label: 'Type', cls: 'c-type' },
		{ label: 'Duration', cls: 'c-dur', title: 'the syscall\'s or ' +
			'the coalesced run\'s time, when known' },
		{ label: 'Details', cls: 'c-det' },
	];
	const SORT_NAMES = ['time', 'pid', 'process', 'category', 'type',
		'duration', 'details'];

	/* rank of each lane, category and type by name: numbers compare fast */
	function rankBy(n, name) {
		const idx = Array.from({ length: n }, (x, i) => i);
		idx.sort((a, b) => name(a) < name(b) ? -1 : name(a) > name(b) ?
			1 : a - b);
		const r = new Int32Array(n);
		idx.forEach((v, i) => { r[v] = i; });
		return r;
	}
	let ranks = null;

	function sortRows(rows) {
		const col = S.sortCol;
		const dir = S.sortDir;
		if (col === 0 && dir > 0)
			return;		/* the data's own order */
		if (!ranks)
			ranks = {
				pid: rankBy(lanes.length, i => lanes[i].pid * 4294967296 +
					lanes[i].tid),
				proc: rankBy(lanes.length, i => String(lanes[i].comm ||
					'')),
				cat: rankBy(cats.length, i => String(cats[i])),
				type: rankBy(types.length, i => String(types[i])),
			};
		const laneRank = li => li >= 0 && li < lanes.length ? li : -1;
		let key;
		switch (col) {
		case 1:
			key = i => laneRank(ev[i][2]) < 0 ? -1 : ranks.pid[ev[i][2]];
			break;
		case 2:
			key = i => laneRank(ev[i][2]) < 0 ? -1 : ranks.proc[ev[i][2]];
			break;
		case 3:
			key = i => ranks.cat[ev[i][3]];
			break;
		case 4:
			key = i => ranks.type[ev[i][4]];
			break;
		case 5:
			key = i => ev[i][1];
			break;
		case 6: {
			const s = i => String(ev[i][6]);
			rows.sort((a, b) => (s(a) < s(b) ? -1 : s(a) > s(b) ? 1 :
				0) * dir || a - b);
			return;
		}
		default:
			key = i => ev[i][0];
		}
		const keys = new Float64Array(N);
		for (const i of rows)
			keys[i] = key(i);
		rows.sort((a, b) => (keys[a] - keys[b]) * dir || a - b);
	}

	function setSort(col) {
		S.sortDir = S.sortCol === col ? -S.sortDir : col === 5 ? -1 : 1;
		S.sortCol = col;
		applyFilters();
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
		const p = S.path;
		/* an event of no known task (lost records) has no process */
		const noLane = S.proc < 0 ? 1 : 0;
		for (let i = 0; i < N; i++) {
			const e = ev[i];
			const li = e[2];
			const ok = S.catOn[e[3]] && S.typeOn[e[4]] &&
				(li >= 0 && li < nl ? S.laneOn[li] : noLane) &&
				(!q || S.lower[i].includes(q)) &&
				(p === null || hasPath(i, p));
			S.mask[i] = ok ? 1 : 0;
			if (ok && (!b || (e[0] + e[1] >= b[0] && e[0] <= b[1])))
				rows[n++] = i;
		}
		S.rows = rows.subarray(0, n);
		sortRows(S.rows);
		S.pos.fill(-1);
		for (let k = 0; k < n; k++)
			S.pos[S.rows[k]] = k;
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
		ui.pathChip.hidden = p === null;
		ui.pathText.textContent = p === null ? '' : p;
		tbl.head.forEach(function (h, ci) {
			h.setAttribute('aria-sort', ci !== S.sortCol ? 'none' :
				S.sortDir > 0 ? 'ascending' : 'descending');
		});
		body.dataset.rows = String(n);
		body.dataset.brush = b ? b[0] + ' ' + b[1] : '';
		body.dataset.path = p === null ? '' : p;
		tbl.inner.style.height = (n * ROW_H) + 'px';
		tbl.vp.setAttribute('aria-rowcount', String(n));
		tbl.empty.hidden = n > 0;
		for (const r of tbl.pool)
			r.idx = -2;
		renderRows();
		scheduleDraw();
		saveHashSoon();
	}

	/* ---- the event table (virtual scrolling) ---- */

	const tbl = { pool: [], head: [] };

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
		ui.pathChip = el('span', 'chip');
		ui.pathChip.id = 'path-filter';
		ui.pathChip.appendChild(el('span', 'chip-label', 'File '));
		ui.pathText = el('code');
		ui.pathChip.appendChild(ui.pathText);
		ui.pathChip.appendChild(button('✕', 'small icon', () =>
			setPath(null)));
		ui.pathChip.lastChild.setAttribute('aria-label',
			'Show every file again');
		ui.pathChip.hidden = true;
		head.appendChild(ui.pathChip);
		const ex = el('div', 'tools export');
		ex.appendChild(el('span', 'hint', 'Export the rows shown:'));
		ex.appendChild(button('CSV', 'small', () => exportRows('csv')));
		ex.lastChild.id = 'export-csv';
		ex.appendChild(button('JSON Lines', 'small', () =>
			exportRows('jsonl')));
		ex.lastChild.id = 'export-jsonl';
		ex.appendChild(button('Copy link', 'small', copyLink));
		ex.lastChild.id = 'copy-link';
		ex.lastChild.title = 'the address of this view: filters, ' +
			'process, time range, selected event';
		head.appendChild(ex);
		sec.appendChild(head);
		sec.appendChild(buildFilters());
		const split = el('div', 'split');
		const t = el('div', 'table');
		const hdr = el('div', 'row head');
		hdr.setAttribute('role', 'row');
		COLS.forEach(function (c, i) {
			const cell = el('div', 'cell ' + c.cls);
			cell.setAttribute('role', 'columnheader');
			cell.setAttribute('aria-sort', 'none');
			const b = button(c.label, 'sort', () => setSort(i));
			if (c.title)
				b.title = c.title;
			cell.appendChild(b);
			hdr.appendChild(cell);
			tbl.head.push(cell);
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
			let p = S.sel >= 0 ? S.pos[S.sel] : -1;
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

	/*
	 * The Type column as wide as its longest name, and how many
	 * characters of details fit: a path too long for the cell is
	 * shortened from the left, keeping its file name.
	 */
	function fitTable() {
		let longest = 4;
		types.forEach((t, i) => {
			if (typeCount[i])
				longest = Math.max(longest, String(t).length);
		});
		tbl.vp.parentNode.style.setProperty('--type-ch',
			String(Math.min(longest, 28)));
		const probe = tbl.pool.length && !tbl.pool[0].hidden ?
			tbl.pool[0].cells[6] : null;
		const w = probe ? probe.clientWidth - 16 : 0;
		tbl.detChars = w > 0 && tbl.charW ? Math.floor(w / tbl.charW) : 0;
		for (const r of tbl.pool)
			r.idx = -2;
		renderRows();
	}

	function measureChar() {
		const c = el('span', 'cell c-det');
		c.style.position = 'absolute';
		c.style.visibility = 'hidden';
		c.style.padding = '0';
		c.textContent = 'x'.repeat(100);
		tbl.vp.appendChild(c);
		tbl.charW = c.getBoundingClientRect().width / 100;
		c.remove();
	}

	/* details with their path shortened from the left to fit max chars */
	function fitDetails(d, i, max) {
		if (!max || d.length <= max)
			return d;
		const f = ev[i][7];
		const p = f && typeof f.path === 'string' ? f.path : null;
		const at = p ? d.lastIndexOf(p) : -1;
		if (at < 0 || p.length < 8)
			return d;
		/* at least the file's name with its slash: what tells rows apart */
		const base = p.length - p.lastIndexOf('/');
		const keep = Math.min(p.length - 1, Math.max(base, 8,
			p.length - (d.length - max) - 1));
		return d.slice(0, at) + '…' + p.slice(p.length - keep) +
			d.slice(at + p.length);
	}

	const pillCache = new Map();

	/* a category's pill: its colour, pale, under text of full contrast */
	function pillStyle(ci) {
		let s = pillCache.get(ci);
		if (!s) {
			const c = catColor(cats[ci], ci);
			s = { bg: mix(c, tl.col.bg, 0.2), border: c };
			pillCache.set(ci, s);
		}
		return s;
	}

	function makeRow() {
		const r = el('div', 'row');
		r.setAttribute('role', 'row');
		r.cells = [];
		for (let i = 0; i < COLS.length; i++) {
			const c = el('div', 'cell ' + COLS[i].cls);
			c.setAttribute('role', 'gridcell');
			r.appendChild(c);
			r.cells.push(c);
		}
		r.pill = el('span', 'pill');
		r.cells[3].appendChild(r.pill);
		r.times = el('span', 'times');
		r.detailText = document.createTextNode('');
		r.cells[6].appendChild(r.times);
		r.cells[6].appendChild(r.detailText);
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
		const agg = isAgg(i);
		r.cells[0].textContent = fmtT(e[0]);
		r.cells[1].textContent = taskText(e[2]);
		r.cells[1].classList.toggle('thread', !!(l && l.thread));
		r.cells[2].textContent = l ? String(l.comm || '') : '';
		r.pill.textContent = cats[e[3]];
		const ps = pillStyle(e[3]);
		r.pill.style.background = ps.bg;
		r.pill.style.borderColor = ps.border;
		r.cells[4].textContent = types[e[4]];
		r.cells[5].textContent = e[1] > 0 ? fmtNs(e[1]) : '';
		const d = String(e[6]);
		const c = e[5] > 1 && !agg ? e[5] + '×' : '';
		/* the writer may already have put "N×" in the text */
		r.times.textContent = c && !d.startsWith(c) ? c + ' ' : '';
		r.detailText.data = fitDetails(d, i, tbl.detChars -
			r.times.textContent.length);
		r.title = d;
		r.classList.toggle('agg', agg);
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

	function scrollToEvents() {
		document.getElementById('events').scrollIntoView(
			{ block: 'start' });
	}

	/* ---- selection ---- */

	function select(i, from) {
		S.sel = i;
		const p = i >= 0 ? S.pos[i] : -1;
		if (p >= 0 && from !== 'table') {
			const vp = tbl.vp;
			const y = p * ROW_H;
			if (y < vp.scrollTop || y + ROW_H > vp.scrollTop +
				vp.clientHeight)
				vp.scrollTop = Math.max(0, y - vp.clientHeight / 2);
		}
		if (i >= 0 && from !== 'timeline' && ev[i][2] >= 0 &&
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
		if (i >= 0)
			showDetail(i, p < 0);
		body.dataset.selected = String(i);
		scheduleDraw();
		saveHashSoon();
	}

	/* a field's value by the unit its kind's table gives it */
	function fieldText(v, info) {
		if (v === null || v === undefined)
			return '—';
		const unit = info && info.unit;
		if (typeof v === 'object')
			return JSON.stringify(v);
		if (unit === 'bytes' && Number.isFinite(num(v)) && num(v) >= 1024)
			return fmtBytes(v) + ' (' + fmtCount(v) + ')';
		if (unit === 'addr' || unit === 'ns' || unit === 'count' ||
			unit === 'bytes')
			return fmtValue(v, unit);
		/* an event's timestamps are the clock's, not the trace's: as is */
		return String(v);
	}

	function showDetail(i, hidden) {
		const d = ui.detail;
		const e = ev[i];
		const l = lanes[e[2]] || {};
		const info = fieldInfo[cats[e[3]]] || {};
		d.textContent = '';
		d.appendChild(el('h3', null, (isAgg(i) ? 'Σ summary of ' : '') +
			types[e[4]] + (isAgg(i) ? ' events' : ' event')));
		if (hidden)
			d.appendChild(el('p', 'hint', 'This event is hidden by ' +
				'the current filters.'));
		if (isAgg(i))
			d.appendChild(el('p', 'hint', 'Past the event cap: ' +
				fmtCount(e[7].aggregated) + ' rows of this task, type ' +
				'and target in one ' + fmtNs(num(e[7].bucket_ns)) +
				' bucket, kept as their sums.'));
		const dl = el('dl');
		const add = function (k, v, help) {
			const row = el('div', 'kv');
			const dt = el('dt', null, k);
			if (help) {
				dt.title = String(help);
				dt.classList.add('explained');
			}
			row.appendChild(dt);
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
				const fi = info[k];
				add(k, fieldText(f[k], fi), fi && fi.help);
			});
		}
		d.appendChild(dl);
		if (e[2] >= 0 && e[2] < lanes.length)
			d.appendChild(button('Show only this process', 'small',
				() => setProcess(procOf[e[2]])));
		if (f && typeof f.path === 'string' && f.path)
			d.appendChild(button('Show only this file', 'small',
				() => setPath(f.path)));
	}

	/* ---- export: the rows shown, as a file made in the page ---- */

	/* RFC 4180, and a cell a spreadsheet would run is made text */
	function csvCell(v) {
		if (v === null || v === undefined)
			return '';
		if (typeof v === 'number')
			return String(v);
		let s = String(v);
		const formula = /^[=+\-@\t\r]/.test(s);
		if (!formula && !/[",\r\n]/.test(s))
			return s;
		if (formula)
			s = '\'' + s;
		return '"' + s.replace(/"/g, '""') + '"';
	}

	function exportRows(kind) {
		const csv = kind === 'csv';
		const out = [];
		if (csv)
			out.push('time_ns,duration_ns,pid,tid,process,category,type,' +
				'count,details,path');
		for (const i of S.rows) {
			const e = ev[i];
			const l = lanes[e[2]] || {};
			const f = e[7] && typeof e[7] === 'object' ? e[7] : {};
			const row = {
				time_ns: e[0], duration_ns: e[1], pid: l.pid ?? null,
				tid: l.tid ?? null, process: l.comm ?? null,
				category: cats[e[3]], type: types[e[4]], count: e[5],
				details: String(e[6]),
			};
			if (csv) {
				row.path = typeof f.path === 'string' ? f.path : null;
				out.push(Object.keys(row).map(k => csvCell(row[k]))
					.join(','));
			} else {
				row.fields = f;
				out.push(JSON.stringify(row));
			}
		}
		const blob = new Blob([out.join('\n') + (out.length ? '\n' : '')],
			{ type: csv ? 'text/csv' : 'application/x-ndjson' });
		const a = el('a');
		a.href = URL.createObjectURL(blob);
		a.download = 'compendium-events.' + (csv ? 'csv' : 'jsonl');
		body.appendChild(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(a.href), 60000);
		body.dataset.exported = String(S.rows.length);
	}

	/* ---- the view in the URL fragment ---- */

	function viewHash() {
		const p = new URLSearchParams();
		const on = (boxes, arr, names) => boxes.filter(([i]) => arr[i])
			.map(([i]) => names[i]);
		if (ui.catBoxes.some(([i]) => !S.catOn[i]))
			p.set('cats', on(ui.catBoxes, S.catOn, cats).join(','));
		if (ui.typeBoxes.some(([i]) => !S.typeOn[i]))
			p.set('types', on(ui.typeBoxes, S.typeOn, types).join(','));
		if (S.proc >= 0)
			p.set('proc', String(S.proc));
		if (!S.withKids)
			p.set('kids', '0');
		if (ui.search.value)
			p.set('q', ui.search.value);
		if (S.path !== null)
			p.set('path', S.path);
		if (S.brush)
			p.set('range', Math.round(S.brush[0]) + '-' +
				Math.round(S.brush[1]));
		if (S.v0 > 0 || S.v1 < D)
			p.set('view', Math.round(S.v0) + '-' + Math.round(S.v1));
		if (S.sortCol !== 0 || S.sortDir < 0)
			p.set('sort', SORT_NAMES[S.sortCol] + (S.sortDir < 0 ? '-' :
				''));
		if (S.sel >= 0)
			p.set('event', String(S.sel));
		return p.toString();
	}

	let restoring = false;
	function saveHash() {
		if (restoring)
			return;
		const h = viewHash();
		const url = location.href.replace(/#.*$/, '') + (h ? '#' + h : '');
		body.dataset.hash = h;
		if (url === location.href)
			return;
		try {
			history.replaceState(null, '', url);
		} catch (e) {
			/* some browsers refuse it on file:// */
		}
	}
	const saveHashSoon = debounce(saveHash, 150);

	function copyLink() {
		saveHash();
		const u = location.href;
		if (navigator.clipboard && navigator.clipboard.writeText)
			navigator.clipboard.writeText(u).catch(() => {});
		ui.status.textContent = 'Link to this view: ' + u;
	}

	function range(v) {
		const m = /^(\d+)-(\d+)$/.exec(v || '');
		return m ? [Number(m[1]), Number(m[2])] : null;
	}

	/* open the view the fragment names; what it does not name is reset */
	function restoreHash() {
		const p = new URLSearchParams(location.hash.replace(/^#/, ''));
		restoring = true;
		const pick = function (boxes, arr, names, key) {
			const want = p.has(key) ? new Set(p.get(key).split(',')) :
				null;
			boxes.forEach(function ([i, cb]) {
				arr[i] = !want || want.has(String(names[i])) ? 1 : 0;
				cb.checked = !!arr[i];
			});
		};
		pick(ui.catBoxes, S.catOn, cats, 'cats');
		pick(ui.typeBoxes, S.typeOn, types, 'types');
		const proc = Number(p.get('proc'));
		S.proc = p.has('proc') && proc >= 0 && proc < lanes.length &&
			!lanes[proc].thread ? proc : -1;
		ui.proc.value = String(S.proc);
		S.withKids = p.get('kids') !== '0';
		ui.kids.checked = S.withKids;
		ui.search.value = p.get('q') || '';
		S.search = ui.search.value.toLowerCase();
		S.path = p.has('path') ? p.get('path') : null;
		const r = range(p.get('range'));
		S.brush = r && r[1] >= r[0] ? r : null;
		const s = String(p.get('sort') || 'time');
		const col = SORT_NAMES.indexOf(s.replace(/-$/, ''));
		S.sortCol = col >= 0 ? col : 0;
		S.sortDir = s.endsWith('-') ? -1 : 1;
		const v = range(p.get('view'));
		if (v && v[1] > v[0])
			setView(v[0], v[1]);
		else
			setView(0, D);
		applyFilters();
		const sel = Number(p.get('event'));
		if (p.has('event') && sel >= 0 && sel < N)
			select(sel, 'link');
		restoring = false;
		saveHash();
	}

	/* ---- lists: the writer's tables and the processes ---- */

	/*
	 * A sortable table that fits its card at any width: the numeric
	 * columns as wide as their longest value, the text columns sharing
	 * the rest, a path shortened from the left (its file name stays in
	 * view, the whole path is its tooltip).
	 */
	function sortableTable(title, columns, rows, onRow, id) {
		const sec = el('section', 'list');
		if (id)
			sec.id = id;
		if (columns.length > 4)
			sec.classList.add('wide');
		sec.appendChild(el('h3', null, title + ' (' +
			fmtCount(rows.length) + ')'));
		if (!rows.length) {
			sec.appendChild(el('p', 'hint', 'None.'));
			return sec;
		}
		const wrap = el('div', 'list-wrap');
		const table = el('table');
		const cg = el('colgroup');
		const thead = el('thead');
		const hr = el('tr');
		const tb = el('tbody');
		/* a first page of rows: a table of 60,000 files costs no time */
		const LIMIT = 200;
		let shown = LIMIT;
		let order = rows.map((r, i) => i);
		let sortCol = -1;
		let sortDir = 1;
		const more = button('', 'small', function () {
			shown = rows.length;
			fill();
		});
		let minCh = 0;
		columns.forEach(function (c, ci) {
			const col = el('col');
			/* its longest value among the first rows, or its label */
			let w = String(c.label).length + 2;
			const probe = el('td');
			for (let i = 0; i < rows.length && i < 2000 && w <= 24; i++) {
				c.render(probe, rows[i][ci], rows[i]);
				w = Math.max(w, probe.textContent.length);
			}
			/* short columns as wide as they need, long ones share */
			if (c.width) {
				col.style.width = c.width;
				c.minCh = 16;
			} else if (c.numeric || (!c.path && w <= 24)) {
				col.style.width = 'calc(' + Math.min(w, 24) + 'ch + 18px)';
				c.minCh = Math.min(w, 24) + 3;
			} else {
				c.minCh = 14;
			}
			minCh += c.minCh;
			cg.appendChild(col);
		});
		table.appendChild(cg);
		/* never a column squeezed to nothing: past this, scroll */
		table.style.minWidth = minCh + 'ch';
		const gone = columns.map(() => false);
		function fill() {
			tb.textContent = '';
			order.slice(0, shown).forEach(function (ri) {
				const tr = el('tr');
				const r = rows[ri];
				columns.forEach(function (c, ci) {
					const td = el('td', c.numeric ? 'num' : c.path ? 'path' :
						null);
					c.render(td, r[ci], r);
					if (gone[ci])
						td.classList.add('gone');
					tr.appendChild(td);
				});
				if (onRow) {
					tr.tabIndex = 0;
					tr.classList.add('clickable');
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
			if (c.help)
				b.title = String(c.help);
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
		fitColumns(sec, wrap, table, columns, gone, minCh);
		return sec;
	}

	/*
	 * A table wider than its box at this width: its last optional
	 * columns step aside (the ones that neither name a row nor are its
	 * bar), with a note saying how many, until it fits; at a wider
	 * width they come back. A table that must keep every column (asked
	 * for all of them) scrolls instead.
	 */
	function fitColumns(sec, wrap, table, columns, gone, minCh) {
		const optional = [];
		columns.forEach((c, ci) => {
			if (!c.path && !c.width && !c.keep && ci > 0)
				optional.push(ci);
		});
		if (!optional.length || !window.ResizeObserver)
			return;
		const note = el('p', 'hint columns-hidden');
		note.hidden = true;
		sec.insertBefore(note, wrap);
		const cols = table.querySelectorAll('col');
		const ths = table.querySelectorAll('th');
		let chPx = 0;
		function apply() {
			const off = gone.filter(Boolean).length;
			columns.forEach(function (c, ci) {
				cols[ci].style.display = gone[ci] ? 'none' : '';
				ths[ci].classList.toggle('gone', gone[ci]);
			});
			table.querySelectorAll('tbody tr').forEach(function (tr) {
				Array.from(tr.children).forEach((td, ci) =>
					td.classList.toggle('gone', gone[ci]));
			});
			let need = 0;
			columns.forEach(function (c, ci) {
				if (!gone[ci])
					need += c.minCh;
			});
			table.style.minWidth = need + 'ch';
			note.hidden = !off;
			note.textContent = off ? fmtCount(off) + (off > 1 ?
				' columns do' : ' column does') + ' not fit at this ' +
				'width: ' + optional.filter(ci => gone[ci]).map(ci =>
				columns[ci].label).join(', ') + '.' : '';
		}
		function fit() {
			const avail = wrap.clientWidth;
			if (!avail)
				return;
			if (!chPx) {
				const probe = el('span', null, '0000000000');
				probe.style.cssText = 'position:absolute;visibility:hidden';
				table.appendChild(probe);
				chPx = probe.getBoundingClientRect().width / 10 || 7;
				probe.remove();
			}
			let need = 0;
			columns.forEach(c => { need += c.minCh; });
			gone.fill(false);
			if (sec.dataset.keepColumns === 'yes')
				need = 0;
			for (let k = optional.length - 1; k >= 0 &&
				need * chPx > avail; k--) {
				gone[optional[k]] = true;
				need -= columns[optional[k]].minCh;
			}
			apply();
		}
		new ResizeObserver(debounce(fit, 50)).observe(wrap);
		requestAnimationFrame(fit);
	}

	function text(td, v) {
		td.textContent = v === null || v === undefined ? '—' : String(v);
	}

	/*
	 * A path, shortened from the left when its cell is too narrow; not
	 * one with a character that would end the isolated text (a line or
	 * paragraph separator): that one is shown as it is.
	 */
	function pathText(td, v) {
		const s = v === null || v === undefined ? '—' : String(v);
		td.textContent = '';
		if (/[\n\r\t\x1c-\x1f\x85\u2028\u2029]/.test(s)) {
			td.classList.remove('path');
			td.textContent = s;
		} else {
			td.appendChild(el('bdi', null, s));
		}
		td.title = s;
	}

	/* every path an event names: what a click on a file can filter by */
	let eventPaths = null;
	function knownPath(p) {
		if (!eventPaths) {
			eventPaths = new Set();
			for (let i = 0; i < N; i++) {
				const f = ev[i][7];
				if (f && typeof f.path === 'string')
					eventPaths.add(f.path);
				if (f && typeof f.path2 === 'string')
					eventPaths.add(f.path2);
			}
		}
		return eventPaths.has(p);
	}

	/* colours of the parts of a whole, told apart in light and dark */
	const PART_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2',
		'#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
		'#bab0ac'];

	/*
	 * A table whose schema marks columns as parts of one whole (where a
	 * process's time went) gets a stacked bar per row, scaled so that
	 * the largest row's bar is the widest; the legend names the parts,
	 * each segment says its figure on hover. rowOf maps a row as shown
	 * to the row as written.
	 */
	function partsBar(columns, rows, rowOf) {
		const parts = [];
		columns.forEach((c, ci) => { if (c.part === true) parts.push(ci); });
		if (parts.length < 2 || !rows.length)
			return null;
		const unit = columns[parts[0]].unit;
		const name = pi => String(columns[pi].label || columns[pi].key);
		const sums = new Map();
		let max = 0;
		rows.forEach(function (r) {
			let s = 0;
			parts.forEach(pi => { s += Math.max(0, num(r[pi]) || 0); });
			sums.set(r, s);
			max = Math.max(max, s);
		});
		const legend = el('ul', 'legend parts');
		parts.forEach(function (pi, k) {
			const li = el('li');
			const sw = el('span', 'swatch');
			sw.style.background = PART_COLORS[k % PART_COLORS.length];
			li.appendChild(sw);
			li.appendChild(document.createTextNode(name(pi)));
			legend.appendChild(li);
		});
		const column = {
			label: 'Breakdown', numeric: false, width: '30%',
			help: 'the parts, stacked: ' + parts.map(name).join(', '),
			key: v => v,
			render: function (td, v, shown) {
				const r = rowOf.get(shown);
				td.className = 'parts';
				const box = el('div', 'stack');
				const says = [];
				parts.forEach(function (pi, k) {
					const x = Math.max(0, num(r[pi]) || 0);
					if (!x || !max)
						return;
					const seg = el('span', 'seg');
					seg.style.width = (100 * x / max) + '%';
					seg.style.background =
						PART_COLORS[k % PART_COLORS.length];
					seg.title = name(pi) + ': ' + fmtValue(x, unit);
					says.push(seg.title);
					box.appendChild(seg);
				});
				td.title = says.join('\n');
				td.setAttribute('aria-label', says.join(', '));
				td.appendChild(box);
			},
		};
		return { column, legend, sums };
	}

	/* more columns than a page shows: its summary ones, until asked */
	const FEW_COLUMNS = 10;

	/*
	 * An analyzer's table: every column, or when it has more than a page
	 * can show, those that name the row, sort it or are in the summary,
	 * with a button for all of them (in a box that scrolls sideways).
	 */
	function reportTable(t, all) {
		const columns = t.columns || [];
		const written = t.rows || [];
		let idx = columns.map((c, i) => i);
		const few = idx.filter(i => columns[i].identifies === true ||
			columns[i].sort === true || columns[i].summary === true);
		const reduce = columns.length > FEW_COLUMNS && few.length &&
			few.length < columns.length;
		if (reduce && !all)
			idx = few;
		/* what names a row first, whatever the console's order */
		idx = idx.filter(i => columns[i].identifies === true).concat(
			idx.filter(i => columns[i].identifies !== true));
		/* the column the schema says names the row (a path, a peer),
		 * else the first text one: clicking a row finds its events */
		let pathCol = idx.findIndex(i => columns[i].identifies === true);
		if (pathCol < 0)
			pathCol = idx.findIndex(i => columns[i].unit === 'none');
		const cols = idx.map(function (i, ci) {
			const c = columns[i];
			const numeric = c.unit !== 'none' && c.unit !== 'addr';
			return {
				label: String(c.label || c.key), numeric,
				path: ci === pathCol, help: c.help ? String(c.help) : '',
				key: numeric ? v => num(v) : null,
				render: ci === pathCol ? pathText :
					(td, v) => text(td, fmtValue(v, c.unit)),
			};
		});
		const rowOf = new WeakMap();
		let rows = written.map(function (r) {
			const shown = idx.map(i => r[i]);
			rowOf.set(shown, r);
			return shown;
		});
		const bar = partsBar(columns, written, rowOf);
		if (bar) {
			/* after the sort column (wall time), else last */
			let at = idx.findIndex(i => columns[i].sort === true);
			at = at < 0 ? cols.length : at + 1;
			cols.splice(at, 0, bar.column);
			rows.forEach(function (shown) {
				shown.splice(at, 0, bar.sums.get(rowOf.get(shown)));
			});
			if (pathCol >= at)
				pathCol++;
		}
		const id = 'table-' + String(t.topic).replace(/[^a-z0-9]+/gi, '-');
		const list = sortableTable(String(t.title || t.topic), cols, rows,
			pathCol < 0 ? null : function (r) {
				const v = String(r[pathCol]);
				if (knownPath(v))
					setPath(v);
				else
					setSearch(v);
				scrollToEvents();
			}, id);
		if (bar)
			list.insertBefore(bar.legend, list.children[1] || null);
		if (reduce) {
			if (all) {
				list.classList.add('all-columns', 'wide');
				list.dataset.keepColumns = 'yes';
			}
			const b = button(all ? 'Fewer columns' : 'All ' +
				columns.length + ' columns', 'small', function () {
				const other = reportTable(t, !all);
				list.replaceWith(other);
				other.querySelector('button.columns').focus();
			});
			b.classList.add('columns');
			list.insertBefore(b, list.children[1] || null);
		}
		return list;
	}

	function buildLists() {
		const sec = el('section', 'panel lists');
		sec.id = 'lists';
		sec.appendChild(el('h2', null, 'Processes, files and connections'));
		sec.appendChild(el('p', 'hint', 'Click a process to see only its ' +
			'events (and its children\'s); click a file to see its ' +
			'events (by its whole path), a peer to search for it. Click ' +
			'a column to sort.'));
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
			procRows.push([laneCommand(i), l.pid, s,
				end === null ? null : end - s,
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
				if (laneBad(r[7]))
					td.classList.add('bad');
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
					if (laneBad(r[7]))
						td.classList.add('bad');
				} },
			{ label: 'Threads', numeric: true, render: text },
			{ label: 'Events', numeric: true,
				render: (td, v) => text(td, fmtCount(v)) },
		];
		grid.appendChild(sortableTable('Processes', procCols, procRows,
			function (r) {
				setProcess(r[7]);
				scrollToEvents();
			}, 'process-list'));

		const tables = (data.tables || []).slice()
			.sort((a, b) => (a.order || 0) - (b.order || 0));
		tables.forEach(t => grid.appendChild(reportTable(t, false)));
		/* an odd narrow table out takes the whole row: no empty half */
		const narrow = Array.from(grid.children).filter(x =>
			!x.classList.contains('wide') && x.id !== 'process-list');
		if (narrow.length % 2)
			narrow[narrow.length - 1].classList.add('wide');
		sec.appendChild(grid);
		return sec;
	}

	/* ---- put it together ---- */

	app.appendChild(buildHeader());
	app.appendChild(buildProblems());
	app.appendChild(buildBanners());
	app.appendChild(buildCards());
	app.appendChild(buildTimeline());
	app.appendChild(buildTable());
	const foot = el('footer', null, 'Self-contained report: no network ' +
		'access, all data is in this file.');
	app.appendChild(foot);

	readColors();
	measureLabels();
	sizeCanvas();
	hookTimeline();
	measureChar();
	restoreHash();
	fitTable();
	draw();
	window.addEventListener('hashchange', function () {
		if (location.hash.replace(/^#/, '') !== body.dataset.hash)
			restoreHash();
	});
	performance.mark('cpd-rendered');
	body.dataset.renderedMs = performance.now().toFixed(1);
	body.dataset.viewerMs = (performance.now() - scriptStart).toFixed(1);
	/*
	 * The lists are far below the first screen: they are built once it
	 * is painted, so the top of a large report shows sooner.
	 */
	await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
	app.insertBefore(buildLists(), foot);
	body.dataset.state = 'ready';
	body.dataset.events = String(N);
	body.dataset.readyMs = performance.now().toFixed(1);
})();
