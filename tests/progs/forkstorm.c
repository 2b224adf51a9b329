// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * forkstorm W: W children, each with W grandchildren, each with one
 * great-grandchild (3 levels), started as fast as fork allows; every
 * parent exits without waiting, so children outlive their parents and are
 * reparented mid-trace. Each process makes one marker. The root waits
 * until all leaves have written to a pipe, then prints the expected count.
 */
#include <stdlib.h>
#include <sys/wait.h>

#include "marker.h"

static int done[2];

static void forkstorm_leaf(int k)
{
	marker(k);
	if (write(done[1], "x", 1) != 1)
		_exit(1);
	_exit(0);
}

int main(int argc, char **argv)
{
	int w = argc > 1 ? atoi(argv[1]) : 8, i, j, n = 0, expected;
	char c;

	if (pipe(done) < 0)
		return 2;
	expected = w + w * w + w * w;
	for (i = 0; i < w; i++) {
		fflush(stdout);
		if (fork() == 0) {
			for (j = 0; j < w; j++) {
				fflush(stdout);
				if (fork() == 0) {
					fflush(stdout);
					if (fork() == 0)
						forkstorm_leaf(3);
					/* the parent exits before its child */
					forkstorm_leaf(2);
				}
			}
			forkstorm_leaf(1);
		}
	}
	while (n < expected && read(done[0], &c, 1) == 1)
		n++;
	while (wait(NULL) > 0)
		;
	printf("PROCESSES %d\n", n);
	return 0;
}
