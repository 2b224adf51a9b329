// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "reports.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "evcopy.h"
#include "base/xmalloc.h"

/* ---- checking a schema -------------------------------------------------- */

#define RKF_ALL                                                             \
	(CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO | CPD_RKF_KEY | \
	 CPD_RKF_SORT | CPD_RKF_ALIGN | CPD_RKF_PART)
#define RKF_SECTION (CPD_RKF_DETAIL | CPD_RKF_NONZERO | CPD_RKF_ALIGN)
#define RKF_TABLE   (CPD_RKF_KEY | CPD_RKF_SORT | CPD_RKF_PART)
#define RDF_ALL	    (CPD_RDF_TABLE | CPD_RDF_SUMMARY | CPD_RDF_COLUMNS)

static const char *const reports_flag_names[] = {
	"CPD_RKF_SUMMARY", "CPD_RKF_DETAIL", "CPD_RKF_NONZERO", "CPD_RKF_KEY",
	"CPD_RKF_SORT",	   "CPD_RKF_ALIGN",  "CPD_RKF_PART",
};

static const char *reports_flag_name(uint32_t bit)
{
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(reports_flag_names); i++)
		if (bit == 1u << i)
			return reports_flag_names[i];
	return "?";
}

const char *reports_type_name(uint32_t type)
{
	switch (type) {
	case CPD_KV_S64:
		return "s64";
	case CPD_KV_U64:
		return "u64";
	case CPD_KV_DOUBLE:
		return "double";
	case CPD_KV_STR:
		return "string";
	}
	return NULL;
}

const char *reports_unit_name(uint32_t unit)
{
	static const char *const names[] = {
		"none", "bytes", "ns", "count", "addr", "percent", "timestamp",
	};

	return unit < ARRAY_SIZE(names) ? names[unit] : NULL;
}

/*
 * A topic: [a-z0-9_] parts joined by single dots, as topics are written
 * in csv and jsonl and matched by tests and scripts.
 */
static bool reports_valid_topic(const char *t)
{
	size_t n;

	for (n = 0; t[n]; n++) {
		char c = t[n];

		if (n >= REPORTS_TOPIC_MAX)
			return false;
		if (c == '.') {
			if (!n || t[n - 1] == '.' || !t[n + 1])
				return false;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			     c == '_')) {
			return false;
		}
	}
	return n > 0;
}

static bool reports_valid_key(const char *k)
{
	size_t n;

	for (n = 0; k[n]; n++)
		if (n >= REPORTS_TOPIC_MAX ||
		    !((k[n] >= 'a' && k[n] <= 'z') ||
		      (k[n] >= '0' && k[n] <= '9') || k[n] == '_'))
			return false;
	return n > 0;
}

const struct cpd_report_key *reports_key(const struct cpd_report_desc *d,
					 const char *name, size_t len)
{
	uint32_t i;

	for (i = 0; i < d->nkeys; i++)
		if (strlen(d->keys[i].key) == len &&
		    !memcmp(d->keys[i].key, name, len))
			return &d->keys[i];
	return NULL;
}

/*
 * A row template: {key}, {key|a=x|b=y}, {{ and }}, naming only columns
 * of d. 0, or -EINVAL with the problem in why.
 */
