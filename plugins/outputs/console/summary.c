// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the reports it keeps and the summary it prints when tracing ends.
 *
 * The summary knows no analyzer. A report whose topic has a schema
 * (compendium/report.h) is laid out from it: a section's summary keys in
 * blocks (its title, or the group several analyzers share), details in
 * parentheses, a table's first rows through its row template; all of it
 * in the schemas' order. Reports without one (a plugin built against ABI
 * 1.0) follow, as titled lists of their labels and values: tables before
 * the subprocesses, sections after them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "lib/format.h"
#include "lib/report.h"

#include "console.h"

/* ---- reports ----------------------------------------------------------- */

static char *console_strdup(const struct cpd_str *s)
{
	return strndup(s->ptr ? s->ptr : "", s->ptr ? s->len : 0);
}

void console_report_free(struct console_report *r)
{
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		free(r->kv[i].key);
		free(r->kv[i].label);
		free((char *)r->kv[i].str.ptr);
	}
	free(r->kv);
	free(r->topic);
	free(r->title);
	memset(r, 0, sizeof(*r));
}

/* Deep-copy a report: the event is borrowed for the call only. */
int console_report_copy(struct console_report *r, const struct cpd_event *ev,
			const struct cpd_report_desc *desc)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	uint32_t i;

	memset(r, 0, sizeof(*r));
	r->desc = desc;
	r->topic = console_strdup(&rep->topic);
	r->title = console_strdup(&rep->title);
	r->order = rep->order;
	r->seq = ev->seq;
	r->kv = calloc(rep->nkv ? rep->nkv : 1, sizeof(*r->kv));
	if (!r->topic || !r->title || !r->kv)
		goto err_free;
	for (i = 0; i < rep->nkv; i++) {
		const struct cpd_kv *in = &rep->kv[i];
		struct console_kv *out = &r->kv[i];

		r->nkv = i + 1;
		out->type = in->type;
		out->unit = in->unit;
		out->key = console_strdup(&in->key);
		out->label = in->label.ptr && in->label.len ?
				     console_strdup(&in->label) :
				     NULL;
		if (!out->key ||
		    (in->label.ptr && in->label.len && !out->label))
			goto err_free;
		if (in->type == CPD_KV_STR) {
			out->str.ptr = console_strdup(&in->v.str);
			out->str.len = in->v.str.ptr ? in->v.str.len : 0;
			out->str.flags = in->v.str.flags;
			if (!out->str.ptr)
				goto err_free;
		} else {
			out->v.u64 = in->v.u64; /* the union's widest */
		}
	}
	return 0;

err_free:
	console_report_free(r);
	return -ENOMEM;
}

static bool console_topic_is(const struct cpd_ev_report *rep, const char *t)
{
	size_t len = strlen(t);

	return rep->topic.ptr && rep->topic.len == len &&
	       !memcmp(rep->topic.ptr, t, len);
}

/* The table a row belongs to, made on its first row; NULL on ENOMEM. */
static struct console_rows *console_table(struct console *c,
					  const struct cpd_event *ev,
					  const struct cpd_report_desc *desc)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	struct console_rows *t;
	size_t i;

	for (i = 0; i < c->ntables; i++)
		if (console_topic_is(rep, c->tables[i]->topic))
			return c->tables[i];
	if (c->ntables == c->captables) {
		size_t cap = c->captables ? 2 * c->captables : 8;
		struct console_rows **v;

		v = realloc(c->tables, cap * sizeof(*v));
		if (!v)
			return NULL;
		c->tables = v;
		c->captables = cap;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->desc = desc;
	t->max = desc && desc->summary_rows ? desc->summary_rows :
					      CONSOLE_LIST_MAX;
	t->topic = console_strdup(&rep->topic);
	t->title = console_strdup(&rep->title);
	if (!t->topic || !t->title) {
		free(t->topic);
		free(t->title);
		free(t);
		return NULL;
	}
	c->tables[c->ntables++] = t;
	return t;
}

static void console_row_template(struct console *c,
				 const struct console_report *r, const char *t,
				 const char *align, struct console_sb *sb);

