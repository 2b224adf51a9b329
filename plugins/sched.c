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
 * stays out of the way; the traced command runs as usual.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
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
#include "sched.skel.h"
#endif

/* Each traced thread that waited, with its histogram. */
struct sch_thread {
	int32_t tid, pid;
	char comm[CPD_BPF_COMM_LEN + 1];
	uint64_t by_op[4];	/* indexed by CPD_SCHED_* */
	struct hist h;
};

struct sch {
	struct ebpf e;		/* first: the fd callback gets our state */
	/* options */
	uint64_t min_delay;
	uint64_t ring_kb;

	bool disabled;
#ifdef CPD_HAVE_BPF
	struct sched_bpf *skel;
#endif
	struct sch_thread **t;
	size_t nt, tcap;
	struct hist all;
	uint64_t by_op[4];
	uint64_t lost;
};

static const struct cpd_option sch_options[] = {
	{ .name = "min_delay", .type = CPD_OPT_DURATION, .def = "10us",
	  .offset = offsetof(struct sch, min_delay),
	  .help = "shortest wait for a CPU worth recording (0: every one)" },
	{ .name = "ring_kb", .type = CPD_OPT_UINT, .def = "1024",
	  .offset = offsetof(struct sch, ring_kb), .min = 16, .max = 1048576,
	  .help = "BPF ring buffer size in KiB (rounded up to a power of two)" },
	CPD_OPTION_END
};

static struct sch_thread *sch_thread_get(struct sch *s, int32_t tid)
{
	struct sch_thread *t, **nt;
	size_t i;

