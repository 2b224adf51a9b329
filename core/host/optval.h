/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Option values: parsing the text of a config value according to a
 * struct cpd_option, and storing the result where the option says.
 */
#ifndef CPD_CORE_OPTVAL_H
#define CPD_CORE_OPTVAL_H

#include <compendium/option.h>

#include "base/cpd.h"

/* A parsed value; strings point into the text they were parsed from. */
struct optval {
	uint32_t type;
	union {
		bool b;
		int64_t i;
		uint64_t u;
		int32_t e;
	} v;
};

/*
 * Parse text for opt. On error returns -EINVAL (malformed) or -ERANGE
 * (out of bounds, overflow) and writes a reason ("expected yes or no")
 * to why. Integers are decimal, or hex with a 0x prefix.
 */
int optval_parse(const struct cpd_option *opt, const char *text,
		 struct optval *out, char *why, size_t whylen);

int optval_parse_bool(const char *text, bool *out);
int optval_parse_size(const char *text, uint64_t *out);
int optval_parse_duration(const char *text, uint64_t *out);

/* Split a comma-separated list into a NULL-terminated, malloc'd array. */
char **optval_split_list(const char *text, size_t *count);
void optval_free_list(char **list);

/* Check an option table itself (names, types, defaults); -EINVAL + why. */
int optval_check_table(const struct cpd_option *opts, char *why, size_t whylen);

/* "bool", "size", ...: for --list-plugins. */
const char *optval_type_name(uint32_t type);

/* Whether s matches [a-z0-9_]+ (at most max bytes). */
bool optval_valid_name(const char *s, size_t max);

#endif /* CPD_CORE_OPTVAL_H */