/*
 * The line a row's template makes (NULL: no template, or no memory), to
 * tell a row that repeats the one before: eighteen DNS sockets to
 * 127.0.0.1:53 in a row are one line, "(18×)". Only rows with a template
 * are compared: their line is all the summary shows of them.
 */
static char *console_row_line(struct console *c, const struct console_report *r,
			      const struct cpd_report_desc *desc)
{
	struct console_sb sb;
	char *line;

	if (!desc || !desc->summary_row)
		return NULL;
	line = malloc(CONSOLE_ESC_MAX);
	if (!line)
		return NULL;
	sb = (struct console_sb){ line, 0, CONSOLE_ESC_MAX };
	line[0] = '\0';
	console_row_template(c, r, desc->summary_row, NULL, &sb);
	return line;
}

static int console_row(struct console *c, const struct cpd_event *ev,
		       const struct cpd_report_desc *desc)
{
	struct console_rows *rows;
	struct console_report r;
	char *line;

	/* a table the summary does not list is for the files: it can be long */
	if (desc && !(desc->flags & CPD_RDF_SUMMARY))
		return 0;
	rows = console_table(c, ev, desc);
	if (!rows)
		return -ENOMEM;
	rows->total++;
	if (console_report_copy(&r, ev, desc) < 0)
		return -ENOMEM;
	line = console_row_line(c, &r, desc);
	if (line && rows->last && !strcmp(rows->last, line)) {
		rows->row[rows->n - 1].again++;
		rows->again++;
		goto out_free;
	}
	/* what follows the last row shown is not folded into it */
	free(rows->last);
	rows->last = NULL;
	if (rows->n == rows->max)
		goto out_free;
	if (rows->n == rows->cap) {
		size_t cap = rows->cap ? 2 * rows->cap : 4;
		struct console_report *v;

		if (cap > rows->max)
			cap = rows->max;
		v = realloc(rows->row, cap * sizeof(*v));
		if (!v) {
			free(line);
			console_report_free(&r);
			return -ENOMEM;
		}
		rows->row = v;
		rows->cap = cap;
	}
	rows->row[rows->n++] = r;
	rows->last = line;
	return 0;

out_free:
	free(line);
	console_report_free(&r);
	return 0;
}

int console_report(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	const struct cpd_report_desc *desc = report_schema(c->host, rep);
	struct console_report copy;
	size_t i;

	/* a period's: printed when the period ends, not in the summary */
	if (rep->flags & CPD_REPORTF_INTERVAL)
		return console_interval_take(c, ev, desc);
	if (rep->flags & CPD_REPORTF_ROW)
		return console_row(c, ev, desc);
	if (console_report_copy(&copy, ev, desc) < 0)
		return -ENOMEM;
	/* a topic published again replaces what it said before */
	for (i = 0; i < c->nsections; i++) {
		if (!strcmp(c->sections[i].topic, copy.topic)) {
			console_report_free(&c->sections[i]);
			c->sections[i] = copy;
			return 0;
		}
	}
	if (c->nsections == c->capsections) {
		size_t cap = c->capsections ? 2 * c->capsections : 8;
		struct console_report *v;

		v = realloc(c->sections, cap * sizeof(*v));
		if (!v) {
			console_report_free(&copy);
			return -ENOMEM;
		}
		c->sections = v;
		c->capsections = cap;
	}
	c->sections[c->nsections++] = copy;
	return 0;
}

void console_reports_free(struct console *c)
{
	size_t i, j;

	for (i = 0; i < c->nsections; i++)
		console_report_free(&c->sections[i]);
	free(c->sections);
	for (i = 0; i < c->ntables; i++) {
		for (j = 0; j < c->tables[i]->n; j++)
			console_report_free(&c->tables[i]->row[j]);
		free(c->tables[i]->row);
		free(c->tables[i]->last);
		free(c->tables[i]->topic);
		free(c->tables[i]->title);
		free(c->tables[i]);
	}
	free(c->tables);
	c->sections = NULL;
	c->tables = NULL;
	c->nsections = c->capsections = c->ntables = c->captables = 0;
}

/* ---- values ------------------------------------------------------------- */

const struct console_kv *console_kv(const struct console_report *r,
				    const char *key)
{
	uint32_t i;

	for (i = 0; i < r->nkv; i++)
		if (!strcmp(r->kv[i].key, key))
			return &r->kv[i];
	return NULL;
}

