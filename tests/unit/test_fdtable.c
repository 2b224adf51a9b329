// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The fd table (core/engine/fdtable.c) against the kernel's rules: dup never
 * copies close-on-exec, dup3(O_CLOEXEC) sets it, exec drops exactly the
 * close-on-exec fds, close_range closes or only marks, fork copies and
 * CLONE_FILES shares. Strings are owned per entry: valgrind checks that
 * nothing points into a freed or moved entry.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cpd_test.h"
#include "engine/fdtable.h"

static void set_file(struct fdtable *t, int fd, const char *path, bool cloexec)
{
	struct cpd_fdinfo info;
	char buf[256];

	/* from a buffer that dies here: the table must copy it */
	snprintf(buf, sizeof(buf), "%s", path);
	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_FILE;
	info.open_flags = O_RDONLY;
	info.flags = cloexec ? CPD_FDF_CLOEXEC : 0;
	info.path.ptr = buf;
	info.path.len = (uint32_t)strlen(buf);
	CU_ASSERT_PTR_NOT_NULL(fdtable_set(t, fd, &info));
	memset(buf, 'X', sizeof(buf) - 1);
}

static const char *path_of(struct fdtable *t, int fd)
{
	struct fd_entry *e = fdtable_get(t, fd);

	return e ? e->info.path.ptr : NULL;
}

static bool cloexec(struct fdtable *t, int fd)
{
	struct fd_entry *e = fdtable_get(t, fd);

	return e && (e->info.flags & CPD_FDF_CLOEXEC);
}

static void test_set_get(void)
{
	struct fdtable *t = fdtable_new();
	struct fd_entry *e;

	CPD_ASSERT_UINT_EQ(fdtable_count(t), 0);
	CU_ASSERT_PTR_NULL(fdtable_get(t, 0));
	set_file(t, 3, "/etc/hosts", false);
	e = fdtable_get(t, 3);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CPD_ASSERT_INT_EQ(e->info.fd, 3);
	CPD_ASSERT_UINT_EQ(e->info.kind, CPD_FD_FILE);
	CPD_ASSERT_STR_EQ(e->info.path.ptr, "/etc/hosts");
	CPD_ASSERT_UINT_EQ(e->info.path.len, 10);
	CU_ASSERT_PTR_NULL(fdtable_get(t, 4));
	CU_ASSERT_PTR_NULL(fdtable_get(t, -1));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 1);
	/* replacing an fd replaces everything about it */
	set_file(t, 3, "/etc/passwd", true);
	CPD_ASSERT_STR_EQ(path_of(t, 3), "/etc/passwd");
	CU_ASSERT_TRUE(cloexec(t, 3));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 1);
	fdtable_close(t, 3);
	CU_ASSERT_PTR_NULL(fdtable_get(t, 3));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 0);
	fdtable_close(t, 3); /* twice: harmless */
	fdtable_close(t, 99999);
	fdtable_close(t, -1);
	fdtable_unref(t);
}

static void test_dup(void)
{
	struct fdtable *t = fdtable_new();

	set_file(t, 3, "/a", true);
	set_file(t, 6, "/six", false);

	/* dup/dup2: a copy of the file without close-on-exec */
	fdtable_dup(t, 3, 4, false);
	CPD_ASSERT_STR_EQ(path_of(t, 4), "/a");
	CPD_ASSERT_INT_EQ(fdtable_get(t, 4)->info.fd, 4);
	CU_ASSERT_FALSE(cloexec(t, 4));
	CU_ASSERT_TRUE(cloexec(t, 3));
	/* dup3(O_CLOEXEC) and F_DUPFD_CLOEXEC */
	fdtable_dup(t, 4, 5, true);
	CU_ASSERT_TRUE(cloexec(t, 5));
	CU_ASSERT_FALSE(cloexec(t, 4));
	/* onto an open fd: it is replaced */
	fdtable_dup(t, 3, 6, false);
	CPD_ASSERT_STR_EQ(path_of(t, 6), "/a");
	/* dup2(fd, fd) changes nothing, not even close-on-exec */
	fdtable_dup(t, 3, 3, false);
	CU_ASSERT_TRUE(cloexec(t, 3));
	/* each copy owns its strings */
	fdtable_close(t, 3);
	CPD_ASSERT_STR_EQ(path_of(t, 4), "/a");
	CPD_ASSERT_STR_EQ(path_of(t, 5), "/a");

	/* from an fd we know nothing about: the target becomes unknown too */
	set_file(t, 7, "/stale", false);
	fdtable_dup(t, 9, 7, false);
	CU_ASSERT_PTR_NULL(fdtable_get(t, 7));

	/* a dup that grows the table while reading its own entry */
	fdtable_dup(t, 4, 700, true);
	CPD_ASSERT_STR_EQ(path_of(t, 700), "/a");
	CPD_ASSERT_STR_EQ(path_of(t, 4), "/a");
	CU_ASSERT_TRUE(cloexec(t, 700));
	fdtable_unref(t);
}

