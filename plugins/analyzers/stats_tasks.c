// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * stats: processes and threads, from the core's process events. A process
 * lives from its spawn (the command: its exec; an attached one: the
 * attach) to its exit or detach; each thread from its spawn to its exit.
 * Thread time, the sum of its threads' lives, is what a process's time is
 * split into: on CPU, in syscalls by class, waiting for a CPU, and what is
 * left. It is the wall time of a process with one thread.
 */
#include <stdlib.h>
#include <string.h>

#include "stats.h"

static unsigned stats_slot(int32_t id)
{
	return (uint32_t)id % STATS_HASH;
}

static struct stats_proc *stats_proc_find(struct stats *s, int32_t pid)
{
	struct stats_proc *p;

	for (p = s->proc_hash[stats_slot(pid)]; p; p = p->hnext)
		if (p->pid == pid)
			return p;
	return NULL;
}

static struct stats_thread *stats_thread_find(struct stats *s, int32_t tid)
{
	struct stats_thread *t;

	for (t = s->thread_hash[stats_slot(tid)]; t; t = t->hnext)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void stats_thread_end(struct stats *s, struct stats_thread *t,
			     uint64_t ts)
{
	struct stats_thread **pp = &s->thread_hash[stats_slot(t->tid)];

	if (!t->live)
		return;
	t->live = false;
	t->proc->thread_ns += ts > t->start_ns ? ts - t->start_ns : 0;
	t->proc->live_threads--;
	while (*pp && *pp != t)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = t->hnext;
	if (s->last == t)
		s->last = NULL;
}

static void stats_proc_end(struct stats *s, struct stats_proc *p, uint64_t ts)
{
	struct stats_proc **pp = &s->proc_hash[stats_slot(p->pid)];

	if (!p->live)
		return;
	p->live = false;
	p->end_ns = ts;
	while (*pp && *pp != p)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = p->hnext;
}

/* Room for one more pointer in the array *v of n, *cap long. */
static bool stats_room(void *v, size_t n, size_t *cap)
{
	void **old, **grown;
	size_t want;

	if (n < *cap)
		return true;
	memcpy(&old, v, sizeof(old));
	want = *cap ? 2 * *cap : 64;
	grown = realloc(old, want * sizeof(*grown));
	if (!grown)
		return false;
	memcpy(v, &grown, sizeof(grown));
	*cap = want;
	return true;
}

static struct stats_proc *stats_proc_new(struct stats *s, int32_t pid,
					 uint64_t ts)
{
	struct stats_proc *p, *old = stats_proc_find(s, pid);

	/* a pid used again: the one we knew is gone, unseen */
	if (old)
		stats_proc_end(s, old, ts);
	if (!stats_room(&s->procs, s->nprocs, &s->capprocs))
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = pid;
	p->start_ns = ts;
	p->live = true;
	if (s->per != STATS_PER_NONE && s->nprocs >= s->max_processes) {
		p->own_dropped = true;
		s->procs_dropped++;
	}
	p->hnext = s->proc_hash[stats_slot(pid)];
	s->proc_hash[stats_slot(pid)] = p;
	p->index = s->nprocs;
	s->procs[s->nprocs++] = p;
	return p;
}

struct stats_proc *stats_proc_of(struct stats *s, int32_t pid, uint64_t ts)
{
	struct stats_proc *p = stats_proc_find(s, pid);

	if (!p) {
		p = stats_proc_new(s, pid, ts);
		if (!p)
			stats_oom(s);
	}
	return p;
}

static struct stats_thread *stats_thread_new(struct stats *s, int32_t tid,
					     struct stats_proc *p, uint64_t ts)
{
	struct stats_thread *t, *old = stats_thread_find(s, tid);

