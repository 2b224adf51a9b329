// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A report key with a unit the SDK does not define: no output could show
 * its values, so it is refused.
 */
#include "bad.h"

static const struct cpd_report_key bad_report_unit_keys[] = {
	{ .key = "reads",
	  .label = "Reads",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT },
	{ .key = "speed", .label = "Speed", .type = CPD_KV_DOUBLE, .unit = 42 },
};

static const struct cpd_report_desc bad_report_unit_reports[] = {
	{ .topic = "disk",
	  .title = "Disk",
	  .keys = bad_report_unit_keys,
	  .nkeys = 2 },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_report_unit",
		  .version = "0", .description = "a report key of unit 42",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini,
		  .reports = bad_report_unit_reports, );
