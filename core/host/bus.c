// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "bus.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "evcopy.h"
#include "base/xmalloc.h"

struct bus_scf {
	uint32_t arch;
	uint64_t *bits;
	size_t nbits;
};

struct bus_sub {
	void *owner;
	bus_deliver_fn fn;
	struct bus_scf *scf; /* syscall filters; NULL = all */
	size_t nscf;
	bool entry_only; /* its syscalls need no exit stop */
	bool batch;	 /* it takes batched syscalls (CPD_SCF_BATCH) */
};

/*
 * Who gets each syscall of an arch: bit i of mask[nr] for the i-th
 * SYSCALL subscriber, worked out once from their filters rather than at
 * every delivery. Built when first needed; subscribing or filtering
 * again drops it.
 */
#define BUS_SCMAP_SUBS 64

struct bus_scmap {
	uint32_t arch;
	size_t n;
	uint64_t *mask;
};

struct bus_item {
	struct cpd_event *ev; /* deep copy, in the bus's arena */
	void *publisher;
	unsigned depth;
};

struct bus {
	/* per kind, the subscribers in subscription order */
	struct bus_sub **subs[CPD_EV_MAX + 1];
	size_t nsubs[CPD_EV_MAX + 1], caps[CPD_EV_MAX + 1];
	struct bus_sub **all; /* every subscriber, owning */
	size_t nall, capall;

	/* deferred FIFO, a ring */
	struct bus_item *q;
	size_t qhead, qlen, qcap;
	/* the queued copies, reset when the FIFO has drained */
	struct arena qarena;

	struct bus_scmap scmap[2];
	bool scmap_built;

	unsigned depth; /* depth of the event being delivered, 0 = none */
	uint64_t seq;
	uint64_t published;
	uint64_t dropped;
};

struct bus *bus_new(void)
{
	return xcalloc(1, sizeof(struct bus));
}

static void bus_scmap_drop(struct bus *bus)
{
	size_t a;

	for (a = 0; a < ARRAY_SIZE(bus->scmap); a++) {
		free(bus->scmap[a].mask);
		memset(&bus->scmap[a], 0, sizeof(bus->scmap[a]));
	}
	bus->scmap_built = false;
}

void bus_free(struct bus *bus)
{
	size_t i, j;

	if (!bus)
		return;
	bus_scmap_drop(bus);
	arena_free(&bus->qarena);
	free(bus->q);
	for (i = 0; i <= CPD_EV_MAX; i++)
		free(bus->subs[i]);
	for (i = 0; i < bus->nall; i++) {
		for (j = 0; j < bus->all[i]->nscf; j++)
			free(bus->all[i]->scf[j].bits);
		free(bus->all[i]->scf);
		free(bus->all[i]);
	}
	free(bus->all);
	free(bus);
}

static struct bus_sub *bus_find(struct bus *bus, void *owner)
{
	size_t i;

	for (i = 0; i < bus->nall; i++)
		if (bus->all[i]->owner == owner)
			return bus->all[i];
	return NULL;
}

void bus_subscribe(struct bus *bus, uint64_t mask, void *owner,
		   bus_deliver_fn fn)
{
	struct bus_sub *sub = bus_find(bus, owner);
	uint32_t k;

	bus_scmap_drop(bus);
	if (!sub) {
		sub = xcalloc(1, sizeof(*sub));
		sub->owner = owner;
		sub->fn = fn;
		bus->all = xgrow(bus->all, &bus->capall, bus->nall,
				 sizeof(*bus->all));
		bus->all[bus->nall++] = sub;
	}
	for (k = 1; k <= CPD_EV_MAX; k++) {
		if (!(mask & CPD_EVMASK(k)))
			continue;
		bus->subs[k] = xgrow(bus->subs[k], &bus->caps[k], bus->nsubs[k],
				     sizeof(*bus->subs[k]));
		bus->subs[k][bus->nsubs[k]++] = sub;
	}
}

void bus_filter_syscalls(struct bus *bus, void *owner, uint32_t arch,
			 const uint64_t *bits, size_t nbits)
{
	struct bus_sub *sub = bus_find(bus, owner);
	size_t words = (nbits + 63) / 64;
	struct bus_scf *f;

	if (!sub)
		return;
	bus_scmap_drop(bus);
	sub->scf = xreallocarray(sub->scf, sub->nscf + 1, sizeof(*sub->scf));
	f = &sub->scf[sub->nscf++];
	f->arch = arch;
	f->nbits = nbits;
	f->bits = xmemdup(bits, words * sizeof(uint64_t));
}

static bool bus_sub_wants_syscall(const struct bus_sub *sub, uint32_t arch,
				  int nr)
{
	size_t i;

	if (!sub->scf)
		return true;
	for (i = 0; i < sub->nscf; i++) {
		const struct bus_scf *f = &sub->scf[i];

		if (f->arch != arch)
			continue;
		return nr >= 0 && (size_t)nr < f->nbits &&
		       (f->bits[nr / 64] >> (nr % 64)) & 1;
	}
	return false;
}