static int reports_check_template(const struct cpd_report_desc *d, char *why,
				  size_t whylen)
{
	const char *p = d->summary_row, *end, *name, *bar, *q;

	while (*p) {
		if (*p == '}') {
			if (p[1] != '}') {
				snprintf(
					why, whylen,
					"a '}' at %zu closes nothing (write }} for a brace)",
					(size_t)(p - d->summary_row));
				return -EINVAL;
			}
			p += 2;
			continue;
		}
		if (*p != '{') {
			p++;
			continue;
		}
		if (p[1] == '{') {
			p += 2;
			continue;
		}
		name = p + 1;
		end = strchr(name, '}');
		q = strchr(name, '{');
		if (!end || (q && q < end)) {
			snprintf(why, whylen, "the '{' at %zu is not closed",
				 (size_t)(p - d->summary_row));
			return -EINVAL;
		}
		bar = memchr(name, '|', (size_t)(end - name));
		if (!reports_key(d, name, (size_t)((bar ? bar : end) - name))) {
			snprintf(why, whylen, "{%.*s} names no column",
				 (int)((bar ? bar : end) - name), name);
			return -EINVAL;
		}
		/* each map entry: a=x (a may be empty, or * for any value) */
		while (bar) {
			const char *next =
				memchr(bar + 1, '|', (size_t)(end - bar - 1));
			const char *stop = next ? next : end;
			const char *eq =
				memchr(bar + 1, '=', (size_t)(stop - bar - 1));

			if (!eq) {
				snprintf(why, whylen,
					 "'%.*s' in {%.*s} is not value=text",
					 (int)(stop - bar - 1), bar + 1,
					 (int)(end - name), name);
				return -EINVAL;
			}
			bar = next;
		}
		p = end + 1;
	}
	return 0;
}

static int reports_check_key(const struct cpd_report_desc *d, uint32_t i,
			     char *why, size_t whylen)
{
	const struct cpd_report_key *k = &d->keys[i];
	bool table = d->flags & CPD_RDF_TABLE;
	uint32_t bad, numeric, j;

	if (!k->key || !reports_valid_key(k->key)) {
		snprintf(
			why, whylen,
			"report '%s': key %u has no name of [a-z0-9_]+ (at most %d characters)",
			d->topic, i, REPORTS_TOPIC_MAX);
		return -EINVAL;
	}
	for (j = 0; j < i; j++) {
		if (!strcmp(d->keys[j].key, k->key)) {
			snprintf(why, whylen,
				 "report '%s': key '%s' is declared twice",
				 d->topic, k->key);
			return -EINVAL;
		}
	}
	if (!k->label || !*k->label) {
		snprintf(why, whylen, "report '%s': key '%s' has no label",
			 d->topic, k->key);
		return -EINVAL;
	}
	if (!reports_type_name(k->type)) {
		snprintf(why, whylen,
			 "report '%s': key '%s' has unknown type %u", d->topic,
			 k->key, k->type);
		return -EINVAL;
	}
	if (!reports_unit_name(k->unit)) {
		snprintf(why, whylen,
			 "report '%s': key '%s' has unknown unit %u", d->topic,
			 k->key, k->unit);
		return -EINVAL;
	}
	if (k->flags & ~RKF_ALL) {
		snprintf(why, whylen,
			 "report '%s': key '%s' has unknown flags 0x%x",
			 d->topic, k->key, k->flags & ~RKF_ALL);
		return -EINVAL;
	}
	bad = k->flags & (table ? RKF_SECTION : RKF_TABLE);
	if (bad) {
		snprintf(why, whylen,
			 "report '%s': key '%s': %s is for %s only", d->topic,
			 k->key, reports_flag_name(bad & -bad),
			 table ? "sections" : "tables");
		return -EINVAL;
	}
	if (k->group && (table || !*k->group)) {
		snprintf(
			why, whylen, "report '%s': key '%s': %s", d->topic,
			k->key,
			table ? "a group is for sections only" :
				"its group is empty (NULL: the report's title)");
		return -EINVAL;
	}
	numeric = k->flags & (CPD_RKF_SORT | CPD_RKF_NONZERO | CPD_RKF_PART);
	if (numeric && k->type == CPD_KV_STR) {
		snprintf(
			why, whylen,
			"report '%s': key '%s': %s needs a number, not a string",
			d->topic, k->key,
			reports_flag_name(numeric & -numeric));
		return -EINVAL;
	}
	if (k->flags & CPD_RKF_PART) {
		/* parts of one whole: one unit, or the bar adds apples */
		for (j = 0; j < i; j++) {
			if ((d->keys[j].flags & CPD_RKF_PART) &&
			    d->keys[j].unit != k->unit) {
				snprintf(
					why, whylen,
					"report '%s': key '%s': CPD_RKF_PART in %s, but '%s' is a part in %s",
					d->topic, k->key,
					reports_unit_name(k->unit),
					d->keys[j].key,
					reports_unit_name(d->keys[j].unit));
				return -EINVAL;
			}
		}
	}
	if (k->flags & CPD_RKF_DETAIL) {
		const struct cpd_report_key *prev = NULL;

		/* the line it is shown on: the summary key before it */
		for (j = i; j-- > 0;) {
			if ((d->keys[j].flags & CPD_RKF_SUMMARY) &&
			    !(d->keys[j].flags & CPD_RKF_DETAIL)) {
				prev = &d->keys[j];
				break;
			}
		}
		if (!(k->flags & CPD_RKF_SUMMARY) || !prev ||
		    (prev->group != k->group &&
		     (!prev->group || !k->group ||
		      strcmp(prev->group, k->group)))) {
			snprintf(
				why, whylen,
				"report '%s': key '%s': CPD_RKF_DETAIL needs CPD_RKF_SUMMARY and a summary key before it in the same block",
				d->topic, k->key);
			return -EINVAL;
		}
	}
	return 0;
}

