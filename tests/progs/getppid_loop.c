// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* getppid_loop N [FILE]: N getppid calls, then one openat of FILE. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000, i;
	int fd;

	for (i = 0; i < n; i++)
		getppid();
	fd = open(argc > 2 ? argv[2] : "/dev/null", O_RDONLY);
	if (fd >= 0)
		close(fd);
	return 0;
}
