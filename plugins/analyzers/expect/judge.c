// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Each event against the rules it can break, as it comes: what the file,
 * net and findings analyzers published and the core's process events.
 * Events a noise filter hid (the loader's libraries, /proc, loopback when
 * hidden) are not judged, so -v does not change a verdict. What an event
 * did is said with the tracee's bytes as they are: the host's log and
 * every output escape them.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "expect.h"
#include "lib/format.h"

#define EXPECT_WHAT 600

#define STR(s) (int)(s).len, (s).ptr ? (s).ptr : ""

/* "pid 42 (sh)" */
static int expect_who(const struct cpd_event *ev, char *buf, size_t size)
{
	return snprintf(buf, size, "pid %d (%.*s)", ev->pid, STR(ev->comm));
}

/* ---- files ---------------------------------------------------------- */

static bool expect_under_any(const struct expect_rule *r, const char *path,
			     size_t len)
{
	size_t i;

	for (i = 0; i < r->nargs; i++)
		if (expect_under(path, len, r->args[i]))
			return true;
	return false;
}

static void expect_file(struct expect *x, const struct cpd_event *ev)
{
	const struct cpd_ev_file *f = &ev->u.file;
	static const struct {
		enum expect_kind kind;
		uint32_t flag;
		const char *how;
	} dirs[] = {
		{ EXPECT_WRITES_UNDER, CPD_FILEF_WRITABLE, "for writing" },
		{ EXPECT_READS_UNDER, CPD_FILEF_READABLE, "for reading" },
	};
	char what[EXPECT_WHAT];
	size_t i;
	int n;

	/*
	 * Opens only: writes through a descriptor from outside the trace
	 * (a log the caller redirected to) are not the program's choice.
	 */
	if (f->op != CPD_FILE_OPEN || (f->flags & CPD_FILEF_HIDDEN))
		return;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct expect_rule *r = &x->rules[dirs[i].kind];

		if (!r->on || !(f->flags & dirs[i].flag) ||
		    expect_under_any(r, f->path.ptr, f->path.len))
			continue;
		n = expect_who(ev, what, sizeof(what));
		snprintf(what + n, sizeof(what) - (size_t)n, " %.*s %.*s %s",
			 STR(f->syscall), STR(f->path), dirs[i].how);
		expect_broken(x, r, ev, what, &f->path);
	}
}

/* ---- network -------------------------------------------------------- */

static bool expect_allowed(const struct expect_rule *r,
			   const struct cpd_sockaddr *sa)
{
	size_t i;

	for (i = 0; i < r->nnets; i++)
		if (expect_net_match(&r->nets[i], sa))
			return true;
	return false;
}

static void expect_net(struct expect *x, const struct cpd_event *ev)
{
	const struct cpd_ev_net *nv = &ev->u.net;
	struct expect_rule *r = &x->rules[EXPECT_NO_NETWORK];
	const struct cpd_sockaddr *sa = &nv->peer;
	char what[EXPECT_WHAT], peer[300], key[340];
	const char *how, *failed = "";
	struct cpd_str ps;
	int n;

	if (!r->on || (nv->flags & (CPD_NETF_HIDDEN | CPD_NETF_LOOPBACK |
				    CPD_NETF_LOCAL_IPC)))
		return;
	if (sa->family != AF_INET && sa->family != AF_INET6)
		return;
	switch (nv->op) {
	case CPD_NET_CONNECT:
	case CPD_NET_SEND:
		how = "to";
		break;
	case CPD_NET_CONNECT_FAILED:
		how = "to";
		failed = " (it failed)";
		break;
	case CPD_NET_ACCEPT:
	case CPD_NET_RECV:
		how = "from";
		break;
	default:
		return;
	}
	/*
	 * A process's traffic with a peer counts once: its connect, accept
	 * or first datagram, not every send and receive after it.
	 */
	format_sockaddr(sa, peer, sizeof(peer));
	n = snprintf(key, sizeof(key), "%d %s", ev->pid, peer);
	if (expect_set_add(&x->net_judged, key, (size_t)n) == 0 &&
	    nv->op != CPD_NET_CONNECT && nv->op != CPD_NET_ACCEPT &&
	    nv->op != CPD_NET_CONNECT_FAILED)
		return;
	if (expect_allowed(r, sa))
		return;
	n = expect_who(ev, what, sizeof(what));
	snprintf(what + n, sizeof(what) - (size_t)n, " %.*s %s %s%s",
		 STR(nv->syscall), how, peer, failed);
	ps.ptr = peer;
	ps.len = (uint32_t)strlen(peer);
	ps.flags = 0;
	expect_broken(x, r, ev, what, &ps);
}

/* ---- processes ------------------------------------------------------ */

static bool expect_glob_any(const struct expect_rule *r, const char *path,
			    size_t len, const char **which)
{
	size_t i;

	for (i = 0; i < r->nargs; i++) {
		if (expect_glob(r->args[i], path, len)) {
			*which = r->args[i];
			return true;
		}
	}
	return false;
}

