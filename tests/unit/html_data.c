// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The html output (plugins/outputs/html/) against the fake host: which events
 * coalesce into one row (consecutive, same task, same op, same target),
 * that the cap counts rows after coalescing and keeps the first N, that
 * what the report does not show neither counts nor breaks a run, and
 * that the written file says so in its "cap" and carries no raw '<'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "fake_host.h"
#include "html.h"

extern const struct cpd_plugin cpd_plugin_v1;

static char report_path[4096];

static struct fake_host *start(const char *max, bool hidden)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "html");

	snprintf(report_path, sizeof(report_path), "%s/r.html",
		 cpd_test_tmpdir());
	fake_host_set(fh, "path", report_path);
	fake_host_set(fh, "max_events", max);
	if (hidden)
		fake_host_set(fh, "hidden", "yes");
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

static struct html_data *data(struct fake_host *fh)
{
	return &((struct html *)fake_host_state(fh))->data;
}

static uint64_t now_ns = 1000;

static const void *row_has(const struct html_row *r, const char *s)
{
	return memmem(r->text, r->len, s, strlen(s));
}

/* One read or write of bytes on path by tid (pid 100). */
static void io(struct fake_host *fh, int32_t tid, uint32_t op, const char *path,
	       uint64_t bytes)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_FILE;
	ev.source = CPD_SRC_PLUGIN;
	ev.ts_ns = now_ns += 10;
	ev.pid = 100;
	ev.tid = tid;
	ev.comm.ptr = "t";
	ev.comm.len = 1;
	ev.u.file.op = op;
	ev.u.file.fd = 3;
	ev.u.file.fd2 = -1;
	ev.u.file.bytes = bytes;
	ev.u.file.count = 1;
	ev.u.file.path.ptr = path;
	ev.u.file.path.len = (uint32_t)strlen(path);
	if (op == CPD_FILE_OPEN && strstr(path, "/proc/"))
		ev.u.file.flags |= CPD_FILEF_HIDDEN;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

#define RD CPD_FILE_READ
#define WR CPD_FILE_WRITE

static void test_coalesce_runs(void)
{
	struct fake_host *fh = start("1000", false);
	struct html_data *d = data(fh);

	io(fh, 100, RD, "/a", 10);
	io(fh, 100, RD, "/a", 20);
	io(fh, 100, RD, "/a", 30); /* row 1: 3× 60 */
	io(fh, 100, RD, "/b", 1);  /* row 2: another file */
	io(fh, 101, RD, "/b", 1);  /* row 3: another task */
	io(fh, 101, WR, "/b", 1);  /* row 4: another op */
	io(fh, 100, RD, "/a", 5);  /* row 5: not consecutive */
	io(fh, 100, RD, "/a", 5);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 5);
	CPD_ASSERT_UINT_EQ(d->nrows, 5);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 3);
	CU_ASSERT_PTR_NOT_NULL(row_has(&d->rows[0], "\"3× 60 B from a\""));
	CU_ASSERT_PTR_NOT_NULL(
		row_has(&d->rows[0], "\"bytes\":60,\"count\":3"));
	CPD_ASSERT_UINT_EQ(d->rows[1].count, 1);
	CPD_ASSERT_UINT_EQ(d->rows[4].count, 2);
	/* a coalesced row spans its first to its last operation */
	CPD_ASSERT_UINT_EQ(d->rows[0].dur, 20);
	fake_host_free(fh);
}

/* What the report leaves out neither counts nor ends a run. */
static void test_unshown_events(void)
{
	struct fake_host *fh = start("1000", false);
	struct html_data *d = data(fh);

	io(fh, 100, RD, "/a", 1);
	io(fh, 100, CPD_FILE_CLOSE, "/a", 0);
	io(fh, 100, CPD_FILE_OPEN, "/proc/self/stat", 0);
	io(fh, 100, RD, "/a", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 1);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 2);
	fake_host_free(fh);

	/* hidden = yes shows what the noise filter hid: it ends the run */
	fh = start("1000", true);
	d = data(fh);
	io(fh, 100, RD, "/a", 1);
	io(fh, 100, CPD_FILE_OPEN, "/proc/self/stat", 0);
	io(fh, 100, RD, "/a", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 3);
	fake_host_free(fh);
}

