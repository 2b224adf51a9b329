// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The file analyzer (plugins/analyzers/file.c) against the fake host: open flags,
 * failed opens, which fds are file I/O, the noise filter applied to an
 * fd's I/O as to its open, zero-copy transfers, the "hide" option, and
 * the exact report schema.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_PATH */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

static struct fake_host *start(bool verbose)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "file");

	fake_host_run_info(fh)->verbose = verbose;
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

/* openat(AT_FDCWD, arg, flags) = ret, the fd table knowing it as real. */
static int feed_openat(struct fake_host *fh, const char *arg, uint32_t flags,
		       int64_t ret, const char *real)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, "openat", ret);
	fake_syscall_raw(&sc, 0, (uint64_t)(int64_t)AT_FDCWD);
	fake_syscall_raw(&sc, 1, 0x1000);
	fake_syscall_str(&sc, 1, arg);
	fake_syscall_raw(&sc, 2, flags);
	fake_syscall_raw(&sc, 3, 0644);
	if (ret >= 0 && real)
		fake_syscall_ret_fd(&sc, CPD_FD_FILE, real);
	return fake_host_feed(fh, &sc.ev);
}

/* name(fd, ...) = ret on an fd of kind with path. */
static int feed_io(struct fake_host *fh, const char *name, int fd,
		   enum cpd_fd_kind kind, const char *path, int64_t ret)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, name, ret);
	if (kind != CPD_FD_UNKNOWN)
		fake_syscall_fd(&sc, 0, fd, kind, path);
	else
		fake_syscall_raw(&sc, 0, (uint64_t)fd);
	return fake_host_feed(fh, &sc.ev);
}

static const struct cpd_event *last_file(struct fake_host *fh)
{
	size_t n = fake_host_count(fh, CPD_EV_FILE);

	return n ? fake_host_nth(fh, CPD_EV_FILE, n - 1) : NULL;
}

static uint64_t kv(struct fake_host *fh, const char *topic, size_t nth,
		   const char *key)
{
	const struct cpd_event *r = fake_host_report(fh, topic, nth);
	const struct cpd_kv *k = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(k);
	return k ? k->v.u64 : UINT64_MAX;
}

static const char *kv_str(struct fake_host *fh, const char *topic, size_t nth,
			  const char *key)
{
	const struct cpd_event *r = fake_host_report(fh, topic, nth);
	const struct cpd_kv *k = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(k);
	return k && k->type == CPD_KV_STR ? k->v.str.ptr : "";
}

static void test_open_flags(void)
{
	struct fake_host *fh = start(false);
	const struct cpd_event *ev;

	feed_openat(fh, "rel.txt", O_RDONLY, 3, "/home/u/rel.txt");
	ev = last_file(fh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	CPD_ASSERT_UINT_EQ(ev->u.file.op, CPD_FILE_OPEN);
	/* the resolved path wins over the argument */
	CPD_ASSERT_STR_EQ(ev->u.file.path.ptr, "/home/u/rel.txt");
	CPD_ASSERT_UINT_EQ(ev->u.file.flags, CPD_FILEF_READABLE);
	CPD_ASSERT_INT_EQ(ev->u.file.fd, 3);
	CPD_ASSERT_UINT_EQ(ev->u.file.mode, 0); /* no O_CREAT: no mode */
	CPD_ASSERT_STR_EQ(ev->u.file.syscall.ptr, "openat");
	CU_ASSERT_NOT_EQUAL(ev->u.file.cause_seq, 0);

	feed_openat(fh, "/w", O_WRONLY | O_CREAT | O_TRUNC, 4, "/w");
	ev = last_file(fh);
	CPD_ASSERT_UINT_EQ(ev->u.file.flags,
			   CPD_FILEF_WRITABLE | CPD_FILEF_CREATED);
	CPD_ASSERT_UINT_EQ(ev->u.file.mode, 0644);
	feed_openat(fh, "/rw", O_RDWR, 5, "/rw");
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags,
			   CPD_FILEF_READABLE | CPD_FILEF_WRITABLE);
	feed_openat(fh, "/p", O_PATH, 6, "/p");
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags, 0);
	/* the fd table could not say: the argument it is */
	feed_openat(fh, "plain", O_RDONLY, 7, NULL);
	CPD_ASSERT_STR_EQ(last_file(fh)->u.file.path.ptr, "plain");

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "opened_read"), 3);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "opened_write"), 2);
	fake_host_free(fh);
}

