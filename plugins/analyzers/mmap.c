// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * mmap: the memory analyzer. Turns brk, mmap, munmap, mremap and mprotect
 * into MMAP events and keeps heap and mapping totals per process.
 *
 * State is per process (thread group, ev->pid): threads share one address
 * space and one break. Each process keeps the set of its live mappings as
 * page-rounded, non-overlapping intervals, so a MAP_FIXED placed over a
 * reservation, a partial munmap or a moving mremap can never count bytes
 * twice; its mapped bytes are the sum of the intervals.
 *
 * Mappings of files the noise filter matches (shared libraries, the
 * loader, /dev, ...) are "hidden": published only with -v, and counted
 * apart (hidden_mapped_bytes), never in the user's mmap total.
 *
 * The totals of the "memory" report:
 *  - heap_bytes: for every process, its break's growth above the first
 *    break we saw (current - initial), taken when it exits, when it execs
 *    (exec discards the old address space) or when tracing ends; summed.
 *  - mmap_bytes: for every process, its live visible mapped bytes taken at
 *    the same moments; summed. A process' footprint at its end, not the
 *    most it ever had.
 *  - mmap_regions: the number of live visible intervals behind mmap_bytes.
 *  - peak_mapped_bytes: the most visible mapped bytes all live processes
 *    had together at any moment.
 *  - hidden_mapped_bytes: like mmap_bytes, for hidden mappings.
 *
 * A forked child starts with no tracked mappings (what it inherited was
 * mapped, and is counted, by its parent) and with its parent's break as
 * its initial break, so only what the child itself adds is its own.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <linux/audit.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "lib/instance.h"
#include "lib/noise.h"
#include "lib/report.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

/* brk growth up to this is not worth a line (the original's rule). */
#define MM_BRK_QUIET 4096u

/* One live mapping, [start, end), page aligned. */
struct mmap_range {
	uint64_t start;
	uint64_t end;
	bool hidden;
};

struct mmap_proc {
	struct mmap_proc *next; /* hash chain */
	int32_t pid;
	bool have_brk;
	uint64_t brk_initial;
	uint64_t brk_current;
	struct mmap_range *r; /* sorted by start, non-overlapping */
	size_t n, cap;
	uint64_t mapped;	/* bytes in visible ranges */
	uint64_t hidden_mapped; /* bytes in hidden ranges */
	uint64_t regions;	/* visible ranges */
};

struct mmap {
	/* options, written by host->apply_options */
	const char *const *hide;
	bool noise_filter;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct noise noise;
	bool verbose;
	uint64_t page;

	struct mmap_proc **buckets;
	size_t nbuckets, nprocs;

	uint64_t live_mapped; /* visible mapped bytes of live processes */
	uint64_t peak_mapped;

	/* folded in at exit, exec and the end */
	uint64_t heap_bytes;
	uint64_t mmap_bytes;
	uint64_t mmap_regions;
	uint64_t hidden_mapped_bytes;
};

static const struct cpd_option mmap_options[] = {
	{ .name = "noise_filter",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct mmap, noise_filter),
	  .help = "hide mappings of shared libraries, the loader and /dev (-v shows them)" },
	{ .name = "hide",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct mmap, hide),
	  .help = "more backing files to hide: fnmatch globs, a directory hides what is below it" },
	CPD_OPTION_END
};

static const char *const mmap_syscalls[] = {
	"brk", "mmap", "munmap", "mremap", "mprotect",
	/* i386 only: mmap with the offset in pages */
	"mmap2", NULL
};

/* ---- processes ------------------------------------------------------ */

static size_t mmap_slot(const struct mmap *m, int32_t pid)
{
	return ((uint32_t)pid * 2654435761u) & (m->nbuckets - 1);
}

static struct mmap_proc *mmap_find(struct mmap *m, int32_t pid)
{
	struct mmap_proc *p;

