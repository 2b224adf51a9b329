// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The expect analyzer (plugins/analyzers/expect/) against the fake host:
 * each rule held and broken by the events that break it, what a broken
 * rule prints, publishes and reports, the run failed; the rule language
 * of rule files with its FILE:LINE errors; paths, globs and networks;
 * and the rule file --expect-out writes, read back.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "analyzers/expect/expect.h"
#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

/*
 * The analyzers a rule is judged on declare these topics: declaring them
 * is how the test says they are loaded.
 */
static const struct cpd_report_key some_key[] = {
	{ .key = "n",
	  .label = "N",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT },
};
static const struct cpd_report_desc analyzer_reports[] = {
	{ .topic = "file", .title = "Files", .keys = some_key, .nkeys = 1 },
	{ .topic = "net", .title = "Network", .keys = some_key, .nkeys = 1 },
	{ .topic = "findings",
	  .title = "Findings",
	  .keys = some_key,
	  .nkeys = 1 },
	CPD_REPORT_END
};
static const struct cpd_plugin analyzers = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "others",
	.reports = analyzer_reports,
};

/* An expect instance with these key = value pairs, started. */
static struct fake_host *start_with(const char *const *kv, bool others)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

	if (others)
		fake_host_declare(fh, &analyzers);
	if (kv)
		fake_host_set_many(fh, kv);
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	fake_host_clear(fh);
	return fh;
}

static void ev_init(struct cpd_event *ev, uint16_t kind, int pid,
		    const char *comm)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->pid = ev->tid = pid;
	ev->comm.ptr = comm;
	ev->comm.len = (uint32_t)strlen(comm);
	ev->ts_ns = 1000;
}

static struct cpd_str str(const char *s)
{
	struct cpd_str v = { s, s ? (uint32_t)strlen(s) : 0, 0 };

	return v;
}

