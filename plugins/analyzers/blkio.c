// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * blkio: block requests of the traced processes, timed in the kernel
 * (bpf/blkio.bpf.c) from issue to completion, with bytes, device and
 * operation. A request belongs to the process that created or inserted
 * it, recorded in that process' context: the task that issues it to the
 * driver may be another one (a plug flushed elsewhere, a kworker), so it
 * cannot say who asked. Writeback of buffered writes happens later in
 * kernel threads and is nobody's here.
 *
 * Like the original, consecutive requests of one process with the same
 * size (and here also device and operation) make one event, "block I/O
 * 61us avg, 0.3ms max (4.0 KB x2000, 7.8 MB total)"; with -v or
 * group = no every request is its own event. The report has totals and
 * percentiles, and per device the counts, bytes and a log2 histogram.
 *
 * Ring-buffer handling, the process filter, the clock and the way it
 * steps aside without BPF are those of the sched analyzer, shared in
 * ebpf/analyzer.c.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "ebpf/analyzer.h"
#include "ebpf/hist_report.h"
#include "ebpf/translate.h"
#include "lib/instance.h"
#include "lib/report.h"

#ifdef CPD_HAVE_BPF
#include "blkio.skel.h"
#endif

/* One device (partition, or the disk for requests without one). */
struct blkio_dev {
	uint32_t dev;
	uint64_t by_op[6]; /* indexed by CPD_BLKIO_* */
	uint64_t bytes, errors;
	struct hist h;
};

struct blkio {
	struct ebpf_analyzer a; /* first: see analyzer.h */
	/* options */
	bool group;

	struct ebpf_blkio_group g;
	struct hist all, queue;
	uint64_t by_op[6], bytes, errors;
};

static const struct cpd_option blkio_options[] = {
	{ .name = "group",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct blkio, group),
	  .help = "one event for consecutive requests of one process of the same size (off with -v)" },
	EBPF_OPTION_RING_KB,
	CPD_OPTION_END
};

static struct blkio_dev *blkio_dev_get(struct blkio *b, uint32_t dev)
{
	struct blkio_dev *d;
	size_t i;

	for (i = 0; i < b->a.rows.n; i++) {
		d = b->a.rows.v[i];
		if (d->dev == dev)
			return d;
	}
	d = ebpf_rows_add(&b->a.rows, sizeof(*d));
	if (d)
		d->dev = dev;
	return d;
}

static int blkio_record(void *ctx, void *data, size_t len)
{
	struct blkio *b = ctx;
	struct cpd_event ev, out;
	const struct cpd_ev_blkio *io = &ev.u.blkio;
	struct blkio_dev *d;

	if (ebpf_blkio_event(data, len, &ev) < 0)
		return 0;
	hist_add(&b->all, io->latency_ns);
	if (io->queue_ns)
		hist_add(&b->queue, io->queue_ns);
	b->by_op[io->op]++;
	b->bytes += io->bytes;
	b->errors += io->err != 0;
	d = blkio_dev_get(b, io->dev);
	if (d) {
		d->by_op[io->op]++;
		d->bytes += io->bytes;
		d->errors += io->err != 0;
		hist_add(&d->h, io->latency_ns);
	}
	if (!b->group) {
		b->a.e.host->publish(b->a.e.inst, &ev);
		return 0;
	}
	if (ebpf_blkio_group_add(&b->g, &ev, &out))
		b->a.e.host->publish(b->a.e.inst, &out);
	return 0;
}

/*
 * The pending group, once its process is gone (requests in flight still
 * complete to their owner, so only after the drain) or at the end (0).
 */
static void blkio_settle(void *state, int32_t tgid)
{
	struct blkio *b = state;
	struct cpd_event out;

	if (tgid && !(b->g.ev.u.blkio.count && b->g.ev.pid == tgid))
		return;
	if (ebpf_blkio_group_take(&b->g, &out))
		b->a.e.host->publish(b->a.e.inst, &out);
}

/* ---- reports ------------------------------------------------------- */

