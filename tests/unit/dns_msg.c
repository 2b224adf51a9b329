// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The DNS message reader (plugins/analyzers/dns/dnsmsg.c) on messages
 * built byte by byte: what a resolver sends and gets back (A, AAAA, CNAME
 * chains, MX, SRV, TXT, PTR, SOA, EDNS, unknown types), and every way a
 * hostile message breaks the rules (compression loops, pointers forward
 * or past the end, label types, names over 255 bytes, counts that lie,
 * truncation), each rejected with its reason and never read past its end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "analyzers/dns/dnsmsg.h"
#include "dns_build.h"

static struct dnsmsg msg;

static int parse(const struct mb *m)
{
	return dnsmsg_parse(m->b, m->n, &msg);
}

static void test_query(void)
{
	struct mb m;

	header(&m, 0x1234, 0x0100, 1, 0, 0, 1);
	name(&m, "api.example.com");
	u16(&m, DNSMSG_T_AAAA);
	u16(&m, 1);
	/* EDNS OPT: root owner, UDP size 1232, DO set */
	u8(&m, 0);
	u16(&m, DNSMSG_T_OPT);
	u16(&m, 1232);
	u32(&m, 0x00008000);
	u16(&m, 0);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CU_ASSERT_EQUAL(msg.id, 0x1234);
	CU_ASSERT_FALSE(msg.qr);
	CU_ASSERT_TRUE(msg.rd);
	CU_ASSERT_TRUE(msg.has_question);
	CPD_ASSERT_STR_EQ(msg.qname, "api.example.com");
	CU_ASSERT_EQUAL(msg.qtype, DNSMSG_T_AAAA);
	CU_ASSERT_TRUE(msg.edns);
	CU_ASSERT_EQUAL(msg.edns_size, 1232);
	CU_ASSERT_TRUE(msg.edns_do);
	CU_ASSERT_EQUAL(msg.an_kept, 0);
}

/* A response with a CNAME chain, compression everywhere. */
static void test_cname_chain(void)
{
	struct mb m;
	size_t cname_at;

	header(&m, 7, 0x8180, 1, 3, 0, 0);
	name(&m, "www.example.com"); /* at 12 */
	u16(&m, DNSMSG_T_A);
	u16(&m, 1);
	/* www.example.com CNAME web.example.com (web + pointer to 16) */
	rr(&m, 12, DNSMSG_T_CNAME, 300, 6);
	cname_at = m.n;
	u8(&m, 3);
	memcpy(m.b + m.n, "web", 3);
	m.n += 3;
	ptr(&m, 16);
	/* web.example.com A 10.1.2.3 and 10.1.2.4 */
	rr(&m, (unsigned)cname_at, DNSMSG_T_A, 60, 4);
	u32(&m, 0x0a010203);
	rr(&m, (unsigned)cname_at, DNSMSG_T_A, 60, 4);
	u32(&m, 0x0a010204);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CU_ASSERT_TRUE(msg.qr);
	CU_ASSERT_TRUE(msg.ra);
	CU_ASSERT_EQUAL(msg.rcode, DNSMSG_RC_NOERROR);
	CU_ASSERT_EQUAL(msg.an_kept, 3);
	CPD_ASSERT_STR_EQ(msg.an[0].name, "www.example.com");
	CU_ASSERT_EQUAL(msg.an[0].type, DNSMSG_T_CNAME);
	CPD_ASSERT_STR_EQ(msg.an[0].data, "web.example.com");
	CU_ASSERT_EQUAL(msg.an[0].ttl, 300);
	CPD_ASSERT_STR_EQ(msg.an[1].name, "web.example.com");
	CPD_ASSERT_STR_EQ(msg.an[1].data, "10.1.2.3");
	CPD_ASSERT_STR_EQ(msg.an[2].data, "10.1.2.4");
}

static void test_record_types(void)
{
	static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	struct mb m;

	header(&m, 9, 0x8180, 1, 6, 0, 0);
	name(&m, "example.com"); /* at 12 */
	u16(&m, DNSMSG_T_ANY);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_AAAA, 1, 16);
	memcpy(m.b + m.n, v6, 16);
	m.n += 16;
	rr(&m, 12, DNSMSG_T_MX, 1, 4);
	u16(&m, 10);
	ptr(&m, 12);
	rr(&m, 12, DNSMSG_T_SRV, 1, 8);
	u16(&m, 1);
	u16(&m, 5);
	u16(&m, 5432);
	ptr(&m, 12);
	rr(&m, 12, DNSMSG_T_TXT, 1, 9);
	u8(&m, 3);
	memcpy(m.b + m.n, "a\"b", 3);
	m.n += 3;
	u8(&m, 4);
	memcpy(m.b + m.n, "x\ny.", 4);
	m.n += 4;
	rr(&m, 12, DNSMSG_T_PTR, 1, 2);
	ptr(&m, 12);
	rr(&m, 12, 65280, 1, 3);
	u8(&m, 0xde);
	u8(&m, 0xad);
	u8(&m, 0x01);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CU_ASSERT_EQUAL(msg.an_kept, 6);
	CPD_ASSERT_STR_EQ(msg.an[0].data, "2001:db8::1");
	CPD_ASSERT_STR_EQ(msg.an[1].data, "10 example.com");
	CPD_ASSERT_STR_EQ(msg.an[2].data, "1 5 5432 example.com");
	CPD_ASSERT_STR_EQ(msg.an[3].data, "\"a\"b\" \"x\\010y\\.\"");
	CPD_ASSERT_STR_EQ(msg.an[4].data, "example.com");
	CPD_ASSERT_STR_EQ(msg.an[5].data, "\\# 3 dead01");
}

