// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * blkio: block requests of the traced processes, timed in the kernel
 * (bpf/blkio.bpf.c) from issue to completion, with bytes, device and
 * operation. A request belongs to the process that created or inserted
 * it, recorded in that process' context: the task that issues it to the
 * driver may be another one (a plug flushed elsewhere, a kworker), so it
 * cannot say who asked. Writeback of buffered writes happens later in
 * kernel threads and is nobody's here (perf-baseline §3.4.3).
 *
 * Like the original, consecutive requests of one process with the same
 * size (and here also device and operation) make one event, "block I/O
 * 61us avg, 0.3ms max (4.0 KB x2000, 7.8 MB total)"; with -v or
 * group = no every request is its own event. The report has totals and
 * percentiles, and per device the counts, bytes and a log2 histogram.
 *
 * Ring-buffer handling, the process filter, the clock and the way it
 * steps aside without BPF are those of the sched analyzer (sched.c).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "ebpf/hist.h"
#include "ebpf/loader.h"
#include "ebpf/translate.h"
#include "util/report.h"

#ifdef CPD_HAVE_BPF
#include <bpf/libbpf.h>
#include "blkio.skel.h"
#endif

/* One device (partition, or the disk for requests without one). */
struct blk_dev {
	uint32_t dev;
	uint64_t by_op[6];	/* indexed by CPD_BLKIO_* */
	uint64_t bytes, errors;
	struct hist h;
};

struct blk {
	struct ebpf e;		/* first: the fd callback gets our state */
	/* options */
	bool group;
	uint64_t ring_kb;

	bool disabled;
#ifdef CPD_HAVE_BPF
	struct blkio_bpf *skel;
#endif
	struct ebpf_blkio_group g;
	struct blk_dev **d;
	size_t nd, dcap;
	struct hist all, queue;
	uint64_t by_op[6], bytes, errors, lost;
};

static const struct cpd_option blk_options[] = {
	{ .name = "group", .type = CPD_OPT_BOOL, .def = "yes",
	  .offset = offsetof(struct blk, group),
	  .help = "one event for consecutive requests of one process of the same size (off with -v)" },
	{ .name = "ring_kb", .type = CPD_OPT_UINT, .def = "1024",
	  .offset = offsetof(struct blk, ring_kb), .min = 16, .max = 1048576,
	  .help = "BPF ring buffer size in KiB (rounded up to a power of two)" },
	CPD_OPTION_END
};

static struct blk_dev *blk_dev_get(struct blk *b, uint32_t dev)
{
	struct blk_dev *d, **nd;
	size_t i;

	for (i = 0; i < b->nd; i++)
		if (b->d[i]->dev == dev)
			return b->d[i];
	if (b->nd == b->dcap) {
		size_t cap = b->dcap ? b->dcap * 2 : 8;

		nd = realloc(b->d, cap * sizeof(*nd));
		if (!nd)
			return NULL;
		b->d = nd;
		b->dcap = cap;
	}
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->dev = dev;
	b->d[b->nd++] = d;
	return d;
}

static void blk_group_flush(struct blk *b)
{
	struct cpd_event out;

	if (ebpf_blkio_group_take(&b->g, &out))
		b->e.host->publish(b->e.inst, &out);
}

static int blk_record(void *ctx, void *data, size_t len)
{
	struct blk *b = ctx;
	struct cpd_event ev, out;
	const struct cpd_ev_blkio *io = &ev.u.blkio;
	struct blk_dev *d;

	if (ebpf_blkio_event(data, len, &ev) < 0)
		return 0;
	hist_add(&b->all, io->latency_ns);
	if (io->queue_ns)
		hist_add(&b->queue, io->queue_ns);
	b->by_op[io->op]++;
	b->bytes += io->bytes;
	b->errors += io->err != 0;
	d = blk_dev_get(b, io->dev);
	if (d) {
		d->by_op[io->op]++;
		d->bytes += io->bytes;
		d->errors += io->err != 0;
		hist_add(&d->h, io->latency_ns);
	}
	if (!b->group) {
		b->e.host->publish(b->e.inst, &ev);
		return 0;
	}
	if (ebpf_blkio_group_add(&b->g, &ev, &out))
		b->e.host->publish(b->e.inst, &out);
	return 0;
}

