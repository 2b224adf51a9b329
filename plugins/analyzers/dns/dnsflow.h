/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Queries and answers, per socket: the messages a process sends to and
 * receives from port 53 (TCP reassembled from its length prefixes), each
 * answer matched to the query it answers by id and question, a query sent
 * again counted as a retry of the same lookup, and what never got an
 * answer given up as a timeout. The dns analyzer (dns.c) turns what this
 * finds into events, findings and reports; this file knows nothing of
 * the bus, so it is tested on its own.
 *
 * Memory is bounded: sockets, pending queries per socket and the bytes a
 * TCP stream may hold are capped, and what a cap drops is counted.
 */
#ifndef CPD_PLUGINS_DNS_DNSFLOW_H
#define CPD_PLUGINS_DNS_DNSFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/types.h>

#include "dnsmsg.h"

/* Sockets followed at once; queries pending on one; a TCP stream's bytes. */
#define DNSFLOW_SOCKS_MAX   1024
#define DNSFLOW_PENDING_MAX 64
#define DNSFLOW_TCP_MAX	    (2 + 65535)

/* What the flow hands back (dnsflow_lookup.what). */
enum dnsflow_what {
	DNSFLOW_ANSWER,	   /* a query and its answer */
	DNSFLOW_TIMEOUT,   /* a query given up: no answer came */
	DNSFLOW_MALFORMED, /* a message that broke a rule */
};

/* One finished lookup, as the flow's callback receives it. */
struct dnsflow_lookup {
	enum dnsflow_what what;
	int32_t pid;
	int32_t tid;
	int32_t fd;
	bool tcp;
	uint16_t id;
	uint16_t qtype;
	uint32_t retries;
	uint64_t sent_ns;  /* the first time the question was sent */
	uint64_t done_ns;  /* answered, given up, or the malformed message */
	const char *qname; /* presentation form, untrusted */
	struct cpd_sockaddr server;
	/* ANSWER: the response; MALFORMED: the message (its err says why) */
	const struct dnsmsg *msg;
	bool sent; /* MALFORMED: we sent it (else received it) */
};

typedef void (*dnsflow_cb)(void *arg, const struct dnsflow_lookup *l);

struct dnsflow_sock;

struct dnsflow {
	dnsflow_cb cb;
	void *arg;
	struct dnsflow_sock **socks; /* open addressing on (pid, fd) */
	size_t nsocks;
	struct dnsmsg msg; /* scratch: one message at a time */
	uint64_t dropped;  /* queries or sockets a cap dropped */
	uint64_t ignored;  /* messages neither a query sent nor an answer got */
};

int dnsflow_init(struct dnsflow *f, dnsflow_cb cb, void *arg);
void dnsflow_free(struct dnsflow *f);

/*
 * Bytes a process moved on a socket whose peer or local port is 53:
 * sent (else received) over TCP (else UDP), at ns. One UDP datagram, or
 * any part of a TCP stream. server is the peer (family 0 when unknown).
 */
void dnsflow_data(struct dnsflow *f, int32_t pid, int32_t tid, int32_t fd,
		  bool tcp, bool sent, const struct cpd_sockaddr *server,
		  const uint8_t *p, size_t len, uint64_t ns);

/* The socket was closed (or replaced): its pending queries time out. */
void dnsflow_close(struct dnsflow *f, int32_t pid, int32_t fd, uint64_t ns);
/* The process is gone (or exec'd: its fds may live on; then fd < 0). */
void dnsflow_exit(struct dnsflow *f, int32_t pid, uint64_t ns);
/* Tracing ended: every pending query times out at ns. */
void dnsflow_end(struct dnsflow *f, uint64_t ns);

#endif /* CPD_PLUGINS_DNS_DNSFLOW_H */
