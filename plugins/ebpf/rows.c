// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <stdlib.h>

#include "rows.h"

void *ebpf_rows_add(struct ebpf_rows *r, size_t size)
{
	void *row, **v;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;

		v = realloc(r->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		r->v = v;
		r->cap = cap;
	}
	row = calloc(1, size);
	if (row)
		r->v[r->n++] = row;
	return row;
}

void ebpf_rows_free(struct ebpf_rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}
