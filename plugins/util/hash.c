// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "hash.h"

#include <sys/random.h>
#include <sys/types.h>
#include <time.h>

uint32_t hash_seed(const void *salt)
{
	uint32_t seed;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(seed))
		seed = (uint32_t)(uintptr_t)salt ^ (uint32_t)time(NULL);
	return 2166136261u ^ seed;
}

uint32_t hash_bytes(uint32_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= b[i];
		h *= 16777619u;
	}
	return h;
}
