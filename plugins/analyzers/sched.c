// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * sched: how long the traced threads wait for a CPU once they can run,
 * measured in the kernel (bpf/sched.bpf.c) from their wakeup, creation or
 * preemption to the moment they are switched in. Every wait of at least
 * min_delay becomes a CPD_EV_SCHED (the console prints those above its
 * own sched_min_print); the report has the totals, percentiles and a
 * log2 histogram per thread.
 *
 * The kernel filters by thread group, from a map this analyzer keeps
 * current from the core's process events; compendium's own threads are
 * never in it. Records are submitted without waking us, so reading them
 * does not itself preempt the threads being measured: the host's flush
 * timer drains the ring, and the programs wake us early only when it is
 * filling up. Kernel timestamps are bpf_ktime_get_ns(), CLOCK_MONOTONIC,
 * the clock of every event on the bus.
 *
 * Without BPF (not built, no BTF, not root) the analyzer says so once and
 * stays out of the way; the traced command runs as usual. All of this is
 * shared with blkio, in ebpf/analyzer.c: what is here is what the
 * records mean.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "ebpf/analyzer.h"
#include "ebpf/hist_report.h"
#include "ebpf/translate.h"
#include "lib/instance.h"
#include "lib/report.h"

#ifdef CPD_HAVE_BPF
#include "sched.skel.h"
#endif

/* Each traced thread that waited, with its histogram. */
struct sched_thread {
	int32_t tid, pid;
	char comm[CPD_BPF_COMM_LEN + 1];
	uint64_t by_op[4]; /* indexed by CPD_SCHED_* */
	struct hist h;
};

struct sched {
	struct ebpf_analyzer a; /* first: see analyzer.h */
	/* options */
	uint64_t min_delay;

	struct hist all;
	uint64_t by_op[4];
};

static const struct cpd_option sched_options[] = {
	{ .name = "min_delay",
	  .type = CPD_OPT_DURATION,
	  .def = "10us",
	  .offset = offsetof(struct sched, min_delay),
	  .help = "shortest wait for a CPU worth recording (0: every one)" },
	EBPF_OPTION_RING_KB,
	CPD_OPTION_END
};

static struct sched_thread *sched_thread_get(struct sched *s, int32_t tid)
{
	struct sched_thread *t;
	size_t i;

	/* newest first: a burst usually comes from the same few threads */
	for (i = s->a.rows.n; i-- > 0;) {
		t = s->a.rows.v[i];
		if (t->tid == tid)
			return t;
	}
	t = ebpf_rows_add(&s->a.rows, sizeof(*t));
	if (t)
		t->tid = tid;
	return t;
}

/* One record from the ring. */
static int sched_record(void *ctx, void *data, size_t len)
{
	struct sched *s = ctx;
	struct sched_thread *t;
	struct cpd_event ev;
	uint32_t op;
	size_t n;

	if (ebpf_sched_event(data, len, &ev) < 0)
		return 0;
	op = ev.u.sched.op;
	hist_add(&s->all, ev.u.sched.delay_ns);
	s->by_op[op]++;
	t = sched_thread_get(s, ev.tid);
	if (t) {
		/* a tid reused by a new thread keeps the old thread's row */
		t->pid = ev.pid;
		n = ev.comm.len;
		memcpy(t->comm, ev.comm.ptr, n);
		t->comm[n] = '\0';
		t->by_op[op]++;
		hist_add(&t->h, ev.u.sched.delay_ns);
	}
	s->a.e.host->publish(s->a.e.inst, &ev);
	return 0;
}

/* ---- reports ------------------------------------------------------- */

static int sched_cmp_thread(const void *a, const void *b)
{
	const struct sched_thread *x = *(void *const *)a;
	const struct sched_thread *y = *(void *const *)b;

	if (x->h.max != y->h.max)
		return x->h.max < y->h.max ? 1 : -1;
	return x->tid < y->tid ? -1 : x->tid > y->tid;
}

#define SCHED_COUNT(key, label, help)                                       \
	REPORT_KEY(key, label, CPD_KV_U64, CPD_UNIT_COUNT, CPD_RKF_SUMMARY, \
		   NULL, help)

/* What the reports below publish; outputs lay them out from this alone. */
static const struct cpd_report_key sched_total_keys[] = {
	SCHED_COUNT(
		"delays", "Delays",
		"times a traced thread waited for a CPU, min_delay or more"),
	REPORT_KEY("min_delay", "Recorded from", CPD_KV_U64, CPD_UNIT_NS,
		   CPD_RKF_SUMMARY, NULL, "shorter waits are not counted"),
	SCHED_COUNT("wakeups", "After a wakeup",
		    "waits that followed a wakeup"),
	SCHED_COUNT("preemptions", "After a preemption",
		    "waits of a thread preempted while it could run"),
	SCHED_COUNT("new", "New threads",
		    "waits of new threads for their first run"),
	HIST_KEY_AVG("Avg delay"),
	HIST_KEY_P50,
	HIST_KEY_P95,
	HIST_KEY_P99,
	HIST_KEY_MAX("Max delay"),
	SCHED_COUNT("lost", "Lost records (ring full)",
		    "waits the kernel could not hand over"),
};

