/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A latency histogram as the values of a report section or table row,
 * with the keys every eBPF report declares for them (HIST_KEY_*, for the
 * analyzers' cpd_report_key tables).
 */
#ifndef CPD_PLUGINS_EBPF_HIST_REPORT_H
#define CPD_PLUGINS_EBPF_HIST_REPORT_H

#include <stddef.h>

#include <compendium/compendium.h>

#include "hist.h"
#include "lib/report.h"

/* Which percentiles a row shows. */
#define HIST_P50 (1u << 0)
#define HIST_P95 (1u << 1)
#define HIST_P99 (1u << 2)

/* The keys, in the order the values come; every one is in the summary. */
#define HIST_KEY_NS(key, label, help)                                          \
	REPORT_KEY(key, label, CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_SUMMARY, NULL, \
		   help)
#define HIST_KEY_AVG(label) HIST_KEY_NS("avg", label, "the mean")
#define HIST_KEY_P50                                                        \
	HIST_KEY_NS("p50", "p50",                                           \
		    "half were at most this (to the upper end of a bucket " \
		    "a quarter of a power of two wide)")
#define HIST_KEY_P95	    HIST_KEY_NS("p95", "p95", "95 % were at most this")
#define HIST_KEY_P99	    HIST_KEY_NS("p99", "p99", "99 % were at most this")
#define HIST_KEY_MAX(label) HIST_KEY_NS("max", label, "the longest")
#define HIST_KEY_HISTOGRAM                                                  \
	REPORT_KEY(                                                         \
		"histogram", "Histogram (log2)", CPD_KV_STR, CPD_UNIT_NONE, \
		CPD_RKF_SUMMARY, NULL,                                      \
		"how many fell in each power of two: \"16us-32us:120 ...\"")

/*
 * For a section: "avg", "p50", "p95", "p99" and "max", in ns, into kv
 * (declared with HIST_KEY_AVG, _P50, _P95, _P99, _MAX); returns how many.
 */
size_t hist_report_section(struct cpd_kv *kv, const struct hist *h);
/*
 * For a table row: the percentiles in which (HIST_P*, ascending), "max"
 * and "histogram", the log2 buckets as text formatted in buf (cut to
 * fit), into kv; returns how many.
 */
size_t hist_report_row(struct cpd_kv *kv, const struct hist *h, unsigned which,
		       char *buf, size_t size);

#endif /* CPD_PLUGINS_EBPF_HIST_REPORT_H */
