// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * file_events DIR N: N file I/O calls, each one file event that nothing
 * merges with its neighbour: three files in turn, alternately written and
 * read at moving offsets. For the output scale benchmark.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char path[4096], buf[64] = "0123456789abcdef0123456789abcdef";
	long i, n;
	int fd[3], k;

	if (argc != 3) {
		fprintf(stderr, "usage: file_events DIR N\n");
		return 2;
	}
	n = atol(argv[2]);
	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "%s/events%d", argv[1], k);
		fd[k] = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
		if (fd[k] < 0 || pwrite(fd[k], buf, sizeof(buf), 0) < 0) {
			perror(path);
			return 1;
		}
	}
	for (i = 0; i < n; i++) {
		int f = fd[i % 3];
		off_t off = (off_t)(i % 32);
		ssize_t r = (i / 3) % 2 ? pread(f, buf, 1 + i % 16, off) :
					  pwrite(f, buf, 1 + i % 16, off);

		if (r < 0) {
			perror("file_events");
			return 1;
		}
	}
	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "%s/events%d", argv[1], k);
		close(fd[k]);
		unlink(path);
	}
	return 0;
}
