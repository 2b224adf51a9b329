/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's syscall table: for each syscall number of each arch,
 * whether the kernel side sends its exits, and what it copies of each
 * argument for the decoder. The set sent is the one the ptrace engine's
 * seccomp filter stops for: what plugins subscribe to, plus what the fd
 * table needs.
 */
#ifndef CPD_CORE_BPFSPEC_H
#define CPD_CORE_BPFSPEC_H

#include "engine_records.h"
#include "fdtrack.h"
#include "host/session.h"

struct bpfspec {
	struct cpd_eng_spec e[2 * CPD_ENG_NR_MAX]; /* native, then i386 */
	bool publish[2 * CPD_ENG_NR_MAX];     /* a plugin takes its events */
	uint32_t uring_op[CPD_ENG_URING_OPS]; /* opcode -> summed nr + 1 */
	bool uring;			      /* some opcode is counted */
	bool timed;			      /* a plugin needs durations */
	bool entries; /* watch entries: timed, or a sigreturn sent */
	/* payload rules, an entry per port and protocol (payload.h) */
	struct cpd_eng_prule prule[CPD_ENG_PRULES_MAX];
	uint32_t prule_max[CPD_ENG_PRULES_MAX]; /* max_bytes of each */
	size_t nprules;
	uint32_t str_limit; /* bytes of strings copied */
	uint32_t buf_limit; /* bytes of buffers copied; 0: none */
	unsigned ntraced;   /* syscalls sent, both arches */
};

/* Fill sp from what s's plugins subscribe to and what ft needs. */
void bpfspec_build(struct bpfspec *sp, const struct session *s,
		   const struct fdtrack *ft);

/* The entry for (arch, nr), or NULL outside the table. */
const struct cpd_eng_spec *bpfspec_get(const struct bpfspec *sp, uint32_t arch,
				       int nr);

#endif /* CPD_CORE_BPFSPEC_H */
