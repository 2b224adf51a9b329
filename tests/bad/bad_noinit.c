// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* Everything but the required init callback. */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_noinit",
		  .version = "0", .description = "no init callback",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC),
		  .on_event = bad_on_event, .fini = bad_fini, );
