// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The analyzers' reports: sections (titled lists of values) and the rows
 * of tables, kept as JSON text until the file is written. The host has
 * completed each report's labels and units from its schema; a table with
 * a schema has the schema's columns, which say which one names the row.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evjson.h"
#include "lib/report.h"

static void html_kv_value(struct html_data *d, struct escape_buf *b,
			  const struct cpd_kv *kv)
{
	switch (kv->type) {
	case CPD_KV_S64:
		if (kv->unit == CPD_UNIT_ADDR)
			escape_printf(b, "\"0x%" PRIx64 "\"",
				      (uint64_t)kv->v.s64);
		else if (kv->unit == CPD_UNIT_TIMESTAMP)
			escape_json_u64(b, html_rel(d, (uint64_t)kv->v.s64));
		else
			escape_json_s64(b, kv->v.s64);
		return;
	case CPD_KV_U64:
		if (kv->unit == CPD_UNIT_ADDR)
			escape_printf(b, "\"0x%" PRIx64 "\"", kv->v.u64);
		else if (kv->unit == CPD_UNIT_TIMESTAMP)
			escape_json_u64(b, html_rel(d, kv->v.u64));
		else
			escape_json_u64(b, kv->v.u64);
		return;
	case CPD_KV_DOUBLE:
		escape_json_double(b, kv->v.dbl);
		return;
	case CPD_KV_STR:
		evjson_cstr(b, &kv->v.str);
		return;
	default:
		escape_puts(b, "null");
		return;
	}
}

static void html_cs(struct escape_buf *b, const char *s)
{
	struct cpd_str str = { s, (uint32_t)strlen(s), 0 };

	evjson_cstr(b, &str);
}

/* ,"help":.. when the schema has a line about the key */
static void html_help(struct escape_buf *b, const struct cpd_report_key *k)
{
	if (!k || !k->help)
		return;
	escape_puts(b, ",\"help\":");
	html_cs(b, k->help);
}

/* {"key":..,"label":..,"unit":..} */
static void html_column(struct escape_buf *b, const struct cpd_kv *kv)
{
	escape_puts(b, "{\"key\":");
	evjson_cstr(b, &kv->key);
	escape_puts(b, ",\"label\":");
	if (kv->label.ptr)
		evjson_cstr(b, &kv->label);
	else
		evjson_cstr(b, &kv->key);
	escape_printf(b, ",\"unit\":\"%s\"}", html_unit_name(kv->unit));
}

/* A schema's column: the same, "identifies":true and "help":.. */
static void html_column_declared(struct escape_buf *b,
				 const struct cpd_report_key *k)
{
	escape_puts(b, "{\"key\":");
	html_cs(b, k->key);
	escape_puts(b, ",\"label\":");
	html_cs(b, k->label);
	escape_printf(b, ",\"unit\":\"%s\"", html_unit_name(k->unit));
	if (k->flags & CPD_RKF_KEY)
		escape_puts(b, ",\"identifies\":true");
	if (k->flags & CPD_RKF_SORT)
		escape_puts(b, ",\"sort\":true");
	if (k->flags & CPD_RKF_SUMMARY)
		escape_puts(b, ",\"summary\":true");
	if (k->flags & CPD_RKF_PART)
		escape_puts(b, ",\"part\":true");
	html_help(b, k);
	escape_putc(b, '}');
}

int html_report_section(struct html_data *d, const struct cpd_ev_report *r)
{
	const struct cpd_report_desc *desc = report_schema(d->host, r);
	uint64_t cap = d->nsections;
	const struct cpd_report_key *k;
	struct html_section *s;
	uint32_t i;

	/* sections is grown one at a time: there are a handful */
	if (html_grow(&d->sections, d->nsections, &cap, sizeof(*s)))
		return -ENOMEM;
	s = &d->sections[d->nsections];
	memset(s, 0, sizeof(*s));
	s->order = r->order;
	s->seq = d->nsections;
	escape_puts(&s->json, "{\"topic\":");
	evjson_cstr(&s->json, &r->topic);
	escape_puts(&s->json, ",\"title\":");
	evjson_cstr(&s->json, &r->title);
	escape_printf(&s->json, ",\"order\":%d,\"values\":[", r->order);
	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		if (i)
			escape_putc(&s->json, ',');
		escape_puts(&s->json, "{\"key\":");
		evjson_cstr(&s->json, &kv->key);
		escape_puts(&s->json, ",\"label\":");
		evjson_cstr(&s->json, kv->label.ptr ? &kv->label : &kv->key);
		escape_printf(&s->json, ",\"unit\":\"%s\",\"value\":",
			      html_unit_name(kv->unit));
		html_kv_value(d, &s->json, kv);
		k = report_schema_key(desc, kv->key.ptr, kv->key.len);
		html_help(&s->json, k);
		/* the viewer shows a detail beside the value before it, and
		 * leaves out a zero the schema calls noise, as the console */
		/* its place in the schema: a detail follows its figure there,
		 * whatever order the analyzer published them in */
		if (k)
			escape_printf(&s->json, ",\"pos\":%u",
				      (unsigned)(k - desc->keys));
		if (k && (k->flags & CPD_RKF_DETAIL))
			escape_puts(&s->json, ",\"detail\":true");
		if (k && (k->flags & CPD_RKF_NONZERO))
			escape_puts(&s->json, ",\"nonzero\":true");
		escape_putc(&s->json, '}');
	}
	escape_puts(&s->json, "]}");
	d->nsections++;
	if (s->json.oom)
		return -ENOMEM;
	return 0;
}

