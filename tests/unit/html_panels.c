// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * What the html output collects for the report's panels, against the
 * fake host: findings (kept whole, most severe first, lists as arrays,
 * tracee strings escaped, a bounded number keeping the most severe), each
 * process's memory over time (bounded points, the latest value kept) and
 * the I/O throughput series (bounded buckets, every byte counted).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "html_fixture.h"

static void finding(struct fake_host *fh, uint32_t sev, const char *id,
		    const char *title, const char *pids, size_t npids,
		    const char *paths, size_t npaths)
{
	struct cpd_event ev;
	struct cpd_ev_finding *f = &ev.u.finding;

	html_fx_event(&ev, CPD_EV_FINDING, 300, 300);
	f->severity = sev;
	f->id.ptr = id;
	f->id.len = (uint32_t)strlen(id);
	f->title.ptr = title;
	f->title.len = (uint32_t)strlen(title);
	f->pids.ptr = pids;
	f->pids.len = (uint32_t)npids;
	f->paths.ptr = paths;
	f->paths.len = (uint32_t)npaths;
	f->count = 2;
	f->first_ns = ev.ts_ns - 5;
	f->last_ns = ev.ts_ns;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

static void test_findings(void)
{
	struct fake_host *fh = html_fx_start("1000", NULL);
	static const char pids[] = "300\0"
				   "301\0"
				   "x1\0";
	static const char paths[] = "/a/</script>\0"
				    "/b\0";
	char *block, *err, *warn;
	bool gz;

	finding(fh, CPD_SEV_NOTICE, "repeat", "read /b 9 times", "300", 3, NULL,
		0);
	finding(fh, CPD_SEV_WARNING, "failed-open", "cannot open /a", pids,
		sizeof(pids) - 1, paths, sizeof(paths) - 1);
	finding(fh, CPD_SEV_ERROR, "exit-nonzero", "cc exited 1", "300", 3,
		NULL, 0);
	CU_ASSERT_EQUAL_FATAL(fake_host_stop(fh), 0);
	block = html_fx_block(&gz);
	CPD_ASSERT_CONTAINS(block, "\"findings\":[{\"lane\":0,"
				   "\"id\":\"exit-nonzero\","
				   "\"severity\":\"error\","
				   "\"title\":\"cc exited 1\"");
	err = strstr(strstr(block, "\"findings\":["), "\"exit-nonzero\"");
	warn = strstr(strstr(block, "\"findings\":["), "\"failed-open\"");
	CU_ASSERT_TRUE(err && warn && err < warn);
	CU_ASSERT_TRUE(warn && warn < strstr(block, "\"id\":\"repeat\""));
	/* pids as numbers (what is not a number left out), paths escaped */
	CPD_ASSERT_CONTAINS(block, "\"pids\":[300,301],\"paths\":"
				   "[\"/a/\\u003c/script\\u003e\",\"/b\"],"
				   "\"count\":2,");
	CPD_ASSERT_CONTAINS(block, "\"findings_dropped\":0");
	/* and rows of their own, of category "finding", typed by rule */
	CPD_ASSERT_CONTAINS(block, "\"finding\"");
	CPD_ASSERT_CONTAINS(block, "\"cc exited 1 (2×)\"");
	free(block);
	fake_host_free(fh);
}

/* Past the bound, a finding takes the place of a less severe one. */
static void test_findings_bounded(void)
{
	struct fake_host *fh = html_fx_start("10", NULL);
	struct html_data *d = html_fx_data(fh);
	uint32_t i, notices = 0, errors = 0;

	for (i = 0; i < HTML_MAX_FINDINGS + 5; i++)
		finding(fh, CPD_SEV_NOTICE, "repeat", "r", "300", 3, NULL, 0);
	finding(fh, CPD_SEV_ERROR, "exit-nonzero", "e", "300", 3, NULL, 0);
	finding(fh, CPD_SEV_INFO, "probe", "p", "300", 3, NULL, 0);
	CPD_ASSERT_UINT_EQ(d->nfindings, HTML_MAX_FINDINGS);
	for (i = 0; i < d->nfindings; i++) {
		notices += d->findings[i].severity == CPD_SEV_NOTICE;
		errors += d->findings[i].severity == CPD_SEV_ERROR;
	}
	CPD_ASSERT_UINT_EQ(errors, 1);
	CPD_ASSERT_UINT_EQ(notices, HTML_MAX_FINDINGS - 1);
	CPD_ASSERT_UINT_EQ(d->findings_dropped, 7);
	fake_host_free(fh);
}

static void mmap_ev(struct fake_host *fh, int32_t pid, uint64_t heap,
		    uint64_t mapped)
{
	struct cpd_event ev;

	html_fx_event(&ev, CPD_EV_MMAP, pid, pid);
	ev.u.mmap.op = CPD_MMAP_MAP;
	ev.u.mmap.flags = CPD_MMAPF_ANON | CPD_MMAPF_HIDDEN;
	ev.u.mmap.len = 4096;
	ev.u.mmap.heap_bytes = heap;
	ev.u.mmap.mapped_bytes = mapped;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

/*
 * Every process with mmap events has a series, hidden ones included
 * (they carry the totals too); a long one is decimated, keeping its
 * last value and spanning its whole life.
 */
static void test_memory_series(void)
{
	struct fake_host *fh = html_fx_start("10", NULL);
	struct html_data *d = html_fx_data(fh);
	const struct html_mem *m;
	uint64_t first;
	uint32_t i;

	first = html_fx_now + 10;
	for (i = 1; i <= 5000; i++) {
		mmap_ev(fh, 400, i, 2 * i);
		if (i % 1000 == 0)
			mmap_ev(fh, 401, 7, i);
	}
	CPD_ASSERT_UINT_EQ(d->nmem, 2);
	m = &d->mem[d->lanes[html_lane_get(d, 400, 400, 0)].mem - 1];
	CU_ASSERT_TRUE(m->n > 100 && m->n <= 512);
	CPD_ASSERT_UINT_EQ(m->pts[0][0], html_rel(d, first));
	CPD_ASSERT_UINT_EQ(m->pts[m->n - 1][1], 5000);
	CPD_ASSERT_UINT_EQ(m->pts[m->n - 1][2], 10000);
	for (i = 1; i < m->n; i++)
		CU_ASSERT_TRUE(m->pts[i][0] > m->pts[i - 1][0]);
	m = &d->mem[d->lanes[html_lane_get(d, 401, 401, 0)].mem - 1];
	CPD_ASSERT_UINT_EQ(m->n, 5);
	CPD_ASSERT_UINT_EQ(m->pts[4][2], 5000);
	fake_host_free(fh);
}

/* Bytes per bucket: every byte lands once, the buckets widen. */
static void test_io_series(void)
{
	struct fake_host *fh = html_fx_start("10", NULL);
	struct html_data *d = html_fx_data(fh);
	uint64_t sum[HTML_IO_SERIES] = { 0 };
	struct cpd_event ev;
	uint32_t i, k;

	for (i = 0; i < 3000; i++) {
		html_fx_now += 2000000; /* 2 ms */
		html_fx_io(fh, 100, i % 2 ? CPD_FILE_READ : CPD_FILE_WRITE,
			   "/io", 10);
	}
	html_fx_event(&ev, CPD_EV_NET, 100, 100);
	ev.u.net.op = CPD_NET_RECV;
	ev.u.net.bytes = 99;
	ev.u.net.flags = CPD_NETF_LOOPBACK;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
	ev.u.net.flags = CPD_NETF_LOCAL_IPC; /* not network */
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
	CU_ASSERT_TRUE(d->io.n <= 1024);
	CU_ASSERT_TRUE(d->io.width >= 4000000);
	for (k = 0; k < d->io.n; k++)
		for (i = 0; i < HTML_IO_SERIES; i++)
			sum[i] += d->io.b[k][i];
	CPD_ASSERT_UINT_EQ(sum[HTML_IO_READ], 15000);
	CPD_ASSERT_UINT_EQ(sum[HTML_IO_WRITE], 15000);
	CPD_ASSERT_UINT_EQ(sum[HTML_IO_RECEIVED], 99);
	CPD_ASSERT_UINT_EQ(sum[HTML_IO_SENT], 0);
	fake_host_free(fh);
}

static CU_TestInfo panel_tests[] = {
	{ "findings", test_findings },
	{ "findings_bounded", test_findings_bounded },
	{ "memory_series", test_memory_series },
	{ "io_series", test_io_series },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "html_panels", .pTests = panel_tests },
	CU_SUITE_INFO_NULL,
};