static void feed_open(struct fake_host *fh, int pid, const char *path,
		      uint32_t flags)
{
	struct cpd_event ev;

	ev_init(&ev, CPD_EV_FILE, pid, "sh");
	ev.u.file.op = CPD_FILE_OPEN;
	ev.u.file.flags = flags;
	ev.u.file.path = str(path);
	ev.u.file.syscall = str("openat");
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_exec(struct fake_host *fh, int pid, const char *path,
		      uint32_t flags)
{
	struct cpd_event ev;

	ev_init(&ev, CPD_EV_PROC, pid, "sh");
	ev.u.proc.op = CPD_PROC_EXEC;
	ev.u.proc.flags = flags;
	ev.u.proc.path = str(path);
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_spawn(struct fake_host *fh, int pid, int child)
{
	struct cpd_event ev;

	ev_init(&ev, CPD_EV_PROC, pid, "make");
	ev.u.proc.op = CPD_PROC_SPAWN_PROCESS;
	ev.u.proc.child_pid = ev.u.proc.child_tid = child;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_exit(struct fake_host *fh, int pid, int code, int sig)
{
	struct cpd_event ev;

	ev_init(&ev, CPD_EV_PROC, pid, "sh");
	ev.u.proc.op = CPD_PROC_EXIT;
	ev.u.proc.flags = CPD_PROCF_ROOT | CPD_PROCF_LEADER;
	ev.u.proc.exit_code = code;
	ev.u.proc.signal = sig;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_net(struct fake_host *fh, int pid, uint32_t op,
		     const char *addr, uint16_t port, uint32_t flags)
{
	struct cpd_event ev;
	struct cpd_sockaddr *sa = &ev.u.net.peer;

	ev_init(&ev, CPD_EV_NET, pid, "curl");
	ev.u.net.op = op;
	ev.u.net.flags = flags;
	ev.u.net.syscall = str(op == CPD_NET_SEND ? "sendto" : "connect");
	sa->port = port;
	if (inet_pton(AF_INET, addr, sa->addr) == 1)
		sa->family = AF_INET;
	else if (inet_pton(AF_INET6, addr, sa->addr) == 1)
		sa->family = AF_INET6;
	ev.u.net.family = sa->family;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

static void feed_finding(struct fake_host *fh, const char *id, uint32_t sev)
{
	struct cpd_event ev;

	ev_init(&ev, CPD_EV_FINDING, 77, "cc");
	ev.u.finding.id = str(id);
	ev.u.finding.severity = sev;
	ev.u.finding.title = str("cc -c bad.c exited with status 1");
	ev.u.finding.count = 1;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
}

/* The result column of the rule's row in expect.rules. */
static const char *result_of(struct fake_host *fh, const char *rule)
{
	const struct cpd_event *r;
	size_t i;

	for (i = 0; (r = fake_host_report(fh, "expect.rules", i)); i++) {
		const struct cpd_kv *k = fake_host_kv(r, "rule");

		if (k && k->v.str.len == strlen(rule) &&
		    !memcmp(k->v.str.ptr, rule, k->v.str.len))
			return fake_host_kv(r, "result")->v.str.ptr;
	}
	return NULL;
}

static void test_writes_under(void)
{
	static const char *const kv[] = { "writes_under", "/work/out, /tmp/ci/",
					  NULL };
	struct fake_host *fh = start_with(kv, true);
	const struct cpd_event *f;

	feed_open(fh, 42, "/work/out/a.o", CPD_FILEF_WRITABLE);
	feed_open(fh, 42, "/tmp/ci", CPD_FILEF_WRITABLE | CPD_FILEF_CREATED);
	feed_open(fh, 42, "/etc/passwd", CPD_FILEF_READABLE);
	/* the noise filter's: not judged, -v or not */
	feed_open(fh, 42, "/dev/null", CPD_FILEF_WRITABLE | CPD_FILEF_HIDDEN);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	/* a prefix that is not the directory is outside it */
	feed_open(fh, 42, "/work/output/x", CPD_FILEF_WRITABLE);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 1);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"writes-under broken: pid 42 (sh) openat /work/output/x for writing"));
	f = fake_host_nth(fh, CPD_EV_FINDING, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_STR_EQ(f->u.finding.id.ptr, "expect-writes-under");
	CPD_ASSERT_INT_EQ(f->u.finding.severity, CPD_SEV_ERROR);
	CPD_ASSERT_INT_EQ(f->pid, 42);
	CPD_ASSERT_STR_EQ(f->u.finding.paths.ptr, "/work/output/x");
	CU_ASSERT_PTR_NULL(fake_host_failed(fh));
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);
	CPD_ASSERT_STR_EQ(result_of(fh, "writes-under /work/out /tmp/ci"),
			  "BROKEN (1 event)");
	CPD_ASSERT_STR_EQ(fake_host_failed(fh),
			  "1 of 1 expectation not met (writes-under)");
	fake_host_free(fh);
}

static void test_reads_under_and_relative(void)
{
	static const char *const kv[] = { "reads_under", "lib/../src, /usr",
					  NULL };
	struct fake_host *fh = start_with(kv, true);
	char *cwd = getcwd(NULL, 0), path[4200], rule[4200];

	CU_ASSERT_PTR_NOT_NULL_FATAL(cwd);
	snprintf(path, sizeof(path), "%s/src/main.c", cwd);
	feed_open(fh, 5, path, CPD_FILEF_READABLE);
	feed_open(fh, 5, "/usr/include/stdio.h", CPD_FILEF_READABLE);
	feed_open(fh, 5, "/tmp/out", CPD_FILEF_WRITABLE);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	feed_open(fh, 5, "/etc/shadow", CPD_FILEF_READABLE);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"reads-under broken: pid 5 (sh) openat /etc/shadow for reading"));
	fake_host_stop(fh);
	snprintf(rule, sizeof(rule), "reads-under %s/src /usr", cwd);
	CPD_ASSERT_STR_EQ(result_of(fh, rule), "BROKEN (1 event)");
	free(cwd);
	fake_host_free(fh);
}