static int reports_check_one(const struct cpd_report_desc *d, char *why,
			     size_t whylen)
{
	bool table = d->flags & CPD_RDF_TABLE, any = false;
	char reason[256];
	uint32_t i;
	int rc;

	if (!reports_valid_topic(d->topic)) {
		snprintf(
			why, whylen,
			"report topic '%.*s' is not [a-z0-9_] words joined by single dots (at most %d characters)",
			REPORTS_TOPIC_MAX + 1, d->topic, REPORTS_TOPIC_MAX);
		return -EINVAL;
	}
	if (!d->title || !*d->title) {
		snprintf(why, whylen, "report '%s' has no title", d->topic);
		return -EINVAL;
	}
	if (d->flags & ~RDF_ALL) {
		snprintf(why, whylen, "report '%s' has unknown flags 0x%x",
			 d->topic, d->flags & ~RDF_ALL);
		return -EINVAL;
	}
	if (!d->keys || !d->nkeys || d->nkeys > REPORTS_KEYS_MAX) {
		snprintf(
			why, whylen,
			"report '%s' has %u keys: it needs 1 to %d, and keys set",
			d->topic, d->keys ? d->nkeys : 0, REPORTS_KEYS_MAX);
		return -EINVAL;
	}
	for (i = 0; i < d->nkeys; i++) {
		rc = reports_check_key(d, i, why, whylen);
		if (rc < 0)
			return rc;
		any = any || (d->keys[i].flags & CPD_RKF_SUMMARY);
	}
	if (!table && (d->flags & CPD_RDF_COLUMNS)) {
		snprintf(why, whylen,
			 "report '%s': CPD_RDF_COLUMNS is for tables only",
			 d->topic);
		return -EINVAL;
	}
	if (!table && (d->summary_row || d->summary_rows)) {
		snprintf(
			why, whylen,
			"report '%s': summary_row and summary_rows are for tables only",
			d->topic);
		return -EINVAL;
	}
	if ((d->flags & CPD_RDF_SUMMARY) && !any && !d->summary_row) {
		snprintf(
			why, whylen,
			"report '%s' is in the summary (CPD_RDF_SUMMARY) but none of its keys is (CPD_RKF_SUMMARY)",
			d->topic);
		return -EINVAL;
	}
	if (d->summary_row &&
	    reports_check_template(d, reason, sizeof(reason))) {
		snprintf(why, whylen, "report '%s': summary_row \"%s\": %s",
			 d->topic, d->summary_row, reason);
		return -EINVAL;
	}
	return 0;
}

