/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Hashing keys that come from the tracee (paths, addresses): a
 * multiply-xorshift over 8-byte words with murmur3's finaliser, from a
 * basis randomised per run, so a tracee cannot pick keys that all land in
 * one chain of an analyzer's table.
 */
#ifndef CPD_PLUGINS_UTIL_HASH_H
#define CPD_PLUGINS_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* A random basis for this run's hashes (salt: a fallback's entropy). */
uint32_t hash_seed(const void *salt);
/* Fold len bytes of p into h (start with hash_seed()'s basis). */
uint32_t hash_bytes(uint32_t h, const void *p, size_t len);

#endif /* CPD_PLUGINS_UTIL_HASH_H */
