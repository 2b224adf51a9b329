/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Tracee memory: process_vm_readv, falling back to PTRACE_PEEKDATA where
 * it is not allowed (some hardened kernels, odd mappings). A failed read
 * is data (the caller marks the argument PARTIAL), never an error.
 */
#ifndef CPD_CORE_UMEM_H
#define CPD_CORE_UMEM_H

#include <sys/types.h>

#include "base/cpd.h"

/* Bytes read (possibly short), or -errno when nothing could be read. */
ssize_t umem_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/*
 * Read a NUL-terminated string of at most max bytes (excluding the NUL)
 * into buf (max + 1 bytes). Returns its length, or -errno. *truncated is
 * set when no NUL was found within max bytes.
 */
ssize_t umem_read_str(pid_t tid, uint64_t addr, char *buf, size_t max,
		      bool *truncated);

/* Force the PEEKDATA path (tests of the fallback). */
void umem_force_peek(bool on);

/*
 * Tracee memory an engine captured instead of reading it live: the eBPF
 * engine copies what a syscall's arguments point at when the call returns,
 * in the kernel, and the task has run on since. While a snapshot is set,
 * umem_read() and umem_read_str() serve from it whatever tid they are
 * given, and memory it does not hold reads as -ENODATA (the decoder marks
 * the argument partial, as for any unreadable memory).
 */
#define UMEM_CHUNK_STR	 (1u << 0) /* a string; len counts its NUL */
#define UMEM_CHUNK_TRUNC (1u << 1) /* cut at the capture limit */
#define UMEM_CHUNK_FAULT (1u << 2) /* unreadable when captured */

struct umem_chunk {
	uint64_t addr;
	uint32_t len;
	uint32_t flags; /* UMEM_CHUNK_* */
	const char *data;
};

struct umem_snapshot {
	const struct umem_chunk *c;
	size_t n;
};

/* Serve reads from snap until it is set to NULL again. */
void umem_set_snapshot(const struct umem_snapshot *snap);

#endif /* CPD_CORE_UMEM_H */
