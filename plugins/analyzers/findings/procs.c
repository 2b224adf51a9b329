// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: the processes as the core's events tell them (a record per
 * process, by pid the newest), and the exit and signal rules, decided when
 * tracing ends, once every process's parent has said how it ended.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"
#include "lib/hash.h"

#include "findings.h"

static size_t findings_pid_slot(const struct findings *f, int32_t pid)
{
	return (size_t)hash_bytes(f->seed, &pid, sizeof(pid)) &
	       (f->npidmap - 1);
}

struct findings_proc *findings_proc_find(struct findings *f, int32_t pid)
{
	size_t i;

	if (!f->npidmap || pid <= 0)
		return NULL;
	if (f->procs[f->last_idx].pid == pid)
		return &f->procs[f->last_idx];
	for (i = findings_pid_slot(f, pid); f->pidmap[i] >= 0;
	     i = (i + 1) & (f->npidmap - 1))
		if (f->procs[f->pidmap[i]].pid == pid) {
			f->last_idx = f->pidmap[i];
			return &f->procs[f->last_idx];
		}
	return NULL;
}

static int findings_pidmap_put(struct findings *f, int32_t pid, int32_t idx)
{
	size_t i;

	if ((f->nprocs + 1) * 2 > f->npidmap) {
		size_t n = f->npidmap ? 2 * f->npidmap : 256, k;
		int32_t *m = malloc(n * sizeof(*m)), *old = f->pidmap;
		size_t oldn = f->npidmap;

		if (!m)
			return -ENOMEM;
		for (k = 0; k < n; k++)
			m[k] = -1;
		f->pidmap = m;
		f->npidmap = n;
		/* the newest of each pid, as the old map had it */
		for (k = 0; k < oldn; k++)
			if (old[k] >= 0)
				findings_pidmap_put(f, f->procs[old[k]].pid,
						    old[k]);
		free(old);
	}
	for (i = findings_pid_slot(f, pid); f->pidmap[i] >= 0;
	     i = (i + 1) & (f->npidmap - 1))
		if (f->procs[f->pidmap[i]].pid == pid)
			break;
	f->pidmap[i] = idx;
	return 0;
}

/* A record for a process that starts now; NULL past the bound. */
static struct findings_proc *findings_proc_new(struct findings *f, int32_t pid,
					       int32_t ppid, uint64_t ts)
{
	struct findings_proc *parent = findings_proc_find(f, ppid), *p;
	/* an index: growing the array below moves the parent's record */
	int32_t pidx = parent ? (int32_t)(parent - f->procs) : -1;

	if (f->nprocs >= FINDINGS_MAX_PROCS) {
		f->procs_dropped++;
		return NULL;
	}
	if (f->nprocs == f->capprocs) {
		size_t cap = f->capprocs ? 2 * f->capprocs : 64;
		struct findings_proc *v = realloc(f->procs, cap * sizeof(*v));

		if (!v)
			return NULL;
		f->procs = v;
		f->capprocs = cap;
	}
	p = &f->procs[f->nprocs];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->parent = pidx;
	p->exit_code = -1;
	p->start_ns = ts;
	if (pidx >= 0)
		memcpy(p->comm, f->procs[pidx].comm, sizeof(p->comm));
	if (findings_pidmap_put(f, pid, (int32_t)f->nprocs) < 0)
		return NULL;
	/* the pid's newest record from now on */
	f->last_idx = (int32_t)f->nprocs;
	f->nprocs++;
	return p;
}

static struct findings_proc *findings_proc_get(struct findings *f,
					       const struct cpd_event *ev)
{
	struct findings_proc *p = findings_proc_find(f, ev->pid);

	if (!p && ev->pid > 0) {
		p = findings_proc_new(f, ev->pid, 0, ev->ts_ns);
		if (p)
			p->flags |= FP_PARTIAL_IDS;
	}
	if (p && ev->comm.ptr && ev->comm.len && !(p->flags & FP_EXEC)) {
		size_t n = ev->comm.len < sizeof(p->comm) - 1 ?
				   ev->comm.len :
				   sizeof(p->comm) - 1;

		memcpy(p->comm, ev->comm.ptr, n);
		p->comm[n] = '\0';
	}
	return p;
}

void findings_proc_forget(struct findings_proc *p)
{
	size_t i;

	free(p->cmd);
	p->cmd = NULL;
	for (i = 0; i < FINDINGS_LAST; i++) {
		free(p->last[i]);
		free(p->found[i]);
		p->last[i] = NULL;
		p->found[i] = NULL;
	}
}

