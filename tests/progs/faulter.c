// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * faulter: touches known numbers of fresh pages and prints what it did,
 * for the fault analyzer's test. Each toucher (the main thread, a second
 * thread, a forked child) writes one byte to each page of
 *  - a fresh private anonymous mapping (ANON_PAGES pages),
 *  - a fresh private mapping of a file (FILE_PAGES pages),
 * and the main thread and the child also grow the heap with sbrk and
 * touch HEAP_PAGES pages of it (one heap: a thread cannot own part of it).
 * Nothing is populated in advance (no MAP_POPULATE) and every page is
 * new, so each write is exactly one minor fault.
 *
 * Output, one line per region:
 *	REGION <who> <kind> <pid> <tid> <start> <end> <pages>
 * who is main, thread or child; kind anon, file or heap; addresses hex.
 * Usage: faulter DIR [burst_pages]: the file is made in DIR; with
 * burst_pages, the main thread also touches that many anonymous pages in
 * one go (for the lost-sample test), printed as kind burst.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define ANON_PAGES 200
#define FILE_PAGES 50
#define HEAP_PAGES 100

static long page;
static const char *dir;

static void report(const char *who, const char *kind, void *start, long pages)
{
	printf("REGION %s %s %d %ld %#lx %#lx %ld\n", who, kind, (int)getpid(),
	       (long)syscall(SYS_gettid), (unsigned long)start,
	       (unsigned long)start + pages * page, pages);
	fflush(stdout);
}

static void touch(char *m, long pages)
{
	long i;

	for (i = 0; i < pages; i++)
		((volatile char *)m)[i * page] = 1;
}

static int anon(const char *who, long pages, const char *kind)
{
	char *m = mmap(NULL, pages * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		return -1;
	touch(m, pages);
	report(who, kind, m, pages);
	return 0;
}

static int file(const char *who)
{
	char path[4096];
	char *m;
	int fd;

	snprintf(path, sizeof(path), "%s/faulter.%s.%d", dir, who,
		 (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || ftruncate(fd, FILE_PAGES * page) < 0)
		return -1;
	/* private and written: one fault per page, and nothing to sync */
	m = mmap(NULL, FILE_PAGES * page, PROT_READ | PROT_WRITE, MAP_PRIVATE,
		 fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	touch(m, FILE_PAGES);
	report(who, "file", m, FILE_PAGES);
	return 0;
}

static int heap(const char *who)
{
	char *b = sbrk(0), *m;

	/* start on a page of our own: the break may sit inside one in use */
	b = (char *)(((unsigned long)b + page - 1) & ~(page - 1));
	if (brk(b + HEAP_PAGES * page) < 0)
		return -1;
	m = b;
	touch(m, HEAP_PAGES);
	report(who, "heap", m, HEAP_PAGES);
	return 0;
}

static void *thread_main(void *arg)
{
	(void)arg;
	if (anon("thread", ANON_PAGES, "anon") < 0 || file("thread") < 0)
		return (void *)1;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	void *tret;
	pid_t child;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: faulter DIR [burst_pages]\n");
		return 2;
	}
	dir = argv[1];
	page = sysconf(_SC_PAGESIZE);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (anon("main", ANON_PAGES, "anon") < 0 || file("main") < 0 ||
	    heap("main") < 0)
		return 1;
	if (pthread_create(&th, NULL, thread_main, NULL) ||
	    pthread_join(th, &tret) || tret)
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (child == 0)
		_exit(anon("child", ANON_PAGES, "anon") < 0 ||
		      file("child") < 0 || heap("child") < 0);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	if (argc > 2 && anon("main", atol(argv[2]), "burst") < 0)
		return 1;
	return 0;
}
