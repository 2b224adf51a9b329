// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_sigstorm N: the parent queues N real-time signals (sigqueue,
 * SIGRTMIN: these do not coalesce) and sends N SIGUSR1 (these may) to a
 * child that loops on syscalls, then one SIGRTMIN+1 to say "done". The
 * kernel delivers pending signals lowest number first, so by the time
 * the child handles "done" every earlier signal has been handled. Prints
 *   SENT rt=<n> usr1=<n>        GOT rt=<n> usr1=<n>
 *   STATUS <child's exit status>
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "marker.h"

static volatile sig_atomic_t got_rt, got_usr1, done;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		got_usr1++;
	else if (sig == SIGRTMIN)
		got_rt++;
	else
		done = 1;
}

static int send_rt(pid_t pid, int sig, int k)
{
	union sigval v = { .sival_int = k };

	/* a full queue (RLIMIT_SIGPENDING) is EAGAIN: let the child drain */
	while (sigqueue(pid, sig, v) < 0) {
		if (errno != EAGAIN)
			return -1;
		usleep(1000);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000, i, sent_rt = 0, sent_usr1 = 0;
	struct sigaction sa = { .sa_handler = on_signal };
	int ready[2], status;
	pid_t pid;
	char ch;

	/* handlers set before fork: the child has them from the start */
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGUSR1, &sa, NULL) || sigaction(SIGRTMIN, &sa, NULL) ||
	    sigaction(SIGRTMIN + 1, &sa, NULL) || pipe(ready))
		return 2;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		close(ready[0]);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		/* at least once: "done" may be handled before the first test */
		do {
			getppid();
			syscall(SYS_getpgid, MARK_BASE);
		} while (!done);
		printf("GOT rt=%d usr1=%d\n", (int)got_rt, (int)got_usr1);
		fflush(stdout);
		_exit(0);
	}
	close(ready[1]);
	if (read(ready[0], &ch, 1) != 1)
		return 2;
	for (i = 0; i < n; i++) {
		if (send_rt(pid, SIGRTMIN, i) == 0)
			sent_rt++;
		if (kill(pid, SIGUSR1) == 0)
			sent_usr1++;
	}
	if (send_rt(pid, SIGRTMIN + 1, 0) < 0)
		return 2;
	if (waitpid(pid, &status, 0) != pid)
		return 2;
	printf("SENT rt=%d usr1=%d\nSTATUS %d\n", sent_rt, sent_usr1,
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
