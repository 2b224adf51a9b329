// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* Subscribes to events but has no on_event to receive them. */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_noevent",
		  .version = "0", .description = "subscribes without on_event",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .fini = bad_fini, );
