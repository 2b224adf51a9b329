// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The stats analyzer (plugins/analyzers/stats*.c) against the fake host,
 * with made-up times so every figure is known: calls and errors by errno
 * counted only for calls seen to return, percentiles from the histogram,
 * the time of a process split into its classes with each syscall's wait
 * for a CPU moved out of its class, CPU time less what an attached
 * process had used before, children added into their parent's tree, the
 * cap on per-process tables, and the tables of --interval periods with
 * their totals so far.
 */
#include <errno.h>
#include <string.h>

#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

#define MS 1000000ull
#define US 1000ull

static struct fake_host *start(const char *per, uint64_t interval_ns)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "stats");

	if (per)
		fake_host_set(fh, "per", per);
	fake_host_run_info(fh)->interval_ns = interval_ns;
	fake_host_run_info(fh)->stop_cost_ns = 7 * US;
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

static void feed_proc(struct fake_host *fh, int pid, int tid, uint32_t op,
		      uint64_t ts, const struct cpd_ev_proc *p,
		      const char *comm)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_PROC;
	ev.pid = pid;
	ev.tid = tid;
	ev.ts_ns = ts;
	ev.comm.ptr = comm;
	ev.comm.len = (uint32_t)strlen(comm);
	if (p)
		ev.u.proc = *p;
	ev.u.proc.op = op;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_exit(struct fake_host *fh, int pid, uint64_t ts, uint64_t cpu,
		      uint64_t runq, const char *comm)
{
	struct cpd_ev_proc p;

	memset(&p, 0, sizeof(p));
	p.flags = CPD_PROCF_GROUP_EXIT | CPD_PROCF_LEADER | CPD_PROCF_CPU_TIME |
		  CPD_PROCF_RUNQ;
	p.cpu_ns = cpu;
	p.cpu_user_ns = cpu / 2;
	p.cpu_sys_ns = cpu - cpu / 2;
	p.runq_ns = runq;
	feed_proc(fh, pid, pid, CPD_PROC_EXIT, ts, &p, comm);
}

/*
 * A syscall of pid from enter to exit (ns), returning ret, with runq of
 * its time spent waiting for a CPU (and half as much stopped by the tracer
 * before it); fd_kind >= 0 puts an fd in arg 0.
 */
static void feed_call(struct fake_host *fh, int pid, const char *name,
		      int64_t ret, uint64_t enter, uint64_t exit, int fd_kind,
		      uint64_t runq)
{
	struct fake_syscall sc;

	CPD_ASSERT_INT_EQ(fake_syscall_init(&sc, pid, name, ret), 0);
	if (fd_kind >= 0)
		fake_syscall_fd(&sc, 0, 3, (enum cpd_fd_kind)fd_kind, "/x");
	sc.ev.comm.ptr = "prog";
	sc.ev.comm.len = 4;
	sc.ev.ts_ns = exit;
	sc.ev.u.syscall.enter_ns = enter;
	sc.ev.u.syscall.exit_ns = exit;
	if (runq) {
		sc.ev.u.syscall.runq_ns = runq;
		sc.ev.u.syscall.stopped_ns = runq / 2;
		sc.ev.u.syscall.flags |= CPD_SCF_RUNQ;
	}
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &sc.ev), 0);
}

/* The row of topic whose string key is value (and pid, when non-zero). */
static const struct cpd_event *row(struct fake_host *fh, const char *topic,
				   const char *key, const char *value,
				   uint64_t pid)
{
	const struct cpd_event *r;
	size_t i;

	for (i = 0; (r = fake_host_report(fh, topic, i)); i++) {
		const struct cpd_kv *kv = fake_host_kv(r, key);
		const struct cpd_kv *p = fake_host_kv(r, "pid");

		if (kv && kv->v.str.len == strlen(value) &&
		    !memcmp(kv->v.str.ptr, value, kv->v.str.len) &&
		    (!pid || (p && p->v.u64 == pid)))
			return r;
	}
	return NULL;
}

static uint64_t u64(const struct cpd_event *r, const char *key)
{
	const struct cpd_kv *kv = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(kv);
	return kv ? kv->v.u64 : UINT64_MAX;
}

