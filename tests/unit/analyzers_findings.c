// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The findings analyzer (plugins/analyzers/findings.c) against the fake
 * host, fed the events the file and net analyzers and the core publish:
 * failure chains collapsed to the process to name, searches told from
 * failures with -v as the file analyzer would, lost and refused events,
 * every table's bound (partial findings, an incomplete one saying so),
 * hostile names kept as bytes, and every finding well formed.
 */
#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

static uint64_t now = 1000;

static struct fake_host *start(bool verbose, const char *ignore)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "findings");

	fake_host_run_info(fh)->verbose = verbose;
	fake_host_run_info(fh)->mode = CPD_RUN_SPAWN;
	if (ignore)
		fake_host_set(fh, "ignore", ignore);
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

static void header(struct cpd_event *ev, uint16_t kind, int32_t pid,
		   int32_t tid, const char *comm)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	ev->ts_ns = now += 1000;
	ev->pid = pid;
	ev->tid = tid ? tid : pid;
	if (comm) {
		ev->comm.ptr = comm;
		ev->comm.len = (uint32_t)strlen(comm);
	}
}

/* argv as the core gives it: NUL-separated, without the last NUL. */
static void exec(struct fake_host *fh, int32_t pid, int32_t ppid,
		 const char *comm, const char *argv, size_t len, bool root)
{
	struct cpd_event ev;

	header(&ev, CPD_EV_PROC, pid, 0, comm);
	ev.u.proc.op = CPD_PROC_EXEC;
	ev.u.proc.ppid = ppid;
	ev.u.proc.flags = root ? CPD_PROCF_ROOT : 0;
	ev.u.proc.argv.ptr = argv;
	ev.u.proc.argv.len = (uint32_t)len;
	fake_host_feed(fh, &ev);
}

static void spawn(struct fake_host *fh, int32_t parent, int32_t child,
		  bool root)
{
	struct cpd_event ev;

	header(&ev, CPD_EV_PROC, parent, 0, NULL);
	ev.u.proc.op = CPD_PROC_SPAWN_PROCESS;
	ev.u.proc.child_pid = child;
	ev.u.proc.child_tid = child;
	ev.u.proc.flags = root ? CPD_PROCF_ROOT : 0;
	fake_host_feed(fh, &ev);
}

static void leave(struct fake_host *fh, int32_t pid, int code, int sig,
		  bool root)
{
	struct cpd_event ev;

	header(&ev, CPD_EV_PROC, pid, 0, NULL);
	ev.u.proc.op = CPD_PROC_EXIT;
	ev.u.proc.exit_code = sig ? -1 : code;
	ev.u.proc.signal = sig;
	ev.u.proc.flags = CPD_PROCF_LEADER | CPD_PROCF_GROUP_EXIT |
			  (root ? CPD_PROCF_ROOT : 0);
	fake_host_feed(fh, &ev);
}

static void file_ev(struct fake_host *fh, int32_t pid, int32_t tid, uint32_t op,
		    uint32_t flags, const char *path, int err)
{
	struct cpd_event ev;

	header(&ev, CPD_EV_FILE, pid, tid, "app");
	ev.u.file.op = op;
	ev.u.file.flags = flags;
	ev.u.file.err = err;
	ev.u.file.count = 1;
	ev.u.file.path.ptr = path;
	ev.u.file.path.len = (uint32_t)strlen(path);
	fake_host_feed(fh, &ev);
}

static void syscall_ev(struct fake_host *fh, int32_t pid, const char *name)
{
	struct fake_syscall sc;

	CU_ASSERT_EQUAL_FATAL(fake_syscall_init(&sc, pid, name, 1), 0);
	fake_host_feed(fh, &sc.ev);
}

/* The nth finding of rule id, or NULL. */
static const struct cpd_event *finding(struct fake_host *fh, const char *id,
				       size_t nth)
{
	size_t i, n = fake_host_count(fh, CPD_EV_FINDING);

	for (i = 0; i < n; i++) {
		const struct cpd_event *ev =
			fake_host_nth(fh, CPD_EV_FINDING, i);

		if (!strcmp(ev->u.finding.id.ptr, id) && !nth--)
			return ev;
	}
	return NULL;
}

static size_t count(struct fake_host *fh, const char *id)
{
	size_t n = 0;

	while (finding(fh, id, n))
		n++;
	return n;
}

static void stop(struct fake_host *fh)
{
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	/* every finding passed the host's checks */
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 0);
}

/*
 * make (the command) -> cc -> cc1: cc1 exits 1, cc 1, make 2. One error,
 * named by cc (below the command, the same status as cc1), saying cc1
 * failed first and what it had failed to do.
 */