static void test_openat2_and_creat(void)
{
	struct fake_host *fh = start(false);
	struct cpd_open_how how = { O_WRONLY | O_CREAT, 0640, 0 };
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, "openat2", 3);
	fake_syscall_raw(&sc, 0, (uint64_t)(int64_t)AT_FDCWD);
	fake_syscall_str(&sc, 1, "/x");
	fake_syscall_raw(&sc, 2, 0x5000);
	fake_syscall_raw(&sc, 3, sizeof(how));
	/* the core decoded the struct */
	sc.ev.u.syscall.argdata[2].how = &how;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.open_flags,
			   O_WRONLY | O_CREAT);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.mode, 0640);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags,
			   CPD_FILEF_WRITABLE | CPD_FILEF_CREATED);
	/* an open_how the core could not read: the fd table's flags */
	sc.ev.u.syscall.argdata[2].how = NULL;
	fake_syscall_ret_fd(&sc, CPD_FD_FILE, "/x");
	sc.ret_fd.open_flags = O_RDWR;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.open_flags, O_RDWR);
	/* decoded data under another kind is not taken for an open_how */
	sc.ev.u.syscall.argdata[2].how = &how;
	sc.arg[2].kind = CPD_ARG_PTR;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.open_flags, O_RDWR);

	fake_syscall_init(&sc, 1, "creat", 4);
	fake_syscall_str(&sc, 0, "/c");
	fake_syscall_raw(&sc, 1, 0600);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags,
			   CPD_FILEF_WRITABLE | CPD_FILEF_CREATED);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.mode, 0600);
	fake_host_free(fh);
}

static void test_failed_opens(void)
{
	struct fake_host *fh = start(false);
	struct fake_syscall sc;

	/* held: it may be the first probe of a search */
	feed_openat(fh, "/etc/missing", O_RDONLY, -ENOENT, NULL);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 0);
	feed_openat(fh, "/etc/missing", O_RDONLY, -ENOENT, NULL);
	/* another error is not a search: it ends the run, in order */
	feed_openat(fh, "/etc/missing", O_RDONLY, -EACCES, NULL);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 3);
	CPD_ASSERT_UINT_EQ(fake_host_nth(fh, CPD_EV_FILE, 0)->u.file.op,
			   CPD_FILE_OPEN_FAILED);
	CPD_ASSERT_INT_EQ(fake_host_nth(fh, CPD_EV_FILE, 0)->u.file.err,
			  ENOENT);
	CPD_ASSERT_INT_EQ(fake_host_nth(fh, CPD_EV_FILE, 0)->u.file.fd, -1);
	CPD_ASSERT_UINT_EQ(fake_host_nth(fh, CPD_EV_FILE, 0)->u.file.flags, 0);
	CPD_ASSERT_INT_EQ(last_file(fh)->u.file.err, EACCES);
	feed_openat(fh, "/a/first", O_RDONLY, -EACCES, NULL);
	/* the loader probing library dirs is noise */
	feed_openat(fh, "/usr/lib/x86_64-linux-gnu/glibc-hwcaps/libc.so.6",
		    O_RDONLY, -ENOENT, NULL);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 4);
	/* relative to a directory fd: made absolute */
	fake_syscall_init(&sc, 1, "openat", -ENOENT);
	fake_syscall_fd(&sc, 0, 9, CPD_FD_DIR, "/srv/dir");
	fake_syscall_str(&sc, 1, "sub/x");
	fake_host_feed(fh, &sc.ev);
	/* an unreadable path still counts, with no row */
	fake_syscall_init(&sc, 1, "open", -EFAULT);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 6);
	CPD_ASSERT_STR_EQ(fake_host_nth(fh, CPD_EV_FILE, 4)->u.file.path.ptr,
			  "/srv/dir/sub/x");

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "open_failures"), 6);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_REPORT), 1 + 4);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 0, "path"), "/a/first");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 0, "error"), "EACCES");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 1, "path"), "/etc/missing");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 1, "error"), "ENOENT");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.failed", 1, "count"), 2);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 2, "error"), "EACCES");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.failed", 2, "count"), 1);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.failed", 3, "path"),
			  "/srv/dir/sub/x");
	fake_host_free(fh);
}

