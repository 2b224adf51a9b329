// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The event bus (core/host/bus.c): who gets what, in which order, what a
 * publish from inside a delivery does, and the guards against publish
 * loops and malformed events.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>

#include "cpd_test.h"
#include "host/bus.h"
#include "host/evcopy.h"

/* ---- a recording subscriber ------------------------------------------- */

struct rec {
	int who;
	uint16_t kind;
	uint16_t source;
	uint64_t seq;
	uint64_t tag;  /* file/net bytes, syscall nr */
	char path[64]; /* file path */
	char comm[16];
};

#define MAX_RECS 256

static struct rec recs[MAX_RECS];
static size_t nrecs;
static size_t nrecs_dropped; /* past MAX_RECS: counted only */

struct sub;
typedef int (*sub_action)(struct sub *s, const struct cpd_event *ev);

struct sub {
	int id;
	struct bus *bus;
	sub_action action; /* run after recording */
	int rc[4];	   /* publish results the action saw */
	char why[256];
	unsigned calls;
};

static void recs_reset(void)
{
	memset(recs, 0, sizeof(recs));
	nrecs = 0;
	nrecs_dropped = 0;
}

static void copy_str(char *dst, size_t size, const struct cpd_str *s)
{
	size_t n = s->ptr ? MIN((size_t)s->len, size - 1) : 0;

	if (n)
		memcpy(dst, s->ptr, n);
	dst[n] = '\0';
}

static int sub_deliver(void *owner, const struct cpd_event *ev)
{
	struct sub *s = owner;
	struct rec *r;

	s->calls++;
	if (nrecs < MAX_RECS) {
		r = &recs[nrecs++];
		r->who = s->id;
		r->kind = ev->kind;
		r->source = ev->source;
		r->seq = ev->seq;
		if (ev->kind == CPD_EV_FILE) {
			r->tag = ev->u.file.bytes;
			copy_str(r->path, sizeof(r->path), &ev->u.file.path);
		} else if (ev->kind == CPD_EV_NET) {
			r->tag = ev->u.net.bytes;
		} else if (ev->kind == CPD_EV_SYSCALL) {
			r->tag = (uint64_t)ev->u.syscall.nr;
		}
		copy_str(r->comm, sizeof(r->comm), &ev->comm);
	} else {
		nrecs_dropped++;
	}
	return s->action ? s->action(s, ev) : 0;
}

static void ev_file(struct cpd_event *ev, uint64_t bytes, const char *path)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = CPD_EV_FILE;
	ev->pid = ev->tid = 42;
	ev->u.file.op = CPD_FILE_READ;
	ev->u.file.bytes = bytes;
	if (path) {
		ev->u.file.path.ptr = path;
		ev->u.file.path.len = (uint32_t)strlen(path);
	}
}

static void ev_net(struct cpd_event *ev, uint64_t bytes)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = CPD_EV_NET;
	ev->u.net.op = CPD_NET_SEND;
	ev->u.net.bytes = bytes;
}

static void ev_proc(struct cpd_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = CPD_EV_PROC;
	ev->pid = ev->tid = 7;
	ev->u.proc.op = CPD_PROC_EXEC;
}

static int publish_core(struct bus *bus, const struct cpd_event *ev)
{
	char why[256] = "";

	return bus_publish(bus, NULL, CPD_SRC_CORE, ev, sizeof(*ev), why,
			   sizeof(why));
}

static int publish_as(struct sub *s, const struct cpd_event *ev, char *why,
		      size_t whylen)
{
	return bus_publish(s->bus, s, CPD_SRC_PLUGIN, ev, sizeof(*ev), why,
			   whylen);
}

static void setup(void)
{
	recs_reset();
}

/* ---- ordering and routing ------------------------------------------------ */

