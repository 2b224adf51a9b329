// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The strict JSON reader of compendium diff (core/diff/json.c): what it
 * builds from valid documents, the exact refusal (and where) for every
 * way a document can break the grammar, and the bounds on nesting. The
 * writer (the jsonl output's escaper, plugins/lib/escape.c, which diff writes with) is read back by the reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "diff/json.h"
#include "diff/buf.h"

static struct arena arena;

static const struct json_value *parse_ok(const char *text)
{
	static struct json_value v;
	struct json_error err;
	int rc;

	arena_reset(&arena);
	rc = json_parse(text, strlen(text), 0, &arena, &v, &err);
	if (rc)
		fprintf(stderr, "parse of '%s' failed at %zu: %s\n", text,
			err.offset, err.msg);
	CPD_ASSERT_INT_EQ(rc, 0);
	return rc ? NULL : &v;
}

/* The document is refused, at byte offset, with a message containing msg. */
static void parse_bad(const char *text, size_t len, size_t offset,
		      const char *msg)
{
	struct json_value v;
	struct json_error err;

	arena_reset(&arena);
	CPD_ASSERT_INT_EQ(json_parse(text, len, 0, &arena, &v, &err), -EINVAL);
	CPD_ASSERT_UINT_EQ(err.offset, offset);
	CPD_ASSERT_CONTAINS(err.msg, msg);
}

#define BAD(text, offset, msg) parse_bad(text, sizeof(text) - 1, offset, msg)

static void test_record(void)
{
	const struct json_value *v = parse_ok(
		"{\"schema\":1,\"type\":\"file\",\"path\":\"/tmp/x\",\"argv\":[\"a\",\"b c\"],"
		"\"peer\":null,\"ok\":true,\"no\":false,\"big\":\"18446744073709551615\"}");
	const struct json_value *argv;
	uint64_t u = 0;
	size_t len = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CPD_ASSERT_INT_EQ(v->type, JSON_OBJECT);
	CPD_ASSERT_UINT_EQ(v->u.list.n, 8);
	CU_ASSERT_TRUE(json_get_u64(v, "schema", &u));
	CPD_ASSERT_UINT_EQ(u, 1);
	CPD_ASSERT_STR_EQ(json_get_str(v, "path", &len), "/tmp/x");
	CPD_ASSERT_UINT_EQ(len, 6);
	argv = json_get(v, "argv");
	CU_ASSERT_PTR_NOT_NULL_FATAL(argv);
	CPD_ASSERT_INT_EQ(argv->type, JSON_ARRAY);
	CPD_ASSERT_UINT_EQ(argv->u.list.n, 2);
	CPD_ASSERT_STR_EQ(argv->u.list.first->next->u.str.s, "b c");
	CPD_ASSERT_INT_EQ(json_get(v, "peer")->type, JSON_NULL);
	CPD_ASSERT_INT_EQ(json_get(v, "ok")->type, JSON_TRUE);
	CPD_ASSERT_INT_EQ(json_get(v, "no")->type, JSON_FALSE);
	/* integers above 2^53 come as strings of digits */
	CU_ASSERT_TRUE(json_get_u64(v, "big", &u));
	CU_ASSERT_TRUE(u == UINT64_MAX);
	CU_ASSERT_PTR_NULL(json_get(v, "missing"));
	CU_ASSERT_PTR_NULL(json_get_str(v, "schema", NULL));
	CU_ASSERT_FALSE(json_get_u64(v, "path", &u));
}

static void test_numbers(void)
{
	const struct json_value *v;
	int64_t i = 0;
	uint64_t u = 0;

	v = parse_ok(
		"[0, -0, 42, -42, 9223372036854775807, -9223372036854775808,"
		" 18446744073709551615, 18446744073709551616, 1.5, -2e3, 1E+2]");
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	v = v->u.list.first;
	CU_ASSERT_TRUE(json_to_u64(v, &u) && u == 0);
	v = v->next;
	CU_ASSERT_TRUE(json_to_s64(v, &i) && i == 0);
	v = v->next;
	CU_ASSERT_TRUE(json_to_s64(v, &i) && i == 42);
	v = v->next;
	CU_ASSERT_TRUE(json_to_s64(v, &i) && i == -42);
	CU_ASSERT_FALSE(json_to_u64(v, &u));
	v = v->next;
	CU_ASSERT_TRUE(json_to_s64(v, &i) && i == INT64_MAX);
	v = v->next;
	CU_ASSERT_TRUE(json_to_s64(v, &i) && i == INT64_MIN);
	v = v->next;
	CU_ASSERT_TRUE(json_to_u64(v, &u) && u == UINT64_MAX);
	CU_ASSERT_FALSE(json_to_s64(v, &i));
	v = v->next; /* 2^64: an integer that fits nothing */
	CU_ASSERT_TRUE(v->u.num.is_int);
	CU_ASSERT_FALSE(json_to_u64(v, &u));
	CU_ASSERT_FALSE(json_to_s64(v, &i));
	v = v->next;
	CU_ASSERT_FALSE(v->u.num.is_int);
	CU_ASSERT_DOUBLE_EQUAL(v->u.num.d, 1.5, 1e-12);
	CU_ASSERT_FALSE(json_to_u64(v, &u));
	v = v->next;
	CU_ASSERT_DOUBLE_EQUAL(v->u.num.d, -2000.0, 1e-9);
	v = v->next;
	CU_ASSERT_DOUBLE_EQUAL(v->u.num.d, 100.0, 1e-9);
}

static void test_strings(void)
{
	const struct json_value *v;

	v = parse_ok(
		"[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u20ac\", "
		"\"\\ud83d\\ude00\", \"a\\u0000b\", \"\xc3\xa9\xe2\x82\xac\", \"\x7f\"]");
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	v = v->u.list.first;
	CPD_ASSERT_STR_EQ(v->u.str.s, "\"\\/\b\f\n\r\t");
	v = v->next;
	CPD_ASSERT_STR_EQ(v->u.str.s, "\xc3\xa9\xe2\x82\xac");
	v = v->next;
	CPD_ASSERT_STR_EQ(v->u.str.s, "\xf0\x9f\x98\x80");
	v = v->next;
	/* NUL kept: the length says where the string ends */
	CPD_ASSERT_UINT_EQ(v->u.str.len, 3);
	CU_ASSERT_TRUE(!memcmp(v->u.str.s, "a\0b", 3));
	v = v->next;
	CPD_ASSERT_STR_EQ(v->u.str.s, "\xc3\xa9\xe2\x82\xac");
	v = v->next;
	CPD_ASSERT_STR_EQ(v->u.str.s, "\x7f");
}

static void test_grammar_errors(void)
{
	BAD("", 0, "unexpected end of input");
	BAD("   ", 3, "unexpected end of input");
	BAD("{\"a\":1", 6, "unexpected end of input");
	BAD("{\"a\":1,}", 7, "expected a member name");
	BAD("[1,]", 3, "unexpected character");
	BAD("[1 2]", 3, "expected ',' or ']'");
	BAD("{\"a\" 1}", 5, "expected ':'");
	BAD("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
	BAD("{a:1}", 1, "expected a member name");
	BAD("{} {}", 3, "unexpected data after the value");
	BAD("nul", 0, "unexpected character");
	BAD("True", 0, "unexpected character");
	BAD("NaN", 0, "unexpected character");
	BAD("[Infinity]", 1, "unexpected character");
	BAD("'x'", 0, "unexpected character");
	/* a lone value is a document too, and is refused only when broken */
	CU_ASSERT_PTR_NOT_NULL(parse_ok(" 7 "));
}

static void test_number_errors(void)
{
	BAD("01", 1, "leading zero");
	BAD("-", 1, "expected a digit");
	BAD("-a", 1, "expected a digit");
	BAD("1.", 2, "expected a digit after '.'");
	BAD(".5", 0, "unexpected character");
	BAD("1e", 2, "expected a digit in exponent");
	BAD("1e+", 3, "expected a digit in exponent");
	BAD("+1", 0, "unexpected character");
	BAD("0x10", 1, "unexpected data after the value");
	{
		char big[600];

		memset(big, '1', sizeof(big));
		parse_bad(big, sizeof(big), 0, "number longer than");
	}
}

static void test_string_errors(void)
{
	BAD("\"abc", 0, "unterminated string");
	BAD("\"abc\\", 0, "unterminated string");
	BAD("\"a\tb\"", 2, "control character 0x09");
	BAD("\"a\nb\"", 2, "control character 0x0a");
	BAD("\"\\x41\"", 1, "bad escape");
	BAD("\"\\u12\"", 1, "bad \\u escape");
	BAD("\"\\u12G4\"", 1, "bad \\u escape");
	BAD("\"\\ud800\"", 1, "lone high surrogate");
	BAD("\"\\ud800\\u0041\"", 1, "lone high surrogate");
	BAD("\"\\udc00\"", 1, "lone low surrogate");
	/* invalid UTF-8: stray continuation, overlong, surrogate, > U+10FFFF */
	BAD("\"a\x80\"", 2, "invalid UTF-8");
	BAD("\"\xc0\xaf\"", 1, "invalid UTF-8");
	BAD("\"\xe0\x80\xaf\"", 1, "invalid UTF-8");
	BAD("\"\xed\xa0\x80\"", 1, "invalid UTF-8");
	BAD("\"\xf4\x90\x80\x80\"", 1, "invalid UTF-8");
	BAD("\"\xe2\x82\"", 1, "invalid UTF-8");
	/* a NUL byte in the text, not escaped, is a control character */
	BAD("\"a\0b\"", 2, "control character 0x00");
}

static void test_depth(void)
{
	char deep[2 * JSON_MAX_DEPTH + 3];
	struct json_value v;
	struct json_error err;
	size_t i;

	/* exactly the limit nests fine */
	for (i = 0; i < JSON_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * JSON_MAX_DEPTH - 1 - i] = ']';
	}
	arena_reset(&arena);
	CPD_ASSERT_INT_EQ(
		json_parse(deep, 2 * JSON_MAX_DEPTH, 0, &arena, &v, &err), 0);
	/* one more is refused where it opens */
	memmove(deep + 1, deep, 2 * JSON_MAX_DEPTH);
	deep[0] = '[';
	deep[2 * JSON_MAX_DEPTH + 1] = ']';
	parse_bad(deep, 2 * JSON_MAX_DEPTH + 2, JSON_MAX_DEPTH,
		  "nested deeper than 32 levels");
	/* and a caller's own bound holds */
	arena_reset(&arena);
	CPD_ASSERT_INT_EQ(json_parse("[[[1]]]", 7, 2, &arena, &v, &err),
			  -EINVAL);
	CPD_ASSERT_CONTAINS(err.msg, "deeper than 2");
	/* a million opening brackets cost nothing but a refusal */
	{
		size_t n = 1 << 20;
		char *many = malloc(n);

		CU_ASSERT_PTR_NOT_NULL_FATAL(many);
		memset(many, '[', n);
		arena_reset(&arena);
		CPD_ASSERT_INT_EQ(json_parse(many, n, 0, &arena, &v, &err),
				  -EINVAL);
		free(many);
	}
}

/* What the writer writes, the reader reads back to the same bytes. */
static void test_writer_round_trip(void)
{
	static const char *const samples[] = {
		"plain",
		"quote \" back \\ slash",
		"ctl \x01\x1f\x7f\n\t\r",
		"html <script>&",
		"\xe2\x80\xa8 \xe2\x80\xa9",
		"\xc3\xa9t\xc3\xa9",
	};
	struct escape_buf b = { 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(samples); i++) {
		const struct json_value *v;

		b.len = 0;
		escape_json_str(&b, samples[i], strlen(samples[i]));
		CPD_ASSERT_LACKS(b.p, "<");
		v = parse_ok(b.p);
		CU_ASSERT_PTR_NOT_NULL_FATAL(v);
		CPD_ASSERT_STR_EQ(v->u.str.s, samples[i]);
	}
	/* bytes that are not UTF-8 become U+FFFD, still valid JSON */
	b.len = 0;
	escape_json_str(&b, "a\xff\xc3(b", 5);
	CPD_ASSERT_STR_EQ(b.p, "\"a\\ufffd\\ufffd(b\"");
	b.len = 0;
	escape_json_u64(&b, UINT64_C(9007199254740993));
	CPD_ASSERT_STR_EQ(b.p, "\"9007199254740993\"");
	b.len = 0;
	escape_json_s64(&b, -5);
	CPD_ASSERT_STR_EQ(b.p, "-5");
	escape_free(&b);
}

static int json_suite_clean(void)
{
	arena_free(&arena);
	return 0;
}

static CU_TestInfo json_tests[] = {
	{ "a_record_and_its_members", test_record },
	{ "numbers_exact_or_refused", test_numbers },
	{ "strings_decoded", test_strings },
	{ "grammar_errors_say_where", test_grammar_errors },
	{ "number_errors", test_number_errors },
	{ "string_errors", test_string_errors },
	{ "nesting_is_bounded", test_depth },
	{ "writer_read_back", test_writer_round_trip },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "json",
	  .pTests = json_tests,
	  .pCleanupFunc = json_suite_clean },
	CU_SUITE_INFO_NULL,
};
