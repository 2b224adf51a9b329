// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Built against a newer SDK (one minor ahead): it may call services this
 * host does not have, so it is refused with "upgrade compendium".
 */
#include "bad.h"

CPD_EXPORT const struct cpd_plugin cpd_plugin_v1 = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR + 1,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "bad_minor",
	.version = "0",
	.description = "needs a newer minor ABI than the host",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.init = bad_init,
	.on_event = bad_on_event,
	.fini = bad_fini,
};
