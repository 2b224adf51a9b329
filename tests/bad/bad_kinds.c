// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Subscribes to kind 20, which is neither built in nor in the custom
 * range: a typo'd mask must not silently subscribe to nothing.
 */
#include "bad.h"

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "bad_kinds",
		  .version = "0",
		  .description = "subscribes to an undefined event kind",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(20),
		  .init = bad_init, .on_event = bad_on_event,
		  .fini = bad_fini, );
