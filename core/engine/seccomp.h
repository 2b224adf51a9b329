/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The seccomp-bpf filter that makes the tracee stop only for the syscalls
 * somebody listens to. Installed by the spawned child before exec.
 */
#ifndef CPD_CORE_SECCOMP_H
#define CPD_CORE_SECCOMP_H

#include <linux/filter.h>

#include "base/cpd.h"

struct seccomp_prog {
	struct sock_filter *insns;
	unsigned short len;
};

/*
 * Build a filter returning SECCOMP_RET_TRACE for the native syscalls set
 * in bits (count numbers), for every syscall of any other arch (int 0x80,
 * x32), and SECCOMP_RET_ALLOW for the rest. 0 or -E2BIG.
 */
int seccomp_build(struct seccomp_prog *prog, uint32_t native_arch,
		  const uint64_t *bits, int count);
void seccomp_free(struct seccomp_prog *prog);
/* Install in the calling process (the child, before exec). -errno. */
int seccomp_install(const struct seccomp_prog *prog, bool no_new_privs);
/* Whether prog would trace (arch, nr): for tests, without installing. */
bool seccomp_would_trace(const struct seccomp_prog *prog, uint32_t arch,
			 int nr);

#endif /* CPD_CORE_SECCOMP_H */