static void test_negative(void)
{
	struct mb m;
	char buf[16];

	/* NXDOMAIN with the SOA in authority; REFUSED; extended rcode */
	header(&m, 3, 0x8183, 1, 0, 1, 0);
	name(&m, "nope.example"); /* at 12 */
	u16(&m, DNSMSG_T_A);
	u16(&m, 1);
	rr(&m, 17, DNSMSG_T_SOA, 60, 2 + 2 + 20);
	ptr(&m, 17);
	ptr(&m, 17);
	u32(&m, 1);
	u32(&m, 2);
	u32(&m, 3);
	u32(&m, 4);
	u32(&m, 5);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CU_ASSERT_EQUAL(msg.rcode, DNSMSG_RC_NXDOMAIN);
	CPD_ASSERT_STR_EQ(dnsmsg_rcode_name(msg.rcode, buf, sizeof(buf)),
			  "NXDOMAIN");
	CPD_ASSERT_STR_EQ(dnsmsg_rcode_name(5, buf, sizeof(buf)), "REFUSED");
	CPD_ASSERT_STR_EQ(dnsmsg_rcode_name(3000, buf, sizeof(buf)),
			  "RCODE3000");
	CPD_ASSERT_STR_EQ(dnsmsg_type_name(DNSMSG_T_AAAA, buf, sizeof(buf)),
			  "AAAA");
	CPD_ASSERT_STR_EQ(dnsmsg_type_name(65280, buf, sizeof(buf)),
			  "TYPE65280");

	/* BADVERS: the OPT's upper bits 1 with rcode 0 make 16 */
	header(&m, 4, 0x8180, 0, 0, 0, 1);
	u8(&m, 0);
	u16(&m, DNSMSG_T_OPT);
	u16(&m, 512);
	u32(&m, 0x01000000);
	u16(&m, 0);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CU_ASSERT_EQUAL(msg.rcode, 16);
	CU_ASSERT_FALSE(msg.has_question);
}

/* Every broken rule: its error, its offset, and what was read before. */
static void expect_bad(const struct mb *m, enum dnsmsg_err err)
{
	CPD_ASSERT_INT_EQ(parse(m), -EBADMSG);
	CPD_ASSERT_INT_EQ(msg.err, err);
	CU_ASSERT(msg.err_off <= m->n);
}