static void test_exit_chain(void)
{
	static const char make_argv[] = "make\0-k";
	static const char cc_argv[] = "cc\0-c\0bad.c";
	static const char cc1_argv[] = "/usr/lib/gcc/cc1\0-quiet\0bad.c";
	struct fake_host *fh = start(false, NULL);
	const struct cpd_event *ev;
	const struct cpd_ev_finding *f;

	exec(fh, 100, 1, "make", make_argv, sizeof(make_argv) - 1, true);
	spawn(fh, 100, 101, true);
	exec(fh, 101, 100, "cc", cc_argv, sizeof(cc_argv) - 1, false);
	spawn(fh, 101, 102, false);
	exec(fh, 102, 101, "cc1", cc1_argv, sizeof(cc1_argv) - 1, false);
	file_ev(fh, 102, 0, CPD_FILE_OPEN_FAILED, 0, "/x/gone.h", ENOENT);
	leave(fh, 102, 1, 0, false);
	leave(fh, 101, 1, 0, false);
	/* a sibling that went well says nothing */
	spawn(fh, 100, 103, true);
	exec(fh, 103, 100, "cc", cc_argv, sizeof(cc_argv) - 1, false);
	leave(fh, 103, 0, 0, false);
	leave(fh, 100, 2, 0, true);
	stop(fh);

	CPD_ASSERT_UINT_EQ(count(fh, "exit"), 1);
	CPD_ASSERT_UINT_EQ(count(fh, "signal"), 0);
	ev = finding(fh, "exit", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	f = &ev->u.finding;
	CPD_ASSERT_UINT_EQ(f->severity, CPD_SEV_ERROR);
	CPD_ASSERT_STR_EQ(f->title.ptr, "cc -c bad.c exited with status 1");
	CU_ASSERT_TRUE(f->flags & CPD_FINDF_COLLAPSED);
	CPD_ASSERT_INT_EQ(ev->pid, 101);
	CU_ASSERT_PTR_NOT_NULL_FATAL(
		strstr(f->details.ptr, "parent make (pid 100)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(
		f->details.ptr, "first cc1 (pid 102) exited with status 1: "
				"/usr/lib/gcc/cc1 -quiet bad.c"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->details.ptr,
				      "last failures: open /x/gone.h: ENOENT"));
	CPD_ASSERT_UINT_EQ(f->pids.len, 7);
	CU_ASSERT_EQUAL(memcmp(f->pids.ptr, "101\000102", 7), 0);
	/* the failed open is a finding of its own */
	CPD_ASSERT_UINT_EQ(count(fh, "failed-open"), 1);
	fake_host_free(fh);
}

/*
 * A shell that forks 200 children: the records grow several times while
 * a parent's record is in hand; each child still carries its parent's
 * name (ASan saw the parent read from the array before it moved).
 */
static void test_many_children(void)
{
	static const char sh_argv[] = "sh\0-c\0loop";
	struct fake_host *fh = start(false, NULL);
	size_t i, named = 0;

	exec(fh, 100, 1, "sh", sh_argv, sizeof(sh_argv) - 1, true);
	for (i = 0; i < 200; i++) {
		spawn(fh, 100, (int32_t)(1000 + i), true);
		leave(fh, (int32_t)(1000 + i), 3, 0, false);
	}
	leave(fh, 100, 0, 0, true);
	stop(fh);
	for (i = 0; finding(fh, "exit", i); i++) {
		const struct cpd_event *ev = finding(fh, "exit", i);

		if (!strncmp(ev->u.finding.title.ptr, "sh ", 3))
			named++;
	}
	CU_ASSERT_TRUE(i > 0);
	CPD_ASSERT_UINT_EQ(named, i);
	fake_host_free(fh);
}

/*
 * A child failing while its parent goes on is a notice; a crash is an
 * error all the same; a pid used again is another process.
 */
static void test_exit_severity(void)
{
	static const char sh_argv[] = "sh\0-c\0x";
	static const char grep_argv[] = "grep\0-q\0x";
	struct fake_host *fh = start(false, "failed-open");

	exec(fh, 200, 1, "sh", sh_argv, sizeof(sh_argv) - 1, true);
	spawn(fh, 200, 201, true);
	exec(fh, 201, 200, "grep", grep_argv, sizeof(grep_argv) - 1, false);
	leave(fh, 201, 1, 0, false);
	/* 201 again: a crash */
	spawn(fh, 200, 201, true);
	exec(fh, 201, 200, "crasher", "crasher", 7, false);
	leave(fh, 201, 0, SIGSEGV, false);
	/* and a SIGPIPE the parent expected */
	spawn(fh, 200, 202, true);
	exec(fh, 202, 200, "yes", "yes", 3, false);
	leave(fh, 202, 0, SIGPIPE, false);
	leave(fh, 200, 0, 0, true);
	stop(fh);

	CPD_ASSERT_UINT_EQ(count(fh, "exit"), 1);
	CPD_ASSERT_STR_EQ(finding(fh, "exit", 0)->u.finding.title.ptr,
			  "grep -q x exited with status 1");
	CPD_ASSERT_UINT_EQ(finding(fh, "exit", 0)->u.finding.severity,
			   CPD_SEV_NOTICE);
	CPD_ASSERT_UINT_EQ(count(fh, "signal"), 2);
	CPD_ASSERT_STR_EQ(finding(fh, "signal", 0)->u.finding.title.ptr,
			  "crasher was killed by SIGSEGV");
	CPD_ASSERT_UINT_EQ(finding(fh, "signal", 0)->u.finding.severity,
			   CPD_SEV_ERROR);
	CPD_ASSERT_STR_EQ(finding(fh, "signal", 1)->u.finding.title.ptr,
			  "yes was killed by SIGPIPE");
	CPD_ASSERT_UINT_EQ(finding(fh, "signal", 1)->u.finding.severity,
			   CPD_SEV_NOTICE);
	fake_host_free(fh);
}

/*
 * With -v the file analyzer holds nothing back and flags no probe: the
 * same rule, applied here, tells the search from the failures, with the
 * same ends (a read or write call, exit, an open of another name).
 */
static void test_verbose_runs(void)
{
	struct fake_host *fh = start(true, NULL);
	const struct cpd_event *ev;

	exec(fh, 300, 1, "cc1", "cc1", 3, true);
	/* a search: two probes, then found */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "/a/x.h", ENOENT);
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "/b/x.h", ENOTDIR);
	/* the loader's own failures, hidden, are no part of it */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, CPD_FILEF_HIDDEN,
		"/lib/libz.so", ENOENT);
	file_ev(fh, 300, 0, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/c/x.h", 0);
	/* a failure the thread moved on from (a write to its terminal) */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/y.conf", ENOENT);
	syscall_ev(fh, 300, "write");
	file_ev(fh, 300, 0, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/z/y.conf", 0);
	/* a search for a library: found hidden, the loader's business */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "libq.so.1", ENOENT);
	file_ev(fh, 300, 0, CPD_FILE_OPEN,
		CPD_FILEF_READABLE | CPD_FILEF_HIDDEN, "/usr/lib/libq.so.1", 0);
	/* a call that does not end a run (fstat) */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "/d/w.h", ENOENT);
	syscall_ev(fh, 300, "newfstatat");
	file_ev(fh, 300, 0, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/e/w.h", 0);
	/* held at the end: a failure */
	file_ev(fh, 300, 0, CPD_FILE_OPEN_FAILED, 0, "/f/v.h", ENOENT);
	leave(fh, 300, 0, 0, true);
	stop(fh);

	ev = finding(fh, "probe", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	CPD_ASSERT_STR_EQ(ev->u.finding.title.ptr,
			  "cc1 found 2 files after 3 failed probes");
	CPD_ASSERT_STR_EQ(ev->u.finding.details.ptr,
			  "x.h in /c after 2 probes\nw.h in /e after 1 probe");
	CPD_ASSERT_UINT_EQ(ev->u.finding.severity, CPD_SEV_INFO);
	CPD_ASSERT_UINT_EQ(count(fh, "failed-open"), 2);
	CPD_ASSERT_STR_EQ(finding(fh, "failed-open", 0)->u.finding.title.ptr,
			  "app could not open /etc/y.conf: ENOENT");
	CPD_ASSERT_STR_EQ(finding(fh, "failed-open", 1)->u.finding.title.ptr,
			  "app could not open /f/v.h: ENOENT");
	/* cc1 went on and succeeded: what it missed was optional */
	CPD_ASSERT_UINT_EQ(finding(fh, "failed-open", 0)->u.finding.severity,
			   CPD_SEV_NOTICE);
	CPD_ASSERT_STR_EQ(finding(fh, "failed-open", 0)->u.finding.details.ptr,
			  "went on and succeeded");
	fake_host_free(fh);

	/* without -v, the file analyzer's flags decide */
	fh = start(false, NULL);
	exec(fh, 301, 1, "cc1", "cc1", 3, true);
	file_ev(fh, 301, 0, CPD_FILE_OPEN_FAILED, CPD_FILEF_PROBE, "/a/x.h",
		ENOENT);
	file_ev(fh, 301, 0, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/c/x.h", 0);
	file_ev(fh, 301, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/y.conf", ENOENT);
	file_ev(fh, 301, 0, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/z/y.conf", 0);
	stop(fh);
	CPD_ASSERT_STR_EQ(finding(fh, "probe", 0)->u.finding.title.ptr,
			  "cc1 found 1 file after 1 failed probe");
	CPD_ASSERT_UINT_EQ(count(fh, "failed-open"), 1);
	fake_host_free(fh);
}

/* Failures grouped by path and error; a later open explains them. */
static void test_failed_open_groups(void)
{
	struct fake_host *fh = start(false, NULL);
	const struct cpd_ev_finding *f;
	static const char hostile[] = "/tmp/\033[2J\nx";

	exec(fh, 400, 1, "app", "app", 3, true);
	spawn(fh, 400, 401, true);
	exec(fh, 401, 400, "app", "app", 3, false);
	file_ev(fh, 400, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/a.conf", ENOENT);
	file_ev(fh, 401, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/a.conf", ENOENT);
	file_ev(fh, 400, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/a.conf", EACCES);
	file_ev(fh, 400, 0, CPD_FILE_OPEN_FAILED, 0, hostile, ENOENT);
	/* created later: explained */
	file_ev(fh, 400, 0, CPD_FILE_OPEN_FAILED, 0, "/run/app.pid", ENOENT);
	file_ev(fh, 400, 0, CPD_FILE_OPEN,
		CPD_FILEF_WRITABLE | CPD_FILEF_CREATED, "/run/app.pid", 0);
	stop(fh);

	CPD_ASSERT_UINT_EQ(count(fh, "failed-open"), 3);
	f = &finding(fh, "failed-open", 0)->u.finding;
	CPD_ASSERT_STR_EQ(f->title.ptr,
			  "app and others could not open /etc/a.conf: ENOENT");
	CPD_ASSERT_UINT_EQ(f->count, 2);
	CPD_ASSERT_UINT_EQ(f->severity, CPD_SEV_WARNING);
	CU_ASSERT_TRUE(f->flags & CPD_FINDF_COLLAPSED);
	CPD_ASSERT_UINT_EQ(f->pids.len, 7);
	CU_ASSERT_EQUAL(memcmp(f->pids.ptr, "400\000401", 7), 0);
	CPD_ASSERT_STR_EQ(f->paths.ptr, "/etc/a.conf");
	CPD_ASSERT_STR_EQ(finding(fh, "failed-open", 1)->u.finding.title.ptr,
			  "app could not open /etc/a.conf: EACCES");
	/* bytes kept as they were: outputs escape them */
	CPD_ASSERT_STR_EQ(finding(fh, "failed-open", 2)->u.finding.title.ptr,
			  "app could not open /tmp/\033[2J\nx: ENOENT");
	fake_host_free(fh);
}

/* Lost and refused events, and detaching, say the trace is not whole. */
static void test_incomplete(void)
{
	struct fake_host *fh = start(false, NULL);
	struct cpd_event ev;

	header(&ev, CPD_EV_LOST, 0, 0, NULL);
	ev.u.lost.lost_kind = CPD_EV_FAULT;
	ev.u.lost.count = 5;
	ev.u.lost.reason.ptr = "perf ring full";
	ev.u.lost.reason.len = 14;
	fake_host_feed(fh, &ev);
	ev.u.lost.count = 2;
	fake_host_feed(fh, &ev);
	header(&ev, CPD_EV_PROC, 500, 0, NULL);
	ev.u.proc.op = CPD_PROC_DETACH;
	fake_host_feed(fh, &ev);
	fake_host_trace_stats(fh)->events_dropped = 3;
	stop(fh);

	CPD_ASSERT_UINT_EQ(count(fh, "incomplete"), 3);
	CPD_ASSERT_STR_EQ(
		finding(fh, "incomplete", 0)->u.finding.title.ptr,
		"7 fault events were lost (perf ring full): the totals are lower bounds");
	CPD_ASSERT_UINT_EQ(finding(fh, "incomplete", 0)->u.finding.severity,
			   CPD_SEV_WARNING);
	CPD_ASSERT_UINT_EQ(finding(fh, "incomplete", 0)->u.finding.count, 7);
	CPD_ASSERT_STR_EQ(
		finding(fh, "incomplete", 1)->u.finding.title.ptr,
		"the event bus refused 3 events: the outputs miss them");
	CPD_ASSERT_STR_EQ(
		finding(fh, "incomplete", 2)->u.finding.title.ptr,
		"detached from 1 task still running: the trace ends before it does");
	CPD_ASSERT_UINT_EQ(finding(fh, "incomplete", 2)->u.finding.severity,
			   CPD_SEV_NOTICE);
	fake_host_free(fh);
}

/*
 * Past a table's bound the rest is counted: the findings it touches are
 * partial, and an incomplete finding names the bound. Memory stays flat.
 */
static void test_bounds(void)
{
	struct fake_host *fh = start(false, "probe");
	const struct cpd_event *ev;
	char path[64];
	unsigned i;

	exec(fh, 600, 1, "app", "app", 3, true);
	for (i = 0; i < 5000; i++) {
		snprintf(path, sizeof(path), "/gone/%u", i);
		file_ev(fh, 600, 0, CPD_FILE_OPEN_FAILED, 0, path, ENOENT);
	}
	stop(fh);
	CPD_ASSERT_UINT_EQ(count(fh, "failed-open"), 4096);
	ev = finding(fh, "failed-open", 0);
	CU_ASSERT_TRUE(ev->u.finding.flags & CPD_FINDF_PARTIAL);
	ev = finding(fh, "incomplete", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	CPD_ASSERT_STR_EQ(
		ev->u.finding.title.ptr,
		"findings: over 4096 failing paths or endpoints; 904 failures are in no finding");
	fake_host_free(fh);
}

/* Tiny I/O on a socket, named by its peer; big sends are not tiny. */
static void test_tiny_socket(void)
{
	struct fake_host *fh = start(false, NULL);
	const struct cpd_event *f;
	struct cpd_event ev;
	unsigned i;

	exec(fh, 800, 1, "app", "app", 3, true);
	for (i = 0; i < 1200; i++) {
		header(&ev, CPD_EV_NET, 800, 0, "app");
		ev.u.net.op = i < 1000 ? CPD_NET_SEND : CPD_NET_RECV;
		ev.u.net.bytes = i < 1000 ? 1 : 4096;
		ev.u.net.count = 1;
		ev.u.net.family = AF_INET;
		ev.u.net.peer.family = AF_INET;
		ev.u.net.peer.port = 80;
		ev.u.net.peer.addr[0] = 10;
		ev.u.net.peer.addr[3] = 1;
		fake_host_feed(fh, &ev);
	}
	leave(fh, 800, 0, 0, true);
	stop(fh);
	CPD_ASSERT_UINT_EQ(count(fh, "tiny-io"), 1);
	f = finding(fh, "tiny-io", 0);
	CPD_ASSERT_STR_EQ(
		f->u.finding.title.ptr,
		"app made 1000 writes of 1 B on average to 10.0.0.1:80");
	CPD_ASSERT_STR_EQ(f->u.finding.paths.ptr, "10.0.0.1:80");
	CPD_ASSERT_UINT_EQ(f->u.finding.count, 1000);
	fake_host_free(fh);
}

/* The report counts what was published, ignored rules not at all. */
static void test_report(void)
{
	struct fake_host *fh = start(false, "failed-open, exit");
	const struct cpd_event *r;

	exec(fh, 700, 1, "app", "app", 3, true);
	file_ev(fh, 700, 0, CPD_FILE_OPEN_FAILED, 0, "/etc/a.conf", ENOENT);
	leave(fh, 700, 3, 0, true);
	stop(fh);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	r = fake_host_report(fh, "findings", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Problems");
	CPD_ASSERT_UINT_EQ(fake_host_kv(r, "errors")->v.u64, 0);
	CPD_ASSERT_UINT_EQ(fake_host_kv(r, "warnings")->v.u64, 0);
	fake_host_free(fh);
}

/* An unknown rule is refused with the config, not at init. */
static void test_bad_ignore(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "findings");

	fake_host_set(fh, "ignore", "probe, nosuch");
	CU_ASSERT_NOT_EQUAL(fake_host_validate(fh), 0);
	CU_ASSERT_TRUE(fake_host_logged(fh, "'nosuch': expected one of probe"));
	fake_host_free(fh);
}

static CU_TestInfo findings_tests[] = {
	{ "exit_chain", test_exit_chain },
	{ "exit_severity", test_exit_severity },
	{ "many_children", test_many_children },
	{ "verbose_runs", test_verbose_runs },
	{ "failed_open_groups", test_failed_open_groups },
	{ "incomplete", test_incomplete },
	{ "bounds", test_bounds },
	{ "tiny_socket", test_tiny_socket },
	{ "report", test_report },
	{ "bad_ignore", test_bad_ignore },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "findings", .pTests = findings_tests },
	CU_SUITE_INFO_NULL,
};
