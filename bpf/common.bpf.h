/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What sched.bpf.c and blkio.bpf.c share: the traced-process filter, the
 * ring buffer with its wakeup policy, and the counters user space reads.
 * Each object gets its own copy of the maps.
 */
#ifndef CPD_BPF_COMMON_H
#define CPD_BPF_COMMON_H

#include "kernel.h"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "records.h"

char LICENSE[] SEC("license") = "GPL";

/* Set by the loader before load; read-only afterwards. */
const volatile __u32 tracer_tgid = 0;
/* Wake the reader only past this many unread bytes; see cpd_rb_flags(). */
const volatile __u64 wakeup_bytes = 1 << 18;

/* Thread groups being traced, kept current from the core's process events. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u8);
} tgids SEC(".maps");

/* Resized by the loader (bpf_map__set_max_entries) before load. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CPD_BPF_STAT_NSLOTS);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void cpd_count(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &slot);

	/* per-CPU: no atomics needed, tracepoints do not nest on one CPU */
	if (v)
		*v += 1;
}

static __always_inline bool cpd_traced(__u32 tgid)
{
	return tgid != tracer_tgid && bpf_map_lookup_elem(&tgids, &tgid);
}

/*
 * A child of a traced process is traced from before it runs: the fork
 * tracepoint fires in the parent, before the child is woken. The core's
 * spawn event says so too, but an engine that does not stop the parent
 * publishes it after the child has run.
 */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(cpd_follow_fork, struct task_struct *parent,
	     struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid);
	__u32 ctgid = BPF_CORE_READ(child, tgid);
	__u8 one = 1;

	if (ptgid != ctgid && cpd_traced(ptgid))
		bpf_map_update_elem(&tgids, &ctgid, &one, BPF_ANY);
	return 0;
}

/*
 * Never wake the reader per record: its wakeup would be a scheduling
 * event of its own, preempting the traced task it measures (measured: 20000+
 * bogus preemptions instead of 301 sleeps). The reader drains on
 * the host's flush timer; a burst past wakeup_bytes wakes it early so the
 * ring does not fill.
 */
static __always_inline __u64 cpd_rb_flags(void)
{
	if (bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes)
		return BPF_RB_FORCE_WAKEUP;
	return BPF_RB_NO_WAKEUP;
}

#endif /* CPD_BPF_COMMON_H */
