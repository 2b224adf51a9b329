// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Report schemas (core/host/reports.c): every rule the loader checks, one
 * at a time, with its message; the topics of a session; a published
 * report checked against its schema and completed from it; the listing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "host/reports.h"

/* A valid schema, which each case breaks in one place. */
struct fixture {
	struct cpd_report_key sec[5];
	struct cpd_report_key tab[3];
	struct cpd_report_desc d[3];
};

static void fixture_init(struct fixture *f)
{
	static const struct cpd_report_key sec[] = {
		{ .key = "read",
		  .label = "Disk read",
		  .type = CPD_KV_U64,
		  .unit = CPD_UNIT_BYTES,
		  .flags = CPD_RKF_SUMMARY | CPD_RKF_ALIGN,
		  .group = "I/O" },
		{ .key = "ops",
		  .label = "Operations",
		  .type = CPD_KV_U64,
		  .unit = CPD_UNIT_COUNT,
		  .flags = CPD_RKF_SUMMARY },
		{ .key = "queued",
		  .label = "queued",
		  .type = CPD_KV_U64,
		  .unit = CPD_UNIT_COUNT,
		  .flags = CPD_RKF_SUMMARY | CPD_RKF_DETAIL },
		{ .key = "errors",
		  .label = "Errors",
		  .type = CPD_KV_S64,
		  .unit = CPD_UNIT_COUNT,
		  .flags = CPD_RKF_SUMMARY | CPD_RKF_NONZERO },
		{ .key = "note", .label = "Note", .type = CPD_KV_STR },
	};
	static const struct cpd_report_key tab[] = {
		{ .key = "path",
		  .label = "Path",
		  .type = CPD_KV_STR,
		  .flags = CPD_RKF_KEY | CPD_RKF_SUMMARY },
		{ .key = "count",
		  .label = "Count",
		  .type = CPD_KV_U64,
		  .unit = CPD_UNIT_COUNT,
		  .flags = CPD_RKF_SORT | CPD_RKF_SUMMARY },
		{ .key = "why", .label = "Why", .type = CPD_KV_STR },
	};

	memset(f, 0, sizeof(*f));
	memcpy(f->sec, sec, sizeof(sec));
	memcpy(f->tab, tab, sizeof(tab));
	f->d[0] = (struct cpd_report_desc){ .topic = "disk",
					    .title = "Disk",
					    .flags = CPD_RDF_SUMMARY,
					    .order = 50,
					    .keys = f->sec,
					    .nkeys = 5 };
	f->d[1] = (struct cpd_report_desc){
		.topic = "disk.files",
		.title = "Disk files",
		.flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
		.order = 51,
		.keys = f->tab,
		.nkeys = 3,
		.summary_rows = 3,
		.summary_row = "{path} {{{why|a=x|b=}}} {count}×"
	};
}

static void expect_why(struct fixture *f, const char *want, unsigned line)
{
	char why[512] = "";
	int rc = reports_check(f->d, why, sizeof(why));

	if (!want) {
		if (!cpd_assert_i64(rc, 0, line, __FILE__, "valid schema"))
			fprintf(stderr, "    why: %s\n", why);
		return;
	}
	cpd_assert_i64(rc, -EINVAL, line, __FILE__, "refused");
	cpd_assert_str(why, want, true, line, __FILE__, "message");
}

/* Break the fixture with one statement, expect the message. */
#define EXPECT(mutation, want)                    \
	do {                                      \
		fixture_init(&f);                 \
		mutation;                         \
		expect_why(&f, (want), __LINE__); \
	} while (0)

