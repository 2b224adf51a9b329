// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Block-request latency for the traced processes, from issue to
 * completion, with the time queued before issue.
 *
 * The owner of a request is the task that created or inserted it
 * (block_io_start, v6.5+, or block_rq_insert), recorded in that task's
 * context and keyed by the request pointer. block_rq_issue can run
 * elsewhere (a plug flushed by another task, a kworker dispatching the
 * queue), so the issuing task says nothing about who asked. A request
 * seen first at issue is charged to the issuing task only if it is
 * traced. Completion looks the request up, whoever completes it.
 *
 * block_rq_issue and block_rq_insert took (q, rq) before v5.11 and (rq)
 * since; both shapes are here and the loader keeps the one the running
 * kernel's BTF has.
 */
#include "common.bpf.h"

struct inflight {
	__u64 start_ns;
	__u64 issue_ns;
	__u32 tid, tgid;
	char comm[CPD_BPF_COMM_LEN];
};

/*
 * By request pointer. Not an LRU map: an LRU hash takes its free nodes
 * from per-CPU lists and may evict live entries long before it is full,
 * which would drop requests in flight. An entry whose completion we
 * missed is overwritten when the tag set hands the same request out
 * again, so the leak is bounded by the number of requests the queues own.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct inflight);
} inflight SEC(".maps");

static __always_inline void owner(struct request *rq)
{
	__u64 id = bpf_get_current_pid_tgid(), key = (__u64)rq;
	struct inflight *old, n = {};

	if (!cpd_traced(id >> 32))
		return;
	/* io_start then insert for one request: keep the first moment */
	old = bpf_map_lookup_elem(&inflight, &key);
	if (old && !old->issue_ns && old->tgid == id >> 32)
		return;
	n.start_ns = bpf_ktime_get_ns();
	n.tid = (__u32)id;
	n.tgid = id >> 32;
	bpf_get_current_comm(n.comm, sizeof(n.comm));
	if (bpf_map_update_elem(&inflight, &key, &n, BPF_ANY))
		cpd_count(CPD_BPF_STAT_NOROOM);
}

static __always_inline void issue(struct request *rq)
{
	__u64 id = bpf_get_current_pid_tgid(), key = (__u64)rq;
	struct inflight *r = bpf_map_lookup_elem(&inflight, &key), n = {};

	if (r) {
		r->issue_ns = bpf_ktime_get_ns();
		return;
	}
	if (!cpd_traced(id >> 32))
		return;
	n.issue_ns = bpf_ktime_get_ns();
	n.tid = (__u32)id;
	n.tgid = id >> 32;
	bpf_get_current_comm(n.comm, sizeof(n.comm));
	if (bpf_map_update_elem(&inflight, &key, &n, BPF_ANY))
		cpd_count(CPD_BPF_STAT_NOROOM);
}

static __always_inline __u32 rq_dev(struct request *rq)
{
	struct gendisk *disk;

	/* the partition the file system is on, as stat(2) reports it */
	if (!bpf_core_type_exists(struct hd_struct) &&
	    bpf_core_field_exists(rq->part)) {
		struct block_device *part = BPF_CORE_READ(rq, part);

		if (part)
			return BPF_CORE_READ(part, bd_dev);
	}
	/* flushes and passthrough requests have no partition: the disk */
	if (bpf_core_field_exists(rq->q->disk))
		disk = BPF_CORE_READ(rq, q, disk);
	else
		disk = BPF_CORE_READ((struct request___old *)rq, rq_disk);
	if (!disk)
		return 0;
	return ((__u32)BPF_CORE_READ(disk, major) << 20) |
	       (__u32)BPF_CORE_READ(disk, first_minor);
}

SEC("tp_btf/block_io_start")
int BPF_PROG(cpd_io_start, struct request *rq)
{
	owner(rq);
	return 0;
}

SEC("tp_btf/block_rq_insert")
int BPF_PROG(cpd_rq_insert, struct request *rq)
{
	owner(rq);
	return 0;
}

SEC("tp_btf/block_rq_insert")
int BPF_PROG(cpd_rq_insert_old, void *q, struct request *rq)
{
	owner(rq);
	return 0;
}

SEC("tp_btf/block_rq_issue")
int BPF_PROG(cpd_rq_issue, struct request *rq)
{
	issue(rq);
	return 0;
}

SEC("tp_btf/block_rq_issue")
int BPF_PROG(cpd_rq_issue_old, void *q, struct request *rq)
{
	issue(rq);
	return 0;
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(cpd_rq_complete, struct request *rq, u8 status,
	     unsigned int nr_bytes)
{
	__u64 key = (__u64)rq;
	struct inflight *r = bpf_map_lookup_elem(&inflight, &key);
	struct cpd_bpf_blkio_rec *e;

	if (!r)
		return 0;
	if (!r->issue_ns) {
		cpd_count(CPD_BPF_STAT_UNISSUED);
		bpf_map_delete_elem(&inflight, &key);
		return 0;
	}
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		cpd_count(CPD_BPF_STAT_LOST);
		bpf_map_delete_elem(&inflight, &key);
		return 0;
	}
	e->tid = r->tid;
	e->tgid = r->tgid;
	e->dev = rq_dev(rq);
	e->req_op = BPF_CORE_READ(rq, cmd_flags) & 0xff; /* REQ_OP_MASK */
	e->sector = BPF_CORE_READ(rq, __sector);
	e->bytes = nr_bytes;
	e->start_ns = r->start_ns;
	e->issue_ns = r->issue_ns;
	e->done_ns = bpf_ktime_get_ns();
	e->status = status;
	e->pad = 0;
	__builtin_memcpy(e->comm, r->comm, sizeof(e->comm));
	bpf_map_delete_elem(&inflight, &key);
	bpf_ringbuf_submit(e, cpd_rb_flags());
	cpd_count(CPD_BPF_STAT_SENT);
	return 0;
}
