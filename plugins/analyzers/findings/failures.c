// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: failed opens grouped by path and error, failed connects by
 * endpoint and error; the failed-open and connect-failed rules, and each
 * process's last failures for the exit rule to tell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"
#include "lib/hash.h"

#include "findings.h"

/*
 * The group of key (a path or an endpoint) and err, made when new. Groups
 * hash by key alone: the groups of one path, whatever their error, share
 * a chain, so a successful open finds them all there.
 */
static struct findings_group *findings_group_get(struct findings *f,
						 struct findings_tab *t,
						 const char *key, size_t len,
						 int err, uint64_t ts)
{
	uint32_t h = hash_bytes(f->seed, key, len);
	struct findings_head *e;
	struct findings_group *g;

	for (e = t->nb ? t->b[h & (t->nb - 1)] : NULL; e; e = e->next) {
		g = (struct findings_group *)(void *)e;
		if (e->hash == h && e->keylen == len && g->err == err &&
		    !memcmp(e->key, key, len))
			return g;
	}
	if (t->n >= FINDINGS_MAX_GROUPS) {
		f->groups_dropped++;
		return NULL;
	}
	g = calloc(1, sizeof(*g) + len + 1);
	if (!g)
		return NULL;
	memcpy(g->key, key, len);
	g->h.key = g->key;
	g->h.keylen = (uint32_t)len;
	g->h.hash = h;
	g->err = err;
	g->first_ns = ts;
	if (findings_tab_insert(t, &g->h) < 0) {
		free(g);
		return NULL;
	}
	return g;
}

static void findings_group_add(struct findings *f, struct findings_group *g,
			       int32_t pid, const char *comm, uint64_t ts,
			       uint64_t seq)
{
	struct findings_proc *p;
	uint32_t i;

	if (!g->count) {
		g->first_ns = ts;
		g->first_seq = seq;
		snprintf(g->comm, sizeof(g->comm), "%s", comm ? comm : "");
	}
	g->count++;
	g->last_ns = ts;
	g->explained = false;
	for (i = 0; i < g->npids && g->pids[i] != pid; i++)
		;
	if (i == g->npids && g->npids < FINDINGS_PIDS) {
		p = findings_proc_find(f, pid);
		g->procs[g->npids] = p ? (int32_t)(p - f->procs) : -1;
		g->pids[g->npids++] = pid;
	}
}

/*
 * Whether a failure mattered: a process that met it failed itself, or
 * its end is not known. One that went on to succeed looked for
 * something optional (a config in one of several places, a plugin
 * directory): worth a notice, not a warning.
 */
static bool findings_group_hurt(const struct findings *f,
				const struct findings_group *g)
{
	uint32_t i;

	for (i = 0; i < g->npids; i++) {
		const struct findings_proc *p;

		if (g->procs[i] < 0)
			return true;
		p = &f->procs[g->procs[i]];
		if (!(p->flags & FP_EXITED) || p->exit_code > 0 ||
		    p->signal > 0)
			return true;
	}
	return false;
}

/* A failed open that was no probe. */
void findings_open_failure(struct findings *f, int32_t pid, const char *comm,
			   const char *path, size_t len, int err, uint64_t ts,
			   uint64_t seq)
{
	struct findings_proc *p = findings_proc_find(f, pid);
	char text[FINDINGS_TEXT_MAX], e[16];
	struct findings_buf b = { text, 0, sizeof(text) };
	struct findings_group *g;

	if (!f->off[R_FAILED_OPEN]) {
		g = findings_group_get(f, &f->failed, path, len, err, ts);
		if (g)
			findings_group_add(f, g, pid, comm, ts, seq);
	}
	if (p && !(p->flags & FP_NO_DETAILS)) {
		findings_printf(&b, "open ");
		findings_put(&b, path, len);
		findings_printf(&b, ": %s",
				findings_errno(f, err, e, sizeof(e)));
		findings_note(p->last, true, text, b.len);
	}
}

/* A successful open of path explains its failures before it. */
void findings_open_success(struct findings *f, const char *path, size_t len)
{
	struct findings_tab *t = &f->failed;
	uint32_t h;
	struct findings_head *e;

	if (!t->n)
		return;
	h = hash_bytes(f->seed, path, len);
	for (e = t->b[h & (t->nb - 1)]; e; e = e->next)
		if (e->hash == h && e->keylen == len &&
		    !memcmp(e->key, path, len))
			((struct findings_group *)(void *)e)->explained = true;
}

