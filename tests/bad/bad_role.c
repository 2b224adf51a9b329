// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* A role this host does not know (neither analyzer nor output). */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = 7, .name = "bad_role", .version = "0",
		  .description = "unknown role",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini, );
