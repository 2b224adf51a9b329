// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * killmid: a child with four threads blocked in syscalls (read, nanosleep,
 * futex) is SIGKILLed by its parent. Prints the child's pid and threads.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

#include "marker.h"

static int pipefd[2];

static void *killmid_reader(void *arg)
{
	char c;

	(void)arg;
	printf("THREAD %d\n", marker_tid());
	fflush(stdout);
	if (read(pipefd[0], &c, 1) < 0)
		perror("read");
	return NULL;
}

static void *killmid_sleeper(void *arg)
{
	struct timespec ts = { 60, 0 };

	(void)arg;
	printf("THREAD %d\n", marker_tid());
	fflush(stdout);
	nanosleep(&ts, NULL);
	return NULL;
}

int main(void)
{
	int status, ready[2];
	pid_t pid;
	char c;

	if (pipe(pipefd) < 0 || pipe(ready) < 0)
		return 2;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pthread_t t[4];
		int i;

		for (i = 0; i < 4; i++)
			pthread_create(&t[i], NULL,
				       i % 2 ? killmid_sleeper : killmid_reader,
				       NULL);
		usleep(100000);
		if (write(ready[1], "r", 1) < 0)
			_exit(2);
		pthread_join(t[0], NULL);
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1)
		return 2;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	printf("KILLED %d %d\n", pid,
	       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return 0;
}
