// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "procinfo.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xmalloc.h"

uint32_t procinfo_argc(const char *argv, uint32_t *len)
{
	uint32_t n = *len, i, argc = 0;

	while (n && argv[n - 1] == '\0')
		n--;
	*len = n;
	if (!n)
		return 0;
	for (i = 0; i < n; i++)
		if (argv[i] == '\0')
			argc++;
	return argc + 1;
}

char *procinfo_cmdline(pid_t pid, uint32_t *len, uint32_t *argc)
{
	char path[64];
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap + 1);
	ssize_t r;
	int fd;

	*len = 0;
	*argc = 0;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		buf[0] = '\0';
		return buf;
	}
	while (n < cap && (r = read(fd, buf + n, cap - n)) > 0)
		n += (size_t)r;
	close(fd);
	buf[n] = '\0';
	*len = (uint32_t)n;
	*argc = procinfo_argc(buf, len);
	buf[*len] = '\0';
	return buf;
}

void procinfo_ids(pid_t tid, pid_t *tgid, pid_t *ppid)
{
	char path[64], line[256];
	FILE *fp;

	*tgid = tid;
	*ppid = 0;
	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	fp = fopen(path, "re");
	if (!fp)
		return;
	while (fgets(line, sizeof(line), fp)) {
		if (!strncmp(line, "Tgid:", 5))
			*tgid = (pid_t)strtol(line + 5, NULL, 10);
		else if (!strncmp(line, "PPid:", 5))
			*ppid = (pid_t)strtol(line + 5, NULL, 10);
	}
	fclose(fp);
}

size_t procinfo_exe(pid_t pid, char *buf, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/exe", pid);
	n = readlink(link, buf, size - 1);
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	return (size_t)n;
}
