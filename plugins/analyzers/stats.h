/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The stats analyzer's internals, shared by its files:
 *   stats.c          options, callbacks, and what each event adds
 *   stats_tasks.c    processes and threads: their lifetimes, CPU time and
 *                    where the rest of their time went
 *   stats_report.c   the report schema, and the reports of the trace and
 *                    of each --interval period
 */
#ifndef CPD_PLUGINS_STATS_H
#define CPD_PLUGINS_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

#include "lib/hdrhist.h"

/* Distinct syscalls (an arch and a number) counted apart; more are not. */
#define STATS_MAX_SYS 1024
/* Live processes and threads are found through hash tables this wide. */
#define STATS_HASH 1024

/* What a syscall's time was spent on, for the breakdown per process. */
enum stats_class {
	STATS_FILE,  /* file I/O: paths, and fds of files and directories */
	STATS_NET,   /* sockets */
	STATS_CHILD, /* children: waiting for them, and vfork */
	STATS_WAIT,  /* sleeping, polling, futexes, signals */
	STATS_OTHER, /* the rest: memory, pipes, terminals, ... */
	STATS_NCLASS,
};

enum stats_per { STATS_PER_PROCESS, STATS_PER_THREAD, STATS_PER_NONE };

/* One syscall (arch and number), with its totals over the whole trace. */
struct stats_sys {
	uint32_t arch;
	int32_t nr;
	char name[32];
	uint8_t cls; /* enum stats_class */
	bool by_fd;  /* file or net or other by the kind of its fd */
	/* the current --interval period */
	uint64_t iv_calls, iv_errors, iv_ns;
	struct hdrhist iv;
};

struct stats_errno {
	int32_t err;
	uint64_t n;
};

/* The calls of one syscall by one owner (a process, a thread, all). */
struct stats_call {
	uint64_t calls, errors, ns;
	struct hdrhist h;
	struct stats_errno *errs; /* by count, largest first, at the end */
	uint32_t nerrs, caperrs;
};

struct stats_owner {
	struct stats_call **call; /* by syscall id; NULL: never called */
	uint32_t ncall;
};

struct stats_proc {
	int32_t pid, ppid;
	char comm[17];
	bool live;     /* in the pid hash: no exit or detach yet */
	bool attached; /* was running before the trace */
	bool cpu_known;
	bool runq_known;  /* from the core; else the sched analyzer's */
	bool own_dropped; /* past max_processes: no table of its own */
	uint64_t start_ns, end_ns;
	uint64_t thread_ns; /* lifetimes of its threads that ended */
	uint32_t threads;   /* threads seen, the first one included */
	uint32_t live_threads;
	uint64_t cpu_base_ns;  /* its CPU time when we attached */
	uint64_t runq_base_ns; /* and its wait for a CPU */
	uint64_t cpu_ns, cpu_user_ns, cpu_sys_ns;
	uint64_t cls_ns[STATS_NCLASS];
	uint64_t runq_ns;	/* waits for a CPU: the core's, or */
	uint64_t sched_runq_ns; /* the sched analyzer's, or */
	uint64_t call_runq_ns;	/* those during its syscalls */
	uint64_t stopped_ns;	/* stopped between its syscalls: the tracer */
	/* inclusive of its traced descendants, filled at the end */
	uint64_t tree_cpu_ns, tree_cls_ns[STATS_NCLASS], tree_runq_ns;
	size_t index;  /* in stats.procs */
	size_t parent; /* index + 1 in stats.procs; 0: none traced */
	size_t nchildren;
	struct stats_owner own; /* per = process */
	struct stats_proc *hnext;
};

struct stats_thread {
	int32_t tid;
	struct stats_proc *proc;
	uint64_t start_ns;
	bool live;
	struct stats_owner own; /* per = thread */
	struct stats_thread *hnext;
};

struct stats {
	/* options, written by host->apply_options() */
	int32_t per; /* enum stats_per */
	uint64_t max_processes;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	const struct cpd_run_info *run;

	struct stats_sys *sys[STATS_MAX_SYS];
	uint32_t nsys;
	uint32_t native_arch;		/* the first syscall's */
	uint16_t native[STATS_MAX_SYS]; /* its nr -> id + 1 */
	uint64_t sys_dropped;		/* calls of syscalls past the table */

	struct stats_owner all;
	uint64_t calls, errors, ns;

	struct stats_proc **procs; /* in the order they were seen */
	size_t nprocs, capprocs;
	struct stats_proc *proc_hash[STATS_HASH];
	struct stats_thread **threads;
	size_t nthreads, capthreads;
	struct stats_thread *thread_hash[STATS_HASH];
	struct stats_thread *last; /* the thread of the last syscall */
	uint64_t procs_dropped;	   /* processes without a table of their own */
	bool sched_seen;	   /* run-queue waits are known */
	bool oom;		   /* said once */
};

/* stats.c */
void stats_oom(struct stats *s);
int stats_call_add(struct stats *s, struct stats_owner *o, uint32_t id,
		   uint64_t ns, int32_t err);
void stats_owner_free(struct stats_owner *o);

/* stats_tasks.c */
struct stats_thread *stats_thread_of(struct stats *s,
				     const struct cpd_event *ev);
struct stats_proc *stats_proc_of(struct stats *s, int32_t pid, uint64_t ts);
void stats_task_event(struct stats *s, const struct cpd_event *ev);
/* End every live thread and process at now, and sum the trees. */
void stats_tasks_end(struct stats *s, uint64_t now);
void stats_tasks_free(struct stats *s);

/* stats_report.c */
extern const struct cpd_report_desc stats_reports[];
void stats_report(struct stats *s);
int stats_interval_report(struct stats *s, const struct cpd_interval *iv);

#endif /* CPD_PLUGINS_STATS_H */