static uint64_t console_kv_u64(const struct console_kv *kv)
{
	switch (kv->type) {
	case CPD_KV_S64:
		return kv->v.s64 < 0 ? 0 : (uint64_t)kv->v.s64;
	case CPD_KV_DOUBLE:
		return kv->v.dbl < 0 ? 0 : (uint64_t)kv->v.dbl;
	case CPD_KV_STR:
		return kv->str.len;
	default:
		return kv->v.u64;
	}
}

/* A value as text, escaped; aligned at its unit's fixed width if asked. */
void console_kv_text(struct console *c, const struct console_kv *kv, bool align,
		     char *buf, size_t size)
{
	if (align && kv->unit == CPD_UNIT_BYTES && kv->type != CPD_KV_STR &&
	    !(kv->type == CPD_KV_S64 && kv->v.s64 < 0)) {
		format_bytes(console_kv_u64(kv), buf, size);
		return;
	}
	switch (kv->type) {
	case CPD_KV_STR:
		format_escape_str(&kv->str, buf, size);
		break;
	case CPD_KV_DOUBLE:
		if (kv->unit == CPD_UNIT_PERCENT)
			snprintf(buf, size, "%.1f%%", kv->v.dbl);
		else if (kv->unit == CPD_UNIT_NS || kv->unit == CPD_UNIT_BYTES)
			console_value(c, kv->unit, false, console_kv_u64(kv),
				      buf, size);
		else
			snprintf(buf, size, "%g", kv->v.dbl);
		break;
	default:
		console_value(c, kv->unit, kv->type == CPD_KV_S64, kv->v.u64,
			      buf, size);
		break;
	}
}

static const char console_sep[] =
	"━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━";

/* ---- reports without a schema -------------------------------------------- */

/* " <title>:" and one aligned "   <label>: <value>" per key/value. */
static void console_section_generic(struct console *c,
				    const struct console_report *r)
{
	size_t width = 0, i;

	console_printf(c, " %s:", *r->title ? r->title : r->topic);
	for (i = 0; i < r->nkv; i++) {
		const struct console_kv *kv = &r->kv[i];
		size_t w = strlen(kv->label ? kv->label : kv->key);

		width = w > width ? w : width;
	}
	for (i = 0; i < r->nkv; i++) {
		const struct console_kv *kv = &r->kv[i];
		const char *label = kv->label ? kv->label : kv->key;

		console_kv_text(c, kv, false, c->esc[1], sizeof(c->esc[1]));
		console_printf(c, "   %s:%*s %s", label,
			       (int)(width - strlen(label)), "", c->esc[1]);
	}
}

/*
 * "Label value, Label value" of a row: every column without a schema,
 * the summary ones with one.
 */
static void console_row_columns(struct console *c,
				const struct console_report *r,
				struct console_sb *sb)
{
	const struct cpd_report_key *k;
	bool first = true;
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		const struct console_kv *kv = &r->kv[i];

		k = r->desc ? report_schema_key(r->desc, kv->key,
						strlen(kv->key)) :
			      NULL;
		if (r->desc && (!k || !(k->flags & CPD_RKF_SUMMARY)))
			continue;
		console_kv_text(c, kv, false, c->esc[1], sizeof(c->esc[1]));
		if (!first)
			console_sb_str(sb, ", ");
		console_sb_str(sb, kv->label ? kv->label : kv->key);
		console_sb_str(sb, " ");
		console_sb_str(sb, c->esc[1]);
		first = false;
	}
}

/*
 * A row through its schema's template: {key} is the column's value,
 * {key|a=x|b=y} maps the values a and b, {{ and }} are braces. The
 * loader checked the template, so a placeholder is always closed. The
 * column align (NULL: none) keeps its unit's fixed width.
 */
