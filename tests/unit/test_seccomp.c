// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The seccomp filter (core/engine/seccomp.c): which syscalls it sends to the
 * tracer, checked exhaustively through its interpreter, and then for real:
 * installed in a child with no tracer (a traced syscall fails with ENOSYS,
 * which is what SECCOMP_RET_TRACE does then) and with one (the tracer gets
 * PTRACE_EVENT_SECCOMP for exactly the traced syscalls).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpd_test.h"
#include "engine/seccomp.h"

#define X32_BIT		    0x40000000
#define AUDIT_ARCH_AARCH64_ 0xc00000b7u

static void set_bit(uint64_t *bits, int nr)
{
	bits[nr / 64] |= UINT64_C(1) << (nr % 64);
}

static bool bit(const uint64_t *bits, int nr)
{
	return (bits[nr / 64] >> (nr % 64)) & 1;
}

static bool traces(const struct seccomp_prog *p, int nr)
{
	return seccomp_would_trace(p, AUDIT_ARCH_X86_64, nr);
}

static void test_singles_and_ranges(void)
{
	uint64_t bits[8] = { 0 };
	struct seccomp_prog p;
	int nr;

	/* 0..3 a range at the very start, 59 alone, 257..258, the last */
	for (nr = 0; nr <= 3; nr++)
		set_bit(bits, nr);
	set_bit(bits, 59);
	set_bit(bits, 257);
	set_bit(bits, 258);
	set_bit(bits, 470);
	CPD_ASSERT_INT_EQ(seccomp_build(&p, AUDIT_ARCH_X86_64, bits, 471), 0);
	for (nr = 0; nr <= 3; nr++)
		CU_ASSERT_TRUE(traces(&p, nr));
	CU_ASSERT_FALSE(traces(&p, 4));
	CU_ASSERT_FALSE(traces(&p, 58));
	CU_ASSERT_TRUE(traces(&p, 59));
	CU_ASSERT_FALSE(traces(&p, 60));
	CU_ASSERT_FALSE(traces(&p, 256));
	CU_ASSERT_TRUE(traces(&p, 257));
	CU_ASSERT_TRUE(traces(&p, 258));
	CU_ASSERT_FALSE(traces(&p, 259));
	CU_ASSERT_FALSE(traces(&p, 469));
	CU_ASSERT_TRUE(traces(&p, 470));
	/* numbers past the table: the kernel says ENOSYS, no need to stop */
	CU_ASSERT_FALSE(traces(&p, 471));
	CU_ASSERT_FALSE(traces(&p, 100000));
	/* x32 calls share the arch: the x32 bit always traps */
	CU_ASSERT_TRUE(traces(&p, X32_BIT | 4));
	CU_ASSERT_TRUE(traces(&p, X32_BIT | 59));
	CU_ASSERT_TRUE(traces(&p, -1)); /* 0xffffffff is past the x32 bit */
	/* another arch (int 0x80) always traps, whatever the number */
	CU_ASSERT_TRUE(seccomp_would_trace(&p, AUDIT_ARCH_I386, 4));
	CU_ASSERT_TRUE(seccomp_would_trace(&p, AUDIT_ARCH_I386, 20));
	CU_ASSERT_TRUE(seccomp_would_trace(&p, AUDIT_ARCH_AARCH64_, 4));
	CU_ASSERT_TRUE(p.len <= BPF_MAXINSNS);
	seccomp_free(&p);
	CU_ASSERT_PTR_NULL(p.insns);
	CPD_ASSERT_UINT_EQ(p.len, 0);
}

static void test_empty_and_full(void)
{
	uint64_t none[8] = { 0 }, all[8];
	struct seccomp_prog p;
	int nr;

	CPD_ASSERT_INT_EQ(seccomp_build(&p, AUDIT_ARCH_X86_64, none, 471), 0);
	for (nr = 0; nr < 471; nr++)
		CU_ASSERT_FALSE(traces(&p, nr));
	CU_ASSERT_TRUE(traces(&p, X32_BIT));
	CU_ASSERT_TRUE(seccomp_would_trace(&p, AUDIT_ARCH_I386, 0));
	seccomp_free(&p);

	memset(all, 0xff, sizeof(all));
	CPD_ASSERT_INT_EQ(seccomp_build(&p, AUDIT_ARCH_X86_64, all, 471), 0);
	for (nr = 0; nr < 471; nr++)
		CU_ASSERT_TRUE(traces(&p, nr));
	/* bits past count are not looked at */
	CU_ASSERT_FALSE(traces(&p, 471));
	seccomp_free(&p);
}

