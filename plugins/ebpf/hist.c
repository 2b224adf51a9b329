// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <stdio.h>
#include <string.h>

#include "hist.h"
#include "lib/format.h"

static unsigned hist_index(uint64_t v)
{
	unsigned e;

	if (v < HIST_SUB)
		return (unsigned)v;
	e = 63u - (unsigned)__builtin_clzll(v);
	/* the two bits under the leading one pick the quarter */
	return HIST_SUB + (e - HIST_SUB_BITS) * HIST_SUB +
	       (unsigned)((v >> (e - HIST_SUB_BITS)) & (HIST_SUB - 1));
}

/* The largest value bucket i holds. */
static uint64_t hist_upper(unsigned i)
{
	unsigned e, m;

	if (i < HIST_SUB)
		return i;
	e = (i - HIST_SUB) / HIST_SUB + HIST_SUB_BITS;
	m = (i - HIST_SUB) % HIST_SUB;
	return ((uint64_t)(HIST_SUB + m) << (e - HIST_SUB_BITS)) +
	       ((uint64_t)1 << (e - HIST_SUB_BITS)) - 1;
}

void hist_add(struct hist *h, uint64_t v)
{
	if (!h->n || v < h->min)
		h->min = v;
	if (v > h->max)
		h->max = v;
	h->n++;
	h->sum += v;
	h->c[hist_index(v)]++;
}

uint64_t hist_percentile(const struct hist *h, unsigned pct)
{
	uint64_t rank, seen = 0, v;
	unsigned i;

	if (!h->n)
		return 0;
	if (!pct)
		return h->min;
	if (pct > 100)
		pct = 100;
	/* nearest rank: the smallest value with pct % at or below it */
	rank = (h->n * pct + 99) / 100;
	if (!rank)
		rank = 1;
	for (i = 0; i < HIST_N; i++) {
		seen += h->c[i];
		if (seen >= rank)
			break;
	}
	v = i < HIST_N ? hist_upper(i) : h->max;
	if (v > h->max)
		v = h->max;
	if (v < h->min)
		v = h->min;
	return v;
}

uint64_t hist_log2(const struct hist *h, unsigned k)
{
	uint64_t n = 0;
	unsigned i;

	if (k >= 64)
		return 0;
	if (k < HIST_SUB_BITS) {
		/* 0..3 sit in the first buckets one value each */
		for (i = 0; i < HIST_SUB; i++)
			if ((i ? 63u - (unsigned)__builtin_clz(i) - 32u : 0) ==
			    k)
				n += h->c[i];
		return n;
	}
	for (i = 0; i < HIST_SUB; i++)
		n += h->c[HIST_SUB + (k - HIST_SUB_BITS) * HIST_SUB + i];
	return n;
}

size_t hist_format(const struct hist *h, char *buf, size_t size)
{
	char lo[FORMAT_NS_MAX], hi[FORMAT_NS_MAX];
	size_t len = 0;
	unsigned k;
	int n;

	if (size)
		buf[0] = '\0';
	for (k = 0; k < 64; k++) {
		uint64_t c = hist_log2(h, k);

		if (!c)
			continue;
		format_ns(k ? (uint64_t)1 << k : 0, lo, sizeof(lo));
		format_ns(k < 63 ? (uint64_t)1 << (k + 1) : UINT64_MAX, hi,
			  sizeof(hi));
		n = snprintf(len < size ? buf + len : NULL,
			     len < size ? size - len : 0, "%s%s-%s:%llu",
			     len ? " " : "", lo, hi, (unsigned long long)c);
		if (n < 0)
			break;
		len += (size_t)n;
	}
	return len;
}
