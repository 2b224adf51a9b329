// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * An option table whose default does not parse as its own type: every
 * instance would fail to apply its options, so the table is refused at
 * load time.
 */
#include "bad.h"

struct bad_options_state {
	uint64_t limit;
};

static const struct cpd_option bad_options_table[] = {
	{ .name = "limit",
	  .type = CPD_OPT_SIZE,
	  .def = "lots",
	  .offset = offsetof(struct bad_options_state, limit),
	  .help = "a size whose default is not one" },
	CPD_OPTION_END
};

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_options",
		  .version = "0",
		  .description = "option default that does not parse",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC),
		  .options = bad_options_table, .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini, );
