// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Searches (plugins/lib/search.c): which failed open an open of which
 * name ends, on the searches real programs make, with bytes as bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cpd_test.h"
#include "lib/search.h"

static bool same(const char *a, const char *b)
{
	return search_same(a, strlen(a), b, strlen(b));
}

static void test_same_name(void)
{
	static const char *const found[][2] = {
		/* cc1: the next include directory */
		{ "/usr/local/include/stdio.h", "/usr/include/stdio.h" },
		{ "/usr/lib/gcc/x86_64-linux-gnu/12/include/bits/types.h",
		  "/usr/include/x86_64-linux-gnu/bits/types.h" },
		/* ld: the archive is not there, the shared library is */
		{ "/usr/lib/gcc/x86_64-linux-gnu/12/libc.a",
		  "/usr/lib/x86_64-linux-gnu/libc.so" },
		{ "libgcc_s.so.1", "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1" },
		/* python: no cached bytecode, the source */
		{ "/app/__pycache__/mod.cpython-311.pyc", "/app/mod.py" },
		/* the C library: C.UTF-8, then C.utf8 */
		{ "/usr/lib/locale/C.UTF-8/LC_CTYPE",
		  "/usr/lib/locale/C.utf8/LC_CTYPE" },
		/* a dot file is named by what follows its dot */
		{ "/home/u/.bashrc", "/etc/skel/.bashrc" },
		{ "/a/dir/", "/b/dir" },
	};
	static const char *const other[][2] = {
		{ "/etc/app.conf", "/etc/hosts" },
		{ "/usr/include/stdio.h", "/usr/include/stdlib.h" },
		{ "/x/libc.a", "/x/libcrypt.so" },
		{ "/", "/" },
		{ "", "" },
		{ "/a/.", "/b/." },
	};
	size_t i;

	for (i = 0; i < sizeof(found) / sizeof(found[0]); i++)
		if (!same(found[i][0], found[i][1])) {
			CU_FAIL("a search's probe is not matched");
			fprintf(stderr, "  %s -> %s\n", found[i][0],
				found[i][1]);
		}
	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		if (same(other[i][0], other[i][1])) {
			CU_FAIL("another name matched");
			fprintf(stderr, "  %s -> %s\n", other[i][0],
				other[i][1]);
		}
	CU_ASSERT_FALSE(search_same(NULL, 0, "x", 1));
}

/* Lengths are the truth: bytes past them and NULs are not the name. */
static void test_counted_bytes(void)
{
	const char a[] = "/d/x.h\0/e/y.h";
	size_t off, n;

	search_stem(a, 6, &off, &n);
	CPD_ASSERT_UINT_EQ(off, 3);
	CPD_ASSERT_UINT_EQ(n, 1);
	CU_ASSERT_TRUE(search_same(a, 6, "/z/x.c", 6));
	CU_ASSERT_FALSE(search_same(a, sizeof(a) - 1, "/z/x.c", 6));
	CU_ASSERT_TRUE(search_same("/q/\xff\xfe.h", 7, "\xff\xfe", 2));
}

static void test_errnos(void)
{
	CU_ASSERT_TRUE(search_errno(ENOENT));
	CU_ASSERT_TRUE(search_errno(ENOTDIR));
	CU_ASSERT_FALSE(search_errno(EACCES));
	CU_ASSERT_FALSE(search_errno(ELOOP));
	CU_ASSERT_FALSE(search_errno(0));
}

static CU_TestInfo search_tests[] = {
	{ "same_name", test_same_name },
	{ "counted_bytes", test_counted_bytes },
	{ "errnos", test_errnos },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "search", .pTests = search_tests },
	CU_SUITE_INFO_NULL,
};
