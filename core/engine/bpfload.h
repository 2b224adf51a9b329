/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's kernel side as user space holds it: checks that this
 * machine can take it, the skeleton loaded and attached, the traced-tgid
 * bitmap, the ring buffer and the counters. Every program is attached
 * through a BPF link owned by one of our fds, so whatever way compendium
 * ends, SIGKILL included, the kernel detaches them when the fds close.
 */
#ifndef CPD_CORE_BPFLOAD_H
#define CPD_CORE_BPFLOAD_H

#include <sys/types.h>

#include "base/cpd.h"
#include "bpfspec.h"

struct engine_bpf;
struct ring_buffer;

/* Called for each record read from the ring; return 0. */
typedef int (*bpfload_record_fn)(void *ctx, void *data, size_t len);

struct bpfload {
	struct engine_bpf *skel;
	struct ring_buffer *rb;
	uint64_t *bits; /* the tgid bitmap, mapped */
	size_t bits_len;
	uint32_t nwords;
	int ncpu;
	uint64_t load_ns;     /* open, fit, load (verify): start-up */
	uint64_t load_cpu_ns; /* the CPU time of it (ours and the kernel's) */
	uint64_t attach_ns;   /* attach */
};

/*
 * Whether this process can run the engine: 0, or -errno with a line for
 * the user in why (privilege, BTF, a build without BPF).
 */
int bpfload_usable(char *why, size_t len);

/*
 * Open, fit to this kernel and load the programs with sp's table, reading
 * records into fn(ctx, ...). Nothing is attached yet. 0, or -errno with
 * why set.
 */
int bpfload_open(struct bpfload *l, const struct bpfspec *sp,
		 uint32_t ring_bytes, bpfload_record_fn fn, void *ctx,
		 char *why, size_t len);
/* Attach every program: from now on the traced tgids are watched. */
int bpfload_attach(struct bpfload *l, char *why, size_t len);
/* Detach and free everything (safe on a zeroed or half-open l). */
void bpfload_close(struct bpfload *l);

/* Trace tgid from now on (on), or stop. */
void bpfload_follow(struct bpfload *l, pid_t tgid, bool on);
/* Whether tgid's bit is set. */
bool bpfload_followed(const struct bpfload *l, pid_t tgid);
/* Whether any tgid is still traced. */
bool bpfload_any(const struct bpfload *l);

/* The map of sums per process and fd (struct cpd_eng_iokey -> ioval). */
int bpfload_sums_fd(const struct bpfload *l);

/* The fd that becomes readable when the ring fills past its mark. */
int bpfload_ring_fd(const struct bpfload *l);
/* Read every record written so far; returns how many, or -errno. */
int bpfload_drain(struct bpfload *l);

/* The sum over CPUs of a CPD_ENG_STAT_* counter. */
uint64_t bpfload_stat(const struct bpfload *l, unsigned slot);
/* Program runs the kernel skipped (one was already running on a CPU). */
uint64_t bpfload_missed(const struct bpfload *l);
/*
 * The kernel's ids of the loaded programs and of their links,
 * comma-separated, into buf (for -vv: a test checks none outlives us).
 */
void bpfload_ids(const struct bpfload *l, char *buf, size_t len);

#endif /* CPD_CORE_BPFLOAD_H */
