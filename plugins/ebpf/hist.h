/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Latency histograms: log2 buckets split in four, so a percentile is
 * known within 25 % without keeping every sample (a busy thread has
 * millions). Shown as plain log2 buckets.
 */
#ifndef CPD_PLUGINS_EBPF_HIST_H
#define CPD_PLUGINS_EBPF_HIST_H

#include <stddef.h>
#include <stdint.h>

#define HIST_SUB_BITS 2
#define HIST_SUB      (1u << HIST_SUB_BITS)
#define HIST_N	      (HIST_SUB + (64 - HIST_SUB_BITS) * HIST_SUB)

struct hist {
	uint64_t n, sum, min, max;
	uint64_t c[HIST_N];
};

void hist_add(struct hist *h, uint64_t v);
/*
 * The value below which pct percent of the samples fall, to the upper
 * end of its bucket, clamped to the largest sample; 0 when empty.
 */
uint64_t hist_percentile(const struct hist *h, unsigned pct);
/* Samples in [2^k, 2^(k+1)) (k = 0 also holds 0). */
uint64_t hist_log2(const struct hist *h, unsigned k);
/*
 * The non-empty log2 buckets as "16us-32us:120 32us-64us:3", snprintf
 * return convention.
 */
size_t hist_format(const struct hist *h, char *buf, size_t size);

#endif /* CPD_PLUGINS_EBPF_HIST_H */
