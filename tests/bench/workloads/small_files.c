// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * small_files DIR N: creates N small files in DIR (made if missing),
 * writes each, reads each back, and unlinks them all: the many-small-files
 * pattern of unpackers, build systems and package managers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what, const char *path)
{
	fprintf(stderr, "small_files: %s '%s': %s\n", what, path,
		strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	char path[4096], buf[4096];
	long i, n;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: small_files DIR N\n");
		return 2;
	}
	n = atol(argv[2]);
	if (mkdir(argv[1], 0755) < 0 && errno != EEXIST)
		die("cannot create", argv[1]);
	memset(buf, 'x', sizeof(buf));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%ld", argv[1], i);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		/* 100 B to 4 KiB, like source trees */
		if (fd < 0 ||
		    write(fd, buf, (size_t)(100 + i * 397 % 3997)) < 0)
			die("cannot write", path);
		close(fd);
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%ld", argv[1], i);
		fd = open(path, O_RDONLY);
		if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
			die("cannot read", path);
		close(fd);
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%ld", argv[1], i);
		if (unlink(path) < 0)
			die("cannot remove", path);
	}
	return 0;
}
