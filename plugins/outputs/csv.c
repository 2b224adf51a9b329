// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * csv: events as RFC 4180 CSV, one row per event, and optionally every
 * analyzer report as section,key,value rows in a second file. Several
 * instances may run, each narrowed with "events =". The columns are
 * documented in doc/outputs.md:
 *
 *   time_ns,seq,pid,tid,comm,category,type,<fields...>,details
 *
 * <fields...> is the union of the field names of the built-in kinds
 * (syscall, proc, file, net, mmap, fault, sched, blkio, lost) in the
 * order of the host's field tables, each name once; a cell is empty when
 * the event's kind has no such field. Custom kinds fill the columns whose
 * names they share and put their other fields into details.
 *
 * In the report file a row's keys are numbered "N.key" (N from 0 in each
 * table), and a report of an --interval period gets the period first:
 * "P:key" for a section, "P:N.key" for a row (N from 0 in each period).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "lib/escape.h"
#include "lib/evfield.h"
#include "lib/format.h"
#include "lib/instance.h"
#include "lib/outfile.h"

#define CSV_KINDS (CPD_EV_MAX + 1)
#define CSV_IOBUF (1u << 20)

struct csv_topic {
	char *name;
	uint64_t rows;
	uint32_t interval; /* of the rows counted */
};

struct csv {
	/* options */
	const char *path;
	const char *summary_path;
	bool neutralize;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t start_ns;
	bool deterministic; /* [core] deterministic: times are 0 */
	struct outfile out;
	struct outfile sum; /* closed without a summary_path */

	/* the union header */
	const char **cols;
	size_t ncols;
	/* per kind: for each column, the field index or -1; NULL until used */
	int *colmap[CSV_KINDS];
	/* per kind: the columns it fills, ascending, ending with -1 */
	int *filled[CSV_KINDS];
	/* per kind: the field rendered as "type", or NULL */
	const struct cpd_field *typefield[CSV_KINDS];
	/* per kind: it has fields with no column, shown in details */
	bool uncolumned[CSV_KINDS];

	struct escape_buf row;
	struct escape_buf cell;
	struct csv_topic *topics;
	size_t ntopics;
};

static const struct cpd_option csv_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .flags = CPD_OPTF_REQUIRED,
	  .offset = offsetof(struct csv, path),
	  .help = "CSV file to write the events to; - is stdout" },
	{ .name = "summary_path",
	  .type = CPD_OPT_PATH,
	  .offset = offsetof(struct csv, summary_path),
	  .help = "CSV file for the analyzer reports (section,key,value)" },
	{ .name = "neutralize_formulas",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct csv, neutralize),
	  .help = "prefix text cells starting with = + - @ tab or CR with '" },
	CPD_OPTION_END
};

/* The built-in kinds whose fields make up the fixed columns. */
static const uint32_t csv_col_kinds[] = {
	CPD_EV_SYSCALL, CPD_EV_PROC,  CPD_EV_FILE,  CPD_EV_NET,	 CPD_EV_MMAP,
	CPD_EV_FAULT,	CPD_EV_SCHED, CPD_EV_BLKIO, CPD_EV_LOST,
};

static const char *const csv_fixed[] = {
	"time_ns", "seq", "pid", "tid", "comm", "category", "type",
};

/* Either file failed: the error was said, and both stop. */
static bool csv_failed(const struct csv *c)
{
	return c->out.failed || c->sum.failed;
}

static void csv_write(struct csv *c, struct outfile *o, struct escape_buf *b)
{
	if (csv_failed(c))
		return;
	if (b->oom)
		outfile_error(o, ENOMEM);
	else
		outfile_write(o, b->p, b->len);
}

static bool csv_has_col(const struct csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->ncols; i++)
		if (!strcmp(c->cols[i], name))
			return true;
	return false;
}

static int csv_build_cols(struct csv *c)
{
	size_t k, cap = 0;
	uint32_t n, i;

	for (k = 0; k < sizeof(csv_col_kinds) / sizeof(csv_col_kinds[0]); k++) {
		c->host->event_fields(csv_col_kinds[k], &n);
		cap += n;
	}
	c->cols = calloc(cap ? cap : 1, sizeof(*c->cols));
	if (!c->cols)
		return -ENOMEM;
	for (k = 0; k < sizeof(csv_col_kinds) / sizeof(csv_col_kinds[0]); k++) {
		const struct cpd_field *f =
			c->host->event_fields(csv_col_kinds[k], &n);

		for (i = 0; f && i < n; i++)
			if (!csv_has_col(c, f[i].name))
				c->cols[c->ncols++] = f[i].name;
	}
	return 0;
}

