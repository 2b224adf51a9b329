// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "hist_report.h"

static size_t hist_report_pcts(struct cpd_kv *kv, const struct hist *h,
			       unsigned which)
{
	static const struct {
		unsigned flag, pct;
		const char *key;
	} pcts[] = {
		{ HIST_P50, 50, "p50" },
		{ HIST_P95, 95, "p95" },
		{ HIST_P99, 99, "p99" },
	};
	size_t i, n = 0;

	for (i = 0; i < sizeof(pcts) / sizeof(pcts[0]); i++)
		if (which & pcts[i].flag)
			kv[n++] = report_val_u64(
				pcts[i].key, hist_percentile(h, pcts[i].pct));
	return n;
}

size_t hist_report_section(struct cpd_kv *kv, const struct hist *h)
{
	size_t n = 0;

	kv[n++] = report_val_u64("avg", h->n ? h->sum / h->n : 0);
	n += hist_report_pcts(kv + n, h, HIST_P50 | HIST_P95 | HIST_P99);
	kv[n++] = report_val_u64("max", h->max);
	return n;
}

size_t hist_report_row(struct cpd_kv *kv, const struct hist *h, unsigned which,
		       char *buf, size_t size)
{
	size_t n = hist_report_pcts(kv, h, which), len;

	kv[n++] = report_val_u64("max", h->max);
	len = hist_format(h, buf, size);
	if (len >= size)
		len = size - 1;
	kv[n++] = report_val_text("histogram", buf, len);
	return n;
}
