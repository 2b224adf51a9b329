// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Run-queue latency of the traced threads: from the moment a thread
 * becomes runnable (woken, newly created, or preempted while still
 * runnable) to the moment it is switched in.
 *
 * tp_btf programs: the arguments are the kernel's task_struct pointers,
 * so the woken task's thread group is at hand (classic tracepoint records
 * carry only tids) and no tracefs is needed. sched_switch gained a fourth
 * argument, prev_state, in v5.18; both shapes are here and the loader
 * keeps the one whose prototype the running kernel has.
 */
#include "common.bpf.h"

/* Shortest delay worth a record; set by the loader. */
const volatile __u64 min_delay_ns = 0;

struct runnable {
	__u64 ts;
	__u32 op; /* CPD_BPF_SCHED_* */
	__u32 pad;
};

/*
 * Traced threads now waiting for a CPU, by tid. A plain hash: an LRU map
 * may evict live entries early (see blkio.bpf.c). Entries go when the
 * thread runs or sleeps; one per live traced thread at most.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct runnable);
} waiting SEC(".maps");

static __always_inline void emit(struct task_struct *p, __u32 op, __u64 ts,
				 __u64 delay)
{
	struct cpd_bpf_sched_rec *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		cpd_count(CPD_BPF_STAT_LOST);
		return;
	}
	e->tid = BPF_CORE_READ(p, pid);
	e->tgid = BPF_CORE_READ(p, tgid);
	e->op = op;
	e->cpu = bpf_get_smp_processor_id();
	e->runnable_ns = ts;
	e->delay_ns = delay;
	bpf_core_read_str(e->comm, sizeof(e->comm), &p->comm);
	bpf_ringbuf_submit(e, cpd_rb_flags());
	cpd_count(CPD_BPF_STAT_SENT);
}

/* p was preempted and stays runnable: it waits from now. */
static __always_inline void preempted(struct task_struct *p)
{
	__u32 tgid = BPF_CORE_READ(p, tgid), tid = BPF_CORE_READ(p, pid);
	struct runnable r = { .ts = bpf_ktime_get_ns(),
			      .op = CPD_BPF_SCHED_PREEMPT };

	if (!cpd_traced(tgid))
		return;
	if (bpf_map_update_elem(&waiting, &tid, &r, BPF_ANY))
		cpd_count(CPD_BPF_STAT_NOROOM);
}

static __always_inline void woken(struct task_struct *p, __u32 op)
{
	__u32 tgid = BPF_CORE_READ(p, tgid), tid = BPF_CORE_READ(p, pid);
	struct runnable r = { .ts = bpf_ktime_get_ns(), .op = op };
	long err;

	if (!cpd_traced(tgid))
		return;
	/*
	 * Woken before it got off its CPU (the timer beat the switch, e.g.
	 * a vCPU held up by the host): it waits for nothing, and no switch
	 * will follow to time it. Count it as the zero wait it is.
	 */
	if (bpf_core_field_exists(p->on_cpu) && BPF_CORE_READ(p, on_cpu)) {
		bpf_map_delete_elem(&waiting, &tid);
		if (!min_delay_ns)
			emit(p, op, r.ts, 0);
		return;
	}
	/* already waiting on a run queue (preempted): it waits since then */
	err = bpf_map_update_elem(&waiting, &tid, &r, BPF_NOEXIST);
	if (err && err != -17 /* EEXIST */)
		cpd_count(CPD_BPF_STAT_NOROOM);
}

static __always_inline long task_state(struct task_struct *t)
{
	if (bpf_core_field_exists(t->__state))
		return BPF_CORE_READ(t, __state);
	return BPF_CORE_READ((struct task_struct___old *)t, state);
}

static __always_inline void switched(bool preempt, struct task_struct *prev,
				     struct task_struct *next, long prev_state)
{
	__u32 tid = BPF_CORE_READ(next, pid);
	struct runnable *r;
	__u64 now = bpf_ktime_get_ns(), ts;
	__u32 op;

	/*
	 * prev stays on the run queue when it was preempted (or yielded):
	 * it waits for a CPU from now. If it went to sleep instead, nothing
	 * of it may be left waiting.
	 */
	if (preempt || prev_state == 0) {
		preempted(prev);
	} else {
		__u32 ptid = BPF_CORE_READ(prev, pid);

		bpf_map_delete_elem(&waiting, &ptid);
	}

	r = bpf_map_lookup_elem(&waiting, &tid);
	if (!r)
		return;
	ts = r->ts;
	op = r->op;
	bpf_map_delete_elem(&waiting, &tid);
	if (now - ts >= min_delay_ns)
		emit(next, op, ts, now - ts);
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(cpd_wakeup, struct task_struct *p)
{
	woken(p, CPD_BPF_SCHED_WAKEUP);
	return 0;
}

SEC("tp_btf/sched_wakeup_new")
int BPF_PROG(cpd_wakeup_new, struct task_struct *p)
{
	woken(p, CPD_BPF_SCHED_NEW);
	return 0;
}

/* v5.18+: (bool preempt, prev, next, unsigned int prev_state) */
SEC("tp_btf/sched_switch")
int BPF_PROG(cpd_switch, bool preempt, struct task_struct *prev,
	     struct task_struct *next, unsigned int prev_state)
{
	/* prev_state is what __schedule() saw, not prev's state now */
	switched(preempt, prev, next, prev_state);
	return 0;
}

/* before v5.18: (bool preempt, prev, next) */
SEC("tp_btf/sched_switch")
int BPF_PROG(cpd_switch_old, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	switched(preempt, prev, next, task_state(prev));
	return 0;
}