static void test_no_network(void)
{
	static const char *const kv[] = { "no_network",
					  "10.0.0.0/8, [2001:db8::1]:443",
					  NULL };
	struct fake_host *fh = start_with(kv, true);

	feed_net(fh, 9, CPD_NET_CONNECT, "127.0.0.1", 80, CPD_NETF_LOOPBACK);
	feed_net(fh, 9, CPD_NET_CONNECT, "10.200.0.2", 80, 0);
	feed_net(fh, 9, CPD_NET_CONNECT, "2001:db8::1", 443, 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	feed_net(fh, 9, CPD_NET_CONNECT, "2001:db8::1", 80, 0);
	feed_net(fh, 9, CPD_NET_CONNECT_FAILED, "192.0.2.1", 443, 0);
	/* a datagram's peer once per process, however often */
	feed_net(fh, 9, CPD_NET_SEND, "192.0.2.53", 53, 0);
	feed_net(fh, 9, CPD_NET_SEND, "192.0.2.53", 53, 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 3);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"no-network broken: pid 9 (curl) connect to [2001:db8::1]:80"));
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"no-network broken: pid 9 (curl) connect to 192.0.2.1:443 (it failed)"));
	CU_ASSERT_TRUE(fake_host_logged(
		fh, "no-network broken: pid 9 (curl) sendto to 192.0.2.53:53"));
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(
		result_of(fh, "no-network 10.0.0.0/8 [2001:db8::1]:443"),
		"BROKEN (3 events)");
	fake_host_free(fh);
}

static void test_exec_rules(void)
{
	static const char *const kv[] = { "exec_only", "/usr/bin/*, make",
					  "no_exec", "curl, /opt/*", NULL };
	struct fake_host *fh = start_with(kv, true);

	feed_exec(fh, 1, "/usr/bin/cc", CPD_PROCF_ROOT);
	feed_exec(fh, 2, "/usr/local/bin/make", 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	feed_exec(fh, 3, "/usr/bin/curl", 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 1);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"no-exec broken: pid 3 (sh) execve /usr/bin/curl, matching curl"));
	feed_exec(fh, 4, "/opt/tool/bin/x", 0);
	/* breaks both: outside exec-only, and no-exec's /opt/ */
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 3);
	CU_ASSERT_TRUE(fake_host_logged(
		fh, "exec-only broken: pid 4 (sh) execve /opt/tool/bin/x"));
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "exec-only /usr/bin/* make"),
			  "BROKEN (1 event)");
	CPD_ASSERT_STR_EQ(result_of(fh, "no-exec curl /opt/*"),
			  "BROKEN (2 events)");
	fake_host_free(fh);
}

static void test_exit(void)
{
	static const char *const kv[] = { "exit", "0", NULL };
	struct fake_host *fh = start_with(kv, true);

	feed_exec(fh, 10, "/bin/sh", CPD_PROCF_ROOT);
	feed_exit(fh, 10, 0, 0);
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "exit 0"), "held");
	CU_ASSERT_PTR_NULL(fake_host_failed(fh));
	CPD_ASSERT_UINT_EQ(
		fake_host_kv(fake_host_report(fh, "expect", 0), "held")->v.u64,
		1);
	fake_host_free(fh);

	fh = start_with(kv, true);
	feed_exit(fh, 10, 3, 0);
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "exit 0"),
			  "BROKEN (pid 10 (sh) exited with status 3)");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 1);
	CPD_ASSERT_STR_EQ(fake_host_failed(fh),
			  "1 of 1 expectation not met (exit)");
	fake_host_free(fh);

	fh = start_with(kv, true);
	feed_exit(fh, 10, -1, 9);
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "exit 0"),
			  "BROKEN (pid 10 (sh) was killed by SIGKILL)");
	fake_host_free(fh);

	/* a command that never exited (a detach) cannot have exited 0 */
	fh = start_with(kv, true);
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "exit 0"),
			  "BROKEN (the command did not exit while traced)");
	fake_host_free(fh);
}

static void test_no_findings(void)
{
	static const char *const kv[] = { "no_findings", "warning", NULL };
	struct fake_host *fh = start_with(kv, true);

	feed_finding(fh, "probe", CPD_SEV_INFO);
	feed_finding(fh, "repeat", CPD_SEV_NOTICE);
	/* another expect instance's verdicts are not about the run */
	feed_finding(fh, "expect-exit", CPD_SEV_ERROR);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	feed_finding(fh, "exit", CPD_SEV_ERROR);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"no-findings broken: pid 77 (cc): error exit: cc -c bad.c exited with status 1"));
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "no-findings warning"),
			  "BROKEN (1 event)");
	fake_host_free(fh);
}

