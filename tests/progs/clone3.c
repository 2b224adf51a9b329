// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * clone3: create a process with the clone3 syscall (no glibc wrapper for
 * it on Debian 12), which marks and exits 4.
 */
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>

#include "marker.h"

int main(void)
{
	struct clone_args args;
	int status;
	long pid;

	memset(&args, 0, sizeof(args));
	args.exit_signal = SIGCHLD;
	fflush(stdout);
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid < 0) {
		printf("NOCLONE3\n");
		return 0;
	}
	if (pid == 0) {
		marker(1);
		_exit(4);
	}
	printf("SPAWN %d %ld\n", getpid(), pid);
	waitpid((pid_t)pid, &status, 0);
	printf("EXIT %ld code %d\n", pid, WEXITSTATUS(status));
	marker(0);
	return 0;
}