static void blk_publish_lost(struct blk *b)
{
#ifdef CPD_HAVE_BPF
	struct cpd_event ev;
	uint64_t n = ebpf_lost(&b->e);

	if (!n)
		return;
	b->lost += n;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.ts_ns = ebpf_now();
	ev.u.lost.lost_kind = CPD_EV_BLKIO;
	ev.u.lost.count = n;
	ev.u.lost.reason = report_str("BPF ring buffer full", 20);
	b->e.host->publish(b->e.inst, &ev);
#else
	(void)b;
#endif
}

static void blk_drain(struct blk *b)
{
#ifdef CPD_HAVE_BPF
	ebpf_drain(&b->e);
#endif
	blk_publish_lost(b);
}

static int blk_on_event(void *state, const struct cpd_event *ev)
{
	struct blk *b = state;
	const struct cpd_ev_proc *p = &ev->u.proc;

	if (b->disabled || ev->kind != CPD_EV_PROC)
		return 0;
#ifdef CPD_HAVE_BPF
	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
		ebpf_track(&b->e, p->child_pid, true);
		break;
	case CPD_PROC_EXEC:
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		ebpf_track(&b->e, ev->pid, true);
		break;
	case CPD_PROC_EXIT:
	case CPD_PROC_DETACH:
		if ((p->flags & CPD_PROCF_GROUP_EXIT) ||
		    (p->op == CPD_PROC_DETACH && ev->pid == ev->tid)) {
			/* requests in flight still complete to their owner */
			ebpf_track(&b->e, ev->pid, false);
			blk_drain(b);
			if (b->g.ev.u.blkio.count && b->g.ev.pid == ev->pid)
				blk_group_flush(b);
		}
		break;
	default:
		break;
	}
#else
	(void)p;
#endif
	return 0;
}

static int blk_flush(void *state)
{
	struct blk *b = state;

	if (!b->disabled)
		blk_drain(b);
	return 0;
}

/* ---- reports ------------------------------------------------------- */

static int blk_cmp_dev(const void *a, const void *x)
{
	const struct blk_dev *p = *(const struct blk_dev *const *)a;
	const struct blk_dev *q = *(const struct blk_dev *const *)x;

	if (p->h.n != q->h.n)
		return p->h.n < q->h.n ? 1 : -1;
	return p->dev < q->dev ? -1 : p->dev > q->dev;
}

