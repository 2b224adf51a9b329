// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * net: the network analyzer. Turns decoded socket syscalls into NET events
 * (connect, accept, bind, listen, send, recv) and keeps bytes per
 * connection.
 *
 * Sockets are known from the core's fd table: family, type and the local
 * and peer endpoints ride along with every fd argument. Traffic is split
 * two ways, and every byte lands in exactly one bucket:
 *  - local IPC (AF_UNIX, AF_NETLINK): never network, ipc_* counters;
 *  - network: sent_bytes / recv_bytes, loopback included (a test server
 *    on 127.0.0.1 is real traffic). Of those, what went to a loopback
 *    peer (127/8, ::1, ::ffff:127/104, tested on the address, not on its
 *    text) is counted again in loopback_*, and its connections are
 *    marked. hide_loopback only keeps its events off the live stream.
 *
 * A connection is keyed by (family, type, local endpoint, peer endpoint)
 * as the fd table knows them, and each connect or accept makes one: a
 * client's local port is not known (the kernel picks it), so two connects
 * of curl to one server have the same key. Traffic finds its connection
 * by the (process, fd) that made it; a socket another process inherited
 * finds the newest connection with its key.
 *
 * A non-blocking connect (EINPROGRESS) is pending until the program
 * learns how it went: getsockopt(SO_ERROR), or the first read or write
 * on the socket. A failure there is published as CONNECT_FAILED flagged
 * INPROGRESS, and the connection is no longer counted or listed.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <compendium/compendium.h>

#include "lib/callmap.h"
#include "lib/hash.h"
#include "lib/instance.h"
#include "lib/report.h"

/* Past this many connections, bytes still count but rows stop growing. */
#define NET_MAX_CONNS (1u << 18)
/* sun_path's size: the longest unix name. */
#define NET_PATH_MAX 108u

enum net_class {
	NET_CLS_NET,	  /* network proper */
	NET_CLS_LOOPBACK, /* network, but to this host */
	NET_CLS_IPC,	  /* unix and netlink sockets */
};

/* An endpoint reduced to what identifies it: a hash key we own. */
struct net_ep {
	uint16_t family;
	uint16_t port;
	uint32_t port_id;  /* AF_NETLINK */
	uint32_t scope_id; /* AF_INET6 */
	uint8_t addr[16];
	uint8_t abstract; /* AF_UNIX abstract name */
	uint8_t pathlen;
	char path[NET_PATH_MAX]; /* AF_UNIX, not NUL-terminated */
};

/*
 * An address the dns analyzer saw a name resolve to: connections to it
 * are labelled with the name. Bounded: past NET_NAMES_MAX addresses are
 * counted, not kept.
 */
#define NET_NAMES_MAX	 4096
#define NET_NAME_BUCKETS 1024

struct net_name {
	struct net_name *next;
	uint16_t family;
	uint8_t addr[16];
	char *name;
};

struct net_conn {
	struct net_conn *next;	  /* hash chain */
	struct net_conn *fd_next; /* chain of the (process, fd) table */
	uint32_t hash;
	uint32_t fd_hash;
	int32_t fd_pid; /* the process and fd that own it, when fd_bound */
	int32_t fd_num;
	bool fd_bound;
	bool pending; /* a non-blocking connect not known to have worked */
	bool failed;  /* it did not: not a connection after all */
	bool counted; /* in connections */
	uint16_t family;
	uint32_t sock_type;
	uint32_t protocol;
	struct net_ep local;
	struct net_ep peer;
	const char *direction; /* static: "connect", "accept", "sendto" */
	char *name;	       /* the peer's name when it began, or NULL */
	enum net_class cls;
	bool hidden;
	uint64_t sent;
	uint64_t recv;
};

struct net {
	/* options, written by host->apply_options */
	bool hide_loopback;
	bool hide_local_ipc;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct callmap calls; /* syscall -> net_calls index */
	bool verbose;
	bool warned_full;
	uint32_t seed; /* of the connection hash */
	struct net_name *names[NET_NAME_BUCKETS];
	size_t nnames;
	uint64_t names_dropped;

	struct net_conn **buckets;
	struct net_conn **fd_buckets; /* by (process, fd) */
	size_t nbuckets;
	struct net_conn **order; /* first-seen order, owning */
	size_t nconns, capconns;

	uint64_t sent_bytes;
	uint64_t recv_bytes;
	uint64_t ipc_sent_bytes;
	uint64_t ipc_recv_bytes;
	uint64_t loopback_sent_bytes;
	uint64_t loopback_recv_bytes;
	uint64_t connections;
	uint64_t accepted;
	uint64_t unlisted; /* operations on connections the table refused */

	/* --interval: the totals above, reported per period */
	struct report_counter iv[4];
};

static const struct cpd_option net_options[] = {
	{ .name = "hide_loopback",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct net, hide_loopback),
	  .help = "keep traffic to 127.0.0.0/8 and ::1 off the live stream (-v shows it); it is counted and listed all the same" },
	{ .name = "hide_local_ipc",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct net, hide_local_ipc),
	  .help = "do not show unix and netlink socket events (-v shows them); always counted apart" },
	CPD_OPTION_END
};

static const char *const net_syscalls[] = {
	"connect", "accept", "accept4", "bind", "listen", "sendto", "sendmsg",
	"sendmmsg", "recvfrom", "recvmsg", "recvmmsg",
	/*
	 * The plain fd calls, for sockets. pread64, pwrite64 and the
	 * p*v* calls are not here: on a socket they fail with ESPIPE.
	 */
	"read", "write", "readv", "writev",
	/* the socket side of zero-copy transfers */
	"sendfile", "splice",
	/* how a non-blocking connect went */
	"getsockopt", NULL
};

/* ---- endpoints ------------------------------------------------------ */