static int csv_start(void *state)
{
	struct csv *c = state;
	size_t i;
	int rc;

	c->start_ns = c->host->run_info(c->inst)->start_ns;
	c->deterministic = c->host->run_info(c->inst)->deterministic;
	rc = csv_build_cols(c);
	if (rc < 0)
		return rc;
	rc = outfile_open(&c->out, c->host, c->inst, c->path, CSV_IOBUF, 0);
	if (rc < 0)
		return rc;
	if (c->summary_path && *c->summary_path) {
		rc = outfile_open(&c->sum, c->host, c->inst, c->summary_path,
				  CSV_IOBUF, 0);
		if (rc < 0)
			return rc;
	}
	escape_reset(&c->row);
	for (i = 0; i < sizeof(csv_fixed) / sizeof(csv_fixed[0]); i++)
		escape_printf(&c->row, "%s,", csv_fixed[i]);
	for (i = 0; i < c->ncols; i++)
		escape_printf(&c->row, "%s,", c->cols[i]);
	escape_puts(&c->row, "details\r\n");
	csv_write(c, &c->out, &c->row);
	if (c->sum.fp) {
		escape_reset(&c->row);
		escape_puts(&c->row, "section,key,value\r\n");
		csv_write(c, &c->sum, &c->row);
	}
	return csv_failed(c) ? -EIO : 0;
}

/* The column map of a kind, built on first use. */
static const int *csv_colmap(struct csv *c, uint32_t kind)
{
	const struct cpd_field *f;
	uint32_t n, i;
	size_t col;
	int *map;

	if (kind >= CSV_KINDS)
		return NULL;
	if (c->colmap[kind])
		return c->colmap[kind];
	f = c->host->event_fields(kind, &n);
	map = malloc((c->ncols ? c->ncols : 1) * sizeof(*map));
	if (!map)
		return NULL;
	for (col = 0; col < c->ncols; col++) {
		map[col] = -1;
		for (i = 0; f && i < n; i++)
			if (!strcmp(f[i].name, c->cols[col]))
				map[col] = (int)i;
	}
	for (i = 0; f && i < n; i++)
		if (!csv_has_col(c, f[i].name))
			c->uncolumned[kind] = true;
	c->typefield[kind] = evfield_key(c->host, kind,
					 EVFIELD_TYPE(CPD_FT_ENUM) |
						 EVFIELD_TYPE(CPD_FT_STR));
	c->filled[kind] = malloc((c->ncols + 1) * sizeof(int));
	if (!c->filled[kind]) {
		free(map);
		return NULL;
	}
	for (col = 0, i = 0; col < c->ncols; col++)
		if (map[col] >= 0)
			c->filled[kind][i++] = (int)col;
	c->filled[kind][i] = -1;
	c->colmap[kind] = map;
	return map;
}

/*
 * Append the text of field v to b, unescaped. Returns true for text
 * (which may be neutralised), false for numbers.
 */
static bool csv_value(const struct evfield *v, struct escape_buf *b)
{
	char buf[FORMAT_SOCKADDR_MAX];
	const char *elem;
	uint32_t pos = 0;
	size_t len;

	switch (v->field->type) {
	case CPD_FT_STR:
		escape_put(b, v->str->ptr, v->str->ptr ? v->str->len : 0);
		return true;
	case CPD_FT_STRV:
		/* the elements joined by spaces */
		while (evfield_strv_next(v->str, &pos, &elem, &len)) {
			if (elem != v->str->ptr)
				escape_putc(b, ' ');
			escape_put(b, elem, len);
		}
		return true;
	case CPD_FT_SOCKADDR:
		if (!v->empty) {
			format_sockaddr(v->sa, buf, sizeof(buf));
			escape_puts(b, buf);
		}
		return true;
	case CPD_FT_DOUBLE:
		escape_printf(b, "%.17g", v->d);
		return false;
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		if (v->empty)
			return false;
		if (v->name)
			escape_puts(b, v->name);
		else
			escape_s64(b, v->s);
		return false;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		escape_puts(b, v->name);
		return true;
	default: /* MODE and DEV as numbers too: a spreadsheet sums them */
		if (v->is_signed)
			escape_s64(b, v->s);
		else
			escape_u64(b, v->u);
		return false;
	}
}

