// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the reports it keeps and the summary it prints when tracing ends.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "lib/format.h"

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
static int console_report_copy(struct console_report *r,
			       const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	uint32_t i;

	memset(r, 0, sizeof(*r));
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

/*
 * The table a row belongs to, made on its first row. file.files is left
 * out: the Files counts summarise it, and it has a row per file.
 */
static struct console_rows *console_table(struct console *c,
					  const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	struct console_rows *t;
	size_t i;

	for (i = 0; i < c->ntables; i++)
		if (console_topic_is(rep, c->tables[i]->topic))
			return c->tables[i];
	if (c->ntables == CONSOLE_TABLES_MAX)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->topic =
		strndup(rep->topic.ptr ? rep->topic.ptr : "", rep->topic.len);
	t->title =
		strndup(rep->title.ptr ? rep->title.ptr : "", rep->title.len);
	if (!t->topic || !t->title) {
		free(t->topic);
		free(t->title);
		free(t);
		return NULL;
	}
	c->tables[c->ntables++] = t;
	return t;
}

int console_report(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	struct console_rows *rows = NULL;
	struct console_report copy;
	size_t i;

	if (rep->flags & CPD_REPORTF_ROW) {
		/*
		 * Only the tables the summary shows; the others are for
		 * the HTML and CSV outputs, and can be long.
		 */
		if (console_topic_is(rep, "file.failed"))
			rows = &c->failed;
		else if (console_topic_is(rep, "net.connections"))
			rows = &c->conns;
		else if (console_topic_is(rep, "file.files"))
			console_topfiles_row(c, ev);
		else
			rows = console_table(c, ev);
		if (!rows)
			return 0;
		rows->total++;
		if (rows->n == CONSOLE_LIST_MAX)
			return 0;
		if (console_report_copy(&rows->row[rows->n], ev) < 0)
			return -ENOMEM;
		rows->n++;
		return 0;
	}
	if (console_report_copy(&copy, ev) < 0)
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

/* ---- the summary -------------------------------------------------------- */

/* Accepted spellings of the keys the fixed layouts read. */
static const char *const heap_keys[] = { "heap", "heap_bytes", NULL };
static const char *const mmap_keys[] = { "mmap", "mmap_bytes", "mapped",
					 "mapped_bytes", NULL };
static const char *const regions_keys[] = { "regions", "mmap_regions",
					    "region_count", NULL };
static const char *const total_keys[] = { "total", "total_bytes", NULL };
static const char *const read_keys[] = { "read_bytes", "read", "bytes_read",
					 "files_read", NULL };
static const char *const written_keys[] = { "written_bytes", "written",
					    "write_bytes",   "bytes_written",
					    "files_written", NULL };
static const char *const opened_read_keys[] = { "opened_read",
						"opened_for_read", "open_read",
						NULL };
static const char *const opened_write_keys[] = { "opened_write",
						 "opened_for_write",
						 "open_write", NULL };
static const char *const sent_keys[] = { "sent_bytes", "sent", "bytes_sent",
					 "net_sent", NULL };
static const char *const received_keys[] = { "received_bytes", "received",
					     "recv_bytes",     "bytes_received",
					     "net_received",   NULL };
static const char *const lo_sent_keys[] = { "loopback_sent_bytes", NULL };
static const char *const lo_received_keys[] = { "loopback_recv_bytes", NULL };
static const char *const scope_keys[] = { "scope", NULL };
static const char *const proto_keys[] = { "proto", "protocol", "type", NULL };
static const char *const peer_keys[] = { "peer", "remote", "address", "addr",
					 NULL };
static const char *const dir_keys[] = { "direction", "dir", "op", NULL };

static const struct console_kv *console_kv(const struct console_report *r,
					   const char *const *names)
{
	uint32_t i;

	for (; r && *names; names++)
		for (i = 0; i < r->nkv; i++)
			if (!strcmp(r->kv[i].key, *names))
				return &r->kv[i];
	return NULL;
}

static bool console_kv_u64(const struct console_kv *kv, uint64_t *out)
{
	if (!kv)
		return false;
	switch (kv->type) {
	case CPD_KV_U64:
		*out = kv->v.u64;
		return true;
	case CPD_KV_S64:
		*out = kv->v.s64 < 0 ? 0 : (uint64_t)kv->v.s64;
		return true;
	case CPD_KV_DOUBLE:
		*out = kv->v.dbl < 0 ? 0 : (uint64_t)kv->v.dbl;
		return true;
	default:
		return false;
	}
}

static struct console_report *console_section(struct console *c,
					      const char *topic)
{
	size_t i;

	for (i = 0; i < c->nsections; i++)
		if (!strcmp(c->sections[i].topic, topic))
			return &c->sections[i];
	return NULL;
}

static void console_kv_text(struct console *c, const struct console_kv *kv,
			    char *buf, size_t size)
{
	switch (kv->type) {
	case CPD_KV_STR:
		format_escape_str(&kv->str, buf, size);
		break;
	case CPD_KV_DOUBLE:
		if (kv->unit == CPD_UNIT_PERCENT)
			snprintf(buf, size, "%.1f%%", kv->v.dbl);
		else if (kv->unit == CPD_UNIT_NS || kv->unit == CPD_UNIT_BYTES)
			console_value(c, kv->unit, false,
				      kv->v.dbl < 0 ? 0 : (uint64_t)kv->v.dbl,
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

		console_kv_text(c, kv, c->esc[1], sizeof(c->esc[1]));
		console_printf(c, "   %s:%*s %s", label,
			       (int)(width - strlen(label)), "", c->esc[1]);
	}
}

static const char console_sep[] =
	"━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━";

/* Memory, from the "memory" section; false if it has none of our keys. */
static bool console_sum_memory(struct console *c,
			       const struct console_report *r)
{
	const struct console_kv *heap = console_kv(r, heap_keys),
				*map = console_kv(r, mmap_keys);
	uint64_t h = 0, m = 0, n = 0, t;
	char b[FORMAT_BYTES_MAX], regions[48] = "";

	if (!heap && !map)
		return false;
	console_kv_u64(heap, &h);
	console_kv_u64(map, &m);
	if (!console_kv_u64(console_kv(r, total_keys), &t))
		t = h + m;
	if (console_kv_u64(console_kv(r, regions_keys), &n))
		snprintf(regions, sizeof(regions), " (%" PRIu64 " regions)", n);
	console_printf(c, " Memory:");
	format_bytes(h, b, sizeof(b));
	console_printf(c, "   Heap:  %s", b);
	format_bytes(m, b, sizeof(b));
	console_printf(c, "   Mmap:  %s%s", b, regions);
	format_bytes(t, b, sizeof(b));
	console_printf(c, "   Total: %s", b);
	return true;
}

/* " (1.2 KB loopback)" when the part is not 0. */
static const char *console_sum_part(const struct console_report *r,
				    const char *const *keys, char *buf,
				    size_t size)
{
	char b[FORMAT_BYTES_MAX];
	const char *p = b;
	uint64_t v = 0;

	buf[0] = '\0';
	if (!console_kv_u64(console_kv(r, keys), &v) || !v)
		return buf;
	format_bytes(v, b, sizeof(b));
	while (*p == ' ')
		p++;
	snprintf(buf, size, " (%s loopback)", p);
	return buf;
}

static void console_sum_io(struct console *c, const struct console_report *file,
			   const struct console_report *net)
{
	char b[FORMAT_BYTES_MAX], part[FORMAT_BYTES_MAX + 16];
	uint64_t v;

	if (!file && !net)
		return;
	console_printf(c, " I/O:");
	if (file) {
		v = 0;
		console_kv_u64(console_kv(file, read_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Files read:    %s", b);
		console_topfiles(c, false);
		v = 0;
		console_kv_u64(console_kv(file, written_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Files written: %s", b);
		console_topfiles(c, true);
	}
	if (net) {
		v = 0;
		console_kv_u64(console_kv(net, sent_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Net sent:      %s%s", b,
			       console_sum_part(net, lo_sent_keys, part,
						sizeof(part)));
		v = 0;
		console_kv_u64(console_kv(net, received_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Net received:  %s%s", b,
			       console_sum_part(net, lo_received_keys, part,
						sizeof(part)));
	}
}

static void console_sum_files(struct console *c,
			      const struct console_report *file)
{
	uint64_t r = 0, w = 0;

	console_kv_u64(console_kv(file, opened_read_keys), &r);
	console_kv_u64(console_kv(file, opened_write_keys), &w);
	if (!r && !w)
		return;
	console_printf(c, " Files:");
	console_printf(c, "   Opened for read:  %" PRIu64, r);
	console_printf(c, "   Opened for write: %" PRIu64, w);
}

static void console_sum_more(struct console *c, const struct console_rows *rows)
{
	if (rows->total > rows->n)
		console_printf(c, "   ... and %" PRIu64 " more",
			       rows->total - rows->n);
}

static void console_sum_conns(struct console *c)
{
	size_t i;

	if (!c->conns.total)
		return;
	console_printf(c, " Network connections:");
	for (i = 0; i < c->conns.n; i++) {
		const struct console_report *r = &c->conns.row[i];
		const struct console_kv *proto = console_kv(r, proto_keys),
					*peer = console_kv(r, peer_keys),
					*dir = console_kv(r, dir_keys),
					*scope = console_kv(r, scope_keys);
		bool in = dir && dir->type == CPD_KV_STR && dir->str.ptr &&
			  (!strcmp(dir->str.ptr, "accept") ||
			   !strcmp(dir->str.ptr, "in") ||
			   !strcmp(dir->str.ptr, "inbound"));
		char p[32] = "?";

		if (proto)
			console_kv_text(c, proto, p, sizeof(p));
		if (peer)
			console_kv_text(c, peer, c->esc[1], sizeof(c->esc[1]));
		console_printf(
			c, "   %s %s %s%s", p, in ? "←" : "→",
			peer ? c->esc[1] : "?",
			scope && scope->type == CPD_KV_STR && scope->str.ptr &&
					!strcmp(scope->str.ptr, "loopback") ?
				" (loopback)" :
				"");
	}
	console_sum_more(c, &c->conns);
}

/* "   pid 1234, comm sh, Faults 120, Touched 480.0 KB" per row. */
static void console_sum_table(struct console *c, const struct console_rows *t)
{
	size_t i, k, off;

	console_printf(c, " %s:", *t->title ? t->title : t->topic);
	for (i = 0; i < t->n; i++) {
		const struct console_report *r = &t->row[i];
		char line[CONSOLE_ESC_MAX];

		off = 0;
		line[0] = '\0';
		for (k = 0; k < r->nkv && off < sizeof(line); k++) {
			const struct console_kv *kv = &r->kv[k];

			console_kv_text(c, kv, c->esc[1], sizeof(c->esc[1]));
			off += (size_t)snprintf(line + off, sizeof(line) - off,
						"%s%s %s", k ? ", " : "",
						kv->label ? kv->label : kv->key,
						c->esc[1]);
		}
		console_printf(c, "   %s", line);
	}
	console_sum_more(c, t);
}

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
	static const char *const sources[] = { "fault", "sched", "blkio" };
	const struct cpd_trace_stats *st = c->stats;
	struct console_report *memory, *file, *net, *r;
	uint64_t elapsed = 0;
	size_t i;

	if (!c->run->deterministic && c->start_ns)
		elapsed = console_now() - c->start_ns;
	/* sections nobody lays out come in their order, then by topic */
	if (c->nsections)
		qsort(c->sections, c->nsections, sizeof(*c->sections),
		      console_section_cmp);
	memory = console_section(c, "memory");
	file = console_section(c, "file");
	net = console_section(c, "net");
	/* a section without the keys of our layout is shown generically */
	if (file && !console_kv(file, read_keys) &&
	    !console_kv(file, written_keys) &&
	    !console_kv(file, opened_read_keys) &&
	    !console_kv(file, opened_write_keys))
		file = NULL;
	if (net && !console_kv(net, sent_keys) &&
	    !console_kv(net, received_keys))
		net = NULL;

	console_printf(c, "%s", "");
	console_printf(c, "%s", console_sep);
	console_printf(c, " FINAL: %s (%.2fs)",
		       console_esc(c, 0, &c->run->command),
		       (double)elapsed / 1e9);
	console_printf(c, "%s", console_sep);
	console_problems(c);
	if (memory)
		memory->shown = console_sum_memory(c, memory);
	for (i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		r = console_section(c, sources[i]);
		if (r) {
			console_section_generic(c, r);
			r->shown = true;
		}
	}
	console_sum_io(c, file, net);
	if (file) {
		console_sum_files(c, file);
		file->shown = true;
	}
	if (net)
		net->shown = true;
	/* failed opens: the findings say which ones matter, first */
	console_sum_conns(c);
	for (i = 0; i < c->ntables; i++)
		console_sum_table(c, c->tables[i]);
	console_sum_subprocs(c);
	for (i = 0; i < c->nsections; i++)
		if (!c->sections[i].shown)
			console_section_generic(c, &c->sections[i]);
	console_sum_lost(c);
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