static void net_ep_from(struct net_ep *ep, const struct cpd_sockaddr *sa)
{
	size_t len;

	memset(ep, 0, sizeof(*ep));
	if (!sa)
		return;
	ep->family = sa->family;
	switch (sa->family) {
	case AF_INET:
		ep->port = sa->port;
		memcpy(ep->addr, sa->addr, 4);
		break;
	case AF_INET6:
		ep->port = sa->port;
		ep->scope_id = sa->scope_id;
		memcpy(ep->addr, sa->addr, 16);
		break;
	case AF_UNIX:
		ep->abstract = !!(sa->flags & CPD_SA_ABSTRACT);
		len = sa->path.ptr ? sa->path.len : 0;
		if (len > NET_PATH_MAX)
			len = NET_PATH_MAX;
		if (len)
			memcpy(ep->path, sa->path.ptr, len);
		ep->pathlen = (uint8_t)len;
		break;
	case AF_NETLINK:
		ep->port_id = sa->port_id;
		break;
	default:
		break;
	}
}

/* Whether an endpoint is set well enough to say who the peer is. */
static bool net_ep_known(const struct net_ep *ep)
{
	static const uint8_t zero[16];

	switch (ep->family) {
	case AF_INET:
		return ep->port || memcmp(ep->addr, zero, 4);
	case AF_INET6:
		return ep->port || memcmp(ep->addr, zero, 16);
	case AF_UNIX:
		return ep->pathlen || ep->abstract;
	case AF_NETLINK:
		return true;
	default:
		return false;
	}
}

static bool net_sa_known(const struct cpd_sockaddr *sa)
{
	struct net_ep ep;

	net_ep_from(&ep, sa);
	return net_ep_known(&ep);
}

/* 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104, by value. */
static bool net_ep_loopback(const struct net_ep *ep)
{
	static const uint8_t v6_loop[16] = { [15] = 1 };
	static const uint8_t v4_mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (ep->family == AF_INET)
		return ep->addr[0] == 127;
	if (ep->family == AF_INET6)
		return !memcmp(ep->addr, v6_loop, 16) ||
		       (!memcmp(ep->addr, v4_mapped, 12) &&
			ep->addr[12] == 127);
	return false;
}

static enum net_class net_classify(uint16_t family, const struct net_ep *local,
				   const struct net_ep *peer)
{
	if (family == AF_UNIX || family == AF_NETLINK ||
	    peer->family == AF_UNIX || peer->family == AF_NETLINK)
		return NET_CLS_IPC;
	if (net_ep_known(peer))
		return net_ep_loopback(peer) ? NET_CLS_LOOPBACK : NET_CLS_NET;
	/* no peer yet (bind, listen): a socket bound to loopback stays there */
	if (net_ep_known(local) && net_ep_loopback(local))
		return NET_CLS_LOOPBACK;
	return NET_CLS_NET;
}

static bool net_hidden(const struct net *n, enum net_class cls)
{
	return (cls == NET_CLS_LOOPBACK && n->hide_loopback) ||
	       (cls == NET_CLS_IPC && n->hide_local_ipc);
}

static uint32_t net_class_flags(const struct net *n, enum net_class cls)
{
	uint32_t flags = 0;

	if (cls == NET_CLS_LOOPBACK)
		flags |= CPD_NETF_LOOPBACK;
	if (cls == NET_CLS_IPC)
		flags |= CPD_NETF_LOCAL_IPC;
	if (net_hidden(n, cls))
		flags |= CPD_NETF_HIDDEN;
	return flags;
}

/*
 * Count bytes moved with a peer of class cls: IPC apart, loopback in the
 * network totals and again in its own.
 */
static void net_count(struct net *n, enum net_class cls, uint64_t bytes,
		      bool out)
{
	if (cls == NET_CLS_IPC) {
		*(out ? &n->ipc_sent_bytes : &n->ipc_recv_bytes) += bytes;
		return;
	}
	*(out ? &n->sent_bytes : &n->recv_bytes) += bytes;
	if (cls == NET_CLS_LOOPBACK)
		*(out ? &n->loopback_sent_bytes : &n->loopback_recv_bytes) +=
			bytes;
}

/* The endpoint as a sockaddr again; a unix name points into ep. */
static void net_ep_to_sa(const struct net_ep *ep, struct cpd_sockaddr *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->family = ep->family;
	sa->port = ep->port;
	sa->scope_id = ep->scope_id;
	sa->port_id = ep->port_id;
	memcpy(sa->addr, ep->addr, sizeof(sa->addr));
	if (ep->abstract)
		sa->flags |= CPD_SA_ABSTRACT;
	if (ep->pathlen) {
		sa->path.ptr = ep->path;
		sa->path.len = ep->pathlen;
	}
}

/* ---- connections ---------------------------------------------------- */

/*
 * Endpoints are memset before filling, so whole-struct bytes are a key.
 * The basis is random per run: addresses and unix names come from the
 * tracee, which should not be able to pile them into one chain.
 */
static uint32_t net_key_hash(uint32_t seed, uint16_t family, uint32_t type,
			     const struct net_ep *local,
			     const struct net_ep *peer)
{
	uint32_t h = seed;

	h = hash_bytes(h, &family, sizeof(family));
	h = hash_bytes(h, &type, sizeof(type));
	h = hash_bytes(h, local, sizeof(*local));
	return hash_bytes(h, peer, sizeof(*peer));
}

static uint32_t net_fd_hash(uint32_t seed, int32_t pid, int32_t fd)
{
	int32_t key[2] = { pid, fd };

	return hash_bytes(seed, key, sizeof(key));
}

static void net_fd_link(struct net *n, struct net_conn *c)
{
	size_t i = c->fd_hash & (n->nbuckets - 1);

	c->fd_next = n->fd_buckets[i];
	n->fd_buckets[i] = c;
}

/* Both tables, rebuilt; newest first in each chain, as insertions put them. */
static int net_grow(struct net *n)
{
	size_t nb = n->nbuckets ? n->nbuckets * 2 : 64, i;
	struct net_conn **b = calloc(nb, sizeof(*b));
	struct net_conn **fb = calloc(nb, sizeof(*fb));

	if (!b || !fb) {
		free(b);
		free(fb);
		return -ENOMEM;
	}
	free(n->buckets);
	free(n->fd_buckets);
	n->buckets = b;
	n->fd_buckets = fb;
	n->nbuckets = nb;
	for (i = 0; i < n->nconns; i++) {
		struct net_conn *c = n->order[i];

		c->next = b[c->hash & (nb - 1)];
		b[c->hash & (nb - 1)] = c;
		if (c->fd_bound)
			net_fd_link(n, c);
	}
	return 0;
}