	if (!m->nbuckets)
		return NULL;
	for (p = m->buckets[mmap_slot(m, pid)]; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

static int mmap_grow(struct mmap *m)
{
	size_t nb = m->nbuckets ? m->nbuckets * 2 : 64, i;
	struct mmap_proc **b = calloc(nb, sizeof(*b)), **old = m->buckets;
	size_t oldn = m->nbuckets;

	if (!b)
		return -ENOMEM;
	m->buckets = b;
	m->nbuckets = nb;
	for (i = 0; i < oldn; i++) {
		struct mmap_proc *p = old[i], *next;

		for (; p; p = next) {
			next = p->next;
			p->next = b[mmap_slot(m, p->pid)];
			b[mmap_slot(m, p->pid)] = p;
		}
	}
	free(old);
	return 0;
}

static struct mmap_proc *mmap_get(struct mmap *m, int32_t pid)
{
	struct mmap_proc *p = mmap_find(m, pid);

	if (p)
		return p;
	if (m->nprocs >= m->nbuckets && mmap_grow(m) < 0)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = pid;
	p->next = m->buckets[mmap_slot(m, pid)];
	m->buckets[mmap_slot(m, pid)] = p;
	m->nprocs++;
	return p;
}

static void mmap_live_add(struct mmap *m, int64_t delta)
{
	m->live_mapped += (uint64_t)delta;
	if (m->live_mapped > m->peak_mapped)
		m->peak_mapped = m->live_mapped;
}

static uint64_t mmap_heap(const struct mmap_proc *p)
{
	if (!p->have_brk || p->brk_current <= p->brk_initial)
		return 0;
	return p->brk_current - p->brk_initial;
}

/*
 * The process' address space is going away (exit) or being replaced
 * (exec): fold what it had into the totals, then forget it.
 */
static void mmap_fold(struct mmap *m, struct mmap_proc *p)
{
	m->heap_bytes += mmap_heap(p);
	m->mmap_bytes += p->mapped;
	m->mmap_regions += p->regions;
	m->hidden_mapped_bytes += p->hidden_mapped;
	m->live_mapped -= p->mapped;
	free(p->r);
	p->r = NULL;
	p->n = p->cap = 0;
	p->mapped = p->hidden_mapped = p->regions = 0;
	p->have_brk = false;
	p->brk_initial = p->brk_current = 0;
}

static void mmap_drop(struct mmap *m, int32_t pid)
{
	struct mmap_proc **pp, *p;

	if (!m->nbuckets)
		return;
	for (pp = &m->buckets[mmap_slot(m, pid)]; (p = *pp); pp = &p->next) {
		if (p->pid != pid)
			continue;
		mmap_fold(m, p);
		*pp = p->next;
		free(p);
		m->nprocs--;
		return;
	}
}

/* ---- the interval set ----------------------------------------------- */

/* Room for extra more ranges, so no operation fails half done. */
static int mmap_reserve(struct mmap_proc *p, size_t extra)
{
	size_t cap;
	struct mmap_range *r;

	if (p->n + extra <= p->cap)
		return 0;
	cap = p->cap ? p->cap * 2 : 16;
	while (cap < p->n + extra)
		cap *= 2;
	r = realloc(p->r, cap * sizeof(*r));
	if (!r)
		return -ENOMEM;
	p->r = r;
	p->cap = cap;
	return 0;
}

/* Index of the first range ending after addr. */
static size_t mmap_first_after(const struct mmap_proc *p, uint64_t addr)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->r[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Bytes of [a, b) covered by visible and by hidden ranges. */
static void mmap_overlap(const struct mmap_proc *p, uint64_t a, uint64_t b,
			 uint64_t *vis, uint64_t *hid)
{
	size_t i;

	*vis = *hid = 0;
	for (i = mmap_first_after(p, a); i < p->n && p->r[i].start < b; i++) {
		uint64_t s = p->r[i].start > a ? p->r[i].start : a;
		uint64_t e = p->r[i].end < b ? p->r[i].end : b;

		*(p->r[i].hidden ? hid : vis) += e - s;
	}
}

/*
 * Unmap [a, b): cut the ranges it overlaps, keeping what lies outside.
 * Needs one free slot (a range split in two). Adds the bytes removed to
 * *vis and *hid.
 */
static void mmap_cut(struct mmap_proc *p, uint64_t a, uint64_t b, uint64_t *vis,
		     uint64_t *hid)
{
	size_t i = mmap_first_after(p, a), j;
	uint64_t v = 0, h = 0;

	if (i < p->n && p->r[i].start < a) {
		struct mmap_range *r = &p->r[i];

		if (r->end > b) {
			/* a hole in the middle: the range becomes two */
			memmove(&p->r[i + 2], &p->r[i + 1],
				(p->n - i - 1) * sizeof(*p->r));
			p->r[i + 1].start = b;
			p->r[i + 1].end = r->end;
			p->r[i + 1].hidden = r->hidden;
			*(r->hidden ? &h : &v) += b - a;
			if (!r->hidden)
				p->regions++;
			r->end = a;
			p->n++;
			goto out;
		}
		*(r->hidden ? &h : &v) += r->end - a;
		r->end = a;
		i++;
	}
	for (j = i; j < p->n && p->r[j].end <= b; j++) {
		*(p->r[j].hidden ? &h : &v) += p->r[j].end - p->r[j].start;
		if (!p->r[j].hidden)
			p->regions--;
	}
	if (j < p->n && p->r[j].start < b) {
		*(p->r[j].hidden ? &h : &v) += b - p->r[j].start;
		p->r[j].start = b;
	}
	memmove(&p->r[i], &p->r[j], (p->n - j) * sizeof(*p->r));
	p->n -= j - i;
out:
	p->mapped -= v;
	p->hidden_mapped -= h;
	*vis += v;
	*hid += h;
}

/* Map [a, b), replacing whatever was there. Needs two free slots. */
static void mmap_put(struct mmap_proc *p, uint64_t a, uint64_t b, bool hidden,
		     uint64_t *vis, uint64_t *hid)
{
	size_t i;

	mmap_cut(p, a, b, vis, hid);
	i = mmap_first_after(p, a);
	memmove(&p->r[i + 1], &p->r[i], (p->n - i) * sizeof(*p->r));
	p->r[i].start = a;
	p->r[i].end = b;
	p->r[i].hidden = hidden;
	p->n++;
	if (hidden) {
		p->hidden_mapped += b - a;
	} else {
		p->mapped += b - a;
		p->regions++;
	}
}

/* [addr, addr + len) rounded out to pages; false if it wraps. */
static bool mmap_span(const struct mmap *m, uint64_t addr, uint64_t len,
		      uint64_t *a, uint64_t *b)
{
	uint64_t mask = m->page - 1, rlen;

	if (len > UINT64_MAX - mask)
		return false;
	rlen = (len + mask) & ~mask;
	*a = addr & ~mask;
	if (rlen > UINT64_MAX - *a)
		return false;
	*b = *a + rlen;
	return *b > *a;
}

/* ---- publishing ----------------------------------------------------- */

static void mmap_publish(struct mmap *m, const struct cpd_event *sev,
			 const struct mmap_proc *p, struct cpd_ev_mmap *e)
{
	struct cpd_event ev;

	if ((e->flags & CPD_MMAPF_HIDDEN) && !m->verbose)
		return;
	report_derive(&ev, CPD_EV_MMAP, sev);
	e->heap_bytes = mmap_heap(p);
	e->mapped_bytes = p->mapped;
	e->cause_seq = sev->seq;
	ev.u.mmap = *e;
	/* a refusal is logged by the host; the totals are ours either way */
	m->host->publish(m->inst, &ev);
}

/* ---- the calls ------------------------------------------------------ */

static void mmap_brk(struct mmap *m, const struct cpd_event *ev,
		     struct mmap_proc *p)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t brk = (uint64_t)sc->ret, prev;
	struct cpd_ev_mmap e;

	if (!brk)
		return;
	if (!p->have_brk) {
		/* the first break we see is where this heap starts */
		p->have_brk = true;
		p->brk_initial = p->brk_current = brk;
		return;
	}
	prev = p->brk_current;
	p->brk_current = brk;
	if (brk <= prev || brk - prev <= MM_BRK_QUIET)
		return;
	memset(&e, 0, sizeof(e));
	e.op = CPD_MMAP_BRK;
	e.fd = -1;
	e.addr = brk;
	e.len = brk - prev;
	e.old_addr = prev;
	e.delta = (int64_t)(brk - prev);
	mmap_publish(m, ev, p, &e);
}

/* The arguments of mmap, whichever ABI the call came in. */
struct mmap_args {
	uint64_t addr, len, prot, flags, fd;
	int64_t offset;
	const struct cpd_fdinfo *fdinfo;
};

static bool mmap_map_args(const struct cpd_syscall *sc, struct mmap_args *a)
{
	memset(a, 0, sizeof(*a));
	if (sc->arch == AUDIT_ARCH_I386 && !strcmp(sc->name.ptr, "mmap")) {
		/* old_mmap(struct mmap_arg_struct *), read by the core */
		const struct cpd_mmap_args *v = report_arg_mmap(sc, 0);

		if (!v)
			return false;
		a->addr = v->addr;
		a->len = v->len;
		a->prot = v->prot;
		a->flags = v->flags;
		a->fd = (uint32_t)v->fd;
		a->offset = v->offset;
		a->fdinfo = report_arg_fd(sc, 0);
		return true;
	}
	a->addr = sc->args[0];
	a->len = sc->args[1];
	a->prot = sc->args[2];
	a->flags = sc->args[3];
	a->fd = sc->args[4];
	a->offset = (int64_t)sc->args[5];
	if (!strcmp(sc->name.ptr, "mmap2"))
		a->offset *= 4096; /* mmap2 counts in 4096-byte units */
	a->fdinfo = report_arg_fd(sc, 4);
	return true;
}

static void mmap_map(struct mmap *m, const struct cpd_event *ev,
		     struct mmap_proc *p)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t a, b, vis = 0, hid = 0, before = p->mapped, ovis, ohid;
	struct cpd_ev_mmap e;
	struct mmap_args args;
	bool anon, hidden = false;

	if (sc->err || !mmap_map_args(sc, &args) ||
	    !mmap_span(m, (uint64_t)sc->ret, args.len, &a, &b) ||
	    mmap_reserve(p, 2) < 0)
		return;
	anon = args.flags & MAP_ANONYMOUS;
	memset(&e, 0, sizeof(e));
	e.op = CPD_MMAP_MAP;
	e.addr = (uint64_t)sc->ret;
	e.len = args.len;
	e.prot = (uint32_t)args.prot;
	e.map_flags = (uint32_t)args.flags;
	e.fd = anon ? -1 : (int32_t)args.fd;
	e.offset = args.offset;
	if (anon)
		e.flags |= CPD_MMAPF_ANON;
	if ((args.flags & MAP_SHARED_VALIDATE) == MAP_SHARED ||
	    (args.flags & MAP_SHARED_VALIDATE) == MAP_SHARED_VALIDATE)
		e.flags |= CPD_MMAPF_SHARED;
	if (args.flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
		e.flags |= CPD_MMAPF_FIXED;
	if (args.flags & (MAP_STACK | MAP_GROWSDOWN))
		e.flags |= CPD_MMAPF_STACK;
	if (!anon && args.fdinfo && args.fdinfo->path.len) {
		e.path = args.fdinfo->path;
		hidden = noise_match(&m->noise, e.path.ptr, e.path.len);
	}
	/*
	 * The loader maps a library's .bss as anonymous memory fixed inside
	 * the library's reservation: part of the library, not the program.
	 */
	if (anon && (e.flags & CPD_MMAPF_FIXED)) {
		mmap_overlap(p, a, b, &ovis, &ohid);
		if (ohid && !ovis)
			hidden = true;
	}
	mmap_put(p, a, b, hidden, &vis, &hid);
	mmap_live_add(m, (int64_t)(p->mapped - before));
	if (hidden)
		e.flags |= CPD_MMAPF_HIDDEN;
	e.delta = (int64_t)(p->mapped - before);
	mmap_publish(m, ev, p, &e);
}

static void mmap_unmap(struct mmap *m, const struct cpd_event *ev,
		       struct mmap_proc *p)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t a, b, vis = 0, hid = 0;
	struct cpd_ev_mmap e;

	if (sc->err || !mmap_span(m, sc->args[0], sc->args[1], &a, &b) ||
	    mmap_reserve(p, 1) < 0)
		return;
	mmap_cut(p, a, b, &vis, &hid);
	mmap_live_add(m, -(int64_t)vis);
	memset(&e, 0, sizeof(e));
	e.op = CPD_MMAP_UNMAP;
	e.fd = -1;
	e.addr = a;
	e.len = vis + hid; /* what was really mapped there */
	e.old_len = b - a; /* what was asked for */
	e.delta = -(int64_t)vis;
	if (hid && !vis)
		e.flags |= CPD_MMAPF_HIDDEN;
	mmap_publish(m, ev, p, &e);
}

static void mmap_remap(struct mmap *m, const struct cpd_event *ev,
		       struct mmap_proc *p)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t oa, ob, na, nb, vis = 0, hid = 0, before = p->mapped;
	uint64_t flags = sc->args[3];
	struct cpd_ev_mmap e;
	bool hidden = false;
	size_t i;

