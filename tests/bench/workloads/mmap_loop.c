// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * mmap_loop N: N times, map one anonymous page, touch it (one page
 * fault) and unmap it. The fault analyzer's cost per address-space
 * change (issue #22: within 1.5x of the same run without --faults).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n, page = sysconf(_SC_PAGESIZE);

	if (argc != 2) {
		fprintf(stderr, "usage: mmap_loop N\n");
		return 2;
	}
	n = atol(argv[1]);
	for (i = 0; i < n; i++) {
		char *m = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED) {
			perror("mmap_loop");
			return 1;
		}
		((volatile char *)m)[0] = 1;
		if (munmap(m, (size_t)page) < 0) {
			perror("mmap_loop");
			return 1;
		}
	}
	return 0;
}
