// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "ticks.h"

#include <string.h>

/* Finer than this a tick would be the tracer's main work. */
#define TICKS_MIN_NS 1000000u

static uint64_t ticks_gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t r = a % b;

		a = b;
		b = r;
	}
	return a;
}

void ticks_init(struct ticks *t, uint64_t flush_ns, uint64_t interval_ns,
		uint64_t duration_ns, uint64_t sync_ns, uint64_t now)
{
	uint64_t g = flush_ns;

	memset(t, 0, sizeof(*t));
	t->flush_ns = flush_ns;
	t->interval_ns = interval_ns;
	t->duration_ns = duration_ns;
	t->start_ns = now;
	if (interval_ns)
		g = ticks_gcd(g, interval_ns);
	if (duration_ns)
		g = ticks_gcd(g, duration_ns);
	if (sync_ns)
		g = ticks_gcd(g, sync_ns);
	/* a deadline off the millisecond grid is late by less than one */
	t->tick_ns = g < TICKS_MIN_NS ? TICKS_MIN_NS : g;
	t->next_flush = now + flush_ns;
	t->next_interval = interval_ns ? now + interval_ns : 0;
	t->end = duration_ns ? now + duration_ns : 0;
	t->period_end = now;
}

/* The first deadline on start + k * period after now. */
static uint64_t ticks_next(const struct ticks *t, uint64_t period, uint64_t now)
{
	return t->start_ns + ((now - t->start_ns) / period + 1) * period;
}

unsigned ticks_due(struct ticks *t, uint64_t now)
{
	unsigned due = 0;

	if (t->flush_ns && now >= t->next_flush) {
		due |= TICK_FLUSH;
		t->next_flush = ticks_next(t, t->flush_ns, now);
	}
	if (t->next_interval && now >= t->next_interval) {
		due |= TICK_INTERVAL;
		t->index++;
		t->period_start = t->period_end;
		t->period_end = now;
		t->next_interval = ticks_next(t, t->interval_ns, now);
	}
	if (t->end && now >= t->end && !t->ended) {
		due |= TICK_END;
		t->ended = true;
	}
	return due;
}