/* The connection process pid made on fd, or NULL. */
static struct net_conn *net_fd_conn(const struct net *n, int32_t pid,
				    int32_t fd)
{
	uint32_t h;
	struct net_conn *c;

	if (!n->nbuckets || fd < 0)
		return NULL;
	h = net_fd_hash(n->seed, pid, fd);
	for (c = n->fd_buckets[h & (n->nbuckets - 1)]; c; c = c->fd_next)
		if (c->fd_hash == h && c->fd_pid == pid && c->fd_num == fd)
			return c;
	return NULL;
}

static void net_fd_unlink(struct net *n, struct net_conn *c)
{
	struct net_conn **pp = &n->fd_buckets[c->fd_hash & (n->nbuckets - 1)];

	for (; *pp; pp = &(*pp)->fd_next)
		if (*pp == c) {
			*pp = c->fd_next;
			break;
		}
	c->fd_bound = false;
	c->fd_next = NULL;
}

/* c is now what pid's fd is connected to (a closed fd's number reused). */
static void net_fd_bind(struct net *n, struct net_conn *c, int32_t pid,
			int32_t fd)
{
	struct net_conn *old;

	if (fd < 0 || (c->fd_bound && c->fd_pid == pid && c->fd_num == fd))
		return;
	old = net_fd_conn(n, pid, fd);
	if (old)
		net_fd_unlink(n, old);
	if (c->fd_bound)
		net_fd_unlink(n, c);
	c->fd_pid = pid;
	c->fd_num = fd;
	c->fd_hash = net_fd_hash(n->seed, pid, fd);
	c->fd_bound = true;
	net_fd_link(n, c);
}

static bool net_conn_is(const struct net_conn *c, uint16_t family,
			uint32_t type, const struct net_ep *local,
			const struct net_ep *peer)
{
	return c->family == family && c->sock_type == type &&
	       !memcmp(&c->local, local, sizeof(*local)) &&
	       !memcmp(&c->peer, peer, sizeof(*peer));
}

/*
 * The newest connection with these endpoints, or a new one (fresh: always
 * a new one) with direction (*created set). NULL when memory or the row
 * limit ran out; the caller still counts the totals.
 */
static struct net_conn *
net_conn_get(struct net *n, uint16_t family, uint32_t type, uint32_t protocol,
	     const struct net_ep *local, const struct net_ep *peer,
	     const char *direction, bool fresh, bool *created)
{
	uint32_t h = net_key_hash(n->seed, family, type, local, peer);
	struct net_conn *c;

	*created = false;
	/*
	 * Traffic with no known far end (a datagram read without asking
	 * who sent it) makes no row: it would say nothing but "?". Its
	 * bytes still count. Unix peers are often nameless, and say so.
	 */
	if (!net_ep_known(peer) && family != AF_UNIX && family != AF_NETLINK)
		return NULL;
	if (n->nbuckets && !fresh)
		for (c = n->buckets[h & (n->nbuckets - 1)]; c; c = c->next)
			if (c->hash == h && !c->failed &&
			    net_conn_is(c, family, type, local, peer))
				return c;
	if (n->nconns >= NET_MAX_CONNS) {
		if (!n->warned_full)
			n->host->log(
				n->inst, CPD_LOG_WARN,
				"over %u connections: totals go on, the connection table stops growing",
				NET_MAX_CONNS);
		n->warned_full = true;
		n->unlisted++;
		return NULL;
	}
	if (n->nconns == n->capconns) {
		size_t cap = n->capconns ? n->capconns * 2 : 64;
		struct net_conn **o = realloc(n->order, cap * sizeof(*o));

		if (!o)
			return NULL;
		n->order = o;
		n->capconns = cap;
	}
	if (n->nconns >= n->nbuckets && net_grow(n) < 0)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->hash = h;
	c->family = family;
	c->sock_type = type;
	c->protocol = protocol;
	c->local = *local;
	c->peer = *peer;
	c->direction = direction;
	c->cls = net_classify(family, local, peer);
	c->hidden = net_hidden(n, c->cls);
	c->next = n->buckets[h & (n->nbuckets - 1)];
	n->buckets[h & (n->nbuckets - 1)] = c;
	n->order[n->nconns++] = c;
	*created = true;
	return c;
}

/*
 * The connection of pid's socket fd with these endpoints: the one that
 * process made on that fd, else the newest with them (bound to the fd
 * from then on), else a new one.
 */
static struct net_conn *
net_conn_of_fd(struct net *n, int32_t pid, int32_t fd, uint16_t family,
	       uint32_t type, uint32_t protocol, const struct net_ep *local,
	       const struct net_ep *peer, const char *direction)
{
	struct net_conn *c = net_fd_conn(n, pid, fd);
	bool created;

	if (c && !c->failed && net_conn_is(c, family, type, local, peer))
		return c;
	c = net_conn_get(n, family, type, protocol, local, peer, direction,
			 false, &created);
	if (c)
		net_fd_bind(n, c, pid, fd);
	return c;
}

/* ---- publishing ----------------------------------------------------- */

/* ---- names of addresses (from the dns analyzer) ---------------------- */

static uint32_t net_name_hash(const struct net *n, uint16_t family,
			      const uint8_t *addr)
{
	uint32_t h = hash_bytes(n->seed, &family, sizeof(family));

	return hash_bytes(h, addr, 16) % NET_NAME_BUCKETS;
}

static struct net_name *net_name_find(struct net *n, uint16_t family,
				      const uint8_t *addr)
{
	struct net_name *e = n->names[net_name_hash(n, family, addr)];

	for (; e; e = e->next)
		if (e->family == family && !memcmp(e->addr, addr, 16))
			return e;
	return NULL;
}

/* The name an address was last looked up as, or NULL. */
static const char *net_name_of(struct net *n, const struct cpd_sockaddr *sa)
{
	uint8_t addr[16] = { 0 };
	struct net_name *e;

	if (sa->family != AF_INET && sa->family != AF_INET6)
		return NULL;
	memcpy(addr, sa->addr, sa->family == AF_INET ? 4 : 16);
	e = net_name_find(n, sa->family, addr);
	return e ? e->name : NULL;
}