static void assert_text(const struct cpd_event *r, const char *key,
			const char *want)
{
	const struct cpd_kv *kv = r ? fake_host_kv(r, key) : NULL;
	char got[512] = "";

	if (kv)
		snprintf(got, sizeof(got), "%.*s", (int)kv->v.str.len,
			 kv->v.str.ptr ? kv->v.str.ptr : "");
	CPD_ASSERT_STR_EQ(got, want);
}

static void test_counts_errors_percentiles(void)
{
	struct fake_host *fh = start("none", 0);
	const struct cpd_event *r;
	struct fake_syscall sc;
	unsigned i;

	feed_proc(fh, 10, 10, CPD_PROC_EXEC, 0, NULL, "prog");
	/* 100 reads of 1..100 us, the last three failing two ways */
	for (i = 1; i <= 100; i++)
		feed_call(fh, 10, "read",
			  i > 97 ? (i == 100 ? -EINTR : -EAGAIN) : 1, i * MS,
			  i * MS + i * US, CPD_FD_FILE, 0);
	/* a call that never returned counts nowhere, as in strace -c */
	fake_syscall_init(&sc, 10, "exit_group", 0);
	sc.ev.u.syscall.enter_ns = 200 * MS;
	sc.ev.u.syscall.flags = CPD_SCF_NO_EXIT;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &sc.ev), 0);
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);

	r = row(fh, "stats.syscalls", "syscall", "read", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 100);
	CPD_ASSERT_UINT_EQ(u64(r, "errors"), 3);
	CPD_ASSERT_UINT_EQ(u64(r, "time_ns"), 5050 * US);
	CPD_ASSERT_UINT_EQ(u64(r, "min_ns"), 1 * US);
	CPD_ASSERT_UINT_EQ(u64(r, "max_ns"), 100 * US);
	CPD_ASSERT_UINT_EQ(u64(r, "avg_ns"), 50500);
	/* nearest rank: the 50th, 95th and 99th, within 1/64 */
	CU_ASSERT(u64(r, "p50_ns") >= 50 * US - 50 * US / 64 &&
		  u64(r, "p50_ns") <= 50 * US + 50 * US / 64);
	CU_ASSERT(u64(r, "p95_ns") >= 95 * US - 95 * US / 64 &&
		  u64(r, "p95_ns") <= 95 * US + 95 * US / 64);
	CU_ASSERT(u64(r, "p99_ns") >= 99 * US - 99 * US / 64 &&
		  u64(r, "p99_ns") <= 99 * US + 99 * US / 64);
	assert_text(r, "errnos", "EAGAIN 2, EINTR 1");
	CU_ASSERT_PTR_NULL(
		row(fh, "stats.syscalls", "syscall", "exit_group", 0));
	r = row(fh, "stats.syscalls", "syscall", "total", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 100);
	r = fake_host_report(fh, "stats", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 100);
	CPD_ASSERT_UINT_EQ(u64(r, "errors"), 3);
	CPD_ASSERT_UINT_EQ(u64(r, "stop_cost_ns"), 7 * US);
	/* per = none: no table per process */
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "stats.tasks", 0));
	fake_host_free(fh);
}

