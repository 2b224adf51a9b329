// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* An output that subscribes to nothing could never output anything. */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_OUTPUT, .name = "bad_output", .version = "0",
		  .description = "output subscribed to no event kind",
		  .init = bad_init, .on_event = bad_on_event,
		  .fini = bad_fini, );
