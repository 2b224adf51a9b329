// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Matching queries and answers per socket. A socket is a process's fd: a
 * resolver sends its questions on one socket and reads the answers there
 * (glibc sends A and AAAA together, with two ids), so an answer is the
 * one pending query of its socket with its id and question. The same
 * question sent again before an answer is a retry of one lookup.
 */
#include "dnsflow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct dnsflow_query {
	uint16_t id;
	uint16_t qtype;
	int32_t tid;
	uint32_t retries;
	uint64_t sent_ns;
	char *qname;
};

/* A TCP stream in one direction: bytes not yet a whole message. */
struct dnsflow_stream {
	uint8_t *buf;
	size_t len, cap;
};

struct dnsflow_sock {
	int32_t pid;
	int32_t fd;
	bool tcp;
	struct cpd_sockaddr server;
	struct dnsflow_query pending[DNSFLOW_PENDING_MAX];
	size_t npending;
	struct dnsflow_stream in, out;
};

int dnsflow_init(struct dnsflow *f, dnsflow_cb cb, void *arg)
{
	memset(f, 0, sizeof(*f));
	f->cb = cb;
	f->arg = arg;
	f->socks = calloc(DNSFLOW_SOCKS_MAX, sizeof(*f->socks));
	return f->socks ? 0 : -ENOMEM;
}

static void dnsflow_report(struct dnsflow *f, const struct dnsflow_sock *s,
			   enum dnsflow_what what,
			   const struct dnsflow_query *q,
			   const struct dnsmsg *m, bool sent, uint64_t ns)
{
	struct dnsflow_lookup l;

	memset(&l, 0, sizeof(l));
	l.what = what;
	l.pid = s->pid;
	l.fd = s->fd;
	l.tcp = s->tcp;
	l.server = s->server;
	l.server.path.ptr = NULL; /* ports 53 are inet: no path to keep */
	l.server.path.len = 0;
	l.done_ns = ns;
	l.msg = m;
	l.sent = sent;
	if (q) {
		l.tid = q->tid;
		l.id = q->id;
		l.qtype = q->qtype;
		l.retries = q->retries;
		l.sent_ns = q->sent_ns;
		l.qname = q->qname;
	} else if (m) {
		l.id = m->id;
		l.qtype = m->qtype;
		l.sent_ns = ns;
		l.qname = m->has_question ? m->qname : NULL;
	}
	f->cb(f->arg, &l);
}

static void dnsflow_query_drop(struct dnsflow_sock *s, size_t i)
{
	free(s->pending[i].qname);
	memmove(&s->pending[i], &s->pending[i + 1],
		(s->npending - i - 1) * sizeof(s->pending[0]));
	s->npending--;
}

/* Every pending query of s times out at ns; s is freed. */
static void dnsflow_sock_end(struct dnsflow *f, struct dnsflow_sock *s,
			     uint64_t ns)
{
	while (s->npending) {
		dnsflow_report(f, s, DNSFLOW_TIMEOUT, &s->pending[0], NULL,
			       true, ns);
		dnsflow_query_drop(s, 0);
	}
	free(s->in.buf);
	free(s->out.buf);
	free(s);
}

static struct dnsflow_sock *dnsflow_sock_find(struct dnsflow *f, int32_t pid,
					      int32_t fd, size_t *at)
{
	size_t i;

	for (i = 0; i < f->nsocks; i++)
		if (f->socks[i]->pid == pid && f->socks[i]->fd == fd) {
			if (at)
				*at = i;
			return f->socks[i];
		}
	return NULL;
}

static void dnsflow_sock_remove(struct dnsflow *f, size_t i, uint64_t ns)
{
	struct dnsflow_sock *s = f->socks[i];

	f->socks[i] = f->socks[--f->nsocks];
	dnsflow_sock_end(f, s, ns);
}

static void dnsflow_query(struct dnsflow *f, struct dnsflow_sock *s,
			  const struct dnsmsg *m, int32_t tid, uint64_t ns)
{
	struct dnsflow_query *q;
	size_t i;

	if (!m->has_question) {
		f->ignored++;
		return;
	}
	for (i = 0; i < s->npending; i++) {
		q = &s->pending[i];
		if (q->qtype == m->qtype &&
		    dnsmsg_name_eq(q->qname, m->qname)) {
			/* asked again before an answer: the same lookup */
			q->retries++;
			q->id = m->id;
			return;
		}
	}
	if (s->npending == DNSFLOW_PENDING_MAX) {
		/* the oldest has waited longest: it is the one given up */
		dnsflow_report(f, s, DNSFLOW_TIMEOUT, &s->pending[0], NULL,
			       true, ns);
		dnsflow_query_drop(s, 0);
		f->dropped++;
	}
	q = &s->pending[s->npending];
	memset(q, 0, sizeof(*q));
	q->qname = strdup(m->qname);
	if (!q->qname) {
		f->dropped++;
		return;
	}
	q->id = m->id;
	q->qtype = m->qtype;
	q->tid = tid;
	q->sent_ns = ns;
	s->npending++;
}

