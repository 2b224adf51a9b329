// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "task.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xmalloc.h"

#define TASK_BUCKETS ARRAY_SIZE(((struct task_table *)0)->tasks)
#define PROC_BUCKETS ARRAY_SIZE(((struct task_table *)0)->procs)

void task_table_init(struct task_table *tt)
{
	memset(tt, 0, sizeof(*tt));
}

/* Its schedstat was opened as the tid it had. */
static void task_close_runq(struct task *t)
{
	if (t->runq_fd >= 0)
		close(t->runq_fd);
	t->runq_fd = -1;
}

static void task_free(struct task *t)
{
	task_close_runq(t);
	fdtable_unref(t->fds);
	decode_call_free(&t->call);
	free(t);
}

void task_table_free(struct task_table *tt)
{
	size_t i;

	for (i = 0; i < TASK_BUCKETS; i++) {
		while (tt->tasks[i]) {
			struct task *t = tt->tasks[i];

			tt->tasks[i] = t->hnext;
			task_free(t);
		}
	}
	for (i = 0; i < PROC_BUCKETS; i++) {
		while (tt->procs[i]) {
			struct proc *p = tt->procs[i];

			tt->procs[i] = p->hnext;
			free(p);
		}
	}
	memset(tt, 0, sizeof(*tt));
}

struct task *task_find(struct task_table *tt, pid_t tid)
{
	struct task *t;

	for (t = tt->tasks[(size_t)tid % TASK_BUCKETS]; t; t = t->hnext)
		if (t->tid == tid)
			return t;
	return NULL;
}

struct proc *task_find_proc(struct task_table *tt, pid_t pid)
{
	struct proc *p;

	for (p = tt->procs[(size_t)pid % PROC_BUCKETS]; p; p = p->hnext)
		if (p->pid == pid)
			return p;
	return NULL;
}

void task_read_comm(pid_t tid, char *buf)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", tid);
	buf[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, 15);
	close(fd);
	if (n <= 0) {
		buf[0] = '\0';
		return;
	}
	buf[n] = '\0';
	if (buf[n - 1] == '\n')
		buf[n - 1] = '\0';
}

struct task *task_add(struct task_table *tt, pid_t tid, pid_t pid,
		      struct fdtable *fds)
{
	struct proc *p = task_find_proc(tt, pid);
	struct task *t = xcalloc(1, sizeof(*t));
	size_t b = (size_t)tid % TASK_BUCKETS;

	if (!p) {
		p = xcalloc(1, sizeof(*p));
		p->pid = pid;
		p->hnext = tt->procs[(size_t)pid % PROC_BUCKETS];
		tt->procs[(size_t)pid % PROC_BUCKETS] = p;
		tt->nprocs++;
	}
	p->nthreads++;
	t->tid = tid;
	t->runq_fd = -1;
	t->proc = p;
	t->fds = fds;
	t->hnext = tt->tasks[b];
	tt->tasks[b] = t;
	tt->ntasks++;
	return t;
}

static void task_unlink(struct task_table *tt, struct task *t)
{
	struct task **pp = &tt->tasks[(size_t)t->tid % TASK_BUCKETS];

	while (*pp && *pp != t)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = t->hnext;
}

bool task_remove(struct task_table *tt, struct task *t)
{
	struct proc *p = t->proc;
	bool gone = false;

	task_unlink(tt, t);
	tt->ntasks--;
	if (--p->nthreads == 0) {
		struct proc **pp = &tt->procs[(size_t)p->pid % PROC_BUCKETS];

		while (*pp && *pp != p)
			pp = &(*pp)->hnext;
		if (*pp)
			*pp = p->hnext;
		free(p);
		tt->nprocs--;
		gone = true;
	}
	task_free(t);
	return gone;
}

void task_rename(struct task_table *tt, struct task *t, pid_t newtid)
{
	task_unlink(tt, t);
	task_close_runq(t);
	t->tid = newtid;
	t->hnext = tt->tasks[(size_t)newtid % TASK_BUCKETS];
	tt->tasks[(size_t)newtid % TASK_BUCKETS] = t;
}

void task_each(struct task_table *tt, void (*fn)(struct task *, void *),
	       void *arg)
{
	size_t i;

	for (i = 0; i < TASK_BUCKETS; i++) {
		struct task *t = tt->tasks[i], *next;

		for (; t; t = next) {
			next = t->hnext;
			fn(t, arg);
		}
	}
}

void task_cpu_fill(struct cpd_ev_proc *p, const struct proc *pr, bool live)
{
	uint64_t runq = 0;

	if (pr->cpu_known) {
		p->flags |= CPD_PROCF_CPU_TIME;
		p->cpu_ns = pr->cpu.total_ns;
		p->cpu_user_ns = pr->cpu.user_ns;
		p->cpu_sys_ns = pr->cpu.sys_ns;
	}
	if ((live && cputime_runq_process(pr->pid, &runq) == 0) ||
	    pr->runq_known) {
		p->flags |= CPD_PROCF_RUNQ;
		p->runq_ns = pr->runq_gone_ns + runq;
	}
}

void task_cpu_read(struct task *t, bool exiting)
{
	struct cputime ct;
	uint64_t runq;

	if (exiting && cputime_runq_thread(t->tid, &runq) == 0) {
		t->proc->runq_gone_ns += runq;
		t->proc->runq_known = true;
	}
	if (cputime_read(t->proc->pid, &ct) < 0)
		return;
	/* threads exit in any order: the process's time only grows */
	if (!t->proc->cpu_known || ct.total_ns >= t->proc->cpu.total_ns)
		t->proc->cpu = ct;
	t->proc->cpu_known = true;
}
