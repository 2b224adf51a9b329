// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * forkexec: fork a child that execs this program again ("child K"), vfork
 * another that does the same, and a grandchild whose parent exits first.
 * Each process marks; each exits with a known status.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "marker.h"

static int forkexec_child(const char *self, int k)
{
	char kbuf[16];

	snprintf(kbuf, sizeof(kbuf), "%d", k);
	execl(self, self, "child", kbuf, (char *)NULL);
	_exit(127);
}

int main(int argc, char **argv)
{
	int status;
	pid_t pid;

	if (argc == 3 && !strcmp(argv[1], "child")) {
		int k = atoi(argv[2]);

		printf("EXEC %d %s\n", getpid(), argv[0]);
		marker(k);
		return k;
	}
	marker(0);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		forkexec_child(argv[0], 1);
	printf("SPAWN %d %d\n", getpid(), pid);
	waitpid(pid, &status, 0);
	printf("EXIT %d code %d\n", pid, WEXITSTATUS(status));

	fflush(stdout);
	pid = vfork();
	if (pid == 0)
		forkexec_child(argv[0], 2);
	printf("SPAWN %d %d\n", getpid(), pid);
	waitpid(pid, &status, 0);
	printf("EXIT %d code %d\n", pid, WEXITSTATUS(status));

	/* a grandchild outliving its parent */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pid_t g = fork();

		if (g == 0) {
			usleep(100000);
			marker(3);
			_exit(0);
		}
		printf("SPAWN %d %d\n", getpid(), g);
		fflush(stdout);
		_exit(0);
	}
	printf("SPAWN %d %d\n", getpid(), pid);
	waitpid(pid, &status, 0);
	printf("EXIT %d code %d\n", pid, WEXITSTATUS(status));
	fflush(stdout);
	return 5;
}
