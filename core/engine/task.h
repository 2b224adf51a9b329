/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The process table: every traced task (thread), the process (thread
 * group) it belongs to, and what the tracer is in the middle of for it.
 */
#ifndef CPD_CORE_TASK_H
#define CPD_CORE_TASK_H

#include <sys/types.h>

#include "cputime.h"
#include "decode.h"
#include "fdtable.h"

struct proc {
	pid_t pid; /* thread-group id */
	pid_t ppid;
	unsigned nthreads;     /* tasks of ours in it */
	bool root;	       /* the spawned command or an attached pid */
	bool exec_seen;	       /* spawn mode: the command's exec happened */
	bool uring;	       /* eBPF: it set up an io_uring */
	bool cpu_known;	       /* cpu holds a reading */
	bool runq_known;       /* runq_gone_ns has a thread's share */
	struct cputime cpu;    /* the last reading, at a task's exit stop */
	uint64_t runq_gone_ns; /* waits for a CPU of its threads gone */
	char comm[16];
	struct proc *hnext;
};

enum task_state {
	TASK_NEW = 0, /* seen via an event, first stop pending */
	TASK_RUNNING,
	TASK_GROUP_STOP, /* in group-stop, resumed with LISTEN */
	TASK_DETACHING,	 /* interrupted to be detached */
};

struct task {
	pid_t tid;
	struct proc *proc;
	struct fdtable *fds;
	enum task_state state;
	bool in_syscall; /* between entry and exit */
	bool want_exit;	 /* someone needs the exit stop */
	bool exit_event; /* PTRACE_EVENT_EXIT seen */
	bool early;	 /* stopped before its creator's event: held */
	bool skip_exec;	 /* eBPF: its next exec's exit is the spawn's */
	/* a timed syscall's schedstat readings (CPD_PF_SYSCALL_TIMING) */
	bool sched_entered;	       /* at_entry was read */
	bool sched_exited;	       /* at_exit was, at the last timed exit */
	struct cputime_sched at_entry; /* at the entry stop */
	struct cputime_sched at_exit;  /* at the last timed exit stop */
	uint64_t exit_ns;	       /* that exit's time */
	uint64_t stopped_before;       /* neither running nor runnable since */
	int runq_fd; /* its schedstat, open once timed; -1: not yet, -2: no */
	int pending_sig;	 /* signal to deliver when detaching */
	struct decode_call call; /* the syscall in progress */
	struct task *hnext;
};

struct task_table {
	struct task *tasks[1024];
	struct proc *procs[256];
	size_t ntasks;
	size_t nprocs;
};

void task_table_init(struct task_table *tt);
void task_table_free(struct task_table *tt);

struct task *task_find(struct task_table *tt, pid_t tid);
struct proc *task_find_proc(struct task_table *tt, pid_t pid);
/* Add a task to process pid (made if new). fds is taken (a reference). */
struct task *task_add(struct task_table *tt, pid_t tid, pid_t pid,
		      struct fdtable *fds);
/* Forget a task; its process goes when its last task does (returns true). */
bool task_remove(struct task_table *tt, struct task *t);
/* The task took another tid (exec from a non-leader thread). */
void task_rename(struct task_table *tt, struct task *t, pid_t newtid);
/* Call fn for every task (fn must not add; it may remove the one given). */
void task_each(struct task_table *tt, void (*fn)(struct task *, void *),
	       void *arg);

/* Read /proc/TID/comm into buf (16 bytes). */
void task_read_comm(pid_t tid, char *buf);

/*
 * Read the CPU time of t's process now (it must still exist); at t's
 * exit (exiting), add t's wait for a CPU to what its gone threads waited.
 */
void task_cpu_read(struct task *t, bool exiting);
/*
 * What process pr had of the CPUs, as last read, into an exit, attach or
 * detach event; live: its threads are still there to be asked for their
 * wait for a CPU.
 */
void task_cpu_fill(struct cpd_ev_proc *p, const struct proc *pr, bool live);

#endif /* CPD_CORE_TASK_H */
