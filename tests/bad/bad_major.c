// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Built for a future ABI 2: it exports cpd_plugin_v2 and not the
 * cpd_plugin_v1 this compendium looks for. The loader must say which ABI
 * it was built for rather than "not a plugin".
 */
#include "bad.h"

CPD_EXPORT const struct cpd_plugin cpd_plugin_v2 = {
	.abi_major = 2,
	.abi_minor = 0,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "bad_major",
	.version = "0",
	.description = "exports only the ABI 2 symbol",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.init = bad_init,
	.on_event = bad_on_event,
	.fini = bad_fini,
};
