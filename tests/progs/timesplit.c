// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * timesplit FILE: a process whose time has known parts, for the stats
 * analyzer's breakdown: it burns 200 ms of CPU in user space, sleeps
 * 100 ms, then reads FILE to its end. It prints what it knows of itself
 * at the end of main:
 *
 *   cpu_ns 201234567      its CPU time so far (CLOCK_PROCESS_CPUTIME_ID)
 *   runq_ns 3456789       its waits for a CPU (/proc/self/schedstat)
 *   read 1048576          bytes read from FILE
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static uint64_t cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static volatile uint64_t sink = 1;

static void spin(uint64_t n)
{
	uint64_t x = sink;

	while (n--)
		x = x * 6364136223846793005u + 1442695040888963407u;
	sink = x;
}

/*
 * Burn ns of CPU time. The CPU clock is a syscall, and each one the
 * tracer stops at: aim at what is left from the rate so far, a few
 * readings in all.
 */
static void burn(uint64_t ns)
{
	uint64_t start = cpu_ns(), now = start, done = 0, n = 1u << 20;

	while (now - start < ns) {
		spin(n);
		done += n;
		now = cpu_ns();
		if (now == start)
			continue;
		/* 95 % of what the rate says is left, at least a little */
		n = (uint64_t)((double)done / (double)(now - start) *
			       (double)(ns -
					(now - start < ns ? now - start : ns)) *
			       0.95) +
		    (1u << 16);
	}
}

int main(int argc, char **argv)
{
	const struct timespec sleep = { 0, 100000000 };
	unsigned long long on_cpu = 0, waited = 0, total = 0;
	static char buf[1 << 20];
	ssize_t n;
	FILE *fp;
	int fd;

	if (argc != 2)
		return 2;
	/* CPU time, not wall time: a loaded machine makes it last longer */
	burn(200000000u);
	nanosleep(&sleep, NULL);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0)
		return 1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += (unsigned long long)n;
	close(fd);
	fp = fopen("/proc/self/schedstat", "r");
	if (!fp || fscanf(fp, "%llu %llu", &on_cpu, &waited) != 2)
		return 1;
	fclose(fp);
	printf("cpu_ns %llu\nrunq_ns %llu\nread %llu\n",
	       (unsigned long long)cpu_ns(), waited, total);
	return 0;
}