/* The cap counts rows after coalescing and keeps the first max. */
static void test_cap_counts_rows(void)
{
	struct fake_host *fh = start("2", false);
	struct html_data *d = data(fh);
	int i;

	for (i = 0; i < 10; i++) /* 10 rows: the files alternate */
		io(fh, 100, WR, i % 2 ? "/b" : "/a", 1);
	for (i = 0; i < 10; i++) /* 1 row past the cap, coalesced */
		io(fh, 100, WR, "/c", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 11);
	CPD_ASSERT_UINT_EQ(d->nrows, 2);
	CU_ASSERT_PTR_NOT_NULL(row_has(&d->rows[0], "\"path\":\"/a\""));
	CU_ASSERT_PTR_NOT_NULL(row_has(&d->rows[1], "\"path\":\"/b\""));
	fake_host_free(fh);
}

/* The last kept row goes on coalescing past the cap. */
static void test_cap_boundary_run(void)
{
	struct fake_host *fh = start("1", false);
	struct html_data *d = data(fh);
	int i;

	for (i = 0; i < 4; i++)
		io(fh, 100, RD, "/a", 2);
	io(fh, 100, RD, "/b", 2);
	io(fh, 100, RD, "/a", 2);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 3);
	CPD_ASSERT_UINT_EQ(d->nrows, 1);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 4);
	fake_host_free(fh);

	/* max_events = 0 keeps nothing and still counts */
	fh = start("0", false);
	d = data(fh);
	io(fh, 100, RD, "/a", 2);
	io(fh, 100, WR, "/a", 2);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 2);
	CPD_ASSERT_UINT_EQ(d->nrows, 0);
	fake_host_free(fh);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "re");
	char *buf;
	long n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_EQUAL(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return buf;
}

static void test_written_file(void)
{
	static const char open_tag[] =
		"<script type=\"application/json\" id=\"cpd-data\">";
	struct fake_host *fh = start("2", false);
	char *doc, *block, *end;
	int i;

	for (i = 0; i < 3; i++)
		io(fh, 100, WR,
		   i % 2 ? "/x/<b>x</b>" :
			   "/x/</script><img src=x onerror=alert(1)>",
		   1);
	CU_ASSERT_EQUAL_FATAL(fake_host_stop(fh), 0);
	CU_ASSERT_TRUE(fake_host_logged(fh, "report capped at 2 of 3 events"));
	CU_ASSERT_TRUE(fake_host_logged(fh, "report written to"));
	doc = slurp(report_path);
	block = strstr(doc, open_tag);
	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	block += sizeof(open_tag) - 1;
	end = strstr(block, "</script>");
	CU_ASSERT_PTR_NOT_NULL_FATAL(end);
	*end = '\0';
	CU_ASSERT_PTR_NULL(strpbrk(block, "<>&"));
	CPD_ASSERT_CONTAINS(block,
			    "\"cap\":{\"max\":2,\"kept\":2,\"total\":3}");
	CPD_ASSERT_CONTAINS(block, "\\u003c/script\\u003e\\u003cimg src=x");
	CPD_ASSERT_CONTAINS(block, "\"format\":\"compendium-report\"");
	/* the template around it: the viewer and its CSP */
	CPD_ASSERT_CONTAINS(doc, "Content-Security-Policy");
	CPD_ASSERT_CONTAINS(doc, "'sha256-");
	CPD_ASSERT_LACKS(doc, "@CPD_SCRIPT_HASH@");
	CPD_ASSERT_LACKS(doc, "<!--cpd:data-->");
	free(doc);
	fake_host_free(fh);
}

static CU_TestInfo data_tests[] = {
	{ "coalesce_runs", test_coalesce_runs },
	{ "unshown_events", test_unshown_events },
	{ "cap_counts_rows", test_cap_counts_rows },
	{ "cap_boundary_run", test_cap_boundary_run },
	{ "written_file", test_written_file },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "html_data", .pTests = data_tests },
	CU_SUITE_INFO_NULL,
};