	if (sc->err ||
	    !mmap_span(m, (uint64_t)sc->ret, sc->args[2], &na, &nb) ||
	    mmap_reserve(p, 3) < 0)
		return;
	/* old_size 0 duplicates a shared mapping: nothing goes away */
	if (!sc->args[1] || !mmap_span(m, sc->args[0], sc->args[1], &oa, &ob))
		oa = ob = 0;
	/* the moved bytes keep their nature: a library stays hidden */
	i = mmap_first_after(p, sc->args[0]);
	if (i < p->n && p->r[i].start <= sc->args[0])
		hidden = p->r[i].hidden;
	if (ob > oa && !(flags & MREMAP_DONTUNMAP))
		mmap_cut(p, oa, ob, &vis, &hid);
	mmap_put(p, na, nb, hidden, &vis, &hid);
	mmap_live_add(m, (int64_t)(p->mapped - before));
	memset(&e, 0, sizeof(e));
	e.op = CPD_MMAP_REMAP;
	e.fd = -1;
	e.addr = (uint64_t)sc->ret;
	e.len = sc->args[2];
	e.old_addr = sc->args[0];
	e.old_len = sc->args[1];
	/* map_flags is MAP_*: MREMAP_* would be misread there */
	e.delta = (int64_t)(p->mapped - before);
	if (hidden)
		e.flags |= CPD_MMAPF_HIDDEN;
	mmap_publish(m, ev, p, &e);
}

