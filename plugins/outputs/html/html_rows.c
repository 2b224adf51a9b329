// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The rows of the event table: each event the report shows, serialised
 * once into an arena; consecutive same-target I/O coalesced into one row.
 * Past the cap, the rows a person looks for first are kept all the same
 * (up to as many again) and the others summarised (html_agg.c).
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

/* Whether a kind has a field named comm, found once per kind. */
static bool html_named_comm(struct html_data *d, uint32_t kind,
			    const struct cpd_field *f, uint32_t n)
{
	uint8_t named;

	if (kind < CPD_EV_CUSTOM_FIRST && d->named[kind])
		return d->named[kind] & HTML_NAMED_COMM;
	named = HTML_NAMED_KNOWN |
		(html_field_named(f, n, "comm") ? HTML_NAMED_COMM : 0);
	if (kind < CPD_EV_CUSTOM_FIRST)
		d->named[kind] = named;
	return named & HTML_NAMED_COMM;
}

/*
 * Whether an optional field holds nothing (the SDK lets outputs skip
 * those): an absent string or address, a zero, a descriptor of -1. A
 * report of 75,000 rows is a fifth smaller for it, and the detail panel
 * shows what the event has, not a list of zeros.
 */
static bool html_field_empty(const struct cpd_event *ev,
			     const struct cpd_field *f)
{
	const char *at = (const char *)ev + f->offset;
	const struct cpd_str *s = (const void *)at;
	uint64_t u = 0;
	int32_t i32;

	switch (f->type) {
	case CPD_FT_STR:
	case CPD_FT_STRV:
		return !s->ptr || !s->len;
	case CPD_FT_SOCKADDR:
		return !((const struct cpd_sockaddr *)at)->family;
	case CPD_FT_S64:
	case CPD_FT_U64:
	case CPD_FT_ADDR:
	case CPD_FT_DOUBLE:
		memcpy(&u, at, 8);
		return !u;
	case CPD_FT_U16:
		memcpy(&u, at, 2);
		return !u;
	case CPD_FT_FD:
		memcpy(&i32, at, 4);
		return i32 == -1;
	default:
		memcpy(&u, at, 4);
		return !u;
	}
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

	escape_reset(b);
	html_detail(&detail, d->host, ev, count);
	if (detail.oom)
		b->oom = true;
	escape_json_str(b, detail.p, detail.len);
	escape_free(&detail);
	escape_putc(b, ',');
	f = d->host->event_fields(ev->kind, &n);
	escape_putc(b, '{');
	/*
	 * Its name then, unless the kind has a field of that name; pid and
	 * tid are the row's lane's, not written again for every row.
	 */
	if (!html_named_comm(d, ev->kind, f, n)) {
		escape_puts(b, "\"comm\":");
		evjson_cstr(b, &ev->comm);
		escape_putc(b, ',');
	}
	escape_puts(b, "\"seq\":");
	escape_json_u64(b, ev->seq);
	for (i = 0; f && i < n; i++) {
		const char *key;

		/* a producer older than the table: the field is not there */
		if (f[i].offset >= ev->size ||
		    ((f[i].flags & CPD_FIELDF_OPTIONAL) &&
		     html_field_empty(ev, &f[i])))
			continue;
		key = evjson_keys_get(&d->keys, ev->kind, f, n, i);
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

/* A row of the table: its text (`"details",{fields}`) goes to the arena. */
int html_row_add(struct html_data *d, uint64_t t, uint64_t dur, uint32_t lane,
		 uint16_t cat, uint16_t type, uint64_t count,
		 const struct escape_buf *text)
{
	struct html_row *r;
	char *p;

	if (text->oom || text->len > UINT32_MAX ||
	    html_grow(&d->rows, d->nrows, &d->caprows, sizeof(*d->rows)))
		return -ENOMEM;
	p = html_arena(d, text->len);
	if (!p)
		return -ENOMEM;
	memcpy(p, text->p, text->len);
	r = &d->rows[d->nrows++];
	r->t = t;
	r->dur = dur;
	r->lane = lane;
	r->cat = cat;
	r->type = type;
	r->count = count > UINT32_MAX ? UINT32_MAX : (uint32_t)count;
	r->len = (uint32_t)text->len;
	r->text = p;
	return 0;
}

/* Where a row goes: its lane, category and type; -ENOMEM if it cannot. */
static int html_place(struct html_data *d, const struct cpd_event *ev,
		      uint32_t *lane, uint16_t *cat, uint16_t *type)
{
	char tbuf[64];
	int32_t l;
	int c, ti;

	l = html_lane_get(d, ev->pid, ev->tid, html_rel(d, ev->ts_ns));
	c = html_cat(d, ev->kind);
	ti = html_intern(&d->types, &d->ntypes,
			 html_detail_type(d->host, ev, tbuf, sizeof(tbuf)));
	if (l < 0 || c < 0 || ti < 0)
		return -ENOMEM;
	*lane = (uint32_t)l;
	*cat = (uint16_t)c;
	*type = (uint16_t)ti;
	return 0;
}

/* Keep one row: ev's text, with count operations behind it. */
static int html_keep(struct html_data *d, const struct cpd_event *ev,
		     uint64_t count, uint64_t dur)
{
	uint32_t lane;
	uint16_t cat, type;

	if (html_place(d, ev, &lane, &cat, &type))
		return -ENOMEM;
	html_serialise(d, ev, count);
	if (ev->kind < 64)
		d->kinds |= UINT64_C(1) << ev->kind;
	d->nkept++;
	return html_row_add(d, html_rel(d, ev->ts_ns), dur, lane, cat, type,
			    count, &d->scratch);
}

/*
 * Rows kept past the cap: what a person looks for first, and what is
 * rare enough to keep: process lifecycle, lost records, findings,
 * failures, and connections (not the bytes sent on them).
 */
static bool html_always_kept(const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_PROC:
	case CPD_EV_LOST:
	case CPD_EV_FINDING:
		return true;
	case CPD_EV_FILE:
		return ev->u.file.op == CPD_FILE_OPEN_FAILED || ev->u.file.err;
	case CPD_EV_NET:
		return (ev->u.net.op != CPD_NET_SEND &&
			ev->u.net.op != CPD_NET_RECV) ||
		       ev->u.net.err;
	case CPD_EV_MMAP:
		return ev->u.mmap.err != 0;
	case CPD_EV_BLKIO:
		return ev->u.blkio.err != 0;
	case CPD_EV_SYSCALL:
		return ev->u.syscall.err != 0;
	default:
		return false;
	}
}

/* Whether a row that starts now is kept in full. */
static bool html_keeps(const struct html_data *d, const struct cpd_event *ev)
{
	if (d->nkept < d->max_events)
		return true;
	return html_always_kept(ev) && d->always < d->max_events;
}

static uint64_t html_agg_bytes(const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_FILE:
		return ev->u.file.bytes;
	case CPD_EV_NET:
		return ev->u.net.bytes;
	case CPD_EV_MMAP:
		return ev->u.mmap.op == CPD_MMAP_BRK ?
			       (ev->u.mmap.delta > 0 ?
					(uint64_t)ev->u.mmap.delta :
					0) :
			       ev->u.mmap.len;
	case CPD_EV_BLKIO:
		return ev->u.blkio.total_bytes ? ev->u.blkio.total_bytes :
						 ev->u.blkio.bytes;
	default:
		return 0;
	}
}

