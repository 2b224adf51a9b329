// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * remapper: maps, touches and unmaps at one address again and again, for
 * the fault analyzer's region cache (its test, fault_cache.test). In turn,
 * at the same address X:
 *   first     a private file mapping, written, then unmapped
 *   again     an anonymous mapping made where it was, written, unmapped
 *   other     another file, read-only, read, unmapped
 *   protected an anonymous mapping whose middle pages mprotect makes
 *             read-only, read there (the kernel splits the mapping)
 *   lo        the same mapping's first page, written
 *   moved     an anonymous mapping grown (and moved) by mremap, its new
 *             pages written
 * After touching, it looks itself up in /proc/self/maps: what the kernel
 * says the touched pages are in at that moment is what each of their
 * faults must be attributed to. Then it marks the end of the step for the
 * test: a failing munmap (the fault analyzer drains its rings at every
 * munmap) and getpgid(1000000 + step). One line per touch:
 *	REGION <what> <pid> <tid> <start> <end> <pages> <vma_start> <vma_end>
 *	       <perms> <name>
 * start/end: the touched range; name: "-" for an anonymous mapping.
 * Usage: remapper DIR
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGES 4

static long page;

/* The line of /proc/self/maps that holds addr, and what it says. */
static int lookup(unsigned long addr, unsigned long *s, unsigned long *e,
		  char *perms, char *name, size_t size)
{
	char line[4352];
	FILE *fp = fopen("/proc/self/maps", "re");
	int found = -1;

	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		char *p;
		int n = 0;

		if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %n", s, e, perms,
			   &n) < 3 ||
		    addr < *s || addr >= *e)
			continue;
		p = line + n;
		p[strcspn(p, "\n")] = '\0';
		snprintf(name, size, "%s", *p ? p : "-");
		found = 0;
		break;
	}
	fclose(fp);
	return found;
}

static int report(const char *what, char *start, long pages)
{
	static int step;
	unsigned long s, e;
	char perms[8], name[4096];

	if (lookup((unsigned long)start, &s, &e, perms, name, sizeof(name)))
		return -1;
	printf("REGION %s %d %ld %#lx %#lx %ld %#lx %#lx %s %s\n", what,
	       (int)getpid(), (long)syscall(SYS_gettid), (unsigned long)start,
	       (unsigned long)start + pages * page, pages, s, e, perms, name);
	munmap(NULL, 0);
	syscall(SYS_getpgid, 1000000 + ++step);
	return 0;
}

static void touch(char *m, long pages, int write)
{
	long i;

	for (i = 0; i < pages; i++) {
		if (write)
			((volatile char *)m)[i * page] = 1;
		else
			(void)((volatile char *)m)[i * page];
	}
}

/*
 * A file of PAGES pages, written so that they are in the page cache: a
 * fault on a hole would wait for the disk (a major fault, not sampled).
 */
static int file_fd(const char *dir, const char *name)
{
	static char buf[65536];
	char path[4096];
	long left = PAGES * page;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	memset(buf, 'x', sizeof(buf));
	while (left > 0) {
		ssize_t n = write(fd, buf,
				  left < (long)sizeof(buf) ? (size_t)left :
							     sizeof(buf));

		if (n <= 0)
			return -1;
		left -= n;
	}
	return fd;
}

int main(int argc, char **argv)
{
	char *x, *m;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: remapper DIR\n");
		return 2;
	}
	page = sysconf(_SC_PAGESIZE);
	setvbuf(stdout, NULL, _IOLBF, 0);

	fd = file_fd(argv[1], "first");
	x = mmap(NULL, PAGES * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
		 0);
	if (fd < 0 || x == MAP_FAILED)
		return 1;
	close(fd);
	touch(x, PAGES, 1);
	if (report("first", x, PAGES) || munmap(x, PAGES * page))
		return 1;

	m = mmap(x, PAGES * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (m != x)
		return 1;
	touch(x, PAGES, 1);
	if (report("again", x, PAGES) || munmap(x, PAGES * page))
		return 1;

	fd = file_fd(argv[1], "other");
	m = mmap(x, PAGES * page, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE,
		 fd, 0);
	if (fd < 0 || m != x)
		return 1;
	close(fd);
	touch(x, PAGES, 0);
	if (report("other", x, PAGES) || munmap(x, PAGES * page))
		return 1;

	m = mmap(x, PAGES * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (m != x || mprotect(x + page, 2 * page, PROT_READ))
		return 1;
	touch(x + page, 2, 0);
	if (report("protected", x + page, 2))
		return 1;
	touch(x, 1, 1);
	if (report("lo", x, 1) || munmap(x, PAGES * page))
		return 1;

	m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return 1;
	touch(m, 2, 1);
	m = mremap(m, 2 * page, 64 * page, MREMAP_MAYMOVE);
	if (m == MAP_FAILED)
		return 1;
	/* the first two pages moved with their contents: no new faults */
	touch(m + 2 * page, 62, 1);
	if (report("moved", m + 2 * page, 62))
		return 1;
	return 0;
}