static void mmap_protect(struct mmap *m, const struct cpd_event *ev,
			 struct mmap_proc *p)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t a, b, vis, hid;
	struct cpd_ev_mmap e;

	/* protection changes are detail: only -v shows them */
	if (!m->verbose || sc->err ||
	    !mmap_span(m, sc->args[0], sc->args[1], &a, &b))
		return;
	mmap_overlap(p, a, b, &vis, &hid);
	memset(&e, 0, sizeof(e));
	e.op = CPD_MMAP_PROTECT;
	e.fd = -1;
	e.addr = sc->args[0];
	e.len = sc->args[1];
	e.prot = (uint32_t)sc->args[2];
	if (hid && !vis)
		e.flags |= CPD_MMAPF_HIDDEN;
	mmap_publish(m, ev, p, &e);
}

static void mmap_proc_event(struct mmap *m, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *pr = &ev->u.proc;
	struct mmap_proc *parent, *child;

	switch (pr->op) {
	case CPD_PROC_SPAWN_PROCESS:
		parent = mmap_find(m, ev->pid);
		if (!parent || !parent->have_brk || pr->child_pid == ev->pid)
			break;
		child = mmap_get(m, pr->child_pid);
		if (!child || child->have_brk)
			break;
		child->have_brk = true;
		child->brk_initial = child->brk_current = parent->brk_current;
		break;
	case CPD_PROC_EXEC:
		parent = mmap_find(m, ev->pid);
		if (parent)
			mmap_fold(m, parent);
		break;
	case CPD_PROC_EXIT:
		if (pr->flags & CPD_PROCF_GROUP_EXIT)
			mmap_drop(m, ev->pid);
		break;
	default:
		break;
	}
}

