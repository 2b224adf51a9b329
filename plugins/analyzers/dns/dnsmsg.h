/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Reading one DNS message (RFC 1035, with EDNS from RFC 6891 and unknown
 * types as RFC 3597 writes them). The bytes come from a traced program or
 * from the network, so nothing in them is trusted: every length, count
 * and compression pointer is checked against the message before it is
 * followed, and a message that breaks a rule is reported as malformed
 * with the rule and the offset, never read past its end.
 *
 * Names are returned as text in the presentation form dig uses: labels
 * joined by dots, a '.' or '\' inside a label escaped with '\', any byte
 * outside printable ASCII as \DDD. The text is still untrusted (it may
 * name anything): outputs escape it like every tracee string.
 */
#ifndef CPD_PLUGINS_DNS_DNSMSG_H
#define CPD_PLUGINS_DNS_DNSMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A name of 255 wire bytes, each byte of it as \DDD at worst, and a NUL. */
#define DNSMSG_NAME_MAX (255 * 4 + 1)
/* Room for one record's data as text (a name, an address, TXT strings). */
#define DNSMSG_DATA_MAX (DNSMSG_NAME_MAX + 64)
/* Answer records kept per message; more are counted in an_seen. */
#define DNSMSG_AN_MAX 16

/* Record types and classes the analyzer names or looks at. */
enum {
	DNSMSG_T_A = 1,
	DNSMSG_T_NS = 2,
	DNSMSG_T_CNAME = 5,
	DNSMSG_T_SOA = 6,
	DNSMSG_T_PTR = 12,
	DNSMSG_T_MX = 15,
	DNSMSG_T_TXT = 16,
	DNSMSG_T_AAAA = 28,
	DNSMSG_T_SRV = 33,
	DNSMSG_T_DNAME = 39,
	DNSMSG_T_OPT = 41,
	DNSMSG_T_HTTPS = 65,
	DNSMSG_T_ANY = 255,
};

/* Response codes (4 bits, 12 with EDNS's upper 8). */
enum {
	DNSMSG_RC_NOERROR = 0,
	DNSMSG_RC_FORMERR = 1,
	DNSMSG_RC_SERVFAIL = 2,
	DNSMSG_RC_NXDOMAIN = 3,
	DNSMSG_RC_NOTIMP = 4,
	DNSMSG_RC_REFUSED = 5,
};

/* Why a message was not read to its end (dnsmsg.err). */
enum dnsmsg_err {
	DNSMSG_OK = 0,
	DNSMSG_E_SHORT,	   /* ends before what its counts and lengths say */
	DNSMSG_E_LABEL,	   /* a label type other than 0 and compression */
	DNSMSG_E_NAMELEN,  /* a name longer than 255 bytes */
	DNSMSG_E_POINTER,  /* a compression pointer that does not point back */
	DNSMSG_E_LOOP,	   /* too many compression jumps */
	DNSMSG_E_RDATA,	   /* record data inconsistent with its type */
	DNSMSG_E_TRAILING, /* bytes after the last record */
};

struct dnsmsg_rr {
	uint16_t type;
	uint16_t class;
	uint32_t ttl;
	char name[DNSMSG_NAME_MAX];
	char data[DNSMSG_DATA_MAX]; /* the record data as text */
};

struct dnsmsg {
	uint16_t id;
	bool qr; /* a response */
	bool aa, tc, rd, ra;
	uint8_t opcode;
	uint16_t rcode; /* with the EDNS extended bits when there is an OPT */
	uint16_t qdcount, ancount, nscount, arcount;

	bool has_question;
	char qname[DNSMSG_NAME_MAX];
	uint16_t qtype;
	uint16_t qclass;

	struct dnsmsg_rr an[DNSMSG_AN_MAX];
	uint16_t an_kept; /* entries of an[] filled */
	uint16_t an_seen; /* answer records read */

	bool edns;
	uint16_t edns_size; /* the sender's UDP payload size */
	uint8_t edns_version;
	bool edns_do;

	enum dnsmsg_err err;
	size_t err_off; /* where reading stopped */
};

/*
 * Read the message in p[0..len). Returns 0, or -EBADMSG with m->err and
 * m->err_off set; what was read before the error stays in m (a truncated
 * response still has its header and question). m is overwritten.
 */
int dnsmsg_parse(const uint8_t *p, size_t len, struct dnsmsg *m);

/* "A", "AAAA", ..., or "TYPE65280" in buf (at least 12 bytes). */
const char *dnsmsg_type_name(uint16_t type, char *buf, size_t size);
/* "NOERROR", "NXDOMAIN", ..., or "RCODE23" in buf (at least 12 bytes). */
const char *dnsmsg_rcode_name(uint16_t rcode, char *buf, size_t size);
/* What a dnsmsg_err means, for a person: "truncated", "compression loop". */
const char *dnsmsg_err_text(enum dnsmsg_err err);

/*
 * Whether two names in presentation form are the same name: ASCII letters
 * compare without case (RFC 4343), a trailing dot is optional.
 */
bool dnsmsg_name_eq(const char *a, const char *b);

#endif /* CPD_PLUGINS_DNS_DNSMSG_H */
