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
#include "tmem.h"

/* Bytes read (possibly short), or -errno when nothing could be read. */
ssize_t umem_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/* A stopped task's memory as a decoder's source (struct tmem). */
struct umem {
	struct tmem mem;
	pid_t tid;
};

void umem_init(struct umem *u, pid_t tid);

/* Force the PEEKDATA path (tests of the fallback). */
void umem_force_peek(bool on);

#endif /* CPD_CORE_UMEM_H */