/* Remember a line (a failure, a search) in a process's slots. */
void findings_note(char **slots, bool newest, const char *text, size_t len)
{
	char *copy = strndup(text, len);
	size_t i;

	if (!copy)
		return;
	for (i = 0; i < FINDINGS_LAST && slots[i]; i++)
		;
	if (i < FINDINGS_LAST) {
		slots[i] = copy;
		return;
	}
	if (!newest) {
		free(copy);
		return;
	}
	free(slots[0]);
	memmove(slots, slots + 1, (FINDINGS_LAST - 1) * sizeof(*slots));
	slots[FINDINGS_LAST - 1] = copy;
}

/* argv (NUL-separated) as one line, cut at FINDINGS_CMD_MAX. */
static char *findings_cmdline(const struct cpd_str *argv, const char *comm)
{
	char buf[FINDINGS_CMD_MAX + 8];
	struct findings_buf b = { buf, 0, FINDINGS_CMD_MAX };
	size_t i;

	buf[0] = '\0';
	if (argv->ptr && argv->len) {
		for (i = 0; i < argv->len; i++) {
			char ch = argv->ptr[i] ? argv->ptr[i] : ' ';

			findings_put(&b, &ch, 1);
		}
		while (b.len && buf[b.len - 1] == ' ')
			buf[--b.len] = '\0';
		if (argv->len >= FINDINGS_CMD_MAX ||
		    (argv->flags & CPD_STR_TRUNCATED))
			memcpy(buf + b.len, "...", 4);
	} else {
		findings_put(&b, comm, strlen(comm));
	}
	return strdup(buf);
}

static bool findings_failed(const struct findings_proc *p)
{
	return (p->flags & FP_EXITED) && (p->exit_code > 0 || p->signal > 0);
}

/* A process is gone: what only it was about can be said now. */
static void findings_proc_done(struct findings *f, struct findings_proc *p)
{
	findings_proc_probe(f, p);
	findings_proc_objects(f, p);
	if (!findings_failed(p)) {
		findings_proc_forget(p);
		return;
	}
	if (p->parent >= 0)
		f->procs[p->parent].flags |= FP_FAILED_KID;
	/* a failed process is named later: keep what says who it was */
	if (f->detailed >= FINDINGS_MAX_DETAILED) {
		findings_proc_forget(p);
		p->flags |= FP_NO_DETAILS;
	} else {
		f->detailed++;
	}
}

void findings_on_proc(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *pr = &ev->u.proc;
	struct findings_proc *p;

	/* the event's process (a spawn's parent) is the command's */
	if (pr->flags & CPD_PROCF_ROOT) {
		p = findings_proc_find(f, ev->pid);
		if (!p && pr->op != CPD_PROC_EXIT)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (p)
			p->flags |= FP_ROOT;
	}
	switch (pr->op) {
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		p = findings_proc_find(f, ev->pid);
		if (!p)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (p && (pr->flags & CPD_PROCF_ROOT))
			p->flags |= FP_ROOT;
		break;
	case CPD_PROC_SPAWN_PROCESS:
		findings_proc_get(f, ev);
		findings_proc_new(f, pr->child_pid, ev->pid, ev->ts_ns);
		break;
	case CPD_PROC_EXEC:
		if (f->verbose) {
			findings_run_end(f, ev->tid, NULL);
			if (pr->old_tid && pr->old_tid != ev->tid)
				findings_run_end(f, pr->old_tid, NULL);
		}
		p = findings_proc_find(f, ev->pid);
		if (!p)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (!p)
			break;
		if (ev->comm.ptr && ev->comm.len)
			snprintf(p->comm, sizeof(p->comm), "%.*s",
				 (int)ev->comm.len, ev->comm.ptr);
		p->flags |= FP_EXEC;
		free(p->cmd);
		p->cmd = findings_cmdline(&pr->argv, p->comm);
		break;
	case CPD_PROC_EXIT:
		if (f->verbose)
			findings_run_end(f, ev->tid, NULL);
		if (!(pr->flags & CPD_PROCF_GROUP_EXIT))
			break;
		p = findings_proc_get(f, ev);
		if (!p || (p->flags & FP_EXITED))
			break;
		p->flags |= FP_EXITED;
		p->exit_code = pr->exit_code;
		p->signal = pr->signal;
		if (pr->flags & CPD_PROCF_CORE_DUMPED)
			p->flags |= FP_CORE;
		p->end_ns = ev->ts_ns;
		p->exit_seq = ev->seq;
		findings_proc_done(f, p);
		break;
	case CPD_PROC_DETACH:
		/* a task that runs on: its end is not in the trace */
		f->detached++;
		break;
	default:
		break;
	}
}

/* Signals that mean the program itself went wrong, whoever sent them. */
static bool findings_fatal_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGABRT || sig == SIGSYS ||
	       sig == SIGTRAP || sig == SIGQUIT || sig == SIGXCPU ||
	       sig == SIGXFSZ;
}

/* Whether parent failed because child did, and said so the same way. */
static bool findings_same_failure(const struct findings_proc *parent,
				  const struct findings_proc *child)
{
	if (child->signal > 0)
		return parent->signal == child->signal ||
		       parent->exit_code == 128 + child->signal;
	return child->exit_code > 0 && parent->exit_code == child->exit_code;
}

