/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Building DNS messages byte by byte, for the dns unit tests: a header,
 * names as labels, compression pointers, records.
 */
#ifndef CPD_TESTS_DNS_BUILD_H
#define CPD_TESTS_DNS_BUILD_H

#include <stdint.h>
#include <string.h>

/* A message being built. */
struct mb {
	uint8_t b[4096];
	size_t n;
};

static inline void u8(struct mb *m, unsigned v)
{
	m->b[m->n++] = (uint8_t)v;
}

static inline void u16(struct mb *m, unsigned v)
{
	u8(m, v >> 8);
	u8(m, v & 0xff);
}

static inline void u32(struct mb *m, uint32_t v)
{
	u16(m, v >> 16);
	u16(m, v & 0xffff);
}

/* "www.example.com" as labels, root included. */
static inline void name(struct mb *m, const char *s)
{
	while (*s) {
		const char *dot = strchr(s, '.');
		size_t l = dot ? (size_t)(dot - s) : strlen(s);

		u8(m, (unsigned)l);
		memcpy(m->b + m->n, s, l);
		m->n += l;
		s += l + (dot ? 1 : 0);
	}
	u8(m, 0);
}

static inline void ptr(struct mb *m, unsigned off)
{
	u16(m, 0xc000 | off);
}

static inline void header(struct mb *m, unsigned id, unsigned flags,
			  unsigned qd, unsigned an, unsigned ns, unsigned ar)
{
	m->n = 0;
	u16(m, id);
	u16(m, flags);
	u16(m, qd);
	u16(m, an);
	u16(m, ns);
	u16(m, ar);
}

/* Start of a record with an owner given as a pointer; then its rdata. */
static inline void rr(struct mb *m, unsigned owner, unsigned type, uint32_t ttl,
		      unsigned rdlen)
{
	ptr(m, owner);
	u16(m, type);
	u16(m, 1);
	u32(m, ttl);
	u16(m, rdlen);
}

#endif /* CPD_TESTS_DNS_BUILD_H */
