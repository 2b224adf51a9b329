// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the files most read from and most written to, listed in the
 * summary's I/O block under their totals. The rows of the per-file table
 * ("file.files": path, read_bytes, written_bytes) can be many: only the
 * CONSOLE_TOP largest of each column are kept as they arrive, and how
 * many rows had any bytes at all, for "... and N more".
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"

#include "console.h"

/* Keep path with value in t if it is among the largest; t stays sorted. */
static void console_top_keep(struct console_top *t, const struct cpd_str *path,
			     uint64_t value)
{
	size_t i, at;
	char *copy;

	if (!value)
		return;
	t->total++;
	if (t->n == CONSOLE_TOP && value <= t->row[CONSOLE_TOP - 1].value)
		return;
	copy = malloc(path->len + 1);
	if (!copy)
		return;
	memcpy(copy, path->ptr, path->len);
	copy[path->len] = '\0';
	for (at = 0; at < t->n && t->row[at].value >= value; at++)
		;
	if (t->n == CONSOLE_TOP) {
		free((char *)t->row[CONSOLE_TOP - 1].path.ptr);
		t->n--;
	}
	for (i = t->n; i > at; i--)
		t->row[i] = t->row[i - 1];
	t->row[at].value = value;
	t->row[at].path.ptr = copy;
	t->row[at].path.len = path->len;
	t->row[at].path.flags = path->flags;
	t->n++;
}

static bool console_top_key(const struct cpd_kv *kv, const char *key)
{
	size_t len = strlen(key);

	return kv->key.ptr && kv->key.len == len &&
	       !memcmp(kv->key.ptr, key, len);
}

void console_topfiles_row(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_report *r = &ev->u.report;
	const struct cpd_str *path = NULL;
	uint64_t rd = 0, wr = 0;
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		if (console_top_key(kv, "path") && kv->type == CPD_KV_STR)
			path = &kv->v.str;
		else if (console_top_key(kv, "read_bytes") &&
			 kv->type == CPD_KV_U64)
			rd = kv->v.u64;
		else if (console_top_key(kv, "written_bytes") &&
			 kv->type == CPD_KV_U64)
			wr = kv->v.u64;
	}
	if (!path || !path->ptr)
		return;
	console_top_keep(&c->top_read, path, rd);
	console_top_keep(&c->top_written, path, wr);
}

/* "     1.2 MB  /path" per kept row, then "... and N more". */
void console_topfiles(struct console *c, bool written)
{
	const struct console_top *t = written ? &c->top_written : &c->top_read;
	char b[FORMAT_BYTES_MAX];
	size_t i;

	for (i = 0; i < t->n; i++) {
		format_bytes(t->row[i].value, b, sizeof(b));
		console_printf(c, "     %s  %s", b,
			       console_esc(c, 1, &t->row[i].path));
	}
	if (t->total > t->n)
		console_printf(c, "     ... and %" PRIu64 " more",
			       t->total - t->n);
}

void console_topfiles_free(struct console *c)
{
	size_t i;

	for (i = 0; i < c->top_read.n; i++)
		free((char *)c->top_read.row[i].path.ptr);
	for (i = 0; i < c->top_written.n; i++)
		free((char *)c->top_written.row[i].path.ptr);
	memset(&c->top_read, 0, sizeof(c->top_read));
	memset(&c->top_written, 0, sizeof(c->top_written));
}