static const char *findings_cmd(const struct findings_proc *p)
{
	return p->cmd ? p->cmd : p->comm;
}

static void findings_status(const struct findings *f,
			    const struct findings_proc *p,
			    struct findings_buf *b)
{
	const char *sig;

	if (p->signal > 0) {
		sig = f->host->signal_name(p->signal);
		if (sig)
			findings_printf(b, "was killed by %s", sig);
		else
			findings_printf(b, "was killed by signal %d",
					p->signal);
		if (p->flags & FP_CORE)
			findings_printf(b, " (core dumped)");
	} else {
		findings_printf(b, "exited with status %d", p->exit_code);
	}
}

/* The finding for failed process t, whose failure started at leaf. */
static void findings_exit_one(struct findings *f, struct findings_proc *t,
			      struct findings_proc *leaf)
{
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX],
		dur[FORMAT_NS_MAX];
	struct findings_buf tb = { title, 0, sizeof(title) };
	struct findings_buf db = { details, 0, sizeof(details) };
	const struct findings_proc *parent = t->parent >= 0 ?
						     &f->procs[t->parent] :
						     NULL,
				   *up;
	int32_t pids[2] = { t->pid, leaf->pid };
	struct findings_out o;
	bool fatal = t->signal > 0 && findings_fatal_signal(t->signal);
	size_t i;

	/* did it make the command fail? up the failed ancestors to the top */
	for (up = t; up->parent >= 0 && findings_failed(&f->procs[up->parent]);
	     up = &f->procs[up->parent])
		;
	findings_printf(&tb, "%s ", findings_cmd(t));
	findings_status(f, t, &tb);
	format_ns(t->end_ns > t->start_ns ? t->end_ns - t->start_ns : 0, dur,
		  sizeof(dur));
	findings_printf(&db, "pid %" PRId32, t->pid);
	if (parent)
		findings_printf(&db, ", parent %s (pid %" PRId32 ")",
				parent->comm, parent->pid);
	findings_printf(&db, ", ran %s", dur);
	if (leaf != t) {
		findings_printf(&db, "\nfirst %s (pid %" PRId32 ") ",
				leaf->comm, leaf->pid);
		findings_status(f, leaf, &db);
		findings_printf(&db, ": %s", findings_cmd(leaf));
	}
	for (i = 0; i < FINDINGS_LAST && leaf->last[i]; i++)
		findings_printf(&db, "%s%s",
				i ? "; " : "\nlast failures: ", leaf->last[i]);
	if (leaf != t)
		for (i = 0; i < FINDINGS_LAST && t->last[i]; i++)
			findings_printf(
				&db, "%s%s",
				i ? "; " : "\nits last failures: ", t->last[i]);
	memset(&o, 0, sizeof(o));
	o.rule = t->signal > 0 ? R_SIGNAL : R_EXIT;
	/*
	 * Error when the command failed with it (or it crashed); a failure
	 * something above it handled and went on from is worth a notice.
	 */
	o.severity = fatal || ((up->flags & FP_ROOT) || up->parent < 0) ?
			     CPD_SEV_ERROR :
			     CPD_SEV_NOTICE;
	if ((t->flags | leaf->flags) & (FP_NO_DETAILS | FP_PARTIAL_IDS))
		o.flags |= CPD_FINDF_PARTIAL;
	if (leaf != t)
		o.flags |= CPD_FINDF_COLLAPSED;
	o.title = &tb;
	o.details = &db;
	o.pids = pids;
	o.npids = leaf != t ? 2 : 1;
	o.count = 1;
	o.first_ns = t->start_ns;
	o.last_ns = t->end_ns;
	o.cause_seq = t->exit_seq;
	o.pid = t->pid;
	o.comm = t->comm;
	findings_publish(f, &o);
}

void findings_exits(struct findings *f)
{
	size_t i;

	if (f->off[R_EXIT] && f->off[R_SIGNAL])
		return;
	for (i = 0; i < f->nprocs; i++) {
		struct findings_proc *leaf = &f->procs[i], *t = leaf;

		/* failures caused by a child's are said with the child's */
		if (!findings_failed(leaf) || (leaf->flags & FP_FAILED_KID))
			continue;
		/* the command that never ran: the host has said why */
		if ((leaf->flags & FP_ROOT) && !(leaf->flags & FP_EXEC) &&
		    f->run->mode == CPD_RUN_SPAWN)
			continue;
		/* up while the parent failed the same way, below the command */
		while (t->parent >= 0) {
			struct findings_proc *up = &f->procs[t->parent];

			if (!findings_failed(up) || (up->flags & FP_ROOT) ||
			    !findings_same_failure(up, t))
				break;
			t = up;
		}
		findings_exit_one(f, t, leaf);
	}
}
