// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The rows of the event table: each event the report shows, serialised
 * once into an arena; consecutive same-target I/O coalesced into one row;
 * past the cap, only counted.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evjson.h"

#define HTML_CHUNK (1u << 20)

void html_pending_clear(struct html_pending *p)
{
	free(p->strs);
	memset(p, 0, sizeof(*p));
}

static char *html_arena(struct html_data *d, size_t len)
{
	struct html_chunk *c = d->chunks;
	size_t size;

	if (!c || c->size - c->used < len) {
		size = len > HTML_CHUNK ? len : HTML_CHUNK;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = d->chunks;
		d->chunks = c;
	}
	c->used += len;
	return c->data + c->used - len;
}

static bool html_field_named(const struct cpd_field *f, uint32_t n,
			     const char *name)
{
	uint32_t i;

	for (i = 0; f && i < n; i++)
		if (!strcmp(f[i].name, name))
			return true;
	return false;
}

/* Which of pid, tid and comm a kind has fields of, found once per kind. */
static uint8_t html_named(struct html_data *d, uint32_t kind,
			  const struct cpd_field *f, uint32_t n)
{
	uint8_t named;

	if (kind < CPD_EV_CUSTOM_FIRST && d->named[kind])
		return d->named[kind];
	named = HTML_NAMED_KNOWN |
		(html_field_named(f, n, "pid") ? HTML_NAMED_PID : 0) |
		(html_field_named(f, n, "tid") ? HTML_NAMED_TID : 0) |
		(html_field_named(f, n, "comm") ? HTML_NAMED_COMM : 0);
	if (kind < CPD_EV_CUSTOM_FIRST)
		d->named[kind] = named;
	return named;
}

/* `"details",{fields}` of ev into d->scratch. */
static void html_serialise(struct html_data *d, const struct cpd_event *ev,
			   uint64_t count)
{
	struct escape_buf *b = &d->scratch;
	const struct cpd_field *f;
	struct escape_buf detail = { 0 };
	uint32_t n = 0, i;
	struct evfield v;
	uint8_t named;

	escape_reset(b);
	html_detail(&detail, d->host, ev, count);
	if (detail.oom)
		b->oom = true;
	escape_json_str(b, detail.p, detail.len);
	escape_free(&detail);
	escape_putc(b, ',');
	f = d->host->event_fields(ev->kind, &n);
	escape_putc(b, '{');
	/* who it is about, unless the kind has fields of those names */
	named = html_named(d, ev->kind, f, n);
	if (!(named & HTML_NAMED_PID)) {
		escape_puts(b, "\"pid\":");
		escape_s64(b, ev->pid);
		escape_putc(b, ',');
	}
	if (!(named & HTML_NAMED_TID)) {
		escape_puts(b, "\"tid\":");
		escape_s64(b, ev->tid);
		escape_putc(b, ',');
	}
	if (!(named & HTML_NAMED_COMM)) {
		escape_puts(b, "\"comm\":");
		evjson_cstr(b, &ev->comm);
		escape_putc(b, ',');
	}
	escape_puts(b, "\"seq\":");
	escape_json_u64(b, ev->seq);
	for (i = 0; f && i < n; i++) {
		const char *key = evjson_keys_get(&d->keys, ev->kind, f, n, i);

		if (!key) {
			evjson_field(b, d->host, ev, &f[i], ",", f[i].name);
			continue;
		}
		if (evfield_decode(d->host, ev, &f[i], &v))
			evjson_value_keyed(b, &v, key, 0);
	}
	escape_putc(b, '}');
}

static uint64_t html_dur(const struct cpd_event *ev)
{
	const struct cpd_syscall *sc;

	switch (ev->kind) {
	case CPD_EV_SYSCALL:
		sc = &ev->u.syscall;
		return sc->exit_ns > sc->enter_ns ? sc->exit_ns - sc->enter_ns :
						    0;
	case CPD_EV_BLKIO:
		return ev->u.blkio.latency_ns;
	case CPD_EV_FAULT:
		return ev->u.fault.last_ns > ev->ts_ns ?
			       ev->u.fault.last_ns - ev->ts_ns :
			       0;
	default:
		return 0;
	}
}