static int mmap_on_event(void *state, const struct cpd_event *ev)
{
	struct mmap *m = state;
	const struct cpd_syscall *sc;
	struct mmap_proc *p;
	const char *name;

	if (ev->kind == CPD_EV_PROC) {
		mmap_proc_event(m, ev);
		return 0;
	}
	if (ev->kind != CPD_EV_SYSCALL)
		return 0;
	sc = &ev->u.syscall;
	/* without the exit there is no result to account */
	if (sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY) || !sc->name.ptr)
		return 0;
	name = sc->name.ptr;
	p = mmap_get(m, ev->pid);
	if (!p)
		return -ENOMEM;
	if (!strcmp(name, "brk"))
		mmap_brk(m, ev, p);
	else if (!strcmp(name, "mmap") || !strcmp(name, "mmap2"))
		mmap_map(m, ev, p);
	else if (!strcmp(name, "munmap"))
		mmap_unmap(m, ev, p);
	else if (!strcmp(name, "mremap"))
		mmap_remap(m, ev, p);
	else if (!strcmp(name, "mprotect"))
		mmap_protect(m, ev, p);
	return 0;
}

/* ---- reports -------------------------------------------------------- */

/* What mmap_stop() publishes (the totals above); outputs lay it out. */
static const struct cpd_report_key mmap_memory_keys[] = {
	REPORT_KEY("heap_bytes", "Heap", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, NULL,
		   "the brk heap the processes grew, each at its end"),
	REPORT_KEY("mmap_bytes", "Mmap", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, NULL,
		   "bytes the processes kept mapped, each at its end"),
	REPORT_KEY("mmap_regions", "regions", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "the mapped ranges behind mmap_bytes"),
	REPORT_KEY("total_bytes", "Total", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, NULL,
		   "heap and mappings together"),
	REPORT_KEY("peak_mapped_bytes", "Peak mapped", CPD_KV_U64,
		   CPD_UNIT_BYTES, 0, NULL,
		   "the most bytes all live processes had mapped at once"),
	REPORT_KEY("hidden_mapped_bytes", "Library and system mappings",
		   CPD_KV_U64, CPD_UNIT_BYTES, 0, NULL,
		   "like mmap_bytes, for files the noise filter hides"),
};