	/* newest first: a burst usually comes from the same few threads */
	for (i = s->nt; i-- > 0;)
		if (s->t[i]->tid == tid)
			return s->t[i];
	if (s->nt == s->tcap) {
		size_t cap = s->tcap ? s->tcap * 2 : 16;

		nt = realloc(s->t, cap * sizeof(*nt));
		if (!nt)
			return NULL;
		s->t = nt;
		s->tcap = cap;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	s->t[s->nt++] = t;
	return t;
}

/* One record from the ring. */
static int sch_record(void *ctx, void *data, size_t len)
{
	struct sch *s = ctx;
	struct sch_thread *t;
	struct cpd_event ev;
	uint32_t op;
	size_t n;

	if (ebpf_sched_event(data, len, &ev) < 0)
		return 0;
	op = ev.u.sched.op;
	hist_add(&s->all, ev.u.sched.delay_ns);
	s->by_op[op]++;
	t = sch_thread_get(s, ev.tid);
	if (t) {
		/* a tid reused by a new thread keeps the old thread's row */
		t->pid = ev.pid;
		n = ev.comm.len;
		memcpy(t->comm, ev.comm.ptr, n);
		t->comm[n] = '\0';
		t->by_op[op]++;
		hist_add(&t->h, ev.u.sched.delay_ns);
	}
	s->e.host->publish(s->e.inst, &ev);
	return 0;
}

static void sch_publish_lost(struct sch *s)
{
#ifdef CPD_HAVE_BPF
	struct cpd_event ev;
	uint64_t n = ebpf_lost(&s->e);

	if (!n)
		return;
	s->lost += n;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.ts_ns = ebpf_now();
	ev.u.lost.lost_kind = CPD_EV_SCHED;
	ev.u.lost.count = n;
	ev.u.lost.reason = report_str("BPF ring buffer full", 20);
	s->e.host->publish(s->e.inst, &ev);
#else
	(void)s;
#endif
}

static void sch_drain(struct sch *s)
{
#ifdef CPD_HAVE_BPF
	ebpf_drain(&s->e);
#endif
	sch_publish_lost(s);
}

static int sch_on_event(void *state, const struct cpd_event *ev)
{
	struct sch *s = state;
	const struct cpd_ev_proc *p = &ev->u.proc;

	if (s->disabled || ev->kind != CPD_EV_PROC)
		return 0;
#ifdef CPD_HAVE_BPF
	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
		/* the child is held by the tracer: nothing is missed */
		ebpf_track(&s->e, p->child_pid, true);
		break;
	case CPD_PROC_EXEC:
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		ebpf_track(&s->e, ev->pid, true);
		break;
	case CPD_PROC_EXIT:
	case CPD_PROC_DETACH:
		/* a freed pid may be reused by a process we do not trace */
		if ((p->flags & CPD_PROCF_GROUP_EXIT) ||
		    (p->op == CPD_PROC_DETACH && ev->pid == ev->tid)) {
			ebpf_track(&s->e, ev->pid, false);
			sch_drain(s);
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

static int sch_flush(void *state)
{
	struct sch *s = state;

	if (!s->disabled)
		sch_drain(s);
	return 0;
}

/* ---- reports ------------------------------------------------------- */

static int sch_cmp_thread(const void *a, const void *b)
{
	const struct sch_thread *x = *(const struct sch_thread *const *)a;
	const struct sch_thread *y = *(const struct sch_thread *const *)b;

	if (x->h.max != y->h.max)
		return x->h.max < y->h.max ? 1 : -1;
	return x->tid < y->tid ? -1 : x->tid > y->tid;
}

static int sch_stop(void *state)
{
	struct sch *s = state;
	struct cpd_kv kv[13];
	char hbuf[1024];
	size_t i, n;

	if (s->disabled)
		return 0;
	sch_drain(s);
#ifdef CPD_HAVE_BPF
	s->e.host->log(s->e.inst, CPD_LOG_DEBUG,
		       "kernel: %llu records, %llu lost (ring full), %llu untimed (map full), %llu program runs skipped (nested)",
		       (unsigned long long)ebpf_stat(&s->e, CPD_BPF_STAT_SENT),
		       (unsigned long long)s->lost,
		       (unsigned long long)ebpf_stat(&s->e, CPD_BPF_STAT_NOROOM),
		       (unsigned long long)ebpf_missed(&s->e));
#endif
	kv[0] = report_u64("delays", "Delays", CPD_UNIT_COUNT, s->all.n);
	kv[1] = report_u64("min_delay", "Recorded from", CPD_UNIT_NS,
			   s->min_delay);
	kv[2] = report_u64("wakeups", "After a wakeup", CPD_UNIT_COUNT,
			   s->by_op[CPD_SCHED_WAKEUP]);
	kv[3] = report_u64("preemptions", "After a preemption",
			   CPD_UNIT_COUNT, s->by_op[CPD_SCHED_PREEMPT]);
	kv[4] = report_u64("new", "New threads", CPD_UNIT_COUNT,
			   s->by_op[CPD_SCHED_NEW]);
	kv[5] = report_u64("avg", "Avg delay", CPD_UNIT_NS,
			   s->all.n ? s->all.sum / s->all.n : 0);
	kv[6] = report_u64("p50", "p50", CPD_UNIT_NS,
			   hist_percentile(&s->all, 50));
	kv[7] = report_u64("p95", "p95", CPD_UNIT_NS,
			   hist_percentile(&s->all, 95));
	kv[8] = report_u64("p99", "p99", CPD_UNIT_NS,
			   hist_percentile(&s->all, 99));
	kv[9] = report_u64("max", "Max delay", CPD_UNIT_NS, s->all.max);
	kv[10] = report_u64("lost", "Lost records (ring full)", CPD_UNIT_COUNT,
			    s->lost);
	report_publish(s->e.host, s->e.inst, "sched",
		       "Scheduler latency (eBPF)", 0, 42, kv, 11);

	qsort(s->t, s->nt, sizeof(*s->t), sch_cmp_thread);
	for (i = 0; i < s->nt; i++) {
		const struct sch_thread *t = s->t[i];

		kv[0] = report_u64("tid", "TID", CPD_UNIT_NONE,
				   (uint64_t)t->tid);
		kv[1] = report_u64("pid", "PID", CPD_UNIT_NONE,
				   (uint64_t)t->pid);
		kv[2] = report_text("comm", "Command", t->comm,
				    strlen(t->comm));
		kv[3] = report_u64("delays", "Delays", CPD_UNIT_COUNT, t->h.n);
		kv[4] = report_u64("preemptions", "Preempted", CPD_UNIT_COUNT,
				   t->by_op[CPD_SCHED_PREEMPT]);
		kv[5] = report_u64("p50", "p50", CPD_UNIT_NS,
				   hist_percentile(&t->h, 50));
		kv[6] = report_u64("p95", "p95", CPD_UNIT_NS,
				   hist_percentile(&t->h, 95));
		kv[7] = report_u64("p99", "p99", CPD_UNIT_NS,
				   hist_percentile(&t->h, 99));
		kv[8] = report_u64("max", "Max", CPD_UNIT_NS, t->h.max);
		n = hist_format(&t->h, hbuf, sizeof(hbuf));
		if (n >= sizeof(hbuf))
			n = sizeof(hbuf) - 1;
		kv[9] = report_text("histogram", "Histogram (log2)", hbuf, n);
		report_publish(s->e.host, s->e.inst, "sched.threads",
			       "Scheduler latency by thread", CPD_REPORTF_ROW,
			       43, kv, 10);
	}
	return 0;
}

/* ---- lifecycle ----------------------------------------------------- */

#ifdef CPD_HAVE_BPF
static const struct ebpf_prog_spec sch_progs[] = {
	{ "cpd_wakeup", "sched_wakeup", 1, 255, true },
	{ "cpd_wakeup_new", "sched_wakeup_new", 1, 255, false },
	/* prev_state was appended in v5.18 */
	{ "cpd_switch", "sched_switch", 4, 255, true },
	{ "cpd_switch_old", "sched_switch", 3, 3, true },
};

static uint32_t sch_ring_bytes(uint64_t kb)
{
	uint64_t want = kb * 1024, n = (uint64_t)sysconf(_SC_PAGESIZE);

	/* a power of two, at least a page */
	while (n < want && n < (1u << 30))
		n <<= 1;
	return (uint32_t)n;
}

static int sch_load(struct sch *s)
{
	int err;

	s->skel = sched_bpf__open();
	if (!s->skel) {
		err = -errno;
		ebpf_note_failed(&s->e, "open", err);
		return err;
	}
	err = ebpf_prepare(&s->e, s->skel->obj, sch_progs,
			   sizeof(sch_progs) / sizeof(sch_progs[0]));
	if (err)
		return err;
	s->skel->rodata->tracer_tgid = (__u32)getpid();
	s->skel->rodata->min_delay_ns = s->min_delay;
	bpf_map__set_max_entries(s->skel->maps.events,
				 sch_ring_bytes(s->ring_kb));
	s->skel->rodata->wakeup_bytes =
		bpf_map__max_entries(s->skel->maps.events) / 4;
	err = sched_bpf__load(s->skel);
	if (err) {
		ebpf_note_failed(&s->e, "load", err);
		return err;
	}
	err = sched_bpf__attach(s->skel);
	if (err) {
		ebpf_note_failed(&s->e, "attach", err);
		return err;
	}
	err = ebpf_run(&s->e, sch_record, s);
	if (err)
		ebpf_note(&s->e, "cannot read the BPF ring buffer: %s",
			  strerror(-err));
	return err;
}
#endif

static int sch_start(void *state)
{
	struct sch *s = state;

#ifdef CPD_HAVE_BPF
	int err;

	ebpf_log_begin(&s->e);
	err = sch_load(s);
	ebpf_log_end();
	if (err) {
		/* a missing kernel feature is a note, never a failed run */
		ebpf_close(&s->e);
		sched_bpf__destroy(s->skel);
		s->skel = NULL;
		s->disabled = true;
	}
#else
	ebpf_note_unbuilt(&s->e);
	s->disabled = true;
#endif
	return 0;
}

static int sch_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	struct sch *s = calloc(1, sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	s->e.host = host;
	s->e.inst = inst;
	s->e.what = "scheduler latency is not measured";
	s->e.rb_fd = s->e.tgids_fd = s->e.stats_fd = -1;
	rc = host->apply_options(inst, s);
	if (rc < 0) {
		free(s);
		return rc;
	}
	*statep = s;
	return 0;
}

static void sch_fini(void *state)
{
	struct sch *s = state;
	size_t i;

#ifdef CPD_HAVE_BPF
	ebpf_close(&s->e);
	sched_bpf__destroy(s->skel);
#endif
	for (i = 0; i < s->nt; i++)
		free(s->t[i]);
	free(s->t);
	free(s);
}

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_ANALYZER,
	.name = "sched",
	.version = "1.0",
	.description = "scheduler latency of the traced threads (eBPF): wakeup or preemption to run",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.publishes = CPD_EVMASK(CPD_EV_SCHED) | CPD_EVMASK(CPD_EV_LOST) |
		     CPD_EVMASK(CPD_EV_REPORT),
	.flags = CPD_PF_SINGLETON,
	.options = sch_options,
	.init = sch_init,
	.start = sch_start,
	.on_event = sch_on_event,
	.flush = sch_flush,
	.stop = sch_stop,
	.fini = sch_fini,
);
