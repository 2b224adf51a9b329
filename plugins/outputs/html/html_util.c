// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * What every part of the collector uses: growing arrays, copying strings,
 * relative times, and the interned names of categories and types.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static const char *const html_fixed_cats[HTML_CAT_FIXED] = {
	"proc",	 "file",  "net",     "mmap", "fault",
	"sched", "blkio", "syscall", "lost",
};

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
	if (*n >= UINT16_MAX - HTML_CAT_FIXED)
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
	char buf[32];
	const char *name;
	int i;

	switch (kind) {
	case CPD_EV_PROC:
		return HTML_CAT_PROC;
	case CPD_EV_FILE:
		return HTML_CAT_FILE;
	case CPD_EV_NET:
		return HTML_CAT_NET;
	case CPD_EV_MMAP:
		return HTML_CAT_MMAP;
	case CPD_EV_FAULT:
		return HTML_CAT_FAULT;
	case CPD_EV_SCHED:
		return HTML_CAT_SCHED;
	case CPD_EV_BLKIO:
		return HTML_CAT_BLKIO;
	case CPD_EV_SYSCALL:
		return HTML_CAT_SYSCALL;
	case CPD_EV_LOST:
		return HTML_CAT_LOST;
	}
	name = d->host->event_kind_name(kind);
	if (!name && kind == CPD_EV_FINDING)
		name = HTML_FINDING_CAT;
	if (!name) {
		snprintf(buf, sizeof(buf), "kind%u", kind);
		name = buf;
	}
	i = html_intern(&d->cats, &d->ncats, name);
	return i < 0 ? i : HTML_CAT_FIXED + i;
}

const char *html_cat_name(const struct html_data *d, uint32_t cat)
{
	return cat < HTML_CAT_FIXED ? html_fixed_cats[cat] :
				      d->cats[cat - HTML_CAT_FIXED];
}

uint32_t html_ncats(const struct html_data *d)
{
	return HTML_CAT_FIXED + d->ncats;
}

/* ---- lost records and notices ------------------------------------------ */
