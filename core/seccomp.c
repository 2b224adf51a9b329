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

#include "xmalloc.h"

/* x32 syscalls share AUDIT_ARCH_X86_64 but have this bit set. */
#define X32_SYSCALL_BIT	0x40000000u

#define LD_ABS(off)	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v)		BPF_STMT(BPF_RET | BPF_K, (v))
#define JEQ(k, t, f)	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (k), (t), (f))
#define JGE(k, t, f)	BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, (k), (t), (f))
#define JGT(k, t, f)	BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, (k), (t), (f))

static bool seccomp_bit(const uint64_t *bits, int nr)
{
	return (bits[nr / 64] >> (nr % 64)) & 1;
}

int seccomp_build(struct seccomp_prog *prog, uint32_t native_arch,
		  const uint64_t *bits, int count)
{
	struct sock_filter *f;
	size_t n = 0, cap = 8;
	int nr;

	/*
	 * Each range gets its own "ret TRACE" so no jump spans more than
	 * two instructions: classic BPF jump offsets are 8 bits.
	 */
	for (nr = 0; nr < count; nr++)
		if (seccomp_bit(bits, nr) &&
		    (nr == 0 || !seccomp_bit(bits, nr - 1)))
			cap += 3;
	if (cap > BPF_MAXINSNS)
		return -E2BIG;
	f = xcalloc(cap, sizeof(*f));
	f[n++] = (struct sock_filter)LD_ABS(offsetof(struct seccomp_data, arch));
	/* another arch: always trace, so nothing escapes the tracer */
	f[n++] = (struct sock_filter)JEQ(native_arch, 1, 0);
	f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
	f[n++] = (struct sock_filter)LD_ABS(offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)JGE(X32_SYSCALL_BIT, 0, 1);
	f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
	for (nr = 0; nr < count; nr++) {
		int last = nr;

		if (!seccomp_bit(bits, nr))
			continue;
		while (last + 1 < count && seccomp_bit(bits, last + 1))
			last++;
		if (last == nr) {
			f[n++] = (struct sock_filter)JEQ((unsigned)nr, 0, 1);
			f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
		} else {
			/* nr <= x <= last */
			f[n++] = (struct sock_filter)JGE((unsigned)nr, 0, 2);
			f[n++] = (struct sock_filter)JGT((unsigned)last, 1, 0);
			f[n++] = (struct sock_filter)RET(SECCOMP_RET_TRACE);
		}
		nr = last;
	}
	f[n++] = (struct sock_filter)RET(SECCOMP_RET_ALLOW);
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

bool seccomp_would_trace(const struct seccomp_prog *prog, uint32_t arch,
			 int nr)
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
