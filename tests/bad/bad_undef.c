// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Calls a function nothing defines (linked without -z defs on purpose).
 * Loaded with RTLD_NOW, the loader must refuse it up front instead of
 * crashing mid-trace when init() runs.
 */
#include "bad.h"

/* default visibility: a hidden undefined symbol would not even link */
CPD_EXPORT int cpd_test_no_such_function(void);

static int bad_undef_init(struct cpd_instance *inst,
			  const struct cpd_host *host, void **statep)
{
	*statep = NULL;
	return cpd_test_no_such_function();
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_undef",
		  .version = "0",
		  .description = "references an undefined symbol",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_undef_init,
		  .on_event = bad_on_event, .fini = bad_fini, );
