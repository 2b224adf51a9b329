/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The event bus: subscribers indexed by kind, synchronous in-order
 * delivery on the loop thread. An event published while another is being
 * delivered is deep-copied into a FIFO and delivered right after it, never
 * back to its publisher; depth and length limits stop publish loops.
 */
#ifndef CPD_CORE_BUS_H
#define CPD_CORE_BUS_H

#include <compendium/event.h>

#include "base/cpd.h"

/* How deep a chain of events publishing events may go. */
#define BUS_MAX_DEPTH 16
/* Events waiting in the FIFO at most. */
#define BUS_MAX_QUEUE 65536

typedef int (*bus_deliver_fn)(void *owner, const struct cpd_event *ev);

struct bus;

struct bus *bus_new(void);
void bus_free(struct bus *bus);

/* Add a subscriber for the kinds in mask; subscribers are served in the
 * order they subscribed. */
void bus_subscribe(struct bus *bus, uint64_t mask, void *owner,
		   bus_deliver_fn fn);
/*
 * Narrow owner's CPD_EV_SYSCALL deliveries on arch to the syscall numbers
 * set in bits (nbits long; copied). Without a filter an owner gets every
 * syscall; with filters, a syscall of an arch it has no filter for is not
 * delivered.
 */
void bus_filter_syscalls(struct bus *bus, void *owner, uint32_t arch,
			 const uint64_t *bits, size_t nbits);

/* owner needs syscalls at entry only (CPD_PF_SYSCALL_ENTRY). */
void bus_entry_only(struct bus *bus, void *owner);
/* owner takes batched syscalls (CPD_PF_SYSCALL_BATCH). */
void bus_batch_ok(struct bus *bus, void *owner);
/* Whether a subscriber of syscall nr needs one event per call. */
bool bus_wants_syscall_single(const struct bus *bus, uint32_t arch, int nr);
/* Whether a subscriber of syscall nr needs to see its exit. */
bool bus_wants_syscall_exit(const struct bus *bus, uint32_t arch, int nr);

/* Whether anyone subscribed to kind. */
bool bus_wants(const struct bus *bus, uint32_t kind);
/* Whether anyone would get syscall nr of arch. */
bool bus_wants_syscall(const struct bus *bus, uint32_t arch, int nr);

/*
 * Publish ev (in_size bytes as its producer built it) from publisher
 * (NULL for the core). Returns 0, -EINVAL, -ELOOP or -ENOBUFS; why
 * says what was wrong. source is stamped into the event.
 */
int bus_publish(struct bus *bus, void *publisher, uint16_t source,
		const struct cpd_event *ev, size_t in_size, char *why,
		size_t whylen);

/*
 * bus_publish() of a whole event from the core, which is delivered in
 * place: its size, seq and source are stamped into it.
 */
int bus_publish_core(struct bus *bus, struct cpd_event *ev, char *why,
		     size_t whylen);
/* Whether a delivery is under way (publishes are being deferred). */
bool bus_dispatching(const struct bus *bus);

uint64_t bus_last_seq(const struct bus *bus);
uint64_t bus_published(const struct bus *bus);
uint64_t bus_dropped(const struct bus *bus);

#endif /* CPD_CORE_BUS_H */
