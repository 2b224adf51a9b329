// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console_demo DIR: a small deterministic tracee for the console's golden
 * tests. In DIR it writes 1536 bytes to data.txt and reads them back,
 * fails to open missing.txt, creates two files whose names try to drive a
 * terminal (an ANSI colour escape, a newline), forks a child that creates
 * child.txt and execs /bin/true, waits for it, creates after.txt, and
 * exits 3. Raw syscalls only, so libc buffering cannot change the counts.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[4096];

static const char *in_dir(const char *dir, const char *name)
{
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static void create(const char *dir, const char *name)
{
	int fd = open(in_dir(dir, name), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	close(fd);
}

int main(int argc, char **argv)
{
	char buf[4096];
	int fd, status;
	pid_t pid;

	if (argc != 2) {
		fprintf(stderr, "usage: console_demo DIR\n");
		return 2;
	}
	memset(buf, 'x', sizeof(buf));
	fd = open(in_dir(argv[1], "data.txt"), O_WRONLY | O_CREAT | O_TRUNC,
		  0600);
	if (fd < 0 || write(fd, buf, 1536) != 1536)
		return 1;
	close(fd);
	fd = open(in_dir(argv[1], "data.txt"), O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf)) != 1536)
		return 1;
	close(fd);
	if (open(in_dir(argv[1], "missing.txt"), O_RDONLY) >= 0)
		return 1;
	create(argv[1], "\033[31mred");
	create(argv[1], "new\nline");

	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		create(argv[1], "child.txt");
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	create(argv[1], "after.txt");
	return 3;
}
