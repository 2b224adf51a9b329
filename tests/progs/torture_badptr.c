// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_badptr DIR: hand the kernel (and so the tracer's decoder) bad
 * pointers and hostile strings, and print what each call returned:
 *   CALL <name> <return> <errno name or 0>
 * Nothing here depends on pids or addresses, so the output is the same
 * traced and untraced: the test compares the two.
 *  - NULL, (void *)-1 and an unmapped page to open, connect, write and
 *    execve (path, sockaddr, buffer, argv);
 *  - a string that runs into an unmapped page with no NUL;
 *  - a 4095-byte path (the longest PATH_MAX allows) and a 5000-byte one;
 *  - a file name made of every byte 0x01-0xff except '/'.
 * The addresses used are printed as ADDR lines for the test to look for.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static void call(const char *name, long rc)
{
	int err = errno;

	printf("CALL %s %ld %s\n", name, rc,
	       rc < 0 ? strerrorname_np(err) : "0");
	fflush(stdout);
}

/* raw syscalls: glibc must not look at the pointers before the kernel */
#define SC(name, ...) (errno = 0, call(name, syscall(__VA_ARGS__)))

int main(int argc, char **argv)
{
	char *page, *hole, *edge, *name;
	char *longpath, *toolong;
	char *badargv[] = { (char *)1, NULL };
	size_t i, n;
	int fd, sk, p[2];

	if (argc != 2 || chdir(argv[1]) < 0)
		return 2;
	/* two pages, the second unmapped: a known hole right after the first */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 2;
	munmap(page + 4096, 4096);
	hole = page + 4096;
	edge = hole - 8;
	memset(edge, 'a', 8); /* no NUL before the hole */
	printf("ADDR hole %#lx\nADDR edge %#lx\nADDR badargv %#lx\n",
	       (unsigned long)(uintptr_t)hole, (unsigned long)(uintptr_t)edge,
	       (unsigned long)(uintptr_t)badargv);

	SC("open-null", SYS_open, NULL, O_RDONLY);
	SC("open-minus1", SYS_open, (char *)-1, O_RDONLY);
	SC("open-hole", SYS_open, hole, O_RDONLY);
	SC("open-edge", SYS_open, edge, O_RDONLY);
	SC("openat-hole", SYS_openat, AT_FDCWD, hole, O_RDONLY);

	sk = socket(AF_UNIX, SOCK_STREAM, 0);
	SC("connect-null", SYS_connect, sk, NULL, sizeof(struct sockaddr_un));
	SC("connect-minus1", SYS_connect, sk, (void *)-1, 16);
	SC("connect-hole", SYS_connect, sk, hole, sizeof(struct sockaddr_un));
	/* a sockaddr straddling the hole */
	SC("connect-edge", SYS_connect, sk, edge, sizeof(struct sockaddr_un));
	close(sk);

	if (pipe(p) < 0)
		return 2;
	SC("write-null", SYS_write, p[1], NULL, 10);
	SC("write-minus1", SYS_write, p[1], (void *)-1, 10);
	SC("write-hole", SYS_write, p[1], hole, 10);
	/* only part of the buffer readable: a pipe refuses it all */
	SC("write-edge", SYS_write, p[1], edge, 16);
	close(p[0]);
	close(p[1]);

	SC("execve-null", SYS_execve, NULL, NULL, NULL);
	SC("execve-hole", SYS_execve, hole, NULL, NULL);
	SC("execve-argv-minus1", SYS_execve, "/bin/true", (char **)-1, NULL);
	SC("execve-argv-bad", SYS_execve, "/bin/true", badargv, NULL);
	SC("execve-envp-hole", SYS_execve, "/bin/true", NULL, hole);

	/* 4095 bytes + NUL = PATH_MAX: accepted, ENOENT; one more: too long */
	n = PATH_MAX - 1;
	longpath = malloc(n + 1);
	toolong = malloc(5001);
	if (!longpath || !toolong)
		return 2;
	for (i = 0; i < n; i += 2)
		memcpy(longpath + i, "./", 2);
	longpath[n - 1] = 'x';
	longpath[n] = '\0';
	memset(toolong, 'y', 5000);
	toolong[5000] = '\0';
	printf("LEN longpath %zu\nLEN toolong %zu\n", strlen(longpath),
	       strlen(toolong));
	SC("open-4095", SYS_open, longpath, O_RDONLY);
	SC("open-5000", SYS_open, toolong, O_RDONLY);

	/* every byte but NUL and '/': 254 bytes, within NAME_MAX */
	name = malloc(256);
	if (!name)
		return 2;
	for (i = 1, n = 0; i <= 0xff; i++)
		if (i != '/')
			name[n++] = (char)i;
	name[n] = '\0';
	errno = 0;
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	call("open-allbytes", fd);
	if (fd >= 0) {
		errno = 0;
		call("write-allbytes", write(fd, "x", 1));
		close(fd);
	}
	errno = 0;
	call("unlink-allbytes", unlink(name));
	free(name);
	free(longpath);
	free(toolong);
	return 0;
}
