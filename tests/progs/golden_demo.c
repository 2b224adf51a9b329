// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * golden_demo DIR: the tracee of the golden-file test. It writes a known
 * file in DIR, reads it back, fails to open a file that does not exist
 * and exits with status 3. No threads, no randomness, no stdio buffers
 * flushed at exit (it writes nothing to stdout), so that the file and
 * process events it causes are the same on every run.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char text[] = "golden\n";

int main(int argc, char **argv)
{
	char path[PATH_MAX], buf[64];
	ssize_t n;
	int fd;

	if (argc != 2)
		return 2;
	snprintf(path, sizeof(path), "%s/data.txt", argv[1]);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return 1;
	if (write(fd, text, sizeof(text) - 1) != sizeof(text) - 1)
		return 1;
	close(fd);

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n != sizeof(text) - 1 || memcmp(buf, text, n))
		return 1;

	/* the failure is part of the golden files */
	snprintf(path, sizeof(path), "%s/missing.txt", argv[1]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		return 1;
	return 3;
}