static const struct cpd_event *nth_file(struct fake_host *fh, size_t n)
{
	const struct cpd_event *ev = fake_host_nth(fh, CPD_EV_FILE, n);

	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	return ev;
}

/* A thread's ENOENT then EXIT, as the core publishes them. */
static int feed_exit(struct fake_host *fh, int32_t tid)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_PROC;
	ev.pid = tid;
	ev.tid = tid;
	ev.u.proc.op = CPD_PROC_EXIT;
	return fake_host_feed(fh, &ev);
}

/*
 * A run of failed opens that ends in an open of the same name was a
 * search: its failures are probes, published just before that open, in
 * their order. Any other end leaves them plain failures.
 */
static void test_probe_runs(void)
{
	struct fake_host *fh = start(false);
	const struct cpd_event *ev;

	/* cc1 looking for stdio.h */
	feed_openat(fh, "/usr/local/include/stdio.h", O_RDONLY, -ENOENT, NULL);
	feed_openat(fh, "/usr/include/x86_64-linux-gnu/stdio.h", O_RDONLY,
		    -ENOTDIR, NULL);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 0);
	feed_openat(fh, "/usr/include/stdio.h", O_RDONLY, 3,
		    "/usr/include/stdio.h");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 3);
	ev = nth_file(fh, 0);
	CPD_ASSERT_STR_EQ(ev->u.file.path.ptr, "/usr/local/include/stdio.h");
	CPD_ASSERT_UINT_EQ(ev->u.file.flags, CPD_FILEF_PROBE);
	CPD_ASSERT_STR_EQ(ev->u.file.syscall.ptr, "openat");
	CU_ASSERT_NOT_EQUAL(ev->u.file.cause_seq, 0);
	CPD_ASSERT_INT_EQ(ev->tid, 1);
	CPD_ASSERT_UINT_EQ(nth_file(fh, 1)->u.file.flags, CPD_FILEF_PROBE);
	CPD_ASSERT_UINT_EQ(nth_file(fh, 2)->u.file.op, CPD_FILE_OPEN);
	/* the held events kept their own time */
	CU_ASSERT_TRUE(nth_file(fh, 0)->ts_ns <= nth_file(fh, 2)->ts_ns);

	/* the linker: libc.a is not there, libc.so is */
	feed_openat(fh, "/usr/lib/gcc/x/12/libc.a", O_RDONLY, -ENOENT, NULL);
	feed_openat(fh, "/home/u/libc.so", O_RDONLY, 4, "/home/u/libc.so");
	CPD_ASSERT_UINT_EQ(nth_file(fh, 3)->u.file.flags, CPD_FILEF_PROBE);

	/* another name found: the failure was a failure */
	feed_openat(fh, "/etc/app.conf", O_RDONLY, -ENOENT, NULL);
	feed_openat(fh, "/etc/hosts", O_RDONLY, 5, "/etc/hosts");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 7);
	CPD_ASSERT_STR_EQ(nth_file(fh, 5)->u.file.path.ptr, "/etc/app.conf");
	CPD_ASSERT_UINT_EQ(nth_file(fh, 5)->u.file.flags, 0);

	/* the thread moved on (a write to its terminal): a failure */
	feed_openat(fh, "/etc/app.conf", O_RDONLY, -ENOENT, NULL);
	feed_io(fh, "write", 2, CPD_FD_TTY, "/dev/pts/0", 30);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 8);
	feed_openat(fh, "/etc/app.conf", O_RDONLY, 6, "/etc/app.conf");
	CPD_ASSERT_UINT_EQ(nth_file(fh, 7)->u.file.flags, 0);

	/* so does exiting */
	feed_openat(fh, "/x/data.csv", O_RDONLY, -ENOENT, NULL);
	feed_exit(fh, 1);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 10);
	CPD_ASSERT_STR_EQ(last_file(fh)->u.file.path.ptr, "/x/data.csv");
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags, 0);

	/* each thread has its own run */
	{
		struct fake_syscall sc;

		feed_openat(fh, "/a/one.h", O_RDONLY, -ENOENT, NULL);
		fake_syscall_init(&sc, 2, "openat", -ENOENT);
		fake_syscall_raw(&sc, 0, (uint64_t)(int64_t)AT_FDCWD);
		fake_syscall_str(&sc, 1, "/a/two.h");
		fake_host_feed(fh, &sc.ev);
		feed_openat(fh, "/b/one.h", O_RDONLY, 7, "/b/one.h");
		CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 12);
		CPD_ASSERT_STR_EQ(nth_file(fh, 10)->u.file.path.ptr,
				  "/a/one.h");
		CPD_ASSERT_UINT_EQ(nth_file(fh, 10)->u.file.flags,
				   CPD_FILEF_PROBE);
	}
	/* what is still held at the end goes out as it was */
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 13);
	CPD_ASSERT_STR_EQ(last_file(fh)->u.file.path.ptr, "/a/two.h");
	CPD_ASSERT_INT_EQ(last_file(fh)->tid, 2);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.flags, 0);
	/* every failure counts in the report, probes too */
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "open_failures"), 8);
	fake_host_free(fh);
}

