// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * memio DIR: address-space changes the mmap analyzer must account for,
 * with the figures computed from this program's own return values.
 *
 * Prints, one write(2) per line:
 *   EV <op> <addr> <len> <delta>   an MMAP event that must be published,
 *                                  as op=<op> addr=<addr> len=<len>
 *                                  delta=<delta> (0 when absent)
 *   TID <op> <addr>                that event comes from a thread
 *   HEAP <bytes>                   a process' heap growth (break now minus
 *                                  the break it started with)
 *   LIVE <bytes>                   bytes this program itself keeps mapped
 *                                  until the process ends or execs
 *   HIDDEN <bytes>                 bytes of a library-like mapping kept
 *
 * The main process grows its break in known steps (one of them from a
 * thread: the break is per process), maps, partly unmaps, remaps, and
 * overlays a reservation with MAP_FIXED; a forked child adds to its own
 * heap and mappings; another child does the same, then execs this program
 * again, which does it once more in a fresh address space.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static long page;

static void die(const char *what)
{
	char buf[256];
	int n = snprintf(buf, sizeof(buf), "memio: %s: %s\n", what,
			 strerror(errno));

	if (write(2, buf, (size_t)n) < 0)
		_exit(3);
	_exit(2);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof(line) || write(1, line, (size_t)n) != n)
		_exit(4);
}

/* The break the kernel gave this image at exec: /proc/self/stat field 47. */
static uintptr_t start_brk(void)
{
	char buf[4096], *p;
	unsigned long long v = 0;
	ssize_t n;
	int fd, field;

	fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("/proc/self/stat");
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		die("read /proc/self/stat");
	buf[n] = '\0';
	/* the comm field may hold anything up to the last ')' */
	p = strrchr(buf, ')');
	if (!p)
		die("/proc/self/stat format");
	for (field = 2; field < 47 && p; field++)
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p + 1, "%llu", &v) != 1)
		die("start_brk");
	return (uintptr_t)v;
}

/* sbrk by inc; say the event when the analyzer must publish one (> 4096). */
static void grow(intptr_t inc, const char *from_thread)
{
	char *old = sbrk(inc);

	if (old == (void *)-1)
		die("sbrk");
	if (inc > 4096) {
		say("EV brk %#lx %ld %ld\n", (unsigned long)(old + inc),
		    (long)inc, (long)inc);
		if (from_thread)
			say("TID brk %#lx\n", (unsigned long)(old + inc));
	}
}

static void *map_anon(size_t len, int prot, int flags, void *at)
{
	void *p =
		mmap(at, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);

	if (p == MAP_FAILED)
		die("mmap");
	return p;
}

static void heap_done(uintptr_t initial)
{
	say("HEAP %ld\n", (long)((uintptr_t)sbrk(0) - initial));
}

static void *thread_main(void *arg)
{
	grow(20000, "thread");
	return arg;
}

/* The exec'd copy: a fresh address space, its own heap and mappings. */
static int after_exec(void)
{
	uintptr_t initial = start_brk();
	void *p;

	grow(30000, NULL);
	p = map_anon(7 * page, PROT_READ | PROT_WRITE, 0, NULL);
	say("EV mmap %#lx %ld %ld\n", (unsigned long)p, 7 * page, 7 * page);
	say("LIVE %ld\n", 7 * page);
	heap_done(initial);
	return 0;
}