/* The op of the kinds whose summaries say "from" or "to". */
static uint16_t html_op(const struct cpd_event *ev)
{
	if (ev->kind == CPD_EV_FILE)
		return (uint16_t)ev->u.file.op;
	if (ev->kind == CPD_EV_NET)
		return (uint16_t)ev->u.net.op;
	return 0;
}

/* A row past the cap that is not kept: into its summary. */
static int html_fold(struct html_data *d, const struct cpd_event *ev,
		     uint64_t count, uint64_t dur)
{
	uint64_t t = html_rel(d, ev->ts_ns);
	uint32_t lane;
	uint16_t cat, type;
	bool has = false;

	if (html_place(d, ev, &lane, &cat, &type))
		return -ENOMEM;
	html_agg_target(&d->key, ev, &has);
	if (d->key.oom)
		return -ENOMEM;
	return html_agg_add(d, ev->kind, html_op(ev), lane, cat, type,
			    has ? d->key.p : NULL, d->key.len, 1, count,
			    html_agg_bytes(ev), t, t + dur);
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
	if (!p->kept) {
		rc = html_agg_add(d, p->kind, p->op, p->lane, p->cat, p->type,
				  p->has_target ? d->pend_target.p : NULL,
				  d->pend_target.len, 1, p->count, p->bytes,
				  html_rel(d, p->first_ts),
				  html_rel(d, p->last_ts));
	} else {
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
		int rc2;

		rc = html_close(d);
		d->total++;
		if (html_keeps(d, ev)) {
			if (d->nkept >= d->max_events)
				d->always++;
			rc2 = html_keep(d, ev, html_count(ev), html_dur(ev));
		} else {
			rc2 = html_fold(d, ev, html_count(ev), html_dur(ev));
		}
		return rc ? rc : rc2;
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
	p->first_ts = ev->ts_ns;
	p->last_ts = ev->ts_ns;
	p->kept = html_keeps(d, ev);
	if (p->kept && d->nkept >= d->max_events)
		d->always++;
	if (p->kept && html_clone(p, d->host, ev)) {
		p->kept = false;
		return -ENOMEM;
	}
	if (!p->kept) {
		/* what its summary will be keyed by */
		p->kind = ev->kind;
		p->op = ev->kind == CPD_EV_FILE ? ev->u.file.op : ev->u.net.op;
		if (html_place(d, ev, &p->lane, &p->cat, &p->type))
			return -ENOMEM;
		html_agg_target(&d->pend_target, ev, &p->has_target);
		if (d->pend_target.oom)
			return -ENOMEM;
	}
	return rc;
}

int html_data_finish(struct html_data *d)
{
	return html_close(d);
}