static void test_check_rules(void)
{
	static char long_topic[70];
	struct fixture f;

	memset(long_topic, 'a', 64);
	EXPECT((void)0, NULL);
	EXPECT(f.d[0].topic = "Disk",
	       "report topic 'Disk' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[0].topic = "disk..x",
	       "report topic 'disk..x' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[0].topic = ".disk",
	       "report topic '.disk' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[0].topic = "disk.",
	       "report topic 'disk.' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[0].topic = "",
	       "report topic '' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[0].topic = long_topic,
	       "report topic 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is not [a-z0-9_] words joined by single dots (at most 63 characters)");
	EXPECT(f.d[1].topic = "disk", "report 'disk' is declared twice");
	EXPECT(f.d[0].title = "", "report 'disk' has no title");
	EXPECT(f.d[0].flags |= 8, "report 'disk' has unknown flags 0x8");
	EXPECT(f.d[0].nkeys = 0,
	       "report 'disk' has 0 keys: it needs 1 to 256, and keys set");
	EXPECT(f.d[0].keys = NULL,
	       "report 'disk' has 0 keys: it needs 1 to 256, and keys set");
	EXPECT(f.sec[1].key = "Ops",
	       "report 'disk': key 1 has no name of [a-z0-9_]+ (at most 63 characters)");
	EXPECT(f.sec[1].key = "read",
	       "report 'disk': key 'read' is declared twice");
	EXPECT(f.sec[1].label = NULL, "report 'disk': key 'ops' has no label");
	EXPECT(f.sec[1].type = 9,
	       "report 'disk': key 'ops' has unknown type 9");
	EXPECT(f.sec[1].unit = 7,
	       "report 'disk': key 'ops' has unknown unit 7");
	EXPECT(f.sec[1].flags |= 1u << 9,
	       "report 'disk': key 'ops' has unknown flags 0x200");
	EXPECT(f.sec[1].flags |= CPD_RKF_KEY,
	       "report 'disk': key 'ops': CPD_RKF_KEY is for tables only");
	EXPECT(f.tab[1].flags |= CPD_RKF_ALIGN,
	       "report 'disk.files': key 'count': CPD_RKF_ALIGN is for sections only");
	EXPECT(f.tab[1].flags |= CPD_RKF_DETAIL,
	       "report 'disk.files': key 'count': CPD_RKF_DETAIL is for sections only");
	EXPECT(f.tab[1].group = "I/O",
	       "report 'disk.files': key 'count': a group is for sections only");
	EXPECT(f.sec[1].group = "",
	       "report 'disk': key 'ops': its group is empty (NULL: the report's title)");
	EXPECT(f.tab[2].flags |= CPD_RKF_SORT,
	       "report 'disk.files': key 'why': CPD_RKF_SORT needs a number, not a string");
	EXPECT(f.sec[4].flags |= CPD_RKF_NONZERO,
	       "report 'disk': key 'note': CPD_RKF_NONZERO needs a number, not a string");
	/* parts of a whole: numbers of one unit, in tables */
	EXPECT(f.sec[1].flags |= CPD_RKF_PART,
	       "report 'disk': key 'ops': CPD_RKF_PART is for tables only");
	EXPECT(f.tab[2].flags |= CPD_RKF_PART,
	       "report 'disk.files': key 'why': CPD_RKF_PART needs a number, not a string");
	EXPECT((f.tab[0].type = CPD_KV_U64, f.tab[0].unit = CPD_UNIT_BYTES,
		f.tab[0].flags = CPD_RKF_PART, f.tab[1].flags |= CPD_RKF_PART),
	       "report 'disk.files': key 'count': CPD_RKF_PART in count, but 'path' is a part in bytes");
	EXPECT((f.tab[0].type = CPD_KV_U64, f.tab[0].unit = CPD_UNIT_COUNT,
		f.tab[0].flags = CPD_RKF_PART, f.tab[1].flags |= CPD_RKF_PART),
	       NULL);
	/* a detail goes on the line of the summary key before it, in its block */
	EXPECT(f.sec[2].flags = CPD_RKF_DETAIL,
	       "report 'disk': key 'queued': CPD_RKF_DETAIL needs CPD_RKF_SUMMARY and a summary key before it in the same block");
	EXPECT(f.sec[2].group = "I/O",
	       "report 'disk': key 'queued': CPD_RKF_DETAIL needs CPD_RKF_SUMMARY and a summary key before it in the same block");
	EXPECT(f.sec[1].flags = 0,
	       "report 'disk': key 'queued': CPD_RKF_DETAIL needs CPD_RKF_SUMMARY and a summary key before it in the same block");
	EXPECT((f.sec[1].group = "I/O", f.sec[2].group = "I/O"), NULL);
	EXPECT(f.d[0].summary_rows = 2,
	       "report 'disk': summary_row and summary_rows are for tables only");
	EXPECT(f.d[0].summary_row = "{ops}",
	       "report 'disk': summary_row and summary_rows are for tables only");
	EXPECT((f.sec[0].flags = f.sec[1].flags = f.sec[3].flags = 0,
		f.sec[2].flags = 0),
	       "report 'disk' is in the summary (CPD_RDF_SUMMARY) but none of its keys is (CPD_RKF_SUMMARY)");
	/* a table with a template needs no summary column */
	EXPECT(f.tab[0].flags = f.tab[1].flags = 0, NULL);
	EXPECT((f.tab[0].flags = f.tab[1].flags = 0, f.d[1].summary_row = NULL),
	       "report 'disk.files' is in the summary (CPD_RDF_SUMMARY) but none of its keys is (CPD_RKF_SUMMARY)");
}

