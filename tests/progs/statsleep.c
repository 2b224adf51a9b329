// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * statsleep: known latencies for the stats analyzer. 20 nanosleep(2) of
 * 10 ms, then 10 poll(2) of nothing with a 50 ms timeout, each made as
 * the raw syscall (so its name is certain) and timed here too. Prints,
 * per syscall, the calls made and the nearest-rank median of its own
 * timings, which enclose the tracer's:
 *
 *   nanosleep 20 10073110
 *   poll 10 50081422
 */
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The nearest-rank median: the ceil(n / 2)-th smallest. */
static uint64_t median(uint64_t *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return v[(n + 1) / 2 - 1];
}

int main(void)
{
	const struct timespec ten_ms = { 0, 10000000 };
	uint64_t t[20], t0;
	int i;

	for (i = 0; i < 20; i++) {
		t0 = now_ns();
		if (syscall(SYS_nanosleep, &ten_ms, NULL) < 0)
			return 1;
		t[i] = now_ns() - t0;
	}
	printf("nanosleep 20 %llu\n", (unsigned long long)median(t, 20));
	for (i = 0; i < 10; i++) {
		t0 = now_ns();
		if (syscall(SYS_poll, NULL, 0, 50) < 0)
			return 1;
		t[i] = now_ns() - t0;
	}
	printf("poll 10 %llu\n", (unsigned long long)median(t, 10));
	return 0;
}
