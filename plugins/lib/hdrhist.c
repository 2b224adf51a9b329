// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "hdrhist.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The window grows in steps of this many buckets, aligned to it. */
#define HDRHIST_STEP 16u

uint32_t hdrhist_bucket(uint64_t v)
{
	unsigned k;

	if (v < 2 * HDRHIST_SUB)
		return (uint32_t)v;
	/* v = top << k with top in [SUB, 2 SUB): the k-th cut power of two */
	k = 63u - (unsigned)__builtin_clzll(v) - HDRHIST_SUB_BITS;
	return (uint32_t)(k * HDRHIST_SUB + (v >> k));
}

void hdrhist_range(uint32_t i, uint64_t *lo, uint64_t *width)
{
	unsigned k;

	if (i < 2 * HDRHIST_SUB) {
		*lo = i;
		*width = 1;
		return;
	}
	k = i / HDRHIST_SUB - 1;
	*lo = (uint64_t)(i - k * HDRHIST_SUB) << k;
	*width = (uint64_t)1 << k;
}

void hdrhist_init(struct hdrhist *h)
{
	memset(h, 0, sizeof(*h));
}

void hdrhist_free(struct hdrhist *h)
{
	free(h->counts);
	memset(h, 0, sizeof(*h));
}

void hdrhist_reset(struct hdrhist *h)
{
	if (h->counts)
		memset(h->counts, 0, h->len * sizeof(*h->counts));
	h->n = h->sum = h->min = h->max = h->unbucketed = 0;
}

/* Make the window hold buckets first..last; 0 or -ENOMEM. */
static int hdrhist_cover(struct hdrhist *h, uint32_t first, uint32_t last)
{
	uint32_t lo, hi, len;
	uint64_t *c;

	if (h->counts && first >= h->lo && last < h->lo + h->len)
		return 0;
	if (h->counts) {
		first = first < h->lo ? first : h->lo;
		last = last > h->lo + h->len - 1 ? last : h->lo + h->len - 1;
	}
	lo = first / HDRHIST_STEP * HDRHIST_STEP;
	hi = (last / HDRHIST_STEP + 1) * HDRHIST_STEP;
	if (hi > HDRHIST_BUCKETS)
		hi = HDRHIST_BUCKETS;
	len = hi - lo;
	c = calloc(len, sizeof(*c));
	if (!c)
		return -ENOMEM;
	if (h->counts)
		memcpy(c + (h->lo - lo), h->counts, h->len * sizeof(*c));
	free(h->counts);
	h->counts = c;
	h->lo = lo;
	h->len = len;
	return 0;
}

void hdrhist_add(struct hdrhist *h, uint64_t v)
{
	uint32_t i = hdrhist_bucket(v);

	if (!h->n || v < h->min)
		h->min = v;
	if (v > h->max)
		h->max = v;
	h->n++;
	h->sum += v;
	if (hdrhist_cover(h, i, i) < 0) {
		h->unbucketed++;
		return;
	}
	h->counts[i - h->lo]++;
}

int hdrhist_merge(struct hdrhist *dst, const struct hdrhist *src)
{
	uint32_t i;

	if (!src->n)
		return 0;
	if (src->counts && hdrhist_cover(dst, src->lo, src->lo + src->len - 1))
		return -ENOMEM;
	for (i = 0; src->counts && i < src->len; i++)
		dst->counts[src->lo + i - dst->lo] += src->counts[i];
	if (!dst->n || src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
	dst->n += src->n;
	dst->sum += src->sum;
	dst->unbucketed += src->unbucketed;
	return 0;
}

uint64_t hdrhist_percentile(const struct hdrhist *h, double pct)
{
	uint64_t bucketed = h->n - h->unbucketed, rank, seen = 0, lo, w, v;
	uint32_t i;

	if (!h->n)
		return 0;
	if (pct <= 0)
		return h->min;
	if (pct >= 100 || !bucketed)
		return h->max;
	/* nearest rank: the smallest sample with pct % of them at or below */
	rank = (uint64_t)((double)bucketed * pct / 100.0);
	if ((double)rank < (double)bucketed * pct / 100.0)
		rank++;
	if (!rank)
		rank = 1;
	for (i = 0; i < h->len; i++) {
		seen += h->counts[i];
		if (seen >= rank)
			break;
	}
	if (i == h->len)
		return h->max;
	hdrhist_range(h->lo + i, &lo, &w);
	v = lo + w / 2;
	if (v < h->min)
		v = h->min;
	if (v > h->max)
		v = h->max;
	return v;
}

uint64_t hdrhist_mean(const struct hdrhist *h)
{
	return h->n ? h->sum / h->n : 0;
}
