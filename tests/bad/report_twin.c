// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A well-formed plugin that declares the report topic "good", which the
 * good plugin declares too: each loads alone, but a session that enables
 * both refuses the second, as outputs find a topic's schema by its name.
 */
#include "bad.h"

static const struct cpd_report_key report_twin_keys[] = {
	{ .key = "twins",
	  .label = "Twins",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .flags = CPD_RKF_SUMMARY },
};

static const struct cpd_report_desc report_twin_reports[] = {
	{ .topic = "good",
	  .title = "Twin",
	  .flags = CPD_RDF_SUMMARY,
	  .keys = report_twin_keys,
	  .nkeys = 1 },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "report_twin",
		  .version = "0",
		  .description = "declares the report topic good declares",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini,
		  .reports = report_twin_reports, );
