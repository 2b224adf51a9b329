/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A map from byte strings to records of one size, kept in insertion
 * order: the profile of a trace is a handful of these (files, programs,
 * endpoints, ...), keyed by normalised names.
 */
#ifndef CPD_DIFF_STRMAP_H
#define CPD_DIFF_STRMAP_H

#include "base/cpd.h"

struct strmap_entry {
	char *key; /* NUL-terminated copy; may hold NULs before len */
	size_t len;
	void *val; /* zeroed record of the map's size when added */
};

struct strmap {
	size_t valsize;
	struct strmap_entry *entries; /* insertion order */
	size_t n, cap;
	uint32_t *slots; /* open addressing: entry index + 1, 0 free */
	size_t nslots;
	uint32_t seed;
};

void strmap_init(struct strmap *m, size_t valsize);
/* The record of key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key, size_t len);
/* The record of key, added (zeroed) if new; *added says which. */
void *strmap_put(struct strmap *m, const char *key, size_t len, bool *added);
/* Free the keys and records; free_val, when set, first frees in each. */
void strmap_free(struct strmap *m, void (*free_val)(void *val));

#endif /* CPD_DIFF_STRMAP_H */
