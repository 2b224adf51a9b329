// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A descriptor of 16 bytes, as a pre-1.0 SDK might have had: the loader
 * must refuse it from its struct_size before reading past its end (the
 * symbol really is only 16 bytes long).
 */
#include <stdint.h>

#include "bad.h"

struct bad_short_desc {
	uint32_t abi_major;
	uint32_t abi_minor;
	uint32_t struct_size;
	uint32_t role;
};

CPD_EXPORT const struct bad_short_desc cpd_plugin_v1 = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct bad_short_desc),
	.role = CPD_ROLE_ANALYZER,
};