static void test_dispatch_order(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 3 }, b = { .id = 1 }, c = { .id = 2 };
	struct cpd_event ev;

	/* ids deliberately out of numeric order: order must be by subscription */
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &b, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &c, sub_deliver);
	ev_file(&ev, 5, "/x");
	CPD_ASSERT_INT_EQ(publish_core(bus, &ev), 0);
	CPD_ASSERT_UINT_EQ(nrecs, 3);
	CPD_ASSERT_INT_EQ(recs[0].who, 3);
	CPD_ASSERT_INT_EQ(recs[1].who, 1);
	CPD_ASSERT_INT_EQ(recs[2].who, 2);
	/* one event: every subscriber sees the same seq, stamped by the bus */
	CPD_ASSERT_UINT_EQ(recs[0].seq, 1);
	CPD_ASSERT_UINT_EQ(recs[2].seq, 1);
	CPD_ASSERT_INT_EQ(recs[0].source, CPD_SRC_CORE);
	CPD_ASSERT_UINT_EQ(bus_published(bus), 1);
	bus_free(bus);
}

static void test_kind_routing(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1 }, b = { .id = 2 }, c = { .id = 3 };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_NET), &b, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET), &c,
		      sub_deliver);
	/* a second subscribe adds kinds to the same subscriber */
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_LOST), &a, sub_deliver);

	ev_net(&ev, 1);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 2);
	CPD_ASSERT_INT_EQ(recs[0].who, 2);
	CPD_ASSERT_INT_EQ(recs[1].who, 3);

	recs_reset();
	ev_file(&ev, 1, NULL);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 2);
	CPD_ASSERT_INT_EQ(recs[0].who, 1);
	CPD_ASSERT_INT_EQ(recs[1].who, 3);

	recs_reset();
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_LOST;
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 1);
	CPD_ASSERT_INT_EQ(recs[0].who, 1);

	recs_reset();
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_MMAP;
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 0);

	CU_ASSERT_TRUE(bus_wants(bus, CPD_EV_FILE));
	CU_ASSERT_TRUE(bus_wants(bus, CPD_EV_LOST));
	CU_ASSERT_FALSE(bus_wants(bus, CPD_EV_MMAP));
	CU_ASSERT_FALSE(bus_wants(bus, CPD_EV_MAX + 1));
	CU_ASSERT_FALSE(bus_wants(bus, 1000));
	bus_free(bus);
}

/* ---- publishing from a callback ----------------------------------------- */

static size_t seen_by(int who, uint16_t kind)
{
	size_t i, n = 0;

	for (i = 0; i < nrecs; i++)
		n += recs[i].who == who && recs[i].kind == kind;
	return n;
}

static bool dispatching_in_action;
static size_t b_net_seen_in_action;

static int publish_two_nets(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;

	if (ev->kind != CPD_EV_FILE)
		return 0;
	dispatching_in_action = bus_dispatching(s->bus);
	ev_net(&out, 10);
	s->rc[0] = publish_as(s, &out, s->why, sizeof(s->why));
	ev_net(&out, 11);
	s->rc[1] = publish_as(s, &out, s->why, sizeof(s->why));
	/* deferred: nobody has the NET events while we are still running */
	b_net_seen_in_action = seen_by(2, CPD_EV_NET);
	return 0;
}

static void test_deferred_fifo(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_two_nets };
	struct sub b = { .id = 2, .bus = bus }, c = { .id = 3, .bus = bus };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET), &b,
		      sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_NET), &c, sub_deliver);
	b_net_seen_in_action = 99;
	ev_file(&ev, 1, NULL);
	CPD_ASSERT_INT_EQ(publish_core(bus, &ev), 0);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	CPD_ASSERT_INT_EQ(a.rc[1], 0);
	CU_ASSERT_TRUE(dispatching_in_action);
	CU_ASSERT_FALSE(bus_dispatching(bus));
	CPD_ASSERT_UINT_EQ(b_net_seen_in_action, 0);

	/* the FILE event finishes its round, then the NETs in FIFO order */
	CPD_ASSERT_UINT_EQ(nrecs, 6);
	CPD_ASSERT_INT_EQ(recs[0].who, 1);
	CPD_ASSERT_INT_EQ(recs[0].kind, CPD_EV_FILE);
	CPD_ASSERT_INT_EQ(recs[1].who, 2);
	CPD_ASSERT_INT_EQ(recs[1].kind, CPD_EV_FILE);
	CPD_ASSERT_INT_EQ(recs[2].who, 2);
	CPD_ASSERT_UINT_EQ(recs[2].tag, 10);
	CPD_ASSERT_INT_EQ(recs[3].who, 3);
	CPD_ASSERT_UINT_EQ(recs[3].tag, 10);
	CPD_ASSERT_INT_EQ(recs[4].who, 2);
	CPD_ASSERT_UINT_EQ(recs[4].tag, 11);
	CPD_ASSERT_INT_EQ(recs[5].who, 3);
	CPD_ASSERT_UINT_EQ(recs[5].tag, 11);
	/* the source is the one the publisher was given */
	CPD_ASSERT_INT_EQ(recs[2].source, CPD_SRC_PLUGIN);
	CPD_ASSERT_UINT_EQ(bus_published(bus), 3);
	bus_free(bus);
}