static void test_time_split_by_class(void)
{
	struct fake_host *fh = start(NULL, 0);
	const struct cpd_event *r;

	feed_proc(fh, 20, 20, CPD_PROC_EXEC, 0, NULL, "split");
	feed_call(fh, 20, "read", 10, 10 * MS, 15 * MS, CPD_FD_FILE, 0);
	feed_call(fh, 20, "read", 10, 20 * MS, 30 * MS, CPD_FD_SOCKET, 0);
	feed_call(fh, 20, "read", 10, 30 * MS, 32 * MS, CPD_FD_PIPE, 0);
	feed_call(fh, 20, "openat", 3, 32 * MS, 33 * MS, -1, 0);
	/* 100 ms asleep, of which 20 ms waiting for a CPU to return */
	feed_call(fh, 20, "nanosleep", 0, 40 * MS, 140 * MS, -1, 20 * MS);
	feed_call(fh, 20, "wait4", -ECHILD, 150 * MS, 250 * MS, -1, 0);
	feed_call(fh, 20, "brk", 0, 260 * MS, 261 * MS, -1, 0);
	feed_exit(fh, 20, 300 * MS, 50 * MS, 25 * MS, "split");
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);

	r = row(fh, "stats.processes", "comm", "split", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "wall_ns"), 300 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "thread_ns"), 300 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "cpu_ns"), 50 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "cpu_measured"), 1);
	CPD_ASSERT_UINT_EQ(u64(r, "file_ns"), 6 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "net_ns"), 10 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "wait_ns"), 80 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "children_ns"), 100 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "other_ns"), 3 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "runq_ns"), 25 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "stopped_ns"), 10 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "unaccounted_ns"),
			   (300 - 50 - 6 - 10 - 80 - 100 - 3 - 25 - 10) * MS);
	assert_text(r, "breakdown",
		    "50.0ms on CPU, 6.0ms file I/O, 10.0ms network, "
		    "100.0ms waiting for children, 80.0ms sleeping or polling, "
		    "3.0ms other syscalls, 25.0ms waiting for a CPU, "
		    "10.0ms stopped by the tracer, 16.0ms not accounted for");
	/* the latency is the call's, its wait for a CPU included */
	r = row(fh, "stats.syscalls", "syscall", "nanosleep", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "max_ns"), 100 * MS);
	fake_host_free(fh);
}

static void test_children_and_attach(void)
{
	struct fake_host *fh = start(NULL, 0);
	struct cpd_ev_proc p;
	const struct cpd_event *r;

	/* attached: what it had used before is not the trace's */
	memset(&p, 0, sizeof(p));
	p.flags = CPD_PROCF_CPU_TIME | CPD_PROCF_RUNQ;
	p.cpu_ns = 1000 * MS;
	p.cpu_user_ns = 1000 * MS;
	p.runq_ns = 40 * MS;
	feed_proc(fh, 30, 30, CPD_PROC_ATTACH, 0, &p, "server");
	memset(&p, 0, sizeof(p));
	p.child_pid = 31;
	p.child_tid = 31;
	feed_proc(fh, 30, 30, CPD_PROC_SPAWN_PROCESS, 10 * MS, &p, "server");
	/* vfork returns when the child has exec'd: waiting for a child */
	feed_call(fh, 30, "vfork", 31, 5 * MS, 12 * MS, -1, 0);
	feed_call(fh, 31, "read", 1, 20 * MS, 30 * MS, CPD_FD_FILE, 0);
	feed_exit(fh, 31, 50 * MS, 30 * MS, 0, "worker");
	memset(&p, 0, sizeof(p));
	p.flags = CPD_PROCF_CPU_TIME | CPD_PROCF_RUNQ;
	p.cpu_ns = 1200 * MS;
	p.cpu_user_ns = 600 * MS;
	p.runq_ns = 45 * MS;
	feed_proc(fh, 30, 30, CPD_PROC_DETACH, 100 * MS, &p, "server");
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);

	r = row(fh, "stats.processes", "comm", "server", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "wall_ns"), 100 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "cpu_ns"), 200 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "runq_ns"), 5 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "children"), 1);
	CPD_ASSERT_UINT_EQ(u64(r, "tree_cpu_ns"), 230 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "tree_file_ns"), 10 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "file_ns"), 0);
	CPD_ASSERT_UINT_EQ(u64(r, "children_ns"), 7 * MS);
	r = row(fh, "stats.processes", "comm", "worker", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "wall_ns"), 40 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "ppid"), 30);
	CPD_ASSERT_UINT_EQ(u64(r, "file_ns"), 10 * MS);
	/* per = process: each its own table */
	r = row(fh, "stats.tasks", "syscall", "read", 31);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 1);
	CU_ASSERT_PTR_NULL(row(fh, "stats.tasks", "syscall", "read", 30));
	fake_host_free(fh);
}

