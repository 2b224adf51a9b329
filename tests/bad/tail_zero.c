// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A descriptor longer than this host's struct cpd_plugin, with only zeros
 * past the end: what a plugin built with a newer SDK that uses none of
 * the newer fields looks like. It must load.
 */
#include "bad.h"

struct tail_zero_desc {
	struct cpd_plugin base;
	void (*future_callback)(void *state);
	uint64_t future_flags;
};

CPD_EXPORT const struct tail_zero_desc cpd_plugin_v1 = {
	.base = {
		.abi_major = CPD_ABI_MAJOR,
		.abi_minor = CPD_ABI_MINOR,
		.struct_size = sizeof(struct tail_zero_desc),
		.role = CPD_ROLE_ANALYZER,
		.name = "tail_zero",
		.version = "0",
		.description = "oversized descriptor with a zero tail",
		.subscribe = CPD_EVMASK(CPD_EV_PROC),
		.init = bad_init,
		.on_event = bad_on_event,
		.fini = bad_fini,
	},
};
