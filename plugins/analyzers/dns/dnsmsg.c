// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The DNS message reader. Every read goes through the cursor below, which
 * knows the message's end; names are followed through compression
 * pointers only backwards, each jump to before the previous one, so a
 * hostile message can neither loop nor send us past its end.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dnsmsg.h"

/* RFC 1035 4.1.4: the two top bits of a label length. */
#define DNSMSG_PTR_BITS 0xc0
/* Jumps a name may take; the backwards rule already bounds them. */
#define DNSMSG_MAX_JUMPS 128
/* Bytes of an unknown record's data shown as hex (RFC 3597 form). */
#define DNSMSG_HEX_MAX 64

struct cursor {
	const uint8_t *p;
	size_t len;
	size_t off;
};

/* Text being appended to, cut at size - 1 and always terminated. */
struct text {
	char *buf;
	size_t len, size;
	bool full;
};

static void text_put(struct text *t, const char *s, size_t n)
{
	if (t->len + n >= t->size) {
		n = t->size - 1 - t->len;
		t->full = true;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void text_printf(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void text_printf(struct text *t, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		text_put(t, tmp,
			 (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static int fail(struct dnsmsg *m, enum dnsmsg_err err, size_t off)
{
	if (m->err == DNSMSG_OK) {
		m->err = err;
		m->err_off = off;
	}
	return -EBADMSG;
}

static int get16(struct dnsmsg *m, struct cursor *c, uint16_t *v)
{
	if (c->len - c->off < 2)
		return fail(m, DNSMSG_E_SHORT, c->off);
	*v = (uint16_t)(c->p[c->off] << 8 | c->p[c->off + 1]);
	c->off += 2;
	return 0;
}

static int get32(struct dnsmsg *m, struct cursor *c, uint32_t *v)
{
	uint16_t hi, lo;

	if (get16(m, c, &hi) < 0 || get16(m, c, &lo) < 0)
		return -EBADMSG;
	*v = (uint32_t)hi << 16 | lo;
	return 0;
}

/* One label's bytes in presentation form (RFC 4343 2.1). */
static void label_text(struct text *t, const uint8_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint8_t ch = s[i];

		if (ch == '.' || ch == '\\') {
			char esc[2] = { '\\', (char)ch };

			text_put(t, esc, 2);
		} else if (ch > 0x20 && ch < 0x7f) {
			text_put(t, (const char *)&ch, 1);
		} else {
			text_printf(t, "\\%03u", ch);
		}
	}
}

/*
 * The name at c->off, as text into out; c->off moves past it (past the
 * first pointer when it is compressed). Pointers may point anywhere
 * before themselves in the message, even from inside record data.
 */
static int name_read(struct dnsmsg *m, struct cursor *c, char *out, size_t size)
{
	struct text t = { out, 0, size, false };
	size_t pos = c->off, end = 0, limit = c->off;
	unsigned jumps = 0, wire = 1; /* the root label's byte */

	out[0] = '\0';
	for (;;) {
		uint8_t l;

		if (pos >= c->len)
			return fail(m, DNSMSG_E_SHORT, pos);
		l = c->p[pos];
		if ((l & DNSMSG_PTR_BITS) == DNSMSG_PTR_BITS) {
			size_t target;

			if (pos + 1 >= c->len)
				return fail(m, DNSMSG_E_SHORT, pos);
			target = (size_t)(l & ~DNSMSG_PTR_BITS) << 8 |
				 c->p[pos + 1];
			if (!jumps)
				end = pos + 2;
			/*
			 * Each jump lands before where the previous one did
			 * (before the name itself the first time): the
			 * positions strictly decrease, so no loop is possible.
			 */
			if (target >= limit)
				return fail(m, DNSMSG_E_POINTER, pos);
			if (++jumps > DNSMSG_MAX_JUMPS)
				return fail(m, DNSMSG_E_LOOP, pos);
			limit = target;
			pos = target;
			continue;
		}
		if (l & DNSMSG_PTR_BITS)
			return fail(m, DNSMSG_E_LABEL, pos);
		if (!l) {
			pos++;
			break;
		}
		if (c->len - pos - 1 < l)
			return fail(m, DNSMSG_E_SHORT, pos);
		wire += 1u + l;
		if (wire > 255)
			return fail(m, DNSMSG_E_NAMELEN, pos);
		if (t.len)
			text_put(&t, ".", 1);
		label_text(&t, c->p + pos + 1, l);
		pos += 1u + l;
	}
	if (!t.len)
		text_put(&t, ".", 1);
	c->off = jumps ? end : pos;
	return 0;
}

/* TXT data: each character-string quoted, as dig shows them. */
static int txt_text(struct dnsmsg *m, const struct cursor *c, size_t end,
		    struct text *t)
{
	size_t pos = c->off;

	while (pos < end) {
		size_t n = c->p[pos];

		if (end - pos - 1 < n)
			return fail(m, DNSMSG_E_RDATA, pos);
		if (t->len)
			text_put(t, " ", 1);
		text_put(t, "\"", 1);
		label_text(t, c->p + pos + 1, n);
		text_put(t, "\"", 1);
		pos += 1 + n;
	}
	return 0;
}

/* A record's data as text, in rr->data; c is at the data, end after it. */
static int rdata_read(struct dnsmsg *m, struct cursor *c, size_t end,
		      struct dnsmsg_rr *rr)
{
	struct text t = { rr->data, 0, sizeof(rr->data), false };
	size_t rdlen = end - c->off;
	char addr[INET6_ADDRSTRLEN];
	uint16_t a, b, d;
	uint32_t v[5];
	struct cursor sub;
	size_t i;

	rr->data[0] = '\0';
	/* names inside the data may point anywhere before them */
	sub = *c;
	switch (rr->type) {
	case DNSMSG_T_A:
		if (rdlen != 4)
			return fail(m, DNSMSG_E_RDATA, c->off);
		inet_ntop(AF_INET, c->p + c->off, addr, sizeof(addr));
		text_put(&t, addr, strlen(addr));
		break;
	case DNSMSG_T_AAAA:
		if (rdlen != 16)
			return fail(m, DNSMSG_E_RDATA, c->off);
		inet_ntop(AF_INET6, c->p + c->off, addr, sizeof(addr));
		text_put(&t, addr, strlen(addr));
		break;
	case DNSMSG_T_CNAME:
	case DNSMSG_T_NS:
	case DNSMSG_T_PTR:
	case DNSMSG_T_DNAME:
		if (name_read(m, &sub, rr->data, sizeof(rr->data)) < 0)
			return -EBADMSG;
		if (sub.off != end)
			return fail(m, DNSMSG_E_RDATA, sub.off);
		break;
	case DNSMSG_T_MX:
		if (get16(m, &sub, &a) < 0)
			return -EBADMSG;
		text_printf(&t, "%u ", a);
		if (name_read(m, &sub, rr->data + t.len,
			      sizeof(rr->data) - t.len) < 0)
			return -EBADMSG;
		if (sub.off != end)
			return fail(m, DNSMSG_E_RDATA, sub.off);
		break;
	case DNSMSG_T_SRV:
		if (get16(m, &sub, &a) < 0 || get16(m, &sub, &b) < 0 ||
		    get16(m, &sub, &d) < 0)
			return -EBADMSG;
		text_printf(&t, "%u %u %u ", a, b, d);
		if (name_read(m, &sub, rr->data + t.len,
			      sizeof(rr->data) - t.len) < 0)
			return -EBADMSG;
		if (sub.off != end)
			return fail(m, DNSMSG_E_RDATA, sub.off);
		break;
	case DNSMSG_T_SOA: {
		char rname[DNSMSG_NAME_MAX];

		if (name_read(m, &sub, rr->data, sizeof(rr->data) / 2) < 0 ||
		    name_read(m, &sub, rname, sizeof(rname)) < 0)
			return -EBADMSG;
		t.len = strlen(rr->data);
		text_put(&t, " ", 1);
		text_put(&t, rname, strlen(rname));
		for (i = 0; i < 5; i++)
			if (get32(m, &sub, &v[i]) < 0)
				return -EBADMSG;
		if (sub.off != end)
			return fail(m, DNSMSG_E_RDATA, sub.off);
		text_printf(&t, " %" PRIu32 " %" PRIu32 " %" PRIu32, v[0], v[1],
			    v[2]);
		text_printf(&t, " %" PRIu32 " %" PRIu32, v[3], v[4]);
		break;
	}
	case DNSMSG_T_TXT:
		if (txt_text(m, c, end, &t) < 0)
			return -EBADMSG;
		break;
	default:
		/* RFC 3597: \# LENGTH HEX, the hex cut at DNSMSG_HEX_MAX */
		text_printf(&t, "\\# %zu", rdlen);
		if (rdlen)
			text_put(&t, " ", 1);
		for (i = 0; i < rdlen && i < DNSMSG_HEX_MAX; i++)
			text_printf(&t, "%02x", c->p[c->off + i]);
		if (rdlen > DNSMSG_HEX_MAX)
			text_put(&t, "...", 3);
		break;
	}
	c->off = end;
	return 0;
}

/*
 * One resource record; kept in rr when rr is not NULL, else only checked.
 * An OPT record sets the message's EDNS fields whatever the section.
 */
static int rr_read(struct dnsmsg *m, struct cursor *c, struct dnsmsg_rr *rr)
{
	struct dnsmsg_rr local;
	struct dnsmsg_rr *r = rr ? rr : &local;
	uint16_t rdlen;
	size_t end;

	if (name_read(m, c, r->name, sizeof(r->name)) < 0 ||
	    get16(m, c, &r->type) < 0 || get16(m, c, &r->class) < 0 ||
	    get32(m, c, &r->ttl) < 0 || get16(m, c, &rdlen) < 0)
		return -EBADMSG;
	if (c->len - c->off < rdlen)
		return fail(m, DNSMSG_E_SHORT, c->off);
	end = c->off + rdlen;
	if (r->type == DNSMSG_T_OPT) {
		/* RFC 6891 6.1.3: the class is the UDP size, the TTL flags */
		m->edns = true;
		m->edns_size = r->class;
		m->edns_version = (uint8_t)(r->ttl >> 16);
		m->edns_do = r->ttl & 0x8000;
		m->rcode = (uint16_t)((r->ttl >> 24) << 4 | (m->rcode & 0xf));
		r->data[0] = '\0';
		c->off = end;
		return 0;
	}
	if (!rr) {
		c->off = end;
		return 0;
	}
	return rdata_read(m, c, end, r);
}

int dnsmsg_parse(const uint8_t *p, size_t len, struct dnsmsg *m)
{
	struct cursor c = { p, len, 0 };
	uint16_t flags, i;

	memset(m, 0, sizeof(*m));

	if (get16(m, &c, &m->id) < 0 || get16(m, &c, &flags) < 0 ||
	    get16(m, &c, &m->qdcount) < 0 || get16(m, &c, &m->ancount) < 0 ||
	    get16(m, &c, &m->nscount) < 0 || get16(m, &c, &m->arcount) < 0)
		return -EBADMSG;
	m->qr = flags & 0x8000;
	m->opcode = (uint8_t)(flags >> 11 & 0xf);
	m->aa = flags & 0x0400;
	m->tc = flags & 0x0200;
	m->rd = flags & 0x0100;
	m->ra = flags & 0x0080;
	m->rcode = flags & 0xf;

	/* the first question is the one asked; others are checked only */
	for (i = 0; i < m->qdcount; i++) {
		char other[DNSMSG_NAME_MAX];
		uint16_t type, class;

		if (name_read(m, &c, i ? other : m->qname, sizeof(m->qname)) <
			    0 ||
		    get16(m, &c, &type) < 0 || get16(m, &c, &class) < 0)
			return -EBADMSG;
		if (!i) {
			m->has_question = true;
			m->qtype = type;
			m->qclass = class;
		}
	}
	for (i = 0; i < m->ancount; i++) {
		struct dnsmsg_rr *rr =
			m->an_kept < DNSMSG_AN_MAX ? &m->an[m->an_kept] : NULL;

		if (rr_read(m, &c, rr) < 0)
			return -EBADMSG;
		m->an_seen++;
		if (rr && rr->type != DNSMSG_T_OPT)
			m->an_kept++;
	}
	for (i = 0; i < m->nscount + m->arcount; i++)
		if (rr_read(m, &c, NULL) < 0)
			return -EBADMSG;
	if (c.off != len)
		return fail(m, DNSMSG_E_TRAILING, c.off);
	return 0;
}

const char *dnsmsg_type_name(uint16_t type, char *buf, size_t size)
{
	static const struct {
		uint16_t type;
		const char *name;
	} names[] = {
		{ DNSMSG_T_A, "A" },
		{ DNSMSG_T_NS, "NS" },
		{ DNSMSG_T_CNAME, "CNAME" },
		{ DNSMSG_T_SOA, "SOA" },
		{ DNSMSG_T_PTR, "PTR" },
		{ DNSMSG_T_MX, "MX" },
		{ DNSMSG_T_TXT, "TXT" },
		{ DNSMSG_T_AAAA, "AAAA" },
		{ DNSMSG_T_SRV, "SRV" },
		{ DNSMSG_T_DNAME, "DNAME" },
		{ DNSMSG_T_OPT, "OPT" },
		{ DNSMSG_T_HTTPS, "HTTPS" },
		{ 64, "SVCB" },
		{ 43, "DS" },
		{ 48, "DNSKEY" },
		{ 46, "RRSIG" },
		{ 257, "CAA" },
		{ DNSMSG_T_ANY, "ANY" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].type == type)
			return names[i].name;
	snprintf(buf, size, "TYPE%u", type);
	return buf;
}

const char *dnsmsg_rcode_name(uint16_t rcode, char *buf, size_t size)
{
	static const char *const names[] = {
		"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN",
		"NOTIMP",  "REFUSED", "YXDOMAIN", "YXRRSET",
		"NXRRSET", "NOTAUTH", "NOTZONE",
	};

	if (rcode < sizeof(names) / sizeof(names[0]))
		return names[rcode];
	if (rcode == 16)
		return "BADVERS";
	snprintf(buf, size, "RCODE%u", rcode);
	return buf;
}

const char *dnsmsg_err_text(enum dnsmsg_err err)
{
	switch (err) {
	case DNSMSG_OK:
		return "well formed";
	case DNSMSG_E_SHORT:
		return "truncated";
	case DNSMSG_E_LABEL:
		return "bad label type";
	case DNSMSG_E_NAMELEN:
		return "name longer than 255 bytes";
	case DNSMSG_E_POINTER:
		return "compression pointer not pointing back";
	case DNSMSG_E_LOOP:
		return "compression loop";
	case DNSMSG_E_RDATA:
		return "bad record data";
	case DNSMSG_E_TRAILING:
		return "bytes after the last record";
	}
	return "malformed";
}

bool dnsmsg_name_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t i;

	/* a trailing dot that is not itself escaped is optional */
	if (la > 1 && a[la - 1] == '.' && a[la - 2] != '\\')
		la--;
	if (lb > 1 && b[lb - 1] == '.' && b[lb - 2] != '\\')
		lb--;
	if (la != lb)
		return false;
	for (i = 0; i < la; i++) {
		char x = a[i], y = b[i];

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}
