// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Matching queries and answers (plugins/analyzers/dns/dnsflow.c): A and
 * AAAA asked together on one socket, each answer to its own query; a
 * question asked again is one lookup with a retry; an answer to nobody's
 * query is ignored; what is pending when the socket closes, the process
 * exits or tracing ends times out; TCP messages come out whole however
 * the stream is cut; malformed messages are reported, not matched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "analyzers/dns/dnsflow.h"
#include "dns_build.h"

struct seen {
	struct dnsflow_lookup l[32];
	char name[32][64];
	uint16_t rcode[32];
	unsigned n;
};

static struct seen seen;

static void on_lookup(void *arg, const struct dnsflow_lookup *l)
{
	struct seen *s = arg;

	if (s->n == 32)
		return;
	s->l[s->n] = *l;
	snprintf(s->name[s->n], sizeof(s->name[0]), "%s",
		 l->qname ? l->qname : "");
	s->rcode[s->n] = l->msg ? l->msg->rcode : 0;
	s->l[s->n].qname = s->name[s->n];
	s->l[s->n].msg = NULL; /* only valid during the call */
	s->n++;
}

static struct dnsflow flow;

static void setup(void)
{
	memset(&seen, 0, sizeof(seen));
	CPD_ASSERT_INT_EQ(dnsflow_init(&flow, on_lookup, &seen), 0);
}

static void query(struct mb *m, unsigned id, const char *qname, unsigned type)
{
	header(m, id, 0x0100, 1, 0, 0, 0);
	name(m, qname);
	u16(m, type);
	u16(m, 1);
}

static void answer(struct mb *m, unsigned id, const char *qname, unsigned type,
		   unsigned rcode, uint32_t a)
{
	header(m, id, 0x8180 | rcode, 1, a ? 1 : 0, 0, 0);
	name(m, qname);
	u16(m, type);
	u16(m, 1);
	if (a) {
		rr(m, 12, type, 60, 4);
		u32(m, a);
	}
}

static void send_udp(const struct mb *m, int fd, uint64_t ns)
{
	dnsflow_data(&flow, 100, 101, fd, false, true, NULL, m->b, m->n, ns);
}

static void recv_udp(const struct mb *m, int fd, uint64_t ns)
{
	dnsflow_data(&flow, 100, 101, fd, false, false, NULL, m->b, m->n, ns);
}

static void test_a_and_aaaa(void)
{
	struct mb m;

	setup();
	query(&m, 1, "ok.test", DNSMSG_T_A);
	send_udp(&m, 3, 1000);
	query(&m, 2, "ok.test", DNSMSG_T_AAAA);
	send_udp(&m, 3, 1100);
	/* AAAA answered first, then A */
	answer(&m, 2, "ok.test", DNSMSG_T_AAAA, 0, 0);
	recv_udp(&m, 3, 5000);
	answer(&m, 1, "OK.TEST", DNSMSG_T_A, 0, 0x0a000001);
	recv_udp(&m, 3, 6000);
	CPD_ASSERT_UINT_EQ(seen.n, 2);
	CU_ASSERT_EQUAL(seen.l[0].what, DNSFLOW_ANSWER);
	CU_ASSERT_EQUAL(seen.l[0].qtype, DNSMSG_T_AAAA);
	CU_ASSERT_EQUAL(seen.l[0].sent_ns, 1100);
	CU_ASSERT_EQUAL(seen.l[0].done_ns, 5000);
	CU_ASSERT_EQUAL(seen.l[1].qtype, DNSMSG_T_A);
	CU_ASSERT_EQUAL(seen.l[1].id, 1);
	CU_ASSERT_EQUAL(seen.l[1].retries, 0);
	CPD_ASSERT_STR_EQ(seen.name[1], "ok.test");
	CU_ASSERT_EQUAL(seen.l[1].pid, 100);
	CU_ASSERT_EQUAL(seen.l[1].tid, 101);
	CU_ASSERT_EQUAL(seen.l[1].fd, 3);
	dnsflow_end(&flow, 9000);
	CPD_ASSERT_UINT_EQ(seen.n, 2); /* nothing was pending */
	dnsflow_free(&flow);
}