static int publish_and_scribble(struct sub *s, const struct cpd_event *ev)
{
	char path[32], comm[16];
	struct cpd_event out;

	if (ev->kind != CPD_EV_PROC)
		return 0;
	snprintf(path, sizeof(path), "/etc/hosts");
	snprintf(comm, sizeof(comm), "cat");
	ev_file(&out, 77, path);
	out.comm.ptr = comm;
	out.comm.len = 3;
	s->rc[0] = publish_as(s, &out, s->why, sizeof(s->why));
	/* the publisher may reuse everything the moment publish returns */
	memset(path, 'X', sizeof(path));
	memset(comm, 'Y', sizeof(comm));
	memset(&out, 0xa5, sizeof(out));
	return 0;
}

static void test_deferred_deep_copy(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_and_scribble };
	struct sub b = { .id = 2, .bus = bus };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &b, sub_deliver);
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	CPD_ASSERT_UINT_EQ(nrecs, 2);
	CPD_ASSERT_INT_EQ(recs[1].who, 2);
	CPD_ASSERT_UINT_EQ(recs[1].tag, 77);
	CPD_ASSERT_STR_EQ(recs[1].path, "/etc/hosts");
	CPD_ASSERT_STR_EQ(recs[1].comm, "cat");
	bus_free(bus);
}

static int publish_file_on_proc(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;

	if (ev->kind != CPD_EV_PROC)
		return 0;
	ev_file(&out, 5, NULL);
	s->rc[0] = publish_as(s, &out, s->why, sizeof(s->why));
	return 0;
}

static void test_not_back_to_publisher(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_file_on_proc };
	struct sub b = { .id = 2, .bus = bus };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_FILE),
		      &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &b, sub_deliver);
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	CPD_ASSERT_UINT_EQ(seen_by(1, CPD_EV_FILE), 0);
	CPD_ASSERT_UINT_EQ(seen_by(2, CPD_EV_FILE), 1);

	/* the same kind from someone else (the core) does reach a */
	recs_reset();
	ev_file(&ev, 1, NULL);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(seen_by(1, CPD_EV_FILE), 1);

	/* and a top-level publish by a plugin skips it too */
	recs_reset();
	CPD_ASSERT_INT_EQ(publish_as(&a, &ev, a.why, sizeof(a.why)), 0);
	CPD_ASSERT_UINT_EQ(seen_by(1, CPD_EV_FILE), 0);
	CPD_ASSERT_UINT_EQ(seen_by(2, CPD_EV_FILE), 1);
	bus_free(bus);
}

/*
 * An event no one but its publisher takes is not queued, but it is
 * numbered and counted as if it had been: what others see does not
 * depend on who listens.
 */
static void test_unheard_numbered(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_file_on_proc };
	struct sub b = { .id = 2, .bus = bus };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_FILE),
		      &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC), &b, sub_deliver);
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(seen_by(1, CPD_EV_FILE) + seen_by(2, CPD_EV_FILE),
			   0);
	/* PROC 1, the unheard FILE 2, PROC 3, FILE 4 */
	CPD_ASSERT_UINT_EQ(nrecs, 4);
	CPD_ASSERT_UINT_EQ(recs[0].seq, 1);
	CPD_ASSERT_UINT_EQ(recs[2].seq, 3);
	CPD_ASSERT_UINT_EQ(recs[3].seq, 3);
	CPD_ASSERT_UINT_EQ(bus_last_seq(bus), 4);
	CPD_ASSERT_UINT_EQ(bus_published(bus), 4);
	CPD_ASSERT_UINT_EQ(bus_dropped(bus), 0);
	bus_free(bus);
}