/*
 * A search that finds a hidden file (the linker finding libgcc_s.so.1 in
 * a library directory) is the machinery's: its probes are hidden with it.
 * With -v nothing is held.
 */
static void test_probe_hidden(void)
{
	struct fake_host *fh = start(false);

	feed_openat(fh, "libgcc_s.so.1", O_RDONLY, -ENOENT, NULL);
	/* a hidden failure in the middle neither shows nor ends the run */
	feed_openat(fh, "/usr/lib/gcc/x/12/libgcc_s.so.1", O_RDONLY, -ENOENT,
		    NULL);
	feed_openat(fh, "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1", O_RDONLY, 3,
		    "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 0);
	fake_host_free(fh);

	/* -v: everything, as it happens: the stream has every call anyway */
	fh = start(true);
	feed_openat(fh, "libgcc_s.so.1", O_RDONLY, -ENOENT, NULL);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 1);
	CPD_ASSERT_UINT_EQ(nth_file(fh, 0)->u.file.flags, 0);
	feed_openat(fh, "/usr/lib/gcc/x/12/libgcc_s.so.1", O_RDONLY, -ENOENT,
		    NULL);
	feed_openat(fh, "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1", O_RDONLY, 3,
		    "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 3);
	CPD_ASSERT_UINT_EQ(nth_file(fh, 1)->u.file.flags, CPD_FILEF_HIDDEN);
	CPD_ASSERT_UINT_EQ(nth_file(fh, 2)->u.file.flags,
			   CPD_FILEF_READABLE | CPD_FILEF_HIDDEN);
	fake_host_free(fh);
}

/* A run is bounded: past its room the oldest failure goes as it was. */
static void test_probe_run_bounded(void)
{
	struct fake_host *fh = start(false);
	char path[64];
	unsigned i;

	for (i = 0; i < 200; i++) {
		snprintf(path, sizeof(path), "/dir%u/x.h", i);
		feed_openat(fh, path, O_RDONLY, -ENOENT, NULL);
	}
	/* 128 held, the 72 oldest published as plain failures */
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 72);
	CPD_ASSERT_STR_EQ(nth_file(fh, 0)->u.file.path.ptr, "/dir0/x.h");
	CPD_ASSERT_UINT_EQ(nth_file(fh, 0)->u.file.flags, 0);
	feed_openat(fh, "/found/x.h", O_RDONLY, 3, "/found/x.h");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 201);
	CPD_ASSERT_STR_EQ(nth_file(fh, 72)->u.file.path.ptr, "/dir72/x.h");
	CPD_ASSERT_UINT_EQ(nth_file(fh, 72)->u.file.flags, CPD_FILEF_PROBE);
	fake_host_free(fh);
}