static int blkio_cmp_dev(const void *a, const void *x)
{
	const struct blkio_dev *p = *(void *const *)a;
	const struct blkio_dev *q = *(void *const *)x;

	if (p->h.n != q->h.n)
		return p->h.n < q->h.n ? 1 : -1;
	return p->dev < q->dev ? -1 : p->dev > q->dev;
}

#define BLKIO_COUNT(key, label, help)                                       \
	REPORT_KEY(key, label, CPD_KV_U64, CPD_UNIT_COUNT, CPD_RKF_SUMMARY, \
		   NULL, help)
#define BLKIO_BYTES(help)                                        \
	REPORT_KEY("bytes", "Bytes", CPD_KV_U64, CPD_UNIT_BYTES, \
		   CPD_RKF_SUMMARY, NULL, help)

/* What the reports below publish; outputs lay them out from this alone. */
static const struct cpd_report_key blkio_total_keys[] = {
	BLKIO_COUNT("operations", "Operations",
		    "requests of the traced processes that completed"),
	BLKIO_COUNT("reads", "Reads", "of which reads"),
	BLKIO_COUNT("writes", "Writes", "of which writes"),
	BLKIO_COUNT("flushes", "Flushes", "of which flushes"),
	BLKIO_COUNT("discards", "Discards", "of which discards"),
	BLKIO_BYTES("bytes the requests moved"),
	HIST_KEY_AVG("Avg latency"),
	HIST_KEY_P50,
	HIST_KEY_P95,
	HIST_KEY_P99,
	HIST_KEY_MAX("Max latency"),
	HIST_KEY_NS("queue_p50", "Queued before issue, p50",
		    "half waited at most this in the queue before issue"),
	BLKIO_COUNT("errors", "Errors", "requests that failed"),
	BLKIO_COUNT("lost", "Lost records (ring full)",
		    "completions the kernel could not hand over"),
};

static const struct cpd_report_key blkio_dev_keys[] = {
	REPORT_KEY("dev", "Device", CPD_KV_STR, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY | CPD_RKF_KEY, NULL, "major:minor"),
	BLKIO_COUNT("operations", "Operations", "requests that completed"),
	BLKIO_COUNT("reads", "Reads", "of which reads"),
	BLKIO_COUNT("writes", "Writes", "of which writes"),
	BLKIO_COUNT("other", "Other", "flushes, discards and the rest"),
	BLKIO_BYTES("bytes they moved"),
	HIST_KEY_P50,
	HIST_KEY_P99,
	HIST_KEY_MAX("Max"),
	HIST_KEY_HISTOGRAM,
};

enum { BLKIO_REP_TOTALS, BLKIO_REP_DEVICES };

static const struct cpd_report_desc blkio_reports[] = {
	[BLKIO_REP_TOTALS] = { .topic = "blkio",
			       .title = "Block I/O latency (eBPF)",
			       .flags = CPD_RDF_SUMMARY,
			       .order = 14,
			       .keys = blkio_total_keys,
			       .nkeys = REPORT_NKEYS(blkio_total_keys),
			       .help = "block requests of the traced processes, issue to completion" },
	[BLKIO_REP_DEVICES] = { .topic = "blkio.devices",
				.title = "Block I/O by device",
				.flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
				.order = 45,
				.keys = blkio_dev_keys,
				.nkeys = REPORT_NKEYS(blkio_dev_keys),
				.help = "the requests of each device, the busiest first" },
	CPD_REPORT_END
};

static void blkio_report(void *state)
{
	struct blkio *b = state;
	struct cpd_kv kv[14];
	size_t n = 0;

	kv[n++] = report_val_u64("operations", b->all.n);
	kv[n++] = report_val_u64("reads", b->by_op[CPD_BLKIO_READ]);
	kv[n++] = report_val_u64("writes", b->by_op[CPD_BLKIO_WRITE]);
	kv[n++] = report_val_u64("flushes", b->by_op[CPD_BLKIO_FLUSH]);
	kv[n++] = report_val_u64("discards", b->by_op[CPD_BLKIO_DISCARD]);
	kv[n++] = report_val_u64("bytes", b->bytes);
	n += hist_report_section(kv + n, &b->all);
	kv[n++] = report_val_u64("queue_p50", hist_percentile(&b->queue, 50));
	kv[n++] = report_val_u64("errors", b->errors);
	kv[n++] = report_val_u64("lost", b->a.lost);
	report_publish_desc(b->a.e.host, b->a.e.inst,
			    &blkio_reports[BLKIO_REP_TOTALS], kv, (uint32_t)n);
}

