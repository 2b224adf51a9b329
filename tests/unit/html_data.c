// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The html output (plugins/outputs/html/) against the fake host: which
 * events coalesce into one row (consecutive, same task, same op, same
 * target), that what the report does not show neither counts nor breaks
 * a run, and that the written file's data block is gzip and base64 by
 * default and plain JSON with compress = no, with no raw '<' either way.
 * The cap and its summaries are in html_cap.c, findings and the charts'
 * series in html_panels.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "html_fixture.h"

#define RD CPD_FILE_READ
#define WR CPD_FILE_WRITE

static void test_coalesce_runs(void)
{
	struct fake_host *fh = html_fx_start("1000", NULL);
	struct html_data *d = html_fx_data(fh);

	html_fx_io(fh, 100, RD, "/a", 10);
	html_fx_io(fh, 100, RD, "/a", 20);
	html_fx_io(fh, 100, RD, "/a", 30); /* row 1: 3× 60 */
	html_fx_io(fh, 100, RD, "/b", 1);  /* row 2: another file */
	html_fx_io(fh, 101, RD, "/b", 1);  /* row 3: another task */
	html_fx_io(fh, 101, WR, "/b", 1);  /* row 4: another op */
	html_fx_io(fh, 100, RD, "/a", 5);  /* row 5: not consecutive */
	html_fx_io(fh, 100, RD, "/a", 5);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 5);
	CPD_ASSERT_UINT_EQ(d->nrows, 5);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 3);
	/* the whole path: the basename alone is ambiguous */
	CU_ASSERT_TRUE(html_fx_row_has(&d->rows[0], "\"3× 60 B from /a\""));
	CU_ASSERT_TRUE(
		html_fx_row_has(&d->rows[0], "\"bytes\":60,\"count\":3"));
	CPD_ASSERT_UINT_EQ(d->rows[1].count, 1);
	CPD_ASSERT_UINT_EQ(d->rows[4].count, 2);
	/* a coalesced row spans its first to its last operation */
	CPD_ASSERT_UINT_EQ(d->rows[0].dur, 20);
	fake_host_free(fh);
}

/* What the report leaves out neither counts nor ends a run. */
static void test_unshown_events(void)
{
	static const char *const hidden[] = { "hidden", "yes", NULL };
	struct fake_host *fh = html_fx_start("1000", NULL);
	struct html_data *d = html_fx_data(fh);

	html_fx_io(fh, 100, RD, "/a", 1);
	html_fx_io(fh, 100, CPD_FILE_CLOSE, "/a", 0);
	html_fx_io(fh, 100, CPD_FILE_OPEN, "/proc/self/stat", 0);
	html_fx_io(fh, 100, RD, "/a", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 1);
	CPD_ASSERT_UINT_EQ(d->rows[0].count, 2);
	fake_host_free(fh);

	/* hidden = yes shows what the noise filter hid: it ends the run */
	fh = html_fx_start("1000", hidden);
	d = html_fx_data(fh);
	html_fx_io(fh, 100, RD, "/a", 1);
	html_fx_io(fh, 100, CPD_FILE_OPEN, "/proc/self/stat", 0);
	html_fx_io(fh, 100, RD, "/a", 1);
	CU_ASSERT_EQUAL_FATAL(html_data_finish(d), 0);
	CPD_ASSERT_UINT_EQ(d->total, 3);
	fake_host_free(fh);
}

/* The block as written with compress = COMPRESS: its JSON, checked. */
static char *written(const char *compress)
{
	const char *const opts[] = { "compress", compress, NULL };
	struct fake_host *fh = html_fx_start("2", opts);
	bool gz, want = !strcmp(compress, "yes");
	char *block;
	int i;

	for (i = 0; i < 3; i++)
		html_fx_io(fh, 100, WR,
			   i % 2 ? "/x/<b>x</b>" :
				   "/x/</script><img src=x onerror=alert(1)>",
			   1);
	CU_ASSERT_EQUAL_FATAL(fake_host_stop(fh), 0);
	CU_ASSERT_TRUE(fake_host_logged(fh, "report capped at 2 of 3 events"));
	CU_ASSERT_TRUE(fake_host_logged(fh, "report written to"));
	block = html_fx_block(&gz);
	CU_ASSERT_EQUAL(gz, want && html_sink_can_compress());
	CU_ASSERT_PTR_NULL(strpbrk(block, "<>&"));
	CPD_ASSERT_CONTAINS(block, "\"cap\":{\"max\":2,\"kept\":2,\"total\":3,"
				   "\"always_kept\":0,\"aggregated\":1,"
				   "\"aggregates\":1,");
	CPD_ASSERT_CONTAINS(block, "\\u003c/script\\u003e\\u003cimg src=x");
	CPD_ASSERT_CONTAINS(block, "\"format\":\"compendium-report\","
				   "\"version\":2");
	CPD_ASSERT_CONTAINS(block, "\"notices\":[");
	fake_host_free(fh);
	return block;
}

static void test_written_file(void)
{
	char *doc;

	free(written("no"));
	free(written("yes"));
	/* the template around it: the viewer and its CSP */
	doc = html_fx_slurp();
	CPD_ASSERT_CONTAINS(doc, "Content-Security-Policy");
	CPD_ASSERT_CONTAINS(doc, "'sha256-");
	CPD_ASSERT_LACKS(doc, "@CPD_SCRIPT_HASH@");
	CPD_ASSERT_LACKS(doc, "<!--cpd:data-->");
	free(doc);
}

/* Bigger than the writer's buffers and zlib's: every byte comes back. */
static void test_written_big(void)
{
	struct fake_host *fh = html_fx_start("100000", NULL);
	char path[64], *block;
	unsigned n = 0;
	const char *p;
	bool gz;
	int i;

	for (i = 0; i < 20000; i++) {
		snprintf(path, sizeof(path), "/big/%d", i);
		html_fx_io(fh, 100, WR, path, (uint64_t)i);
	}
	CU_ASSERT_EQUAL_FATAL(fake_host_stop(fh), 0);
	block = html_fx_block(&gz);
	for (p = block; (p = strstr(p, "\"path\":\"/big/")); p++)
		n++;
	CU_ASSERT_EQUAL(n, 20000);
	CPD_ASSERT_CONTAINS(block, "\"path\":\"/big/19999\"");
	CPD_ASSERT_CONTAINS(block, "]}");
	free(block);
	fake_host_free(fh);
}

static CU_TestInfo data_tests[] = {
	{ "coalesce_runs", test_coalesce_runs },
	{ "unshown_events", test_unshown_events },
	{ "written_file", test_written_file },
	{ "written_big", test_written_big },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "html_data", .pTests = data_tests },
	CU_SUITE_INFO_NULL,
};
