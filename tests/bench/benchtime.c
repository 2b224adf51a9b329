// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * benchtime [-c CPU] -o FILE -- COMMAND [ARGS...]
 *
 * Runs COMMAND and appends one line to FILE:
 *   wall_us=N maxrss_kib=N user_us=N sys_us=N status=N
 * wall is from just before fork to the reap; the rusage is wait4()'s, so
 * maxrss is the largest of COMMAND and the descendants it reaped (for a
 * tracer: the larger of tracer and traced command). With -c, COMMAND and
 * everything it starts run on that CPU only. A benchmark helper, so it
 * adds as little as it can between the two clock reads: no shell, no
 * stdio in the child.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long tv_us(const struct timeval *tv)
{
	return (long long)tv->tv_sec * 1000000 + tv->tv_usec;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	struct rusage ru;
	long long t0, t1;
	int cpu = -1, opt, status, code;
	pid_t pid;
	FILE *fp;

	while ((opt = getopt(argc, argv, "+c:o:")) != -1) {
		switch (opt) {
		case 'c':
			cpu = atoi(optarg);
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return 2;
		}
	}
	if (!out || optind >= argc) {
		fprintf(stderr,
			"usage: benchtime [-c CPU] -o FILE -- COMMAND [ARGS...]\n");
		return 2;
	}
	if (cpu >= 0) {
		cpu_set_t set;

		/* pin ourselves first: the child inherits it from fork on */
		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set) < 0) {
			fprintf(stderr, "benchtime: cannot pin to CPU %d: %s\n",
				cpu, strerror(errno));
			return 2;
		}
	}
	t0 = now_us();
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "benchtime: cannot fork: %s\n",
			strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind], &argv[optind]);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "benchtime: wait4: %s\n",
				strerror(errno));
			return 2;
		}
	}
	t1 = now_us();
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	fp = fopen(out, "a");
	if (!fp) {
		fprintf(stderr, "benchtime: cannot open '%s': %s\n", out,
			strerror(errno));
		return 2;
	}
	fprintf(fp,
		"wall_us=%lld maxrss_kib=%ld user_us=%lld sys_us=%lld status=%d\n",
		t1 - t0, ru.ru_maxrss, tv_us(&ru.ru_utime), tv_us(&ru.ru_stime),
		code);
	if (fclose(fp) != 0) {
		fprintf(stderr, "benchtime: cannot write '%s': %s\n", out,
			strerror(errno));
		return 2;
	}
	return code;
}
