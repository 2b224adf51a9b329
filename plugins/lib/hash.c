// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "hash.h"

#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include <time.h>

#define HASH_GOLDEN UINT64_C(0x9e3779b97f4a7c15)

uint32_t hash_seed(const void *salt)
{
	uint32_t seed;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(seed))
		seed = (uint32_t)(uintptr_t)salt ^ (uint32_t)time(NULL);
	return 2166136261u ^ seed;
}

/* murmur3's 64-bit finaliser: every input bit reaches every output bit */
static uint64_t hash_fmix(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return x;
}

/*
 * Eight bytes a step: the analyzers hash a path for every read and
 * write, and a byte a step was a visible part of their cost. Each step
 * is a bijection of the state, so inputs of one length only meet where
 * their bytes are chosen to, and the basis is random per run.
 */
uint32_t hash_bytes(uint32_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	uint64_t x, w;

	x = ((uint64_t)h << 32 | h) ^ ((uint64_t)len * HASH_GOLDEN);
	for (; len >= 8; b += 8, len -= 8) {
		memcpy(&w, b, 8);
		x = (x ^ w) * HASH_GOLDEN;
		x ^= x >> 29;
	}
	w = 0;
	memcpy(&w, b, len);
	return (uint32_t)hash_fmix(x ^ w);
}
