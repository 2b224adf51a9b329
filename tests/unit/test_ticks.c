// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The session's periodic work (core/host/ticks.c): the timer ticks at the
 * common divisor of the flush, --interval and --duration periods, every
 * deadline is due at the first tick at or after it and not a nanosecond
 * before, periods stay on their grid and back to back however late a
 * tick comes (missed ones are folded into one), and the end comes once.
 */
#include "cpd_test.h"
#include "host/ticks.h"

#define MS 1000000ull
#define T0 (5000 * MS) /* an arbitrary CLOCK_MONOTONIC start */

static void test_tick_is_the_common_divisor(void)
{
	struct ticks t;

	ticks_init(&t, 1000 * MS, 0, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 1000 * MS);
	ticks_init(&t, 1000 * MS, 1500 * MS, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 500 * MS);
	ticks_init(&t, 1000 * MS, 1000 * MS, 2500 * MS, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 500 * MS);
	ticks_init(&t, 1000 * MS, 300 * MS, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 100 * MS);
	/* a live stream's lines wait 50 ms at most: a divisor of that too */
	ticks_init(&t, 1000 * MS, 0, 0, 50 * MS, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 50 * MS);
	ticks_init(&t, 1000 * MS, 300 * MS, 0, 50 * MS, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 50 * MS);
	ticks_init(&t, 1000 * MS, 0, 2030 * MS, 50 * MS, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 10 * MS);
	/* never finer than a millisecond */
	ticks_init(&t, 1000 * MS, 10 * MS + 1, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 1 * MS);
}

static void test_deadlines_on_ticks(void)
{
	struct ticks t;
	uint64_t now;
	unsigned k, flushes = 0;

	ticks_init(&t, 1000 * MS, 500 * MS, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 500 * MS - 1), 0);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 500 * MS), TICK_INTERVAL);
	CPD_ASSERT_UINT_EQ(t.index, 1);
	CPD_ASSERT_UINT_EQ(t.period_start, T0);
	CPD_ASSERT_UINT_EQ(t.period_end, T0 + 500 * MS);
	/* the timer's ticks, each a little late: one period per tick */
	for (k = 2; k <= 10; k++) {
		now = T0 + k * 500 * MS + 37000;
		unsigned due = ticks_due(&t, now);

		CU_ASSERT(due & TICK_INTERVAL);
		flushes += !!(due & TICK_FLUSH);
		CPD_ASSERT_UINT_EQ(t.index, k);
		CPD_ASSERT_UINT_EQ(t.period_end, now);
	}
	CPD_ASSERT_UINT_EQ(flushes, 5);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 5250 * MS), 0);
	CU_ASSERT_FALSE(ticks_due(&t, UINT64_MAX / 2) & TICK_END);
}

static void test_late_tick_folds_periods(void)
{
	struct ticks t;

	ticks_init(&t, 1000 * MS, 1000 * MS, 0, 0, T0);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 1000 * MS),
			   TICK_FLUSH | TICK_INTERVAL);
	/* the tracer was busy for 2.5 periods: one period reports them */
	CU_ASSERT(ticks_due(&t, T0 + 3500 * MS) & TICK_INTERVAL);
	CPD_ASSERT_UINT_EQ(t.index, 2);
	CPD_ASSERT_UINT_EQ(t.period_start, T0 + 1000 * MS);
	CPD_ASSERT_UINT_EQ(t.period_end, T0 + 3500 * MS);
	/* and the next is back on the grid */
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 4000 * MS - 1), 0);
	CU_ASSERT(ticks_due(&t, T0 + 4000 * MS) & TICK_INTERVAL);
	CPD_ASSERT_UINT_EQ(t.period_start, T0 + 3500 * MS);
}

static void test_end_once(void)
{
	struct ticks t;

	ticks_init(&t, 1000 * MS, 0, 2500 * MS, 0, T0);
	CPD_ASSERT_UINT_EQ(t.tick_ns, 500 * MS);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 2000 * MS), TICK_FLUSH);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 2500 * MS), TICK_END);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 3000 * MS), TICK_FLUSH);
	CPD_ASSERT_UINT_EQ(ticks_due(&t, T0 + 9000 * MS), TICK_FLUSH);
	/* no interval asked for: never one */
	CPD_ASSERT_UINT_EQ(t.index, 0);
}

static CU_TestInfo ticks_tests[] = {
	{ "tick_is_the_common_divisor", test_tick_is_the_common_divisor },
	{ "deadlines_on_ticks", test_deadlines_on_ticks },
	{ "late_tick_folds_periods", test_late_tick_folds_periods },
	{ "end_once", test_end_once },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "ticks", .pTests = ticks_tests },
	CU_SUITE_INFO_NULL,
};