void bus_entry_only(struct bus *bus, void *owner)
{
	struct bus_sub *sub = bus_find(bus, owner);

	if (sub)
		sub->entry_only = true;
}

void bus_batch_ok(struct bus *bus, void *owner)
{
	struct bus_sub *sub = bus_find(bus, owner);

	if (sub)
		sub->batch = true;
}

bool bus_wants_syscall_single(const struct bus *bus, uint32_t arch, int nr)
{
	size_t i;

	for (i = 0; i < bus->nsubs[CPD_EV_SYSCALL]; i++) {
		const struct bus_sub *sub = bus->subs[CPD_EV_SYSCALL][i];

		if (!sub->batch && bus_sub_wants_syscall(sub, arch, nr))
			return true;
	}
	return false;
}

bool bus_wants_syscall_exit(const struct bus *bus, uint32_t arch, int nr)
{
	size_t i;

	for (i = 0; i < bus->nsubs[CPD_EV_SYSCALL]; i++) {
		const struct bus_sub *sub = bus->subs[CPD_EV_SYSCALL][i];

		if (!sub->entry_only && bus_sub_wants_syscall(sub, arch, nr))
			return true;
	}
	return false;
}

bool bus_wants(const struct bus *bus, uint32_t kind)
{
	return kind <= CPD_EV_MAX && bus->nsubs[kind] > 0;
}

bool bus_wants_syscall(const struct bus *bus, uint32_t arch, int nr)
{
	size_t i;

	for (i = 0; i < bus->nsubs[CPD_EV_SYSCALL]; i++)
		if (bus_sub_wants_syscall(bus->subs[CPD_EV_SYSCALL][i], arch,
					  nr))
			return true;
	return false;
}

/* The masks of the (at most two) arches the filters name. */
static void bus_scmap_build(struct bus *bus)
{
	size_t n = bus->nsubs[CPD_EV_SYSCALL], i, j, a;
	int nr;

	bus->scmap_built = true;
	if (n > BUS_SCMAP_SUBS)
		return;
	for (i = 0; i < n; i++) {
		const struct bus_sub *sub = bus->subs[CPD_EV_SYSCALL][i];

		for (j = 0; j < sub->nscf; j++) {
			const struct bus_scf *f = &sub->scf[j];

			for (a = 0; a < ARRAY_SIZE(bus->scmap); a++)
				if (!bus->scmap[a].n ||
				    bus->scmap[a].arch == f->arch)
					break;
			if (a == ARRAY_SIZE(bus->scmap))
				continue;
			bus->scmap[a].arch = f->arch;
			bus->scmap[a].n = MAX(bus->scmap[a].n, f->nbits);
		}
	}
	for (a = 0; a < ARRAY_SIZE(bus->scmap); a++) {
		struct bus_scmap *m = &bus->scmap[a];

		if (!m->n)
			continue;
		m->mask = xcalloc(m->n, sizeof(*m->mask));
		for (nr = 0; (size_t)nr < m->n; nr++)
			for (i = 0; i < n; i++)
				if (bus_sub_wants_syscall(
					    bus->subs[CPD_EV_SYSCALL][i],
					    m->arch, nr))
					m->mask[nr] |= UINT64_C(1) << i;
	}
}

/* Deliver a syscall to the subscribers its mask names. */
static bool bus_deliver_syscall(struct bus *bus, const struct cpd_event *ev,
				void *publisher)
{
	const struct bus_scmap *m = NULL;
	uint32_t nr = (uint32_t)ev->u.syscall.nr;
	uint64_t mask;
	size_t a;

	if (!bus->scmap_built)
		bus_scmap_build(bus);
	for (a = 0; a < ARRAY_SIZE(bus->scmap); a++)
		if (bus->scmap[a].n && bus->scmap[a].arch == ev->u.syscall.arch)
			m = &bus->scmap[a];
	if (!m || nr >= m->n)
		return false;
	for (mask = m->mask[nr]; mask; mask &= mask - 1) {
		struct bus_sub *sub =
			bus->subs[CPD_EV_SYSCALL][__builtin_ctzll(mask)];

		if (sub->owner != publisher || !publisher)
			sub->fn(sub->owner, ev);
	}
	return true;
}

/*
 * Whether bus_deliver() would hand ev, of a kind other than SYSCALL, to
 * anyone (a SYSCALL subscriber's filter needs the event's arch and nr).
 */
static bool bus_has_receiver(const struct bus *bus, const struct cpd_event *ev,
			     const void *publisher)
{
	size_t i, n = bus->nsubs[ev->kind];

	for (i = 0; i < n; i++)
		if (bus->subs[ev->kind][i]->owner != publisher || !publisher)
			return true;
	return false;
}