static int chain_file(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;

	if (ev->kind != CPD_EV_PROC)
		return 0;
	ev_file(&out, 1, NULL);
	publish_as(s, &out, s->why, sizeof(s->why));
	ev_file(&out, 2, NULL);
	publish_as(s, &out, s->why, sizeof(s->why));
	return 0;
}

static int chain_net(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;

	if (ev->kind != CPD_EV_FILE)
		return 0;
	ev_net(&out, ev->u.file.bytes * 100);
	publish_as(s, &out, s->why, sizeof(s->why));
	return 0;
}

static void test_seq_increasing(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = chain_file };
	struct sub b = { .id = 2, .bus = bus, .action = chain_net };
	struct sub c = { .id = 3, .bus = bus };
	uint64_t last = 0;
	struct cpd_event ev;
	size_t i, distinct = 0;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &b, sub_deliver);
	bus_subscribe(bus,
		      CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET) |
			      CPD_EVMASK(CPD_EV_PROC),
		      &c, sub_deliver);
	ev_proc(&ev);
	publish_core(bus, &ev);
	ev_proc(&ev);
	publish_core(bus, &ev);
	/* per PROC: PROC, FILE1, FILE2, NET100, NET200, as c sees them */
	CPD_ASSERT_UINT_EQ(seen_by(3, CPD_EV_PROC) + seen_by(3, CPD_EV_FILE) +
				   seen_by(3, CPD_EV_NET),
			   10);
	for (i = 0; i < nrecs; i++) {
		if (recs[i].seq == last)
			continue; /* the same event, next subscriber */
		CU_ASSERT_TRUE(recs[i].seq > last);
		last = recs[i].seq;
		distinct++;
	}
	CPD_ASSERT_UINT_EQ(distinct, 10);
	CPD_ASSERT_UINT_EQ(bus_last_seq(bus), 10);
	/* breadth first: c gets FILE2 before the NET that FILE1 caused */
	{
		static const uint64_t want[] = { 0, 1, 2, 100, 200 };
		size_t n = 0;

		for (i = 0; i < nrecs && n < ARRAY_SIZE(want); i++) {
			if (recs[i].who != 3)
				continue;
			CPD_ASSERT_UINT_EQ(recs[i].tag, want[n]);
			n++;
		}
		CPD_ASSERT_UINT_EQ(n, ARRAY_SIZE(want));
	}
	bus_free(bus);
}

/* ---- loop guards --------------------------------------------------------- */

static unsigned pingpong_eloop, pingpong_other_err;
static char pingpong_why[256];

static int pingpong(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;
	int rc;

	if (ev->kind == CPD_EV_FILE)
		ev_net(&out, ev->u.file.bytes + 1);
	else
		ev_file(&out, ev->u.net.bytes + 1, NULL);
	rc = publish_as(s, &out, pingpong_why, sizeof(pingpong_why));
	if (rc == -ELOOP)
		pingpong_eloop++;
	else if (rc)
		pingpong_other_err++;
	return 0;
}

static void test_eloop(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = pingpong };
	struct sub b = { .id = 2, .bus = bus, .action = pingpong };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_NET), &b, sub_deliver);
	pingpong_eloop = pingpong_other_err = 0;
	ev_file(&ev, 0, NULL);
	CPD_ASSERT_INT_EQ(publish_core(bus, &ev), 0);
	/* depth 1 (the core's) to BUS_MAX_DEPTH, then the guard */
	CPD_ASSERT_UINT_EQ(a.calls + b.calls, BUS_MAX_DEPTH);
	CPD_ASSERT_UINT_EQ(pingpong_eloop, 1);
	CPD_ASSERT_UINT_EQ(pingpong_other_err, 0);
	CPD_ASSERT_UINT_EQ(bus_dropped(bus), 1);
	CPD_ASSERT_STR_EQ(
		pingpong_why,
		"event chain deeper than 16: dropping a published event to break a publish loop");
	/* the last event delivered carried the 15 increments before it */
	CPD_ASSERT_UINT_EQ(recs[nrecs - 1].tag, BUS_MAX_DEPTH - 1);

	/* the guard is per chain: a new publish starts from depth 1 again */
	recs_reset();
	a.calls = b.calls = 0;
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(a.calls + b.calls, BUS_MAX_DEPTH);
	CPD_ASSERT_UINT_EQ(pingpong_eloop, 2);
	bus_free(bus);
}

