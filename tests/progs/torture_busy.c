// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_busy FILE SECONDS: 8 threads spinning on marker syscalls
 * (getpgid, thread k makes marker k) with 1 ms sleeps, for SECONDS. The
 * main thread rewrites FILE every 50 ms with the total number of loops
 * done, so a test can attach and detach repeatedly and check that the
 * process keeps making progress.
 */
#include <fcntl.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "marker.h"

#define NTHREADS 8

static atomic_long loops;
static time_t until;

static void *spin(void *arg)
{
	int k = (int)(long)arg;
	struct timespec ts = { 0, 1000000 };

	while (time(NULL) < until) {
		syscall(SYS_getpgid, MARK_BASE + k);
		nanosleep(&ts, NULL);
		atomic_fetch_add(&loops, 1);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[NTHREADS];
	struct timespec tick = { 0, 50000000 };
	char tmp[4096];
	int i;

	if (argc != 3)
		return 2;
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[1]);
	until = time(NULL) + atoi(argv[2]);
	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, spin, (void *)(long)(i + 1)))
			return 2;
	while (time(NULL) < until) {
		char line[32];
		int len = snprintf(line, sizeof(line), "%ld\n",
				   atomic_load(&loops));
		int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		/* write aside and rename: a reader never sees an empty file */
		if (fd >= 0) {
			if (write(fd, line, (size_t)len) < 0)
				return 2;
			close(fd);
			if (rename(tmp, argv[1]) < 0)
				return 2;
		}
		nanosleep(&tick, NULL);
	}
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	return 0;
}
