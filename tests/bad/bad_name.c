// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Declares a name other than its file's: config sections name plugins by
 * file, so the two must agree.
 */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "someone_else",
		  .version = "0",
		  .description = "name differs from the file name",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini, );