	if (old)
		stats_thread_end(s, old, ts);
	if (!stats_room(&s->threads, s->nthreads, &s->capthreads))
		goto err_oom;
	t = calloc(1, sizeof(*t));
	if (!t)
		goto err_oom;
	t->tid = tid;
	t->proc = p;
	t->start_ns = ts;
	t->live = true;
	p->threads++;
	p->live_threads++;
	t->hnext = s->thread_hash[stats_slot(tid)];
	s->thread_hash[stats_slot(tid)] = t;
	s->threads[s->nthreads++] = t;
	return t;

err_oom:
	stats_oom(s);
	return NULL;
}

static void stats_comm(struct stats_proc *p, const struct cpd_str *comm)
{
	size_t n = comm->ptr ? comm->len : 0;

	if (n >= sizeof(p->comm))
		n = sizeof(p->comm) - 1;
	memcpy(p->comm, comm->ptr ? comm->ptr : "", n);
	p->comm[n] = '\0';
}

struct stats_thread *stats_thread_of(struct stats *s,
				     const struct cpd_event *ev)
{
	struct stats_thread *t = s->last;
	struct stats_proc *p;

	if (t && t->tid == ev->tid)
		return t;
	t = stats_thread_find(s, ev->tid);
	if (!t) {
		/* a thread of an attached process, seen at its first call */
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		if (!p)
			return NULL;
		if (!p->comm[0])
			stats_comm(p, &ev->comm);
		t = stats_thread_new(s, ev->tid, p, p->start_ns);
		if (!t)
			return NULL;
	}
	s->last = t;
	return t;
}

/* The process's CPU time from an event of the core, less what it had. */
static void stats_cpu(struct stats_proc *p, const struct cpd_ev_proc *e)
{
	uint64_t base = p->cpu_base_ns;

	if (e->flags & CPD_PROCF_RUNQ) {
		p->runq_known = true;
		p->runq_ns = e->runq_ns > p->runq_base_ns ?
				     e->runq_ns - p->runq_base_ns :
				     0;
	}
	if (!(e->flags & CPD_PROCF_CPU_TIME))
		return;
	p->cpu_known = true;
	p->cpu_ns = e->cpu_ns > base ? e->cpu_ns - base : 0;
	/* what it had before is taken out of each part in proportion */
	if (e->cpu_ns) {
		p->cpu_user_ns = (uint64_t)((unsigned __int128)p->cpu_ns *
					    e->cpu_user_ns / e->cpu_ns);
		p->cpu_sys_ns = p->cpu_ns - p->cpu_user_ns;
	}
}

void stats_task_event(struct stats *s, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *e = &ev->u.proc;
	struct stats_proc *p, *child;
	struct stats_thread *t;

	switch (e->op) {
	case CPD_PROC_SPAWN_PROCESS:
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		child = stats_proc_new(s, e->child_pid, ev->ts_ns);
		if (!child) {
			stats_oom(s);
			return;
		}
		child->ppid = ev->pid;
		stats_comm(child, &ev->comm);
		if (p) {
			child->parent = p->index + 1;
			p->nchildren++;
		}
		stats_thread_new(s, e->child_tid, child, ev->ts_ns);
		break;
	case CPD_PROC_SPAWN_THREAD:
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		if (p)
			stats_thread_new(s, e->child_tid, p, ev->ts_ns);
		break;
	case CPD_PROC_EXEC:
	case CPD_PROC_START:
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		if (!p)
			return;
		stats_comm(p, &ev->comm);
		if (!p->ppid)
			p->ppid = e->ppid;
		break;
	case CPD_PROC_ATTACH:
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		if (!p)
			return;
		stats_comm(p, &ev->comm);
		p->ppid = e->ppid;
		p->attached = true;
		p->start_ns = ev->ts_ns;
		if (e->flags & CPD_PROCF_CPU_TIME)
			p->cpu_base_ns = e->cpu_ns;
		if (e->flags & CPD_PROCF_RUNQ)
			p->runq_base_ns = e->runq_ns;
		break;
	case CPD_PROC_EXIT:
	case CPD_PROC_DETACH:
		t = stats_thread_of(s, ev);
		if (t)
			stats_thread_end(s, t, ev->ts_ns);
		p = stats_proc_find(s, ev->pid);
		if (!p)
			return;
		stats_cpu(p, e);
		if ((e->op == CPD_PROC_EXIT &&
		     (e->flags & CPD_PROCF_GROUP_EXIT)) ||
		    (e->op == CPD_PROC_DETACH && !p->live_threads)) {
			/* the name it ends with, as the core last read it */
			stats_comm(p, &ev->comm);
			stats_proc_end(s, p, ev->ts_ns);
		}
		break;
	default:
		break;
	}
}

void stats_tasks_end(struct stats *s, uint64_t now)
{
	struct stats_proc *p, *up;
	size_t i;
	unsigned k;

	for (i = 0; i < s->nthreads; i++)
		stats_thread_end(s, s->threads[i], now);
	for (i = 0; i < s->nprocs; i++)
		stats_proc_end(s, s->procs[i], now);
	/* children come after their parents: sum from the last one up */
	for (i = 0; i < s->nprocs; i++) {
		p = s->procs[i];
		if (!p->runq_known)
			p->runq_ns = p->sched_runq_ns > p->call_runq_ns ?
					     p->sched_runq_ns :
					     p->call_runq_ns;
		p->tree_cpu_ns = p->cpu_ns;
		p->tree_runq_ns = p->runq_ns;
		memcpy(p->tree_cls_ns, p->cls_ns, sizeof(p->cls_ns));
	}
	for (i = s->nprocs; i-- > 0;) {
		p = s->procs[i];
		if (!p->parent || p->parent > i)
			continue;
		up = s->procs[p->parent - 1];
		up->tree_cpu_ns += p->tree_cpu_ns;
		up->tree_runq_ns += p->tree_runq_ns;
		for (k = 0; k < STATS_NCLASS; k++)
			up->tree_cls_ns[k] += p->tree_cls_ns[k];
	}
}

void stats_tasks_free(struct stats *s)
{
	size_t i;

	for (i = 0; i < s->nthreads; i++) {
		stats_owner_free(&s->threads[i]->own);
		free(s->threads[i]);
	}
	free(s->threads);
	for (i = 0; i < s->nprocs; i++) {
		stats_owner_free(&s->procs[i]->own);
		free(s->procs[i]);
	}
	free(s->procs);
	s->threads = NULL;
	s->procs = NULL;
	s->nthreads = s->nprocs = 0;
}
