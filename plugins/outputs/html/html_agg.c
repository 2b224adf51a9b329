// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The rows past the cap that are not kept in full: summarised per task,
 * category, type, target (the file's path, the peer) and time bucket, so
 * a long trace shows what happened after the cap instead of a blank.
 *
 * The first bucket width is a 64th of the time the cap took to fill,
 * rounded up to 1, 2 or 5 × 10^k ns, so the summaries are about as fine
 * as the detail before them. Their number is bounded: past half the
 * limit a new summary names no target (every other file), and at the
 * limit the buckets double in width and merge, until a quarter of them
 * is gone. Only when one bucket holds the whole time and they still
 * differ (in task or type) is the limit raised; that grows with tasks,
 * as the lanes do.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evjson.h"
#include "lib/format.h"

#define HTML_AGG_FIRST_BUCKETS 64
#define HTML_AGG_MIN_WIDTH     1000u /* ns */
#define HTML_AGG_MIN_LIMIT     4096u

/* a quarter of the cap: the summaries of a long trace cost a fifth of
 * the report at most */
static uint64_t html_agg_limit(const struct html_data *d)
{
	uint64_t l = d->max_events / 4;

	return l < HTML_AGG_MIN_LIMIT ? HTML_AGG_MIN_LIMIT : l;
}

/* The smallest 1, 2 or 5 × 10^k not below ns. */
static uint64_t html_agg_nice(uint64_t ns)
{
	uint64_t p = 1;

	for (;;) {
		if (p >= ns)
			return p;
		if (2 * p >= ns)
			return 2 * p;
		if (5 * p >= ns)
			return 5 * p;
		if (p > UINT64_MAX / 10)
			return ns;
		p *= 10;
	}
}

static uint32_t html_agg_hash(const struct html_agg *a, const char *target,
			      size_t len)
{
	uint64_t h = 1469598103934665603u;
	uint64_t k[3] = { a->bucket, a->lane,
			  (uint64_t)a->cat << 16 | a->type };
	const unsigned char *p = (const unsigned char *)k;
	size_t i;

	for (i = 0; i < sizeof(k); i++)
		h = (h ^ p[i]) * 1099511628211u;
	for (i = 0; target && i < len; i++)
		h = (h ^ (unsigned char)target[i]) * 1099511628211u;
	return (uint32_t)(h ^ h >> 32);
}

static bool html_agg_same(const struct html_agg *a, const struct html_agg *k,
			  const char *target, size_t len)
{
	if (a->bucket != k->bucket || a->lane != k->lane || a->cat != k->cat ||
	    a->type != k->type)
		return false;
	if (!a->target || !target)
		return !a->target && !target;
	return strlen(a->target) == len && !memcmp(a->target, target, len);
}

/* The heads for n entries (load under a half); -ENOMEM. */
static int html_agg_rehash(struct html_aggs *a, uint64_t n)
{
	uint32_t size = 1024, i;
	uint32_t *heads;

	while ((uint64_t)size < 2 * n && size < (1u << 31))
		size *= 2;
	heads = calloc(size, sizeof(*heads));
	if (!heads)
		return -ENOMEM;
	free(a->heads);
	a->heads = heads;
	a->nheads = size;
	for (i = 0; i < a->n; i++) {
		struct html_agg *e = &a->v[i];
		uint32_t h = html_agg_hash(e, e->target,
					   e->target ? strlen(e->target) : 0) &
			     (size - 1);

		e->next = heads[h];
		heads[h] = i + 1;
	}
	return 0;
}

static void html_agg_merge(struct html_agg *into, const struct html_agg *e)
{
	into->rows += e->rows;
	into->ops += e->ops;
	into->bytes += e->bytes;
	if (e->first < into->first)
		into->first = e->first;
	if (e->last > into->last)
		into->last = e->last;
}

/* Double the buckets' width and merge the summaries that now share one. */
static void html_agg_coarsen(struct html_aggs *a)
{
	uint64_t i, out = 0;
	uint32_t k;

	if (a->width > UINT64_MAX / 2)
		return;
	a->width *= 2;
	memset(a->heads, 0, a->nheads * sizeof(*a->heads));
	for (i = 0; i < a->n; i++) {
		struct html_agg e = a->v[i];
		size_t len = e.target ? strlen(e.target) : 0;
		uint32_t h;

		e.bucket /= 2;
		h = html_agg_hash(&e, e.target, len) & (a->nheads - 1);
		for (k = a->heads[h]; k; k = a->v[k - 1].next)
			if (html_agg_same(&a->v[k - 1], &e, e.target, len))
				break;
		if (k) {
			html_agg_merge(&a->v[k - 1], &e);
			free(e.target);
			continue;
		}
		e.next = a->heads[h];
		a->v[out] = e;
		a->heads[h] = (uint32_t)++out;
	}
	a->n = out;
}

int html_agg_add(struct html_data *d, uint16_t kind, uint16_t op, uint32_t lane,
		 uint16_t cat, uint16_t type, const char *target,
		 size_t target_len, uint64_t rows, uint64_t ops, uint64_t bytes,
		 uint64_t first, uint64_t last)
{
	struct html_aggs *a = &d->aggs;
	struct html_agg key = { 0 }, *e;
	uint32_t h, k;

	if (!a->limit)
		a->limit = html_agg_limit(d);
	if (!a->width) {
		uint64_t w = first / HTML_AGG_FIRST_BUCKETS;

		a->width = html_agg_nice(
			w < HTML_AGG_MIN_WIDTH ? HTML_AGG_MIN_WIDTH : w);
		a->from = first;
	}
	if (first < a->from)
		a->from = first;
	a->rows += rows;
	if (target && a->n >= a->limit / 2)
		target = NULL;
	key.bucket = first / a->width;
	key.lane = lane;
	key.cat = cat;
	key.type = type;
	if (!a->nheads && html_agg_rehash(a, 0))
		return -ENOMEM;
	h = html_agg_hash(&key, target, target_len) & (a->nheads - 1);
	for (k = a->heads[h]; k; k = a->v[k - 1].next)
		if (html_agg_same(&a->v[k - 1], &key, target, target_len))
			break;
	if (k) {
		key.rows = rows;
		key.ops = ops;
		key.bytes = bytes;
		key.first = first;
		key.last = last;
		html_agg_merge(&a->v[k - 1], &key);
		return 0;
	}
	if (html_grow(&a->v, a->n, &a->cap, sizeof(*a->v)))
		return -ENOMEM;
	e = &a->v[a->n];
	*e = key;
	e->kind = kind;
	e->op = op;
	e->rows = rows;
	e->ops = ops;
	e->bytes = bytes;
	e->first = first;
	e->last = last < first ? first : last;
	if (target) {
		e->target = malloc(target_len + 1);
		if (!e->target)
			return -ENOMEM;
		memcpy(e->target, target, target_len);
		e->target[target_len] = '\0';
	}
	e->next = a->heads[h];
	a->heads[h] = (uint32_t)++a->n;
	if (2 * a->n > a->nheads && html_agg_rehash(a, a->n))
		return -ENOMEM;
	if (a->n >= a->limit) {
		uint64_t span = last > a->from ? last - a->from : 0;

		/* wider until it helps, or until one bucket holds it all */
		while (a->n > a->limit - a->limit / 4 && a->width <= span)
			html_agg_coarsen(a);
		/* the summaries differ in task or type, not in time */
		if (a->n > a->limit - a->limit / 4)
			a->limit += a->n;
	}
	return 0;
}

void html_agg_target(struct escape_buf *b, const struct cpd_event *ev,
		     bool *has)
{
	char buf[FORMAT_SOCKADDR_MAX];
	const struct cpd_str *s = NULL;

	escape_reset(b);
	*has = false;
	switch (ev->kind) {
	case CPD_EV_FILE:
		s = &ev->u.file.path;
		break;
	case CPD_EV_MMAP:
		s = &ev->u.mmap.path;
		break;
	case CPD_EV_FAULT:
		s = &ev->u.fault.region_name;
		break;
	case CPD_EV_NET:
		if (!ev->u.net.peer.family)
			return;
		format_sockaddr(&ev->u.net.peer, buf, sizeof(buf));
		escape_puts(b, buf);
		*has = true;
		return;
	default:
		return;
	}
	if (!s->ptr || !s->len)
		return;
	escape_put(b, s->ptr, s->len);
	*has = true;
}

static bool html_agg_directed(const struct html_agg *e, const char **word)
{
	if (e->kind == CPD_EV_FILE && e->op == CPD_FILE_READ)
		*word = " from ";
	else if (e->kind == CPD_EV_FILE && e->op == CPD_FILE_WRITE)
		*word = " to ";
	else if (e->kind == CPD_EV_NET && e->op == CPD_NET_SEND)
		*word = " to ";
	else if (e->kind == CPD_EV_NET && e->op == CPD_NET_RECV)
		*word = " from ";
	else
		return false;
	return true;
}

/* The details of a summary: "Σ 312× 1.2 MB from /x", "Σ 40× mmap /y". */
static void html_agg_details(struct escape_buf *b, const struct html_data *d,
			     const struct html_agg *e)
{
	const char *word = " ";
	bool directed = html_agg_directed(e, &word);

	escape_printf(b, "Σ %" PRIu64 "× ", e->ops);
	if (!directed)
		escape_puts(b, d->types[e->type]);
	if (directed || e->bytes) {
		if (!directed)
			escape_putc(b, ' ');
		html_detail_bytes(b, e->bytes);
	}
	if (e->target) {
		escape_puts(b, word);
		escape_puts(b, e->target);
	} else if (directed) {
		escape_puts(b, word);
		escape_puts(b, "other targets");
	}
}

int html_agg_rows(struct html_data *d)
{
	struct html_aggs *a = &d->aggs;
	struct escape_buf *b = &d->scratch;
	struct escape_buf details = { 0 };
	uint64_t i;
	int rc = 0;

	for (i = 0; i < a->n && !rc; i++) {
		const struct html_agg *e = &a->v[i];
		const struct html_lane *l = &d->lanes[e->lane];
		const char *key = e->kind == CPD_EV_NET	  ? "peer" :
				  e->kind == CPD_EV_FAULT ? "region_name" :
							    "path";

		escape_reset(&details);
		html_agg_details(&details, d, e);
		escape_reset(b);
		escape_json_str(b, details.p, details.len);
		escape_puts(b, ",{\"comm\":");
		if (l->comm)
			escape_json_str(b, l->comm, strlen(l->comm));
		else
			escape_puts(b, "null");
		escape_printf(b,
			      ",\"aggregated\":%" PRIu64 ",\"count\":%" PRIu64
			      ",\"bytes\":%" PRIu64 ",\"%s\":",
			      e->rows, e->ops, e->bytes, key);
		if (e->target)
			escape_json_str(b, e->target, strlen(e->target));
		else
			escape_puts(b, "null");
		escape_puts(b, ",\"bucket_ns\":");
		escape_json_u64(b, a->width);
		escape_putc(b, '}');
		if (details.oom)
			b->oom = true;
		rc = html_row_add(d, e->first, e->last - e->first, e->lane,
				  e->cat, e->type, e->ops, b);
	}
	escape_free(&details);
	return rc;
}

void html_agg_free(struct html_aggs *a)
{
	uint64_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i].target);
	free(a->v);
	free(a->heads);
	memset(a, 0, sizeof(*a));
}