static void csv_cell_field(struct csv *c, const struct cpd_event *ev,
			   const struct cpd_field *f)
{
	struct evfield v;
	bool text = false;

	escape_reset(&c->cell);
	if (evfield_decode(c->host, ev, f, &v))
		text = csv_value(&v, &c->cell);
	escape_csv_cell(&c->row, c->cell.p ? c->cell.p : "", c->cell.len,
			text && c->neutralize);
}

static void csv_commas(struct csv *c, size_t n)
{
	static const char commas[] = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
	size_t k;

	for (; n; n -= k) {
		k = n < sizeof(commas) - 1 ? n : sizeof(commas) - 1;
		escape_put(&c->row, commas, k);
	}
}

static void csv_cell_text(struct csv *c, const char *s, size_t n)
{
	escape_csv_cell(&c->row, s ? s : "", s ? n : 0, c->neutralize);
}

/* A field of a custom kind with no column of its name: "name=value". */
static void csv_detail(void *ctx, const struct evfield *v)
{
	struct csv *c = ctx;

	if (csv_has_col(c, v->field->name))
		return;
	if (c->cell.len)
		escape_putc(&c->cell, ' ');
	escape_puts(&c->cell, v->field->name);
	escape_putc(&c->cell, '=');
	csv_value(v, &c->cell);
}

/* details: the syscall line, or a custom kind's fields with no column. */
static void csv_details(struct csv *c, const struct cpd_event *ev)
{
	escape_reset(&c->cell);
	if (ev->kind == CPD_EV_SYSCALL) {
		char small[1024];
		size_t need = c->host->format_syscall(ev, small, sizeof(small));

		if (need < sizeof(small)) {
			escape_put(&c->cell, small, need);
		} else {
			char *big = malloc(need + 1);

			if (big) {
				c->host->format_syscall(ev, big, need + 1);
				escape_put(&c->cell, big, need);
				free(big);
			}
		}
	} else if (c->uncolumned[ev->kind]) {
		evfield_walk(c->host, ev, 0, csv_detail, c);
	}
	csv_cell_text(c, c->cell.p, c->cell.len);
}

static void csv_summary(struct csv *c, const struct cpd_ev_report *r)
{
	const char *sv;
	char idx[48] = "";
	size_t len = 0, t = 0;
	uint32_t i;

	if (r->flags & CPD_REPORTF_ROW) {
		for (t = 0; t < c->ntopics; t++)
			if (strlen(c->topics[t].name) == r->topic.len &&
			    !memcmp(c->topics[t].name, r->topic.ptr,
				    r->topic.len))
				break;
		if (t == c->ntopics) {
			struct csv_topic *nt =
				realloc(c->topics, (t + 1) * sizeof(*nt));

			if (!nt) {
				c->row.oom = true;
				return;
			}
			c->topics = nt;
			nt[t].rows = 0;
			nt[t].interval = 0;
			nt[t].name = strndup(r->topic.ptr ? r->topic.ptr : "",
					     r->topic.len);
			if (!nt[t].name) {
				c->row.oom = true;
				return;
			}
			c->ntopics++;
		}
		/* each period numbers its rows from 0 */
		if (c->topics[t].interval != r->interval) {
			c->topics[t].interval = r->interval;
			c->topics[t].rows = 0;
		}
	}
	if (r->flags & CPD_REPORTF_INTERVAL)
		len = (size_t)snprintf(idx, sizeof(idx), "%u:", r->interval);
	if (r->flags & CPD_REPORTF_ROW)
		snprintf(idx + len, sizeof(idx) - len, "%" PRIu64 ".",
			 c->topics[t].rows++);
	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		csv_cell_text(c, r->topic.ptr, r->topic.len);
		escape_putc(&c->row, ',');
		escape_reset(&c->cell);
		escape_printf(&c->cell, "%s%.*s", idx, (int)kv->key.len,
			      kv->key.ptr ? kv->key.ptr : "");
		csv_cell_text(c, c->cell.p, c->cell.len);
		escape_putc(&c->row, ',');
		switch (kv->type) {
		case CPD_KV_S64:
			escape_printf(&c->row, "%" PRId64, kv->v.s64);
			break;
		case CPD_KV_U64:
			escape_printf(&c->row, "%" PRIu64, kv->v.u64);
			break;
		case CPD_KV_DOUBLE:
			escape_printf(&c->row, "%.17g", kv->v.dbl);
			break;
		default:
			sv = kv->v.str.ptr ? kv->v.str.ptr : "";
			csv_cell_text(c, sv, kv->v.str.ptr ? kv->v.str.len : 0);
		}
		escape_puts(&c->row, "\r\n");
	}
}