static void test_check_templates(void)
{
	static const struct {
		const char *row, *why;
	} cases[] = {
		{ "{path}", NULL },
		{ "{{path}} {path}", NULL },
		/* the empty value, and * for any other */
		{ "{why|a=x|b=y|=z}", NULL },
		{ "{why|=|*= (*)}", NULL },
		{ "{why|a}", "'a' in {why|a} is not value=text" },
		{ "{why|}", "'' in {why|} is not value=text" },
		{ "{why|a==}", NULL },
		{ "{path} }",
		  "a '}' at 7 closes nothing (write }} for a brace)" },
		{ "{path", "the '{' at 0 is not closed" },
		{ "{pa{th}", "the '{' at 0 is not closed" },
		{ "{}", "{} names no column" },
		{ "x {nope|a=b}", "{nope} names no column" },
		{ "{count|1=one}", NULL },
	};
	char want[512];
	struct fixture f;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fixture_init(&f);
		f.d[1].summary_row = cases[i].row;
		if (cases[i].why)
			snprintf(want, sizeof(want),
				 "report 'disk.files': summary_row \"%s\": %s",
				 cases[i].row, cases[i].why);
		expect_why(&f, cases[i].why ? want : NULL, __LINE__);
	}
}

static void test_check_unterminated(void)
{
	static struct cpd_report_key key = { .key = "n",
					     .label = "N",
					     .type = CPD_KV_U64 };
	struct cpd_report_desc *d = calloc(REPORTS_MAX + 2, sizeof(*d));
	char why[256], (*topics)[16] = calloc(REPORTS_MAX + 1, 16);
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(topics);
	for (i = 0; i <= REPORTS_MAX; i++) {
		snprintf(topics[i], 16, "t%zu", i);
		d[i] = (struct cpd_report_desc){ .topic = topics[i],
						 .title = "T",
						 .keys = &key,
						 .nkeys = 1 };
	}
	CPD_ASSERT_INT_EQ(reports_check(d, why, sizeof(why)), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"more than 256 reports: does the list end with CPD_REPORT_END?");
	d[REPORTS_MAX].topic = NULL;
	CPD_ASSERT_INT_EQ(reports_check(d, why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(reports_check(NULL, why, sizeof(why)), 0);
	free(topics);
	free(d);
}

static void test_registry(void)
{
	struct fixture a, b;
	const char *owner = NULL;
	char why[256];

	fixture_init(&a);
	fixture_init(&b);
	b.d[0].topic = "tape";
	b.d[1].topic = "disk.files";
	CPD_ASSERT_INT_EQ(reports_add("disk", a.d, why, sizeof(why)), 0);
	CU_ASSERT_PTR_EQUAL(reports_find("disk.files", 10, &owner), &a.d[1]);
	CPD_ASSERT_STR_EQ(owner, "disk");
	/* by its length: a topic in an event needs no NUL */
	CU_ASSERT_PTR_EQUAL(reports_find("disk.filesXYZ", 10, NULL), &a.d[1]);
	CU_ASSERT_PTR_EQUAL(reports_find("disk", 4, NULL), &a.d[0]);
	CU_ASSERT_PTR_NULL(reports_find("disk.file", 9, NULL));
	CU_ASSERT_PTR_NULL(reports_find(NULL, 0, NULL));
	/* one taken topic refuses the whole set: "tape" is not added either */
	CPD_ASSERT_INT_EQ(reports_add("tape", b.d, why, sizeof(why)), -EEXIST);
	CPD_ASSERT_STR_EQ(
		why,
		"report topic 'disk.files' is declared by plugin 'disk' already");
	CU_ASSERT_PTR_NULL(reports_find("tape", 4, NULL));
	b.d[1].topic = "tape.reels";
	CPD_ASSERT_INT_EQ(reports_add("tape", b.d, why, sizeof(why)), 0);
	CU_ASSERT_PTR_EQUAL(reports_find("tape.reels", 10, &owner), &b.d[1]);
	CPD_ASSERT_STR_EQ(owner, "tape");
	CU_ASSERT_PTR_EQUAL(reports_key(&a.d[0], "queued", 6), &a.sec[2]);
	CU_ASSERT_PTR_NULL(reports_key(&a.d[0], "queue", 5));
	reports_reset();
	CU_ASSERT_PTR_NULL(reports_find("disk", 4, NULL));
	CPD_ASSERT_INT_EQ(reports_add("tape", b.d, why, sizeof(why)), 0);
	reports_reset();
}

static struct cpd_kv kv_u64(const char *key, uint16_t unit, uint64_t v)
{
	struct cpd_kv kv = { .key = { key, (uint32_t)strlen(key), 0 },
			     .type = CPD_KV_U64,
			     .unit = unit,
			     .v.u64 = v };

	return kv;
}

static struct cpd_event report(const char *topic, uint32_t flags,
			       struct cpd_kv *kv, uint32_t nkv)
{
	struct cpd_event ev = { .size = sizeof(ev), .kind = CPD_EV_REPORT };

	ev.u.report.topic.ptr = topic;
	ev.u.report.topic.len = (uint32_t)strlen(topic);
	ev.u.report.flags = flags;
	ev.u.report.order = -7;
	ev.u.report.kv = kv;
	ev.u.report.nkv = nkv;
	return ev;
}

/* Publish ev as publisher; expect rc and, when refused, the message. */
static void expect_complete(const char *publisher, const struct cpd_event *ev,
			    int rc, const char *want, unsigned line)
{
	struct cpd_event out;
	struct cpd_kv *kv = (void *)1;
	char why[320] = "";

	cpd_assert_i64(reports_complete(publisher, ev, sizeof(*ev), &out, &kv,
					why, sizeof(why)),
		       rc, line, __FILE__, "reports_complete");
	if (want)
		cpd_assert_str(why, want, true, line, __FILE__, "message");
	if (rc < 0)
		CU_ASSERT_PTR_NULL(kv);
	free(kv);
}

static void test_complete(void)
{
	struct cpd_kv kv[4], *got = NULL;
	struct cpd_event ev, out;
	struct fixture f;
	char why[320];

	fixture_init(&f);
	CPD_ASSERT_INT_EQ(reports_add("disk", f.d, why, sizeof(why)), 0);

	/* values only: title, order, labels and units come from the schema */
	kv[0] = kv_u64("ops", CPD_UNIT_NONE, 3);
	kv[1] = kv_u64("read", CPD_UNIT_BYTES, 4096);
	kv[1].label = (struct cpd_str){ "Whatever", 8, 0 };
	ev = report("disk", 0, kv, 2);
	CPD_ASSERT_INT_EQ(reports_complete("disk", &ev, sizeof(ev), &out, &got,
					   why, sizeof(why)),
			  0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_PTR_EQUAL(out.u.report.kv, got);
	CPD_ASSERT_STR_EQ(out.u.report.title.ptr, "Disk");
	CPD_ASSERT_UINT_EQ(out.u.report.title.len, 4);
	CPD_ASSERT_INT_EQ(out.u.report.order, 50);
	CPD_ASSERT_STR_EQ(got[0].label.ptr, "Operations");
	CPD_ASSERT_UINT_EQ(got[0].unit, CPD_UNIT_COUNT);
	CPD_ASSERT_UINT_EQ(got[0].v.u64, 3);
	CPD_ASSERT_STR_EQ(got[1].label.ptr, "Disk read");
	CPD_ASSERT_UINT_EQ(got[1].label.len, 9);
	/* the publisher's own array is left as it was */
	CPD_ASSERT_STR_EQ(kv[1].label.ptr, "Whatever");
	CU_ASSERT_PTR_EQUAL(ev.u.report.kv, kv);
	free(got);

	/* a topic nobody declares passes as it is */
	ev = report("elsewhere", 0, kv, 2);
	got = (void *)1;
	CPD_ASSERT_INT_EQ(reports_complete("other", &ev, sizeof(ev), &out, &got,
					   why, sizeof(why)),
			  0);
	CU_ASSERT_PTR_NULL(got);
	CPD_ASSERT_INT_EQ(out.u.report.order, -7);
	CU_ASSERT_PTR_EQUAL(out.u.report.kv, kv);

	ev = report("disk", 0, kv, 2);
	expect_complete(
		"tape", &ev, -EPERM,
		"report 'disk' is declared by plugin 'disk', not by 'tape'",
		__LINE__);
	ev = report("disk", CPD_REPORTF_ROW, kv, 2);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' is declared a section but published as a row",
		__LINE__);
	ev = report("disk.files", 0, kv, 2);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk.files' is declared a table but published as a section",
		__LINE__);
	kv[2] = kv_u64("bogus", CPD_UNIT_COUNT, 1);
	ev = report("disk", 0, kv, 3);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' of plugin 'disk': key 'bogus' is not in its schema",
		__LINE__);
	kv[2] = kv_u64("ops", CPD_UNIT_COUNT, 1);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' of plugin 'disk': key 'ops' is given twice",
		__LINE__);
	kv[2] = kv_u64("errors", CPD_UNIT_COUNT, 1);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' of plugin 'disk': key 'errors' is a u64, its schema says s64",
		__LINE__);
	kv[2] = kv_u64("queued", CPD_UNIT_NS, 1);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' of plugin 'disk': key 'queued' is in ns, its schema says count",
		__LINE__);
	kv[2] = kv_u64("queued", 99, 1);
	expect_complete(
		"disk", &ev, -EINVAL,
		"report 'disk' of plugin 'disk': key 'queued' is in an unknown unit, its schema says count",
		__LINE__);
	/* malformed is malformed before any schema */
	kv[2] = kv_u64("queued", CPD_UNIT_COUNT, 1);
	kv[2].key.ptr = NULL;
	kv[2].key.len = 0;
	expect_complete("disk", &ev, -EINVAL,
			"report 'disk': key/value 2 is malformed", __LINE__);
	/* a table's rows, and an absent column, are fine */
	kv[0] = (struct cpd_kv){ .key = { "path", 4, 0 },
				 .type = CPD_KV_STR,
				 .v.str = { "/x", 2, 0 } };
	ev = report("disk.files", CPD_REPORTF_ROW, kv, 1);
	expect_complete("disk", &ev, 0, NULL, __LINE__);
	reports_reset();
}

