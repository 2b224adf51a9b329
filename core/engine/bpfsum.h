/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's in-kernel sums delivered as batched syscalls
 * (CPD_SCF_BATCH): reads and writes counted in a BPF map per process and
 * fd, never only in the ring, so byte totals do not depend on the ring
 * keeping up. The map is read at each flush and at each process' exit;
 * the kernel sends an fd's final sums before the call that closes or
 * reuses it. What was published of an entry is remembered, so each byte
 * is published once.
 *
 * An entry belongs to the file its fd named when the entry was made (the
 * kernel's struct file address). An fd dropped without a syscall we see
 * (close-on-exec at exec, close_range) keeps its description here until
 * its sums come, so they still land on its path.
 */
#ifndef CPD_CORE_BPFSUM_H
#define CPD_CORE_BPFSUM_H

#include "engine_records.h"
#include "task.h"

struct bpfeng;
struct bpfsum_pub;
struct bpfsum_grave;

#define BPFSUM_BUCKETS 1024

struct bpfsum {
	struct bpfsum_pub *pub[BPFSUM_BUCKETS]; /* published so far */
	struct bpfsum_grave *graves;
	struct fd_entry *cur; /* the fd of the batch being published */
};

/* Final sums the kernel sent. */
void bpfsum_final(struct bpfeng *e, const struct cpd_eng_iosum *r);
/*
 * Publish what the map holds beyond what was published: of every process
 * (tgid 0), or of tgid, whose group is gone (its entries are removed).
 */
void bpfsum_sweep(struct bpfeng *e, pid_t tgid, uint64_t ts);
/* fd of t is dropped without a syscall of its own (exec, close_range). */
void bpfsum_bury(struct bpfeng *e, struct task *t, int fd);
/* Free everything. */
void bpfsum_free(struct bpfsum *b);

#endif /* CPD_CORE_BPFSUM_H */
