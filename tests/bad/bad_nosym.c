// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A shared object that is no plugin at all: it exports no cpd_plugin_v*
 * symbol (this one is spelt without the major).
 */
#include "bad.h"

CPD_EXPORT const struct cpd_plugin cpd_plugin = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "bad_nosym",
	.version = "0",
	.description = "descriptor under the wrong symbol name",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.init = bad_init,
	.on_event = bad_on_event,
	.fini = bad_fini,
};