static void test_retry_timeout_ignored(void)
{
	struct mb m;

	setup();
	/* asked, asked again with a new id, answered to the second */
	query(&m, 7, "slow.test", DNSMSG_T_A);
	send_udp(&m, 4, 1000);
	query(&m, 8, "slow.test", DNSMSG_T_A);
	send_udp(&m, 4, 2000);
	answer(&m, 8, "slow.test", DNSMSG_T_A, 0, 0x7f000001);
	recv_udp(&m, 4, 2500);
	/* the first id answered late: nobody's any more */
	answer(&m, 7, "slow.test", DNSMSG_T_A, 0, 0x7f000001);
	recv_udp(&m, 4, 2600);
	/* an answer whose question is not the one asked under that id */
	query(&m, 9, "a.test", DNSMSG_T_A);
	send_udp(&m, 4, 3000);
	answer(&m, 9, "b.test", DNSMSG_T_A, 0, 0x7f000001);
	recv_udp(&m, 4, 3100);
	CPD_ASSERT_UINT_EQ(seen.n, 1);
	CU_ASSERT_EQUAL(seen.l[0].retries, 1);
	CU_ASSERT_EQUAL(seen.l[0].sent_ns, 1000);
	CU_ASSERT_EQUAL(seen.l[0].done_ns, 2500);
	CU_ASSERT_EQUAL(flow.ignored, 2);
	/* a.test is still pending: it times out when the socket closes */
	dnsflow_close(&flow, 100, 4, 8000);
	CPD_ASSERT_UINT_EQ(seen.n, 2);
	CU_ASSERT_EQUAL(seen.l[1].what, DNSFLOW_TIMEOUT);
	CPD_ASSERT_STR_EQ(seen.name[1], "a.test");
	CU_ASSERT_EQUAL(seen.l[1].done_ns, 8000);
	/* and a query pending at the process's exit */
	query(&m, 10, "late.test", DNSMSG_T_AAAA);
	send_udp(&m, 5, 9000);
	dnsflow_exit(&flow, 100, 9500);
	CPD_ASSERT_UINT_EQ(seen.n, 3);
	CU_ASSERT_EQUAL(seen.l[2].what, DNSFLOW_TIMEOUT);
	CU_ASSERT_EQUAL(flow.nsocks, 0);
	dnsflow_free(&flow);
}

static void test_server_side_ignored(void)
{
	struct mb m;

	setup();
	/* a server: receives a query, sends an answer */
	query(&m, 1, "x.test", DNSMSG_T_A);
	recv_udp(&m, 3, 100);
	answer(&m, 1, "x.test", DNSMSG_T_A, 3, 0);
	send_udp(&m, 3, 200);
	dnsflow_end(&flow, 300);
	CPD_ASSERT_UINT_EQ(seen.n, 0);
	CU_ASSERT_EQUAL(flow.ignored, 2);
	dnsflow_free(&flow);
}

/* Whole messages come out of a TCP stream however it is cut. */
static void test_tcp_stream(void)
{
	struct mb q, a;
	uint8_t stream[600];
	size_t n = 0, i;

	setup();
	query(&q, 5, "big.test", DNSMSG_T_A);
	stream[n++] = (uint8_t)(q.n >> 8);
	stream[n++] = (uint8_t)q.n;
	memcpy(stream + n, q.b, q.n);
	n += q.n;
	/* sent in three pieces, the length prefix cut in two */
	dnsflow_data(&flow, 7, 7, 9, true, true, NULL, stream, 1, 10);
	dnsflow_data(&flow, 7, 7, 9, true, true, NULL, stream + 1, 5, 11);
	dnsflow_data(&flow, 7, 7, 9, true, true, NULL, stream + 6, n - 6, 12);
	answer(&a, 5, "big.test", DNSMSG_T_A, 0, 0x0a000101);
	/* two answers back to back, read one byte at a time: the second
	 * is nobody's (the id was answered) */
	n = 0;
	for (i = 0; i < 2; i++) {
		stream[n++] = (uint8_t)(a.n >> 8);
		stream[n++] = (uint8_t)a.n;
		memcpy(stream + n, a.b, a.n);
		n += a.n;
	}
	for (i = 0; i < n; i++)
		dnsflow_data(&flow, 7, 7, 9, true, false, NULL, stream + i, 1,
			     20 + i);
	CPD_ASSERT_UINT_EQ(seen.n, 1);
	CU_ASSERT_TRUE(seen.l[0].tcp);
	CU_ASSERT_EQUAL(seen.l[0].sent_ns, 12);
	CU_ASSERT_EQUAL(seen.l[0].done_ns, 20 + a.n + 2 - 1);
	CU_ASSERT_EQUAL(flow.ignored, 1);
	dnsflow_free(&flow);
}