/* Only fds the core knows as files are file I/O. */
static void test_io_kinds(void)
{
	struct fake_host *fh = start(false);

	feed_io(fh, "read", 3, CPD_FD_FILE, "/f", 100);
	feed_io(fh, "pread64", 3, CPD_FD_FILE, "/f", 20);
	feed_io(fh, "readv", 3, CPD_FD_FILE, "/f", 3);
	feed_io(fh, "preadv2", 3, CPD_FD_FILE, "/f", 4);
	feed_io(fh, "write", 3, CPD_FD_FILE, "/f", 50);
	feed_io(fh, "pwritev", 3, CPD_FD_FILE, "/f", 6);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 6);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.op, CPD_FILE_WRITE);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.bytes, 6);
	/* not files, nothing moved, or failed */
	feed_io(fh, "read", 4, CPD_FD_SOCKET, NULL, 100);
	feed_io(fh, "write", 5, CPD_FD_PIPE, NULL, 100);
	feed_io(fh, "write", 1, CPD_FD_TTY, "/dev/pts/0", 100);
	feed_io(fh, "write", 6, CPD_FD_DEVICE, "/dev/null", 100);
	feed_io(fh, "read", 7, CPD_FD_DIR, "/d", 100);
	feed_io(fh, "read", 8, CPD_FD_UNKNOWN, NULL, 100);
	feed_io(fh, "read", 3, CPD_FD_FILE, "/f", 0);
	feed_io(fh, "read", 3, CPD_FD_FILE, "/f", -EIO);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 6);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "read_bytes"), 127);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "written_bytes"), 56);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 0, "path"), "/f");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.files", 0, "reads"), 4);
	CPD_ASSERT_UINT_EQ(kv(fh, "file.files", 0, "writes"), 2);
	CPD_ASSERT_UINT_EQ(kv(fh, "file.files", 0, "opens"), 0);
	fake_host_free(fh);
}

/* The filter hides the I/O on a hidden file as it hides its open. */
static void test_hidden_io(void)
{
	struct fake_host *fh = start(false);

	feed_openat(fh, "/proc/self/status", O_RDONLY, 3, "/proc/1/status");
	feed_io(fh, "read", 3, CPD_FD_FILE, "/proc/1/status", 1000);
	feed_openat(fh, "libc.so.6", O_RDONLY | O_CLOEXEC, 4,
		    "/usr/lib/x86_64-linux-gnu/libc.so.6");
	feed_io(fh, "read", 4, CPD_FD_FILE,
		"/usr/lib/x86_64-linux-gnu/libc.so.6", 832);
	feed_io(fh, "write", 5, CPD_FD_FILE, "/dev/shm/x", 7);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 0);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "read_bytes"), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_read_bytes"), 1832);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_written_bytes"), 7);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "opened_read"), 0);
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "file.files", 0));
	fake_host_free(fh);

	/* -v: the same events, flagged; the totals do not change */
	fh = start(true);
	feed_openat(fh, "/proc/self/status", O_RDONLY, 3, "/proc/1/status");
	CU_ASSERT_TRUE(last_file(fh)->u.file.flags & CPD_FILEF_HIDDEN);
	feed_io(fh, "read", 3, CPD_FD_FILE, "/proc/1/status", 1000);
	CU_ASSERT_TRUE(last_file(fh)->u.file.flags & CPD_FILEF_HIDDEN);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 2);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "read_bytes"), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_read_bytes"), 1000);
	fake_host_free(fh);
}

static void test_hide_option(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "file");

	fake_host_set(fh, "hide", "/data/, *.tmp");
	fake_host_set(fh, "noise_filter", "no");
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	feed_openat(fh, "/data/a", O_RDONLY, 3, "/data/a");
	feed_io(fh, "read", 3, CPD_FD_FILE, "/data/a", 10);
	feed_io(fh, "write", 4, CPD_FD_FILE, "/x/y.tmp", 10);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 0);
	/* no built-in noise: /proc is a file like another */
	feed_io(fh, "read", 5, CPD_FD_FILE, "/proc/1/stat", 10);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 1);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "read_bytes"), 10);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_read_bytes"), 10);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_written_bytes"), 10);
	fake_host_free(fh);

	fh = fake_host_new(&cpd_plugin_v1, "file");
	fake_host_set(fh, "hidee", "/x");
	CU_ASSERT_NOT_EQUAL(fake_host_start(fh), 0);
	fake_host_free(fh);
}

