// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The latency histogram of the plugins' library (plugins/lib/hdrhist.c):
 * every value lands in a bucket that holds it, buckets are at most 1/32
 * of their values wide, a percentile is within 1/64 of the sample it
 * stands for (checked against the exact nearest-rank percentile of sorted
 * samples over nine orders of magnitude), merging gives what adding every
 * sample to one histogram gives, and the memory held follows the range of
 * the values, never more than the whole 64-bit range.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "lib/hdrhist.h"

/* A fixed sequence of pseudo-random numbers: xorshift64*. */
static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

/* A latency between 10 ns and 10 s, spread evenly over the powers of 10. */
static uint64_t rng_latency(void)
{
	unsigned decade = (unsigned)(rng() % 9);
	uint64_t lo = 10, span;

	while (decade--)
		lo *= 10;
	span = lo * 9;
	return lo + rng() % span;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The exact nearest-rank percentile of n sorted samples. */
static uint64_t exact(const uint64_t *v, size_t n, double pct)
{
	size_t rank = (size_t)((double)n * pct / 100.0);

	if ((double)rank < (double)n * pct / 100.0)
		rank++;
	if (!rank)
		rank = 1;
	return v[rank - 1];
}

static void test_buckets_hold_their_values(void)
{
	uint64_t lo, w, v;
	uint32_t i, prev = 0;
	unsigned k;

	/* small values are exact, one bucket each */
	for (v = 0; v < 2 * HDRHIST_SUB; v++) {
		i = hdrhist_bucket(v);
		hdrhist_range(i, &lo, &w);
		CPD_ASSERT_UINT_EQ(lo, v);
		CPD_ASSERT_UINT_EQ(w, 1);
	}
	for (k = 0; k < 200000; k++) {
		v = k < 100000 ? k : rng() >> (rng() % 64);
		i = hdrhist_bucket(v);
		CU_ASSERT(i < HDRHIST_BUCKETS);
		hdrhist_range(i, &lo, &w);
		CU_ASSERT(v >= lo && v - lo < w);
		/* width / lowest value <= 1 / SUB */
		CU_ASSERT(w == 1 || w * HDRHIST_SUB <= lo);
		/* buckets follow the values' order */
		if (k < 100000) {
			CU_ASSERT(i >= prev);
			prev = i;
		}
	}
	CPD_ASSERT_UINT_EQ(hdrhist_bucket(UINT64_MAX), HDRHIST_BUCKETS - 1);
}

static void test_percentiles_within_stated_error(void)
{
	enum { N = 20000 };
	static const double pcts[] = { 1, 10, 25, 50, 75, 90, 95, 99, 99.9 };
	uint64_t *v = malloc(N * sizeof(*v));
	struct hdrhist h = HDRHIST_INIT;
	size_t i, p;

	CU_ASSERT_FATAL(v != NULL);
	rng_state = 0x9e3779b97f4a7c15u;
	for (i = 0; i < N; i++) {
		v[i] = rng_latency();
		hdrhist_add(&h, v[i]);
	}
	qsort(v, N, sizeof(*v), cmp_u64);
	CPD_ASSERT_UINT_EQ(h.n, N);
	CPD_ASSERT_UINT_EQ(h.min, v[0]);
	CPD_ASSERT_UINT_EQ(h.max, v[N - 1]);
	for (p = 0; p < sizeof(pcts) / sizeof(pcts[0]); p++) {
		uint64_t want = exact(v, N, pcts[p]);
		uint64_t got = hdrhist_percentile(&h, pcts[p]);
		uint64_t diff = got > want ? got - want : want - got;

		if (diff * HDRHIST_ERROR_DIV > want)
			fprintf(stderr, "p%g: got %llu, exact %llu\n", pcts[p],
				(unsigned long long)got,
				(unsigned long long)want);
		CU_ASSERT(diff * HDRHIST_ERROR_DIV <= want);
	}
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 0), v[0]);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 100), v[N - 1]);
	hdrhist_free(&h);
	free(v);
}

