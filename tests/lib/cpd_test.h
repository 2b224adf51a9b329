/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What every CUnit test binary shares (tests/lib/libcpdtest.la): the
 * runner's main(), assertions that print both sides when they fail, skips,
 * temp dirs and files, and capturing what the core logs.
 *
 * A test file defines its suites and nothing else; main() is shared:
 *
 *	static CU_TestInfo bus_tests[] = {
 *		{ "dispatch_in_subscription_order", test_dispatch_order },
 *		CU_TEST_INFO_NULL,
 *	};
 *	CU_SuiteInfo cpd_test_suites[] = {
 *		{ .pName = "bus", .pTests = bus_tests },
 *		CU_SUITE_INFO_NULL,
 *	};
 *
 * Exit status, as automake reads it: 0 every assertion passed; 1 one
 * failed (CU_get_number_of_failures(), never CU_basic_run_tests()'s return
 * value, which only reports framework errors); 77 a prerequisite is
 * missing (cpd_test_skip(), or a test skipped itself with
 * cpd_test_skip_test() and nothing failed); 99 the framework itself broke
 * (registry errors, a suite init failing).
 */
#ifndef CPD_TEST_H
#define CPD_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <CUnit/CUnit.h>

/* Defined by each test binary, NULL-terminated. */
extern CU_SuiteInfo cpd_test_suites[];

/* Print "SKIP: why" and exit 77: the whole binary cannot run here. */
void cpd_test_skip(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/*
 * Skip the rest of the current test only (call it, then return): the
 * binary still runs its other tests and exits 77 instead of 0 if nothing
 * failed, so the missing coverage shows in the test log.
 */
void cpd_test_skip_test(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* Skip the binary unless running as root. */
void cpd_test_require_root(void);
bool cpd_test_is_root(void);

/*
 * A fresh directory under $TMPDIR (or /tmp), mode 0700, removed with
 * everything in it when the binary exits. The string lives until then.
 */
const char *cpd_test_tmpdir(void);
/* Write len bytes to dir/name (mode 0644); the malloc'd path, or NULL. */
char *cpd_test_write_file(const char *dir, const char *name, const void *data,
			  size_t len);
/* The same, for a NUL-terminated text. */
char *cpd_test_write_text(const char *dir, const char *name, const char *text);
/* Copy a file (mode kept); 0 or -errno. */
int cpd_test_copy_file(const char *from, const char *to);
/* Whole file into a malloc'd NUL-terminated string, or NULL. */
char *cpd_test_read_file(const char *path);

/*
 * Capture what the core logs (log.c) from now on. Stop returns everything
 * printed meanwhile as a malloc'd string ("compendium: error: x.conf:3:
 * ..." lines), and sends messages to stderr again. Captures do not nest.
 */
void cpd_log_capture_start(void);
char *cpd_log_capture_stop(void);

/* How many times needle occurs in haystack. */
unsigned cpd_count(const char *haystack, const char *needle);
/* The directory of the running test binary (malloc'd). */
char *cpd_test_exe_dir(void);

/*
 * Assertions that say what they got. Each counts as one CUnit assertion
 * and, when it fails, prints both values (strings quoted) to stderr.
 */
bool cpd_assert_str(const char *actual, const char *expected, bool equal,
		    unsigned line, const char *file, const char *expr);
bool cpd_assert_has(const char *haystack, const char *needle, bool has,
		    unsigned line, const char *file, const char *expr);
bool cpd_assert_i64(int64_t actual, int64_t expected, unsigned line,
		    const char *file, const char *expr);
bool cpd_assert_u64(uint64_t actual, uint64_t expected, unsigned line,
		    const char *file, const char *expr);

#define CPD_ASSERT_STR_EQ(a, e) \
	cpd_assert_str((a), (e), true, __LINE__, __FILE__, #a " == " #e)
#define CPD_ASSERT_STR_NE(a, e) \
	cpd_assert_str((a), (e), false, __LINE__, __FILE__, #a " != " #e)
#define CPD_ASSERT_CONTAINS(h, n) \
	cpd_assert_has((h), (n), true, __LINE__, __FILE__, #h " contains " #n)
#define CPD_ASSERT_LACKS(h, n) \
	cpd_assert_has((h), (n), false, __LINE__, __FILE__, #h " lacks " #n)
#define CPD_ASSERT_INT_EQ(a, e)                                        \
	cpd_assert_i64((int64_t)(a), (int64_t)(e), __LINE__, __FILE__, \
		       #a " == " #e)
#define CPD_ASSERT_UINT_EQ(a, e)                                         \
	cpd_assert_u64((uint64_t)(a), (uint64_t)(e), __LINE__, __FILE__, \
		       #a " == " #e)

#endif /* CPD_TEST_H */
