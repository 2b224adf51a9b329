// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The fake host other plugin tests rely on (tests/lib/fake_host.c): it
 * must behave like the real host where a plugin can tell, or plugin tests
 * would pass against something compendium is not. Exercised with
 * tests/bad/good.c compiled in, the way plugin tests compile theirs, and
 * with a probe plugin defined here that pokes at every service.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "cpd_test.h"
#include "fake_host.h"

/* tests/bad/good.c, linked into this binary */
extern const struct cpd_plugin cpd_plugin_v1;

/* good's custom event payload, as its field table describes it */
struct good_ping {
	uint64_t count;
	struct cpd_str note;
	int32_t pid;
};

static void proc_event(struct cpd_event *ev, int32_t pid)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = CPD_EV_PROC;
	ev->pid = ev->tid = pid;
	ev->u.proc.op = CPD_PROC_SPAWN_PROCESS;
}

static void test_good_plugin_lifecycle(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "good");
	const struct cpd_event *out;
	struct good_ping ping;
	struct cpd_event ev;
	uint32_t n;
	int kind;

	fake_host_set(fh, "label", "hello");
	fake_host_set(fh, "loud", "yes");
	CPD_ASSERT_INT_EQ(fake_host_start(fh), 0);
	/* good registered its kind in init(), through the real fields.c */
	kind = CPD_EV_CUSTOM_FIRST;
	CPD_ASSERT_STR_EQ(fake_host_vtable(fh)->event_kind_name(kind),
			  "good_ping");
	CU_ASSERT_PTR_NOT_NULL(fake_host_vtable(fh)->event_fields(kind, &n));
	CPD_ASSERT_UINT_EQ(n, 3);

	proc_event(&ev, 42);
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
	proc_event(&ev, 43);
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
	/* a kind it ignores: nothing published */
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_FILE;
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);

	CPD_ASSERT_UINT_EQ(fake_host_nevents(fh), 2);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, (uint32_t)kind), 2);
	out = fake_host_nth(fh, (uint32_t)kind, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	memcpy(&ping, out->u.custom, sizeof(ping));
	CPD_ASSERT_UINT_EQ(ping.count, 2);
	CPD_ASSERT_INT_EQ(ping.pid, 43);
	/* good scribbles on its buffer after publish: this is the copy */
	CPD_ASSERT_STR_EQ(ping.note.ptr, "hello");
	CPD_ASSERT_UINT_EQ(out->size, sizeof(struct cpd_event));
	CPD_ASSERT_INT_EQ(out->source, CPD_SRC_PLUGIN);
	CU_ASSERT_TRUE(out->seq > fake_host_event(fh, 0)->seq);
	CU_ASSERT_PTR_NULL(fake_host_event(fh, 2));
	CU_ASSERT_PTR_NULL(fake_host_nth(fh, (uint32_t)kind, 2));

	CU_ASSERT_TRUE(fake_host_logged(fh, "ping 2 for pid 43"));
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 2);
	CPD_ASSERT_INT_EQ(fake_host_log_level(fh, 0), CPD_LOG_NOTE);
	CPD_ASSERT_STR_EQ(fake_host_log_text(fh, 0), "ping 1 for pid 42");

	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);
	fake_host_clear(fh);
	CPD_ASSERT_UINT_EQ(fake_host_nevents(fh), 0);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 0);
	fake_host_free(fh);
	/* the plugin's kind went with it */
	fh = fake_host_new(&cpd_plugin_v1, "good");
	CU_ASSERT_PTR_NULL(fake_host_vtable(fh)->event_kind_name(kind));
	fake_host_free(fh);
}

