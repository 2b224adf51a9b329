// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "base/xmalloc.h"

void strmap_init(struct strmap *m, size_t valsize)
{
	memset(m, 0, sizeof(*m));
	m->valsize = valsize;
	/* keys come from traces anyone may have written: vary the hash */
	if (getrandom(&m->seed, sizeof(m->seed), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(m->seed))
		m->seed = (uint32_t)(uintptr_t)m;
}

/* FNV-1a from a random basis. */
static uint32_t strmap_hash(const struct strmap *m, const char *key, size_t len)
{
	uint32_t h = 2166136261u ^ m->seed;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h;
}

/* The slot that holds key, or the free one where it would go. */
static uint32_t *strmap_slot(const struct strmap *m, const char *key,
			     size_t len)
{
	size_t mask = m->nslots - 1;
	size_t i = strmap_hash(m, key, len) & mask;

	for (;; i = (i + 1) & mask) {
		const struct strmap_entry *e;

		if (!m->slots[i])
			return &m->slots[i];
		e = &m->entries[m->slots[i] - 1];
		if (e->len == len && !memcmp(e->key, key, len))
			return &m->slots[i];
	}
}

static void strmap_grow(struct strmap *m)
{
	size_t i;

	m->nslots = m->nslots ? m->nslots * 2 : 64;
	free(m->slots);
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (i = 0; i < m->n; i++)
		*strmap_slot(m, m->entries[i].key, m->entries[i].len) =
			(uint32_t)(i + 1);
}

void *strmap_get(const struct strmap *m, const char *key, size_t len)
{
	uint32_t *slot;

	if (!m->nslots)
		return NULL;
	slot = strmap_slot(m, key, len);
	return *slot ? m->entries[*slot - 1].val : NULL;
}

void *strmap_put(struct strmap *m, const char *key, size_t len, bool *added)
{
	struct strmap_entry *e;
	uint32_t *slot;

	if ((m->n + 1) * 2 > m->nslots)
		strmap_grow(m);
	slot = strmap_slot(m, key, len);
	if (added)
		*added = !*slot;
	if (*slot)
		return m->entries[*slot - 1].val;
	m->entries = xgrow(m->entries, &m->cap, m->n, sizeof(*m->entries));
	e = &m->entries[m->n];
	e->key = xmalloc(len + 1);
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	e->len = len;
	e->val = xcalloc(1, m->valsize);
	*slot = (uint32_t)++m->n;
	return e->val;
}

void strmap_free(struct strmap *m, void (*free_val)(void *val))
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (free_val)
			free_val(m->entries[i].val);
		free(m->entries[i].val);
		free(m->entries[i].key);
	}
	free(m->entries);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