int reports_check(const struct cpd_report_desc *reports, char *why,
		  size_t whylen)
{
	size_t i, j;
	int rc;

	for (i = 0; reports && reports[i].topic; i++) {
		if (i == REPORTS_MAX) {
			snprintf(
				why, whylen,
				"more than %d reports: does the list end with CPD_REPORT_END?",
				REPORTS_MAX);
			return -EINVAL;
		}
		rc = reports_check_one(&reports[i], why, whylen);
		if (rc < 0)
			return rc;
		for (j = 0; j < i; j++) {
			if (!strcmp(reports[j].topic, reports[i].topic)) {
				snprintf(why, whylen,
					 "report '%s' is declared twice",
					 reports[i].topic);
				return -EINVAL;
			}
		}
	}
	return 0;
}

/* ---- the topics of the loaded plugins ---------------------------------- */

struct reports_entry {
	const char *owner;
	const struct cpd_report_desc *desc;
};

static struct reports_entry *reports_tab;
static size_t reports_n, reports_cap;

const struct cpd_report_desc *reports_find(const char *topic, size_t len,
					   const char **owner)
{
	size_t i;

	for (i = 0; topic && i < reports_n; i++) {
		const char *t = reports_tab[i].desc->topic;

		if (strlen(t) == len && !memcmp(t, topic, len)) {
			if (owner)
				*owner = reports_tab[i].owner;
			return reports_tab[i].desc;
		}
	}
	return NULL;
}

int reports_add(const char *owner, const struct cpd_report_desc *reports,
		char *why, size_t whylen)
{
	const char *other;
	size_t i;

	for (i = 0; reports && reports[i].topic; i++) {
		if (reports_find(reports[i].topic, strlen(reports[i].topic),
				 &other)) {
			snprintf(
				why, whylen,
				"report topic '%s' is declared by plugin '%s' already",
				reports[i].topic, other);
			return -EEXIST;
		}
	}
	for (i = 0; reports && reports[i].topic; i++) {
		reports_tab = xgrow(reports_tab, &reports_cap, reports_n,
				    sizeof(*reports_tab));
		reports_tab[reports_n].owner = owner;
		reports_tab[reports_n].desc = &reports[i];
		reports_n++;
	}
	return 0;
}

void reports_reset(void)
{
	free(reports_tab);
	reports_tab = NULL;
	reports_n = reports_cap = 0;
}

/* ---- checking a published report ---------------------------------------- */