static bool html_str_eq(const struct cpd_str *s, const char *c)
{
	return s->ptr && strlen(c) == s->len && !memcmp(s->ptr, c, s->len);
}

/* Add a column called key, written by the caller into t->columns. */
static int html_table_key(struct html_table *t, const struct cpd_str *key)
{
	char **keys = realloc(t->keys, (t->nkeys + 1) * sizeof(*keys));
	char *copy = html_strndup(key);

	if (keys)
		t->keys = keys;
	if (!keys || !copy) {
		free(copy);
		return -ENOMEM;
	}
	t->keys[t->nkeys++] = copy;
	if (t->columns.len)
		escape_putc(&t->columns, ',');
	return 0;
}

static int html_table_column(struct html_table *t, const struct cpd_kv *kv)
{
	if (html_table_key(t, &kv->key))
		return -ENOMEM;
	html_column(&t->columns, kv);
	return 0;
}

/* A table with a schema has its columns, in its order, from the start. */
static int html_table_declared(struct html_table *t,
			       const struct cpd_report_desc *desc)
{
	uint32_t i;

	for (i = 0; i < desc->nkeys; i++) {
		const struct cpd_report_key *k = &desc->keys[i];
		struct cpd_str key = { k->key, (uint32_t)strlen(k->key), 0 };

		if (html_table_key(t, &key))
			return -ENOMEM;
		html_column_declared(&t->columns, k);
	}
	return 0;
}

static struct html_table *html_table_get(struct html_data *d,
					 const struct cpd_ev_report *r)
{
	const struct cpd_report_desc *desc;
	uint64_t cap = d->ntables;
	struct html_table *t;
	uint32_t i;

	for (i = 0; i < d->ntables; i++)
		if (html_str_eq(&r->topic, d->tables[i].topic))
			return &d->tables[i];
	if (html_grow(&d->tables, d->ntables, &cap, sizeof(*t)))
		return NULL;
	t = &d->tables[d->ntables];
	memset(t, 0, sizeof(*t));
	t->topic = html_strndup(&r->topic);
	t->title = html_strndup(&r->title);
	t->order = r->order;
	if (!t->topic) {
		free(t->title);
		return NULL;
	}
	/* counted now: html_data_free() frees what a failure leaves */
	d->ntables++;
	desc = report_schema(d->host, r);
	if (desc && html_table_declared(t, desc))
		return NULL;
	return t;
}

/*
 * One row of a table. Columns are the schema's keys, or without one the
 * first row's keys; a key a later row brings is appended as a column
 * (rows before it are shorter).
 */
int html_report_row(struct html_data *d, const struct cpd_ev_report *r)
{
	struct html_table *t = html_table_get(d, r);
	uint32_t i, k;
	bool *used;

	if (!t)
		return -ENOMEM;
	used = calloc(r->nkv + 1, sizeof(*used));
	if (!used)
		return -ENOMEM;
	for (i = 0; i < r->nkv; i++) {
		for (k = 0; k < t->nkeys; k++)
			if (html_str_eq(&r->kv[i].key, t->keys[k]))
				break;
		if (k < t->nkeys || !r->kv[i].key.ptr)
			continue;
		if (html_table_column(t, &r->kv[i])) {
			free(used);
			return -ENOMEM;
		}
	}
	if (t->nrows)
		escape_putc(&t->rows, ',');
	escape_putc(&t->rows, '[');
	for (k = 0; k < t->nkeys; k++) {
		if (k)
			escape_putc(&t->rows, ',');
		for (i = 0; i < r->nkv; i++)
			if (!used[i] && html_str_eq(&r->kv[i].key, t->keys[k]))
				break;
		if (i < r->nkv) {
			used[i] = true;
			html_kv_value(d, &t->rows, &r->kv[i]);
		} else {
			escape_puts(&t->rows, "null");
		}
	}
	escape_putc(&t->rows, ']');
	t->nrows++;
	free(used);
	return t->rows.oom || t->columns.oom ? -ENOMEM : 0;
}
