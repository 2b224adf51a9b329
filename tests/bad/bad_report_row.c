// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A table whose row template names a column it does not have: the
 * console could print nothing sensible for it, so it is refused.
 */
#include "bad.h"

static const struct cpd_report_key bad_report_row_keys[] = {
	{ .key = "path",
	  .label = "Path",
	  .type = CPD_KV_STR,
	  .flags = CPD_RKF_KEY },
	{ .key = "count",
	  .label = "Count",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT },
};

static const struct cpd_report_desc bad_report_row_reports[] = {
	{ .topic = "disk.files",
	  .title = "Disk files",
	  .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
	  .keys = bad_report_row_keys,
	  .nkeys = 2,
	  .summary_row = "{path}: {count} ({reason})" },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_report_row",
		  .version = "0",
		  .description = "a row template naming no column",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini,
		  .reports = bad_report_row_reports, );