static void test_max_processes(void)
{
	static const char *const kv[] = { "max_processes", "3", "max_shown",
					  "1", NULL };
	struct fake_host *fh = start_with(kv, true);
	const struct cpd_event *f;

	feed_exec(fh, 100, "/usr/bin/make", CPD_PROCF_ROOT);
	feed_exec(fh, 100, "/usr/bin/make", CPD_PROCF_ROOT);
	feed_spawn(fh, 100, 101);
	feed_spawn(fh, 100, 102);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
	feed_spawn(fh, 100, 103);
	feed_spawn(fh, 100, 104);
	feed_spawn(fh, 100, 105);
	/* max_shown = 1: one shown, the rest counted, said at the end */
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 1);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"max-processes broken: pid 100 (make) started pid 103, process 4 of at most 3"));
	fake_host_stop(fh);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 2);
	f = fake_host_nth(fh, CPD_EV_FINDING, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_UINT_EQ(f->u.finding.count, 2);
	CU_ASSERT_TRUE(f->u.finding.flags & CPD_FINDF_COLLAPSED);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"max-processes broken by 2 more events (max_shown = 1 shows the first)"));
	CPD_ASSERT_STR_EQ(result_of(fh, "max-processes 3"),
			  "BROKEN (3 events)");
	fake_host_free(fh);
}

/* Without the analyzer a rule is judged on, it cannot hold. */
static void test_unjudgeable(void)
{
	static const char *const kv[] = { "writes_under", "/x", "exec_only",
					  "*", NULL };
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

	fake_host_set_many(fh, kv);
	CPD_ASSERT_INT_EQ(fake_host_start(fh), 0);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"writes-under cannot be judged: the file analyzer is not enabled"));
	fake_host_stop(fh);
	CPD_ASSERT_STR_EQ(result_of(fh, "writes-under /x"),
			  "NOT JUDGED (the file analyzer is not enabled)");
	CPD_ASSERT_STR_EQ(result_of(fh, "exec-only *"), "held");
	CPD_ASSERT_STR_EQ(fake_host_failed(fh),
			  "1 of 2 expectations not met (writes-under)");
	fake_host_free(fh);
}

/* ---- rule files ----------------------------------------------------- */

static char *rule_file(const char *name, const char *text)
{
	char *p = cpd_test_write_text(cpd_test_tmpdir(), name, text);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return p;
}

static void test_rule_file(void)
{
	const char *dir = cpd_test_tmpdir();
	char *path = rule_file(
		"good.expect",
		"# a policy\n"
		"\n"
		"writes-under out \"/srv/with space\" # trailing comment\n"
		"writes-under=/var/cache\n"
		"no-network 192.0.2.0/24\n"
		"exec-only \"/usr/bin/*\" \"we\\\"ird\\x41\"\n"
		"exit 0\n"
		"exit 0\n"
		"max-processes 40\n"
		"no-findings error\n");
	const char *kv[] = { "file", path, "writes_under", "/tmp/x", NULL };
	struct fake_host *fh = start_with(kv, true);
	char want[4200];

	fake_host_stop(fh);
	/* relative to the file's directory; keys and file add up */
	snprintf(want, sizeof(want),
		 "writes-under /tmp/x %s/out \"/srv/with space\" /var/cache",
		 dir);
	CPD_ASSERT_STR_EQ(result_of(fh, want), "held");
	CPD_ASSERT_STR_EQ(result_of(fh, "no-network 192.0.2.0/24"), "held");
	CPD_ASSERT_STR_EQ(result_of(fh, "exec-only /usr/bin/* \"we\\\"irdA\""),
			  "held");
	CU_ASSERT_PTR_NOT_NULL(result_of(fh, "exit 0"));
	CU_ASSERT_PTR_NOT_NULL(result_of(fh, "max-processes 40"));
	CU_ASSERT_PTR_NOT_NULL(result_of(fh, "no-findings error"));
	fake_host_free(fh);
	free(path);
}

