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

/* What the runs released, in order: "F:x" failure, "P:x" probe, "D:x". */
struct released {
	char log[256][32];
	size_t n;
};

static void record(void *arg, void *item, enum search_outcome how)
{
	struct released *r = arg;

	if (r->n < 256)
		snprintf(r->log[r->n++], sizeof(r->log[0]), "%c:%s",
			 how == SEARCH_PROBE   ? 'P' :
			 how == SEARCH_FAILURE ? 'F' :
						 'D',
			 (const char *)item);
}

static void hold(struct search_runs *r, int32_t tid, const char *path)
{
	char *item = search_hold(r, tid, path, strlen(path));

	CU_ASSERT_PTR_NOT_NULL_FATAL(item);
	snprintf(item, 32, "%s", path);
}

static void test_runs(void)
{
	struct released got = { .n = 0 };
	struct search_runs r;
	char path[32];
	unsigned i;

	search_runs_init(&r, 32, record, &got);
	CU_ASSERT_FALSE(search_holding(&r));
	hold(&r, 1, "/a/x.h");
	hold(&r, 2, "/a/y.h");
	hold(&r, 1, "/b/z.h");
	hold(&r, 1, "/b/x.h");
	CU_ASSERT_TRUE(search_holding(&r));
	CPD_ASSERT_UINT_EQ(got.n, 0);
	/* thread 1 found x.h: its two x.h were probes, z.h a failure */
	search_end(&r, 1, "/c/x.h", 6);
	CPD_ASSERT_UINT_EQ(got.n, 3);
	CPD_ASSERT_STR_EQ(got.log[0], "P:/a/x.h");
	CPD_ASSERT_STR_EQ(got.log[1], "F:/b/z.h");
	CPD_ASSERT_STR_EQ(got.log[2], "P:/b/x.h");
	/* nothing held: nothing happens */
	search_end(&r, 1, "/c/x.h", 6);
	CPD_ASSERT_UINT_EQ(got.n, 3);
	/* no name to compare: not held */
	CU_ASSERT_PTR_NULL(search_hold(&r, 3, "/", 1));
	/* a full run lets its oldest go as a failure */
	for (i = 0; i <= SEARCH_RUN_MAX; i++) {
		snprintf(path, sizeof(path), "/d%u/w.h", i);
		hold(&r, 4, path);
	}
	CPD_ASSERT_UINT_EQ(got.n, 4);
	CPD_ASSERT_STR_EQ(got.log[3], "F:/d0/w.h");
	search_end_all(&r);
	CPD_ASSERT_STR_EQ(got.log[4], "F:/a/y.h");
	CPD_ASSERT_UINT_EQ(got.n, 5 + SEARCH_RUN_MAX);
	CU_ASSERT_FALSE(search_holding(&r));
	/* too many threads: the next one is not held */
	for (i = 0; i < SEARCH_RUNS_MAX; i++)
		hold(&r, (int32_t)(100 + i), "/e/v.h");
	CU_ASSERT_PTR_NULL(search_hold(&r, 99, "/e/v.h", 6));
	/* freeing drops what is left */
	got.n = 0;
	search_runs_free(&r);
	CPD_ASSERT_UINT_EQ(got.n, SEARCH_RUNS_MAX);
	CPD_ASSERT_STR_EQ(got.log[0], "D:/e/v.h");
}

static void test_ends_run(void)
{
	CU_ASSERT_TRUE(search_ends_run("read"));
	CU_ASSERT_TRUE(search_ends_run("pwritev2"));
	CU_ASSERT_TRUE(search_ends_run("exit_group"));
	CU_ASSERT_FALSE(search_ends_run("openat"));
	CU_ASSERT_FALSE(search_ends_run("newfstatat"));
	CU_ASSERT_FALSE(search_ends_run("mmap"));
	CU_ASSERT_FALSE(search_ends_run(NULL));
}

static CU_TestInfo search_tests[] = {
	{ "same_name", test_same_name },
	{ "counted_bytes", test_counted_bytes },
	{ "errnos", test_errnos },
	{ "runs", test_runs },
	{ "ends_run", test_ends_run },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "search", .pTests = search_tests },
	CU_SUITE_INFO_NULL,
};
