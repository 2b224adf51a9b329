// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The html output's cap against the fake host: it counts rows after
 * coalescing and keeps the first max in full; past it the always-kept
 * kinds (processes, failures, connections, findings) are still kept, up
 * to max more, and every other row is summarised per task, type, target
 * and time bucket, the summaries' number bounded, nothing lost: the rows
 * kept and the rows summarised make the total.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "html_fixture.h"

#define RD CPD_FILE_READ
#define WR CPD_FILE_WRITE

static uint64_t summarised_ops(const struct html_data *d)
{
	uint64_t i, n = 0;

	for (i = 0; i < d->aggs.n; i++)
		n += d->aggs.v[i].ops;
	return n;
}

static const struct html_agg *summary_of(const struct html_data *d,
					 const char *target)
{
	uint64_t i;

	for (i = 0; i < d->aggs.n; i++)
		if (d->aggs.v[i].target && !strcmp(d->aggs.v[i].target, target))
			return &d->aggs.v[i];
	return NULL;
}

/* The cap counts rows after coalescing and keeps the first max. */
static void test_cap_counts_rows(void)
{
	struct fake_host *fh = html_fx_start("2", NULL);
	struct html_data *d = html_fx_data(fh);
	const struct html_agg *a;
	int i;

	for (i = 0; i < 10; i++) /* 10 rows: the files alternate */
		html_fx_io(fh, 100, WR, i % 2 ? "/b" : "/a", 1);
	for (i = 0; i < 10; i++) /* 1 row past the cap, coalesced */
		html_fx_io(fh, 100, WR, "/c", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 11);
	CPD_ASSERT_UINT_EQ(d->nrows, 2);
	CPD_ASSERT_UINT_EQ(d->nkept, 2);
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[0], "\"path\":\"/a\""));
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[1], "\"path\":\"/b\""));
	/* the other nine rows: one summary per file, in one bucket */
	CPD_ASSERT_UINT_EQ(d->aggs.rows, 9);
	CPD_ASSERT_UINT_EQ(d->aggs.n, 3);
	a = summary_of(d, "/a");
	CU_ASSERT_FATAL(a != NULL);
	CPD_ASSERT_UINT_EQ(a->rows, 4);
	CPD_ASSERT_UINT_EQ(a->ops, 4);
	a = summary_of(d, "/c");
	CU_ASSERT_FATAL(a != NULL);
	CPD_ASSERT_UINT_EQ(a->rows, 1);
	CPD_ASSERT_UINT_EQ(a->ops, 10);
	CPD_ASSERT_UINT_EQ(a->bytes, 10);
	/* as rows of the table, after the kept ones */
	CU_ASSERT_EQUAL_FATAL(html_agg_rows(d), 0);
	CPD_ASSERT_UINT_EQ(d->nrows, 5);
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[2], "\"aggregated\":"));
	fake_host_free(fh);
}

/* The last kept row goes on coalescing past the cap. */
static void test_cap_boundary_run(void)
{
	struct fake_host *fh = html_fx_start("1", NULL);
	struct html_data *d = html_fx_data(fh);
	int i;

	for (i = 0; i < 4; i++)
		html_fx_io(fh, 100, RD, "/a", 2);
	html_fx_io(fh, 100, RD, "/b", 2);
	html_fx_io(fh, 100, RD, "/a", 2);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 3);
	CPD_ASSERT_UINT_EQ(d->nrows, 1);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 4);
	CPD_ASSERT_UINT_EQ(d->aggs.rows, 2);
	fake_host_free(fh);

	/* max_events = 0 keeps nothing in full and still counts */
	fh = html_fx_start("0", NULL);
	d = html_fx_data(fh);
	html_fx_io(fh, 100, RD, "/a", 2);
	html_fx_io(fh, 100, WR, "/a", 2);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 2);
	CPD_ASSERT_UINT_EQ(d->nrows, 0);
	CPD_ASSERT_UINT_EQ(d->aggs.rows, 2);
	fake_host_free(fh);
}

