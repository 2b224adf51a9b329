/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * From the records the BPF programs write to bus events, and the block
 * I/O grouping of the original ("block I/O 61us avg, 0.3ms max (4.0 KB
 * x2000, 7.8 MB total)"). No libbpf here: the unit tests feed records
 * straight in.
 */
#ifndef CPD_PLUGINS_EBPF_TRANSLATE_H
#define CPD_PLUGINS_EBPF_TRANSLATE_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

#include "records.h"

/*
 * Fill ev (a CPD_EV_SCHED about the thread) from a raw ring-buffer record
 * of len bytes. ev borrows the record's comm. Returns 0, or -EINVAL for a
 * short record or an unknown op.
 */
int ebpf_sched_event(const void *rec, size_t len, struct cpd_event *ev);

/* enum cpd_blkio_op of a kernel REQ_OP_* value. */
uint32_t ebpf_blkio_op(uint32_t req_op);
/* Positive errno of a blk_status_t, 0 for success. */
int32_t ebpf_blkio_errno(uint32_t status);

/*
 * Fill ev (a CPD_EV_BLKIO of one request, count 1) from a raw record.
 * ev borrows the record's comm. Returns 0 or -EINVAL for a short record.
 */
int ebpf_blkio_event(const void *rec, size_t len, struct cpd_event *ev);

/*
 * Consecutive requests of one process on one device with the same
 * operation and size, waiting to be published as one event.
 */
struct ebpf_blkio_group {
	struct cpd_event ev; /* count 0: empty */
	uint64_t lat_sum;
	char comm[CPD_BPF_COMM_LEN + 1];
	char out_comm[CPD_BPF_COMM_LEN + 1]; /* what *out borrows */
};

/*
 * Add the request in one to g. If it does not continue the group, the
 * group so far is copied to *out (returns 1) and one starts a new group;
 * else returns 0. *out borrows its comm from g until the next call.
 */
int ebpf_blkio_group_add(struct ebpf_blkio_group *g,
			 const struct cpd_event *one, struct cpd_event *out);
/* Move the pending group, if any, to *out and empty g; returns 1 if so. */
int ebpf_blkio_group_take(struct ebpf_blkio_group *g, struct cpd_event *out);

#endif /* CPD_PLUGINS_EBPF_TRANSLATE_H */