static void net_name_put(struct net *n, uint16_t family, const uint8_t *addr,
			 const struct cpd_str *name)
{
	struct net_name *e = net_name_find(n, family, addr);
	char *copy = strndup(name->ptr, name->len);
	uint32_t h;

	if (!copy)
		return;
	if (e) {
		/* the latest lookup names it; rows keep copies of theirs */
		free(e->name);
		e->name = copy;
		return;
	}
	if (n->nnames == NET_NAMES_MAX || !(e = calloc(1, sizeof(*e)))) {
		n->names_dropped++;
		free(copy);
		return;
	}
	h = net_name_hash(n, family, addr);
	e->family = family;
	memcpy(e->addr, addr, 16);
	e->name = copy;
	e->next = n->names[h];
	n->names[h] = e;
	n->nnames++;
}

/* A DNS answer: each address in it resolves its name. */
static void net_dns(struct net *n, const struct cpd_event *ev)
{
	const struct cpd_ev_dns *d = &ev->u.dns;
	const char *p = d->answers.ptr, *end = p + d->answers.len;
	char text[INET6_ADDRSTRLEN];

	if (d->op != CPD_DNS_ANSWER || d->rcode || !d->name.ptr || !p)
		return;
	while (p < end) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = (size_t)((nul ? nul : end) - p);
		uint8_t addr[16] = { 0 };

		/* addresses are the answers without a type in front */
		if (len < sizeof(text)) {
			memcpy(text, p, len);
			text[len] = '\0';
			if (inet_pton(AF_INET, text, addr) == 1)
				net_name_put(n, AF_INET, addr, &d->name);
			else if (inet_pton(AF_INET6, text, addr) == 1)
				net_name_put(n, AF_INET6, addr, &d->name);
		}
		p += len + 1;
	}
}

static void net_names_free(struct net *n)
{
	size_t i;

	for (i = 0; i < NET_NAME_BUCKETS; i++) {
		struct net_name *e = n->names[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e->name);
			free(e);
		}
	}
}

static void net_publish(struct net *n, const struct cpd_event *sev,
			struct cpd_ev_net *p)
{
	const struct cpd_syscall *sc = &sev->u.syscall;
	struct cpd_event ev;

	if ((p->flags & CPD_NETF_HIDDEN) && !n->verbose)
		return;
	report_derive(&ev, CPD_EV_NET, sev);
	p->syscall = sc->name;
	p->cause_seq = sev->seq;
	if (!p->count)
		p->count = 1;
	ev.u.net = *p;
	/* a refusal is logged by the host; the totals are ours either way */
	n->host->publish(n->inst, &ev);
}

static const struct cpd_sockaddr *net_sa(const struct cpd_syscall *sc,
					 unsigned i)
{
	const struct cpd_arg *a = report_arg(sc, i);

	return a ? a->sa : NULL;
}

/* The socket behind fd, filled into p (family, type, endpoints). */
static void net_fill_socket(struct cpd_ev_net *p, const struct cpd_fdinfo *fd,
			    int32_t fdnum)
{
	p->fd = fdnum;
	if (!fd)
		return;
	p->family = fd->sock_family;
	p->sock_type = fd->sock_type;
	p->protocol = fd->sock_protocol;
	p->local = fd->local;
	p->peer = fd->peer;
}

/*
 * Account bytes moved on a socket (send when out) with peer as the far
 * end, and publish the event p describes. direction is what a connection
 * first seen here is called.
 */
static void net_traffic(struct net *n, const struct cpd_event *ev,
			struct cpd_ev_net *p, uint64_t bytes, bool out,
			const char *direction)
{
	struct net_ep local, peer;
	enum net_class cls;
	struct net_conn *c;
	uint16_t family = p->family ? p->family : p->peer.family;

	net_ep_from(&local, &p->local);
	net_ep_from(&peer, &p->peer);
	c = net_conn_of_fd(n, ev->pid, p->fd, family, p->sock_type, p->protocol,
			   &local, &peer, direction);
	cls = c ? c->cls : net_classify(family, &local, &peer);
	if (c) {
		*(out ? &c->sent : &c->recv) += bytes;
		/* data moved: a pending connect worked */
		c->pending = false;
	}
	net_count(n, cls, bytes, out);
	p->op = out ? CPD_NET_SEND : CPD_NET_RECV;
	p->bytes = bytes;
	/* a batch (CPD_SCF_BATCH) is many calls: ret is their bytes */
	if ((ev->u.syscall.flags & CPD_SCF_BATCH) && ev->u.syscall.count)
		p->count = ev->u.syscall.count;
	p->flags |= net_class_flags(n, cls);
	net_publish(n, ev, p);
}

/* ---- connect, accept, bind, listen ---------------------------------- */

/*
 * A pending non-blocking connect failed with err, as the call ev says:
 * publish the failure, and take the connection back.
 */
static void net_pending_failed(struct net *n, const struct cpd_event *ev,
			       struct net_conn *c, int err)
{
	struct cpd_ev_net p;

	c->pending = false;
	c->failed = true;
	if (c->counted && n->connections)
		n->connections--;
	c->counted = false;
	memset(&p, 0, sizeof(p));
	p.op = CPD_NET_CONNECT_FAILED;
	p.fd = c->fd_num;
	p.err = err;
	p.family = c->family;
	p.sock_type = c->sock_type;
	p.protocol = c->protocol;
	net_ep_to_sa(&c->peer, &p.peer);
	net_ep_to_sa(&c->local, &p.local);
	p.flags = net_class_flags(n, c->cls) | CPD_NETF_INPROGRESS;
	net_publish(n, ev, &p);
}

