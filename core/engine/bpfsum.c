// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "bpfsum.h"

#include <errno.h>
#include <stdio.h>
#include <linux/audit.h>
#include <stdlib.h>
#include <string.h>

#include "bpfeng.h"
#include "bpfrec.h"
#include "sysent.h"
#include "tmem.h"
#include "base/xmalloc.h"

#ifdef CPD_HAVE_BPF
#include <bpf/bpf.h>
#endif

/* What was published of the kernel entry (tgid, fd) of file. */
struct bpfsum_pub {
	struct bpfsum_pub *next;
	uint32_t tgid;
	int32_t fd;
	uint64_t file;
	struct cpd_eng_ioslot slot[CPD_ENG_SLOTS];
};

/*
 * An fd of tgid dropped before its sums came: its description. A freed
 * struct file's address is soon another file's, so the address alone
 * does not say which file it was: the fd number too.
 */
struct bpfsum_grave {
	struct bpfsum_grave *next;
	uint32_t tgid;
	int32_t fd;
	uint64_t file;
	struct fdtable *tbl; /* one entry, at fd 0, owning its strings */
};

static size_t bpfsum_bucket(uint32_t tgid, int32_t fd)
{
	return ((size_t)tgid * 31u + (uint32_t)fd) % BPFSUM_BUCKETS;
}

static struct bpfsum_pub **bpfsum_pub_slot(struct bpfsum *b, uint32_t tgid,
					   int32_t fd)
{
	struct bpfsum_pub **pp = &b->pub[bpfsum_bucket(tgid, fd)];

	while (*pp && ((*pp)->tgid != tgid || (*pp)->fd != fd))
		pp = &(*pp)->next;
	return pp;
}

static void bpfsum_pub_drop(struct bpfsum *b, uint32_t tgid, int32_t fd)
{
	struct bpfsum_pub **pp = bpfsum_pub_slot(b, tgid, fd), *p = *pp;

	if (p) {
		*pp = p->next;
		free(p);
	}
}

/*
 * The grave of (tgid, fd, file); an fd <= CPD_ENG_FD_FIXED (io_uring on
 * a registered file no fd names) matches any fd of that file.
 */
static struct bpfsum_grave **bpfsum_grave_slot(struct bpfsum *b, uint32_t tgid,
					       int32_t fd, uint64_t file)
{
	struct bpfsum_grave **gp = &b->graves;

	while (*gp && ((*gp)->tgid != tgid || (*gp)->file != file ||
		       (fd > CPD_ENG_FD_FIXED && (*gp)->fd != fd)))
		gp = &(*gp)->next;
	return gp;
}

static void bpfsum_grave_drop(struct bpfsum_grave **gp)
{
	struct bpfsum_grave *g = *gp;

	*gp = g->next;
	fdtable_unref(g->tbl);
	free(g);
}

void bpfsum_bury(struct bpfeng *e, struct task *t, int fd)
{
	struct fd_entry *fe = fdtable_get(t->fds, fd), *copy;
	struct bpfsum_grave *g;

	/* without an identity its sums could not be told from the next */
	if (!fe || !fe->kfile ||
	    *bpfsum_grave_slot(&e->sums, (uint32_t)t->proc->pid, fd, fe->kfile))
		return;
	g = xcalloc(1, sizeof(*g));
	g->tgid = (uint32_t)t->proc->pid;
	g->fd = fd;
	g->file = fe->kfile;
	g->tbl = fdtable_new();
	copy = fdtable_set(g->tbl, 0, &fe->info);
	if (copy)
		copy->kfile = fe->kfile;
	g->next = e->sums.graves;
	e->sums.graves = g;
}

/*
 * The description of fd when it named file: the table's, or a grave's.
 * io_uring I/O on a registered file no fd names (fd <= CPD_ENG_FD_FIXED)
 * is found by the file alone.
 */
static struct fd_entry *bpfsum_entry(struct bpfeng *e, struct task *t,
				     int32_t fd, uint64_t file)
{
	struct fd_entry *fe = fdtable_get(t->fds, fd);
	struct bpfsum_grave *g;
	size_t i;

	if (fe && (!fe->kfile || !file || fe->kfile == file))
		return fe;
	for (i = 0; fd <= CPD_ENG_FD_FIXED && file && i < t->fds->n; i++)
		if (t->fds->e[i].used && t->fds->e[i].kfile == file)
			return &t->fds->e[i];
	g = *bpfsum_grave_slot(&e->sums, (uint32_t)t->proc->pid, fd, file);
	return g ? fdtable_get(g->tbl, 0) : NULL;
}

static struct fd_entry *bpfsum_lookup(void *arg, int fd)
{
	struct bpfeng *e = arg;

	(void)fd;
	return e->sums.cur;
}

/*
 * One batched syscall: calls calls of slot key that moved bytes, in ns
 * (their durations' sum, 0 when not timed).
 */
