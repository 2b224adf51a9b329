// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: tables whose schema asks for columns (CPD_RDF_COLUMNS), such as
 * a syscall table read the way strace -c's is, and the blocks of
 * --interval. A columns table keeps its rows (up to the schema's
 * summary_rows) and prints them under a header of the labels of its
 * summary keys, each column as wide as its widest cell: numbers to the
 * right, text to the left. Reports of an --interval period are kept until
 * the host says the period is over, then printed as one block.
 *
 * Nothing here knows an analyzer: the schema says what a table is.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"

/* Columns of one table at most; further summary keys are not shown. */
#define COLS_MAX 24

/* One report of a period being kept: a table's rows, or a section. */
struct console_cols {
	char *topic;
	char *title;
	const struct cpd_report_desc *desc;
	bool row; /* rows of a table, or a section */
	struct console_report *rows;
	size_t n, cap, limit;
	uint64_t total;
};

struct console_columns {
	struct console_cols **iv; /* the current period's reports */
	size_t niv;
};

static void cols_free(struct console_cols *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->n; i++)
		console_report_free(&t->rows[i]);
	free(t->rows);
	free(t->topic);
	free(t->title);
	free(t);
}

static struct console_cols *cols_get(struct console_columns *cc,
				     const struct cpd_ev_report *rep,
				     const struct cpd_report_desc *d)
{
	size_t len = rep->topic.ptr ? rep->topic.len : 0, i;
	struct console_cols *t, **v;

	for (i = 0; i < cc->niv; i++)
		if (strlen(cc->iv[i]->topic) == len &&
		    !memcmp(cc->iv[i]->topic, rep->topic.ptr, len))
			return cc->iv[i];
	v = realloc(cc->iv, (cc->niv + 1) * sizeof(*v));
	if (!v)
		return NULL;
	cc->iv = v;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->topic = strndup(rep->topic.ptr ? rep->topic.ptr : "", len);
	t->title = strndup(rep->title.ptr ? rep->title.ptr : "",
			   rep->title.ptr ? rep->title.len : 0);
	if (!t->topic || !t->title) {
		cols_free(t);
		return NULL;
	}
	t->desc = d;
	t->row = rep->flags & CPD_REPORTF_ROW;
	t->limit = d && d->summary_rows ? d->summary_rows : CONSOLE_LIST_MAX;
	cc->iv[cc->niv++] = t;
	return t;
}

static int cols_add(struct console_cols *t, const struct cpd_event *ev)
{
	t->total++;
	/* a section published again says it anew */
	if (!t->row && t->n) {
		console_report_free(&t->rows[0]);
		t->n = 0;
	}
	if (t->n == t->limit)
		return 0;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct console_report *v = realloc(t->rows, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		t->rows = v;
		t->cap = cap;
	}
	if (console_report_copy(&t->rows[t->n], ev, t->desc) < 0)
		return -ENOMEM;
	t->n++;
	return 0;
}

int console_interval_take(struct console *c, const struct cpd_event *ev,
			  const struct cpd_report_desc *desc)
{
	struct console_cols *t;

	if (!c->columns) {
		c->columns = calloc(1, sizeof(*c->columns));
		if (!c->columns)
			return -ENOMEM;
	}
	t = cols_get(c->columns, &ev->u.report, desc);
	return t ? cols_add(t, ev) : -ENOMEM;
}

/* Display width of UTF-8 text: the bytes that start a character. */
static size_t cols_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

/* The columns shown: the summary keys in schema order, else every key. */
static size_t cols_keys(const struct cpd_report_desc *d,
			const struct console_report *row, size_t nrows,
			const char **key, const char **label, bool *text)
{
	size_t n = 0;
	uint32_t i;

	for (i = 0; d && i < d->nkeys && n < COLS_MAX; i++) {
		if (!(d->keys[i].flags & CPD_RKF_SUMMARY))
			continue;
		key[n] = d->keys[i].key;
		label[n] = d->keys[i].label ? d->keys[i].label : d->keys[i].key;
		text[n++] = d->keys[i].type == CPD_KV_STR;
	}
	for (i = 0; !n && nrows && i < row[0].nkv && i < COLS_MAX; i++) {
		const struct console_kv *kv = &row[0].kv[i];

		key[i] = kv->key;
		label[i] = kv->label ? kv->label : kv->key;
		text[i] = kv->type == CPD_KV_STR;
	}
	return n ? n : i;
}