static void net_connect(struct net *n, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	const struct cpd_sockaddr *sa = net_sa(sc, 1);
	struct net_ep local, peer;
	struct cpd_ev_net p;
	enum net_class cls;
	struct net_conn *c;
	const char *name;
	bool created;

	/* AF_UNSPEC dissolves a UDP association: not a connection */
	if (!sa || sa->family == AF_UNSPEC)
		return;
	/* a repeated non-blocking connect: the first one was reported */
	if (sc->err == EISCONN || sc->err == EALREADY)
		return;
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[0]);
	if (!p.family)
		p.family = sa->family;
	p.peer = *sa;
	net_ep_from(&local, &p.local);
	net_ep_from(&peer, sa);
	if (sc->err && sc->err != EINPROGRESS) {
		c = net_fd_conn(n, ev->pid, p.fd);
		/* connect() again on a pending socket: this is its result */
		if (c && c->pending) {
			net_pending_failed(n, ev, c, sc->err);
			return;
		}
		cls = net_classify(p.family, &local, &peer);
		name = net_name_of(n, sa);
		if (name)
			p.peer_name = report_str(name, strlen(name));
		p.op = CPD_NET_CONNECT_FAILED;
		p.err = sc->err;
		p.flags = net_class_flags(n, cls);
		net_publish(n, ev, &p);
		return;
	}
	/* a socket that sent with sendto first, then connected: its row */
	c = net_fd_conn(n, ev->pid, p.fd);
	if (!c || c->failed || strcmp(c->direction, "sendto") ||
	    !net_conn_is(c, p.family, p.sock_type, &local, &peer)) {
		c = net_conn_get(n, p.family, p.sock_type, p.protocol, &local,
				 &peer, "connect", true, &created);
		if (c)
			net_fd_bind(n, c, ev->pid, p.fd);
	}
	cls = c ? c->cls : net_classify(p.family, &local, &peer);
	name = net_name_of(n, sa);
	if (c) {
		c->direction = "connect";
		c->pending = sc->err == EINPROGRESS;
		if (name && !c->name)
			c->name = strdup(name);
	}
	if (name)
		p.peer_name = report_str(name, strlen(name));
	if (cls != NET_CLS_IPC) {
		n->connections++;
		if (c)
			c->counted = true;
	}
	p.op = CPD_NET_CONNECT;
	p.flags = net_class_flags(n, cls);
	if (sc->err == EINPROGRESS)
		p.flags |= CPD_NETF_INPROGRESS;
	net_publish(n, ev, &p);
}

/* Whether err is how a connect fails (rather than how a connection does). */
static bool net_connect_errno(int err)
{
	return err == ECONNREFUSED || err == ETIMEDOUT || err == EHOSTUNREACH ||
	       err == ENETUNREACH || err == EHOSTDOWN || err == ENETDOWN ||
	       err == EADDRNOTAVAIL;
}

/*
 * A call on pid's socket fd failed with err: when it was a pending
 * non-blocking connect, that is how the connect ended.
 */
static void net_io_failed(struct net *n, const struct cpd_event *ev, int32_t fd,
			  int err)
{
	struct net_conn *c = net_fd_conn(n, ev->pid, fd);

	if (c && c->pending && net_connect_errno(err))
		net_pending_failed(n, ev, c, err);
}

/*
 * getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len): how a pending
 * connect went. The core decoded the value the kernel wrote back.
 */
static void net_getsockopt(struct net *n, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_sockopt *so = report_arg_sockopt(sc, 3);
	struct net_conn *c;

	if (sc->err || sc->args[1] != SOL_SOCKET || sc->args[2] != SO_ERROR)
		return;
	if (!so || !(so->flags & CPD_SOCKOPTF_INT))
		return;
	c = net_fd_conn(n, ev->pid, (int32_t)sc->args[0]);
	if (!c || !c->pending)
		return;
	if (!so->value)
		c->pending = false;
	else
		net_pending_failed(n, ev, c, (int)so->value);
}

static void net_accept(struct net *n, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *lfd = report_arg_fd(sc, 0),
				*fd = sc->retval.fd;
	const struct cpd_sockaddr *sa = net_sa(sc, 1);
	struct net_ep local, peer;
	struct cpd_ev_net p;
	enum net_class cls;
	struct net_conn *c;
	bool created;

	if (sc->err || sc->ret < 0)
		return;
	memset(&p, 0, sizeof(p));
	/* the new socket as the fd table now knows it, else its listener */
	net_fill_socket(&p, fd ? fd : lfd, (int32_t)sc->ret);
	if (!net_sa_known(&p.peer) && sa)
		p.peer = *sa;
	if (!p.family)
		p.family = p.peer.family;
	net_ep_from(&local, &p.local);
	net_ep_from(&peer, &p.peer);
	c = net_conn_get(n, p.family, p.sock_type, p.protocol, &local, &peer,
			 "accept", true, &created);
	if (c)
		net_fd_bind(n, c, ev->pid, p.fd);
	cls = c ? c->cls : net_classify(p.family, &local, &peer);
	if (cls != NET_CLS_IPC)
		n->accepted++;
	p.op = CPD_NET_ACCEPT;
	p.flags = net_class_flags(n, cls);
	net_publish(n, ev, &p);
}

static void net_bind_listen(struct net *n, const struct cpd_event *ev,
			    bool listen)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	const struct cpd_sockaddr *sa = net_sa(sc, 1);
	struct net_ep local, none;
	struct cpd_ev_net p;

	if (sc->err)
		return;
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[0]);
	/* bind's address is the argument: fd info predates the call */
	if (!listen && sa) {
		p.local = *sa;
		if (!p.family)
			p.family = sa->family;
	}
	net_ep_from(&local, &p.local);
	memset(&none, 0, sizeof(none));
	memset(&p.peer, 0, sizeof(p.peer));
	p.op = listen ? CPD_NET_LISTEN : CPD_NET_BIND;
	p.flags = net_class_flags(n, net_classify(p.family, &local, &none));
	net_publish(n, ev, &p);
}

/* ---- sends and receives --------------------------------------------- */

/* send/recv on an fd: read, write, readv, writev, sendfile, splice. */
static void net_fd_io(struct net *n, const struct cpd_event *ev, unsigned idx,
		      bool out)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, idx);
	struct cpd_ev_net p;

	if (sc->err || sc->ret <= 0 || !fd || fd->kind != CPD_FD_SOCKET)
		return;
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[idx]);
	net_traffic(n, ev, &p, (uint64_t)sc->ret, out, "connect");
}

/* sendto and recvfrom: the address argument is the peer when unconnected. */
static void net_sendto(struct net *n, const struct cpd_event *ev, bool out)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	const struct cpd_sockaddr *sa = net_sa(sc, 4);
	const char *direction = "connect";
	struct cpd_ev_net p;

	if (sc->err || sc->ret < 0)
		return;
	/* a zero-byte datagram is still a send; a zero-byte read is EOF */
	if (!sc->ret && !out)
		return;
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[0]);
	if (!net_sa_known(&p.peer) && sa && net_sa_known(sa)) {
		p.peer = *sa;
		/* the peer spoke first to an unconnected socket: it came to us */
		direction = out ? "sendto" : "accept";
	}
	if (!p.family)
		p.family = p.peer.family;
	net_traffic(n, ev, &p, (uint64_t)sc->ret, out, direction);
}