static size_t flood_ok;
static int flood_last_rc;
static char flood_why[256];

static int flood(struct sub *s, const struct cpd_event *ev)
{
	struct cpd_event out;
	size_t i;

	if (ev->kind != CPD_EV_FILE)
		return 0;
	for (i = 0; i <= BUS_MAX_QUEUE; i++) {
		ev_net(&out, i);
		flood_last_rc =
			publish_as(s, &out, flood_why, sizeof(flood_why));
		if (flood_last_rc)
			break;
		flood_ok++;
	}
	return 0;
}

static size_t flood_received;
static uint64_t flood_last_tag;
static bool flood_in_order = true;

static int flood_count(void *owner, const struct cpd_event *ev)
{
	if (ev->u.net.bytes != flood_received)
		flood_in_order = false;
	flood_received++;
	flood_last_tag = ev->u.net.bytes;
	return 0;
}

static void test_enobufs(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = flood };
	static int counter_owner;
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_NET), &counter_owner, flood_count);
	ev_file(&ev, 0, NULL);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(flood_ok, BUS_MAX_QUEUE);
	CPD_ASSERT_INT_EQ(flood_last_rc, -ENOBUFS);
	CPD_ASSERT_STR_EQ(
		flood_why,
		"65536 events already waiting: dropping a published event");
	CPD_ASSERT_UINT_EQ(bus_dropped(bus), 1);
	/* everything accepted is delivered, in order, nothing more */
	CPD_ASSERT_UINT_EQ(flood_received, BUS_MAX_QUEUE);
	CPD_ASSERT_UINT_EQ(flood_last_tag, BUS_MAX_QUEUE - 1);
	CU_ASSERT_TRUE(flood_in_order);
	bus_free(bus);
}

/* ---- syscall filters ----------------------------------------------------- */

static void ev_syscall(struct cpd_event *ev, uint32_t arch, int nr)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = CPD_EV_SYSCALL;
	ev->u.syscall.arch = arch;
	ev->u.syscall.nr = nr;
}

static void set_bit(uint64_t *bits, int nr)
{
	bits[nr / 64] |= UINT64_C(1) << (nr % 64);
}

static void test_syscall_filter(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1 }, b = { .id = 2 }, c = { .id = 3 };
	uint64_t bits[8] = { 0 }, bits32[1] = { 0 };
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_SYSCALL), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_SYSCALL), &b, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &c, sub_deliver);
	set_bit(bits, 0);
	set_bit(bits, 257);
	bus_filter_syscalls(bus, &a, AUDIT_ARCH_X86_64, bits, 300);
	/* the bus keeps its own copy of the bitmap */
	memset(bits, 0xff, sizeof(bits));
	set_bit(bits32, 5);
	bus_filter_syscalls(bus, &b, AUDIT_ARCH_I386, bits32, 64);
	/* an owner that is not subscribed: ignored, no crash */
	bus_filter_syscalls(bus, &c, AUDIT_ARCH_X86_64, bits32, 64);

	ev_syscall(&ev, AUDIT_ARCH_X86_64, 257);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 1);
	CPD_ASSERT_INT_EQ(recs[0].who, 1);

	recs_reset();
	ev_syscall(&ev, AUDIT_ARCH_X86_64, 1);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 0);

	/* b filters i386 only: a x86_64 call is not delivered to it */
	recs_reset();
	ev_syscall(&ev, AUDIT_ARCH_I386, 5);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 1);
	CPD_ASSERT_INT_EQ(recs[0].who, 2);

	recs_reset();
	ev_syscall(&ev, AUDIT_ARCH_X86_64, 299);
	publish_core(bus, &ev);
	CPD_ASSERT_UINT_EQ(nrecs, 0);

	CU_ASSERT_TRUE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 0));
	CU_ASSERT_TRUE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 257));
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 256));
	CU_ASSERT_TRUE(bus_wants_syscall(bus, AUDIT_ARCH_I386, 5));
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_I386, 257));
	/* past the bitmap and negative numbers: nobody */
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 300));
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 100000));
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, -1));
	CU_ASSERT_FALSE(bus_wants_syscall(bus, 0x1234, 5));
	bus_free(bus);

	/* without any filter, a subscriber wants every syscall of every arch */
	bus = bus_new();
	CU_ASSERT_FALSE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 0));
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_SYSCALL), &c, sub_deliver);
	CU_ASSERT_TRUE(bus_wants_syscall(bus, AUDIT_ARCH_X86_64, 0));
	CU_ASSERT_TRUE(bus_wants_syscall(bus, AUDIT_ARCH_I386, 400));
	bus_free(bus);
}

