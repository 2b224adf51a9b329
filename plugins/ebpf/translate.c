// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <errno.h>
#include <string.h>

#include "translate.h"

/* The kernel's REQ_OP_* (include/linux/blk_types.h), stable since v4.10. */
#define KREQ_OP_READ	     0
#define KREQ_OP_WRITE	     1
#define KREQ_OP_FLUSH	     2
#define KREQ_OP_DISCARD	     3
#define KREQ_OP_SECURE_ERASE 5

/*
 * What an event from any record starts with: a zeroed payload, who and
 * when. comm is the record's own, which the event borrows.
 */
static void ebpf_event_start(struct cpd_event *ev, uint16_t kind,
			     uint64_t ts_ns, uint32_t tgid, uint32_t tid,
			     const char *comm)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	ev->ts_ns = ts_ns;
	ev->pid = (int32_t)tgid;
	ev->tid = (int32_t)tid;
	/* the kernel NUL-terminates comm, but the record is only bytes */
	ev->comm.ptr = comm;
	ev->comm.len = (uint32_t)strnlen(comm, CPD_BPF_COMM_LEN);
}

int ebpf_sched_event(const void *rec, size_t len, struct cpd_event *ev)
{
	struct cpd_bpf_sched_rec r;

	if (len < sizeof(r))
		return -EINVAL;
	memcpy(&r, rec, sizeof(r));
	if (r.op != CPD_BPF_SCHED_WAKEUP && r.op != CPD_BPF_SCHED_PREEMPT &&
	    r.op != CPD_BPF_SCHED_NEW)
		return -EINVAL;
	/* the moment it ran: both times are the core's CLOCK_MONOTONIC */
	ebpf_event_start(ev, CPD_EV_SCHED, r.runnable_ns + r.delay_ns, r.tgid,
			 r.tid, ((const struct cpd_bpf_sched_rec *)rec)->comm);
	ev->u.sched.op = r.op;
	ev->u.sched.cpu = r.cpu;
	ev->u.sched.delay_ns = r.delay_ns;
	ev->u.sched.runnable_ns = r.runnable_ns;
	return 0;
}

uint32_t ebpf_blkio_op(uint32_t req_op)
{
	switch (req_op) {
	case KREQ_OP_READ:
		return CPD_BLKIO_READ;
	case KREQ_OP_WRITE:
		return CPD_BLKIO_WRITE;
	case KREQ_OP_FLUSH:
		return CPD_BLKIO_FLUSH;
	case KREQ_OP_DISCARD:
	case KREQ_OP_SECURE_ERASE:
		return CPD_BLKIO_DISCARD;
	default:
		return CPD_BLKIO_OTHER;
	}
}

int32_t ebpf_blkio_errno(uint32_t status)
{
	/* BLK_STS_* (include/linux/blk_types.h) and blk_status_to_errno() */
	switch (status) {
	case 0:
		return 0;
	case 1:
		return EOPNOTSUPP;
	case 2:
		return ETIMEDOUT;
	case 3:
		return ENOSPC;
	case 4:
		return ENOLINK;
	case 5:
		return EREMOTEIO;
	default:
		return EIO;
	}
}

int ebpf_blkio_event(const void *rec, size_t len, struct cpd_event *ev)
{
	struct cpd_bpf_blkio_rec r;

	if (len < sizeof(r))
		return -EINVAL;
	memcpy(&r, rec, sizeof(r));
	ebpf_event_start(ev, CPD_EV_BLKIO, r.done_ns, r.tgid, r.tid,
			 ((const struct cpd_bpf_blkio_rec *)rec)->comm);
	ev->u.blkio.op = ebpf_blkio_op(r.req_op);
	ev->u.blkio.dev = r.dev;
	ev->u.blkio.sector = r.sector;
	ev->u.blkio.bytes = r.bytes;
	/* a clock that went backwards would be a kernel bug; do not wrap */
	ev->u.blkio.latency_ns =
		r.done_ns > r.issue_ns ? r.done_ns - r.issue_ns : 0;
	ev->u.blkio.max_latency_ns = ev->u.blkio.latency_ns;
	ev->u.blkio.total_bytes = r.bytes;
	ev->u.blkio.count = 1;
	ev->u.blkio.err = ebpf_blkio_errno(r.status);
	if (r.start_ns && r.issue_ns > r.start_ns)
		ev->u.blkio.queue_ns = r.issue_ns - r.start_ns;
	return 0;
}

static int ebpf_blkio_continues(const struct cpd_event *g,
				const struct cpd_event *one)
{
	const struct cpd_ev_blkio *a = &g->u.blkio, *b = &one->u.blkio;

	return g->pid == one->pid && a->dev == b->dev && a->op == b->op &&
	       a->bytes == b->bytes && !a->err && !b->err;
}

int ebpf_blkio_group_take(struct ebpf_blkio_group *g, struct cpd_event *out)
{
	struct cpd_ev_blkio *b = &g->ev.u.blkio;

	if (!b->count)
		return 0;
	*out = g->ev;
	out->u.blkio.latency_ns = g->lat_sum / b->count;
	memcpy(g->out_comm, g->comm, sizeof(g->out_comm));
	out->comm.ptr = g->out_comm;
	/* a group of one is the request itself, sector included */
	if (b->count > 1)
		out->u.blkio.sector = 0;
	b->count = 0;
	return 1;
}

int ebpf_blkio_group_add(struct ebpf_blkio_group *g,
			 const struct cpd_event *one, struct cpd_event *out)
{
	struct cpd_ev_blkio *b = &g->ev.u.blkio;
	const struct cpd_ev_blkio *o = &one->u.blkio;
	int flushed = 0;
	size_t n;

	if (b->count && !ebpf_blkio_continues(&g->ev, one))
		flushed = ebpf_blkio_group_take(g, out);
	if (!b->count) {
		g->ev = *one;
		g->lat_sum = 0;
		n = one->comm.len < CPD_BPF_COMM_LEN ? one->comm.len :
						       CPD_BPF_COMM_LEN;
		if (one->comm.ptr)
			memcpy(g->comm, one->comm.ptr, n);
		else
			n = 0;
		g->comm[n] = '\0';
		g->ev.comm.ptr = g->comm;
		g->ev.comm.len = (uint32_t)n;
		b->count = 0;
		b->total_bytes = 0;
		b->max_latency_ns = 0;
	}
	b->count++;
	b->total_bytes += o->bytes;
	g->lat_sum += o->latency_ns;
	if (o->latency_ns > b->max_latency_ns)
		b->max_latency_ns = o->latency_ns;
	/* the queueing of the group: its longest */
	if (o->queue_ns > b->queue_ns)
		b->queue_ns = o->queue_ns;
	return flushed;
}