static void test_malformed(void)
{
	struct mb m;

	setup();
	query(&m, 3, "ok.test", DNSMSG_T_A);
	send_udp(&m, 3, 10);
	/* an answer cut short: malformed, and the query still pending */
	answer(&m, 3, "ok.test", DNSMSG_T_A, 0, 0x0a000001);
	m.n -= 2;
	recv_udp(&m, 3, 20);
	CPD_ASSERT_UINT_EQ(seen.n, 1);
	CU_ASSERT_EQUAL(seen.l[0].what, DNSFLOW_MALFORMED);
	CU_ASSERT_FALSE(seen.l[0].sent);
	CPD_ASSERT_STR_EQ(seen.name[0], "ok.test");
	dnsflow_end(&flow, 30);
	CPD_ASSERT_UINT_EQ(seen.n, 2);
	CU_ASSERT_EQUAL(seen.l[1].what, DNSFLOW_TIMEOUT);
	dnsflow_free(&flow);
}

/* Caps: pending queries per socket, sockets, a stream's bytes. */
static void test_caps(void)
{
	struct mb m;
	char qname[32];
	unsigned i;

	setup();
	for (i = 0; i < DNSFLOW_PENDING_MAX + 3; i++) {
		snprintf(qname, sizeof(qname), "n%u.test", i);
		query(&m, i, qname, DNSMSG_T_A);
		send_udp(&m, 3, i);
	}
	/* the 3 oldest were given up to make room */
	CPD_ASSERT_UINT_EQ(seen.n, 3);
	CPD_ASSERT_STR_EQ(seen.name[0], "n0.test");
	CU_ASSERT_EQUAL(flow.dropped, 3);
	dnsflow_free(&flow);

	setup();
	for (i = 0; i < DNSFLOW_SOCKS_MAX + 5; i++) {
		query(&m, 1, "x.test", DNSMSG_T_A);
		dnsflow_data(&flow, 1, 1, (int32_t)i, false, true, NULL, m.b,
			     m.n, 1);
	}
	CU_ASSERT_EQUAL(flow.nsocks, DNSFLOW_SOCKS_MAX);
	CU_ASSERT_EQUAL(flow.dropped, 5);
	dnsflow_end(&flow, 2);
	CPD_ASSERT_UINT_EQ(seen.n, 32); /* recorded up to our array's room */
	dnsflow_free(&flow);

	setup();
	{
		static uint8_t junk[DNSFLOW_TCP_MAX];

		/* a length prefix that says 65535, then more than that */
		memset(junk, 0xff, sizeof(junk));
		dnsflow_data(&flow, 1, 1, 3, true, false, NULL, junk,
			     sizeof(junk) - 1, 1);
		dnsflow_data(&flow, 1, 1, 3, true, false, NULL, junk, 10, 2);
	}
	CU_ASSERT_EQUAL(flow.dropped, 1);
	dnsflow_free(&flow);
}

static CU_TestInfo dnsflow_tests[] = {
	{ "a_and_aaaa_on_one_socket", test_a_and_aaaa },
	{ "retry_timeout_ignored", test_retry_timeout_ignored },
	{ "server_side_ignored", test_server_side_ignored },
	{ "tcp_stream", test_tcp_stream },
	{ "malformed", test_malformed },
	{ "caps", test_caps },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "dnsflow", .pTests = dnsflow_tests },
	CU_SUITE_INFO_NULL,
};