/* The rule file's error lines, as the plugin logged them. */
static void assert_file_error_n(const char *text, size_t len, const char *error)
{
	char *path = cpd_test_write_file(cpd_test_tmpdir(), "bad.expect", text,
					 len),
	     want[4300];
	const char *kv[] = { "file", path, NULL };
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

	fake_host_set_many(fh, kv);
	CPD_ASSERT_INT_EQ(fake_host_init(fh), -EINVAL);
	snprintf(want, sizeof(want), "%s:%s", path, error);
	CU_ASSERT_TRUE(fake_host_logged(fh, want));
	if (!fake_host_logged(fh, want))
		fprintf(stderr, "wanted '%s', logged '%s'\n", want,
			fake_host_nlogs(fh) ? fake_host_log_text(fh, 0) : "");
	fake_host_free(fh);
	free(path);
}

static void assert_file_error(const char *text, const char *error)
{
	assert_file_error_n(text, strlen(text), error);
}

static void test_rule_file_errors(void)
{
	assert_file_error(
		"exit 0\nwrites-undr /x\n",
		"2: unknown rule 'writes-undr' (no-network, writes-under, reads-under, exec-only, no-exec, exit, no-findings, max-processes)");
	assert_file_error("writes-under\n",
			  "1: writes-under needs at least one directory");
	assert_file_error("exec-only\n",
			  "1: exec-only needs at least one program or glob");
	assert_file_error("exit\n", "1: exit needs one status, 0 to 255");
	assert_file_error("exit 256\n", "1: exit needs one status, 0 to 255");
	assert_file_error("exit 0 1\n", "1: exit needs one status, 0 to 255");
	assert_file_error("exit 0\n\nexit 1\n",
			  "3: exit set again to another value (first at ");
	assert_file_error("max-processes 0\n",
			  "1: max-processes needs one number, 1 or more");
	assert_file_error(
		"no-findings bad\n",
		"1: no-findings needs one severity: info, notice, warning or error");
	assert_file_error(
		"no-network example.com\n",
		"1: no-network: 'example.com' is not an address or a network");
	assert_file_error("no-network 10.0.0.0/33\n",
			  "1: no-network: '10.0.0.0/33' is not an address");
	assert_file_error("writes-under \"/x\n", "1: a quote is not closed");
	assert_file_error("writes-under \"/x\"y\n",
			  "1: a closing quote must end its word");
	assert_file_error("writes-under \"\\q\"\n",
			  "1: unknown escape in quotes");
	assert_file_error_n("writes-under /a\0b\n", 17, "1: a NUL byte");
	{
		char *big = malloc(5000);

		CU_ASSERT_PTR_NOT_NULL_FATAL(big);
		memset(big, 'x', 4999);
		memcpy(big, "writes-under /", 14);
		big[4999] = '\0';
		assert_file_error(big, "1: line longer than 4096 bytes");
		free(big);
	}
	/* every bad line is said, not only the first */
	{
		char *path = rule_file("two.expect", "exit x\nnope\n");
		const char *kv[] = { "file", path, NULL };
		struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

		fake_host_set_many(fh, kv);
		CPD_ASSERT_INT_EQ(fake_host_init(fh), -EINVAL);
		CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 2);
		fake_host_free(fh);
		free(path);
	}
	/* and a file that is not there */
	{
		const char *kv[] = { "file", "/nonexistent/x.expect", NULL };
		struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

		fake_host_set_many(fh, kv);
		CPD_ASSERT_INT_EQ(fake_host_init(fh), -EINVAL);
		CU_ASSERT_TRUE(fake_host_logged(
			fh,
			"cannot open rule file '/nonexistent/x.expect': No such file or directory"));
		fake_host_free(fh);
	}
}

/* Keys validated by the host: their file and line. */
static void test_key_errors(void)
{
	static const char *const kv[] = { "exit", "300", "no_findings", "bad",
					  NULL };
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "expect");

	fake_host_set_many(fh, kv);
	CPD_ASSERT_UINT_EQ(fake_host_validate(fh), 2);
	CU_ASSERT_TRUE(fake_host_logged(
		fh, "fake.conf:2: expect: bad value '300' for key 'exit'"));
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"fake.conf:3: expect: bad value 'bad' for key 'no_findings'"));
	fake_host_free(fh);
	/* no_network = no turns it off; a bad host is said */
	{
		static const char *const off[] = { "no_network", "no", NULL };
		static const char *const bad[] = { "no_network", "yes, nowhere",
						   NULL };

		fh = start_with(off, true);
		fake_host_stop(fh);
		CU_ASSERT_PTR_NULL(fake_host_report(fh, "expect", 0));
		fake_host_free(fh);
		fh = fake_host_new(&cpd_plugin_v1, "expect");
		fake_host_set_many(fh, bad);
		CPD_ASSERT_INT_EQ(fake_host_init(fh), -EINVAL);
		CU_ASSERT_TRUE(
			fake_host_logged(fh, "no-network: 'nowhere' is not"));
		fake_host_free(fh);
	}
}

