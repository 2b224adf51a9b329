// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_vfork DEPTH MAX: a vfork+exec chain. Each level makes marker
 * DEPTH, vforks a child that execs this program at DEPTH+1 (until MAX),
 * waits for it and exits with DEPTH. Prints
 *   LEVEL <depth> <pid>
 *   CHILD <depth> <child pid> <exit status>
 * so the test can match exec and exit events level by level.
 */
#include <stdlib.h>
#include <sys/wait.h>

#include "marker.h"

int main(int argc, char **argv)
{
	int depth, max, status;
	char arg[16];
	pid_t pid;

	if (argc != 3)
		return 100;
	depth = atoi(argv[1]);
	max = atoi(argv[2]);
	printf("LEVEL %d %d\n", depth, (int)getpid());
	marker(depth);
	if (depth < max) {
		snprintf(arg, sizeof(arg), "%d", depth + 1);
		/* /proc/self/exe: argv[0] may be relative to a cwd we keep */
		pid = vfork();
		if (pid < 0) {
			perror("vfork");
			return 101;
		}
		if (pid == 0) {
			/* only exec or _exit are allowed in a vfork child */
			execl("/proc/self/exe", argv[0], arg, argv[2],
			      (char *)NULL);
			_exit(102);
		}
		if (waitpid(pid, &status, 0) != pid) {
			perror("waitpid");
			return 103;
		}
		printf("CHILD %d %d %d\n", depth + 1, (int)pid,
		       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		fflush(stdout);
	}
	return depth;
}