static void bus_deliver(struct bus *bus, const struct cpd_event *ev,
			void *publisher, unsigned depth)
{
	size_t i, n = bus->nsubs[ev->kind];
	unsigned saved = bus->depth;

	bus->depth = depth;
	if (ev->kind == CPD_EV_SYSCALL &&
	    bus_deliver_syscall(bus, ev, publisher)) {
		bus->depth = saved;
		return;
	}
	for (i = 0; i < n; i++) {
		struct bus_sub *sub = bus->subs[ev->kind][i];

		if (sub->owner == publisher && publisher)
			continue;
		if (ev->kind == CPD_EV_SYSCALL &&
		    !bus_sub_wants_syscall(sub, ev->u.syscall.arch,
					   ev->u.syscall.nr))
			continue;
		/* a batch is many calls in one: only for who says it knows */
		if (ev->kind == CPD_EV_SYSCALL && !sub->batch &&
		    (ev->u.syscall.flags & CPD_SCF_BATCH))
			continue;
		sub->fn(sub->owner, ev);
	}
	bus->depth = saved;
}

static int bus_enqueue(struct bus *bus, void *publisher,
		       const struct cpd_event *ev, size_t in_size, size_t size,
		       uint16_t source, char *why, size_t whylen)
{
	struct bus_item *it;
	size_t i;

	if (bus->depth >= BUS_MAX_DEPTH) {
		snprintf(
			why, whylen,
			"event chain deeper than %d: dropping a published event to break a publish loop",
			BUS_MAX_DEPTH);
		bus->dropped++;
		return -ELOOP;
	}
	if (bus->qlen >= BUS_MAX_QUEUE) {
		snprintf(
			why, whylen,
			"%d events already waiting: dropping a published event",
			BUS_MAX_QUEUE);
		bus->dropped++;
		return -ENOBUFS;
	}
	/*
	 * Delivering it would reach no one (its publisher never gets its
	 * own events): numbered and counted as published all the same, so
	 * sequence numbers and statistics do not depend on who listens,
	 * but not copied.
	 */
	if (ev->kind != CPD_EV_SYSCALL &&
	    !bus_has_receiver(bus, ev, publisher)) {
		bus->seq++;
		bus->published++;
		return 0;
	}
	if (bus->qlen == bus->qcap) {
		size_t ncap = bus->qcap ? bus->qcap * 2 : 64;
		struct bus_item *nq = xreallocarray(NULL, ncap, sizeof(*nq));

		for (i = 0; i < bus->qlen; i++)
			nq[i] = bus->q[(bus->qhead + i) % bus->qcap];
		free(bus->q);
		bus->q = nq;
		bus->qcap = ncap;
		bus->qhead = 0;
	}
	it = &bus->q[(bus->qhead + bus->qlen) % bus->qcap];
	if (!size)
		size = evcopy_size(ev, in_size);
	it->ev = evcopy_pack(ev, in_size, arena_alloc(&bus->qarena, size));
	it->ev->seq = ++bus->seq;
	it->ev->source = source;
	it->publisher = publisher;
	it->depth = bus->depth + 1;
	bus->qlen++;
	bus->published++;
	return 0;
}

static void bus_drain(struct bus *bus)
{
	while (bus->qlen) {
		struct bus_item it = bus->q[bus->qhead];

		bus->qhead = (bus->qhead + 1) % bus->qcap;
		bus->qlen--;
		bus_deliver(bus, it.ev, it.publisher, it.depth);
	}
	/* nothing queued points into it any more */
	arena_reset(&bus->qarena);
}

int bus_publish(struct bus *bus, void *publisher, uint16_t source,
		const struct cpd_event *ev, size_t in_size, char *why,
		size_t whylen)
{
	struct cpd_event local;
	size_t size = 0;
	int err;

	/* The core's own events are well formed by construction. */
	err = publisher ? evcopy_measure(ev, in_size, &size, why, whylen) : 0;
	if (err) {
		bus->dropped++;
		return err;
	}
	if (bus->depth)
		return bus_enqueue(bus, publisher, ev, in_size, size, source,
				   why, whylen);

	/*
	 * Nothing is being delivered: deliver now, borrowing the caller's
	 * strings, then whatever the subscribers published meanwhile.
	 */
	memset(&local, 0, sizeof(local));
	memcpy(&local, ev, MIN(in_size, sizeof(local)));
	local.size = sizeof(local);
	local.seq = ++bus->seq;
	local.source = source;
	bus->published++;
	bus_deliver(bus, &local, publisher, 1);
	bus_drain(bus);
	return 0;
}

int bus_publish_core(struct bus *bus, struct cpd_event *ev, char *why,
		     size_t whylen)
{
	if (bus->depth)
		return bus_enqueue(bus, NULL, ev, sizeof(*ev), 0, CPD_SRC_CORE,
				   why, whylen);
	/* the core's event, delivered where it is */
	ev->size = sizeof(*ev);
	ev->seq = ++bus->seq;
	ev->source = CPD_SRC_CORE;
	bus->published++;
	bus_deliver(bus, ev, NULL, 1);
	bus_drain(bus);
	return 0;
}

bool bus_dispatching(const struct bus *bus)
{
	return bus->depth > 0;
}

uint64_t bus_last_seq(const struct bus *bus)
{
	return bus->seq;
}

uint64_t bus_published(const struct bus *bus)
{
	return bus->published;
}

uint64_t bus_dropped(const struct bus *bus)
{
	return bus->dropped;
}