/*
 * Random bitmaps: the filter must agree with the bitmap on every number.
 * Round k has k random ranges, so small and large range counts (and
 * whatever layout the builder picks for each) are all covered.
 */
static void test_matches_bitmap(void)
{
	uint64_t bits[8];
	struct seccomp_prog p;
	unsigned seed = 12345, round, mismatches = 0;
	int nr, count = 471;

	for (round = 1; round <= 300; round++) {
		unsigned r;

		memset(bits, 0, sizeof(bits));
		for (r = 0; r < round; r++) {
			int lo = rand_r(&seed) % count;
			int len = rand_r(&seed) % (round < 20 ? 40 : 4) + 1;

			for (nr = lo; nr < lo + len && nr < count; nr++)
				set_bit(bits, nr);
		}
		CPD_ASSERT_INT_EQ(
			seccomp_build(&p, AUDIT_ARCH_X86_64, bits, count), 0);
		CU_ASSERT_TRUE(p.len <= BPF_MAXINSNS);
		for (nr = 0; nr < count; nr++)
			mismatches += traces(&p, nr) != bit(bits, nr);
		/* whatever the layout, x32 and other arches still trap */
		mismatches += !traces(&p, X32_BIT | 1);
		mismatches += !seccomp_would_trace(&p, AUDIT_ARCH_I386, 1);
		seccomp_free(&p);
	}
	CPD_ASSERT_UINT_EQ(mismatches, 0);
}

static void test_too_big(void)
{
	/* alternate bits: one range each, more than BPF_MAXINSNS allows */
	static uint64_t bits[160];
	struct seccomp_prog p = { NULL, 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bits); i++)
		bits[i] = UINT64_C(0x5555555555555555);
	CPD_ASSERT_INT_EQ(seccomp_build(&p, AUDIT_ARCH_X86_64, bits,
					(int)(ARRAY_SIZE(bits) * 64)),
			  -E2BIG);
	CU_ASSERT_PTR_NULL(p.insns);
	/* the same pattern over the real table size fits */
	CPD_ASSERT_INT_EQ(seccomp_build(&p, AUDIT_ARCH_X86_64, bits, 471), 0);
	CU_ASSERT_TRUE(p.len <= BPF_MAXINSNS);
	CU_ASSERT_TRUE(traces(&p, 0));
	CU_ASSERT_FALSE(traces(&p, 1));
	seccomp_free(&p);
}

/* ---- installed for real ---------------------------------------------------- */

enum {
	CHILD_INSTALL_FAILED = 1 << 0,
	CHILD_TRACED_NOT_ENOSYS = 1 << 1,
	CHILD_UNTRACED_BROKEN = 1 << 2,
	CHILD_INT80_NOT_ENOSYS = 1 << 3,
	CHILD_NO_INT80 = 1 << 4, /* not a failure: no IA32 emulation */
};

/* getpid through int 0x80 (i386 number 20), or -errno. */
static long int80_getpid(void)
{
	long ret = 20;

	__asm__ volatile("int $0x80"
			 : "+a"(ret)
			 :
			 : "memory", "cc", "r8", "r9", "r10", "r11");
	return ret;
}

/*
 * What int 0x80 getpid gives in a throwaway child: 0 its pid, 1 -ENOSYS,
 * 2 anything else, 3 no answer (killed: no IA32 emulation, valgrind).
 */
static int int80_probe(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		long r = int80_getpid();

		_exit(r == getpid() ? 0 : r == -ENOSYS ? 1 : 2);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 3;
	return WEXITSTATUS(status);
}

static int child_without_tracer(void)
{
	uint64_t bits[8] = { 0 };
	struct seccomp_prog p;
	int result = 0;
	long r;

	if (int80_probe() != 0)
		result |= CHILD_NO_INT80;
	set_bit(bits, SYS_getppid);
	if (seccomp_build(&p, AUDIT_ARCH_X86_64, bits, 471) < 0 ||
	    seccomp_install(&p, true) < 0) {
		seccomp_free(&p);
		return CHILD_INSTALL_FAILED;
	}
	errno = 0;
	r = syscall(SYS_getppid);
	if (r != -1 || errno != ENOSYS)
		result |= CHILD_TRACED_NOT_ENOSYS;
	if (syscall(SYS_getpid) <= 0 || syscall(SYS_gettid) <= 0)
		result |= CHILD_UNTRACED_BROKEN;
	/* another arch: traced although getpid is not, so ENOSYS too */
	if (!(result & CHILD_NO_INT80) && int80_probe() != 1)
		result |= CHILD_INT80_NOT_ENOSYS;
	seccomp_free(&p);
	return result;
}