static const struct cpd_report_key sched_thread_keys[] = {
	REPORT_KEY("tid", "TID", CPD_KV_U64, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY | CPD_RKF_KEY, NULL, "the thread"),
	REPORT_KEY("pid", "PID", CPD_KV_U64, CPD_UNIT_NONE, CPD_RKF_SUMMARY,
		   NULL, "its process"),
	REPORT_KEY("comm", "Command", CPD_KV_STR, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY, NULL, "its name"),
	SCHED_COUNT("delays", "Delays", "times it waited for a CPU"),
	SCHED_COUNT("preemptions", "Preempted",
		    "of which after it was preempted"),
	HIST_KEY_P50,
	HIST_KEY_P95,
	HIST_KEY_P99,
	HIST_KEY_MAX("Max"),
	HIST_KEY_HISTOGRAM,
};

enum { SCHED_REP_TOTALS, SCHED_REP_THREADS };

static const struct cpd_report_desc sched_reports[] = {
	[SCHED_REP_TOTALS] = { .topic = "sched",
			       .title = "Scheduler latency (eBPF)",
			       .flags = CPD_RDF_SUMMARY,
			       .order = 13,
			       .keys = sched_total_keys,
			       .nkeys = REPORT_NKEYS(sched_total_keys),
			       .help = "how long runnable traced threads waited for a CPU" },
	[SCHED_REP_THREADS] = { .topic = "sched.threads",
				.title = "Scheduler latency by thread",
				.flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
				.order = 43,
				.keys = sched_thread_keys,
				.nkeys = REPORT_NKEYS(sched_thread_keys),
				.help = "the waits of each thread, the longest first" },
	CPD_REPORT_END
};

static void sched_report(void *state)
{
	struct sched *s = state;
	struct cpd_kv kv[11];
	size_t n = 0;

	kv[n++] = report_val_u64("delays", s->all.n);
	kv[n++] = report_val_u64("min_delay", s->min_delay);
	kv[n++] = report_val_u64("wakeups", s->by_op[CPD_SCHED_WAKEUP]);
	kv[n++] = report_val_u64("preemptions", s->by_op[CPD_SCHED_PREEMPT]);
	kv[n++] = report_val_u64("new", s->by_op[CPD_SCHED_NEW]);
	n += hist_report_section(kv + n, &s->all);
	kv[n++] = report_val_u64("lost", s->a.lost);
	report_publish_desc(s->a.e.host, s->a.e.inst,
			    &sched_reports[SCHED_REP_TOTALS], kv, (uint32_t)n);
}

static void sched_report_thread(void *state, const void *row)
{
	struct sched *s = state;
	const struct sched_thread *t = row;
	struct cpd_kv kv[10];
	char hbuf[1024];
	size_t n = 0;

	kv[n++] = report_val_u64("tid", (uint64_t)t->tid);
	kv[n++] = report_val_u64("pid", (uint64_t)t->pid);
	kv[n++] = report_val_text("comm", t->comm, strlen(t->comm));
	kv[n++] = report_val_u64("delays", t->h.n);
	kv[n++] = report_val_u64("preemptions", t->by_op[CPD_SCHED_PREEMPT]);
	n += hist_report_row(kv + n, &t->h, HIST_P50 | HIST_P95 | HIST_P99,
			     hbuf, sizeof(hbuf));
	report_publish_desc(s->a.e.host, s->a.e.inst,
			    &sched_reports[SCHED_REP_THREADS], kv, (uint32_t)n);
}

/* ---- lifecycle ----------------------------------------------------- */

#ifdef CPD_HAVE_BPF
static const struct ebpf_prog_spec sched_progs[] = {
	{ "cpd_wakeup", "sched_wakeup", 1, 255, true },
	{ "cpd_wakeup_new", "sched_wakeup_new", 1, 255, false },
	/* prev_state was appended in v5.18 */
	{ "cpd_switch", "sched_switch", 4, 255, true },
	{ "cpd_switch_old", "sched_switch", 3, 3, true },
	EBPF_PROG_FOLLOW_FORK,
};

EBPF_SKELETON_OPS(sched_bpf);

static void sched_configure(void *state, void *skel)
{
	const struct sched *s = state;
	struct sched_bpf *k = skel;

	k->rodata->min_delay_ns = s->min_delay;
}
#endif

static const struct ebpf_source sched_source = {
	.what = "scheduler latency is not measured",
	.lost_kind = CPD_EV_SCHED,
	.record = sched_record,
#ifdef CPD_HAVE_BPF
	.skel = &sched_bpf_ops,
	.progs = sched_progs,
	.nprogs = sizeof(sched_progs) / sizeof(sched_progs[0]),
	.configure = sched_configure,
#endif
	.report = sched_report,
	.row_cmp = sched_cmp_thread,
	.report_row = sched_report_thread,
};

static int sched_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return ebpf_analyzer_init(inst, host, statep, sizeof(struct sched),
				  &sched_source);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "sched", .version = "1.0",
		.description =
			"scheduler latency of the traced threads (eBPF): wakeup or preemption to run",
		.subscribe = CPD_EVMASK(CPD_EV_PROC),
		.publishes = CPD_EVMASK(CPD_EV_SCHED) |
			     CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON, .options = sched_options,
		.init = sched_init, .start = ebpf_analyzer_start,
		.on_event = ebpf_analyzer_on_event,
		.flush = ebpf_analyzer_flush, .stop = ebpf_analyzer_stop,
		.fini = instance_fini, .reports = sched_reports, );
