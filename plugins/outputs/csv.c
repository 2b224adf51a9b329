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
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "lib/escape.h"
#include "lib/format.h"

#define CSV_KINDS (CPD_EV_MAX + 1)
#define CSV_IOBUF (1u << 20)

struct csv_topic {
	char *name;
	uint64_t rows;
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
	FILE *out;
	FILE *sum;
	char *iobuf;
	char *sum_iobuf;
	bool failed;

	/* the union header */
	const char **cols;
	size_t ncols;
	/* per kind: for each column, the field index or -1; NULL until used */
	int *colmap[CSV_KINDS];
	uint8_t *incol[CSV_KINDS]; /* per kind: field i has a column */
	/* per kind: the columns it fills, ascending, ending with -1 */
	int *filled[CSV_KINDS];
	/* per kind: the field rendered as "type", or -1 */
	int typefield[CSV_KINDS];

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

static int csv_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	struct csv *c = calloc(1, sizeof(*c));
	size_t k;
	int rc;

	if (!c)
		return -ENOMEM;
	c->host = host;
	c->inst = inst;
	rc = host->apply_options(inst, c);
	if (rc < 0) {
		free(c);
		return rc;
	}
	for (k = 0; k < CSV_KINDS; k++)
		c->typefield[k] = -1;
	*statep = c;
	return 0;
}

static FILE *csv_open(struct csv *c, const char *path, char **iobuf)
{
	FILE *f;

	if (!strcmp(path, "-"))
		return stdout;
	f = fopen(path, "we");
	if (!f) {
		int err = errno;

		c->host->log(c->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     path, strerror(err));
		errno = err;
		return NULL;
	}
	*iobuf = malloc(CSV_IOBUF);
	if (*iobuf)
		setvbuf(f, *iobuf, _IOFBF, CSV_IOBUF);
	return f;
}

static void csv_write(struct csv *c, FILE *f, const char *path,
		      struct escape_buf *b)
{
	if (c->failed)
		return;
	if (b->oom) {
		c->host->log(c->inst, CPD_LOG_ERROR,
			     "out of memory writing '%s'", path);
		c->failed = true;
		return;
	}
	if (fwrite(b->p, 1, b->len, f) != b->len) {
		c->host->log(c->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     path, strerror(errno));
		c->failed = true;
	}
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
	c->out = csv_open(c, c->path, &c->iobuf);
	if (!c->out)
		return -errno;
	if (c->summary_path && *c->summary_path) {
		c->sum = csv_open(c, c->summary_path, &c->sum_iobuf);
		if (!c->sum)
			return -errno;
	}
	escape_reset(&c->row);
	for (i = 0; i < sizeof(csv_fixed) / sizeof(csv_fixed[0]); i++)
		escape_printf(&c->row, "%s,", csv_fixed[i]);
	for (i = 0; i < c->ncols; i++)
		escape_printf(&c->row, "%s,", c->cols[i]);
	escape_puts(&c->row, "details\r\n");
	csv_write(c, c->out, c->path, &c->row);
	if (c->sum) {
		escape_reset(&c->row);
		escape_puts(&c->row, "section,key,value\r\n");
		csv_write(c, c->sum, c->summary_path, &c->row);
	}
	return c->failed ? -EIO : 0;
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
	for (i = 0; f && i < n; i++) {
		if (!(f[i].flags & CPD_FIELDF_KEY))
			continue;
		if (f[i].type == CPD_FT_ENUM || f[i].type == CPD_FT_STR) {
			c->typefield[kind] = (int)i;
			break;
		}
	}
	/* which fields have a column, so details need not look them up */
	c->incol[kind] = calloc(n ? n : 1, 1);
	for (i = 0; c->incol[kind] && f && i < n; i++)
		c->incol[kind][i] = csv_has_col(c, f[i].name);
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

/* Append the text of a string list: its elements joined by spaces. */
static void csv_strv(struct escape_buf *b, const struct cpd_str *s)
{
	uint32_t i, len = s->len;

	/* a trailing NUL ends the last element, it adds none */
	if (len && s->ptr[len - 1] == '\0')
		len--;
	for (i = 0; i < len; i++)
		escape_putc(b, s->ptr[i] ? s->ptr[i] : ' ');
}

/*
 * Render field f of ev into b, unescaped. Returns true for text (which
 * may be neutralised), false for numbers.
 */
static bool csv_field_text(struct csv *c, const struct cpd_event *ev,
			   const struct cpd_field *f, struct escape_buf *b)
{
	const char *at = (const char *)ev + f->offset;
	char buf[512];
	const char *name;
	uint64_t u = 0;
	int64_t s = 0;
	int32_t i32;
	uint32_t u32;
	uint16_t u16;
	double d;

	switch (f->type) {
	case CPD_FT_STR: {
		const struct cpd_str *str = (const void *)at;

		escape_put(b, str->ptr, str->ptr ? str->len : 0);
		return true;
	}
	case CPD_FT_STRV: {
		const struct cpd_str *str = (const void *)at;

		if (str->ptr)
			csv_strv(b, str);
		return true;
	}
	case CPD_FT_SOCKADDR: {
		const struct cpd_sockaddr *sa = (const void *)at;

		if (sa->family) {
			format_sockaddr(sa, buf, sizeof(buf));
			escape_puts(b, buf);
		}
		return true;
	}
	case CPD_FT_S64:
		memcpy(&s, at, 8);
		escape_s64(b, s);
		return false;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&u, at, 8);
		escape_u64(b, u);
		return false;
	case CPD_FT_DOUBLE:
		memcpy(&d, at, 8);
		escape_printf(b, "%.17g", d);
		return false;
	case CPD_FT_U16:
		memcpy(&u16, at, 2);
		escape_u64(b, u16);
		return false;
	case CPD_FT_S32:
	case CPD_FT_FD:
		memcpy(&i32, at, 4);
		escape_s64(b, i32);
		return false;
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		memcpy(&i32, at, 4);
		if (!i32)
			return false;
		name = f->type == CPD_FT_ERRNO ? c->host->errno_name(i32) :
						 c->host->signal_name(i32);
		if (name)
			escape_puts(b, name);
		else
			escape_s64(b, i32);
		return false;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		memcpy(&u32, at, 4);
		c->host->format_xlat(f->xlat, u32, buf, sizeof(buf));
		escape_puts(b, buf);
		return true;
	default: /* U32, MODE, DEV and types newer than us */
		memcpy(&u32, at, 4);
		escape_u64(b, u32);
		return false;
	}
}