static void test_close_range(void)
{
	struct fdtable *t = fdtable_new();
	char p[16];
	int fd;

	for (fd = 3; fd <= 10; fd++) {
		snprintf(p, sizeof(p), "/f%d", fd);
		set_file(t, fd, p, false);
	}
	fdtable_close_range(t, 4, 6, false);
	CU_ASSERT_PTR_NOT_NULL(fdtable_get(t, 3));
	CU_ASSERT_PTR_NULL(fdtable_get(t, 4));
	CU_ASSERT_PTR_NULL(fdtable_get(t, 6));
	CPD_ASSERT_STR_EQ(path_of(t, 7), "/f7");
	/* CLOSE_RANGE_CLOEXEC: everything stays, marked */
	fdtable_close_range(t, 7, ~0u, true);
	for (fd = 7; fd <= 10; fd++) {
		CU_ASSERT_PTR_NOT_NULL(fdtable_get(t, fd));
		CU_ASSERT_TRUE(cloexec(t, fd));
	}
	CU_ASSERT_FALSE(cloexec(t, 3));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 5);
	/* past the end, and an empty range: nothing */
	fdtable_close_range(t, 1000, 2000, false);
	fdtable_close_range(t, 8, 7, false);
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 5);
	/* ~0U as last: to the end */
	fdtable_close_range(t, 0, ~0u, false);
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 0);
	fdtable_unref(t);
}

static void test_exec(void)
{
	struct fdtable *t = fdtable_new();

	set_file(t, 0, "/dev/null", false);
	set_file(t, 1, "/out", false);
	set_file(t, 3, "/gone", true);
	set_file(t, 4, "/kept", false);
	fdtable_set_cloexec(t, 4, true);
	fdtable_set_cloexec(t, 4, false);
	set_file(t, 5, "/marked", false);
	fdtable_set_cloexec(t, 5, true);
	fdtable_set_cloexec(t, 42, true); /* unknown fd: nothing */
	fdtable_exec(t);
	CU_ASSERT_PTR_NOT_NULL(fdtable_get(t, 0));
	CU_ASSERT_PTR_NOT_NULL(fdtable_get(t, 1));
	CU_ASSERT_PTR_NULL(fdtable_get(t, 3));
	CPD_ASSERT_STR_EQ(path_of(t, 4), "/kept");
	CU_ASSERT_PTR_NULL(fdtable_get(t, 5));
	CU_ASSERT_PTR_NULL(fdtable_get(t, 42));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), 3);
	fdtable_unref(t);
}

static void test_copy_is_independent(void)
{
	struct fdtable *t = fdtable_new(), *c;

	set_file(t, 3, "/shared/before/fork", false);
	c = fdtable_copy(t);
	CU_ASSERT_PTR_NOT_EQUAL(c, t);
	CPD_ASSERT_STR_EQ(path_of(c, 3), "/shared/before/fork");
	CU_ASSERT_PTR_NOT_EQUAL(path_of(c, 3), path_of(t, 3));
	set_file(c, 4, "/child/only", false);
	CU_ASSERT_PTR_NULL(fdtable_get(t, 4));
	fdtable_close(t, 3);
	CPD_ASSERT_STR_EQ(path_of(c, 3), "/shared/before/fork");
	/* a copy of an empty table is usable */
	fdtable_unref(t);
	t = fdtable_new();
	fdtable_unref(c);
	c = fdtable_copy(t);
	CPD_ASSERT_UINT_EQ(fdtable_count(c), 0);
	set_file(c, 1, "/x", false);
	CPD_ASSERT_UINT_EQ(fdtable_count(c), 1);
	fdtable_unref(c);
	fdtable_unref(t);
}

static void test_shared_ref(void)
{
	struct fdtable *t = fdtable_new(), *r;

	CPD_ASSERT_UINT_EQ(t->refs, 1);
	r = fdtable_ref(t);
	CU_ASSERT_PTR_EQUAL(r, t);
	CPD_ASSERT_UINT_EQ(t->refs, 2);
	/* a CLONE_FILES thread opens: the other sees it */
	set_file(r, 5, "/thread", false);
	CPD_ASSERT_STR_EQ(path_of(t, 5), "/thread");
	fdtable_close(t, 5);
	CU_ASSERT_PTR_NULL(fdtable_get(r, 5));
	/* one holder gone: the table lives on for the other */
	fdtable_unref(r);
	CPD_ASSERT_UINT_EQ(t->refs, 1);
	set_file(t, 6, "/still", false);
	CPD_ASSERT_STR_EQ(path_of(t, 6), "/still");
	fdtable_unref(t);
	fdtable_unref(NULL);
}

