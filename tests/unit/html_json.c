// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The JSON escaper the html report's data block is written with
 * (plugins/lib/escape.c): nothing a tracee string holds may end the
 * script element, start an HTML comment, end a JavaScript line or break
 * the parser, and invalid UTF-8 becomes U+FFFD.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "lib/escape.h"

/* escape_json_str() of n bytes, as a NUL-terminated malloc'd string. */
static char *esc(const char *s, size_t n, bool *lossy)
{
	struct escape_buf b = { 0 };
	bool l;
	char *out;

	l = escape_json_str(&b, s, n);
	if (lossy)
		*lossy = l;
	CU_ASSERT_FALSE_FATAL(b.oom);
	out = malloc(b.len + 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	memcpy(out, b.p, b.len);
	out[b.len] = '\0';
	escape_free(&b);
	return out;
}

#define CHECK(in, want)                                     \
	do {                                                \
		char *got_ = esc(in, sizeof(in) - 1, NULL); \
		CPD_ASSERT_STR_EQ(got_, want);              \
		free(got_);                                 \
	} while (0)

static void test_html_specials(void)
{
	CHECK("</script>", "\"\\u003c/script\\u003e\"");
	CHECK("</SCRIPT >", "\"\\u003c/SCRIPT \\u003e\"");
	CHECK("<!--", "\"\\u003c!--\"");
	CHECK("-->", "\"--\\u003e\"");
	CHECK("a&amp;b", "\"a\\u0026amp;b\"");
	CHECK("<b>x</b>", "\"\\u003cb\\u003ex\\u003c/b\\u003e\"");
	CHECK("]]>", "\"]]\\u003e\"");
}

static void test_json_specials(void)
{
	CHECK("say \"hi\"", "\"say \\\"hi\\\"\"");
	CHECK("C:\\dir", "\"C:\\\\dir\"");
	CHECK("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
	CHECK("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	/* '/' needs nothing once '<' is escaped */
	CHECK("a/b", "\"a/b\"");
	CHECK("", "\"\"");
}

static void test_embedded_nul(void)
{
	static const char in[] = "a\0<b";
	char *got = esc(in, sizeof(in) - 1, NULL);

	CPD_ASSERT_STR_EQ(got, "\"a\\u0000\\u003cb\"");
	free(got);
}

/* U+2028 and U+2029 end a line in JavaScript before ES2019. */
static void test_line_separators(void)
{
	bool lossy = true;
	char *got = esc("a\xe2\x80\xa8"
			"b\xe2\x80\xa9"
			"c",
			9, &lossy);

	CPD_ASSERT_STR_EQ(got, "\"a\\u2028b\\u2029c\"");
	CU_ASSERT_FALSE(lossy);
	free(got);
	/* their neighbours are ordinary characters */
	CHECK("\xe2\x80\xa7\xe2\x80\xaa", "\"\xe2\x80\xa7\xe2\x80\xaa\"");
}

static void test_valid_utf8_kept(void)
{
	bool lossy = true;
	static const char in[] = "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x86\xb3";
	char *got = esc(in, strlen(in), &lossy);

	CPD_ASSERT_STR_EQ(got, "\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x86\xb3\"");
	CU_ASSERT_FALSE(lossy);
	free(got);
}

static void test_invalid_utf8(void)
{
	static const struct {
		const char *in;
		size_t len;
		const char *want;
	} cases[] = {
		{ "bad\xff", 4, "\"bad\\ufffd\"" },
		{ "\xfe\xff", 2, "\"\\ufffd\\ufffd\"" },
		/* a lone continuation byte */
		{ "\x80x", 2, "\"\\ufffdx\"" },
		/* overlong '<' must not become a '<' */
		{ "\xc0\xbc", 2, "\"\\ufffd\\ufffd\"" },
		{ "\xe0\x80\xbc", 3, "\"\\ufffd\\ufffd\\ufffd\"" },
		/* a UTF-16 surrogate */
		{ "\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"" },
		/* beyond U+10FFFF */
		{ "\xf4\x90\x80\x80", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },
		/* cut short at the end, and before an ASCII '<' */
		{ "\xe2\x80", 2, "\"\\ufffd\\ufffd\"" },
		{ "\xe2<", 2, "\"\\ufffd\\u003c\"" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool lossy = false;
		char *got = esc(cases[i].in, cases[i].len, &lossy);

		CPD_ASSERT_STR_EQ(got, cases[i].want);
		CU_ASSERT_TRUE(lossy);
		free(got);
	}
}

/* Every byte value, alone: the output never holds a raw '<', '>', '&'. */
static void test_every_byte(void)
{
	unsigned c;

	for (c = 0; c < 256; c++) {
		char in = (char)c;
		char *got = esc(&in, 1, NULL);
		size_t i;

		CU_ASSERT_PTR_NULL(strpbrk(got + 1, "<>&"));
		for (i = 0; got[i]; i++)
			CU_ASSERT((unsigned char)got[i] >= 0x20);
		CU_ASSERT_EQUAL(got[strlen(got) - 1], '"');
		free(got);
	}
}

static void test_big_numbers(void)
{
	struct escape_buf b = { 0 };

	escape_json_u64(&b, ESCAPE_JSON_SAFE_MAX);
	escape_putc(&b, ' ');
	escape_json_u64(&b, ESCAPE_JSON_SAFE_MAX + 1);
	escape_putc(&b, ' ');
	escape_json_s64(&b, -1);
	escape_putc(&b, '\0');
	CPD_ASSERT_STR_EQ(b.p, "9007199254740992 \"9007199254740993\" -1");
	escape_free(&b);
}

static CU_TestInfo json_tests[] = {
	{ "html_specials", test_html_specials },
	{ "json_specials", test_json_specials },
	{ "embedded_nul", test_embedded_nul },
	{ "line_separators", test_line_separators },
	{ "valid_utf8_kept", test_valid_utf8_kept },
	{ "invalid_utf8", test_invalid_utf8 },
	{ "every_byte", test_every_byte },
	{ "big_numbers", test_big_numbers },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "html_json", .pTests = json_tests },
	CU_SUITE_INFO_NULL,
};
