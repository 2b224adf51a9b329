// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Writing the document: the embedded template (viewer and styles,
 * inlined at build time by embed.sh), with the data block in place of
 * its <!--cpd:data--> line. The data is JSON escaped so that nothing in
 * it can end the script element, and then, unless compress = no,
 * gzipped and base64-encoded (html_sink.c; see doc/html-report.md).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "lib/evjson.h"
#include "html_template.h"

#define HTML_WBUF (256u * 1024)

struct html_out {
	struct html_sink sink;
	struct escape_buf b;
};

/* Hand the buffer to the sink once it is big enough (or at the end). */
static void html_drain(struct html_out *o, bool all)
{
	if (o->b.oom && !o->sink.err)
		o->sink.err = ENOMEM;
	if (!all && o->b.len < HTML_WBUF)
		return;
	html_sink_write(&o->sink, o->b.p, o->b.len);
	escape_reset(&o->b);
}

static void html_raw(struct html_out *o, const void *p, size_t n)
{
	html_drain(o, true);
	html_sink_write(&o->sink, p, n);
}

static void html_key(struct html_out *o, const char *key)
{
	escape_printf(&o->b, ",\"%s\":", key);
}

static void html_cstr(struct html_out *o, const struct cpd_str *s)
{
	evjson_cstr(&o->b, s);
}

static void html_cs(struct html_out *o, const char *s)
{
	if (s)
		escape_json_str(&o->b, s, strlen(s));
	else
		escape_puts(&o->b, "null");
}

static void html_run(struct html_out *o, const struct html_meta *m)
{
	const struct cpd_run_info *run = m->run;
	const struct cpd_trace_stats *st = m->stats;
	time_t secs = (time_t)(run->start_realtime_ns / 1000000000u);
	char wall[32] = "";
	struct tm tm;

	if (gmtime_r(&secs, &tm))
		strftime(wall, sizeof(wall), "%Y-%m-%dT%H:%M:%SZ", &tm);
	escape_puts(&o->b, "\"run\":{\"command\":");
	html_cstr(o, &run->command);
	html_key(o, "start_wall");
	html_cs(o, wall);
	html_key(o, "duration_ns");
	escape_json_u64(&o->b, m->end_ns > run->start_ns ?
				       m->end_ns - run->start_ns :
				       0);
	html_key(o, "hostname");
	html_cstr(o, &run->hostname);
	escape_printf(&o->b,
		      ",\"root_pid\":%d,\"exit_code\":%d,"
		      "\"exit_signal\":%d,\"mode\":\"%s\",\"verbose\":%u}",
		      run->root_pid, st ? st->root_exit_code : -1,
		      st ? st->root_exit_signal : 0,
		      run->mode == CPD_RUN_ATTACH ? "attach" :
		      run->mode == CPD_RUN_SPAWN  ? "spawn" :
						    "none",
		      run->verbose);
}

static void html_stats(struct html_out *o, const struct cpd_trace_stats *st)
{
	static const struct cpd_trace_stats none;

	if (!st)
		st = &none;
	escape_printf(&o->b,
		      ",\"stats\":{\"ptrace_stops\":%" PRIu64
		      ",\"syscalls_seen\":%" PRIu64
		      ",\"syscalls_published\":%" PRIu64
		      ",\"events_published\":%" PRIu64
		      ",\"tasks_seen\":%" PRIu64 ",\"processes_seen\":%" PRIu64
		      ",\"events_dropped\":%" PRIu64 "}",
		      st->ptrace_stops, st->syscalls_seen,
		      st->syscalls_published, st->events_published,
		      st->tasks_seen, st->processes_seen, st->events_dropped);
}

static void html_lost_list(struct html_out *o, const struct html_data *d)
{
	const char *kind;
	uint32_t i;

	escape_puts(&o->b, ",\"lost\":[");
	for (i = 0; i < d->nlost; i++) {
		kind = d->host->event_kind_name(d->lost[i].kind);
		escape_puts(&o->b, i ? ",{\"kind\":" : "{\"kind\":");
		html_cs(o, kind ? kind : "?");
		escape_printf(&o->b, ",\"count\":%" PRIu64 ",\"reason\":",
			      d->lost[i].count);
		html_cs(o, d->lost[i].reason ? d->lost[i].reason : "");
		escape_putc(&o->b, '}');
	}
	escape_putc(&o->b, ']');
}

