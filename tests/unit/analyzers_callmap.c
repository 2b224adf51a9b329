// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The analyzers' syscall-name map (plugins/lib/callmap.c): the entry is
 * the one of the event's name whether it is found by name or remembered
 * by number, a number means what it means on its own arch only, names not
 * in the table stay out, and numbers past the map are still found.
 */
#include <linux/audit.h>
#include <string.h>

#include "cpd_test.h"
#include "lib/callmap.h"

static const char *const names[] = { "read", "write", "openat" };
static unsigned name_calls;

static const char *name_of(size_t i)
{
	name_calls++;
	return names[i];
}

static struct cpd_syscall sc(uint32_t arch, int nr, const char *name)
{
	struct cpd_syscall s;

	memset(&s, 0, sizeof(s));
	s.arch = arch;
	s.nr = nr;
	s.name.ptr = name;
	s.name.len = (uint32_t)strlen(name);
	return s;
}

static void test_found_then_remembered(void)
{
	static struct callmap m;
	struct cpd_syscall w = sc(AUDIT_ARCH_X86_64, 1, "write");
	struct cpd_syscall r = sc(AUDIT_ARCH_X86_64, 0, "read");

	callmap_init(&m, name_of, 3);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &w), 1);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &r), 0);
	name_calls = 0;
	CPD_ASSERT_INT_EQ(callmap_find(&m, &w), 1);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &r), 0);
	/* remembered: no name compared again */
	CPD_ASSERT_UINT_EQ(name_calls, 0);
}

static void test_not_ours(void)
{
	static struct callmap m;
	struct cpd_syscall g = sc(AUDIT_ARCH_X86_64, 110, "getppid");

	callmap_init(&m, name_of, 3);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &g), -1);
	name_calls = 0;
	CPD_ASSERT_INT_EQ(callmap_find(&m, &g), -1);
	CPD_ASSERT_UINT_EQ(name_calls, 0);
}

static void test_arch_apart(void)
{
	static struct callmap m;
	/* 3 is close on x86_64 and read on i386 */
	struct cpd_syscall c64 = sc(AUDIT_ARCH_X86_64, 3, "close");
	struct cpd_syscall r32 = sc(AUDIT_ARCH_I386, 3, "read");

	callmap_init(&m, name_of, 3);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &c64), -1);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &r32), 0);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &c64), -1);
}

static void test_past_the_map(void)
{
	static struct callmap m;
	struct cpd_syscall big =
		sc(AUDIT_ARCH_X86_64, CALLMAP_NR_MAX, "openat");
	struct cpd_syscall neg = sc(AUDIT_ARCH_X86_64, -1, "write");

	callmap_init(&m, name_of, 3);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &big), 2);
	CPD_ASSERT_INT_EQ(callmap_find(&m, &neg), 1);
}

/* Only syscalls seen to their exit have a result to report. */
static void test_completed_only(void)
{
	static struct callmap m;
	struct cpd_event ev;

	callmap_init(&m, name_of, 3);
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_SYSCALL;
	ev.u.syscall = sc(AUDIT_ARCH_X86_64, 257, "openat");
	CPD_ASSERT_INT_EQ(callmap_find_completed(&m, &ev), 2);
	ev.u.syscall.flags = CPD_SCF_NO_EXIT;
	CPD_ASSERT_INT_EQ(callmap_find_completed(&m, &ev), -1);
	ev.u.syscall.flags = CPD_SCF_ENTRY_ONLY;
	CPD_ASSERT_INT_EQ(callmap_find_completed(&m, &ev), -1);
	ev.u.syscall.flags = 0;
	ev.u.syscall.name.ptr = NULL;
	CPD_ASSERT_INT_EQ(callmap_find_completed(&m, &ev), -1);
	ev.u.syscall = sc(AUDIT_ARCH_X86_64, 257, "openat");
	ev.kind = CPD_EV_FILE;
	CPD_ASSERT_INT_EQ(callmap_find_completed(&m, &ev), -1);
}

static CU_TestInfo callmap_tests[] = {
	{ "found_then_remembered", test_found_then_remembered },
	{ "not_ours", test_not_ours },
	{ "arch_apart", test_arch_apart },
	{ "past_the_map", test_past_the_map },
	{ "completed_only", test_completed_only },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "callmap", .pTests = callmap_tests },
	CU_SUITE_INFO_NULL,
};
