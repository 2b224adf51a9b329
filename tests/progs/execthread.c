// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * execthread: a thread that is not the leader calls exec while another
 * thread sits in a blocking read. After exec the process is this program
 * again ("after"), with the leader's pid.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "marker.h"

static int pipefd[2];
static const char *self;

static void *execthread_blocker(void *arg)
{
	char c;

	(void)arg;
	/* blocks until the exec kills this thread */
	if (read(pipefd[0], &c, 1) < 0)
		perror("read");
	return NULL;
}

static void *execthread_exec(void *arg)
{
	(void)arg;
	usleep(50000);
	printf("EXECER %d\n", marker_tid());
	fflush(stdout);
	execl(self, self, "after", (char *)NULL);
	perror("execl");
	exit(2);
}

int main(int argc, char **argv)
{
	pthread_t a, b;

	if (argc == 2 && !strcmp(argv[1], "after")) {
		printf("AFTER %d %d\n", getpid(), marker_tid());
		marker(9);
		return 0;
	}
	self = argv[0];
	if (pipe(pipefd) < 0)
		return 2;
	printf("LEADER %d\n", getpid());
	fflush(stdout);
	pthread_create(&a, NULL, execthread_blocker, NULL);
	pthread_create(&b, NULL, execthread_exec, NULL);
	pthread_join(b, NULL);
	return 3;
}
