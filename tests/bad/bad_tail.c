// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A descriptor longer than this host's struct cpd_plugin whose extra bytes
 * are set: fields the host does not know would be ignored, so it is
 * refused. (tail_zero.c is the same with a zero tail, and loads.)
 */
#include "bad.h"

struct bad_tail_desc {
	struct cpd_plugin base;
	void (*future_callback)(void *state);
	uint64_t future_flags;
};

CPD_EXPORT const struct bad_tail_desc cpd_plugin_v1 = {
	.base = {
		.abi_major = CPD_ABI_MAJOR,
		.abi_minor = CPD_ABI_MINOR,
		.struct_size = sizeof(struct bad_tail_desc),
		.role = CPD_ROLE_ANALYZER,
		.name = "bad_tail",
		.version = "0",
		.description = "oversized descriptor with fields set past the end",
		.subscribe = CPD_EVMASK(CPD_EV_PROC),
		.init = bad_init,
		.on_event = bad_on_event,
		.fini = bad_fini,
	},
	.future_callback = bad_fini,
};