/* good's report, its schema, and what publish does with a wrong one */
static void test_report_schema(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "good");
	const struct cpd_host *h = fake_host_vtable(fh);
	struct cpd_instance *inst;
	const struct cpd_report_desc *d;
	const struct cpd_event *r;
	struct cpd_event ev;
	struct cpd_kv kv;

	CPD_ASSERT_INT_EQ(fake_host_start(fh), 0);
	d = h->report_desc("good");
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_EQUAL(d, cpd_plugin_v1.reports);
	CU_ASSERT_PTR_NULL(h->report_desc("goo"));
	CU_ASSERT_PTR_NULL(h->report_desc(NULL));
	proc_event(&ev, 42);
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &ev), 0);
	CPD_ASSERT_INT_EQ(fake_host_stop(fh), 0);
	/* good publishes a value: the rest comes from its schema */
	r = fake_host_report(fh, "good", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Good");
	CPD_ASSERT_INT_EQ(r->u.report.order, 90);
	CPD_ASSERT_STR_EQ(fake_host_kv(r, "pings")->label.ptr, "Pings");
	CPD_ASSERT_UINT_EQ(fake_host_kv(r, "pings")->unit, CPD_UNIT_COUNT);
	CPD_ASSERT_UINT_EQ(fake_host_kv(r, "pings")->v.u64, 1);

	/* a plugin bug: refused, and the log says which plugin and key */
	inst = fake_host_instance(fh);
	memset(&kv, 0, sizeof(kv));
	kv.key = (struct cpd_str){ "pongs", 5, 0 };
	kv.type = CPD_KV_U64;
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = (struct cpd_str){ "good", 4, 0 };
	ev.u.report.nkv = 1;
	ev.u.report.kv = &kv;
	fake_host_clear(fh);
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EINVAL);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"publish refused: report 'good' of plugin 'good': key 'pongs' is not in its schema"));
	kv.key = (struct cpd_str){ "pings", 5, 0 };
	kv.type = CPD_KV_STR;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EINVAL);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"publish refused: report 'good' of plugin 'good': key 'pings' is a string, its schema says u64"));
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 2);
	CPD_ASSERT_UINT_EQ(fake_host_nevents(fh), 0);
	/* a topic nobody declares has no schema to keep */
	ev.u.report.topic = (struct cpd_str){ "other", 5, 0 };
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), 0);
	fake_host_free(fh);
}

static void test_validation_like_the_host(void)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "good");

	fake_host_set(fh, "label", "x");     /* line 2 */
	fake_host_set(fh, "lable", "x");     /* line 3 */
	fake_host_set(fh, "limit", "0");     /* line 4 */
	fake_host_set(fh, "enabled", "yes"); /* a host key */
	CPD_ASSERT_INT_EQ(fake_host_init(fh), -EINVAL);
	CU_ASSERT_PTR_NULL(fake_host_state(fh));
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"fake.conf:3: good: unknown key 'lable' (did you mean 'label'?)"));
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"fake.conf:4: good: bad value '0' for key 'limit': must be between 1 and 1073741824"));
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 2);
	/* never initialised: free does not call fini */
	fake_host_free(fh);
}

/* ---- a probe plugin using every service ------------------------------------- */

struct probe {
	/* options */
	bool flag;
	int64_t delta;
	uint64_t count;
	uint64_t bytes;
	uint64_t wait;
	const char *name;
	const char *out;
	int32_t level;
	const char *const *items;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint32_t limit_seen;
	int kind_rc_late;
	ssize_t read_rc;
	char read_buf[16];
	int pipe[2];
	unsigned fd_calls;
	int fd_ret;
};

static const char *const levels[] = { "low", "mid", "high", NULL };

#define P(m) offsetof(struct probe, m)

static const struct cpd_option probe_options[] = {
	{ .name = "flag",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = P(flag) },
	{ .name = "delta",
	  .type = CPD_OPT_INT,
	  .def = "-1",
	  .offset = P(delta) },
	{ .name = "count", .type = CPD_OPT_UINT, .offset = P(count) },
	{ .name = "bytes",
	  .type = CPD_OPT_SIZE,
	  .def = "1k",
	  .offset = P(bytes) },
	{ .name = "wait",
	  .type = CPD_OPT_DURATION,
	  .def = "1ms",
	  .offset = P(wait) },
	{ .name = "name", .type = CPD_OPT_STRING, .offset = P(name) },
	{ .name = "out", .type = CPD_OPT_PATH, .def = "-", .offset = P(out) },
	{ .name = "level",
	  .type = CPD_OPT_ENUM,
	  .def = "mid",
	  .choices = levels,
	  .offset = P(level) },
	{ .name = "items", .type = CPD_OPT_LIST, .offset = P(items) },
	CPD_OPTION_END
};