static void console_row_template(struct console *c,
				 const struct console_report *r, const char *t,
				 const char *align, struct console_sb *sb)
{
	while (*t) {
		const char *end, *bar, *entry;
		const struct console_kv *kv = NULL;
		size_t nlen;
		uint32_t i;

		if ((t[0] == '{' || t[0] == '}') && t[1] == t[0]) {
			console_sb_put(sb, t, 1);
			t += 2;
			continue;
		}
		if (*t != '{') {
			nlen = 1 + strcspn(t + 1, "{}");
			console_sb_put(sb, t, nlen);
			t += nlen;
			continue;
		}
		end = strchr(t, '}');
		if (!end)
			return;
		bar = memchr(t, '|', (size_t)(end - t));
		nlen = (size_t)((bar ? bar : end) - (t + 1));
		for (i = 0; i < r->nkv && !kv; i++)
			if (strlen(r->kv[i].key) == nlen &&
			    !memcmp(r->kv[i].key, t + 1, nlen))
				kv = &r->kv[i];
		t = end + 1;
		if (!kv) {
			console_sb_str(sb, "?");
			continue;
		}
		console_kv_text(c, kv, align && !strcmp(kv->key, align),
				c->esc[1], sizeof(c->esc[1]));
		/* a string is matched as it is, a number as it is shown */
		for (entry = bar; entry; entry = bar) {
			const char *stop, *eq;
			const char *val = kv->type == CPD_KV_STR ? kv->str.ptr :
								   c->esc[1];
			size_t vlen = kv->type == CPD_KV_STR ?
					      kv->str.len :
					      strlen(c->esc[1]);

			bar = memchr(entry + 1, '|', (size_t)(end - entry - 1));
			stop = bar ? bar : end;
			eq = memchr(entry + 1, '=', (size_t)(stop - entry - 1));
			if (!eq)
				continue;
			/* "*=text": any value, each * of text standing for it */
			if (eq == entry + 2 && entry[1] == '*') {
				const char *q;

				for (q = eq + 1; q < stop; q++)
					if (*q == '*')
						console_sb_str(sb, c->esc[1]);
					else
						console_sb_put(sb, q, 1);
				break;
			}
			if ((size_t)(eq - entry - 1) == vlen &&
			    !memcmp(entry + 1, val, vlen)) {
				console_sb_put(sb, eq + 1,
					       (size_t)(stop - eq - 1));
				break;
			}
		}
		if (!entry)
			console_sb_str(sb, c->esc[1]);
	}
}

/*
 * The first rows of t, indented, and how many more there were; the
 * column align (NULL: none) at its unit's fixed width.
 */
static void console_sum_rows(struct console *c, const struct console_rows *t,
			     const char *indent, const char *align)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct console_report *r = &t->row[i];
		struct console_sb sb = { c->esc[0], 0, sizeof(c->esc[0]) };

		c->esc[0][0] = '\0';
		if (t->desc && t->desc->summary_row)
			console_row_template(c, r, t->desc->summary_row, align,
					     &sb);
		else
			console_row_columns(c, r, &sb);
		if (r->again)
			console_printf(c, "%s%s (%" PRIu64 "×)", indent,
				       c->esc[0], r->again + 1);
		else
			console_printf(c, "%s%s", indent, c->esc[0]);
	}
	if (t->total > t->n + t->again)
		console_printf(c, "%s... and %" PRIu64 " more", indent,
			       t->total - t->n - t->again);
}

/* " <title>:", the first rows, and how many more there were. */
static void console_sum_table(struct console *c, const struct console_rows *t)
{
	if (!t->total)
		return;
	if (t->desc && (t->desc->flags & CPD_RDF_COLUMNS)) {
		console_columns(c, *t->title ? t->title : t->topic, t->desc,
				t->row, t->n, t->total);
		return;
	}
	console_printf(c, " %s:", *t->title ? t->title : t->topic);
	console_sum_rows(c, t, "   ", NULL);
}

/*
 * Whether table t is listed under the line of key k of section d rather
 * than on its own: its topic is d's followed by ".", and its
 * CPD_RKF_SORT column is k ("file.top_read" by read_bytes goes under the
 * file section's read_bytes line).
 */
static bool console_table_under(const struct cpd_report_desc *t,
				const struct cpd_report_desc *d,
				const struct cpd_report_key *k)
{
	size_t len = strlen(d->topic);
	uint32_t j;

	if ((t->flags & CPD_RDF_COLUMNS) || strncmp(t->topic, d->topic, len) ||
	    t->topic[len] != '.')
		return false;
	for (j = 0; j < t->nkeys; j++)
		if (t->keys[j].flags & CPD_RKF_SORT)
			return !strcmp(t->keys[j].key, k->key);
	return false;
}

