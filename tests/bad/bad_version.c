// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* No version string: --list-plugins and bug reports need one. */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_version",
		  .description = "no version",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC), .init = bad_init,
		  .on_event = bad_on_event, .fini = bad_fini, );
