// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * fdpass DIR: open a file, pass it around with dup, dup2, F_DUPFD_CLOEXEC,
 * fork and exec, close some with close_range, and read through each fd.
 * Prints "READ <fd> <path or -> <result>" for every read the tracer must
 * annotate: the path when the fd is open, "-" when it is not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "marker.h"

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

static void fdpass_read(int fd, const char *path)
{
	char buf[4];
	long n = read(fd, buf, sizeof(buf));

	printf("READ %d %s %ld\n", fd, n < 0 ? "-" : path, n < 0 ? -errno : n);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	char path[4096], real[4096];
	int fd, a, b, c, status;
	pid_t pid;

	if (argc == 4 && !strcmp(argv[1], "exec")) {
		/* after exec: argv[2] survived (no CLOEXEC), argv[3] did not */
		if (!realpath(argv[0], real))
			return 2;
		fdpass_read(atoi(argv[2]), getenv("FDPASS_PATH"));
		fdpass_read(atoi(argv[3]), getenv("FDPASS_PATH"));
		return 0;
	}
	if (argc != 2)
		return 2;
	snprintf(path, sizeof(path), "%s/fdpass.data", argv[1]);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, "0123456789abcdef", 16) != 16)
		return 2;
	if (!realpath(path, real))
		return 2;
	setenv("FDPASS_PATH", real, 1);
	lseek(fd, 0, SEEK_SET);
	a = dup(fd);
	b = dup2(fd, 40);
	c = fcntl(fd, F_DUPFD_CLOEXEC, 50);
	fdpass_read(fd, real);
	fdpass_read(a, real);
	fdpass_read(b, real);
	fdpass_read(c, real);

	/* the child inherits the table as it was at fork */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fdpass_read(b, real);
		close(b);
		fdpass_read(b, real);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	/* the child's close did not touch ours */
	fdpass_read(b, real);

	/* close_range: 40 closes, 50 (above the range) stays */
	syscall(SYS_close_range, 39, 45, 0);
	fdpass_read(b, real);
	fdpass_read(c, real);

	/* exec: a stays (no CLOEXEC), c goes (F_DUPFD_CLOEXEC) */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char as[16], cs[16];

		snprintf(as, sizeof(as), "%d", a);
		snprintf(cs, sizeof(cs), "%d", c);
		execl(argv[0], argv[0], "exec", as, cs, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	unlink(path);
	return 0;
}