/* ---- reports ------------------------------------------------------------- */

static int publish_report(struct sub *s, const struct cpd_event *ev)
{
	char topic[16], title[16], k0[8], k1[8], k2[8], l0[16], sv[16];
	struct cpd_kv kv[3];
	struct cpd_event out;

	if (ev->kind != CPD_EV_PROC)
		return 0;
	snprintf(topic, sizeof(topic), "file.files");
	snprintf(title, sizeof(title), "Files");
	snprintf(k0, sizeof(k0), "path");
	snprintf(k1, sizeof(k1), "bytes");
	snprintf(k2, sizeof(k2), "ratio");
	snprintf(l0, sizeof(l0), "File name");
	snprintf(sv, sizeof(sv), "/etc/hosts");
	memset(kv, 0, sizeof(kv));
	kv[0].key = (struct cpd_str){ k0, 4, 0 };
	kv[0].label = (struct cpd_str){ l0, 9, 0 };
	kv[0].type = CPD_KV_STR;
	kv[0].v.str = (struct cpd_str){ sv, 10, 0 };
	kv[1].key = (struct cpd_str){ k1, 5, 0 };
	kv[1].type = CPD_KV_U64;
	kv[1].unit = CPD_UNIT_BYTES;
	kv[1].v.u64 = 4096;
	kv[2].key = (struct cpd_str){ k2, 5, 0 };
	kv[2].type = CPD_KV_DOUBLE;
	kv[2].v.dbl = 0.25;
	memset(&out, 0, sizeof(out));
	out.kind = CPD_EV_REPORT;
	out.u.report.topic = (struct cpd_str){ topic, 10, 0 };
	out.u.report.title = (struct cpd_str){ title, 5, 0 };
	out.u.report.flags = CPD_REPORTF_ROW;
	out.u.report.order = -3;
	out.u.report.nkv = 3;
	out.u.report.kv = kv;
	s->rc[0] = publish_as(s, &out, s->why, sizeof(s->why));
	/* everything above goes out of scope; scribble on it first */
	memset(kv, 0xee, sizeof(kv));
	memset(topic, 'T', sizeof(topic));
	memset(title, 'T', sizeof(title));
	memset(k0, 'K', sizeof(k0));
	memset(l0, 'L', sizeof(l0));
	memset(sv, 'V', sizeof(sv));
	return 0;
}

static bool str_is(const struct cpd_str *s, const char *text)
{
	return s->ptr && s->len == strlen(text) &&
	       !memcmp(s->ptr, text, s->len) && s->ptr[s->len] == '\0';
}

static unsigned report_checks_passed, reports_seen;

static int check_report(void *owner, const struct cpd_event *ev)
{
	const struct cpd_ev_report *r = &ev->u.report;
	unsigned ok = 0;

	reports_seen++;
	ok += str_is(&r->topic, "file.files");
	ok += str_is(&r->title, "Files");
	ok += r->flags == CPD_REPORTF_ROW && r->order == -3 && r->nkv == 3;
	if (r->nkv == 3 && r->kv) {
		ok += str_is(&r->kv[0].key, "path");
		ok += str_is(&r->kv[0].label, "File name");
		ok += r->kv[0].type == CPD_KV_STR &&
		      str_is(&r->kv[0].v.str, "/etc/hosts");
		ok += str_is(&r->kv[1].key, "bytes") && !r->kv[1].label.ptr &&
		      r->kv[1].type == CPD_KV_U64 && r->kv[1].v.u64 == 4096 &&
		      r->kv[1].unit == CPD_UNIT_BYTES;
		ok += str_is(&r->kv[2].key, "ratio") &&
		      r->kv[2].type == CPD_KV_DOUBLE && r->kv[2].v.dbl == 0.25;
	}
	report_checks_passed = ok;
	return 0;
}

