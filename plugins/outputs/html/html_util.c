// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * What every part of the collector uses: growing arrays, copying strings,
 * relative times, and the interned names of categories and types.
 *
 * A category is an event kind, named as the host names it: no list of
 * analyzers here. The SDK's own kinds come first, in one order for every
 * report (their colours and checkboxes stay put); a third party's kinds
 * follow in the order they are first seen.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

/* Grow *arr of elements of size sz to hold n + 1; 0 or -ENOMEM. */
int html_grow(void *arrp, uint64_t n, uint64_t *cap, size_t sz)
{
	void **arr = arrp;
	uint64_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap ? 2 * *cap : 16;
	if (ncap > SIZE_MAX / sz)
		return -ENOMEM;
	p = realloc(*arr, ncap * sz);
	if (!p)
		return -ENOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

char *html_strndup(const struct cpd_str *s)
{
	char *p;

	if (!s->ptr)
		return NULL;
	p = malloc((size_t)s->len + 1);
	if (!p)
		return NULL;
	memcpy(p, s->ptr, s->len);
	p[s->len] = '\0';
	return p;
}

uint64_t html_rel(const struct html_data *d, uint64_t ts)
{
	return ts > d->start_ns ? ts - d->start_ns : 0;
}

const char *html_unit_name(uint16_t unit)
{
	static const char *const names[] = {
		"none", "bytes", "ns", "count", "addr", "percent", "timestamp",
	};

	return unit < sizeof(names) / sizeof(names[0]) ? names[unit] : "none";
}

/* ---- categories and types ---------------------------------------------- */

int html_intern(char ***list, uint32_t *n, const char *s)
{
	uint32_t i;
	char *copy;

	for (i = 0; i < *n; i++)
		if (!strcmp((*list)[i], s))
			return (int)i;
	if (*n >= UINT16_MAX)
		return -ENOSPC;
	/* powers of two: grow when n reaches one */
	if (!*n || !(*n & (*n - 1))) {
		char **p =
			realloc(*list, (*n ? 2 * (size_t)*n : 4) * sizeof(*p));

		if (!p)
			return -ENOMEM;
		*list = p;
	}
	copy = strdup(s);
	if (!copy)
		return -ENOMEM;
	(*list)[*n] = copy;
	return (int)(*n)++;
}

int html_cat(struct html_data *d, uint32_t kind)
{
	const char *name = d->host->event_kind_name(kind);
	char buf[32];

	/* a host before findings has no name for their kind */
	if (!name && kind == CPD_EV_FINDING)
		name = HTML_FINDING_CAT;
	if (!name) {
		snprintf(buf, sizeof(buf), "kind%u", kind);
		name = buf;
	}
	return html_intern(&d->cats, &d->ncats, name);
}

int html_cats_init(struct html_data *d)
{
	uint32_t k;
	int rc = 0;

	/* the kinds of the analyzers' events, the raw syscalls, lost records */
	for (k = CPD_EV_SYSCALL + 1; k < CPD_EV_LOST && rc >= 0; k++)
		rc = html_cat(d, k);
	if (rc >= 0)
		rc = html_cat(d, CPD_EV_SYSCALL);
	if (rc >= 0)
		rc = html_cat(d, CPD_EV_LOST);
	return rc < 0 ? rc : 0;
}

const char *html_cat_name(const struct html_data *d, uint32_t cat)
{
	return d->cats[cat];
}

uint32_t html_ncats(const struct html_data *d)
{
	return d->ncats;
}

/* ---- lost records and notices ------------------------------------------ */