/* sendmsg and recvmsg: the peer of an unconnected socket is msg_name. */
static void net_msg(struct net *n, const struct cpd_event *ev, bool out)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	const char *direction = "connect";
	const struct cpd_msg *m;
	struct cpd_ev_net p;
	uint32_t nmsg;

	if (sc->err || sc->ret < 0 || (!sc->ret && !out))
		return;
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[0]);
	m = report_arg_msgs(sc, 1, &nmsg);
	if (!net_sa_known(&p.peer) && m && net_sa_known(&m->name)) {
		p.peer = m->name;
		direction = out ? "sendto" : "accept";
	}
	if (!p.family)
		p.family = p.peer.family;
	net_traffic(n, ev, &p, (uint64_t)sc->ret, out, direction);
}

/*
 * sendmmsg and recvmmsg return how many messages moved; the bytes are in
 * each mmsghdr's msg_len, decoded by the core. A message it could not
 * read still counts, with 0 bytes. On an unconnected socket each message
 * may have its own peer: bytes go to each one's connection, and the
 * event names the first.
 */
static void net_mmsg(struct net *n, const struct cpd_event *ev, bool out)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	struct cpd_ev_net p, first;
	bool connected, have_first = false;
	const struct cpd_msg *msg;
	uint64_t total = 0;
	uint32_t count, i;

	if (sc->err || sc->ret <= 0)
		return;
	msg = report_arg_msgs(sc, 1, &count);
	memset(&p, 0, sizeof(p));
	net_fill_socket(&p, fd, (int32_t)sc->args[0]);
	connected = net_sa_known(&p.peer);
	first = p;

	for (i = 0; i < count; i++) {
		const struct cpd_msg *m = &msg[i];
		struct cpd_ev_net one = p;
		struct net_ep local, peer;
		struct net_conn *c;
		enum net_class cls;

		if (m->flags & CPD_MSGF_PARTIAL)
			continue;
		total += m->len;
		if (!connected && net_sa_known(&m->name))
			one.peer = m->name;
		if (!one.family)
			one.family = one.peer.family;
		net_ep_from(&local, &one.local);
		net_ep_from(&peer, &one.peer);
		if (!have_first) {
			first = one;
			have_first = true;
		}
		c = net_conn_of_fd(n, ev->pid, one.fd, one.family,
				   one.sock_type, one.protocol, &local, &peer,
				   connected ? "connect" :
				   out	     ? "sendto" :
					       "accept");
		cls = c ? c->cls : net_classify(one.family, &local, &peer);
		if (c)
			*(out ? &c->sent : &c->recv) += m->len;
		net_count(n, cls, m->len, out);
	}
	if (!first.family)
		first.family = first.peer.family;
	{
		struct net_ep local, peer;

		net_ep_from(&local, &first.local);
		net_ep_from(&peer, &first.peer);
		first.flags = net_class_flags(
			n, net_classify(first.family, &local, &peer));
	}
	first.op = out ? CPD_NET_SEND : CPD_NET_RECV;
	first.bytes = total;
	first.count = count;
	net_publish(n, ev, &first);
}

enum net_call {
	NC_CONNECT,
	NC_ACCEPT,
	NC_BIND,
	NC_LISTEN,
	NC_SENDTO,
	NC_RECVFROM,
	NC_SENDMSG,
	NC_RECVMSG,
	NC_SENDMMSG,
	NC_RECVMMSG,
	NC_READ,
	NC_WRITE,
	NC_SENDFILE,
	NC_SPLICE,
	NC_GETSOCKOPT,
};

static const struct {
	const char *name;
	enum net_call call;
} net_calls[] = {
	{ "read", NC_READ },	     { "write", NC_WRITE },
	{ "readv", NC_READ },	     { "writev", NC_WRITE },
	{ "sendto", NC_SENDTO },     { "recvfrom", NC_RECVFROM },
	{ "sendmsg", NC_SENDMSG },   { "recvmsg", NC_RECVMSG },
	{ "sendmmsg", NC_SENDMMSG }, { "recvmmsg", NC_RECVMMSG },
	{ "connect", NC_CONNECT },   { "accept", NC_ACCEPT },
	{ "accept4", NC_ACCEPT },    { "bind", NC_BIND },
	{ "listen", NC_LISTEN },     { "sendfile", NC_SENDFILE },
	{ "splice", NC_SPLICE },     { "getsockopt", NC_GETSOCKOPT },
};

static const char *net_call_name(size_t i)
{
	return net_calls[i].name;
}

static int net_on_event(void *state, const struct cpd_event *ev)
{
	struct net *n = state;
	int i = callmap_find_completed(&n->calls, ev);
	const struct cpd_syscall *sc;

	if (ev->kind == CPD_EV_DNS) {
		net_dns(n, ev);
		return 0;
	}
	if (i < 0)
		return 0;
	sc = &ev->u.syscall;
	/* the first read or write may be how a pending connect failed */
	if (sc->err && net_calls[i].call >= NC_SENDTO &&
	    net_calls[i].call <= NC_SPLICE) {
		net_io_failed(n, ev, (int32_t)sc->args[0], sc->err);
		if (net_calls[i].call == NC_SPLICE)
			net_io_failed(n, ev, (int32_t)sc->args[2], sc->err);
	}
	switch (net_calls[i].call) {
	case NC_GETSOCKOPT:
		net_getsockopt(n, ev);
		break;
	case NC_CONNECT:
		net_connect(n, ev);
		break;
	case NC_ACCEPT:
		net_accept(n, ev);
		break;
	case NC_BIND:
		net_bind_listen(n, ev, false);
		break;
	case NC_LISTEN:
		net_bind_listen(n, ev, true);
		break;
	case NC_SENDTO:
		net_sendto(n, ev, true);
		break;
	case NC_RECVFROM:
		net_sendto(n, ev, false);
		break;
	case NC_SENDMSG:
		net_msg(n, ev, true);
		break;
	case NC_RECVMSG:
		net_msg(n, ev, false);
		break;
	case NC_SENDMMSG:
		net_mmsg(n, ev, true);
		break;
	case NC_RECVMMSG:
		net_mmsg(n, ev, false);
		break;
	case NC_READ:
		net_fd_io(n, ev, 0, false);
		break;
	case NC_WRITE:
		net_fd_io(n, ev, 0, true);
		break;
	case NC_SENDFILE:
		/* sendfile(out_fd, in_fd, ...): the socket is out */
		net_fd_io(n, ev, 0, true);
		break;
	case NC_SPLICE:
		/* splice(fd_in, off_in, fd_out, ...): either side */
		net_fd_io(n, ev, 0, false);
		net_fd_io(n, ev, 2, true);
		break;
	}
	return 0;
}