/* ---- matching ------------------------------------------------------- */

static void test_paths_and_globs(void)
{
	char *p;

	p = expect_clean_path("/work/x", "../out/./a//b/");
	CPD_ASSERT_STR_EQ(p, "/work/out/a/b");
	free(p);
	p = expect_clean_path("/work", "/../../etc");
	CPD_ASSERT_STR_EQ(p, "/etc");
	free(p);
	p = expect_clean_path("/", ".");
	CPD_ASSERT_STR_EQ(p, "/");
	free(p);
	CU_ASSERT_TRUE(expect_under("/a/b", 4, "/a"));
	CU_ASSERT_TRUE(expect_under("/a", 2, "/a"));
	CU_ASSERT_FALSE(expect_under("/ab", 3, "/a"));
	CU_ASSERT_TRUE(expect_under("/anything", 9, "/"));
	CU_ASSERT_FALSE(expect_under("relative", 8, "/"));
	CU_ASSERT_TRUE(expect_glob("cc*", "/usr/bin/cc1", 12));
	CU_ASSERT_TRUE(expect_glob("/usr/bin/*", "/usr/bin/cc", 11));
	CU_ASSERT_TRUE(expect_glob("/usr/*", "/usr/lib/gcc/cc1", 16));
	CU_ASSERT_FALSE(expect_glob("/usr/bin/*", "/usr/local/bin/cc", 17));
	CU_ASSERT_FALSE(expect_glob("curl", "/usr/bin/curl-config", 20));
	CU_ASSERT_TRUE(expect_glob("/a/b\\*c", "/a/b*c", 6));
	CU_ASSERT_FALSE(expect_glob("/a/b\\*c", "/a/bxc", 6));
}

static void test_networks(void)
{
	struct cpd_sockaddr sa;
	struct expect_net n;

	memset(&sa, 0, sizeof(sa));
	sa.family = AF_INET;
	inet_pton(AF_INET, "10.1.2.3", sa.addr);
	sa.port = 443;
	CPD_ASSERT_INT_EQ(expect_net_parse("10.0.0.0/8", &n), 0);
	CU_ASSERT_TRUE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("10.1.2.0/25", &n), 0);
	CU_ASSERT_TRUE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("10.1.2.128/25", &n), 0);
	CU_ASSERT_FALSE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("10.1.2.3:443", &n), 0);
	CU_ASSERT_TRUE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("10.1.2.3:80", &n), 0);
	CU_ASSERT_FALSE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("0.0.0.0/0", &n), 0);
	CU_ASSERT_TRUE(expect_net_match(&n, &sa));
	/* an IPv4-mapped IPv6 peer is its IPv4 address */
	memset(&sa, 0, sizeof(sa));
	sa.family = AF_INET6;
	inet_pton(AF_INET6, "::ffff:10.1.2.3", sa.addr);
	CPD_ASSERT_INT_EQ(expect_net_parse("10.1.0.0/16", &n), 0);
	CU_ASSERT_TRUE(expect_net_match(&n, &sa));
	CPD_ASSERT_INT_EQ(expect_net_parse("[2001:db8::]:53", &n), 0);
	CPD_ASSERT_INT_EQ(n.port, 53);
	CPD_ASSERT_INT_EQ(expect_net_parse("2001:db8::/32", &n), 0);
	CPD_ASSERT_INT_EQ(n.prefix, 32);
	CPD_ASSERT_INT_EQ(expect_net_parse("example.com", &n), -EINVAL);
	CPD_ASSERT_INT_EQ(expect_net_parse("10.0.0.1:0", &n), -EINVAL);
	CPD_ASSERT_INT_EQ(expect_net_parse("10.0.0.1:99999", &n), -EINVAL);
	CPD_ASSERT_INT_EQ(expect_net_parse("[::1", &n), -EINVAL);
	CPD_ASSERT_INT_EQ(expect_net_parse("::1/129", &n), -EINVAL);
	CPD_ASSERT_INT_EQ(expect_net_parse("", &n), -EINVAL);
}