static void test_known_latencies(void)
{
	struct hdrhist h = HDRHIST_INIT;
	unsigned i;

	/* the sleeps of the stats test: 20 x 10 ms, a few slower */
	for (i = 0; i < 20; i++)
		hdrhist_add(&h, 10000000 + i * 1000);
	for (i = 0; i < 10; i++)
		hdrhist_add(&h, 50000000);
	CPD_ASSERT_UINT_EQ(h.n, 30);
	CPD_ASSERT_UINT_EQ(hdrhist_mean(&h),
			   (20 * 10000000ull + 190000 + 10 * 50000000ull) / 30);
	/* rank 15 is 10.014 ms; the answer is within 1/64 of it */
	CU_ASSERT(hdrhist_percentile(&h, 50) >= 10014000 - 10014000 / 64);
	CU_ASSERT(hdrhist_percentile(&h, 50) <= 10014000 + 10014000 / 64);
	/* every sample alike: the percentile is that value, clamped */
	hdrhist_reset(&h);
	for (i = 0; i < 5; i++)
		hdrhist_add(&h, 123456789);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 50), 123456789);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 99), 123456789);
	hdrhist_free(&h);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 50), 0);
	CPD_ASSERT_UINT_EQ(hdrhist_mean(&h), 0);
}

static void test_merge_is_adding(void)
{
	struct hdrhist a = HDRHIST_INIT, b = HDRHIST_INIT, all = HDRHIST_INIT;
	struct hdrhist empty = HDRHIST_INIT;
	double pct;
	unsigned i;

	rng_state = 42;
	/* two threads of different speeds: their ranges barely overlap */
	for (i = 0; i < 5000; i++) {
		uint64_t fast = 1000 + rng() % 5000;
		uint64_t slow = 1000000 + rng() % 90000000;

		hdrhist_add(&a, fast);
		hdrhist_add(&all, fast);
		hdrhist_add(&b, slow);
		hdrhist_add(&all, slow);
	}
	CPD_ASSERT_INT_EQ(hdrhist_merge(&a, &b), 0);
	CPD_ASSERT_INT_EQ(hdrhist_merge(&a, &empty), 0);
	CPD_ASSERT_UINT_EQ(a.n, all.n);
	CPD_ASSERT_UINT_EQ(a.sum, all.sum);
	CPD_ASSERT_UINT_EQ(a.min, all.min);
	CPD_ASSERT_UINT_EQ(a.max, all.max);
	for (pct = 0.5; pct <= 100; pct += 0.5)
		CPD_ASSERT_UINT_EQ(hdrhist_percentile(&a, pct),
				   hdrhist_percentile(&all, pct));
	/* into an empty one: a copy */
	CPD_ASSERT_INT_EQ(hdrhist_merge(&empty, &all), 0);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&empty, 50),
			   hdrhist_percentile(&all, 50));
	hdrhist_free(&a);
	hdrhist_free(&b);
	hdrhist_free(&all);
	hdrhist_free(&empty);
}

static void test_memory_follows_the_range(void)
{
	struct hdrhist h = HDRHIST_INIT;
	unsigned i;

	CU_ASSERT_PTR_NULL(h.counts);
	/* a syscall of one speed: one step of buckets */
	for (i = 0; i < 100000; i++)
		hdrhist_add(&h, 20000 + i % 300);
	CU_ASSERT(h.len <= 16);
	/* values over the whole range: every bucket, and no more */
	for (i = 0; i < 64; i++)
		hdrhist_add(&h, (uint64_t)1 << i);
	hdrhist_add(&h, UINT64_MAX);
	hdrhist_add(&h, 0);
	CPD_ASSERT_UINT_EQ(h.lo, 0);
	CPD_ASSERT_UINT_EQ(h.len, HDRHIST_BUCKETS);
	CPD_ASSERT_UINT_EQ(h.unbucketed, 0);
	/* a reset keeps the memory for the next period, not the samples */
	hdrhist_reset(&h);
	CPD_ASSERT_UINT_EQ(h.n, 0);
	CPD_ASSERT_UINT_EQ(h.len, HDRHIST_BUCKETS);
	hdrhist_add(&h, 7);
	CPD_ASSERT_UINT_EQ(hdrhist_percentile(&h, 50), 7);
	hdrhist_free(&h);
	CU_ASSERT_PTR_NULL(h.counts);
}

static CU_TestInfo hdrhist_tests[] = {
	{ "buckets_hold_their_values", test_buckets_hold_their_values },
	{ "percentiles_within_stated_error",
	  test_percentiles_within_stated_error },
	{ "known_latencies", test_known_latencies },
	{ "merge_is_adding", test_merge_is_adding },
	{ "memory_follows_the_range", test_memory_follows_the_range },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "hdrhist", .pTests = hdrhist_tests },
	CU_SUITE_INFO_NULL,
};