static int blk_stop(void *state)
{
	struct blk *b = state;
	struct cpd_kv kv[16];
	char hbuf[1024], dev[32];
	size_t i, n;

	if (b->disabled)
		return 0;
	blk_drain(b);
	blk_group_flush(b);
#ifdef CPD_HAVE_BPF
	/* what the kernel side saw, for -vv */
	b->e.host->log(b->e.inst, CPD_LOG_DEBUG,
		       "kernel: %llu records, %llu lost (ring full), %llu untimed (map full), %llu completed unissued, %llu program runs skipped (nested)",
		       (unsigned long long)ebpf_stat(&b->e, CPD_BPF_STAT_SENT),
		       (unsigned long long)b->lost,
		       (unsigned long long)ebpf_stat(&b->e, CPD_BPF_STAT_NOROOM),
		       (unsigned long long)ebpf_stat(&b->e,
						     CPD_BPF_STAT_UNISSUED),
		       (unsigned long long)ebpf_missed(&b->e));
#endif
	kv[0] = report_u64("operations", "Operations", CPD_UNIT_COUNT,
			   b->all.n);
	kv[1] = report_u64("reads", "Reads", CPD_UNIT_COUNT,
			   b->by_op[CPD_BLKIO_READ]);
	kv[2] = report_u64("writes", "Writes", CPD_UNIT_COUNT,
			   b->by_op[CPD_BLKIO_WRITE]);
	kv[3] = report_u64("flushes", "Flushes", CPD_UNIT_COUNT,
			   b->by_op[CPD_BLKIO_FLUSH]);
	kv[4] = report_u64("discards", "Discards", CPD_UNIT_COUNT,
			   b->by_op[CPD_BLKIO_DISCARD]);
	kv[5] = report_u64("bytes", "Bytes", CPD_UNIT_BYTES, b->bytes);
	kv[6] = report_u64("avg", "Avg latency", CPD_UNIT_NS,
			   b->all.n ? b->all.sum / b->all.n : 0);
	kv[7] = report_u64("p50", "p50", CPD_UNIT_NS,
			   hist_percentile(&b->all, 50));
	kv[8] = report_u64("p95", "p95", CPD_UNIT_NS,
			   hist_percentile(&b->all, 95));
	kv[9] = report_u64("p99", "p99", CPD_UNIT_NS,
			   hist_percentile(&b->all, 99));
	kv[10] = report_u64("max", "Max latency", CPD_UNIT_NS, b->all.max);
	kv[11] = report_u64("queue_p50", "Queued before issue, p50",
			    CPD_UNIT_NS, hist_percentile(&b->queue, 50));
	kv[12] = report_u64("errors", "Errors", CPD_UNIT_COUNT, b->errors);
	kv[13] = report_u64("lost", "Lost records (ring full)", CPD_UNIT_COUNT,
			    b->lost);
	report_publish(b->e.host, b->e.inst, "blkio",
		       "Block I/O latency (eBPF)", 0, 44, kv, 14);

	qsort(b->d, b->nd, sizeof(*b->d), blk_cmp_dev);
	for (i = 0; i < b->nd; i++) {
		const struct blk_dev *d = b->d[i];
		int dl = snprintf(dev, sizeof(dev), "%u:%u", d->dev >> 20,
				  d->dev & 0xfffff);

		kv[0] = report_text("dev", "Device", dev, (size_t)dl);
		kv[1] = report_u64("operations", "Operations", CPD_UNIT_COUNT,
				   d->h.n);
		kv[2] = report_u64("reads", "Reads", CPD_UNIT_COUNT,
				   d->by_op[CPD_BLKIO_READ]);
		kv[3] = report_u64("writes", "Writes", CPD_UNIT_COUNT,
				   d->by_op[CPD_BLKIO_WRITE]);
		kv[4] = report_u64("other", "Other", CPD_UNIT_COUNT,
				   d->by_op[CPD_BLKIO_FLUSH] +
				   d->by_op[CPD_BLKIO_DISCARD] +
				   d->by_op[CPD_BLKIO_OTHER]);
		kv[5] = report_u64("bytes", "Bytes", CPD_UNIT_BYTES, d->bytes);
		kv[6] = report_u64("p50", "p50", CPD_UNIT_NS,
				   hist_percentile(&d->h, 50));
		kv[7] = report_u64("p99", "p99", CPD_UNIT_NS,
				   hist_percentile(&d->h, 99));
		kv[8] = report_u64("max", "Max", CPD_UNIT_NS, d->h.max);
		n = hist_format(&d->h, hbuf, sizeof(hbuf));
		if (n >= sizeof(hbuf))
			n = sizeof(hbuf) - 1;
		kv[9] = report_text("histogram", "Histogram (log2)", hbuf, n);
		report_publish(b->e.host, b->e.inst, "blkio.devices",
			       "Block I/O by device", CPD_REPORTF_ROW, 45, kv,
			       10);
	}
	return 0;
}

/* ---- lifecycle ----------------------------------------------------- */