/* ---- --expect-out --------------------------------------------------- */

static void test_expect_out(void)
{
	const char *dir = cpd_test_tmpdir();
	char out[4200];
	const char *kv[] = { "out", out, NULL };
	struct fake_host *fh;
	char *text;

	snprintf(out, sizeof(out), "%s/observed.expect", dir);
	fh = start_with(kv, true);
	feed_exec(fh, 1, "/usr/bin/make", CPD_PROCF_ROOT);
	feed_exec(fh, 2, "/usr/bin/cc", 0);
	feed_exec(fh, 3, "/opt/we ird/[x]", 0);
	feed_open(fh, 2, "/work/b/x.o", CPD_FILEF_WRITABLE);
	feed_open(fh, 2, "/work/b", CPD_FILEF_READABLE);
	feed_open(fh, 2, "/work/b/sub/y.o", CPD_FILEF_WRITABLE);
	feed_open(fh, 2, "/work/b-x/z", CPD_FILEF_WRITABLE);
	feed_open(fh, 2, "/dev/null", CPD_FILEF_WRITABLE | CPD_FILEF_HIDDEN);
	feed_net(fh, 2, CPD_NET_CONNECT, "127.0.0.1", 80, CPD_NETF_LOOPBACK);
	feed_net(fh, 2, CPD_NET_CONNECT, "192.0.2.7", 443, 0);
	feed_exit(fh, 1, 0, 0);
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);
	fake_host_free(fh);
	text = cpd_test_read_file(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CPD_ASSERT_CONTAINS(text, "\nwrites-under /work/b /work/b-x\n");
	CPD_ASSERT_CONTAINS(text, "\nno-network 192.0.2.7\n");
	CPD_ASSERT_CONTAINS(
		text,
		"\nexec-only \"/opt/we ird/\\\\[x]\" /usr/bin/cc /usr/bin/make\n");
	CPD_ASSERT_CONTAINS(text, "\nexit 0\n");
	free(text);

	/* read back, the same events pass it */
	{
		const char *again[] = { "file", out, NULL };

		fh = start_with(again, true);
		feed_exec(fh, 1, "/usr/bin/make", CPD_PROCF_ROOT);
		feed_exec(fh, 3, "/opt/we ird/[x]", 0);
		feed_open(fh, 2, "/work/b/sub/y.o", CPD_FILEF_WRITABLE);
		feed_net(fh, 2, CPD_NET_CONNECT, "192.0.2.7", 443, 0);
		feed_exit(fh, 1, 0, 0);
		CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 0);
		feed_open(fh, 2, "/tmp/elsewhere", CPD_FILEF_WRITABLE);
		feed_exec(fh, 3, "/opt/we ird/x", 0);
		CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_FINDING), 2);
		fake_host_stop(fh);
		CPD_ASSERT_STR_EQ(
			fake_host_failed(fh),
			"2 of 4 expectations not met (writes-under, exec-only)");
		fake_host_free(fh);
	}
}

static CU_TestInfo expect_tests[] = {
	{ "writes_under", test_writes_under },
	{ "reads_under_relative_to_cwd", test_reads_under_and_relative },
	{ "no_network_loopback_and_listed", test_no_network },
	{ "exec_only_and_no_exec", test_exec_rules },
	{ "exit_status", test_exit },
	{ "no_findings", test_no_findings },
	{ "max_processes_and_max_shown", test_max_processes },
	{ "unjudgeable_rules_fail", test_unjudgeable },
	{ "rule_file", test_rule_file },
	{ "rule_file_errors_say_file_and_line", test_rule_file_errors },
	{ "key_errors", test_key_errors },
	{ "paths_and_globs", test_paths_and_globs },
	{ "networks", test_networks },
	{ "expect_out_read_back", test_expect_out },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "expect", .pTests = expect_tests },
	CU_SUITE_INFO_NULL,
};