static void expect_exec(struct expect *x, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	struct expect_rule *only = &x->rules[EXPECT_EXEC_ONLY];
	struct expect_rule *no = &x->rules[EXPECT_NO_EXEC];
	char what[EXPECT_WHAT];
	const char *which = NULL;
	int n;

	n = expect_who(ev, what, sizeof(what));
	snprintf(what + n, sizeof(what) - (size_t)n, " execve %.*s",
		 STR(p->path));
	if (only->on &&
	    !expect_glob_any(only, p->path.ptr, p->path.len, &which))
		expect_broken(x, only, ev, what, &p->path);
	if (no->on && expect_glob_any(no, p->path.ptr, p->path.len, &which)) {
		size_t len = strlen(what);

		snprintf(what + len, sizeof(what) - len, ", matching %s",
			 which);
		expect_broken(x, no, ev, what, &p->path);
	}
}

static void expect_proc(struct expect *x, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	struct expect_rule *r = &x->rules[EXPECT_MAX_PROCESSES];
	char what[EXPECT_WHAT], pid[16];
	int n;

	if ((p->flags & CPD_PROCF_ROOT) &&
	    (p->op == CPD_PROC_EXEC || p->op == CPD_PROC_START ||
	     p->op == CPD_PROC_ATTACH)) {
		n = snprintf(pid, sizeof(pid), "%d", ev->pid);
		if (expect_set_add(&x->roots, pid, (size_t)n) == 1)
			x->processes++;
	}
	if (p->op == CPD_PROC_EXEC)
		expect_exec(x, ev);
	if (p->op == CPD_PROC_EXIT && (p->flags & CPD_PROCF_ROOT) &&
	    (p->flags & CPD_PROCF_LEADER)) {
		x->root_exited = true;
		x->root_exit_ns = ev->ts_ns;
		x->root_exit_code = p->exit_code;
		x->root_signal = p->signal;
		x->root_pid = ev->pid;
		snprintf(x->root_comm, sizeof(x->root_comm), "%.*s",
			 STR(ev->comm));
	}
	if (p->op != CPD_PROC_SPAWN_PROCESS)
		return;
	x->processes++;
	if (!r->on || x->processes <= (uint64_t)r->number)
		return;
	n = expect_who(ev, what, sizeof(what));
	snprintf(what + n, sizeof(what) - (size_t)n,
		 " started pid %d, process %llu of at most %lld", p->child_pid,
		 (unsigned long long)x->processes, (long long)r->number);
	expect_broken(x, r, ev, what, NULL);
}

/* ---- findings ------------------------------------------------------- */

static void expect_finding(struct expect *x, const struct cpd_event *ev)
{
	static const char *const sev[] = { "?", "info", "notice", "warning",
					   "error" };
	const struct cpd_ev_finding *f = &ev->u.finding;
	struct expect_rule *r = &x->rules[EXPECT_NO_FINDINGS];
	char what[EXPECT_WHAT];
	int n;

	if (!r->on || f->severity < (uint32_t)r->number)
		return;
	/* its own: another instance's verdicts are not findings about the run */
	if (f->id.len >= 7 && !memcmp(f->id.ptr, "expect-", 7))
		return;
	n = expect_who(ev, what, sizeof(what));
	snprintf(what + n, sizeof(what) - (size_t)n, ": %s %.*s: %.*s",
		 f->severity <= 4 ? sev[f->severity] : "?", STR(f->id),
		 STR(f->title));
	expect_broken(x, r, ev, what, &f->paths);
}

int expect_judge(struct expect *x, const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_FILE:
		expect_file(x, ev);
		break;
	case CPD_EV_NET:
		expect_net(x, ev);
		break;
	case CPD_EV_PROC:
		expect_proc(x, ev);
		break;
	case CPD_EV_FINDING:
		expect_finding(x, ev);
		break;
	default:
		break;
	}
	if (x->out)
		expect_observe(x, ev);
	return 0;
}

void expect_judge_end(struct expect *x)
{
	struct expect_rule *r = &x->rules[EXPECT_EXIT];
	const char *sig;
	char what[EXPECT_WHAT];

	if (!r->on)
		return;
	if (!x->root_exited) {
		snprintf(what, sizeof(what),
			 "the command did not exit while traced");
	} else if (x->root_signal) {
		sig = x->host->signal_name(x->root_signal);
		snprintf(what, sizeof(what), "pid %d (%s) was killed by %s",
			 x->root_pid, x->root_comm, sig ? sig : "a signal");
	} else if (x->root_exit_code != r->number) {
		snprintf(what, sizeof(what),
			 "pid %d (%s) exited with status %d", x->root_pid,
			 x->root_comm, x->root_exit_code);
	} else {
		return;
	}
	expect_broken(x, r, NULL, what, NULL);
}
