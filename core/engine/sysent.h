/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The syscall tables: for each arch a syscall can be made in, what each
 * number is called, which classes (CPD_SC_*) it belongs to and how its
 * arguments and return value decode. The tables are generated from
 * maint/syscalls.spec by maint/gen-sysent.py; that script also reads the
 * SE_* names below, so a flag added here can be used in the spec at once.
 */
#ifndef CPD_CORE_SYSENT_H
#define CPD_CORE_SYSENT_H

#include <stdint.h>
#include <linux/audit.h>

#include <compendium/syscall.h>

/*
 * sysent.flags. The spec names them without the prefix (NOEXIT, ...).
 * NOEXIT: never returns on success (exit, exit_group, rt_sigreturn).
 * EXEC: execve/execveat; returns only on failure.
 * SPAWN: creates a task (fork, vfork, clone, clone3).
 * NOFAIL: cannot fail, so a return value in the -errno range is a value
 *	(getpid, umask, brk).
 * NI: the kernel does not implement it; it always fails with ENOSYS.
 * MUX: a multiplexer whose arg 0 selects the real call (socketcall, ipc).
 */
#define SE_NOEXIT (1u << 0)
#define SE_EXEC	  (1u << 1)
#define SE_SPAWN  (1u << 2)
#define SE_NOFAIL (1u << 3)
#define SE_NI	  (1u << 4)
#define SE_MUX	  (1u << 5)

/* One argument's or the return value's decoding. */
struct sysent_arg {
	uint8_t kind; /* enum cpd_arg_kind */
	uint8_t xlat; /* enum cpd_xlat for FLAGS and ENUM, else 0 */
};

struct sysent {
	const char *name;
	uint64_t classes; /* CPD_SC_* */
	uint16_t flags;	  /* SE_* */
	uint8_t nargs;
	struct sysent_arg ret; /* CPD_ARG_ERRNO, CPD_ARG_FD, ... */
	struct sysent_arg args[6];
};

/*
 * arch: AUDIT_ARCH_X86_64 or AUDIT_ARCH_I386 (what PTRACE_GET_SYSCALL_INFO
 * reports). NULL for an unknown arch, a number past the table or a hole
 * in it.
 */
const struct sysent *sysent_lookup(uint32_t arch, int nr);

/* The number of name on arch, or -1. */
int sysent_number(uint32_t arch, const char *name);

/* Highest number + 1 in the arch's table, for iterating; 0 for unknown arch. */
int sysent_count(uint32_t arch);

/* The arch the tracer itself runs as (AUDIT_ARCH_X86_64 on x86_64). */
uint32_t sysent_native_arch(void);

/* The CPD_SC_* bit of one class name ("file", "desc", ...), 0 if unknown. */
uint64_t sysent_class_bit(const char *name);

/* The name of a single class bit; NULL unless bit is one known class. */
const char *sysent_class_name(uint64_t bit);

#endif /* CPD_CORE_SYSENT_H */