/* ---- reports -------------------------------------------------------- */

static const char *net_proto(const struct net_conn *c)
{
	bool v6 = c->family == AF_INET6;

	switch (c->family) {
	case AF_INET:
	case AF_INET6:
		if (c->protocol == IPPROTO_ICMP ||
		    c->protocol == IPPROTO_ICMPV6)
			return v6 ? "icmp6" : "icmp4";
		if (c->sock_type == SOCK_STREAM)
			return v6 ? "tcp6" : "tcp4";
		if (c->sock_type == SOCK_DGRAM)
			return v6 ? "udp6" : "udp4";
		if (c->sock_type == SOCK_RAW)
			return v6 ? "raw6" : "raw4";
		return v6 ? "ip6" : "ip4";
	case AF_UNIX:
		return "unix";
	case AF_NETLINK:
		return "netlink";
	default:
		return "other";
	}
}

/*
 * "93.184.216.34:443", "[2001:db8::1]:443", a unix path ("@name" when
 * abstract), "netlink:PID". A unix client seldom has a name, so an
 * accepted unix connection shows the name it was accepted on.
 */
static size_t net_format_peer(const struct net_conn *c, char *buf, size_t size)
{
	const struct net_ep *ep = &c->peer;
	char addr[INET6_ADDRSTRLEN];
	int len;

	switch (ep->family) {
	case AF_INET:
		inet_ntop(AF_INET, ep->addr, addr, sizeof(addr));
		len = snprintf(buf, size, "%s:%u", addr, ep->port);
		break;
	case AF_INET6:
		inet_ntop(AF_INET6, ep->addr, addr, sizeof(addr));
		if (ep->scope_id)
			len = snprintf(buf, size, "[%s%%%u]:%u", addr,
				       ep->scope_id, ep->port);
		else
			len = snprintf(buf, size, "[%s]:%u", addr, ep->port);
		break;
	case AF_UNIX:
		if (!ep->pathlen && !ep->abstract &&
		    (c->local.pathlen || c->local.abstract))
			ep = &c->local;
		if (!ep->pathlen && !ep->abstract) {
			len = snprintf(buf, size, "(unnamed)");
			break;
		}
		/* the name is bytes; outputs escape what they print */
		len = snprintf(buf, size, "%s", ep->abstract ? "@" : "");
		if (len >= 0 && (size_t)len + ep->pathlen < size) {
			memcpy(buf + len, ep->path, ep->pathlen);
			len += ep->pathlen;
		}
		break;
	case AF_NETLINK:
		len = snprintf(buf, size, "netlink:%u", ep->port_id);
		break;
	default:
		len = snprintf(buf, size, "?");
		break;
	}
	if (len < 0)
		return 0;
	return (size_t)len < size ? (size_t)len : size - 1;
}

/* What net_stop() publishes; outputs lay it out from this alone. */
static const struct cpd_report_key net_total_keys[] = {
	REPORT_KEY(
		"sent_bytes", "Net sent", CPD_KV_U64, CPD_UNIT_BYTES,
		CPD_RKF_SUMMARY | CPD_RKF_ALIGN, "I/O",
		"bytes sent on IP sockets, loopback included (not local IPC)"),
	REPORT_KEY("loopback_sent_bytes", "loopback", CPD_KV_U64,
		   CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O",
		   "of the bytes sent, those to 127/8 and ::1"),
	REPORT_KEY("recv_bytes", "Net received", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, "I/O",
		   "bytes received on IP sockets, loopback included"),
	REPORT_KEY("loopback_recv_bytes", "loopback", CPD_KV_U64,
		   CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O",
		   "of the bytes received, those from 127/8 and ::1"),
	REPORT_KEY(
		"connections", "Connections", CPD_KV_U64, CPD_UNIT_COUNT, 0,
		NULL,
		"connects that succeeded or were left in progress, each one"),
	REPORT_KEY("accepted", "Accepted", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "connections accepted"),
	REPORT_KEY("ipc_sent_bytes", "Local IPC sent", CPD_KV_U64,
		   CPD_UNIT_BYTES, 0, NULL,
		   "bytes sent on AF_UNIX and netlink"),
	REPORT_KEY("ipc_recv_bytes", "Local IPC received", CPD_KV_U64,
		   CPD_UNIT_BYTES, 0, NULL,
		   "bytes received on AF_UNIX and netlink"),
};