static void blkio_report_dev(void *state, const void *row)
{
	struct blkio *b = state;
	const struct blkio_dev *d = row;
	struct cpd_kv kv[10];
	char hbuf[1024], dev[32];
	int dl = snprintf(dev, sizeof(dev), "%u:%u", d->dev >> 20,
			  d->dev & 0xfffff);
	size_t n = 0;

	kv[n++] = report_val_text("dev", dev, (size_t)dl);
	kv[n++] = report_val_u64("operations", d->h.n);
	kv[n++] = report_val_u64("reads", d->by_op[CPD_BLKIO_READ]);
	kv[n++] = report_val_u64("writes", d->by_op[CPD_BLKIO_WRITE]);
	kv[n++] = report_val_u64("other", d->by_op[CPD_BLKIO_FLUSH] +
						  d->by_op[CPD_BLKIO_DISCARD] +
						  d->by_op[CPD_BLKIO_OTHER]);
	kv[n++] = report_val_u64("bytes", d->bytes);
	n += hist_report_row(kv + n, &d->h, HIST_P50 | HIST_P99, hbuf,
			     sizeof(hbuf));
	report_publish_desc(b->a.e.host, b->a.e.inst,
			    &blkio_reports[BLKIO_REP_DEVICES], kv, (uint32_t)n);
}

/* ---- lifecycle ----------------------------------------------------- */

#ifdef CPD_HAVE_BPF
static const struct ebpf_prog_spec blkio_progs[] = {
	/* where the owner is recorded: v6.5+, and any kernel */
	{ "cpd_io_start", "block_io_start", 1, 1, false },
	{ "cpd_rq_insert", "block_rq_insert", 1, 1, false },
	{ "cpd_rq_insert_old", "block_rq_insert", 2, 2, false },
	/* (q, rq) became (rq) in v5.11 */
	{ "cpd_rq_issue", "block_rq_issue", 1, 1, true },
	{ "cpd_rq_issue_old", "block_rq_issue", 2, 2, true },
	{ "cpd_rq_complete", "block_rq_complete", 3, 255, true },
	EBPF_PROG_FOLLOW_FORK,
};

EBPF_SKELETON_OPS(blkio_bpf);
#endif

static const struct ebpf_source blkio_source = {
	.what = "block I/O latency is not measured",
	.lost_kind = CPD_EV_BLKIO,
	.counts_unissued = true,
	.record = blkio_record,
#ifdef CPD_HAVE_BPF
	.skel = &blkio_bpf_ops,
	.progs = blkio_progs,
	.nprogs = sizeof(blkio_progs) / sizeof(blkio_progs[0]),
#endif
	.settle = blkio_settle,
	.report = blkio_report,
	.row_cmp = blkio_cmp_dev,
	.report_row = blkio_report_dev,
};

static int blkio_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	int rc = ebpf_analyzer_init(inst, host, statep, sizeof(struct blkio),
				    &blkio_source);

	/* -v shows every request, as the original did */
	if (rc == 0 && host->run_info(inst)->verbose)
		((struct blkio *)*statep)->group = false;
	return rc;
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "blkio", .version = "1.0",
		.description =
			"block I/O latency of the traced processes (eBPF), by device",
		.subscribe = CPD_EVMASK(CPD_EV_PROC),
		.publishes = CPD_EVMASK(CPD_EV_BLKIO) |
			     CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON, .options = blkio_options,
		.init = blkio_init, .start = ebpf_analyzer_start,
		.on_event = ebpf_analyzer_on_event,
		.flush = ebpf_analyzer_flush, .stop = ebpf_analyzer_stop,
		.fini = instance_fini, .reports = blkio_reports, );