static void bpfsum_event(struct bpfeng *e, struct task *t, int32_t fd,
			 uint32_t key, uint32_t calls, uint64_t bytes,
			 uint64_t ns, uint64_t ts)
{
	/* a registered file no fd names now: the fd it had, if known */
	int32_t shown = fd <= CPD_ENG_FD_FIXED && e->sums.cur ?
				e->sums.cur->info.fd :
				fd;
	uint64_t args[6] = { (uint64_t)(uint32_t)shown, 0, 0, 0, 0, 0 };
	int nr = (int)(key & ~CPD_ENG_SLOT_FLAGS) - 1;
	struct decode_call *c = &t->call;
	struct decode_ctx ctx;
	struct tmem_buf none;
	struct cpd_event ev;

	/* the calls returned long ago: no memory of theirs to read */
	tmem_buf_init(&none, NULL, 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.mem = &none.mem;
	ctx.string_limit = e->s->run.string_limit;
	ctx.fd_lookup = bpfsum_lookup;
	ctx.arg = e;
	decode_entry(c, &ctx, sysent_native_arch(), nr, args, ts - ns);
	decode_exit(c, &ctx, (int64_t)bytes);
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_SYSCALL;
	ev.source = CPD_SRC_CORE;
	ev.ts_ns = ts;
	ev.pid = t->proc->pid;
	ev.tid = t->tid;
	ev.comm.ptr = t->proc->comm;
	ev.comm.len = (uint32_t)strnlen(t->proc->comm, sizeof(t->proc->comm));
	decode_fill(c, &ev.u.syscall, (int64_t)bytes, ts);
	ev.u.syscall.count = calls;
	ev.u.syscall.flags |= CPD_SCF_BATCH;
	if (!e->spec.timed)
		ev.u.syscall.flags |= CPD_SCF_UNTIMED;
	if (key & CPD_ENG_SLOT_URING)
		ev.u.syscall.flags |= CPD_SCF_URING;
	session_publish(e->s, &ev);
}

/*
 * Publish what v holds beyond what was published of (tgid, fd); keep v as
 * published unless final.
 */
static void bpfsum_publish(struct bpfeng *e, uint32_t tgid, int32_t fd,
			   const struct cpd_eng_ioval *v, bool final,
			   uint64_t ts)
{
	struct bpfsum_pub **pp = bpfsum_pub_slot(&e->sums, tgid, fd), *p = *pp;
	struct task *t = bpfrec_member(e, (pid_t)tgid);
	struct fd_entry *fe = NULL;
	unsigned i;

	/* an entry of another file under the same number starts from 0 */
	if (p && p->file != v->file) {
		bpfsum_pub_drop(&e->sums, tgid, fd);
		p = NULL;
	}
	if (t)
		fe = bpfsum_entry(e, t, fd, v->file);
	e->sums.cur = fe;
	for (i = 0; i < CPD_ENG_SLOTS; i++) {
		const struct cpd_eng_ioslot *now = &v->slot[i];
		uint32_t calls = now->calls;
		uint64_t bytes = now->bytes, ns = now->ns;

		if (!now->key)
			continue;
		if (p && p->slot[i].key == now->key) {
			calls -= p->slot[i].calls;
			bytes -= p->slot[i].bytes;
			ns -= p->slot[i].ns;
		}
		if (!calls && !bytes)
			continue;
		if (!fe)
			e->s->stats.bytes_unattributed += bytes;
		if (t)
			bpfsum_event(e, t, fd, now->key, calls, bytes, ns, ts);
	}
	e->sums.cur = NULL;
	if (final) {
		if (p)
			bpfsum_pub_drop(&e->sums, tgid, fd);
		return;
	}
	if (!p) {
		p = xcalloc(1, sizeof(*p));
		p->tgid = tgid;
		p->fd = fd;
		p->next = e->sums.pub[bpfsum_bucket(tgid, fd)];
		e->sums.pub[bpfsum_bucket(tgid, fd)] = p;
	}
	p->file = v->file;
	memcpy(p->slot, v->slot, sizeof(p->slot));
}

void bpfsum_final(struct bpfeng *e, const struct cpd_eng_iosum *r)
{
	struct bpfsum_grave **gp;

	bpfsum_publish(e, r->h.tgid, r->fd, &r->v, true, r->h.ts_ns);
	gp = bpfsum_grave_slot(&e->sums, r->h.tgid, r->fd, r->v.file);
	if (*gp)
		bpfsum_grave_drop(gp);
}

#ifdef CPD_HAVE_BPF
void bpfsum_sweep(struct bpfeng *e, pid_t tgid, uint64_t ts)
{
	struct cpd_eng_iokey key, next, *gone = NULL;
	int fd = bpfload_sums_fd(&e->ld);
	size_t ngone = 0, capgone = 0, i;
	struct cpd_eng_ioval v;
	struct bpfsum_grave **gp;
	bool first = true;

	if (fd < 0)
		return;
	while (!bpf_map_get_next_key(fd, first ? NULL : &key, &next)) {
		first = false;
		key = next;
		if (tgid && key.tgid != (uint32_t)tgid)
			continue;
		if (bpf_map_lookup_elem(fd, &key, &v))
			continue;
		bpfsum_publish(e, key.tgid, key.fd, &v, tgid != 0, ts);
		if (tgid) {
			gone = xgrow(gone, &capgone, ngone, sizeof(*gone));
			gone[ngone++] = key;
		}
	}
	/* the group is gone: its entries are final */
	for (i = 0; i < ngone; i++)
		bpf_map_delete_elem(fd, &gone[i]);
	free(gone);
	if (!tgid)
		return;
	for (gp = &e->sums.graves; *gp;) {
		if ((*gp)->tgid == (uint32_t)tgid)
			bpfsum_grave_drop(gp);
		else
			gp = &(*gp)->next;
	}
}
#else
void bpfsum_sweep(struct bpfeng *e, pid_t tgid, uint64_t ts)
{
	(void)e;
	(void)tgid;
	(void)ts;
}
#endif

void bpfsum_free(struct bpfsum *b)
{
	size_t i;

	for (i = 0; i < BPFSUM_BUCKETS; i++)
		while (b->pub[i]) {
			struct bpfsum_pub *p = b->pub[i];

			b->pub[i] = p->next;
			free(p);
		}
	while (b->graves)
		bpfsum_grave_drop(&b->graves);
}