static void csv_cell_field(struct csv *c, const struct cpd_event *ev,
			   const struct cpd_field *f)
{
	bool text;

	escape_reset(&c->cell);
	text = csv_field_text(c, ev, f, &c->cell);
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

/* details: the syscall line, or a custom kind's fields with no column. */
static void csv_details(struct csv *c, const struct cpd_event *ev,
			const struct cpd_field *f, uint32_t n)
{
	uint32_t i;

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
	} else {
		const uint8_t *incol =
			ev->kind < CSV_KINDS ? c->incol[ev->kind] : NULL;

		for (i = 0; f && i < n; i++) {
			if (incol ? incol[i] : csv_has_col(c, f[i].name))
				continue;
			if (c->cell.len)
				escape_putc(&c->cell, ' ');
			escape_puts(&c->cell, f[i].name);
			escape_putc(&c->cell, '=');
			csv_field_text(c, ev, &f[i], &c->cell);
		}
	}
	csv_cell_text(c, c->cell.p, c->cell.len);
}

static void csv_summary(struct csv *c, const struct cpd_ev_report *r)
{
	const char *sv;
	char idx[32] = "";
	uint32_t i;
	size_t t;

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
			nt[t].name = strndup(r->topic.ptr ? r->topic.ptr : "",
					     r->topic.len);
			if (!nt[t].name) {
				c->row.oom = true;
				return;
			}
			c->ntopics++;
		}
		snprintf(idx, sizeof(idx), "%" PRIu64 ".", c->topics[t].rows++);
	}
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

	if (!c->out || c->failed)
		return 0;
	escape_reset(&c->row);
	if (ev->kind == CPD_EV_REPORT) {
		if (!c->sum)
			return 0;
		csv_summary(c, &ev->u.report);
		csv_write(c, c->sum, c->summary_path, &c->row);
		return c->failed ? -EIO : 0;
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
	if (f && c->typefield[ev->kind] >= 0)
		csv_cell_field(c, ev, &f[c->typefield[ev->kind]]);
	/* a kind fills a few of the columns: the empty ones in one go */
	prev = 0;
	for (filled = c->filled[ev->kind]; f && *filled >= 0; filled++) {
		col = (size_t)*filled;
		csv_commas(c, col + 1 - prev);
		csv_cell_field(c, ev, &f[map[col]]);
		prev = col + 1;
	}
	csv_commas(c, c->ncols + 1 - prev);
	csv_details(c, ev, f, n);
	escape_puts(&c->row, "\r\n");
	csv_write(c, c->out, c->path, &c->row);
	return c->failed ? -EIO : 0;
}

/* A write that failed at flush time (disk full): said once, with the file. */
static int csv_flush_file(struct csv *c, FILE *f, const char *path)
{
	int err;

	if (!f || !fflush(f))
		return 0;
	err = errno ? errno : EIO;
	c->host->log(c->inst, CPD_LOG_ERROR, "cannot write '%s': %s", path,
		     strerror(err));
	c->failed = true;
	return -err;
}

static int csv_flush(void *state)
{
	struct csv *c = state;
	int rc;

	/* already said: the rest of the trace must not repeat it */
	if (c->failed)
		return 0;
	rc = csv_flush_file(c, c->out, c->path);
	if (!rc)
		rc = csv_flush_file(c, c->sum, c->summary_path);
	return rc;
}

static int csv_stop(void *state)
{
	return csv_flush(state);
}

static void csv_close(struct csv *c, FILE *f, const char *path)
{
	if (!f)
		return;
	if (f == stdout) {
		fflush(f);
		return;
	}
	if (fclose(f) && !c->failed)
		c->host->log(c->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     path, strerror(errno));
}

static void csv_fini(void *state)
{
	struct csv *c = state;
	size_t i;

	csv_close(c, c->out, c->path);
	csv_close(c, c->sum, c->summary_path);
	free(c->iobuf);
	free(c->sum_iobuf);
	for (i = 0; i < CSV_KINDS; i++) {
		free(c->colmap[i]);
		free(c->incol[i]);
		free(c->filled[i]);
	}
	for (i = 0; i < c->ntopics; i++)
		free(c->topics[i].name);
	free(c->topics);
	free(c->cols);
	escape_free(&c->row);
	escape_free(&c->cell);
	free(c);
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
		.fini = csv_fini, );