static uint64_t html_count(const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_FILE:
		return ev->u.file.count ? ev->u.file.count : 1;
	case CPD_EV_NET:
		return ev->u.net.count ? ev->u.net.count : 1;
	case CPD_EV_FAULT:
		return ev->u.fault.count ? ev->u.fault.count : 1;
	case CPD_EV_BLKIO:
		return ev->u.blkio.count ? ev->u.blkio.count : 1;
	default:
		return 1;
	}
}

/* Keep one row: ev's text, with count operations behind it. */
static int html_keep(struct html_data *d, const struct cpd_event *ev,
		     uint64_t count, uint64_t dur)
{
	struct html_row *r;
	char tbuf[64];
	const char *type;
	int cat, ti;
	int32_t lane;
	char *text;

	lane = html_lane_get(d, ev->pid, ev->tid, html_rel(d, ev->ts_ns));
	cat = html_cat(d, ev->kind);
	type = html_detail_type(d->host, ev, tbuf, sizeof(tbuf));
	ti = html_intern(&d->types, &d->ntypes, type);
	if (lane < 0 || cat < 0 || ti < 0)
		return -ENOMEM;
	html_serialise(d, ev, count);
	if (d->scratch.oom || d->scratch.len > UINT32_MAX ||
	    html_grow(&d->rows, d->nrows, &d->caprows, sizeof(*d->rows)))
		return -ENOMEM;
	text = html_arena(d, d->scratch.len);
	if (!text)
		return -ENOMEM;
	memcpy(text, d->scratch.p, d->scratch.len);
	r = &d->rows[d->nrows++];
	r->t = html_rel(d, ev->ts_ns);
	r->dur = dur;
	r->lane = (uint32_t)lane;
	r->cat = (uint16_t)cat;
	r->type = (uint16_t)ti;
	r->count = count > UINT32_MAX ? UINT32_MAX : (uint32_t)count;
	r->len = (uint32_t)d->scratch.len;
	r->text = text;
	return 0;
}

static bool html_coalescible(const struct cpd_event *ev)
{
	if (ev->kind == CPD_EV_FILE)
		return ev->u.file.op == CPD_FILE_READ ||
		       ev->u.file.op == CPD_FILE_WRITE;
	if (ev->kind == CPD_EV_NET)
		return ev->u.net.op == CPD_NET_SEND ||
		       ev->u.net.op == CPD_NET_RECV;
	return false;
}

/*
 * What "the same target" means: the file's path (its fd when the path
 * is unknown), or the socket's fd and peer.
 */
static void html_target(struct escape_buf *b, const struct cpd_event *ev)
{
	const struct cpd_sockaddr *sa;

	/* "kind:op:tid:" then the file or the peer, compared as bytes */
	escape_reset(b);
	escape_u64(b, ev->kind);
	escape_putc(b, ':');
	escape_u64(b, ev->kind == CPD_EV_FILE ? ev->u.file.op : ev->u.net.op);
	escape_putc(b, ':');
	escape_s64(b, ev->tid);
	escape_putc(b, ':');
	if (ev->kind == CPD_EV_FILE) {
		if (ev->u.file.path.ptr) {
			escape_put(b, ev->u.file.path.ptr, ev->u.file.path.len);
		} else {
			escape_puts(b, "fd:");
			escape_s64(b, ev->u.file.fd);
		}
		return;
	}
	sa = &ev->u.net.peer;
	escape_s64(b, ev->u.net.fd);
	escape_putc(b, ':');
	escape_u64(b, sa->family);
	escape_putc(b, ':');
	escape_u64(b, sa->port);
	escape_putc(b, ':');
	escape_put(b, sa->addr, sizeof(sa->addr));
	if (sa->path.ptr)
		escape_put(b, sa->path.ptr, sa->path.len);
}

static uint64_t html_bytes_of(const struct cpd_event *ev)
{
	return ev->kind == CPD_EV_FILE ? ev->u.file.bytes : ev->u.net.bytes;
}

