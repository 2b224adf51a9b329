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

#endif /* CPD_CORE_UMEM_H */
