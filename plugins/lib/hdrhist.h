/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Latency histograms with a bounded relative error, HDR-style: below
 * 2 * HDRHIST_SUB every value has a bucket of its own; above, each power
 * of two is cut into HDRHIST_SUB buckets of equal width. A bucket is then
 * at most 1/HDRHIST_SUB as wide as the values it holds, and a percentile,
 * reported as the middle of its bucket, is within 1/(2 * HDRHIST_SUB) of
 * the sample it stands for: 1/64, 1.6 %, whatever the scale.
 *
 * Only the buckets between the smallest and the largest value seen are
 * kept, in one array that grows as the range does: a syscall's latencies
 * span a few powers of two, a few hundred bytes. The whole 64-bit range,
 * the most one can ever take, is HDRHIST_BUCKETS counts (15 KiB).
 *
 * Histograms add up bucket by bucket: the histograms of threads merge
 * into their process's, and processes' into the overall one, with the
 * same error as if every sample had been added to the sum directly.
 */
#ifndef CPD_PLUGINS_HDRHIST_H
#define CPD_PLUGINS_HDRHIST_H

#include <stddef.h>
#include <stdint.h>

#define HDRHIST_SUB_BITS 5
#define HDRHIST_SUB	 (1u << HDRHIST_SUB_BITS)
#define HDRHIST_BUCKETS	 ((64u - HDRHIST_SUB_BITS + 1u) * HDRHIST_SUB)
/* The relative error of a percentile, as a divisor: value / 64. */
#define HDRHIST_ERROR_DIV (2u * HDRHIST_SUB)

struct hdrhist {
	uint64_t n;   /* samples */
	uint64_t sum; /* of the samples */
	uint64_t min, max;
	uint64_t unbucketed; /* samples counted without a bucket (no memory) */
	uint32_t lo;	     /* counts[0] is bucket lo */
	uint32_t len;	     /* buckets held */
	uint64_t *counts;    /* NULL while empty */
};

/* An empty histogram; HDRHIST_INIT for a static one. */
#define HDRHIST_INIT \
	{            \
		0    \
	}
void hdrhist_init(struct hdrhist *h);
/* Free the buckets; the histogram is empty again. */
void hdrhist_free(struct hdrhist *h);
/* Forget the samples but keep the buckets' memory, for the next period. */
void hdrhist_reset(struct hdrhist *h);

/*
 * Count one sample. Never fails: without memory for a new bucket the
 * sample still counts in n, sum, min and max, and in unbucketed.
 */
void hdrhist_add(struct hdrhist *h, uint64_t v);
/* Add every sample of src to dst. 0, or -ENOMEM (dst unchanged). */
int hdrhist_merge(struct hdrhist *dst, const struct hdrhist *src);

/*
 * The nearest-rank percentile pct (0 < pct <= 100): the middle of the
 * bucket of the sample at rank ceil(n * pct / 100), clamped to [min, max].
 * 0 when empty; pct 0 gives min.
 */
uint64_t hdrhist_percentile(const struct hdrhist *h, double pct);
/* The mean, rounded down; 0 when empty. */
uint64_t hdrhist_mean(const struct hdrhist *h);

/* The bucket v falls in, and the range [*lo, *lo + *width) of bucket i. */
uint32_t hdrhist_bucket(uint64_t v);
void hdrhist_range(uint32_t i, uint64_t *lo, uint64_t *width);

#endif /* CPD_PLUGINS_HDRHIST_H */