/*
 * Dashes under the header, as wide as each column; a last column of
 * free text ("9.1ms on CPU, 4.1ms file I/O, ...") only as wide as its
 * label, or the rule runs off a terminal's edge.
 */
static void cols_rule(struct console *c, const size_t *width, size_t nk,
		      const char *last_label, char *line)
{
	size_t len = 0, k, i, w;

	for (k = 0; k < nk && len + width[k] + 3 < CONSOLE_LINE_MAX; k++) {
		if (k) {
			line[len++] = ' ';
			line[len++] = ' ';
		}
		w = width[k];
		if (k == nk - 1 && last_label && w > strlen(last_label))
			w = strlen(last_label) > 24 ? strlen(last_label) : 24;
		if (w > width[k])
			w = width[k];
		for (i = 0; i < w; i++)
			line[len++] = '-';
	}
	line[len] = '\0';
	console_printf(c, "   %s", line);
}

void console_columns(struct console *c, const char *title,
		     const struct cpd_report_desc *d,
		     const struct console_report *row, size_t n, uint64_t total)
{
	const char *key[COLS_MAX], *label[COLS_MAX];
	size_t width[COLS_MAX], nk, r, k, len;
	bool text[COLS_MAX];
	char **cell, *line;

	nk = cols_keys(d, row, n, key, label, text);
	console_printf(c, " %s:", title);
	cell = calloc(n * nk + 1, sizeof(*cell));
	line = malloc(CONSOLE_LINE_MAX);
	if (!cell || !line)
		goto out_free;
	for (k = 0; k < nk; k++)
		width[k] = cols_width(label[k]);
	for (r = 0; r < n; r++)
		for (k = 0; k < nk; k++) {
			const struct console_kv *kv =
				console_kv(&row[r], key[k]);
			char *s;

			if (kv)
				console_kv_text(c, kv, false, c->esc[1],
						sizeof(c->esc[1]));
			s = strdup(kv ? c->esc[1] : "");
			if (!s)
				goto out_free;
			cell[r * nk + k] = s;
			if (cols_width(s) > width[k])
				width[k] = cols_width(s);
		}
	/* the header, then a row per line; the last column is not padded */
	for (r = 0; r <= n; r++) {
		len = 0;
		for (k = 0; k < nk && len < CONSOLE_LINE_MAX; k++) {
			const char *s = r ? cell[(r - 1) * nk + k] : label[k];
			size_t pad = width[k] - cols_width(s);
			int m;

			if (k == nk - 1 && text[k])
				pad = 0;
			m = snprintf(line + len, CONSOLE_LINE_MAX - len,
				     "%s%*s%s%*s", k ? "  " : "",
				     text[k] ? 0 : (int)pad, "", s,
				     text[k] ? (int)pad : 0, "");
			if (m < 0)
				break;
			len += (size_t)m;
		}
		if (len >= CONSOLE_LINE_MAX)
			len = CONSOLE_LINE_MAX - 1;
		/* an empty last cell leaves blanks */
		while (len && line[len - 1] == ' ')
			line[--len] = '\0';
		console_printf(c, "   %s", line);
		if (!r)
			cols_rule(c, width, nk,
				  text[nk - 1] ? label[nk - 1] : NULL, line);
	}
	if (total > n)
		console_printf(c, "   ... and %" PRIu64 " more", total - n);
out_free:
	for (r = 0; cell && r < n * nk; r++)
		free(cell[r]);
	free(cell);
	free(line);
}

/*
 * "Label value, Label value (value label), ..." of one report, into
 * c->esc[0]: the keys its schema lists in the summary, in their order,
 * each detail in parentheses after the key before it; every key, in the
 * report's order, without a schema.
 */