static void html_clone_str(struct cpd_str *s, char **at)
{
	if (!s->ptr)
		return;
	memcpy(*at, s->ptr, s->len);
	s->ptr = *at;
	*at += s->len;
}

/* Copy ev and every string its field table names into one block. */
static int html_clone(struct html_pending *p, const struct cpd_host *host,
		      const struct cpd_event *ev)
{
	const struct cpd_field *f;
	uint32_t n = 0, i;
	size_t need = ev->comm.len;
	struct cpd_str *s;
	char *at;

	f = host->event_fields(ev->kind, &n);
	p->ev = *ev;
	for (i = 0; f && i < n; i++) {
		if (f[i].type == CPD_FT_STR || f[i].type == CPD_FT_STRV)
			need += ((const struct cpd_str *)((const char *)ev +
							  f[i].offset))
					->len;
		else if (f[i].type == CPD_FT_SOCKADDR)
			need += ((const struct cpd_sockaddr *)((const char *)
								       ev +
							       f[i].offset))
					->path.len;
	}
	p->strs = malloc(need + 1);
	if (!p->strs)
		return -ENOMEM;
	at = p->strs;
	html_clone_str(&p->ev.comm, &at);
	for (i = 0; f && i < n; i++) {
		char *field = (char *)&p->ev + f[i].offset;

		if (f[i].type == CPD_FT_STR || f[i].type == CPD_FT_STRV)
			s = (struct cpd_str *)field;
		else if (f[i].type == CPD_FT_SOCKADDR)
			s = &((struct cpd_sockaddr *)field)->path;
		else
			continue;
		html_clone_str(s, &at);
	}
	return 0;
}

/* The run of coalesced events ends: write its row if it is kept. */
static int html_close(struct html_data *d)
{
	struct html_pending *p = &d->pend;
	uint64_t dur;
	int rc = 0;

	if (!p->active)
		return 0;
	if (p->kept) {
		uint32_t n =
			p->count > UINT32_MAX ? UINT32_MAX : (uint32_t)p->count;

		if (p->ev.kind == CPD_EV_FILE) {
			p->ev.u.file.bytes = p->bytes;
			p->ev.u.file.count = n;
		} else {
			p->ev.u.net.bytes = p->bytes;
			p->ev.u.net.count = n;
		}
		/* a coalesced row spans its first to its last operation */
		dur = p->last_ts > p->ev.ts_ns ? p->last_ts - p->ev.ts_ns : 0;
		rc = html_keep(d, &p->ev, p->count, dur);
	}
	html_pending_clear(p);
	return rc;
}

int html_row_event(struct html_data *d, const struct cpd_event *ev)
{
	struct html_pending *p = &d->pend;
	struct escape_buf swap;
	int rc;

	if (!html_coalescible(ev)) {
		rc = html_close(d);
		d->total++;
		if (d->nrows < d->max_events) {
			int rc2 =
				html_keep(d, ev, html_count(ev), html_dur(ev));

			rc = rc ? rc : rc2;
		}
		return rc;
	}
	html_target(&d->key, ev);
	if (d->key.oom)
		return -ENOMEM;
	if (p->active && d->pend_key.len == d->key.len &&
	    !memcmp(d->pend_key.p, d->key.p, d->key.len)) {
		p->bytes += html_bytes_of(ev);
		p->count += html_count(ev);
		p->last_ts = ev->ts_ns;
		return 0;
	}
	rc = html_close(d);
	d->total++;
	/* both buffers are kept: no allocation per event past the cap */
	swap = d->pend_key;
	d->pend_key = d->key;
	d->key = swap;
	p->active = true;
	p->bytes = html_bytes_of(ev);
	p->count = html_count(ev);
	p->last_ts = ev->ts_ns;
	p->kept = d->nrows < d->max_events;
	if (p->kept && html_clone(p, d->host, ev)) {
		p->kept = false;
		return -ENOMEM;
	}
	return rc;
}

int html_data_finish(struct html_data *d)
{
	return html_close(d);
}
