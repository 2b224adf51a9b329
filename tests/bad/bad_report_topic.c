// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A report whose topic is not [a-z0-9_] words joined by dots: csv, jsonl
 * and scripts match topics as they are written, so it is refused.
 */
#include "bad.h"

static const struct cpd_report_key bad_report_topic_keys[] = {
	{ .key = "reads",
	  .label = "Reads",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT },
};

static const struct cpd_report_desc bad_report_topic_reports[] = {
	{ .topic = "Disk.IO",
	  .title = "Disk",
	  .keys = bad_report_topic_keys,
	  .nkeys = 1 },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_report_topic",
		  .version = "0", .description = "a report topic in capitals",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini,
		  .reports = bad_report_topic_reports, );
