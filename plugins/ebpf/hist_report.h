/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A latency histogram as the values of a report section or table row,
 * with the keys and titles every eBPF report uses for them.
 */
#ifndef CPD_PLUGINS_EBPF_HIST_REPORT_H
#define CPD_PLUGINS_EBPF_HIST_REPORT_H

#include <stddef.h>

#include <compendium/compendium.h>

#include "hist.h"

/* Which percentiles a row shows. */
#define HIST_P50 (1u << 0)
#define HIST_P95 (1u << 1)
#define HIST_P99 (1u << 2)

/*
 * For a section: "avg" (titled avg_label), "p50", "p95", "p99" and "max"
 * (max_label), in ns, into kv; returns how many.
 */
size_t hist_report_section(struct cpd_kv *kv, const struct hist *h,
			   const char *avg_label, const char *max_label);
/*
 * For a table row: the percentiles in which (HIST_P*, ascending), "max"
 * and "histogram", the log2 buckets as text formatted in buf (cut to
 * fit), into kv; returns how many.
 */
size_t hist_report_row(struct cpd_kv *kv, const struct hist *h, unsigned which,
		       char *buf, size_t size);

#endif /* CPD_PLUGINS_EBPF_HIST_REPORT_H */