int reports_complete(const char *publisher, const struct cpd_event *ev,
		     size_t in_size, struct cpd_event *out, struct cpd_kv **kvp,
		     char *why, size_t whylen)
{
	const struct cpd_ev_report *rep = &out->u.report;
	const struct cpd_report_desc *d;
	const char *owner = NULL;
	struct cpd_kv *kv;
	uint32_t i, j;
	int rc;

	*kvp = NULL;
	memset(out, 0, sizeof(*out));
	memcpy(out, ev, MIN(in_size, sizeof(*out)));
	rc = evcopy_check(ev, in_size, why, whylen);
	if (rc < 0)
		return rc;
	d = reports_find(rep->topic.ptr, rep->topic.len, &owner);
	if (!d)
		return 0;
	if (strcmp(owner, publisher)) {
		snprintf(why, whylen,
			 "report '%s' is declared by plugin '%s', not by '%s'",
			 d->topic, owner, publisher);
		return -EPERM;
	}
	if (!(rep->flags & CPD_REPORTF_ROW) != !(d->flags & CPD_RDF_TABLE)) {
		snprintf(why, whylen,
			 "report '%s' is declared a %s but published as a %s",
			 d->topic,
			 d->flags & CPD_RDF_TABLE ? "table" : "section",
			 rep->flags & CPD_REPORTF_ROW ? "row" : "section");
		return -EINVAL;
	}
	kv = xcalloc(rep->nkv ? rep->nkv : 1, sizeof(*kv));
	for (i = 0; i < rep->nkv; i++) {
		const struct cpd_kv *in = &rep->kv[i];
		const struct cpd_report_key *k =
			reports_key(d, in->key.ptr, in->key.len);

		if (!k) {
			snprintf(
				why, whylen,
				"report '%s' of plugin '%s': key '%.*s' is not in its schema",
				d->topic, publisher, (int)MIN(in->key.len, 64u),
				in->key.ptr);
			goto err_free;
		}
		for (j = 0; j < i; j++) {
			if (kv[j].key.len == in->key.len &&
			    !memcmp(kv[j].key.ptr, in->key.ptr, in->key.len)) {
				snprintf(
					why, whylen,
					"report '%s' of plugin '%s': key '%s' is given twice",
					d->topic, publisher, k->key);
				goto err_free;
			}
		}
		if (in->type != k->type) {
			snprintf(
				why, whylen,
				"report '%s' of plugin '%s': key '%s' is a %s, its schema says %s",
				d->topic, publisher, k->key,
				reports_type_name(in->type),
				reports_type_name(k->type));
			goto err_free;
		}
		if (in->unit && in->unit != k->unit) {
			snprintf(
				why, whylen,
				"report '%s' of plugin '%s': key '%s' is in %s, its schema says %s",
				d->topic, publisher, k->key,
				reports_unit_name(in->unit) ?
					reports_unit_name(in->unit) :
					"an unknown unit",
				reports_unit_name(k->unit));
			goto err_free;
		}
		kv[i] = *in;
		kv[i].label.ptr = k->label;
		kv[i].label.len = (uint32_t)strlen(k->label);
		kv[i].label.flags = 0;
		kv[i].unit = k->unit;
	}
	out->u.report.title.ptr = d->title;
	out->u.report.title.len = (uint32_t)strlen(d->title);
	out->u.report.title.flags = 0;
	out->u.report.order = d->order;
	out->u.report.kv = kv;
	*kvp = kv;
	return 0;

err_free:
	free(kv);
	return -EINVAL;
}

/* ---- listing ----------------------------------------------------------- */

static void reports_print_flags(FILE *fp, uint32_t flags)
{
	static const char *const words[] = {
		"summary", "detail", "nonzero", "key", "sort", "align", "part",
	};
	char buf[64] = "";
	size_t i, len = 0;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (flags & (1u << i))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s", len ? "," : "",
						words[i]);
	fprintf(fp, "  %-16s", len ? buf : "-");
}

void reports_print(FILE *fp, const char *owner,
		   const struct cpd_report_desc *reports)
{
	const struct cpd_report_desc *d;
	uint32_t i;

	for (d = reports; d && d->topic; d++) {
		fprintf(fp, "%s: %s\n", d->topic, d->title);
		fprintf(fp, "    %s of %s, order %d",
			d->flags & CPD_RDF_TABLE ? "table" : "section", owner,
			d->order);
		if ((d->flags & CPD_RDF_SUMMARY) && d->summary_row)
			fprintf(fp, ", in the summary as \"%s\"",
				d->summary_row);
		else if (d->flags & CPD_RDF_SUMMARY)
			fprintf(fp, ", in the summary");
		if ((d->flags & (CPD_RDF_SUMMARY | CPD_RDF_TABLE)) ==
		    (CPD_RDF_SUMMARY | CPD_RDF_TABLE))
			fprintf(fp, " (%u rows)",
				d->summary_rows ? d->summary_rows : 10);
		fputc('\n', fp);
		if (d->help)
			fprintf(fp, "    %s\n", d->help);
		for (i = 0; i < d->nkeys; i++) {
			const struct cpd_report_key *k = &d->keys[i];

			fprintf(fp, "    %-22s %-6s %-9s", k->key,
				reports_type_name(k->type),
				reports_unit_name(k->unit));
			reports_print_flags(fp, k->flags);
			fprintf(fp, " %s", k->label);
			if (k->group)
				fprintf(fp, " (in %s)", k->group);
			fputc('\n', fp);
			if (k->help)
				fprintf(fp, "        %s\n", k->help);
		}
	}
}