static void test_report_deep_copy(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_report };
	static int checker;
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_REPORT), &checker, check_report);
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	CPD_ASSERT_UINT_EQ(reports_seen, 1);
	CPD_ASSERT_UINT_EQ(report_checks_passed, 8);
	bus_free(bus);
}

/* ---- malformed events ---------------------------------------------------- */

static void expect_refused(struct bus *bus, struct sub *s,
			   const struct cpd_event *ev, size_t in_size,
			   const char *why_expected)
{
	char why[256] = "";
	uint64_t dropped = bus_dropped(bus);

	recs_reset();
	CPD_ASSERT_INT_EQ(bus_publish(bus, s, CPD_SRC_PLUGIN, ev, in_size, why,
				      sizeof(why)),
			  -EINVAL);
	CPD_ASSERT_STR_EQ(why, why_expected);
	CPD_ASSERT_UINT_EQ(nrecs, 0);
	CPD_ASSERT_UINT_EQ(bus_dropped(bus), dropped + 1);
}

static void test_malformed(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus }, b = { .id = 2, .bus = bus };
	struct cpd_kv kv[2];
	struct cpd_event ev;

	bus_subscribe(bus, CPD_EVMASK_BUILTIN, &b, sub_deliver);

	ev_file(&ev, 1, NULL);
	ev.u.file.path.len = 5; /* NULL ptr with a length */
	expect_refused(
		bus, &a, &ev, sizeof(ev),
		"file event has a string with no data or over 1048576 bytes");
	ev_file(&ev, 1, "/x");
	ev.u.file.path.len = EVCOPY_MAX_STR + 1;
	expect_refused(
		bus, &a, &ev, sizeof(ev),
		"file event has a string with no data or over 1048576 bytes");
	ev_file(&ev, 1, NULL);
	ev.comm.len = 3;
	expect_refused(
		bus, &a, &ev, sizeof(ev),
		"file event has a string with no data or over 1048576 bytes");
	ev_net(&ev, 1);
	ev.u.net.peer.family = 1;
	ev.u.net.peer.path.len = 4; /* a sockaddr's path is checked too */
	expect_refused(
		bus, &a, &ev, sizeof(ev),
		"net event has a string with no data or over 1048576 bytes");

	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	expect_refused(bus, &a, &ev, sizeof(ev), "report without a topic");
	ev.u.report.topic = (struct cpd_str){ "t", 1, 0 };
	ev.u.report.nkv = EVCOPY_MAX_KV + 1;
	ev.u.report.kv = kv;
	expect_refused(bus, &a, &ev, sizeof(ev),
		       "report 't' has a bad key/value array");
	ev.u.report.nkv = 2;
	ev.u.report.kv = NULL;
	expect_refused(bus, &a, &ev, sizeof(ev),
		       "report 't' has a bad key/value array");
	memset(kv, 0, sizeof(kv));
	kv[0].key = (struct cpd_str){ "k", 1, 0 };
	kv[0].type = CPD_KV_U64;
	kv[1].type = CPD_KV_U64; /* no key */
	ev.u.report.kv = kv;
	expect_refused(bus, &a, &ev, sizeof(ev),
		       "report 't': key/value 1 is malformed");
	kv[1].key = (struct cpd_str){ "k2", 2, 0 };
	kv[1].type = 9;
	expect_refused(bus, &a, &ev, sizeof(ev),
		       "report 't': key/value 1 is malformed");
	kv[1].type = CPD_KV_STR;
	kv[1].v.str.len = 1; /* NULL string with a length */
	expect_refused(bus, &a, &ev, sizeof(ev),
		       "report 't': key/value 1 is malformed");

	memset(&ev, 0, sizeof(ev));
	ev.kind = 40; /* custom range, never registered */
	expect_refused(bus, &a, &ev, sizeof(ev), "unknown event kind 40");
	ev.kind = 0;
	expect_refused(bus, &a, &ev, sizeof(ev), "unknown event kind 0");
	ev_file(&ev, 1, NULL);
	expect_refused(bus, &a, &ev, 8, "event size 8 is too small");

	/* and a well-formed one does get through, so the above mean something */
	kv[1].v.str = (struct cpd_str){ "v", 1, 0 };
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = (struct cpd_str){ "t", 1, 0 };
	ev.u.report.nkv = 2;
	ev.u.report.kv = kv;
	recs_reset();
	CPD_ASSERT_INT_EQ(publish_as(&a, &ev, a.why, sizeof(a.why)), 0);
	CPD_ASSERT_UINT_EQ(nrecs, 1);
	bus_free(bus);
}

