// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_ptrace fork|untraced: a tracee that uses ptrace itself. A task
 * has one tracer, so under compendium:
 *  1. (fork) a forked child (auto-attached through PTRACE_O_TRACEFORK) asks for
 *     PTRACE_TRACEME, and the parent tries PTRACE_SEIZE on it: both are
 *     refused with EPERM, since the child already has a tracer;
 *  2. (untraced) a child made with clone(CLONE_UNTRACED) is not
 *     auto-attached: its PTRACE_TRACEME should succeed, and then this
 *     program traces it (it stops itself with SIGSTOP and is continued).
 * Untraced, all of these succeed. A child whose PTRACE_TRACEME failed
 * does not stop itself: nobody would report or end that stop. Every ptrace return value is printed:
 *   RESULT <what> <return> <errno name or 0>
 *   PID <role> <pid>       STATUS <role> <wait status as text>
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "marker.h"

static void result(const char *what, long rc, int err)
{
	printf("RESULT %s %ld %s\n", what, rc,
	       rc < 0 ? strerrorname_np(err) : "0");
	fflush(stdout);
}

static void status_line(const char *role, int status)
{
	if (WIFEXITED(status))
		printf("STATUS %s exited %d\n", role, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("STATUS %s killed %d\n", role, WTERMSIG(status));
	else if (WIFSTOPPED(status))
		printf("STATUS %s stopped %d\n", role, WSTOPSIG(status));
	else
		printf("STATUS %s other %#x\n", role, status);
	fflush(stdout);
}

static int fork_case(void)
{
	int sync1[2], status;
	long rc;
	pid_t c1;
	char ch;

	if (pipe(sync1) < 0)
		return 2;
	c1 = fork();
	if (c1 < 0)
		return 2;
	if (c1 == 0) {
		close(sync1[0]);
		errno = 0;
		rc = ptrace(PTRACE_TRACEME, 0, 0, 0);
		result("child1-traceme", rc, errno);
		marker(1);
		/* tell the parent we are done: it may try to seize, then kill */
		if (write(sync1[1], "x", 1) != 1)
			_exit(9);
		/* wait for the parent's attempt before exiting */
		pause();
		_exit(9);
	}
	close(sync1[1]);
	printf("PID child1 %d\n", (int)c1);
	if (read(sync1[0], &ch, 1) != 1)
		return 2;
	errno = 0;
	rc = ptrace(PTRACE_SEIZE, c1, 0, 0);
	result("parent-seize-child1", rc, errno);
	/* SIGKILL: no tracer (us, after a TRACEME, or compendium) holds it */
	kill(c1, SIGKILL);
	if (waitpid(c1, &status, 0) != c1)
		return 2;
	status_line("child1", status);
	return 0;
}

static int untraced_case(void)
{
	int status;
	long rc;
	pid_t c2;

	/* CLONE_UNTRACED: compendium's fork option does not apply */
	c2 = (pid_t)syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	if (c2 < 0)
		return 2;
	if (c2 == 0) {
		errno = 0;
		rc = ptrace(PTRACE_TRACEME, 0, 0, 0);
		result("child2-traceme", rc, errno);
		if (rc == 0)
			raise(SIGSTOP);
		marker(2);
		_exit(4);
	}
	printf("PID child2 %d\n", (int)c2);
	fflush(stdout);
	if (waitpid(c2, &status, 0) != c2)
		return 2;
	status_line("child2", status);
	if (WIFSTOPPED(status)) {
		errno = 0;
		/* suppress the SIGSTOP: continue it as if nothing happened */
		rc = ptrace(PTRACE_CONT, c2, 0, 0);
		result("parent-cont-child2", rc, errno);
		if (waitpid(c2, &status, 0) != c2)
			return 2;
		status_line("child2", status);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int rc;

	fflush(stdout);
	if (argc > 1 && !strcmp(argv[1], "untraced"))
		rc = untraced_case();
	else
		rc = fork_case();
	marker(3);
	return rc;
}