static int probe_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	struct probe *p = calloc(1, sizeof(*p));
	int rc;

	if (!p)
		return -ENOMEM;
	p->host = host;
	p->inst = inst;
	p->pipe[0] = p->pipe[1] = -1;
	rc = host->apply_options(inst, p);
	if (rc < 0) {
		free(p);
		return rc;
	}
	p->limit_seen = host->run_info(inst)->string_limit;
	*statep = p;
	return 0;
}

static int probe_fd_ready(void *state, int fd, uint32_t revents)
{
	struct probe *p = state;

	p->fd_calls++;
	return p->fd_ret;
}

static int probe_start(void *state)
{
	struct probe *p = state;

	if (pipe2(p->pipe, O_CLOEXEC) < 0)
		return -errno;
	return p->host->watch_fd(p->inst, p->pipe[0], EPOLLIN, probe_fd_ready);
}

static int probe_on_event(void *state, const struct cpd_event *ev)
{
	struct probe *p = state;

	if (ev->kind != CPD_EV_SYSCALL)
		return 0;
	memset(p->read_buf, 0, sizeof(p->read_buf));
	p->read_rc = p->host->read_tracee(p->inst, ev->u.syscall.args[1],
					  p->read_buf, 8);
	return 0;
}

static void probe_fini(void *state)
{
	struct probe *p = state;

	if (p->pipe[0] >= 0) {
		p->host->unwatch_fd(p->inst, p->pipe[0]);
		close(p->pipe[0]);
		close(p->pipe[1]);
	}
	free(p);
}

static const struct cpd_plugin probe_plugin = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "probe",
	.version = "0",
	.description = "pokes at the fake host",
	.subscribe = CPD_EVMASK(CPD_EV_SYSCALL),
	.options = probe_options,
	.init = probe_init,
	.start = probe_start,
	.on_event = probe_on_event,
	.fini = probe_fini,
};

static void test_options_applied(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe:one");
	static const char *const kv[] = { "flag",  "off",  "count", "7",
					  "items", "a, b", "wait",  "2s",
					  "items", "c",	   "name",  "n1",
					  "name",  "n2",   NULL };
	struct probe *p;

	fake_host_set_many(fh, kv);
	fake_host_run_info(fh)->string_limit = 1024;
	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	p = fake_host_state(fh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_FALSE(p->flag);
	CPD_ASSERT_INT_EQ(p->delta, -1);
	CPD_ASSERT_UINT_EQ(p->count, 7);
	CPD_ASSERT_UINT_EQ(p->bytes, 1024);
	CPD_ASSERT_UINT_EQ(p->wait, 2000000000);
	CPD_ASSERT_STR_EQ(p->name, "n2");
	CPD_ASSERT_STR_EQ(p->out, "-");
	CPD_ASSERT_INT_EQ(p->level, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p->items);
	CPD_ASSERT_STR_EQ(p->items[0], "a");
	CPD_ASSERT_STR_EQ(p->items[1], "b");
	CPD_ASSERT_STR_EQ(p->items[2], "c");
	CU_ASSERT_PTR_NULL(p->items[3]);
	CPD_ASSERT_UINT_EQ(p->limit_seen, 1024);
	CPD_ASSERT_STR_EQ(
		fake_host_vtable(fh)->instance_name(fake_host_instance(fh)),
		"probe:one");
	/* a repeated scalar key warns, like in compendium */
	CU_ASSERT_TRUE(fake_host_logged(fh, "key 'name' set again"));
	fake_host_free(fh);
}

static void test_publish_rules(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	const struct cpd_host *h = fake_host_vtable(fh);
	struct cpd_instance *inst = fake_host_instance(fh);
	const struct cpd_event *r;
	struct cpd_kv kv[2];
	struct cpd_event ev;
	char topic[8] = "t.rows";

	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_SYSCALL;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EPERM);
	CU_ASSERT_TRUE(fake_host_logged(
		fh, "cannot publish a syscall event: only the core does"));
	ev.kind = CPD_EV_PROC;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EPERM);
	ev.kind = CPD_EV_NOTICE;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EPERM);
	ev.kind = CPD_EV_FILE;
	ev.u.file.path.len = 3;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), -EINVAL);
	CU_ASSERT_TRUE(fake_host_logged(
		fh,
		"publish refused: file event has a string with no data or over 1048576 bytes"));
	CPD_ASSERT_INT_EQ(h->publish(inst, NULL), -EINVAL);
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 5);
	CPD_ASSERT_UINT_EQ(fake_host_nevents(fh), 0);

	memset(kv, 0, sizeof(kv));
	kv[0].key = (struct cpd_str){ "bytes", 5, 0 };
	kv[0].type = CPD_KV_U64;
	kv[0].v.u64 = 4096;
	kv[1].key = (struct cpd_str){ "path", 4, 0 };
	kv[1].type = CPD_KV_STR;
	kv[1].v.str = (struct cpd_str){ "/x", 2, 0 };
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = (struct cpd_str){ topic, 6, 0 };
	ev.u.report.flags = CPD_REPORTF_ROW;
	ev.u.report.nkv = 2;
	ev.u.report.kv = kv;
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), 0);
	CPD_ASSERT_INT_EQ(h->publish(inst, &ev), 0);
	memset(topic, 'x', sizeof(topic));
	memset(kv, 0, sizeof(kv));
	r = fake_host_report(fh, "t.rows", 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "t.rows", 2));
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "t.row", 0));
	CPD_ASSERT_UINT_EQ(fake_host_kv(r, "bytes")->v.u64, 4096);
	CPD_ASSERT_STR_EQ(fake_host_kv(r, "path")->v.str.ptr, "/x");
	CU_ASSERT_PTR_NULL(fake_host_kv(r, "nosuch"));
	CPD_ASSERT_UINT_EQ(fake_host_trace_stats(fh)->events_published, 2);

	/* register_kind() is for init() only, as in compendium */
	{
		static const struct cpd_field f[] = {
			{ .name = "x",
			  .type = CPD_FT_U64,
			  .offset = offsetof(struct cpd_event, u) },
		};
		static const struct cpd_kind_desc d = {
			.struct_size = sizeof(d),
			.nfields = 1,
			.name = "late",
			.fields = f,
		};

		CPD_ASSERT_INT_EQ(h->register_kind(inst, &d), -EBUSY);
	}
	fake_host_free(fh);
}