/*
 * A producer built against an older, smaller struct cpd_event: the bus
 * must read only in_size bytes (valgrind sees an overread of the exact
 * allocation) and the subscriber sees the rest as zero.
 */
static struct cpd_event *short_event;
static size_t short_size;
static uint64_t short_seen_cause = 1;

static int publish_short(struct sub *s, const struct cpd_event *ev)
{
	if (ev->kind != CPD_EV_PROC)
		return 0;
	s->rc[0] = bus_publish(s->bus, s, CPD_SRC_PLUGIN, short_event,
			       short_size, s->why, sizeof(s->why));
	return 0;
}

static int see_short(void *owner, const struct cpd_event *ev)
{
	short_seen_cause = ev->u.file.cause_seq;
	return 0;
}

static void test_short_producer(void)
{
	struct bus *bus = bus_new();
	struct sub a = { .id = 1, .bus = bus, .action = publish_short };
	static int watcher;
	struct cpd_event ev, full;

	/* everything up to and including u.file.path, not cause_seq */
	short_size = offsetof(struct cpd_event, u.file.path) +
		     sizeof(struct cpd_str);
	ev_file(&full, 9, "/short");
	full.u.file.cause_seq = 1234;
	short_event = malloc(short_size);
	CU_ASSERT_PTR_NOT_NULL_FATAL(short_event);
	memcpy(short_event, &full, short_size);
	short_event->size = (uint32_t)short_size;

	bus_subscribe(bus, CPD_EVMASK(CPD_EV_PROC), &a, sub_deliver);
	bus_subscribe(bus, CPD_EVMASK(CPD_EV_FILE), &watcher, see_short);
	/* deferred (copied) ... */
	ev_proc(&ev);
	publish_core(bus, &ev);
	CPD_ASSERT_INT_EQ(a.rc[0], 0);
	CPD_ASSERT_UINT_EQ(short_seen_cause, 0);
	/* ... and direct (top level) */
	short_seen_cause = 1;
	CPD_ASSERT_INT_EQ(bus_publish(bus, &a, CPD_SRC_PLUGIN, short_event,
				      short_size, a.why, sizeof(a.why)),
			  0);
	CPD_ASSERT_UINT_EQ(short_seen_cause, 0);
	free(short_event);
	bus_free(bus);
}

static CU_TestInfo bus_tests[] = {
	{ "dispatch_in_subscription_order", test_dispatch_order },
	{ "kind_reaches_only_its_subscribers", test_kind_routing },
	{ "publish_from_callback_is_deferred_fifo", test_deferred_fifo },
	{ "deferred_publish_is_deep_copied", test_deferred_deep_copy },
	{ "never_delivered_back_to_publisher", test_not_back_to_publisher },
	{ "unheard_publish_numbered_not_queued", test_unheard_numbered },
	{ "seq_strictly_increasing_in_delivery_order", test_seq_increasing },
	{ "eloop_at_max_depth", test_eloop },
	{ "enobufs_past_max_queue", test_enobufs },
	{ "syscall_filters_per_owner_and_arch", test_syscall_filter },
	{ "report_kv_survives_deep_copy", test_report_deep_copy },
	{ "malformed_events_refused", test_malformed },
	{ "short_producer_read_within_its_size", test_short_producer },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "bus", .pSetUpFunc = setup, .pTests = bus_tests },
	CU_SUITE_INFO_NULL,
};
