// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * schedlat N HOGS: sleep N times for 1 ms while HOGS busy child processes
 * share our CPU, then print what the sched analyzer must have seen:
 *
 *   SLEEPER <tid> <t0> <t1> <n>
 *
 * Between t0 and t1 (CLOCK_MONOTONIC, read through the vDSO: no syscall,
 * so no tracer stop) this thread makes nothing but its n nanosleep calls,
 * and each ends in exactly one wakeup. Everything runs pinned to one CPU
 * so the hogs really do compete with it; the hogs are killed at the end.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_HOGS 8

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL +
	       (unsigned long long)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	struct timespec ms = { 0, 1000000 };
	pid_t hog[MAX_HOGS];
	unsigned long long t0, t1;
	int n, hogs, i, done = 0;
	cpu_set_t one;

	if (argc != 3) {
		fprintf(stderr, "usage: schedlat N HOGS\n");
		return 2;
	}
	n = atoi(argv[1]);
	hogs = atoi(argv[2]);
	if (n < 1 || hogs < 0 || hogs > MAX_HOGS) {
		fprintf(stderr, "schedlat: bad arguments\n");
		return 2;
	}
	/* the hogs inherit the mask */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	if (sched_setaffinity(0, sizeof(one), &one) < 0)
		perror("schedlat: sched_setaffinity");
	for (i = 0; i < hogs; i++) {
		hog[i] = fork();
		if (hog[i] < 0) {
			perror("schedlat: fork");
			return 1;
		}
		if (hog[i] == 0)
			for (;;)
				;
	}
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		while (nanosleep(&ms, NULL) < 0 && errno == EINTR)
			;
		done++;
	}
	t1 = now_ns();
	for (i = 0; i < hogs; i++)
		kill(hog[i], SIGKILL);
	for (i = 0; i < hogs; i++)
		waitpid(hog[i], NULL, 0);
	printf("SLEEPER %ld %llu %llu %d\n", (long)syscall(SYS_gettid), t0, t1,
	       done);
	return 0;
}
