// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "calibrate.h"

#include "cputime.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t calibrate_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* getppid: it cannot block, and the libc caches nothing of it. */
static __attribute__((noreturn)) void calibrate_child(int wfd)
{
	uint64_t t0, per;
	int i;

	t0 = calibrate_now();
	for (i = 0; i < CALIBRATE_CALLS; i++)
		syscall(SYS_getppid);
	per = (calibrate_now() - t0) / CALIBRATE_CALLS;
	if (write(wfd, &per, sizeof(per)) != (ssize_t)sizeof(per))
		_exit(1);
	close(wfd);
	if (ptrace(PTRACE_TRACEME, 0L, 0L, 0L) < 0)
		_exit(1);
	raise(SIGSTOP);
	for (i = 0; i < CALIBRATE_CALLS; i++)
		syscall(SYS_getppid);
	_exit(0);
}

static int calibrate_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Stop at every syscall of pid, timing its getppid() calls into dur[]. */
static size_t calibrate_trace(pid_t pid, uint64_t *dur)
{
	struct __ptrace_syscall_info info;
	struct cputime_sched st;
	uint64_t enter_ns = 0, now;
	int runq_fd;
	bool in_call = false;
	size_t n = 0;
	int status, sig;

	if (ptrace(PTRACE_SETOPTIONS, pid, 0L,
		   (long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)) < 0)
		return 0;
	runq_fd = cputime_runq_open(pid);
	sig = 0;
	for (;;) {
		if (ptrace(PTRACE_SYSCALL, pid, 0L, (long)sig) < 0)
			break;
		if (waitpid(pid, &status, __WALL) < 0 || !WIFSTOPPED(status))
			break;
		sig = WSTOPSIG(status);
		if (sig != (SIGTRAP | 0x80))
			continue;
		sig = 0;
		/* timed where the tracer takes its times: after this
		 * (cleared: valgrind does not know the request fills it) */
		memset(&info, 0, sizeof(info));
		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info),
			   &info) < 0)
			break;
		now = calibrate_now();
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
			in_call = info.entry.nr == SYS_getppid;
			enter_ns = now;
			/* as the tracer does for a plugin that times calls */
			if (runq_fd >= 0)
				cputime_sched_pread(runq_fd, &st);
		} else if (info.op == PTRACE_SYSCALL_INFO_EXIT && in_call) {
			in_call = false;
			if (n < CALIBRATE_CALLS)
				dur[n++] = now - enter_ns;
			if (runq_fd >= 0)
				cputime_sched_pread(runq_fd, &st);
		}
	}
	if (runq_fd >= 0)
		close(runq_fd);
	return n;
}

int calibrate_stop_cost(uint64_t *cost_ns)
{
	uint64_t untraced = 0, *dur = NULL;
	int pfd[2], status, err = 0;
	size_t n;
	pid_t pid;

	*cost_ns = 0;
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(pfd[0]);
		close(pfd[1]);
		return err;
	}
	if (pid == 0) {
		close(pfd[0]);
		calibrate_child(pfd[1]);
	}
	close(pfd[1]);
	/* after the fork: the child, which never returns, owns no copy */
	dur = calloc(CALIBRATE_CALLS, sizeof(*dur));
	if (!dur) {
		err = -ENOMEM;
		goto out_kill;
	}
	if (read(pfd[0], &untraced, sizeof(untraced)) !=
		    (ssize_t)sizeof(untraced) ||
	    waitpid(pid, &status, __WALL) < 0 || !WIFSTOPPED(status)) {
		err = -ECHILD;
		goto out_kill;
	}
	n = calibrate_trace(pid, dur);
	if (n < CALIBRATE_CALLS / 2) {
		err = -EIO;
		goto out_kill;
	}
	qsort(dur, n, sizeof(*dur), calibrate_cmp);
	*cost_ns = dur[n / 2] > untraced ? dur[n / 2] - untraced : 0;
out_kill:
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, __WALL) < 0 && errno == EINTR)
		;
	close(pfd[0]);
	free(dur);
	return err;
}
