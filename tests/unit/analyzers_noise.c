// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The noise filter the file and mmap analyzers share (plugins/lib/noise.c):
 * the built-in rules (the original Compendium's, and the C library's
 * locale start-up), extra patterns, and untrusted bytes handled as bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "lib/noise.h"

static bool builtin(const char *path)
{
	return noise_builtin(path, strlen(path));
}

static void test_builtin_rules(void)
{
	static const char *const hidden[] = {
		"/proc/self/status",
		"/proc/1/maps",
		"/sys/kernel/mm",
		"/dev/null",
		"/dev/shm/x",
		"/etc/ld.so.cache",
		"/etc/ld.so.preload",
		"/lib64/ld-linux-x86-64.so.2",
		"/usr/lib/x86_64-linux-gnu/libc.so.6",
		"/lib/libz.so",
		"/lib64/libm.so.6",
		"/usr/lib64/libfoo.so.1.2.3",
		"/nix/store/abc-glibc/lib/libc.so.6",
		"/usr/lib/x86_64-linux-gnu/glibc-hwcaps/x86-64-v3/libc.so.6",
		"/opt/ld-linux-custom",
		/* the C library's locale start-up and its fallbacks */
		"/usr/lib/locale/locale-archive",
		"/usr/lib/locale/C.UTF-8/LC_CTYPE",
		"/usr/lib/locale/C.utf8/LC_MESSAGES/SYS_LC_MESSAGES",
		"/usr/lib64/locale/locale-archive",
		"/etc/locale.alias",
		"/usr/share/locale/locale.alias",
		"/usr/share/locale/C.UTF-8/LC_MESSAGES/bfd.mo",
		"/usr/local/share/locale/de/LC_MESSAGES/app.mo",
		"/opt/app/share/locale/fr/LC_MESSAGES/app.mo",
		"/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache",
		"/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.d/x.conf",
		"/usr/lib64/gconv/UTF-16.so",
	};
	static const char *const shown[] = {
		"/proc",
		"/sys",
		"/dev",
		"proc/x",
		"/etc/hosts",
		"/usr/local/lib/libfoo.so", /* not a library dir */
		"/opt/app/libbar.so.1",
		"/usr/lib/python3/foo.sox", /* neither .so nor .so. */
		"/etc/locale.conf",
		"/home/u/LC_MESSAGES/notes.txt", /* not a catalog */
		"/home/u/gconv/x",		 /* not a library dir */
		"/usr/lib/localex/y",
		"libc.so.6", /* relative */
		"/home/u/lib/x.so",
		"",
		"/",
	};
	size_t i;

	for (i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
		if (!builtin(hidden[i])) {
			CU_FAIL("a path that must be hidden is not");
			fprintf(stderr, "  shown: %s\n", hidden[i]);
		}
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if (builtin(shown[i])) {
			CU_FAIL("a path that must be shown is hidden");
			fprintf(stderr, "  hidden: %s\n", shown[i]);
		}
	CU_ASSERT_FALSE(noise_builtin(NULL, 0));
}

/* Lengths are the truth: no reading past them, no stopping at a NUL. */
static void test_counted_bytes(void)
{
	const char buf[] = "/proc/self/statusXXXX";
	const char nul[] = "/home/x\0/proc/y";

	CU_ASSERT_TRUE(noise_builtin(buf, 6));		     /* "/proc/" */
	CU_ASSERT_FALSE(noise_builtin(buf, 5));		     /* "/proc" */
	CU_ASSERT_FALSE(noise_builtin("/usr/lib/a.so", 12)); /* "...a.s" */
	CU_ASSERT_TRUE(noise_builtin("/usr/lib/a.so", 13));
	CU_ASSERT_FALSE(noise_builtin(nul, sizeof(nul) - 1));
}

static void test_patterns(void)
{
	const char *const extra[] = {
		"/home/me/.cache/", "*.pyc", "/tmp/build-*",
		"/srv/exact.txt",   "",	     NULL,
	};
	struct noise n;

	CU_ASSERT_EQUAL_FATAL(noise_init(&n, true, extra), 0);
	CPD_ASSERT_UINT_EQ(n.nglobs, 4); /* the empty one is dropped */
	CU_ASSERT_TRUE(noise_match(&n, "/home/me/.cache", 15));
	CU_ASSERT_TRUE(noise_match(&n, "/home/me/.cache/a/b", 19));
	CU_ASSERT_FALSE(noise_match(&n, "/home/me/.cacheX", 16));
	CU_ASSERT_TRUE(noise_match(&n, "/src/a/b/x.pyc", 14));
	CU_ASSERT_TRUE(noise_match(&n, "/tmp/build-1/obj.o", 18));
	CU_ASSERT_TRUE(noise_match(&n, "/srv/exact.txt", 14));
	CU_ASSERT_FALSE(noise_match(&n, "/srv/exact.txt2", 15));
	CU_ASSERT_TRUE(noise_match(&n, "/proc/1/stat", 12)); /* built-in */
	CU_ASSERT_FALSE(noise_match(&n, "/etc/hosts", 10));
	/* an embedded NUL makes no real path: patterns do not see a prefix */
	CU_ASSERT_FALSE(noise_match(&n, "/srv/exact.txt\0x", 16));
	CU_ASSERT_FALSE(noise_match(&n, NULL, 0));
	noise_free(&n);
	CU_ASSERT_PTR_NULL(n.globs);
	noise_free(&n); /* twice is harmless */
}

static void test_builtin_off(void)
{
	const char *const extra[] = { "/data", NULL };
	struct noise n;
	char *longpath;

	CU_ASSERT_EQUAL_FATAL(noise_init(&n, false, extra), 0);
	CU_ASSERT_FALSE(noise_match(&n, "/proc/self/status", 17));
	CU_ASSERT_FALSE(noise_match(&n, "/usr/lib/libc.so.6", 18));
	CU_ASSERT_TRUE(noise_match(&n, "/data/x", 7));
	/* longer than the stack buffer: matched all the same */
	longpath = malloc(10000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(longpath);
	memset(longpath, 'a', 10000);
	memcpy(longpath, "/data/", 6);
	CU_ASSERT_TRUE(noise_match(&n, longpath, 10000));
	longpath[1] = 'x';
	CU_ASSERT_FALSE(noise_match(&n, longpath, 10000));
	free(longpath);
	noise_free(&n);

	CU_ASSERT_EQUAL_FATAL(noise_init(&n, false, NULL), 0);
	CU_ASSERT_FALSE(noise_match(&n, "/data/x", 7));
	noise_free(&n);
}

static CU_TestInfo noise_tests[] = {
	{ "builtin_rules", test_builtin_rules },
	{ "counted_bytes", test_counted_bytes },
	{ "patterns", test_patterns },
	{ "builtin_off", test_builtin_off },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "noise", .pTests = noise_tests },
	CU_SUITE_INFO_NULL,
};
