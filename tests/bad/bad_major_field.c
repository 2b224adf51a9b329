// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The right symbol name with the wrong major inside: a descriptor that
 * disagrees with its own symbol is refused on the field.
 */
#include "bad.h"

CPD_EXPORT const struct cpd_plugin cpd_plugin_v1 = {
	.abi_major = 2,
	.abi_minor = 0,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "bad_major_field",
	.version = "0",
	.description = "cpd_plugin_v1 declaring abi_major 2",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.init = bad_init,
	.on_event = bad_on_event,
	.fini = bad_fini,
};
