// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: chained tables keyed by bytes (paths, endpoints, a process and
 * a file): the entries embed struct findings_head, and own their keys.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"

struct findings_head *findings_tab_find(const struct findings_tab *t,
					uint32_t hash, const char *key,
					size_t len)
{
	struct findings_head *h;

	if (!t->nb)
		return NULL;
	for (h = t->b[hash & (t->nb - 1)]; h; h = h->next)
		if (h->hash == hash && h->keylen == len &&
		    !memcmp(h->key, key, len))
			return h;
	return NULL;
}

int findings_tab_insert(struct findings_tab *t, struct findings_head *h)
{
	if (t->n >= t->nb) {
		size_t nb = t->nb ? 2 * t->nb : 64, i;
		struct findings_head **b = calloc(nb, sizeof(*b));

		if (!b)
			return -ENOMEM;
		for (i = 0; i < t->nb; i++) {
			struct findings_head *e = t->b[i], *next;

			for (; e; e = next) {
				next = e->next;
				e->next = b[e->hash & (nb - 1)];
				b[e->hash & (nb - 1)] = e;
			}
		}
		free(t->b);
		t->b = b;
		t->nb = nb;
	}
	h->next = t->b[h->hash & (t->nb - 1)];
	t->b[h->hash & (t->nb - 1)] = h;
	t->n++;
	return 0;
}

void findings_tab_remove(struct findings_tab *t, struct findings_head *h)
{
	struct findings_head **pp = &t->b[h->hash & (t->nb - 1)];

	for (; *pp; pp = &(*pp)->next)
		if (*pp == h) {
			*pp = h->next;
			t->n--;
			return;
		}
}

void findings_tab_free(struct findings_tab *t)
{
	size_t i;

	for (i = 0; i < t->nb; i++) {
		struct findings_head *e = t->b[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e);
		}
	}
	free(t->b);
	memset(t, 0, sizeof(*t));
}

/* Every entry of t, in a stable order (by first time seen); *n set. */
static int findings_group_cmp(const void *a, const void *b)
{
	const struct findings_group *x =
		*(const struct findings_group *const *)a;
	const struct findings_group *y =
		*(const struct findings_group *const *)b;

	return (x->first_seq > y->first_seq) - (x->first_seq < y->first_seq);
}

struct findings_group **findings_tab_groups(const struct findings_tab *t,
					    size_t *n)
{
	struct findings_group **v;
	size_t i, k = 0;

	*n = 0;
	if (!t->n)
		return NULL;
	v = calloc(t->n, sizeof(*v));
	if (!v)
		return NULL;
	for (i = 0; i < t->nb; i++) {
		struct findings_head *e;

		for (e = t->b[i]; e; e = e->next)
			v[k++] = (struct findings_group *)(void *)e;
	}
	qsort(v, k, sizeof(*v), findings_group_cmp);
	*n = k;
	return v;
}