static int html_section_cmp(const void *a, const void *b)
{
	const struct html_section *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void html_reports(struct html_out *o, struct html_data *d)
{
	uint32_t i;

	/* qsort's array must not be NULL, even for no elements */
	if (d->nsections)
		qsort(d->sections, d->nsections, sizeof(*d->sections),
		      html_section_cmp);
	escape_puts(&o->b, ",\"sections\":[");
	for (i = 0; i < d->nsections; i++) {
		if (i)
			escape_putc(&o->b, ',');
		escape_put(&o->b, d->sections[i].json.p,
			   d->sections[i].json.len);
	}
	escape_puts(&o->b, "],\"tables\":[");
	for (i = 0; i < d->ntables; i++) {
		const struct html_table *t = &d->tables[i];

		escape_puts(&o->b, i ? ",{\"topic\":" : "{\"topic\":");
		html_cs(o, t->topic);
		html_key(o, "title");
		html_cs(o, t->title);
		escape_printf(&o->b, ",\"order\":%d,\"columns\":[", t->order);
		escape_put(&o->b, t->columns.p, t->columns.len);
		escape_puts(&o->b, "],\"rows\":[");
		html_drain(o, false);
		html_raw(o, t->rows.p, t->rows.len);
		escape_puts(&o->b, "]}");
	}
	escape_putc(&o->b, ']');
}

/*
 * Process-tree order: a lane, then its threads, then its child
 * processes (each followed by its own subtree); siblings by start time.
 * Every parent index is lower than its child's, so this terminates.
 */
struct html_sortkey {
	uint64_t start;
	uint32_t idx;
	bool thread;
};

static int html_lane_cmp(const void *a, const void *b)
{
	const struct html_sortkey *x = a, *y = b;

	if (x->thread != y->thread)
		return x->thread ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint32_t *html_lane_order(struct html_data *d)
{
	uint32_t n = d->nlanes, i, k, top = 0, out = 0;
	struct html_sortkey *keys = calloc(n + 1, sizeof(*keys));
	uint32_t *first = calloc((size_t)n + 2, sizeof(*first));
	uint32_t *kids = calloc(n + 1, sizeof(*kids));
	uint32_t *order = calloc(n + 1, sizeof(*order));
	uint32_t *stack = calloc(n + 1, sizeof(*stack));

	if (!keys || !first || !kids || !order || !stack) {
		free(order);
		order = NULL;
		goto free_scratch;
	}
	for (i = 0; i < n; i++) {
		keys[i].start = d->lanes[i].start_ns;
		keys[i].idx = i;
		keys[i].thread = d->lanes[i].thread;
	}
	if (n)
		qsort(keys, n, sizeof(*keys), html_lane_cmp);
	/* children of lane p at kids[first[p + 1] ..], roots under slot 0 */
	for (i = 0; i < n; i++)
		first[d->lanes[i].parent + 2]++;
	for (i = 1; i < n + 2; i++)
		first[i] += first[i - 1];
	for (i = 0; i < n; i++) {
		uint32_t slot = (uint32_t)(d->lanes[keys[i].idx].parent + 1);

		kids[first[slot]++] = keys[i].idx;
	}
	/* first[slot] now ends slot's run; its start is first[slot - 1] */
	for (k = first[0]; k-- > 0;)
		stack[top++] = kids[k];
	while (top) {
		uint32_t l = stack[--top], slot = l + 1;

		d->lanes[l].out = out;
		order[out++] = l;
		for (k = first[slot]; k-- > first[slot - 1];)
			stack[top++] = kids[k];
	}
free_scratch:
	free(keys);
	free(first);
	free(kids);
	free(stack);
	return order;
}

static void html_lanes(struct html_out *o, struct html_data *d,
		       const uint32_t *order)
{
	uint32_t i, k;

	escape_puts(&o->b, ",\"lanes\":[");
	for (i = 0; i < d->nlanes; i++) {
		const struct html_lane *l = &d->lanes[order[i]];

		escape_printf(&o->b,
			      "%s{\"pid\":%d,\"tid\":%d,\"thread\":%s,"
			      "\"parent\":%d,\"comm\":",
			      i ? "," : "", l->pid, l->tid,
			      l->thread ? "true" : "false",
			      l->parent < 0 ? -1 :
					      (int)d->lanes[l->parent].out);
		html_cs(o, l->comm);
		html_key(o, "exe");
		html_cs(o, l->exe);
		escape_puts(&o->b, ",\"argv\":[");
		for (k = 0; l->argv && k < l->argv_len;) {
			size_t len = strnlen(l->argv + k, l->argv_len - k);

			if (k)
				escape_putc(&o->b, ',');
			escape_json_str(&o->b, l->argv + k, len);
			k += (uint32_t)len + 1;
		}
		escape_puts(&o->b, "],\"start_ns\":");
		escape_json_u64(&o->b, l->start_ns);
		escape_puts(&o->b, ",\"end_ns\":");
		if (l->ended)
			escape_json_u64(&o->b, l->end_ns);
		else
			escape_puts(&o->b, "null");
		escape_printf(&o->b, ",\"exit_code\":%d,\"signal\":%d}",
			      l->ended ? l->exit_code : -1, l->signal);
		html_drain(o, false);
	}
	escape_putc(&o->b, ']');
}

static void html_names(struct html_out *o, const char *key, uint32_t n,
		       const char *(*name)(const struct html_data *, uint32_t),
		       const struct html_data *d)
{
	uint32_t i;

	escape_printf(&o->b, ",\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i)
			escape_putc(&o->b, ',');
		html_cs(o, name(d, i));
	}
	escape_putc(&o->b, ']');
}

static const char *html_type_name(const struct html_data *d, uint32_t i)
{
	return d->types[i];
}

struct html_rowkey {
	uint64_t t;
	uint32_t idx;
};

static int html_row_cmp(const void *a, const void *b)
{
	const struct html_rowkey *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The kept rows in time order; arrival order breaks ties. */
static int html_events(struct html_out *o, struct html_data *d)
{
	struct html_rowkey *keys = NULL;
	uint64_t i;

	if (d->nrows) {
		keys = calloc(d->nrows, sizeof(*keys));
		if (!keys)
			return -ENOMEM;
	}
	for (i = 0; i < d->nrows; i++) {
		keys[i].t = d->rows[i].t;
		keys[i].idx = (uint32_t)i;
	}
	if (d->nrows)
		qsort(keys, d->nrows, sizeof(*keys), html_row_cmp);
	escape_puts(&o->b, ",\"events\":[");
	for (i = 0; i < d->nrows; i++) {
		const struct html_row *r = &d->rows[keys[i].idx];

		escape_puts(&o->b, i ? ",[" : "[");
		escape_json_u64(&o->b, r->t);
		escape_putc(&o->b, ',');
		escape_json_u64(&o->b, r->dur);
		escape_printf(&o->b, ",%u,%u,%u,%u,", d->lanes[r->lane].out,
			      r->cat, r->type, r->count);
		escape_put(&o->b, r->text, r->len);
		escape_putc(&o->b, ']');
		html_drain(o, false);
	}
	escape_putc(&o->b, ']');
	free(keys);
	return 0;
}

static void html_cap(struct html_out *o, const struct html_data *d)
{
	const struct html_aggs *a = &d->aggs;

	escape_printf(&o->b,
		      ",\"cap\":{\"max\":%" PRIu64 ",\"kept\":%" PRIu64
		      ",\"total\":%" PRIu64 ",\"always_kept\":%" PRIu64
		      ",\"aggregated\":%" PRIu64 ",\"aggregates\":%" PRIu64
		      ",\"bucket_ns\":%" PRIu64 ",\"from_ns\":",
		      d->max_events, d->nkept, d->total, d->always, a->rows,
		      a->n, a->width);
	if (a->n)
		escape_json_u64(&o->b, a->from);
	else
		escape_puts(&o->b, "null");
	escape_putc(&o->b, '}');
}

static int html_finding_cmp(const void *a, const void *b)
{
	const struct html_finding *x = a, *y = b;

	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Most severe first, then in time order. */
static void html_findings(struct html_out *o, struct html_data *d)
{
	uint32_t i;

	if (d->nfindings)
		qsort(d->findings, d->nfindings, sizeof(*d->findings),
		      html_finding_cmp);
	escape_puts(&o->b, ",\"findings\":[");
	for (i = 0; i < d->nfindings; i++) {
		const struct html_finding *f = &d->findings[i];

		escape_printf(&o->b, "%s{\"lane\":%d,", i ? "," : "",
			      f->lane == UINT32_MAX ?
				      -1 :
				      (int)d->lanes[f->lane].out);
		escape_puts(&o->b, f->json);
		escape_putc(&o->b, '}');
		html_drain(o, false);
	}
	escape_printf(&o->b, "],\"findings_dropped\":%" PRIu64,
		      d->findings_dropped);
}

static void html_memory(struct html_out *o, const struct html_data *d)
{
	uint32_t i, k;

	escape_puts(&o->b, ",\"memory\":[");
	for (i = 0; i < d->nmem; i++) {
		const struct html_mem *m = &d->mem[i];

		escape_printf(&o->b, "%s{\"lane\":%u,\"points\":[",
			      i ? "," : "", d->lanes[m->lane].out);
		for (k = 0; k < m->n; k++) {
			escape_puts(&o->b, k ? ",[" : "[");
			escape_json_u64(&o->b, m->pts[k][0]);
			escape_putc(&o->b, ',');
			escape_json_u64(&o->b, m->pts[k][1]);
			escape_putc(&o->b, ',');
			escape_json_u64(&o->b, m->pts[k][2]);
			escape_putc(&o->b, ']');
		}
		escape_puts(&o->b, "]}");
		html_drain(o, false);
	}
	escape_putc(&o->b, ']');
}

static void html_io(struct html_out *o, const struct html_data *d)
{
	static const char *const names[HTML_IO_SERIES] = {
		"read",
		"write",
		"sent",
		"received",
	};
	const struct html_io *io = &d->io;
	uint32_t k;
	int s;

	escape_printf(&o->b, ",\"io\":{\"bucket_ns\":%" PRIu64, io->width);
	for (s = 0; s < HTML_IO_SERIES; s++) {
		escape_printf(&o->b, ",\"%s\":[", names[s]);
		for (k = 0; k < io->n; k++) {
			if (k)
				escape_putc(&o->b, ',');
			escape_json_u64(&o->b, io->b[k][s]);
		}
		escape_putc(&o->b, ']');
	}
	escape_putc(&o->b, '}');
}

/*
 * What the fields of each category's events are: their unit, so the
 * viewer shows an address in hex and a size in bytes, and their help.
 */
static void html_field_info(struct html_out *o, struct html_data *d)
{
	bool first = true;
	uint32_t kind, i, n;

	escape_puts(&o->b, ",\"field_info\":{");
	for (kind = 0; kind < 64; kind++) {
		const struct cpd_field *f;
		bool any = false;
		int cat;

		if (!(d->kinds & UINT64_C(1) << kind))
			continue;
		f = d->host->event_fields(kind, &n);
		cat = html_cat(d, kind);
		if (!f || !n || cat < 0)
			continue;
		for (i = 0; i < n; i++) {
			uint16_t unit = f[i].type == CPD_FT_ADDR ?
						CPD_UNIT_ADDR :
						f[i].unit;

			if (unit == CPD_UNIT_NONE && !f[i].help)
				continue;
			if (!any) {
				escape_puts(&o->b, first ? "" : ",");
				html_cs(o, html_cat_name(d, (uint32_t)cat));
				escape_puts(&o->b, ":{");
				first = false;
			} else {
				escape_putc(&o->b, ',');
			}
			any = true;
			html_cs(o, f[i].name);
			escape_printf(&o->b, ":{\"unit\":\"%s\",\"help\":",
				      html_unit_name(unit));
			html_cs(o, f[i].help);
			escape_putc(&o->b, '}');
		}
		if (any)
			escape_putc(&o->b, '}');
	}
	escape_putc(&o->b, '}');
}

/* The opening tag of the data block, and the encoding after it. */
static int html_block_open(struct html_out *o, bool compress)
{
	static const char plain[] =
		"<script type=\"application/json\" id=\"cpd-data\">";
	static const char gz[] = "<script type=\"application/gzip\" "
				 "data-encoding=\"base64\" id=\"cpd-data\">";

	if (!compress) {
		html_raw(o, plain, sizeof(plain) - 1);
		return 0;
	}
	html_raw(o, gz, sizeof(gz) - 1);
	return html_sink_begin_gzip(&o->sink);
}

int html_write(FILE *fp, struct html_data *d, const struct html_meta *m)
{
	struct html_out o = { .sink = { .fp = fp } };
	uint32_t *order;
	int rc;

	/* the summaries are rows too, in time order with the others */
	rc = html_agg_rows(d);
	if (rc)
		return rc;
	order = html_lane_order(d);
	if (!order)
		return -ENOMEM;
	html_raw(&o, html_head, sizeof(html_head) - 1);
	rc = html_block_open(&o, d->compress && html_sink_can_compress());
	if (rc) {
		free(order);
		return rc;
	}
	escape_printf(&o.b, "{\"format\":\"compendium-report\",\"version\":2,"
			    "\"tool\":{\"name\":\"compendium\",\"version\":");
	html_cs(&o, m->version);
	escape_puts(&o.b, "},");
	html_run(&o, m);
	html_stats(&o, m->stats);
	html_lost_list(&o, d);
	html_cap(&o, d);
	html_reports(&o, d);
	html_lanes(&o, d, order);
	html_names(&o, "categories", html_ncats(d), html_cat_name, d);
	html_names(&o, "types", d->ntypes, html_type_name, d);
	html_field_info(&o, d);
	html_findings(&o, d);
	html_memory(&o, d);
	html_io(&o, d);
	rc = html_events(&o, d);
	escape_puts(&o.b, ",\"notices\":[");
	html_drain(&o, false);
	html_raw(&o, d->notices.p, d->notices.len);
	if (d->notices_dropped)
		escape_printf(&o.b,
			      "%s{\"t\":0,\"level\":\"note\","
			      "\"origin\":\"html\",\"text\":\"%" PRIu64
			      " more notices were not kept\"}",
			      d->nnotices ? "," : "", d->notices_dropped);
	escape_puts(&o.b, "]}");
	html_drain(&o, true);
	html_sink_end_gzip(&o.sink);
	escape_puts(&o.b, "</script>\n");
	html_raw(&o, html_tail, sizeof(html_tail) - 1);
	escape_free(&o.b);
	free(order);
	if (rc)
		return rc;
	return o.sink.err ? -o.sink.err : 0;
}