static void test_transfers(void)
{
	struct fake_host *fh = start(false);
	struct fake_syscall sc;

	/* copy_file_range(in, off, out, off, len, flags) */
	fake_syscall_init(&sc, 1, "copy_file_range", 300);
	fake_syscall_fd(&sc, 0, 3, CPD_FD_FILE, "/src");
	fake_syscall_fd(&sc, 2, 4, CPD_FD_FILE, "/dst");
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.op, CPD_FILE_COPY);
	CPD_ASSERT_STR_EQ(last_file(fh)->u.file.path.ptr, "/src");
	CPD_ASSERT_STR_EQ(last_file(fh)->u.file.path2.ptr, "/dst");
	CPD_ASSERT_INT_EQ(last_file(fh)->u.file.fd, 3);
	CPD_ASSERT_INT_EQ(last_file(fh)->u.file.fd2, 4);

	/* sendfile(out, in, ...) into a socket: a file read only */
	fake_syscall_init(&sc, 1, "sendfile", 200);
	fake_syscall_fd(&sc, 0, 5, CPD_FD_SOCKET, NULL);
	fake_syscall_fd(&sc, 1, 3, CPD_FD_FILE, "/src");
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.op, CPD_FILE_SENDFILE);
	CU_ASSERT_TRUE(last_file(fh)->u.file.flags & CPD_FILEF_TO_NETWORK);
	CU_ASSERT_PTR_NULL(last_file(fh)->u.file.path2.ptr);

	/* splice from a pipe into a file: a file write only */
	fake_syscall_init(&sc, 1, "splice", 50);
	fake_syscall_fd(&sc, 0, 6, CPD_FD_PIPE, NULL);
	fake_syscall_fd(&sc, 2, 4, CPD_FD_FILE, "/dst");
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_file(fh)->u.file.op, CPD_FILE_SPLICE);
	/* between pipes: no file at all */
	fake_syscall_init(&sc, 1, "splice", 50);
	fake_syscall_fd(&sc, 0, 6, CPD_FD_PIPE, NULL);
	fake_syscall_fd(&sc, 2, 7, CPD_FD_PIPE, NULL);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 3);

	/* a hidden source into a visible file: shown, bytes split */
	fake_syscall_init(&sc, 1, "copy_file_range", 40);
	fake_syscall_fd(&sc, 0, 8, CPD_FD_FILE, "/proc/1/maps");
	fake_syscall_fd(&sc, 2, 4, CPD_FD_FILE, "/dst");
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FILE), 4);
	CU_ASSERT_FALSE(last_file(fh)->u.file.flags & CPD_FILEF_HIDDEN);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "read_bytes"), 500);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "written_bytes"), 390);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "hidden_read_bytes"), 40);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 0, "path"), "/dst");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.files", 0, "writes"), 3);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 1, "path"), "/src");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.files", 1, "reads"), 2);
	fake_host_free(fh);
}

