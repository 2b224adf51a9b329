// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A detail key with no line before it to be shown on ("(4 regions)" goes
 * after the value of the summary key above it): refused.
 */
#include "bad.h"

static const struct cpd_report_key bad_report_detail_keys[] = {
	{ .key = "regions",
	  .label = "regions",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .flags = CPD_RKF_SUMMARY | CPD_RKF_DETAIL },
	{ .key = "bytes",
	  .label = "Bytes",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_BYTES,
	  .flags = CPD_RKF_SUMMARY },
};

static const struct cpd_report_desc bad_report_detail_reports[] = {
	{ .topic = "disk",
	  .title = "Disk",
	  .flags = CPD_RDF_SUMMARY,
	  .keys = bad_report_detail_keys,
	  .nkeys = 2 },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_report_detail",
		  .version = "0",
		  .description = "a detail key with no line to go on",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini,
		  .reports = bad_report_detail_reports, );