static void test_installed_without_tracer(void)
{
	int status, result;
	pid_t pid = fork();

	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (pid == 0)
		_exit(child_without_tracer());
	CPD_ASSERT_INT_EQ(waitpid(pid, &status, 0), pid);
	CU_ASSERT_TRUE_FATAL(WIFEXITED(status));
	result = WEXITSTATUS(status);
	if (result & CHILD_INSTALL_FAILED) {
		cpd_test_skip_test("cannot install a seccomp filter here");
		return;
	}
	CPD_ASSERT_INT_EQ(result & CHILD_TRACED_NOT_ENOSYS, 0);
	CPD_ASSERT_INT_EQ(result & CHILD_UNTRACED_BROKEN, 0);
	if (result & CHILD_NO_INT80)
		cpd_test_skip_test("no IA32 emulation: int 0x80 not checked");
	else
		CPD_ASSERT_INT_EQ(result & CHILD_INT80_NOT_ENOSYS, 0);
}

static int child_with_tracer(void)
{
	uint64_t bits[8] = { 0 };
	struct seccomp_prog p;
	pid_t parent = getppid();
	int result = 0;

	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
		return 99;
	raise(SIGSTOP);
	set_bit(bits, SYS_getppid);
	if (seccomp_build(&p, AUDIT_ARCH_X86_64, bits, 471) < 0 ||
	    seccomp_install(&p, true) < 0) {
		seccomp_free(&p);
		return CHILD_INSTALL_FAILED;
	}
	/* with a tracer, the traced call goes through after the stop */
	if (syscall(SYS_getppid) != parent)
		result |= CHILD_TRACED_NOT_ENOSYS;
	if (syscall(SYS_getpid) != getpid())
		result |= CHILD_UNTRACED_BROKEN;
	if (syscall(SYS_getppid) != parent)
		result |= CHILD_TRACED_NOT_ENOSYS;
	seccomp_free(&p);
	return result;
}

static void test_installed_with_tracer(void)
{
	unsigned stops = 0, wrong_nr = 0;
	int status;
	pid_t pid = fork();

	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (pid == 0)
		_exit(child_with_tracer());
	CPD_ASSERT_INT_EQ(waitpid(pid, &status, 0), pid);
	if (!WIFSTOPPED(status)) {
		cpd_test_skip_test("cannot ptrace here (status %#x)", status);
		return;
	}
	CPD_ASSERT_INT_EQ(ptrace(PTRACE_SETOPTIONS, pid, NULL,
				 (void *)(long)(PTRACE_O_TRACESECCOMP |
						PTRACE_O_EXITKILL)),
			  0);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	for (;;) {
		if (waitpid(pid, &status, 0) != pid)
			break;
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		if (WIFSTOPPED(status) &&
		    status >> 8 == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8))) {
			struct __ptrace_syscall_info info;

			memset(&info, 0, sizeof(info));
			stops++;
			if (ptrace(PTRACE_GET_SYSCALL_INFO, pid,
				   (void *)sizeof(info), &info) <= 0 ||
			    info.op != PTRACE_SYSCALL_INFO_SECCOMP ||
			    info.seccomp.nr != SYS_getppid ||
			    info.arch != AUDIT_ARCH_X86_64)
				wrong_nr++;
			ptrace(PTRACE_CONT, pid, NULL, NULL);
			continue;
		}
		/* pass other signals on */
		ptrace(PTRACE_CONT, pid, NULL,
		       (void *)(long)(WIFSTOPPED(status) ? WSTOPSIG(status) :
							   0));
	}
	CU_ASSERT_TRUE_FATAL(WIFEXITED(status));
	if (WEXITSTATUS(status) & CHILD_INSTALL_FAILED) {
		cpd_test_skip_test("cannot install a seccomp filter here");
		return;
	}
	CPD_ASSERT_INT_EQ(WEXITSTATUS(status), 0);
	/* the two getppid() calls, and not getpid() */
	CPD_ASSERT_UINT_EQ(stops, 2);
	CPD_ASSERT_UINT_EQ(wrong_nr, 0);
}

static CU_TestInfo seccomp_tests[] = {
	{ "singles_ranges_x32_other_arch", test_singles_and_ranges },
	{ "empty_and_full_bitmaps", test_empty_and_full },
	{ "filter_matches_bitmap_exhaustively", test_matches_bitmap },
	{ "too_many_ranges_e2big", test_too_big },
	{ "installed_without_tracer_enosys", test_installed_without_tracer },
	{ "installed_with_tracer_stops", test_installed_with_tracer },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "seccomp", .pTests = seccomp_tests },
	CU_SUITE_INFO_NULL,
};