/* The tables listed under the line of key k of section d. */
static void console_sum_under(struct console *c,
			      const struct cpd_report_desc *d,
			      const struct cpd_report_key *k)
{
	size_t i;

	for (i = 0; i < c->ntables; i++)
		if (c->tables[i]->desc &&
		    console_table_under(c->tables[i]->desc, d, k))
			console_sum_rows(c, c->tables[i], "     ",
					 k->flags & CPD_RKF_ALIGN ? k->key :
								    NULL);
}

/* Whether table t is listed under a summary line of some section. */
static bool console_table_nested(const struct console *c,
				 const struct cpd_report_desc *t)
{
	size_t i;
	uint32_t j;

	for (i = 0; i < c->nsections; i++) {
		const struct cpd_report_desc *d = c->sections[i].desc;

		if (!d || !(d->flags & CPD_RDF_SUMMARY))
			continue;
		for (j = 0; j < d->nkeys; j++)
			if ((d->keys[j].flags & CPD_RKF_SUMMARY) &&
			    console_table_under(t, d, &d->keys[j]))
				return true;
	}
	return false;
}

/* ---- reports with a schema ---------------------------------------------- */

/* A report the summary lays out from its schema: a section or a table. */
struct console_item {
	const struct cpd_report_desc *desc;
	const struct console_report *section;
	const struct console_rows *table;
};

static int console_item_cmp(const void *a, const void *b)
{
	const struct console_item *x = a, *y = b;

	if (x->desc->order != y->desc->order)
		return x->desc->order < y->desc->order ? -1 : 1;
	return strcmp(x->desc->topic, y->desc->topic);
}

/* The block a section's key is listed under. */
static const char *console_block_of(const struct cpd_report_desc *d,
				    const struct cpd_report_key *k)
{
	return k->group ? k->group : d->title;
}

/* A key that starts a line of a block (a detail goes on the line before). */
static bool console_key_line(const struct cpd_report_key *k)
{
	return (k->flags & (CPD_RKF_SUMMARY | CPD_RKF_DETAIL)) ==
	       CPD_RKF_SUMMARY;
}

/* Whether key j of item i is the first one listed under block. */
static bool console_block_first(const struct console_item *items, size_t i,
				uint32_t j, const char *block)
{
	size_t m;
	uint32_t k;

	for (m = 0; m <= i; m++) {
		const struct cpd_report_desc *d = items[m].desc;

		if (!items[m].section)
			continue;
		for (k = 0; k < (m == i ? j : d->nkeys); k++)
			if (console_key_line(&d->keys[k]) &&
			    !strcmp(console_block_of(d, &d->keys[k]), block))
				return false;
	}
	return true;
}

/* " (VALUE LABEL, ...)": the detail keys after key j, into sb. */
static void console_details(struct console *c, const struct console_report *r,
			    uint32_t j, struct console_sb *sb)
{
	const struct cpd_report_desc *d = r->desc;
	bool open = false;

	for (j++; j < d->nkeys && !console_key_line(&d->keys[j]); j++) {
		const struct console_kv *kv = console_kv(r, d->keys[j].key);

		if (!(d->keys[j].flags & CPD_RKF_DETAIL) || !kv)
			continue;
		/* "(0 files)" says nothing */
		if ((d->keys[j].flags & CPD_RKF_NONZERO) && !console_kv_u64(kv))
			continue;
		console_kv_text(c, kv, false, c->esc[1], sizeof(c->esc[1]));
		console_sb_str(sb, open ? ", " : " (");
		console_sb_str(sb, c->esc[1]);
		console_sb_str(sb, " ");
		console_sb_str(sb, d->keys[j].label);
		open = true;
	}
	if (open)
		console_sb_str(sb, ")");
}

/*
 * Walk the lines of block, from item `from` on: pass 0 finds whether its
 * NONZERO keys are all zero, pass 1 the labels' width, pass 2 prints.
 */