static const struct cpd_report_key net_conn_keys[] = {
	REPORT_KEY("proto", "Protocol", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "tcp4, udp6, unix, ..."),
	REPORT_KEY("direction", "Direction", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "how it began: connect, accept or sendto"),
	REPORT_KEY("peer", "Peer", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the other end: address and port, or a socket path"),
	REPORT_KEY("sent_bytes", "Sent", CPD_KV_U64, CPD_UNIT_BYTES, 0, NULL,
		   "bytes sent on it"),
	REPORT_KEY("recv_bytes", "Received", CPD_KV_U64, CPD_UNIT_BYTES, 0,
		   NULL, "bytes received on it"),
	REPORT_KEY("scope", "Scope", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "network, loopback (this host) or local (unix, netlink)"),
	REPORT_KEY("name", "Name", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "the name the peer was looked up as (dns), if it was"),
};

/* What net_interval() publishes every --interval period. */
static const struct cpd_report_key net_period_keys[] = {
	REPORT_KEY("sent_bytes", "Sent", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL, "bytes sent in the period"),
	REPORT_KEY("sent_bytes_total", "so far", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "bytes sent since tracing began"),
	REPORT_KEY("recv_bytes", "Received", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL, "bytes received in the period"),
	REPORT_KEY("recv_bytes_total", "so far", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "bytes received since tracing began"),
	REPORT_KEY("connections", "Connections", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY, NULL, "connections made in the period"),
	REPORT_KEY("connections_total", "so far", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "connections made since tracing began"),
	REPORT_KEY("accepted", "Accepted", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY, NULL, "connections accepted in the period"),
	REPORT_KEY("accepted_total", "so far", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "connections accepted since tracing began"),
};

enum { NET_REP_TOTALS, NET_REP_CONNS, NET_REP_PERIOD };

static const struct cpd_report_desc net_reports[] = {
	[NET_REP_TOTALS] = { .topic = "net",
			     .title = "Network",
			     .flags = CPD_RDF_SUMMARY,
			     .order = 30,
			     .keys = net_total_keys,
			     .nkeys = REPORT_NKEYS(net_total_keys),
			     .help = "bytes and connections over every socket" },
	[NET_REP_CONNS] = { .topic = "net.connections",
			    .title = "Network connections",
			    .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			    .order = 31,
			    .keys = net_conn_keys,
			    .nkeys = REPORT_NKEYS(net_conn_keys),
			    .summary_row =
				    "{proto} {direction|connect=→|accept=←|sendto=→} {peer}{name|=|*= (*)}{scope|loopback= (loopback)|network=|local=}",
			    .help = "one row per connect or accept, in the order they began" },
	[NET_REP_PERIOD] = { .topic = "net.interval",
			     .title = "Network in the period",
			     .flags = CPD_RDF_SUMMARY,
			     .order = 30,
			     .keys = net_period_keys,
			     .nkeys = REPORT_NKEYS(net_period_keys),
			     .help = "every --interval period: bytes sent and received, connections and accepts, with the totals so far" },
	CPD_REPORT_END
};

static int net_interval(void *state, const struct cpd_interval *iv)
{
	struct net *n = state;

	n->iv[0].key = "sent_bytes";
	n->iv[0].now = n->sent_bytes;
	n->iv[1].key = "recv_bytes";
	n->iv[1].now = n->recv_bytes;
	n->iv[2].key = "connections";
	n->iv[2].now = n->connections;
	n->iv[3].key = "accepted";
	n->iv[3].now = n->accepted;
	return report_counters(n->host, n->inst, iv,
			       &net_reports[NET_REP_PERIOD], n->iv, 4);
}

static int net_stop(void *state)
{
	struct net *n = state;
	char peer[NET_PATH_MAX + 64];
	struct cpd_kv kv[8];
	size_t i;

	kv[0] = report_val_u64("sent_bytes", n->sent_bytes);
	kv[1] = report_val_u64("recv_bytes", n->recv_bytes);
	kv[2] = report_val_u64("connections", n->connections);
	kv[3] = report_val_u64("accepted", n->accepted);
	kv[4] = report_val_u64("ipc_sent_bytes", n->ipc_sent_bytes);
	kv[5] = report_val_u64("ipc_recv_bytes", n->ipc_recv_bytes);
	kv[6] = report_val_u64("loopback_sent_bytes", n->loopback_sent_bytes);
	kv[7] = report_val_u64("loopback_recv_bytes", n->loopback_recv_bytes);
	report_publish_desc(n->host, n->inst, &net_reports[NET_REP_TOTALS], kv,
			    8);
	if (n->unlisted)
		report_lost(
			n->host, n->inst, CPD_EV_REPORT, n->unlisted,
			"connection table full: traffic of connections past its cap is in the totals only");

	for (i = 0; i < n->nconns; i++) {
		const struct net_conn *c = n->order[i];
		const char *proto = net_proto(c);
		const char *scope = c->cls == NET_CLS_LOOPBACK ? "loopback" :
				    c->cls == NET_CLS_IPC      ? "local" :
								 "network";
		size_t len;

		/* a non-blocking connect that failed was no connection */
		if (c->failed)
			continue;
		/* loopback is listed whatever the live stream shows */
		if (c->cls == NET_CLS_IPC && c->hidden && !n->verbose)
			continue;
		len = net_format_peer(c, peer, sizeof(peer));
		kv[0] = report_val_text("proto", proto, strlen(proto));
		kv[1] = report_val_text("direction", c->direction,
					strlen(c->direction));
		kv[2] = report_val_text("peer", peer, len);
		kv[3] = report_val_u64("sent_bytes", c->sent);
		kv[4] = report_val_u64("recv_bytes", c->recv);
		kv[5] = report_val_text("scope", scope, strlen(scope));
		kv[6] = report_val_text("name", c->name ? c->name : "",
					c->name ? strlen(c->name) : 0);
		report_publish_desc(n->host, n->inst,
				    &net_reports[NET_REP_CONNS], kv, 7);
	}
	return 0;
}

/* ---- lifecycle ------------------------------------------------------ */

static int net_start(void *state)
{
	struct net *n = state;

	n->verbose = n->host->run_info(n->inst)->verbose > 0;
	return 0;
}

/* What the options do not say. */
static int net_setup(void *state)
{
	struct net *n = state;

	callmap_init(&n->calls, net_call_name,
		     sizeof(net_calls) / sizeof(net_calls[0]));
	n->seed = hash_seed(n);
	return 0;
}

static void net_release(void *state)
{
	struct net *n = state;
	size_t i;

	for (i = 0; i < n->nconns; i++) {
		free(n->order[i]->name);
		free(n->order[i]);
	}
	free(n->order);
	free(n->buckets);
	free(n->fd_buckets);
	net_names_free(n);
}

static const struct instance_type net_type =
	INSTANCE_TYPE(struct net, net_setup, net_release);

static int net_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	return instance_init(&net_type, inst, host, statep);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "net", .version = "1.0",
		.description =
			"connections, accepts, binds and listens; bytes sent and received per connection",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_DNS),
		.syscall_classes = 0, .syscalls = net_syscalls,
		.publishes = CPD_EVMASK(CPD_EV_NET) | CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_BATCH,
		.options = net_options, .init = net_init, .start = net_start,
		.on_event = net_on_event, .stop = net_stop,
		.fini = instance_fini, .reports = net_reports,
		.interval = net_interval, );