#ifdef CPD_HAVE_BPF
static const struct ebpf_prog_spec blk_progs[] = {
	/* where the owner is recorded: v6.5+, and any kernel */
	{ "cpd_io_start", "block_io_start", 1, 1, false },
	{ "cpd_rq_insert", "block_rq_insert", 1, 1, false },
	{ "cpd_rq_insert_old", "block_rq_insert", 2, 2, false },
	/* (q, rq) became (rq) in v5.11 */
	{ "cpd_rq_issue", "block_rq_issue", 1, 1, true },
	{ "cpd_rq_issue_old", "block_rq_issue", 2, 2, true },
	{ "cpd_rq_complete", "block_rq_complete", 3, 255, true },
};

static int blk_load(struct blk *b)
{
	uint64_t want = b->ring_kb * 1024, n = (uint64_t)sysconf(_SC_PAGESIZE);
	int err;

	b->skel = blkio_bpf__open();
	if (!b->skel) {
		err = -errno;
		ebpf_note_failed(&b->e, "open", err);
		return err;
	}
	err = ebpf_prepare(&b->e, b->skel->obj, blk_progs,
			   sizeof(blk_progs) / sizeof(blk_progs[0]));
	if (err)
		return err;
	while (n < want && n < (1u << 30))
		n <<= 1;
	bpf_map__set_max_entries(b->skel->maps.events, (uint32_t)n);
	b->skel->rodata->tracer_tgid = (__u32)getpid();
	b->skel->rodata->wakeup_bytes = n / 4;
	err = blkio_bpf__load(b->skel);
	if (err) {
		ebpf_note_failed(&b->e, "load", err);
		return err;
	}
	err = blkio_bpf__attach(b->skel);
	if (err) {
		ebpf_note_failed(&b->e, "attach", err);
		return err;
	}
	err = ebpf_run(&b->e, blk_record, b);
	if (err)
		ebpf_note(&b->e, "cannot read the BPF ring buffer: %s",
			  strerror(-err));
	return err;
}
#endif

static int blk_start(void *state)
{
	struct blk *b = state;

#ifdef CPD_HAVE_BPF
	int err;

	ebpf_log_begin(&b->e);
	err = blk_load(b);
	ebpf_log_end();
	if (err) {
		ebpf_close(&b->e);
		blkio_bpf__destroy(b->skel);
		b->skel = NULL;
		b->disabled = true;
	}
#else
	ebpf_note_unbuilt(&b->e);
	b->disabled = true;
#endif
	return 0;
}

static int blk_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	struct blk *b = calloc(1, sizeof(*b));
	int rc;

	if (!b)
		return -ENOMEM;
	b->e.host = host;
	b->e.inst = inst;
	b->e.what = "block I/O latency is not measured";
	b->e.rb_fd = b->e.tgids_fd = b->e.stats_fd = -1;
	rc = host->apply_options(inst, b);
	if (rc < 0) {
		free(b);
		return rc;
	}
	/* -v shows every request, as the original did */
	if (host->run_info(inst)->verbose)
		b->group = false;
	*statep = b;
	return 0;
}

static void blk_fini(void *state)
{
	struct blk *b = state;
	size_t i;

#ifdef CPD_HAVE_BPF
	ebpf_close(&b->e);
	blkio_bpf__destroy(b->skel);
#endif
	for (i = 0; i < b->nd; i++)
		free(b->d[i]);
	free(b->d);
	free(b);
}

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_ANALYZER,
	.name = "blkio",
	.version = "1.0",
	.description = "block I/O latency of the traced processes (eBPF), by device",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.publishes = CPD_EVMASK(CPD_EV_BLKIO) | CPD_EVMASK(CPD_EV_LOST) |
		     CPD_EVMASK(CPD_EV_REPORT),
	.flags = CPD_PF_SINGLETON,
	.options = blk_options,
	.init = blk_init,
	.start = blk_start,
	.on_event = blk_on_event,
	.flush = blk_flush,
	.stop = blk_stop,
	.fini = blk_fini,
);