static void test_print(void)
{
	struct fixture f;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	fixture_init(&f);
	f.d[0].help = "the disk";
	f.sec[0].help = "bytes read";
	reports_print(fp, "disk", f.d);
	fclose(fp);
	CPD_ASSERT_STR_EQ(
		out,
		"disk: Disk\n"
		"    section of disk, order 50, in the summary\n"
		"    the disk\n"
		"    read                   u64    bytes      summary,align    Disk read (in I/O)\n"
		"        bytes read\n"
		"    ops                    u64    count      summary          Operations\n"
		"    queued                 u64    count      summary,detail   queued\n"
		"    errors                 s64    count      summary,nonzero  Errors\n"
		"    note                   string none       -                Note\n"
		"disk.files: Disk files\n"
		"    table of disk, order 51, in the summary as \"{path} {{{why|a=x|b=}}} {count}×\" (3 rows)\n"
		"    path                   string none       summary,key      Path\n"
		"    count                  u64    count      summary,sort     Count\n"
		"    why                    string none       -                Why\n");
	free(out);
}

static CU_TestInfo reports_tests[] = {
	{ "check_rules_one_at_a_time", test_check_rules },
	{ "check_row_templates", test_check_templates },
	{ "check_unterminated_list", test_check_unterminated },
	{ "registry_topics_unique", test_registry },
	{ "complete_and_refuse_published", test_complete },
	{ "print_for_list_reports", test_print },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "reports", .pTests = reports_tests },
	CU_SUITE_INFO_NULL,
};