static void test_tracee_reads(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	static const char mem[] = "0123456789abcdef";
	struct fake_syscall sc;
	struct probe *p;
	char buf[8];

	CPD_ASSERT_INT_EQ(fake_host_start(fh), 0);
	p = fake_host_state(fh);
	fake_host_set_tracee(fh, 0x1000, mem, 16);
	/* outside a syscall delivery: refused */
	CPD_ASSERT_INT_EQ(fake_host_vtable(fh)->read_tracee(
				  fake_host_instance(fh), 0x1000, buf, 4),
			  -EPERM);

	CPD_ASSERT_INT_EQ(fake_syscall_init(&sc, 7, "read", 8), 0);
	fake_syscall_raw(&sc, 1, 0x1004);
	CPD_ASSERT_INT_EQ(fake_host_feed(fh, &sc.ev), 0);
	CPD_ASSERT_INT_EQ(p->read_rc, 8);
	CPD_ASSERT_STR_EQ(p->read_buf, "456789ab");
	/* short at the end of the mapping, EFAULT outside it */
	fake_syscall_raw(&sc, 1, 0x100c);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_INT_EQ(p->read_rc, 4);
	CPD_ASSERT_STR_EQ(p->read_buf, "cdef");
	fake_syscall_raw(&sc, 1, 0x2000);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_INT_EQ(p->read_rc, -EFAULT);
	fake_host_free(fh);
}