static void test_hostile(void)
{
	struct mb m;
	unsigned i;

	/* a pointer to itself */
	header(&m, 1, 0, 1, 0, 0, 0);
	ptr(&m, 12);
	expect_bad(&m, DNSMSG_E_POINTER);
	/* a pointer forward */
	header(&m, 1, 0, 1, 0, 0, 0);
	ptr(&m, 20);
	u16(&m, 1);
	u16(&m, 1);
	name(&m, "a");
	expect_bad(&m, DNSMSG_E_POINTER);
	/* a loop through two names, each pointing at the other: refused at
	 * the first pointer that does not point back */
	header(&m, 1, 0x8000, 1, 1, 0, 0);
	u8(&m, 1); /* 12: "a" then a pointer to 18 ... */
	u8(&m, 'a');
	ptr(&m, 18);
	u16(&m, 1);
	u16(&m, 1);
	u8(&m, 1); /* 20 ... no: the record owner at 20 points to 12 */
	u8(&m, 'b');
	ptr(&m, 12);
	expect_bad(&m, DNSMSG_E_POINTER);
	/* a pointer past the end */
	header(&m, 1, 0, 1, 0, 0, 0);
	u8(&m, 0xc3);
	expect_bad(&m, DNSMSG_E_SHORT);
	/* label types 01 and 10 */
	header(&m, 1, 0, 1, 0, 0, 0);
	u8(&m, 0x41);
	u8(&m, 0);
	expect_bad(&m, DNSMSG_E_LABEL);
	header(&m, 1, 0, 1, 0, 0, 0);
	u8(&m, 0x80);
	expect_bad(&m, DNSMSG_E_LABEL);
	/* a name of 256 wire bytes: 4 labels of 63 and one of 3 */
	header(&m, 1, 0, 1, 0, 0, 0);
	for (i = 0; i < 4; i++) {
		u8(&m, 63);
		memset(m.b + m.n, 'x', 63);
		m.n += 63;
	}
	u8(&m, 2);
	u8(&m, 'y');
	u8(&m, 'z');
	u8(&m, 0);
	u16(&m, 1);
	u16(&m, 1);
	expect_bad(&m, DNSMSG_E_NAMELEN);
	/* counts that lie: 5 answers announced, 1 there */
	header(&m, 1, 0x8180, 1, 5, 0, 0);
	name(&m, "a.b");
	u16(&m, 1);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_A, 1, 4);
	u32(&m, 0x7f000001);
	expect_bad(&m, DNSMSG_E_SHORT);
	CU_ASSERT_EQUAL(msg.an_kept, 1); /* what was there is kept */
	CPD_ASSERT_STR_EQ(msg.qname, "a.b");
	/* an rdlength past the end */
	header(&m, 1, 0x8180, 1, 1, 0, 0);
	name(&m, "a.b");
	u16(&m, 1);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_A, 1, 400);
	u32(&m, 0x7f000001);
	expect_bad(&m, DNSMSG_E_SHORT);
	/* an A record of 5 bytes; a CNAME whose name overruns its rdata */
	header(&m, 1, 0x8180, 1, 1, 0, 0);
	name(&m, "a.b");
	u16(&m, 1);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_A, 1, 5);
	u32(&m, 1);
	u8(&m, 1);
	expect_bad(&m, DNSMSG_E_RDATA);
	header(&m, 1, 0x8180, 1, 1, 0, 0);
	name(&m, "a.b");
	u16(&m, 1);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_CNAME, 1, 2);
	name(&m, "c.d");
	expect_bad(&m, DNSMSG_E_RDATA);
	/* truncated header; bytes after the last record */
	header(&m, 1, 0, 0, 0, 0, 0);
	m.n = 11;
	expect_bad(&m, DNSMSG_E_SHORT);
	header(&m, 1, 0, 0, 0, 0, 0);
	u8(&m, 0);
	expect_bad(&m, DNSMSG_E_TRAILING);
	/* a TXT string longer than its record */
	header(&m, 1, 0x8180, 1, 1, 0, 0);
	name(&m, "a.b");
	u16(&m, 1);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_TXT, 1, 2);
	u8(&m, 9);
	u8(&m, 'x');
	expect_bad(&m, DNSMSG_E_RDATA);
}

/* Every truncation of a good response is rejected, never overread. */
static void test_every_truncation(void)
{
	struct mb m, cut;
	size_t n;

	header(&m, 7, 0x8180, 1, 2, 0, 0);
	name(&m, "www.example.com");
	u16(&m, DNSMSG_T_A);
	u16(&m, 1);
	rr(&m, 12, DNSMSG_T_A, 60, 4);
	u32(&m, 0x0a000001);
	rr(&m, 12, DNSMSG_T_MX, 60, 4);
	u16(&m, 5);
	ptr(&m, 16);
	for (n = 0; n < m.n; n++) {
		/* a copy of exactly n bytes, so ASan sees any overread */
		uint8_t *p = malloc(n ? n : 1);

		memcpy(p, m.b, n);
		CPD_ASSERT_INT_EQ(dnsmsg_parse(p, n, &msg), -EBADMSG);
		CU_ASSERT(msg.err_off <= n);
		free(p);
	}
	cut = m;
	CPD_ASSERT_INT_EQ(parse(&cut), 0);
}

static void test_names(void)
{
	struct mb m;

	/* bytes outside printable ASCII, dots and backslashes in labels */
	header(&m, 1, 0, 1, 0, 0, 0);
	u8(&m, 5);
	u8(&m, 'a');
	u8(&m, '.');
	u8(&m, '\\');
	u8(&m, 0x1b);
	u8(&m, ' ');
	u8(&m, 0);
	u16(&m, 1);
	u16(&m, 1);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CPD_ASSERT_STR_EQ(msg.qname, "a\\.\\\\\\027\\032");
	/* the root */
	header(&m, 1, 0, 1, 0, 0, 0);
	u8(&m, 0);
	u16(&m, 2);
	u16(&m, 1);
	CPD_ASSERT_INT_EQ(parse(&m), 0);
	CPD_ASSERT_STR_EQ(msg.qname, ".");

	CU_ASSERT_TRUE(dnsmsg_name_eq("WWW.Example.COM", "www.example.com."));
	CU_ASSERT_TRUE(dnsmsg_name_eq("a.b.", "a.b"));
	CU_ASSERT_FALSE(dnsmsg_name_eq("a.b", "a.bc"));
	CU_ASSERT_FALSE(dnsmsg_name_eq("a\\.", "a"));
	CU_ASSERT_TRUE(dnsmsg_name_eq(".", "."));
}

static CU_TestInfo dnsmsg_tests[] = {
	{ "query_with_edns", test_query },
	{ "cname_chain_compressed", test_cname_chain },
	{ "record_types", test_record_types },
	{ "negative_answers", test_negative },
	{ "hostile_messages", test_hostile },
	{ "every_truncation", test_every_truncation },
	{ "names", test_names },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "dnsmsg", .pTests = dnsmsg_tests },
	CU_SUITE_INFO_NULL,
};