static size_t cols_line(struct console *c, const struct console_report *r)
{
	const struct cpd_report_desc *d = r->desc;
	size_t len = 0, k, nk = d ? d->nkeys : r->nkv;
	bool open = false, any = false;

	c->esc[0][0] = '\0';
	for (k = 0; k < nk; k++) {
		const struct cpd_report_key *key = d ? &d->keys[k] : NULL;
		const struct console_kv *kv =
			key ? console_kv(r, key->key) : &r->kv[k];
		bool detail = key && (key->flags & CPD_RKF_DETAIL);
		const char *label;
		char v[64];
		int n;

		if (!kv || (key && !(key->flags & CPD_RKF_SUMMARY)))
			continue;
		label = key ? key->label : kv->label ? kv->label : kv->key;
		console_kv_text(c, kv, false, v, sizeof(v));
		if (detail)
			n = snprintf(c->esc[0] + len, sizeof(c->esc[0]) - len,
				     "%s%s %s", open ? ", " : " (", v, label);
		else
			n = snprintf(c->esc[0] + len, sizeof(c->esc[0]) - len,
				     "%s%s%s %s", open ? ")" : "",
				     any ? ", " : "", label, v);
		if (n < 0 || (size_t)n >= sizeof(c->esc[0]) - len - 1) {
			c->esc[0][len] = '\0';
			return len;
		}
		len += (size_t)n;
		open = detail;
		any = true;
	}
	if (open) {
		c->esc[0][len++] = ')';
		c->esc[0][len] = '\0';
	}
	return len;
}

/*
 * A period's table without columns, a line per row; a period's section
 * on one line after its title: a block comes every period, and short.
 */
static void cols_print_plain(struct console *c, const struct console_cols *t)
{
	const char *title = *t->title ? t->title : t->topic;
	size_t r;

	if (!t->row) {
		if (t->n && cols_line(c, &t->rows[0]))
			console_printf(c, " %s: %s", title, c->esc[0]);
		return;
	}
	console_printf(c, " %s:", title);
	for (r = 0; r < t->n; r++) {
		cols_line(c, &t->rows[r]);
		console_printf(c, "   %s", c->esc[0]);
	}
}

static int cols_order(const void *a, const void *b)
{
	const struct console_cols *x = *(const struct console_cols *const *)a;
	const struct console_cols *y = *(const struct console_cols *const *)b;
	int32_t ox = x->desc ? x->desc->order : 0;
	int32_t oy = y->desc ? y->desc->order : 0;

	if (ox != oy)
		return ox < oy ? -1 : 1;
	return strcmp(x->topic, y->topic);
}

void console_interval_block(struct console *c, const struct cpd_interval *iv)
{
	struct console_columns *cc = c->columns;
	char a[FORMAT_NS_MAX], b[FORMAT_NS_MAX];
	size_t i;

	if (!c->run->deterministic && c->start_ns &&
	    iv->start_ns >= c->start_ns) {
		format_ns(iv->start_ns - c->start_ns, a, sizeof(a));
		format_ns(iv->end_ns - c->start_ns, b, sizeof(b));
		console_printf(c, "── interval %" PRIu32 ": +%s to +%s ──",
			       iv->index, a, b);
	} else {
		console_printf(c, "── interval %" PRIu32 " ──", iv->index);
	}
	if (!cc || !cc->niv) {
		console_printf(c, "   (nothing to report)");
		return;
	}
	qsort(cc->iv, cc->niv, sizeof(*cc->iv), cols_order);
	for (i = 0; i < cc->niv; i++) {
		struct console_cols *t = cc->iv[i];

		if (t->row && t->desc && (t->desc->flags & CPD_RDF_COLUMNS))
			console_columns(c, *t->title ? t->title : t->topic,
					t->desc, t->rows, t->n, t->total);
		else
			cols_print_plain(c, t);
		cols_free(t);
	}
	cc->niv = 0;
}

void console_columns_free(struct console *c)
{
	struct console_columns *cc = c->columns;
	size_t i;

	if (!cc)
		return;
	for (i = 0; i < cc->niv; i++)
		cols_free(cc->iv[i]);
	free(cc->iv);
	free(cc);
	c->columns = NULL;
}