int main(int argc, char **argv)
{
	char path[PATH_MAX];
	uintptr_t initial;
	pthread_t th;
	struct stat st;
	char *a, *b, *c, *r, *f, *lib;
	int fd, status;
	long live = 0;
	pid_t pid;

	page = sysconf(_SC_PAGESIZE);
	if (argc == 2 && !strcmp(argv[1], "--exec"))
		return after_exec();
	if (argc != 2)
		return 2;
	initial = start_brk();

	/* the break: 12288 and 100000 are events, 4096 and a shrink are not */
	grow(3 * page, NULL);
	grow(page, NULL);
	grow(100000, NULL);
	grow(-page, NULL);

	/* anonymous, then a hole punched in the middle, twice */
	a = map_anon(10 * page, PROT_READ | PROT_WRITE, 0, NULL);
	say("EV mmap %#lx %ld %ld\n", (unsigned long)a, 10 * page, 10 * page);
	if (munmap(a + 3 * page, 2 * page))
		die("munmap");
	say("EV munmap %#lx %ld %ld\n", (unsigned long)(a + 3 * page), 2 * page,
	    -2 * page);
	/* already gone: nothing is removed twice */
	if (munmap(a + 3 * page, 2 * page))
		die("munmap again");
	say("EV munmap %#lx 0 0\n", (unsigned long)(a + 3 * page));
	live += 8 * page;

	/* mremap: 4 pages grow to 16, wherever they land */
	b = map_anon(4 * page, PROT_READ | PROT_WRITE, 0, NULL);
	say("EV mmap %#lx %ld %ld\n", (unsigned long)b, 4 * page, 4 * page);
	c = mremap(b, 4 * page, 16 * page, MREMAP_MAYMOVE);
	if (c == MAP_FAILED)
		die("mremap");
	say("EV mremap %#lx %ld %ld\n", (unsigned long)c, 16 * page, 12 * page);
	live += 16 * page;

	/* a reservation, then MAP_FIXED inside it: no bytes counted twice */
	r = map_anon(8 * page, PROT_NONE, 0, NULL);
	say("EV mmap %#lx %ld %ld\n", (unsigned long)r, 8 * page, 8 * page);
	map_anon(3 * page, PROT_READ | PROT_WRITE, MAP_FIXED, r + 2 * page);
	say("EV mmap %#lx %ld 0\n", (unsigned long)(r + 2 * page), 3 * page);
	live += 8 * page;

	/* a file of 3 pages and a bit: the mapping rounds up to 4 */
	if (snprintf(path, sizeof(path), "%s/memio.data", argv[1]) >=
	    (int)sizeof(path))
		return 2;
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 3 * page + 100))
		die(path);
	f = mmap(NULL, 3 * page + 100, PROT_READ, MAP_SHARED, fd, 0);
	if (f == MAP_FAILED)
		die("mmap file");
	close(fd);
	say("EV mmap %#lx %ld %ld\n", (unsigned long)f, 3 * page + 100,
	    4 * page);
	live += 4 * page;

	/* the loader's cache is noise: hidden, counted apart */
	fd = open("/etc/ld.so.cache", O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && !fstat(fd, &st) && st.st_size > 0) {
		lib = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
			   0);
		if (lib == MAP_FAILED)
			die("mmap ld.so.cache");
		say("HIDDEN %ld\n",
		    (long)((st.st_size + page - 1) / page * page));
	}
	if (fd >= 0)
		close(fd);

	/* a thread's brk moves the process' break */
	if (pthread_create(&th, NULL, thread_main, NULL) ||
	    pthread_join(th, NULL))
		die("thread");

	/* a child adds to its own heap and mappings only */
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		uintptr_t at_fork = (uintptr_t)sbrk(0);
		void *p;

		grow(2 * page, NULL);
		p = map_anon(5 * page, PROT_READ | PROT_WRITE, 0, NULL);
		say("EV mmap %#lx %ld %ld\n", (unsigned long)p, 5 * page,
		    5 * page);
		say("LIVE %ld\n", 5 * page);
		heap_done(at_fork);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || status)
		die("child");

	/* exec folds what the old image had, then starts afresh */
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		uintptr_t at_fork = (uintptr_t)sbrk(0);
		void *p;

		grow(3 * page, NULL);
		p = map_anon(2 * page, PROT_READ | PROT_WRITE, 0, NULL);
		say("EV mmap %#lx %ld %ld\n", (unsigned long)p, 2 * page,
		    2 * page);
		say("LIVE %ld\n", 2 * page);
		heap_done(at_fork);
		execl("/proc/self/exe", "memio", "--exec", (char *)NULL);
		die("exec");
	}
	if (waitpid(pid, &status, 0) != pid || status)
		die("exec'd child");

	say("LIVE %ld\n", live);
	heap_done(initial);
	return 0;
}