static void test_report_schema(void)
{
	static const struct {
		const char *key, *label;
		uint16_t unit;
	} want[] = {
		{ "read_bytes", "Files read", CPD_UNIT_BYTES },
		{ "files_read", "files", CPD_UNIT_COUNT },
		{ "written_bytes", "Files written", CPD_UNIT_BYTES },
		{ "files_written", "files", CPD_UNIT_COUNT },
		{ "opened_read", "Opened for read", CPD_UNIT_COUNT },
		{ "opened_write", "Opened for write", CPD_UNIT_COUNT },
		{ "open_failures", "Failed opens", CPD_UNIT_COUNT },
		{ "hidden_read_bytes", NULL, CPD_UNIT_BYTES },
		{ "hidden_written_bytes", NULL, CPD_UNIT_BYTES },
	};
	static const char *const rowkeys[] = {
		"path",	 "read_bytes", "written_bytes",
		"reads", "writes",     "opens",
	};
	struct fake_host *fh = start(false);
	const struct cpd_event *r;
	size_t i;

	/* hostile names sort as bytes, and stay bytes */
	feed_io(fh, "write", 3, CPD_FD_FILE, "/t/b\n\"x\xff", 1);
	feed_io(fh, "write", 3, CPD_FD_FILE, "/t/b", 1);
	feed_io(fh, "write", 3, CPD_FD_FILE, "/t/a", 1);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);

	r = fake_host_report(fh, "file", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Files");
	CPD_ASSERT_INT_EQ(r->u.report.order, 20);
	CPD_ASSERT_UINT_EQ(r->u.report.flags, 0);
	CPD_ASSERT_UINT_EQ(r->u.report.nkv, 9);
	for (i = 0; i < 9 && i < r->u.report.nkv; i++) {
		const struct cpd_kv *k = &r->u.report.kv[i];

		CPD_ASSERT_STR_EQ(k->key.ptr, want[i].key);
		if (want[i].label)
			CPD_ASSERT_STR_EQ(k->label.ptr, want[i].label);
		CPD_ASSERT_UINT_EQ(k->unit, want[i].unit);
		CPD_ASSERT_UINT_EQ(k->type, CPD_KV_U64);
	}
	r = fake_host_report(fh, "file.files", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Files");
	CPD_ASSERT_INT_EQ(r->u.report.order, 21);
	CPD_ASSERT_UINT_EQ(r->u.report.flags, CPD_REPORTF_ROW);
	CPD_ASSERT_UINT_EQ(r->u.report.nkv, 6);
	for (i = 0; i < 6 && i < r->u.report.nkv; i++)
		CPD_ASSERT_STR_EQ(r->u.report.kv[i].key.ptr, rowkeys[i]);
	CPD_ASSERT_UINT_EQ(r->u.report.kv[0].type, CPD_KV_STR);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 0, "path"), "/t/a");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 1, "path"), "/t/b");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.files", 2, "path"), "/t/b\n\"x\xff");
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "files_written"), 3);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "files_read"), 0);
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 0);
	fake_host_free(fh);
}

/*
 * The top tables: the five files with the most bytes, largest first; the
 * file section says how many there were in all.
 */
static void test_top_files(void)
{
	struct fake_host *fh = start(false);
	char path[32];
	int i;

	for (i = 0; i < 8; i++) {
		snprintf(path, sizeof(path), "/d/f%d", i);
		feed_io(fh, "read", 3, CPD_FD_FILE, path, (i * 37) % 8 + 1);
	}
	feed_io(fh, "write", 4, CPD_FD_FILE, "/d/w", 9);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "files_read"), 8);
	CPD_ASSERT_UINT_EQ(kv(fh, "file", 0, "files_written"), 1);
	/* bytes 1, 6, 3, 8, 5, 2, 7, 4: f3, f6, f1, f4, f7 */
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_read", 0, "path"), "/d/f3");
	CPD_ASSERT_UINT_EQ(kv(fh, "file.top_read", 0, "read_bytes"), 8);
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_read", 1, "path"), "/d/f6");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_read", 2, "path"), "/d/f1");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_read", 3, "path"), "/d/f4");
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_read", 4, "path"), "/d/f7");
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "file.top_read", 5));
	CPD_ASSERT_STR_EQ(kv_str(fh, "file.top_written", 0, "path"), "/d/w");
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "file.top_written", 1));
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 0);
	fake_host_free(fh);
}

static CU_TestInfo file_tests[] = {
	{ "open_flags", test_open_flags },
	{ "openat2_and_creat", test_openat2_and_creat },
	{ "failed_opens", test_failed_opens },
	{ "probe_runs", test_probe_runs },
	{ "probe_hidden", test_probe_hidden },
	{ "probe_run_bounded", test_probe_run_bounded },
	{ "io_kinds", test_io_kinds },
	{ "hidden_io", test_hidden_io },
	{ "hide_option", test_hide_option },
	{ "transfers", test_transfers },
	{ "top_files", test_top_files },
	{ "report_schema", test_report_schema },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "file", .pTests = file_tests },
	CU_SUITE_INFO_NULL,
};