static void test_growth(void)
{
	static const int fds[] = { 63, 64, 65, 127, 128, 200, 1000, 4096 };
	struct fdtable *t = fdtable_new();
	struct cpd_fdinfo alias;
	char p[32];
	size_t i;

	set_file(t, 3, "/low", false);
	for (i = 0; i < ARRAY_SIZE(fds); i++) {
		snprintf(p, sizeof(p), "/fd%d", fds[i]);
		set_file(t, fds[i], p, false);
	}
	CPD_ASSERT_STR_EQ(path_of(t, 3), "/low");
	for (i = 0; i < ARRAY_SIZE(fds); i++) {
		snprintf(p, sizeof(p), "/fd%d", fds[i]);
		CPD_ASSERT_STR_EQ(path_of(t, fds[i]), p);
	}
	CU_ASSERT_PTR_NULL(fdtable_get(t, 4095));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), ARRAY_SIZE(fds) + 1);
	/* set from an entry of the same table while it grows */
	alias = fdtable_get(t, 3)->info;
	CU_ASSERT_PTR_NOT_NULL(fdtable_set(t, 9000, &fdtable_get(t, 3)->info));
	CPD_ASSERT_STR_EQ(path_of(t, 9000), "/low");
	CPD_ASSERT_INT_EQ(fdtable_get(t, 9000)->info.fd, 9000);
	CU_ASSERT_PTR_NOT_EQUAL(path_of(t, 9000), alias.path.ptr);

	/* past the kernel's nr_open default: not tracked */
	CU_ASSERT_PTR_NULL(fdtable_set(t, FDTABLE_MAX_FD, &alias));
	CU_ASSERT_PTR_NULL(fdtable_set(t, -1, &alias));
	CU_ASSERT_PTR_NULL(fdtable_get(t, FDTABLE_MAX_FD));
	fdtable_dup(t, 3, FDTABLE_MAX_FD + 1, false);
	CU_ASSERT_PTR_NULL(fdtable_get(t, FDTABLE_MAX_FD + 1));
	CPD_ASSERT_UINT_EQ(fdtable_count(t), ARRAY_SIZE(fds) + 2);
	fdtable_unref(t);
}

static void test_socket_addresses(void)
{
	struct fdtable *t = fdtable_new(), *c;
	struct cpd_fdinfo info;
	struct cpd_sockaddr sa;
	char path[64];

	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_SOCKET;
	info.sock_family = AF_UNIX;
	info.sock_type = SOCK_STREAM;
	fdtable_set(t, 5, &info);

	memset(&sa, 0, sizeof(sa));
	sa.family = AF_UNIX;
	snprintf(path, sizeof(path), "/run/first.sock");
	sa.path.ptr = path;
	sa.path.len = (uint32_t)strlen(path);
	fdtable_set_addr(t, 5, true, &sa);
	snprintf(path, sizeof(path), "/run/local.sock");
	sa.path.len = (uint32_t)strlen(path);
	fdtable_set_addr(t, 5, false, &sa);
	/* a second peer replaces the first (and frees it) */
	snprintf(path, sizeof(path), "/run/peer.sock");
	sa.path.len = (uint32_t)strlen(path);
	fdtable_set_addr(t, 5, true, &sa);
	memset(path, 'X', sizeof(path) - 1);
	fdtable_set_addr(t, 77, true, &sa); /* unknown fd: nothing */

	CPD_ASSERT_STR_EQ(fdtable_get(t, 5)->info.peer.path.ptr,
			  "/run/peer.sock");
	CPD_ASSERT_STR_EQ(fdtable_get(t, 5)->info.local.path.ptr,
			  "/run/local.sock");
	CPD_ASSERT_UINT_EQ(fdtable_get(t, 5)->info.peer.family, AF_UNIX);
	/* forks and dups keep their own copies of the addresses */
	c = fdtable_copy(t);
	fdtable_dup(t, 5, 6, false);
	fdtable_close(t, 5);
	CPD_ASSERT_STR_EQ(fdtable_get(c, 5)->info.peer.path.ptr,
			  "/run/peer.sock");
	CPD_ASSERT_STR_EQ(fdtable_get(t, 6)->info.local.path.ptr,
			  "/run/local.sock");
	fdtable_unref(c);
	fdtable_unref(t);
}

static CU_TestInfo fdtable_tests[] = {
	{ "set_get_close", test_set_get },
	{ "dup_dup2_dup3", test_dup },
	{ "close_range_both_modes", test_close_range },
	{ "exec_drops_cloexec_only", test_exec },
	{ "copy_is_independent", test_copy_is_independent },
	{ "shared_ref_sees_changes", test_shared_ref },
	{ "growth_and_limit", test_growth },
	{ "socket_addresses_owned", test_socket_addresses },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "fdtable", .pTests = fdtable_tests },
	CU_SUITE_INFO_NULL,
};