static void test_process_cap(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "stats");
	const struct cpd_event *r;

	fake_host_set(fh, "max_processes", "1");
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	feed_proc(fh, 40, 40, CPD_PROC_EXEC, 0, NULL, "one");
	feed_call(fh, 40, "getpid", 40, 1 * MS, 2 * MS, -1, 0);
	feed_proc(fh, 41, 41, CPD_PROC_EXEC, 0, NULL, "two");
	feed_call(fh, 41, "getpid", 41, 1 * MS, 2 * MS, -1, 0);
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);
	CU_ASSERT_PTR_NOT_NULL(row(fh, "stats.tasks", "syscall", "getpid", 40));
	CU_ASSERT_PTR_NULL(row(fh, "stats.tasks", "syscall", "getpid", 41));
	/* the overall table counts both */
	r = row(fh, "stats.syscalls", "syscall", "getpid", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 2);
	CPD_ASSERT_UINT_EQ(
		u64(fake_host_report(fh, "stats", 0), "processes_untabled"), 1);
	fake_host_free(fh);
}

static void test_intervals(void)
{
	struct fake_host *fh = start(NULL, 1000 * MS);
	struct cpd_interval iv = { sizeof(iv), 1, 0, 1000 * MS };
	const struct cpd_event *r;
	unsigned i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(cpd_plugin_v1.interval);
	feed_proc(fh, 50, 50, CPD_PROC_EXEC, 0, NULL, "srv");
	for (i = 0; i < 5; i++)
		feed_call(fh, 50, "poll", 1, i * MS, i * MS + 2 * MS, -1, 0);
	CPD_ASSERT_INT_EQ(cpd_plugin_v1.interval(fake_host_state(fh), &iv), 0);
	r = row(fh, "stats.interval", "syscall", "poll", 0);
	CU_ASSERT(r && (r->u.report.flags & CPD_REPORTF_INTERVAL));
	CPD_ASSERT_UINT_EQ(r ? r->u.report.interval : 0, 1);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 5);
	CPD_ASSERT_UINT_EQ(u64(r, "time_ns"), 10 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "total_calls"), 5);
	fake_host_clear(fh);

	/* the next period starts from nothing; the totals go on */
	for (i = 0; i < 3; i++)
		feed_call(fh, 50, "poll", 1, 1000 * MS, 1004 * MS, -1, 0);
	feed_call(fh, 50, "read", -EAGAIN, 1005 * MS, 1006 * MS, CPD_FD_SOCKET,
		  0);
	iv.index = 2;
	iv.start_ns = 1000 * MS;
	iv.end_ns = 2000 * MS;
	CPD_ASSERT_INT_EQ(cpd_plugin_v1.interval(fake_host_state(fh), &iv), 0);
	r = row(fh, "stats.interval", "syscall", "poll", 0);
	CPD_ASSERT_UINT_EQ(r ? r->u.report.interval : 0, 2);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 3);
	CPD_ASSERT_UINT_EQ(u64(r, "p50_ns"), 4 * MS);
	CPD_ASSERT_UINT_EQ(u64(r, "total_calls"), 8);
	CPD_ASSERT_UINT_EQ(u64(r, "total_ns"), 22 * MS);
	r = row(fh, "stats.interval", "syscall", "read", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "errors"), 1);
	r = row(fh, "stats.interval", "syscall", "total", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 4);
	CPD_ASSERT_UINT_EQ(u64(r, "total_calls"), 9);
	/* the slowest in the period first */
	r = fake_host_report(fh, "stats.interval", 0);
	assert_text(r, "syscall", "poll");
	/* a period with nothing in it still says so, with a total row */
	fake_host_clear(fh);
	iv.index = 3;
	CPD_ASSERT_INT_EQ(cpd_plugin_v1.interval(fake_host_state(fh), &iv), 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_REPORT), 1);
	r = row(fh, "stats.interval", "syscall", "total", 0);
	CPD_ASSERT_UINT_EQ(u64(r, "calls"), 0);
	CPD_ASSERT_UINT_EQ(u64(r, "total_calls"), 9);
	fake_host_free(fh);
}

static CU_TestInfo stats_tests[] = {
	{ "counts_errors_percentiles", test_counts_errors_percentiles },
	{ "time_split_by_class", test_time_split_by_class },
	{ "children_and_attach", test_children_and_attach },
	{ "process_cap", test_process_cap },
	{ "intervals", test_intervals },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "stats", .pTests = stats_tests },
	CU_SUITE_INFO_NULL,
};
