/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The periodic work of a session on one timer: the plugins' flush, the
 * periods of [core] interval and the end of [core] duration. The timer
 * ticks at the greatest common divisor of the three (a millisecond at
 * least), so every deadline falls on a tick: a deadline is due at the
 * first tick at or after it, late only by the tick's own delay, and the
 * periods stay on their grid however late a tick is.
 */
#ifndef CPD_CORE_TICKS_H
#define CPD_CORE_TICKS_H

#include <stdint.h>

#include "base/cpd.h"

/* What ticks_due() found due. */
#define TICK_FLUSH    (1u << 0)
#define TICK_INTERVAL (1u << 1)
#define TICK_END      (1u << 2)

struct ticks {
	uint64_t tick_ns; /* the timer's period */
	uint64_t flush_ns, interval_ns, duration_ns;
	uint64_t start_ns;
	uint64_t next_flush, next_interval, end;
	/* the period that became due last */
	uint32_t index;
	uint64_t period_start, period_end;
	bool ended;
};

/*
 * Periods in ns (interval and duration 0: none), counted from now; the
 * timer also ticks at least every sync_ns (0: no such need), for the
 * lines a live-stream output holds back.
 */
void ticks_init(struct ticks *t, uint64_t flush_ns, uint64_t interval_ns,
		uint64_t duration_ns, uint64_t sync_ns, uint64_t now);
/*
 * What is due at now, TICK_* bits. With TICK_INTERVAL, index,
 * period_start and period_end say which period ended (missed periods
 * are folded into the one reported). TICK_END is reported once.
 */
unsigned ticks_due(struct ticks *t, uint64_t now);

#endif /* CPD_CORE_TICKS_H */
