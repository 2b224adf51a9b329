/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * "every": a kind with one field of each type (CPD_FT_*) and a few
 * units, registered the way a third party would. The every_kind test
 * analyzer publishes it for the outputs' tests; the unit tests of the
 * field decoder register it through the fake host.
 */
#ifndef CPD_TEST_EVERY_KIND_H
#define CPD_TEST_EVERY_KIND_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

/* The payload, at u.custom. */
struct every {
	int64_t s64;
	uint64_t u64;
	double dbl;
	uint64_t addr;
	struct cpd_str str;
	struct cpd_str strv;
	struct cpd_sockaddr sa;
	int32_t s32;
	uint32_t u32;
	uint16_t u16;
	uint16_t pad;
	int32_t fd;
	int32_t err;
	uint32_t flags;
	uint32_t en;
	int32_t sig;
	uint32_t mode;
	uint32_t dev;
	uint32_t raw;
	uint32_t bytes32;
	uint64_t ns;
	uint64_t pct;
};

#define EVERY_OFF(m)                                       \
	((uint32_t)(offsetof(struct cpd_event, u.custom) + \
		    offsetof(struct every, m)))
#define EVERY_FIELD(n, t, x, u, fl)                                       \
	{                                                                 \
		.name = #n, .type = t, .xlat = x, .offset = EVERY_OFF(n), \
		.unit = u, .flags = fl, .help = #n                        \
	}
#define EVERY_OPT CPD_FIELDF_OPTIONAL

static const struct cpd_field every_fields[] = {
	EVERY_FIELD(s64, CPD_FT_S64, 0, 0, 0),
	EVERY_FIELD(u64, CPD_FT_U64, 0, CPD_UNIT_BYTES, 0),
	EVERY_FIELD(dbl, CPD_FT_DOUBLE, 0, 0, EVERY_OPT),
	EVERY_FIELD(addr, CPD_FT_ADDR, 0, CPD_UNIT_ADDR, EVERY_OPT),
	EVERY_FIELD(str, CPD_FT_STR, 0, 0, CPD_FIELDF_KEY),
	EVERY_FIELD(strv, CPD_FT_STRV, 0, 0, EVERY_OPT),
	EVERY_FIELD(sa, CPD_FT_SOCKADDR, 0, 0, EVERY_OPT),
	EVERY_FIELD(s32, CPD_FT_S32, 0, 0, 0),
	EVERY_FIELD(u32, CPD_FT_U32, 0, CPD_UNIT_COUNT, EVERY_OPT),
	EVERY_FIELD(u16, CPD_FT_U16, 0, 0, EVERY_OPT),
	EVERY_FIELD(fd, CPD_FT_FD, 0, 0, 0),
	EVERY_FIELD(err, CPD_FT_ERRNO, 0, 0, EVERY_OPT),
	EVERY_FIELD(flags, CPD_FT_FLAGS, CPD_XLAT_OPEN_FLAGS, 0, 0),
	EVERY_FIELD(en, CPD_FT_ENUM, CPD_XLAT_AF, 0, CPD_FIELDF_KEY),
	EVERY_FIELD(sig, CPD_FT_SIGNAL, 0, 0, EVERY_OPT),
	EVERY_FIELD(mode, CPD_FT_MODE, 0, 0, EVERY_OPT),
	EVERY_FIELD(dev, CPD_FT_DEV, 0, 0, EVERY_OPT),
	EVERY_FIELD(raw, CPD_FT_FLAGS, 0, 0, EVERY_OPT),
	EVERY_FIELD(bytes32, CPD_FT_U32, 0, CPD_UNIT_BYTES, EVERY_OPT),
	EVERY_FIELD(ns, CPD_FT_U64, 0, CPD_UNIT_NS, EVERY_OPT),
	EVERY_FIELD(pct, CPD_FT_U64, 0, CPD_UNIT_PERCENT, EVERY_OPT),
};

static const struct cpd_kind_desc every_desc = {
	.struct_size = sizeof(struct cpd_kind_desc),
	.nfields = sizeof(every_fields) / sizeof(every_fields[0]),
	.name = "every",
	.description = "one field of each type, no output knows it",
	.fields = every_fields,
};

#define EVERY_NFIELDS (sizeof(every_fields) / sizeof(every_fields[0]))
/* the fields above not marked optional */
#define EVERY_NREQUIRED 7

#endif /* CPD_TEST_EVERY_KIND_H */
