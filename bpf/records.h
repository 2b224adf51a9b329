/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Records the BPF programs put in their ring buffers, read by the sched
 * and blkio plugins. Shared by both sides, so fixed-width types only and
 * explicit padding: the BPF target and x86_64/arm64 agree on this layout.
 */
#ifndef CPD_BPF_RECORDS_H
#define CPD_BPF_RECORDS_H

#include <linux/types.h>

#define CPD_BPF_COMM_LEN 16

/* cpd_bpf_sched_rec.op: the same values as enum cpd_sched_op */
#define CPD_BPF_SCHED_WAKEUP  1
#define CPD_BPF_SCHED_PREEMPT 2
#define CPD_BPF_SCHED_NEW     3

/* A thread went from runnable to running after waiting delay_ns. */
struct cpd_bpf_sched_rec {
	__u32 tid;
	__u32 tgid;
	__u32 op;	   /* CPD_BPF_SCHED_* */
	__u32 cpu;	   /* where it ran */
	__u64 runnable_ns; /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__u64 delay_ns;
	char comm[CPD_BPF_COMM_LEN];
};

/* A block request completed. Times are CLOCK_MONOTONIC, 0 if unknown. */
struct cpd_bpf_blkio_rec {
	__u32 tid; /* the submitter */
	__u32 tgid;
	__u32 dev;    /* kernel dev_t: major << 20 | minor */
	__u32 req_op; /* cmd_flags & REQ_OP_MASK (kernel REQ_OP_*) */
	__u64 sector;
	__u64 bytes;
	__u64 start_ns; /* created or inserted, in submitter context */
	__u64 issue_ns; /* handed to the driver */
	__u64 done_ns;
	__u32 status; /* blk_status_t: 0 ok, else BLK_STS_* */
	__u32 pad;    /* zero */
	char comm[CPD_BPF_COMM_LEN];
};

/* Slots of the per-CPU counters array "stats" of both objects. */
#define CPD_BPF_STAT_LOST 0 /* ring buffer reservations that failed */
#define CPD_BPF_STAT_SENT 1 /* records submitted */
#define CPD_BPF_STAT_NOROOM \
	2 /* a map update failed: one wait or request untimed */
#define CPD_BPF_STAT_UNISSUED \
	3 /* a traced request completed, its issue unseen */
#define CPD_BPF_STAT_NSLOTS 4

#endif /* CPD_BPF_RECORDS_H */