static void dnsflow_answer(struct dnsflow *f, struct dnsflow_sock *s,
			   const struct dnsmsg *m, uint64_t ns)
{
	size_t i;

	for (i = 0; i < s->npending; i++) {
		struct dnsflow_query *q = &s->pending[i];

		if (q->id != m->id)
			continue;
		/* an answer repeats its question; one without it cannot lie */
		if (m->has_question && (q->qtype != m->qtype ||
					!dnsmsg_name_eq(q->qname, m->qname)))
			continue;
		dnsflow_report(f, s, DNSFLOW_ANSWER, q, m, false, ns);
		dnsflow_query_drop(s, i);
		return;
	}
	/* late (after a retry was answered), or not asked by this socket */
	f->ignored++;
}

static void dnsflow_message(struct dnsflow *f, struct dnsflow_sock *s,
			    int32_t tid, bool sent, const uint8_t *p,
			    size_t len, uint64_t ns)
{
	struct dnsmsg *m = &f->msg;

	if (dnsmsg_parse(p, len, m) < 0) {
		dnsflow_report(f, s, DNSFLOW_MALFORMED, NULL, m, sent, ns);
		return;
	}
	if (sent && !m->qr)
		dnsflow_query(f, s, m, tid, ns);
	else if (!sent && m->qr)
		dnsflow_answer(f, s, m, ns);
	else
		f->ignored++; /* a server's side: not a lookup of ours */
}

/* Append to a TCP stream and take out the whole messages it now holds. */
static void dnsflow_stream(struct dnsflow *f, struct dnsflow_sock *s,
			   struct dnsflow_stream *st, int32_t tid, bool sent,
			   const uint8_t *p, size_t len, uint64_t ns)
{
	size_t off = 0;

	if (st->len + len > DNSFLOW_TCP_MAX) {
		/* not DNS as we know it: forget the stream rather than grow */
		st->len = 0;
		f->dropped++;
		return;
	}
	if (st->len + len > st->cap) {
		size_t cap = st->len + len;
		uint8_t *b = realloc(st->buf, cap);

		if (!b) {
			st->len = 0;
			f->dropped++;
			return;
		}
		st->buf = b;
		st->cap = cap;
	}
	memcpy(st->buf + st->len, p, len);
	st->len += len;
	while (st->len - off >= 2) {
		size_t n = (size_t)st->buf[off] << 8 | st->buf[off + 1];

		if (st->len - off - 2 < n)
			break;
		dnsflow_message(f, s, tid, sent, st->buf + off + 2, n, ns);
		off += 2 + n;
	}
	memmove(st->buf, st->buf + off, st->len - off);
	st->len -= off;
}

void dnsflow_data(struct dnsflow *f, int32_t pid, int32_t tid, int32_t fd,
		  bool tcp, bool sent, const struct cpd_sockaddr *server,
		  const uint8_t *p, size_t len, uint64_t ns)
{
	struct dnsflow_sock *s = dnsflow_sock_find(f, pid, fd, NULL);

	if (s && s->tcp != tcp) {
		/* the fd was reused for another socket: this is a new one */
		dnsflow_close(f, pid, fd, ns);
		s = NULL;
	}
	if (!s) {
		if (f->nsocks == DNSFLOW_SOCKS_MAX ||
		    !(s = calloc(1, sizeof(*s)))) {
			f->dropped++;
			return;
		}
		s->pid = pid;
		s->fd = fd;
		s->tcp = tcp;
		f->socks[f->nsocks++] = s;
	}
	if (server && server->family)
		s->server = *server;
	if (tcp)
		dnsflow_stream(f, s, sent ? &s->out : &s->in, tid, sent, p, len,
			       ns);
	else
		dnsflow_message(f, s, tid, sent, p, len, ns);
}

void dnsflow_close(struct dnsflow *f, int32_t pid, int32_t fd, uint64_t ns)
{
	size_t i;

	if (dnsflow_sock_find(f, pid, fd, &i))
		dnsflow_sock_remove(f, i, ns);
}

void dnsflow_exit(struct dnsflow *f, int32_t pid, uint64_t ns)
{
	size_t i = 0;

	while (i < f->nsocks) {
		if (f->socks[i]->pid == pid)
			dnsflow_sock_remove(f, i, ns);
		else
			i++;
	}
}

void dnsflow_end(struct dnsflow *f, uint64_t ns)
{
	while (f->nsocks)
		dnsflow_sock_remove(f, f->nsocks - 1, ns);
}

void dnsflow_free(struct dnsflow *f)
{
	size_t i;

	/* no callbacks now: whoever wanted timeouts called dnsflow_end */
	for (i = 0; i < f->nsocks; i++) {
		struct dnsflow_sock *s = f->socks[i];

		while (s->npending)
			dnsflow_query_drop(s, 0);
		free(s->in.buf);
		free(s->out.buf);
		free(s);
	}
	free(f->socks);
	memset(f, 0, sizeof(*f));
}
