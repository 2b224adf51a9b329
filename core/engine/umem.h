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

#define UMEM_PAGE  4096u
#define UMEM_SLOTS 4u

/*
 * A stopped task's memory as a decoder's source (struct tmem), for one
 * stop: a syscall's structs, the names and arrays they point to and its
 * strings mostly share a few pages (its stack, its data), and reading a
 * page costs the kernel about what reading 16 bytes of it does. So small
 * reads load whole pages, once, and are served from them. Made afresh at
 * each stop: the task may change its memory while it runs.
 */
struct umem {
	struct tmem mem;
	pid_t tid;
	unsigned next;		   /* slot to fill next */
	uint64_t page[UMEM_SLOTS]; /* address of each slot's page */
	bool loaded[UMEM_SLOTS];
	unsigned char data[UMEM_SLOTS][UMEM_PAGE];
};

void umem_init(struct umem *u, pid_t tid);

/* Force the PEEKDATA path (tests of the fallback). */
void umem_force_peek(bool on);

#endif /* CPD_CORE_UMEM_H */