static size_t console_block_walk(struct console *c,
				 const struct console_item *items,
				 size_t nitems, size_t from, const char *block,
				 int pass, bool hide_zero, size_t width)
{
	size_t m, lines = 0;
	uint32_t j;

	for (m = from; m < nitems; m++) {
		const struct cpd_report_desc *d = items[m].desc;
		const struct console_report *r = items[m].section;

		for (j = 0; r && j < d->nkeys; j++) {
			const struct cpd_report_key *k = &d->keys[j];
			const struct console_kv *kv;
			struct console_sb sb;

			if (!console_key_line(k) ||
			    strcmp(console_block_of(d, k), block))
				continue;
			kv = console_kv(r, k->key);
			if (!kv)
				continue;
			if (k->flags & CPD_RKF_NONZERO) {
				if (pass == 0 && console_kv_u64(kv))
					return 1; /* one is not zero */
				if (hide_zero)
					continue;
			}
			lines++;
			if (pass == 1 && strlen(k->label) > width)
				width = strlen(k->label);
			if (pass != 2)
				continue;
			sb.buf = c->esc[0];
			sb.size = sizeof(c->esc[0]);
			sb.len = 0;
			c->esc[0][0] = '\0';
			console_kv_text(c, kv, k->flags & CPD_RKF_ALIGN,
					c->esc[1], sizeof(c->esc[1]));
			console_sb_str(&sb, c->esc[1]);
			console_details(c, r, j, &sb);
			console_printf(c, "   %s:%*s %s", k->label,
				       (int)(width - strlen(k->label)), "",
				       c->esc[0]);
			console_sum_under(c, d, k);
		}
	}
	if (pass == 0)
		return 0;
	return pass == 1 ? width : lines;
}

/* " <block>:" and its lines, unless it has none. */
static void console_sum_block(struct console *c,
			      const struct console_item *items, size_t nitems,
			      size_t from, const char *block)
{
	bool hide_zero =
		!console_block_walk(c, items, nitems, from, block, 0, false, 0);
	size_t width;

	width = console_block_walk(c, items, nitems, from, block, 1, hide_zero,
				   0);
	if (!width)
		return;
	console_printf(c, " %s:", block);
	console_block_walk(c, items, nitems, from, block, 2, hide_zero, width);
}

static void console_sum_schemas(struct console *c)
{
	struct console_item *items;
	size_t n = 0, i;
	uint32_t j;

	items = calloc(c->nsections + c->ntables + 1, sizeof(*items));
	if (!items)
		return;
	for (i = 0; i < c->nsections; i++) {
		const struct console_report *r = &c->sections[i];

		if (r->desc && (r->desc->flags & CPD_RDF_SUMMARY))
			items[n++] = (struct console_item){ r->desc, r, NULL };
	}
	for (i = 0; i < c->ntables; i++)
		if (c->tables[i]->desc &&
		    !console_table_nested(c, c->tables[i]->desc))
			items[n++] =
				(struct console_item){ c->tables[i]->desc, NULL,
						       c->tables[i] };
	qsort(items, n, sizeof(*items), console_item_cmp);
	for (i = 0; i < n; i++) {
		const struct cpd_report_desc *d = items[i].desc;

		if (items[i].table) {
			console_sum_table(c, items[i].table);
			continue;
		}
		/* a block is printed where its first key comes */
		for (j = 0; j < d->nkeys; j++) {
			const char *block = console_block_of(d, &d->keys[j]);

			if (console_key_line(&d->keys[j]) &&
			    console_block_first(items, i, j, block))
				console_sum_block(c, items, n, i, block);
		}
	}
	free(items);
}

/* ---- the summary -------------------------------------------------------- */

static void console_sum_subprocs(struct console *c)
{
	size_t i, len = 0, shown;

	if (!c->nsubprocs)
		return;
	shown = c->nsubprocs < CONSOLE_LIST_MAX ? c->nsubprocs :
						  CONSOLE_LIST_MAX;
	for (i = 0; i < shown; i++) {
		int n = snprintf(c->esc[1] + len, sizeof(c->esc[1]) - len,
				 "%s%s", i ? ", " : "", c->subprocs[i]);

		if (n < 0 || (size_t)n >= sizeof(c->esc[1]) - len)
			break;
		len += (size_t)n;
	}
	if (c->nsubprocs > shown)
		snprintf(c->esc[1] + len, sizeof(c->esc[1]) - len,
			 ", ... (%zu more)", c->nsubprocs - shown);
	console_printf(c, " Subprocesses: %s", c->esc[1]);
}