static const struct cpd_report_desc mmap_reports[] = {
	{ .topic = "memory",
	  .title = "Memory",
	  .flags = CPD_RDF_SUMMARY,
	  .order = 10,
	  .keys = mmap_memory_keys,
	  .nkeys = REPORT_NKEYS(mmap_memory_keys),
	  .help = "heap and mapped memory of the traced processes" },
	CPD_REPORT_END
};

static int mmap_stop(void *state)
{
	struct mmap *m = state;
	struct cpd_kv kv[6];
	size_t i;

	/* whoever is still alive ends here */
	for (i = 0; i < m->nbuckets; i++) {
		struct mmap_proc *p;

		for (p = m->buckets[i]; p; p = p->next)
			mmap_fold(m, p);
	}
	kv[0] = report_val_u64("heap_bytes", m->heap_bytes);
	kv[1] = report_val_u64("mmap_bytes", m->mmap_bytes);
	kv[2] = report_val_u64("mmap_regions", m->mmap_regions);
	kv[3] = report_val_u64("total_bytes", m->heap_bytes + m->mmap_bytes);
	kv[4] = report_val_u64("peak_mapped_bytes", m->peak_mapped);
	kv[5] = report_val_u64("hidden_mapped_bytes", m->hidden_mapped_bytes);
	report_publish_desc(m->host, m->inst, &mmap_reports[0], kv, 6);
	return 0;
}

/* ---- lifecycle ------------------------------------------------------ */

static int mmap_start(void *state)
{
	struct mmap *m = state;

	m->verbose = m->host->run_info(m->inst)->verbose > 0;
	return 0;
}

/* What the options do not say, and the filter they configure. */
static int mmap_setup(void *state)
{
	struct mmap *m = state;
	long page = sysconf(_SC_PAGESIZE);

	/* the tracees share our kernel, so they share our page size */
	m->page = page > 0 && !(page & (page - 1)) ? (uint64_t)page : 4096;
	return noise_init(&m->noise, m->noise_filter, m->hide);
}

static void mmap_release(void *state)
{
	struct mmap *m = state;
	size_t i;

	for (i = 0; i < m->nbuckets; i++) {
		struct mmap_proc *p = m->buckets[i], *next;

		for (; p; p = next) {
			next = p->next;
			free(p->r);
			free(p);
		}
	}
	free(m->buckets);
	noise_free(&m->noise);
}

static const struct instance_type mmap_type =
	INSTANCE_TYPE(struct mmap, mmap_setup, mmap_release);

static int mmap_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	return instance_init(&mmap_type, inst, host, statep);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "mmap", .version = "1.0",
		.description =
			"heap (brk) growth and mmap/munmap/mremap, with live-mapping totals",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC),
		.syscall_classes = 0, .syscalls = mmap_syscalls,
		.publishes = CPD_EVMASK(CPD_EV_MMAP) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON, .options = mmap_options,
		.init = mmap_init, .start = mmap_start,
		.on_event = mmap_on_event, .stop = mmap_stop,
		.fini = instance_fini, .reports = mmap_reports, );
