/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What a traced process had of the CPUs, read while it still exists: its
 * CPU time, from its CPU-time clocks (clock_gettime(2) on the clock ids of
 * another process), and its wait for a CPU, from the scheduler's
 * statistics of each thread. The runtime clock is exact to the
 * nanosecond, where /proc/PID/stat counts in clock ticks; the sampled
 * user and profiling clocks give only the proportion of user to system
 * time, applied to the runtime as getrusage(2) does.
 */
#ifndef CPD_CORE_CPUTIME_H
#define CPD_CORE_CPUTIME_H

#include <stdint.h>
#include <sys/types.h>

struct cputime {
	uint64_t total_ns; /* every thread of the process, living or gone */
	uint64_t user_ns;
	uint64_t sys_ns; /* user_ns + sys_ns == total_ns */
};

/* Read the CPU time of process pid (a thread-group id). 0 or -errno. */
int cputime_read(pid_t pid, struct cputime *out);

/*
 * How long thread tid has waited for a CPU while runnable (run_delay of
 * /proc/TID/schedstat). 0, or -errno (-ENOENT without schedstat).
 */
int cputime_runq_thread(pid_t tid, uint64_t *ns);
/* The same added over the threads process pid has now. */
int cputime_runq_process(pid_t pid, uint64_t *ns);

/* What a thread's schedstat says: time on a CPU, and waiting for one. */
struct cputime_sched {
	uint64_t run_ns;
	uint64_t wait_ns;
};

/*
 * For a read at every stop: thread tid's schedstat file, open (an fd, or
 * -errno), and what it says, read again through that fd (0 or -errno).
 * A pread of an open file costs a fifth of an open, a read and a close.
 */
int cputime_runq_open(pid_t tid);
int cputime_sched_pread(int fd, struct cputime_sched *out);

#endif /* CPD_CORE_CPUTIME_H */
