// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * compendium diff below its command line: names normalised, traces read
 * (whole, damaged, of another schema), profiles built from records of
 * every kind (DNS lookups too, written here as the dns analyzer will),
 * and two of them compared, thresholds included.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "diff/compare.h"
#include "diff/output.h"
#include "diff/trace.h"

static struct norm norm;

static void norm_fresh(void)
{
	norm_free(&norm);
	norm_init(&norm);
}

static void assert_norm(const char *path, const char *want)
{
	char *got = norm_path(&norm, path, strlen(path));

	CPD_ASSERT_STR_EQ(got, want);
	free(got);
}

static void test_temp_names(void)
{
	norm_fresh();
	assert_norm("/tmp/ccAbC123.o", "/tmp/*.o");
	assert_norm("/tmp/ccabcdef.s", "/tmp/*.s");
	assert_norm("/tmp/tmpk2j3_x9a", "/tmp/*");
	assert_norm("/tmp/tmpabcdefgh/out.txt", "/tmp/*/out.txt");
	assert_norm("/tmp/tmp.Zx81kQpLmN", "/tmp/tmp.*");
	assert_norm("/tmp/build.12345", "/tmp/build.*");
	assert_norm("/var/tmp/sedQ1w2E3", "/var/tmp/*");
	/* what does not look generated stays */
	assert_norm("/tmp/out.txt", "/tmp/out.txt");
	assert_norm("/tmp/report-final.html", "/tmp/report-final.html");
	/* only under temporary directories */
	assert_norm("/usr/lib/x86_64-linux-gnu/libc.so.6",
		    "/usr/lib/x86_64-linux-gnu/libc.so.6");
	assert_norm("/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus",
		    "/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus");
	assert_norm("/tmpfoo/ccAbC123.o", "/tmpfoo/ccAbC123.o");
	norm_add_tmpdir(&norm, "/work/build/tmp/");
	assert_norm("/work/build/tmp/ccXy12Zq.s", "/work/build/tmp/*.s");
	norm.temp_names = false;
	assert_norm("/tmp/ccAbC123.o", "/tmp/ccAbC123.o");
}

