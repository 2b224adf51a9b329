// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "seccomp.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/xmalloc.h"

/* x32 syscalls share AUDIT_ARCH_X86_64 but have this bit set. */
#define X32_SYSCALL_BIT 0x40000000u

#define LD_ABS(off)  BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v)	     BPF_STMT(BPF_RET | BPF_K, (v))
#define JEQ(k, t, f) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (k), (t), (f))
#define JGE(k, t, f) BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (k), (t), (f))
#define JGT(k, t, f) BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, (k), (t), (f))

static bool seccomp_bit(const uint64_t *bits, int nr)
{
	return (bits[nr / 64] >> (nr % 64)) & 1;
}

struct seccomp_range {
	unsigned lo, hi;
};

/*
 * A binary search over the sorted ranges, so a syscall costs about
 * log2(ranges) comparisons rather than one per range: this runs on every
 * syscall the tracee makes. Returns false if a jump would not fit the
 * 8-bit offsets of classic BPF.
 */
static bool seccomp_tree(struct sock_filter *f, size_t *n,
			 const struct seccomp_range *r, size_t lo, size_t hi)
{
	size_t mid, at, left;

	if (lo == hi) {
		f[(*n)++] = (struct sock_filter)JGE(r[lo].lo, 0, 2);
		f[(*n)++] = (struct sock_filter)JGT(r[lo].hi, 1, 0);
		f[(*n)++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
		f[(*n)++] = (struct sock_filter)RET(SECCOMP_RET_ALLOW);
		return true;
	}
	mid = (lo + hi + 1) / 2;
	at = (*n)++;
	if (!seccomp_tree(f, n, r, lo, mid - 1))
		return false;
	left = *n - at - 1;
	if (left > 255)
		return false;
	f[at] = (struct sock_filter)JGE(r[mid].lo, (unsigned char)left, 0);
	return seccomp_tree(f, n, r, mid, hi);
}

int seccomp_build(struct seccomp_prog *prog, uint32_t native_arch,
		  const uint64_t *bits, int count)
{
	struct seccomp_range *ranges;
	struct sock_filter *f;
	size_t n = 0, nr_ranges = 0, cap;
	int nr;

	ranges = xcalloc((size_t)count + 1, sizeof(*ranges));
	for (nr = 0; nr < count; nr++) {
		if (!seccomp_bit(bits, nr))
			continue;
		if (nr_ranges && ranges[nr_ranges - 1].hi + 1 == (unsigned)nr)
			ranges[nr_ranges - 1].hi = (unsigned)nr;
		else
			ranges[nr_ranges++] =
				(struct seccomp_range){ (unsigned)nr,
							(unsigned)nr };
	}
	/* 6 for the header, 5 per range for the tree, 3 per range linear */
	cap = 8 + 5 * nr_ranges;
	if (cap > BPF_MAXINSNS) {
		free(ranges);
		return -E2BIG;
	}
	f = xcalloc(cap, sizeof(*f));
	f[n++] =
		(struct sock_filter)LD_ABS(offsetof(struct seccomp_data, arch));
	/* another arch: always trace, so nothing escapes the tracer */
	f[n++] = (struct sock_filter)JEQ(native_arch, 1, 0);
	f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
	f[n++] = (struct sock_filter)LD_ABS(offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)JGE(X32_SYSCALL_BIT, 0, 1);
	f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
	if (nr_ranges && !seccomp_tree(f, &n, ranges, 0, nr_ranges - 1)) {
		size_t i;

		/* too many ranges for the tree's jumps: a linear scan */
		n = 6;
		for (i = 0; i < nr_ranges; i++) {
			f[n++] = (struct sock_filter)JGE(ranges[i].lo, 0, 2);
			f[n++] = (struct sock_filter)JGT(ranges[i].hi, 1, 0);
			f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
		}
	}
	if (!nr_ranges || n == 6 + 3 * nr_ranges)
		f[n++] = (struct sock_filter)RET(SECCOMP_RET_ALLOW);
	free(ranges);
	prog->insns = f;
	prog->len = (unsigned short)n;
	return 0;
}

void seccomp_free(struct seccomp_prog *prog)
{
	free(prog->insns);
	prog->insns = NULL;
	prog->len = 0;
}

int seccomp_install(const struct seccomp_prog *prog, bool no_new_privs)
{
	struct sock_fprog fp = { prog->len, prog->insns };

	if (no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0)
		return -errno;
	return 0;
}

bool seccomp_would_trace(const struct seccomp_prog *prog, uint32_t arch, int nr)
{
	struct seccomp_data d = { .nr = nr, .arch = arch };
	uint32_t acc = 0;
	size_t pc = 0;

	/* a tiny interpreter for the instructions seccomp_build emits */
	while (pc < prog->len) {
		const struct sock_filter *i = &prog->insns[pc];

		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			memcpy(&acc, (const char *)&d + i->k, sizeof(acc));
			pc++;
			break;
		case BPF_RET | BPF_K:
			return i->k == SECCOMP_RET_TRACE;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += 1 + (acc == i->k ? i->jt : i->jf);
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += 1 + (acc >= i->k ? i->jt : i->jf);
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			pc += 1 + (acc > i->k ? i->jt : i->jf);
			break;
		default:
			return true;
		}
	}
	return true;
}