static void proc_exit(struct fake_host *fh, int32_t pid)
{
	struct cpd_event ev;

	html_fx_event(&ev, CPD_EV_PROC, pid, pid);
	ev.u.proc.op = CPD_PROC_EXIT;
	ev.u.proc.exit_code = 1;
	ev.u.proc.flags = CPD_PROCF_LEADER | CPD_PROCF_GROUP_EXIT;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

static void net(struct fake_host *fh, uint32_t op)
{
	struct cpd_event ev;

	html_fx_event(&ev, CPD_EV_NET, 100, 100);
	ev.u.net.op = op;
	ev.u.net.fd = 4;
	ev.u.net.family = 2; /* AF_INET */
	ev.u.net.sock_type = 1;
	ev.u.net.bytes = op == CPD_NET_SEND ? 7 : 0;
	ev.u.net.peer.family = 2;
	ev.u.net.peer.port = 80;
	ev.u.net.peer.addr[0] = 127;
	ev.u.net.peer.addr[3] = 1;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

/*
 * Past the cap: process events, failed opens and connections are kept
 * (up to max of them), the I/O on the connection is summarised.
 */
static void test_always_kept(void)
{
	struct fake_host *fh = html_fx_start("3", NULL);
	struct html_data *d = html_fx_data(fh);
	int i;

	for (i = 0; i < 3; i++)
		html_fx_io(fh, 100, WR, i % 2 ? "/b" : "/a", 1);
	proc_exit(fh, 201);
	html_fx_io(fh, 100, CPD_FILE_OPEN_FAILED, "/missing", 0);
	html_fx_io(fh, 100, WR, "/a", 1); /* summarised */
	net(fh, CPD_NET_CONNECT);
	net(fh, CPD_NET_SEND); /* summarised */
	proc_exit(fh, 202);    /* over the second budget: summarised */
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 9);
	CPD_ASSERT_UINT_EQ(d->nkept, 6);
	CPD_ASSERT_UINT_EQ(d->always, 3);
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[3], "\"exit_code\":1"));
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[4], "/missing failed"));
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[5], "tcp4 → 127.0.0.1:80"));
	CPD_ASSERT_UINT_EQ(d->aggs.rows, 3);
	CU_ASSERT_PTR_NOT_NULL(summary_of(d, "127.0.0.1:80"));
	CU_ASSERT_PTR_NOT_NULL(summary_of(d, "/a"));
	fake_host_free(fh);
}

/*
 * Many targets over a long time: the summaries stay bounded (targets
 * dropped past half the limit, buckets widened at it) and still count
 * every row and every operation.
 */
static void test_summaries_bounded(void)
{
	struct fake_host *fh = html_fx_start("0", NULL);
	struct html_data *d = html_fx_data(fh);
	uint64_t width0 = 0, peak = 0;
	char path[32];
	int i;

	for (i = 0; i < 20000; i++) {
		snprintf(path, sizeof(path), "/f%d", i);
		html_fx_now += 1000000; /* a millisecond apart */
		html_fx_io(fh, 100, i % 3 ? RD : WR, path, 5);
		if (!width0)
			width0 = d->aggs.width;
		if (d->aggs.n > peak)
			peak = d->aggs.n;
	}
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->aggs.rows, 20000);
	CPD_ASSERT_UINT_EQ(summarised_ops(d), 20000);
	CU_ASSERT_TRUE(peak <= 4096);
	CU_ASSERT_TRUE(d->aggs.width > width0);
	/* the first ones still name their file, the late ones cannot */
	CU_ASSERT_PTR_NOT_NULL(summary_of(d, "/f0"));
	CU_ASSERT_PTR_NULL(summary_of(d, "/f19999"));
	CU_ASSERT_EQUAL_FATAL(html_agg_rows(d), 0);
	for (i = 0; i < (int)d->nrows; i++)
		if (html_fx_row_has(&d->rows[i], "from other targets"))
			break;
	CU_ASSERT_TRUE(i < (int)d->nrows);
	fake_host_free(fh);
}

static CU_TestInfo cap_tests[] = {
	{ "cap_counts_rows", test_cap_counts_rows },
	{ "cap_boundary_run", test_cap_boundary_run },
	{ "always_kept", test_always_kept },
	{ "summaries_bounded", test_summaries_bounded },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "html_cap", .pTests = cap_tests },
	CU_SUITE_INFO_NULL,
};
