// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "search.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* One held failure: the name it looked for, then the caller's bytes. */
struct search_item {
	char *stem; /* owned */
	size_t stem_len;
	void *data; /* item_size bytes, owned */
};

bool search_errno(int err)
{
	return err == ENOENT || err == ENOTDIR;
}

void search_stem(const char *path, size_t len, size_t *off, size_t *n)
{
	const char *base;
	size_t blen, i = 0;

	*off = 0;
	*n = 0;
	if (!path || !len)
		return;
	base = format_basename(path, len, &blen);
	if (blen == 1 && base[0] == '/')
		return;
	while (i < blen && base[i] == '.')
		i++;
	/* ".", "..": no name */
	if (i == blen)
		return;
	while (i < blen && base[i] != '.')
		i++;
	*off = (size_t)(base - path);
	*n = i;
}

bool search_same(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t aoff, an, boff, bn;

	search_stem(a, alen, &aoff, &an);
	search_stem(b, blen, &boff, &bn);
	return an && an == bn && !memcmp(a + aoff, b + boff, an);
}

const char *const search_run_enders[] = {
	"read",	    "pread64",	"readv",	   "preadv",  "preadv2",
	"write",    "pwrite64", "writev",	   "pwritev", "pwritev2",
	"sendfile", "splice",	"copy_file_range", "exit",    "exit_group",
	NULL,
};

bool search_ends_run(const char *name)
{
	size_t i;

	for (i = 0; name && search_run_enders[i]; i++)
		if (!strcmp(name, search_run_enders[i]))
			return true;
	return false;
}

void search_runs_init(struct search_runs *r, size_t item_size,
		      search_release_fn release, void *arg)
{
	memset(r, 0, sizeof(*r));
	r->item_size = item_size;
	r->release = release;
	r->arg = arg;
}

static void search_item_free(struct search_item *it)
{
	free(it->stem);
	free(it->data);
	it->stem = NULL;
	it->data = NULL;
}

static void search_release(struct search_runs *r, struct search_item *it,
			   enum search_outcome how)
{
	r->release(r->arg, it->data, how);
	search_item_free(it);
}

void search_runs_free(struct search_runs *r)
{
	uint32_t i, j;

	for (i = 0; i < r->n; i++) {
		for (j = 0; j < r->runs[i].n; j++)
			search_release(r, &r->runs[i].items[j], SEARCH_DROP);
		free(r->runs[i].items);
	}
	r->n = 0;
}

static struct search_run *search_run_of(struct search_runs *r, int32_t tid)
{
	uint32_t i;

	for (i = 0; i < r->n; i++)
		if (r->runs[i].tid == tid)
			return &r->runs[i];
	return NULL;
}

void *search_hold(struct search_runs *r, int32_t tid, const char *path,
		  size_t len)
{
	struct search_run *run = search_run_of(r, tid);
	struct search_item *it;
	size_t off, n;

	search_stem(path, len, &off, &n);
	if (!n)
		return NULL;
	if (!run) {
		if (r->n == SEARCH_RUNS_MAX)
			return NULL;
		run = &r->runs[r->n];
		run->items = calloc(SEARCH_RUN_MAX, sizeof(*run->items));
		if (!run->items)
			return NULL;
		run->tid = tid;
		run->n = 0;
		r->n++;
	}
	if (run->n == SEARCH_RUN_MAX) {
		/* the oldest goes as it was: no open can claim it now */
		search_release(r, &run->items[0], SEARCH_FAILURE);
		memmove(&run->items[0], &run->items[1],
			(SEARCH_RUN_MAX - 1) * sizeof(*run->items));
		run->n--;
	}
	it = &run->items[run->n];
	it->stem = malloc(n);
	it->data = calloc(1, r->item_size ? r->item_size : 1);
	if (!it->stem || !it->data) {
		search_item_free(it);
		return NULL;
	}
	memcpy(it->stem, path + off, n);
	it->stem_len = n;
	run->n++;
	return it->data;
}

void search_end(struct search_runs *r, int32_t tid, const char *found,
		size_t flen)
{
	struct search_run *run = search_run_of(r, tid);
	size_t off = 0, n = 0;
	uint32_t i;

	if (!run)
		return;
	if (found)
		search_stem(found, flen, &off, &n);
	for (i = 0; i < run->n; i++) {
		struct search_item *it = &run->items[i];

		bool probe = n && it->stem_len == n &&
			     !memcmp(it->stem, found + off, n);

		search_release(r, it, probe ? SEARCH_PROBE : SEARCH_FAILURE);
	}
	free(run->items);
	*run = r->runs[--r->n];
}

void search_end_all(struct search_runs *r)
{
	while (r->n)
		search_end(r, r->runs[0].tid, NULL, 0);
}
