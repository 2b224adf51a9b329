// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: opens and I/O per process and file or socket, for the repeat
 * and tiny-io rules, said when the process ends (or tracing does).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"
#include "lib/hash.h"

#include "findings.h"

/* repeat and tiny-io: opens and I/O per process and file or socket. */
static struct findings_obj *
findings_obj_get(struct findings *f, struct findings_proc *p, bool socket,
		 const char *name, size_t len, const struct cpd_event *ev)
{
	char key[FINDINGS_KEY_MAX];
	size_t klen;
	uint32_t h;
	struct findings_obj *o = p ? p->last_obj : NULL;

	if (!p || !name || !len || len > sizeof(key) - 5)
		return NULL;
	/* a read loop hits the same file again and again: no hashing then */
	if (o && o->socket == socket && o->h.keylen == 5 + len &&
	    !memcmp(o->key + 5, name, len))
		return o;
	memcpy(key, &p->pid, 4);
	key[4] = socket ? 's' : 'f';
	memcpy(key + 5, name, len);
	klen = 5 + len;
	h = hash_bytes(f->seed, key, klen);
	o = (struct findings_obj *)(void *)findings_tab_find(&f->objects, h,
							     key, klen);
	if (o)
		return p->last_obj = o;
	if (f->objects.n >= FINDINGS_MAX_OBJECTS) {
		f->objects_dropped++;
		return NULL;
	}
	o = calloc(1, sizeof(*o) + klen);
	if (!o)
		return NULL;
	memcpy(o->key, key, klen);
	o->h.key = o->key;
	o->h.keylen = (uint32_t)klen;
	o->h.hash = h;
	o->socket = socket;
	o->first_ns = ev->ts_ns;
	o->first_seq = ev->seq;
	if (findings_tab_insert(&f->objects, &o->h) < 0) {
		free(o);
		return NULL;
	}
	o->proc_next = p->objs;
	p->objs = o;
	p->last_obj = o;
	return o;
}

/*
 * A socket's object is keyed by its peer's address as bytes: formatting
 * it for every send would cost more than the rest.
 */
struct findings_peer {
	uint16_t family;
	uint16_t port;
	uint32_t scope_id;
	uint8_t addr[16];
};

struct findings_obj *findings_obj_socket(struct findings *f,
					 struct findings_proc *p,
					 const struct cpd_sockaddr *peer,
					 const struct cpd_event *ev)
{
	struct findings_peer k;

	memset(&k, 0, sizeof(k));
	k.family = peer->family;
	k.port = peer->port;
	k.scope_id = peer->scope_id;
	memcpy(k.addr, peer->addr, sizeof(k.addr));
	return findings_obj_get(f, p, true, (const char *)&k, sizeof(k), ev);
}

/* The text of a socket object's peer, into buf; its length. */
static size_t findings_peer_text(const char *key, char *buf, size_t size)
{
	struct findings_peer k;
	struct cpd_sockaddr sa;
	size_t len;

	memcpy(&k, key, sizeof(k));
	memset(&sa, 0, sizeof(sa));
	sa.family = k.family;
	sa.port = k.port;
	sa.scope_id = k.scope_id;
	memcpy(sa.addr, k.addr, sizeof(sa.addr));
	len = format_sockaddr(&sa, buf, size);
	return len < size ? len : size - 1;
}

void findings_obj_io(struct findings_obj *o, const struct cpd_event *ev,
		     bool write, uint64_t bytes, uint32_t count)
{
	if (!o)
		return;
	if (write) {
		o->writes += count ? count : 1;
		o->written_bytes += bytes;
	} else {
		o->reads += count ? count : 1;
		o->read_bytes += bytes;
	}
	o->last_ns = ev->ts_ns;
}

void findings_on_file_io(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	struct findings_proc *proc;
	struct findings_obj *o;

	if ((p->flags & CPD_FILEF_HIDDEN) || !p->path.ptr ||
	    (f->off[R_REPEAT] && f->off[R_TINY_IO]))
		return;
	proc = findings_proc_find(f, ev->pid);
	if (p->op == CPD_FILE_OPEN) {
		o = findings_obj_get(f, proc, false, p->path.ptr, p->path.len,
				     ev);
		if (o) {
			o->opens++;
			o->last_ns = ev->ts_ns;
		}
	} else if (p->op == CPD_FILE_READ || p->op == CPD_FILE_WRITE) {
		o = findings_obj_get(f, proc, false, p->path.ptr, p->path.len,
				     ev);
		findings_obj_io(o, ev, p->op == CPD_FILE_WRITE, p->bytes,
				p->count);
	}
}

void findings_proc_objects(struct findings *f, struct findings_proc *p)
{
	char title[FINDINGS_TITLE_MAX], b1[FORMAT_BYTES_MAX];
	struct findings_obj *o, *next;

	for (o = p->objs; o; o = next) {
		const char *name = o->key + 5;
		size_t len = o->h.keylen - 5, base_len = 0;
		const char *base = name;
		char peer[FORMAT_SOCKADDR_MAX];
		int pass;

		next = o->proc_next;
		if (o->socket) {
			len = findings_peer_text(name, peer, sizeof(peer));
			name = base = peer;
			base_len = len;
		} else {
			base = format_basename(name, len, &base_len);
		}
		if (o->opens >= f->repeat_opens) {
			struct findings_buf t = { title, 0, sizeof(title) };
			struct findings_out out;

			findings_printf(&t, "%s opened ", p->comm);
			findings_put(&t, name, len);
			findings_printf(&t, " %" PRIu64 " times", o->opens);
			if (o->read_bytes)
				findings_printf(&t, " (read %s)",
						findings_bytes(o->read_bytes,
							       b1, sizeof(b1)));
			memset(&out, 0, sizeof(out));
			out.rule = R_REPEAT;
			out.severity = CPD_SEV_NOTICE;
			out.title = &t;
			out.pids = &p->pid;
			out.npids = 1;
			out.paths = name;
			out.paths_len = len;
			out.count = o->opens;
			out.first_ns = o->first_ns;
			out.last_ns = o->last_ns;
			out.cause_seq = o->first_seq;
			out.pid = p->pid;
			out.comm = p->comm;
			findings_publish(f, &out);
		}
		for (pass = 0; pass < 2; pass++) {
			uint64_t ops = pass ? o->writes : o->reads;
			uint64_t bytes =
				pass ? o->written_bytes : o->read_bytes;
			struct findings_buf t = { title, 0, sizeof(title) };
			struct findings_out out;

			if (ops < f->tiny_io_ops ||
			    bytes > f->tiny_io_bytes * ops)
				continue;
			findings_printf(
				&t,
				"%s made %" PRIu64 " %s of %s on average %s ",
				p->comm, ops, pass ? "writes" : "reads",
				findings_bytes(bytes / ops, b1, sizeof(b1)),
				pass ? "to" : "from");
			findings_put(&t, base, base_len);
			memset(&out, 0, sizeof(out));
			out.rule = R_TINY_IO;
			out.severity = CPD_SEV_NOTICE;
			out.flags = CPD_FINDF_COLLAPSED;
			out.title = &t;
			out.pids = &p->pid;
			out.npids = 1;
			out.paths = name;
			out.paths_len = len;
			out.count = ops;
			out.first_ns = o->first_ns;
			out.last_ns = o->last_ns;
			out.cause_seq = o->first_seq;
			out.pid = p->pid;
			out.comm = p->comm;
			findings_publish(f, &out);
		}
		findings_tab_remove(&f->objects, &o->h);
		free(o);
	}
	p->objs = NULL;
	p->last_obj = NULL;
}
