// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_exit group|leader:
 *  group:  three threads block (read on a pipe nobody writes, a long
 *          nanosleep, a futex wait nobody wakes) and the main thread
 *          calls exit(5): exit_group tears them out of their syscalls.
 *  leader: the main thread calls pthread_exit; the leader stays a zombie
 *          while three threads run on, mark again after it is gone, and
 *          the last of them calls exit(7).
 * Prints TID and MARK lines; the exit status says which mode ran.
 */
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "marker.h"

#define NTHREADS 3

static pthread_barrier_t barrier;
static int pipefd[2];
static uint32_t futex_word;
static atomic_int running = NTHREADS;
static pid_t tids[NTHREADS + 1];

/*
 * Wait (up to 10 s) until thread k sleeps in its blocking call, judged by
 * its wchan: a fixed sleep would race with a slow tracer (valgrind).
 */
static void wait_blocked(int k)
{
	static const char *const where[] = { "", "pipe", "sleep", "futex" };
	char path[64], buf[128];
	int i;

	snprintf(path, sizeof(path), "/proc/self/task/%d/wchan", (int)tids[k]);
	for (i = 0; i < 1000; i++) {
		FILE *fp = fopen(path, "re");
		size_t n = fp ? fread(buf, 1, sizeof(buf) - 1, fp) : 0;

		if (fp)
			fclose(fp);
		buf[n] = '\0';
		if (strstr(buf, where[k]))
			return;
		usleep(10000);
	}
}

static void *blocker(void *arg)
{
	int k = (int)(long)arg;
	struct timespec ts = { 60, 0 };
	char ch;

	tids[k] = marker_tid();
	printf("TID %d %d\n", k, tids[k]);
	marker(k);
	pthread_barrier_wait(&barrier);
	switch (k) {
	case 1:
		if (read(pipefd[0], &ch, 1) < 0)
			break;
		break;
	case 2:
		nanosleep(&ts, NULL);
		break;
	default:
		syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL,
			NULL, 0);
	}
	return NULL;
}

static void *runner(void *arg)
{
	int k = (int)(long)arg;
	struct timespec ts = { 0, 200000000 };

	printf("TID %d %d\n", k, marker_tid());
	marker(k);
	pthread_barrier_wait(&barrier);
	/* outlive the leader's pthread_exit */
	nanosleep(&ts, NULL);
	marker(k + 10);
	if (atomic_fetch_sub(&running, 1) == 1)
		exit(7);
	return NULL;
}

int main(int argc, char **argv)
{
	int leader = argc > 1 && !strcmp(argv[1], "leader"), i;
	pthread_t t;

	if (pipe(pipefd) < 0)
		return 2;
	printf("TID 0 %d\n", marker_tid());
	marker(0);
	pthread_barrier_init(&barrier, NULL, NTHREADS + 1);
	for (i = 1; i <= NTHREADS; i++)
		if (pthread_create(&t, NULL, leader ? runner : blocker,
				   (void *)(long)i))
			return 2;
	pthread_barrier_wait(&barrier);
	if (leader) {
		marker(4);
		pthread_exit(NULL);
	}
	for (i = 1; i <= NTHREADS; i++)
		wait_blocked(i);
	marker(4);
	exit(5);
}