void findings_on_net(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_net *n = &ev->u.net;
	char peer[FORMAT_SOCKADDR_MAX], e[16], text[FINDINGS_TEXT_MAX];
	struct findings_buf b = { text, 0, sizeof(text) };
	size_t plen;
	struct findings_proc *p;
	struct findings_group *g;
	size_t i;

	if (n->flags & CPD_NETF_HIDDEN)
		return;
	p = findings_proc_find(f, ev->pid);
	switch (n->op) {
	case CPD_NET_CONNECT_FAILED:
		plen = format_sockaddr(&n->peer, peer, sizeof(peer));
		if (plen >= sizeof(peer))
			plen = sizeof(peer) - 1;
		if (!f->off[R_CONNECT_FAILED]) {
			g = findings_group_get(f, &f->connects, peer, plen,
					       n->err, ev->ts_ns);
			if (g) {
				findings_group_add(f, g, ev->pid,
						   p ? p->comm : NULL,
						   ev->ts_ns, ev->seq);
				g->port = n->peer.port;
				g->async |= !!(n->flags & CPD_NETF_INPROGRESS);
			}
		}
		if (p && !(p->flags & FP_NO_DETAILS)) {
			findings_printf(
				&b, "connect %s: %s", peer,
				findings_errno(f, n->err, e, sizeof(e)));
			findings_note(p->last, true, text, b.len);
		}
		break;
	case CPD_NET_CONNECT:
		/* the process got through to that port after all */
		for (i = 0; i < f->connects.nb; i++) {
			struct findings_head *h;

			for (h = f->connects.b[i]; h; h = h->next) {
				g = (struct findings_group *)(void *)h;
				if (g->port == n->peer.port && g->npids &&
				    g->pids[0] == ev->pid)
					g->explained = true;
			}
		}
		break;
	case CPD_NET_SEND:
	case CPD_NET_RECV:
		if (f->off[R_TINY_IO] || n->peer.path.ptr)
			break;
		findings_obj_io(findings_obj_socket(f, p, &n->peer, ev), ev,
				n->op == CPD_NET_SEND, n->bytes, n->count);
		break;
	default:
		break;
	}
}

void findings_groups(struct findings *f, bool connects)
{
	struct findings_tab *t = connects ? &f->connects : &f->failed;
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX], e[16];
	struct findings_group **v;
	size_t n, i;

	v = findings_tab_groups(t, &n);
	for (i = 0; i < n; i++) {
		struct findings_group *g = v[i];
		struct findings_buf tb = { title, 0, sizeof(title) };
		struct findings_buf db = { details, 0, sizeof(details) };
		struct findings_out o;

		/* a later open of the path: the failure did no harm */
		if (!connects && g->explained)
			continue;
		findings_printf(&tb, "%s%s could not %s ", g->comm,
				g->npids > 1 ? " and others" : "",
				connects ? "connect to" : "open");
		findings_put(&tb, g->key, g->h.keylen);
		findings_printf(&tb, ": %s",
				findings_errno(f, g->err, e, sizeof(e)));
		if (g->npids > 1)
			findings_printf(&db, "%u processes", g->npids);
		if (connects && g->async)
			findings_printf(&db, "%sa non-blocking connect",
					db.len ? "; " : "");
		if (connects && g->explained)
			findings_printf(&db, "%sthen connected to port %u",
					db.len ? "; " : "", g->port);
		else if (!findings_group_hurt(f, g))
			findings_printf(&db, "%swent on and succeeded",
					db.len ? "; " : "");
		memset(&o, 0, sizeof(o));
		o.rule = connects ? R_CONNECT_FAILED : R_FAILED_OPEN;
		o.severity = (connects && g->explained) ||
					     !findings_group_hurt(f, g) ?
				     CPD_SEV_NOTICE :
				     CPD_SEV_WARNING;
		o.title = &tb;
		o.details = &db;
		o.pids = g->pids;
		o.npids = g->npids;
		o.paths = g->key;
		o.paths_len = g->h.keylen;
		o.count = g->count;
		o.first_ns = g->first_ns;
		o.last_ns = g->last_ns;
		o.cause_seq = g->first_seq;
		o.pid = g->npids ? g->pids[0] : 0;
		o.comm = g->comm;
		if (g->count > 1)
			o.flags |= CPD_FINDF_COLLAPSED;
		if (f->groups_dropped)
			o.flags |= CPD_FINDF_PARTIAL;
		findings_publish(f, &o);
	}
	free(v);
}
