// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * threads N: start N threads at once, each making one marker, and join
 * them. Prints SPAWN and MARK lines the tracer must match.
 */
#include <pthread.h>
#include <stdlib.h>

#include "marker.h"

static pthread_barrier_t barrier;

static void *threads_run(void *arg)
{
	int k = (int)(long)arg;

	/* all threads alive at once, then each marks */
	pthread_barrier_wait(&barrier);
	marker(k);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 8, i;
	pthread_t *t = calloc((size_t)n, sizeof(*t));

	if (!t || n < 1)
		return 2;
	pthread_barrier_init(&barrier, NULL, (unsigned)n);
	marker(0);
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, threads_run,
				   (void *)(long)(i + 1))) {
			perror("pthread_create");
			return 2;
		}
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("THREADS %d\n", n);
	free(t);
	return 0;
}
