// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * hostile_names DIR: re-executes itself with the argv[0] "=cmd|' /C
 * calc'!A0" (a spreadsheet formula, so the exec event's argv is one),
 * then creates, writes and reads back files in DIR whose names a CSV or
 * JSON writer must escape: formulas, a comma, a quote, a newline, HTML,
 * an ANSI escape, invalid UTF-8. It tries to open one that does not
 * exist. For each path it prints one line to stdout:
 *   PATH <hex of the absolute path bytes>
 *   FAIL <hex of the path>
 *   ARGV <hex of the argv elements, joined by NULs>
 * DIR should be absolute and empty; stdout should not be in DIR.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FORMULA "=cmd|' /C calc'!A0"

/* a file name cannot hold the '/' of FORMULA */
static const char *const names[] = {
	"=cmd|' \\C calc'!A0",
	"+1",
	"-1",
	"@SUM(1)",
	"\tTab",
	"comma,name",
	"say \"hi\"",
	"line\nbreak",
	"cr\rname",
	"<script>x<b>&amp;",
	"\x1b[31mred\x1b[0m",
	"bad\xff\xfeutf8",
	"caf\xc3\xa9 \xe2\x80\xa8",
};

static void print_hex(const char *tag, const char *s)
{
	printf("%s ", tag);
	for (; *s; s++)
		printf("%02x", (unsigned char)*s);
	putchar('\n');
}

static int touch(const char *path)
{
	char buf[64];
	ssize_t n;
	int fd;

	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, "hello\n", 6) != 6 || close(fd)) {
		perror(path);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == 6 ? 0 : -1;
}

int main(int argc, char **argv)
{
	char path[PATH_MAX];
	size_t i;

	if (argc < 2) {
		fprintf(stderr, "usage: hostile_names DIR\n");
		return 2;
	}
	if (argc == 2) {
		char self[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		char *args[] = { (char *)FORMULA, argv[1], (char *)"child",
				 NULL };

		if (n < 0) {
			perror("readlink");
			return 1;
		}
		self[n] = '\0';
		printf("ARGV ");
		for (i = 0; args[i]; i++) {
			const char *s;

			if (i)
				printf("00");
			for (s = args[i]; *s; s++)
				printf("%02x", (unsigned char)*s);
		}
		putchar('\n');
		fflush(stdout);
		execv(self, args);
		perror("execv");
		return 1;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", argv[1], names[i]);
		if (touch(path))
			return 1;
		print_hex("PATH", path);
	}
	snprintf(path, sizeof(path), "%s/-missing,\"=1\"", argv[1]);
	if (open(path, O_RDONLY | O_CLOEXEC) >= 0 || errno != ENOENT) {
		fprintf(stderr, "%s: expected ENOENT\n", path);
		return 1;
	}
	print_hex("FAIL", path);
	return 0;
}
