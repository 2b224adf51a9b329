// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * signals: a handled SIGTRAP, a SIGUSR1 sent to itself, a child that
 * stops itself with SIGSTOP and is continued by its parent, and a
 * SIGCHLD. Under a tracer every one must arrive exactly as it would
 * without one.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "marker.h"

static volatile sig_atomic_t got_trap, got_usr1;

static void signals_on(int sig)
{
	if (sig == SIGTRAP)
		got_trap++;
	else if (sig == SIGUSR1)
		got_usr1++;
}

int main(void)
{
	int status;
	pid_t pid;

	signal(SIGTRAP, signals_on);
	signal(SIGUSR1, signals_on);
	raise(SIGTRAP);
	kill(getpid(), SIGUSR1);
	printf("TRAP %d\nUSR1 %d\n", (int)got_trap, (int)got_usr1);
	fflush(stdout);

	pid = fork();
	if (pid == 0) {
		raise(SIGSTOP);
		marker(1);
		_exit(6);
	}
	if (waitpid(pid, &status, WUNTRACED) < 0 || !WIFSTOPPED(status)) {
		printf("STOPPED no\n");
		return 1;
	}
	printf("STOPPED %s\n", strsignal(WSTOPSIG(status)));
	fflush(stdout);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	printf("EXIT %d code %d\n", pid, WEXITSTATUS(status));
	return 0;
}
