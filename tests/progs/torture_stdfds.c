// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_stdfds DIR: close stdin, stdout and stderr, then open DIR/in,
 * DIR/out and DIR/err, which take fds 0, 1 and 2 again, and read and
 * write through them. The tracer must annotate the new files, not the
 * terminal or pipe the fds named before. Its account goes to fd 1, which
 * is DIR/out by then:
 *   FD <fd> <path>        for each open
 *   READ <fd> <bytes>     WRITE <fd> <bytes>
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char *const names[3] = { "in", "out", "err" };
	char path[3][4096], buf[64];
	int fd[3], i;
	ssize_t r, w1, w2;

	if (argc != 2)
		return 2;
	for (i = 0; i < 3; i++)
		snprintf(path[i], sizeof(path[i]), "%s/%s", argv[1], names[i]);
	close(0);
	close(1);
	close(2);
	/* lowest free fd first: these become 0, 1 and 2 */
	fd[0] = open(path[0], O_RDONLY);
	fd[1] = open(path[1], O_WRONLY | O_CREAT | O_TRUNC, 0600);
	fd[2] = open(path[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
	r = read(0, buf, sizeof(buf));
	w1 = write(2, "to-err\n", 7);
	/* stdio's buffer for fd 1 was never used: it writes to the new file */
	for (i = 0; i < 3; i++)
		printf("FD %d %s\n", fd[i], path[i]);
	printf("READ 0 %zd\nWRITE 2 %zd\n", r, w1);
	fflush(stdout);
	w2 = write(1, "direct\n", 7);
	printf("WRITE 1 %zd\n", w2);
	return fd[0] == 0 && fd[1] == 1 && fd[2] == 2 && r > 0 ? 0 : 1;
}