static int csv_on_event(void *state, const struct cpd_event *ev)
{
	struct csv *c = state;
	const struct cpd_field *f;
	const char *kind;
	const int *map, *filled;
	uint32_t n = 0;
	size_t col, prev;

	if (!c->out.fp || csv_failed(c))
		return 0;
	escape_reset(&c->row);
	if (ev->kind == CPD_EV_REPORT) {
		if (!c->sum.fp)
			return 0;
		csv_summary(c, &ev->u.report);
		csv_write(c, &c->sum, &c->row);
		return csv_failed(c) ? -EIO : 0;
	}
	if (ev->kind == CPD_EV_NOTICE)
		return 0;
	f = c->host->event_fields(ev->kind, &n);
	map = csv_colmap(c, ev->kind);
	if (!map)
		return -ENOMEM;
	/* golden files compare byte for byte: no clock in them */
	escape_s64(&c->row,
		   c->deterministic ? 0 : (int64_t)(ev->ts_ns - c->start_ns));
	escape_putc(&c->row, ',');
	escape_u64(&c->row, ev->seq);
	escape_putc(&c->row, ',');
	escape_s64(&c->row, ev->pid);
	escape_putc(&c->row, ',');
	escape_s64(&c->row, ev->tid);
	escape_putc(&c->row, ',');
	csv_cell_text(c, ev->comm.ptr, ev->comm.len);
	escape_putc(&c->row, ',');
	kind = c->host->event_kind_name(ev->kind);
	csv_cell_text(c, kind, kind ? strlen(kind) : 0);
	escape_putc(&c->row, ',');
	if (c->typefield[ev->kind])
		csv_cell_field(c, ev, c->typefield[ev->kind]);
	/* a kind fills a few of the columns: the empty ones in one go */
	prev = 0;
	for (filled = c->filled[ev->kind]; f && *filled >= 0; filled++) {
		col = (size_t)*filled;
		csv_commas(c, col + 1 - prev);
		csv_cell_field(c, ev, &f[map[col]]);
		prev = col + 1;
	}
	csv_commas(c, c->ncols + 1 - prev);
	csv_details(c, ev);
	escape_puts(&c->row, "\r\n");
	csv_write(c, &c->out, &c->row);
	return csv_failed(c) ? -EIO : 0;
}

static int csv_flush(void *state)
{
	struct csv *c = state;
	int rc;

	/* already said: the rest of the trace must not repeat it */
	if (csv_failed(c))
		return 0;
	rc = outfile_flush(&c->out);
	if (!rc)
		rc = outfile_flush(&c->sum);
	return rc;
}

static int csv_stop(void *state)
{
	return csv_flush(state);
}

static void csv_release(void *state)
{
	struct csv *c = state;
	size_t i;

	outfile_close(&c->out);
	outfile_close(&c->sum);
	for (i = 0; i < CSV_KINDS; i++) {
		free(c->colmap[i]);
		free(c->filled[i]);
	}
	for (i = 0; i < c->ntopics; i++)
		free(c->topics[i].name);
	free(c->topics);
	free(c->cols);
	escape_free(&c->row);
	escape_free(&c->cell);
}

static const struct instance_type csv_type =
	INSTANCE_TYPE(struct csv, NULL, csv_release);

static int csv_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	return instance_init(&csv_type, inst, host, statep);
}

#define CSV_EVENTS                                           \
	((CPD_EVMASK_BUILTIN & ~CPD_EVMASK(CPD_EV_NOTICE)) | \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_OUTPUT, .name = "csv", .version = "1.0",
		.description =
			"events as RFC 4180 CSV, reports as section,key,value rows",
		.subscribe = CSV_EVENTS, .flags = CPD_PF_SYSCALL_VERBOSE,
		.options = csv_options, .init = csv_init, .start = csv_start,
		.on_event = csv_on_event, .flush = csv_flush, .stop = csv_stop,
		.fini = instance_fini, );