static void console_sum_lost(struct console *c)
{
	bool any = c->stats->events_dropped > 0;
	uint32_t k;

	for (k = 0; k <= CPD_EV_MAX; k++)
		any = any || c->lost[k];
	if (!any)
		return;
	console_printf(c, " Lost events:");
	for (k = 0; k <= CPD_EV_MAX; k++) {
		const char *kind = c->host->event_kind_name(k);
		struct cpd_str why = { 0 };

		if (!c->lost[k])
			continue;
		why.ptr = c->lost_reason[k];
		why.len = why.ptr ? (uint32_t)strlen(why.ptr) : 0;
		console_printf(c, "   %s: %" PRIu64 "%s%s%s", kind ? kind : "?",
			       c->lost[k], why.len ? " (" : "",
			       why.len ? console_esc(c, 1, &why) : "",
			       why.len ? ")" : "");
	}
	if (c->stats->events_dropped)
		console_printf(c, "   refused by the event bus: %" PRIu64,
			       c->stats->events_dropped);
}

/*
 * Whether the totals above can be trusted, when the engine has more to
 * say than that it saw every call: they were summed in the kernel, or
 * some of what it counted was lost.
 */
static void console_sum_totals(struct console *c)
{
	const struct cpd_trace_stats *st = c->stats;

	if (!CPD_HAS(st, bytes_unattributed))
		return;
	/* the same summary from either engine where nothing was lost */
	if (st->totals == CPD_TOTALS_KERNEL && !c->run->deterministic)
		console_printf(c, " Totals: exact (I/O summed in the kernel)");
	else if (st->totals == CPD_TOTALS_PARTIAL)
		console_printf(c,
			       " Totals: partial (%" PRIu64
			       " records lost, %" PRIu64
			       " bytes not attributed): lower bounds",
			       st->records_lost, st->bytes_unattributed);
}

static int console_section_cmp(const void *a, const void *b)
{
	const struct console_report *x = a, *y = b;
	int d;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	d = strcmp(x->topic, y->topic);
	if (d)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void console_summary(struct console *c)
{
	const struct cpd_trace_stats *st = c->stats;
	uint64_t elapsed = 0;
	size_t i;

	if (!c->run->deterministic && c->start_ns)
		elapsed = console_now() - c->start_ns;
	if (c->nsections)
		qsort(c->sections, c->nsections, sizeof(*c->sections),
		      console_section_cmp);

	console_printf(c, "%s", "");
	console_printf(c, "%s", console_sep);
	console_printf(c, " FINAL: %s (%.2fs)",
		       console_esc(c, 0, &c->run->command),
		       (double)elapsed / 1e9);
	console_printf(c, "%s", console_sep);
	console_problems(c);
	console_sum_schemas(c);
	for (i = 0; i < c->ntables; i++)
		if (!c->tables[i]->desc)
			console_sum_table(c, c->tables[i]);
	console_sum_subprocs(c);
	for (i = 0; i < c->nsections; i++)
		if (!c->sections[i].desc)
			console_section_generic(c, &c->sections[i]);
	console_sum_lost(c);
	console_sum_totals(c);
	/* the counts follow the libc and the seccomp filter: not for tests */
	if (!c->run->deterministic)
		console_printf(c,
			       " Syscalls: %" PRIu64 " seen, %" PRIu64
			       " ptrace stops",
			       st->syscalls_seen, st->ptrace_stops);
	if (st->root_exit_signal > 0) {
		const char *sig = c->host->signal_name(st->root_exit_signal);

		if (sig)
			console_printf(c, " Exit: killed by %s", sig);
		else
			console_printf(c, " Exit: killed by signal %d",
				       st->root_exit_signal);
	} else if (st->root_exit_code >= 0) {
		console_printf(c, " Exit: exit %d", st->root_exit_code);
	} else {
		console_printf(c, " Exit: unknown");
	}
	console_printf(c, "%s", console_sep);
}