static void test_watched_fds(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	struct probe *p;
	uint32_t events = 0;

	CPD_ASSERT_INT_EQ(fake_host_start(fh), 0);
	p = fake_host_state(fh);
	CU_ASSERT_TRUE(fake_host_watching(fh, p->pipe[0], &events));
	CPD_ASSERT_UINT_EQ(events, EPOLLIN);
	CPD_ASSERT_INT_EQ(fake_host_fire_fd(fh, p->pipe[0], EPOLLIN), 0);
	CPD_ASSERT_UINT_EQ(p->fd_calls, 1);
	CPD_ASSERT_INT_EQ(fake_host_vtable(fh)->watch_fd(fake_host_instance(fh),
							 p->pipe[0], EPOLLIN,
							 probe_fd_ready),
			  -EEXIST);
	/* a failing callback loses its fd, as with the real loop */
	p->fd_ret = -EIO;
	CPD_ASSERT_INT_EQ(fake_host_fire_fd(fh, p->pipe[0], EPOLLIN), -EIO);
	CU_ASSERT_FALSE(fake_host_watching(fh, p->pipe[0], NULL));
	CPD_ASSERT_INT_EQ(fake_host_fire_fd(fh, p->pipe[0], EPOLLIN), -ENOENT);
	CPD_ASSERT_INT_EQ(fake_host_vtable(fh)->unwatch_fd(
				  fake_host_instance(fh), p->pipe[0]),
			  -ENOENT);
	fake_host_free(fh);
}

static void test_syscall_builder(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	const struct cpd_host *h = fake_host_vtable(fh);
	struct fake_syscall sc;
	char text[256];

	CPD_ASSERT_INT_EQ(fake_syscall_init(&sc, 100, "nosuch", 0), -ENOENT);
	CPD_ASSERT_INT_EQ(fake_syscall_init(&sc, 100, "openat", 3), 0);
	CPD_ASSERT_INT_EQ(sc.ev.kind, CPD_EV_SYSCALL);
	CPD_ASSERT_INT_EQ(sc.ev.pid, 100);
	CPD_ASSERT_INT_EQ(sc.ev.u.syscall.nr, 257);
	CPD_ASSERT_UINT_EQ(sc.ev.u.syscall.nargs, 4);
	CPD_ASSERT_UINT_EQ(sc.ev.u.syscall.classes & CPD_SC_FILE, CPD_SC_FILE);
	CPD_ASSERT_STR_EQ(sc.ev.u.syscall.name.ptr, "openat");
	CPD_ASSERT_UINT_EQ(sc.arg[1].kind, CPD_ARG_PATH);
	CPD_ASSERT_INT_EQ(sc.ev.u.syscall.err, 0);
	fake_syscall_raw(&sc, 0, (uint64_t)(int64_t)AT_FDCWD);
	fake_syscall_str(&sc, 1, "/etc/hosts");
	fake_syscall_raw(&sc, 2, O_RDONLY | O_CLOEXEC);
	fake_syscall_ret_fd(&sc, CPD_FD_FILE, "/etc/hosts");
	CU_ASSERT_PTR_EQUAL(sc.ev.u.syscall.arg, sc.arg);
	CPD_ASSERT_INT_EQ(sc.ev.u.syscall.retval.fd->fd, 3);
	h->format_syscall(&sc.ev, text, sizeof(text));
	CPD_ASSERT_CONTAINS(text, "openat(");
	CPD_ASSERT_CONTAINS(text, "\"/etc/hosts\"");
	CPD_ASSERT_CONTAINS(text, "O_RDONLY|O_CLOEXEC");

	CPD_ASSERT_INT_EQ(fake_syscall_init(&sc, 100, "read", -9), 0);
	CPD_ASSERT_INT_EQ(sc.ev.u.syscall.err, 9);
	fake_syscall_fd(&sc, 0, 5, CPD_FD_PIPE, NULL);
	CPD_ASSERT_UINT_EQ(sc.arg[0].raw, 5);
	CPD_ASSERT_INT_EQ(sc.arg[0].fd->kind, CPD_FD_PIPE);
	CPD_ASSERT_STR_EQ(h->errno_name(sc.ev.u.syscall.err), "EBADF");
	CPD_ASSERT_STR_EQ(h->signal_name(9), "SIGKILL");
	fake_host_free(fh);
}

static CU_TestInfo fake_host_tests[] = {
	{ "good_plugin_lifecycle", test_good_plugin_lifecycle },
	{ "report_schema", test_report_schema },
	{ "validation_like_the_host", test_validation_like_the_host },
	{ "options_applied", test_options_applied },
	{ "publish_rules", test_publish_rules },
	{ "tracee_reads", test_tracee_reads },
	{ "watched_fds", test_watched_fds },
	{ "syscall_builder", test_syscall_builder },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "fake_host", .pTests = fake_host_tests },
	CU_SUITE_INFO_NULL,
};
