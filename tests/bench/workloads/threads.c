// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * threads T N: T threads each making N raw getppid() calls, all started
 * together: many tracees stopping at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per_thread;
static pthread_barrier_t start;

static void *worker(void *arg)
{
	long i;

	(void)arg;
	pthread_barrier_wait(&start);
	for (i = 0; i < per_thread; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t tid[64];
	long t, n;

	n = argc > 1 ? atol(argv[1]) : 4;
	per_thread = argc > 2 ? atol(argv[2]) : 2500;
	if (n < 1 || n > 64) {
		fprintf(stderr, "threads: 1 to 64 threads\n");
		return 2;
	}
	pthread_barrier_init(&start, NULL, (unsigned)n);
	for (t = 0; t < n; t++)
		if (pthread_create(&tid[t], NULL, worker, NULL)) {
			fprintf(stderr, "threads: cannot create a thread\n");
			return 1;
		}
	for (t = 0; t < n; t++)
		pthread_join(tid[t], NULL);
	return 0;
}