static void test_proc_and_maps(void)
{
	char why[128];
	char *arg;

	norm_fresh();
	assert_norm("/proc/1234/status", "/proc/PID/status");
	assert_norm("/proc/1/task/77/stat", "/proc/PID/task/TID/stat");
	assert_norm("/proc/self/maps", "/proc/self/maps");
	assert_norm("/proc/12ab/x", "/proc/12ab/x");
	CPD_ASSERT_INT_EQ(
		norm_add_map(&norm, "/work/a=/work/b", why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(norm_add_map(&norm, "/work/a/sub/=/elsewhere", why,
				       sizeof(why)),
			  0);
	CPD_ASSERT_INT_EQ(norm_add_map(&norm, "nothing", why, sizeof(why)),
			  -EINVAL);
	CPD_ASSERT_CONTAINS(why, "expected OLD=NEW");
	CPD_ASSERT_INT_EQ(norm_add_map(&norm, "=x", why, sizeof(why)), -EINVAL);
	assert_norm("/work/a/src/b.c", "/work/b/src/b.c");
	assert_norm("/work/a", "/work/b");
	/* a directory boundary, not a string prefix */
	assert_norm("/work/ab/c", "/work/ab/c");
	/* the longest OLD wins */
	assert_norm("/work/a/sub/x", "/elsewhere/x");
	/* a map into a temporary directory, then the temporary rule */
	CPD_ASSERT_INT_EQ(
		norm_add_map(&norm, "/scratch=/tmp", why, sizeof(why)), 0);
	assert_norm("/scratch/ccQw12Er.o", "/tmp/*.o");
	/* arguments: the path in an option, a relative path */
	arg = norm_arg(&norm, "-I/work/a/include", 17);
	CPD_ASSERT_STR_EQ(arg, "-I/work/b/include");
	free(arg);
	arg = norm_arg(&norm, "--out=/tmp/ccAb12Cd.o", 21);
	CPD_ASSERT_STR_EQ(arg, "--out=/tmp/*.o");
	free(arg);
	arg = norm_arg(&norm, "./build/x", 9);
	CPD_ASSERT_STR_EQ(arg, "./build/x");
	free(arg);
	arg = norm_arg(&norm, "-O2", 3);
	CPD_ASSERT_STR_EQ(arg, "-O2");
	free(arg);
}

/* ---- traces --------------------------------------------------------- */

#define R(type, rest) \
	"{\"schema\":1,\"type\":\"" type "\",\"seq\":1," rest "}\n"

/* One record, as the jsonl output writes it, from the members after type. */
static void rec(struct escape_buf *b, const char *type, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void rec(struct escape_buf *b, const char *type, const char *fmt, ...)
{
	char members[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(members, sizeof(members), fmt, ap);
	va_end(ap);
	escape_printf(b, "{\"schema\":1,\"type\":\"%s\",\"seq\":1,%s}\n", type,
		      members);
}

#define PEER \
	"\"peer\":{\"family\":\"AF_INET\",\"addr\":\"127.0.0.1\",\"port\":8080}"

/*
 * make running cc1 on b.c, which writes obj (obj_bytes) and exits; the
 * make exits exit_code; with http, also a connect, a send and a lookup.
 * pid varies as from run to run.
 */
static char *trace_text(int pid, const char *obj, int exit_code,
			unsigned obj_bytes, bool http)
{
	struct escape_buf b = { 0 };
	int cc = pid + 1;

	rec(&b, "proc",
	    "\"ts_ns\":1000,\"pid\":%d,\"op\":\"exec\",\"flags\":\"root\","
	    "\"path\":\"/usr/bin/make\",\"argv\":[\"make\",\"-j2\"]",
	    pid);
	rec(&b, "proc",
	    "\"ts_ns\":2000,\"pid\":%d,\"op\":\"spawn_process\","
	    "\"flags\":\"root\",\"child_pid\":%d",
	    pid, cc);
	rec(&b, "proc",
	    "\"pid\":%d,\"op\":\"exec\",\"flags\":\"0\",\"path\":\"/usr/lib/gcc/cc1\","
	    "\"argv\":[\"cc1\",\"b.c\",\"-o\",\"%s\"]",
	    cc, obj);
	rec(&b, "file",
	    "\"pid\":%d,\"op\":\"open\",\"path\":\"/src/b.c\",\"flags\":\"readable\"",
	    cc);
	rec(&b, "file",
	    "\"pid\":%d,\"op\":\"read\",\"path\":\"/src/b.c\",\"bytes\":100,"
	    "\"flags\":\"0\"",
	    cc);
	rec(&b, "file",
	    "\"pid\":%d,\"op\":\"open\",\"path\":\"%s\",\"flags\":\"writable|created\"",
	    cc, obj);
	rec(&b, "file",
	    "\"pid\":%d,\"op\":\"write\",\"path\":\"%s\",\"bytes\":%u,\"flags\":\"0\"",
	    cc, obj, obj_bytes);
	rec(&b, "file",
	    "\"pid\":%d,\"op\":\"open\",\"path\":\"/usr/lib/libc.so.6\","
	    "\"flags\":\"readable|hidden\"",
	    cc);
	rec(&b, "proc",
	    "\"ts_ns\":5000,\"pid\":%d,\"op\":\"exit\",\"flags\":\"leader|group_exit\","
	    "\"exit_code\":0,\"signal\":0",
	    cc);
	rec(&b, "finding",
	    "\"pid\":%d,\"id\":\"probe\",\"severity\":\"info\","
	    "\"title\":\"cc1 (pid %d) found stdio.h after 5 probes\",\"count\":1,"
	    "\"pids\":[\"%d\"]",
	    cc, cc, cc);
	if (http) {
		rec(&b, "net",
		    "\"pid\":%d,\"fd\":3,\"op\":\"connect\",\"flags\":\"loopback\","
		    "\"sock_type\":\"SOCK_STREAM\"," PEER,
		    pid);
		rec(&b, "net",
		    "\"pid\":%d,\"fd\":3,\"op\":\"send\",\"bytes\":78,"
		    "\"flags\":\"loopback\",\"sock_type\":\"SOCK_STREAM\"," PEER,
		    pid);
		/* the dns analyzer's lookup records, as far as diff reads them */
		rec(&b, "dns",
		    "\"pid\":%d,\"name\":\"API.Example.test.\",\"qtype\":\"A\"",
		    pid);
	}
	rec(&b, "proc",
	    "\"ts_ns\":9000,\"pid\":%d,\"op\":\"exit\","
	    "\"flags\":\"root|leader|group_exit\",\"exit_code\":%d,\"signal\":0",
	    pid, exit_code);
	return buf_take(&b);
}

static void read_trace(const char *text, struct profile *p,
		       struct trace_info *info)
{
	profile_init(p, &norm);
	CPD_ASSERT_INT_EQ(
		trace_read_mem("t.jsonl", text, strlen(text), p, info), 0);
}

/* The comparison of a and b as text (or JSON), malloc'd. */
static char *compare_as(const char *ta, const char *tb,
			const struct diff_opts *o, size_t *n, bool json)
{
	struct trace_info ia, ib;
	struct profile pa, pb;
	struct diff_result r;
	struct escape_buf out = { 0 };
	struct diff_side a = { "a.jsonl", &pa, &ia },
			 b = { "b.jsonl", &pb, &ib };

	read_trace(ta, &pa, &ia);
	read_trace(tb, &pb, &ib);
	diff_compare(&pa, &pb, o, &r);
	if (json)
		diff_write_json(&out, &a, &b, &r);
	else
		diff_write_text(&out, &a, &b, &r);
	*n = r.n;
	diff_result_free(&r);
	profile_free(&pa);
	profile_free(&pb);
	return buf_take(&out);
}

static char *compare_text(const char *ta, const char *tb,
			  const struct diff_opts *o, size_t *n)
{
	return compare_as(ta, tb, o, n, false);
}

static void test_profile(void)
{
	char *t = trace_text(100, "/tmp/ccAbC123.o", 0, 1300, true);
	const struct prof_file *f;
	const struct prof_count *c;
	const struct prof_endpoint *e;
	struct trace_info info;
	struct profile p;

	norm_fresh();
	read_trace(t, &p, &info);
	CPD_ASSERT_UINT_EQ(info.damaged_line, 0);
	CPD_ASSERT_UINT_EQ(p.records, 14);
	f = strmap_get(&p.reads, "/src/b.c", 8);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_UINT_EQ(f->bytes, 100);
	CPD_ASSERT_UINT_EQ(f->opens, 1);
	f = strmap_get(&p.writes, "/tmp/*.o", 8);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_UINT_EQ(f->bytes, 1300);
	/* hidden (noise-filtered) events are not part of the profile */
	CU_ASSERT_PTR_NULL(strmap_get(&p.reads, "/usr/lib/libc.so.6", 18));
	c = strmap_get(&p.programs, "/usr/bin/make", 13);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CPD_ASSERT_UINT_EQ(c->count, 1);
	CU_ASSERT_PTR_NOT_NULL(strmap_get(
		&p.commands, "/usr/lib/gcc/cc1 b.c -o /tmp/*.o", 32));
	e = strmap_get(&p.endpoints, "tcp4 127.0.0.1:8080", 19);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CPD_ASSERT_UINT_EQ(e->connects, 1);
	CPD_ASSERT_UINT_EQ(e->sent, 78);
	/* a name as names compare: lower case, without the root's dot */
	c = strmap_get(&p.dns, "api.example.test", 16);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CPD_ASSERT_UINT_EQ(c->count, 1);
	/* the pid in a finding's title does not make it another finding */
	CU_ASSERT_PTR_NOT_NULL(strmap_get(
		&p.findings,
		"probe\ncc1 (pid PID) found stdio.h after 5 probes", 48));
	CU_ASSERT_TRUE(p.root_exited);
	CPD_ASSERT_INT_EQ(p.root_exit_code, 0);
	CPD_ASSERT_UINT_EQ(p.nprocs, 2);
	CPD_ASSERT_UINT_EQ(p.procs[0].end_ns - p.procs[0].start_ns, 8000);
	profile_free(&p);
	free(t);
}

static void test_same_work_same_profile(void)
{
	char *a = trace_text(100, "/tmp/ccAbC123.o", 0, 1300, false);
	char *b = trace_text(5000, "/tmp/ccXyZ789.o", 0, 1300, false);
	struct diff_opts o;
	size_t n;
	char *text;

	norm_fresh();
	diff_opts_init(&o);
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_UINT_EQ(n, 0);
	CPD_ASSERT_CONTAINS(text, "no differences\n");
	free(text);
	/* without the temporary rule the object file is another file */
	norm.temp_names = false;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_CONTAINS(
		text,
		"Files written:\n  + /tmp/ccXyZ789.o (1.3 KB)\n  - /tmp/ccAbC123.o (1.3 KB)\n");
	free(text);
	free(a);
	free(b);
}

static void test_what_changed(void)
{
	char *a = trace_text(100, "/tmp/ccAbC123.o", 0, 1300, false);
	char *b = trace_text(200, "/tmp/ccXyZ789.o", 2, 1400, true);
	struct diff_opts o;
	size_t n;
	char *text;

	norm_fresh();
	diff_opts_init(&o);
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_STR_EQ(
		text,
		"--- a.jsonl (11 records)\n"
		"+++ b.jsonl (14 records)\n"
		"Exit status of the command:\n"
		"  ~ the command: exit 0 → exit 2\n"
		"Network endpoints:\n"
		"  + tcp4 127.0.0.1:8080 (1 connection, sent 78 B, received 0 B)\n"
		"DNS names:\n"
		"  + api.example.test (1 lookup)\n"
		"Files written:\n"
		"  ~ /tmp/*.o: 1.3 KB → 1.4 KB (+100 B)\n"
		"4 differences: 2 appeared, 0 disappeared, 2 changed\n");
	free(text);
	/* a threshold above the change hides it; the rest stays */
	o.bytes_min = 100;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_LACKS(text, "Files written");
	CPD_ASSERT_UINT_EQ(n, 3);
	free(text);
	o.bytes_min = 0;
	o.bytes_pct = 10;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_LACKS(text, "Files written");
	free(text);
	o.bytes_pct = 5;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_CONTAINS(text, "Files written");
	free(text);
	/* --ignore */
	diff_opts_init(&o);
	o.ignore = diff_cat_bits("exit") | diff_cat_bits("dns") |
		   diff_cat_bits("network") | diff_cat_bits("bytes");
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_UINT_EQ(n, 0);
	free(text);
	CPD_ASSERT_UINT_EQ(diff_cat_bits("nonsense"), 0);
	free(a);
	free(b);
}

/* What tools get: strict JSON, in the order the text has it. */
static void test_json_output(void)
{
	char *a = trace_text(100, "/tmp/ccAbC123.o", 0, 1300, false);
	char *b = trace_text(200, "/tmp/ccXyZ789.o", 2, 1400, true);
	const struct json_value *changes, *c, *v;
	struct arena arena = { 0 };
	struct json_value doc;
	struct json_error err;
	struct diff_opts o;
	uint64_t u = 0;
	size_t n;
	char *text;

	norm_fresh();
	diff_opts_init(&o);
	text = compare_as(a, b, &o, &n, true);
	CPD_ASSERT_INT_EQ(json_parse(text, strlen(text), 0, &arena, &doc, &err),
			  0);
	CU_ASSERT_TRUE(json_get_u64(&doc, "schema", &u) && u == 1);
	CPD_ASSERT_INT_EQ(json_get(&doc, "same")->type, JSON_FALSE);
	CPD_ASSERT_STR_EQ(json_get_str(json_get(&doc, "a"), "path", NULL),
			  "a.jsonl");
	CU_ASSERT_TRUE(
		json_get_u64(json_get(&doc, "summary"), "appeared", &u) &&
		u == 2);
	changes = json_get(&doc, "changes");
	CU_ASSERT_PTR_NOT_NULL_FATAL(changes);
	CPD_ASSERT_UINT_EQ(changes->u.list.n, n);
	/* the command's exit first, with both sides */
	c = changes->u.list.first;
	CPD_ASSERT_STR_EQ(json_get_str(c, "category", NULL), "exit");
	v = json_get(c, "b");
	CU_ASSERT_TRUE(json_get_u64(v, "exit_code", &u) && u == 2);
	/* an endpoint that appeared: null on the side without it */
	c = c->next;
	CPD_ASSERT_STR_EQ(json_get_str(c, "category", NULL), "network");
	CPD_ASSERT_STR_EQ(json_get_str(c, "change", NULL), "appeared");
	CPD_ASSERT_STR_EQ(json_get_str(c, "key", NULL), "tcp4 127.0.0.1:8080");
	CPD_ASSERT_INT_EQ(json_get(c, "a")->type, JSON_NULL);
	CU_ASSERT_TRUE(json_get_u64(json_get(c, "b"), "sent_bytes", &u) &&
		       u == 78);
	c = c->next;
	CPD_ASSERT_STR_EQ(json_get_str(c, "category", NULL), "dns");
	CPD_ASSERT_STR_EQ(json_get_str(c, "key", NULL), "api.example.test");
	c = c->next;
	CPD_ASSERT_STR_EQ(json_get_str(c, "category", NULL), "files_written");
	CU_ASSERT_TRUE(json_get_u64(json_get(c, "a"), "bytes", &u) &&
		       u == 1300);
	arena_free(&arena);
	free(text);
	free(a);
	free(b);
}

static void test_wall_time(void)
{
	const char *a = R(
		"proc",
		"\"pid\":1,\"op\":\"exec\",\"flags\":\"root\",\"path\":\"/bin/sleep\",\"argv\":[\"sleep\",\"1\"],\"ts_ns\":0")
		R("proc",
		  "\"pid\":1,\"op\":\"exit\",\"flags\":\"root|leader\",\"exit_code\":0,\"ts_ns\":1000000000");
	const char *b = R(
		"proc",
		"\"pid\":9,\"op\":\"exec\",\"flags\":\"root\",\"path\":\"/bin/sleep\",\"argv\":[\"sleep\",\"1\"],\"ts_ns\":0")
		R("proc",
		  "\"pid\":9,\"op\":\"exit\",\"flags\":\"root|leader\",\"exit_code\":0,\"ts_ns\":1400000000");
	struct diff_opts o;
	size_t n;
	char *text;

	norm_fresh();
	diff_opts_init(&o);
	/* 40 %: under the 50 % default */
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_UINT_EQ(n, 0);
	free(text);
	o.time_pct = 30;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_CONTAINS(
		text,
		"Wall time:\n  ~ /bin/sleep 1: 1.00 s → 1.40 s (+40 %)\n");
	free(text);
	/* and the absolute floor */
	o.time_min_ns = 500000000;
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_UINT_EQ(n, 0);
	free(text);
}

static void test_hostile_names(void)
{
	const char *a = "";
	const char *b = R(
		"file",
		"\"pid\":1,\"op\":\"open\",\"path\":\"/tmp/x\\u001b[31mred\\n\\u0085\",\"flags\":\"writable\"");
	struct diff_opts o;
	size_t n;
	char *text;

	norm_fresh();
	norm.temp_names = false;
	diff_opts_init(&o);
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_CONTAINS(text, "+ /tmp/x\\x1b[31mred\\x0a\\u0085 (0 B)");
	CPD_ASSERT_LACKS(text, "\x1b");
	free(text);
	/* empty names (the fuzzer's find): counted, not a crash */
	b = R("proc",
	      "\"pid\":1,\"op\":\"exec\",\"flags\":\"root\",\"path\":\"\"")
		R("file",
		  "\"pid\":1,\"op\":\"open\",\"path\":\"\",\"flags\":\"readable\"");
	text = compare_text(a, b, &o, &n);
	CPD_ASSERT_UINT_EQ(n, 3);
	free(text);
}

/* ---- bad input ------------------------------------------------------ */

static void test_damaged(void)
{
	char *t = trace_text(100, "/tmp/ccAbC123.o", 0, 1300, false);
	size_t len = strlen(t);
	struct trace_info info;
	struct profile p;
	char *cut, *log;

	norm_fresh();
	/* a trace cut in the middle of its 7th line by a crash */
	cut = strndup(t, (size_t)(strstr(t, "\"op\":\"write\"") - t));
	profile_init(&p, &norm);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(
		trace_read_mem("cut.jsonl", cut, strlen(cut), &p, &info), 0);
	log = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(info.lines, 6);
	CPD_ASSERT_UINT_EQ(info.damaged_line, 7);
	CPD_ASSERT_CONTAINS(log, "cut.jsonl:7: not JSON at byte ");
	CPD_ASSERT_CONTAINS(
		log,
		"(unexpected end of input); the trace is read up to line 6");
	/* what came before the damage is there */
	CU_ASSERT_PTR_NOT_NULL(strmap_get(&p.reads, "/src/b.c", 8));
	free(log);
	free(cut);
	profile_free(&p);

	/* a line of something else in the middle: read up to it */
	cut = strdup(t);
	memcpy(strstr(cut, "{\"schema\":1,\"type\":\"file\""), "[1,2,3]    ",
	       11);
	profile_init(&p, &norm);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(trace_read_mem("mixed.jsonl", cut, len, &p, &info),
			  0);
	log = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(info.damaged_line, 4);
	CPD_ASSERT_CONTAINS(
		log,
		"mixed.jsonl:4: not JSON at byte 12 (unexpected data after the value)");
	free(log);
	free(cut);
	profile_free(&p);

	/* the last line whole but without its newline: not damage */
	t[len - 1] = '\0';
	profile_init(&p, &norm);
	CPD_ASSERT_INT_EQ(trace_read_mem("nonl.jsonl", t, len - 1, &p, &info),
			  0);
	CPD_ASSERT_UINT_EQ(info.damaged_line, 0);
	CU_ASSERT_TRUE(p.root_exited);
	profile_free(&p);
	free(t);

	/* not a record */
	profile_init(&p, &norm);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(
		trace_read_mem("x.jsonl", "{\"a\":1}\n", 8, &p, &info), 0);
	log = cpd_log_capture_stop();
	CPD_ASSERT_CONTAINS(log, "x.jsonl:1: not a compendium record");
	CPD_ASSERT_CONTAINS(log, "nothing of the trace could be read");
	free(log);
	profile_free(&p);
}

static void test_other_schema(void)
{
	const char *t =
		R("proc", "\"pid\":1") "{\"schema\":2,\"type\":\"proc\"}\n";
	struct trace_info info;
	struct profile p;
	char *log;

	norm_fresh();
	profile_init(&p, &norm);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(trace_read_mem("v2.jsonl", t, strlen(t), &p, &info),
			  -EPROTO);
	log = cpd_log_capture_stop();
	CPD_ASSERT_CONTAINS(
		log,
		"compendium: error: v2.jsonl:2: the trace is of jsonl schema 2; this compendium reads schema 1");
	free(log);
	profile_free(&p);
	profile_init(&p, &norm);
	cpd_log_capture_start();
	t = "{\"schema\":\"one\",\"type\":\"x\"}";
	CPD_ASSERT_INT_EQ(trace_read_mem("s.jsonl", t, strlen(t), &p, &info),
			  -EPROTO);
	log = cpd_log_capture_stop();
	CPD_ASSERT_CONTAINS(log,
			    "s.jsonl:1: \"schema\" is not a version number");
	free(log);
	profile_free(&p);
}

static int diff_suite_clean(void)
{
	norm_free(&norm);
	return 0;
}

static CU_TestInfo diff_tests[] = {
	{ "temporary_names_made_general", test_temp_names },
	{ "proc_pids_and_maps", test_proc_and_maps },
	{ "profile_of_every_kind", test_profile },
	{ "same_work_same_profile", test_same_work_same_profile },
	{ "what_changed_most_telling_first", test_what_changed },
	{ "json_for_tools", test_json_output },
	{ "wall_time_thresholds", test_wall_time },
	{ "hostile_names_escaped", test_hostile_names },
	{ "damaged_trace_read_up_to_the_damage", test_damaged },
	{ "other_schema_refused", test_other_schema },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "diff",
	  .pTests = diff_tests,
	  .pCleanupFunc = diff_suite_clean },
	CU_SUITE_INFO_NULL,
};
