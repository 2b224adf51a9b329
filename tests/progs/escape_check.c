// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * escape_check: unit checks of plugins/lib/escape.c (CSV cells, JSON
 * strings and integers). Prints one line per failure and
 * "N passed, N failed"; exits 1 on any failure.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/escape.h"

static int passed, failed;

static void expect(const char *what, const struct escape_buf *b,
		   const char *want, size_t wlen)
{
	if (!b->oom && b->len == wlen && (!wlen || !memcmp(b->p, want, wlen))) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: got [%.*s] want [%.*s]\n", what, (int)b->len,
	       b->p ? b->p : "", (int)wlen, want);
}

#define CSV(in, neut, want)                                      \
	do {                                                     \
		struct escape_buf eb = { 0 };                    \
		escape_csv_cell(&eb, in, sizeof(in) - 1, neut);  \
		expect("csv " #in, &eb, want, sizeof(want) - 1); \
		escape_free(&eb);                                \
	} while (0)

#define JSON(in, want, lossy)                                      \
	do {                                                       \
		struct escape_buf eb = { 0 };                      \
		bool l = escape_json_str(&eb, in, sizeof(in) - 1); \
		expect("json " #in, &eb, want, sizeof(want) - 1);  \
		if (l != (lossy)) {                                \
			failed++;                                  \
			printf("FAIL lossy " #in "\n");            \
		}                                                  \
		escape_free(&eb);                                  \
	} while (0)

#define U64(v, want)                                            \
	do {                                                    \
		struct escape_buf eb = { 0 };                   \
		escape_json_u64(&eb, v);                        \
		expect("u64 " #v, &eb, want, sizeof(want) - 1); \
		escape_free(&eb);                               \
	} while (0)

#define S64(v, want)                                            \
	do {                                                    \
		struct escape_buf eb = { 0 };                   \
		escape_json_s64(&eb, v);                        \
		expect("s64 " #v, &eb, want, sizeof(want) - 1); \
		escape_free(&eb);                               \
	} while (0)

int main(void)
{
	struct escape_buf b = { 0 };
	int i;

	CSV("plain", true, "plain");
	CSV("", true, "");
	CSV("a,b", false, "\"a,b\"");
	CSV("say \"hi\"", false, "\"say \"\"hi\"\"\"");
	CSV("\"", false, "\"\"\"\"");
	CSV("a\nb", false, "\"a\nb\"");
	CSV("a\rb", false, "\"a\rb\"");
	CSV("=cmd|' /C calc'!A0", true, "\"'=cmd|' /C calc'!A0\"");
	CSV("=cmd|' /C calc'!A0", false, "=cmd|' /C calc'!A0");
	CSV("+1", true, "\"'+1\"");
	CSV("-1", true, "\"'-1\"");
	CSV("-1", false, "-1");
	CSV("@SUM(1)", true, "\"'@SUM(1)\"");
	CSV("\tx", true, "\"'\tx\"");
	CSV("\rx", true, "\"'\rx\"");
	CSV("\rx", false, "\"\rx\"");
	CSV("=a,\"b\"", true, "\"'=a,\"\"b\"\"\"");
	CSV("x=1", true, "x=1");
	CSV("a\0b", false, "a\0b");

	JSON("plain", "\"plain\"", false);
	JSON("", "\"\"", false);
	JSON("q\"b\\", "\"q\\\"b\\\\\"", false);
	JSON("\n\r\t\x01\x1f\x7f", "\"\\n\\r\\t\\u0001\\u001f\\u007f\"", false);
	JSON("</script>&", "\"\\u003c/script\\u003e\\u0026\"", false);
	JSON("caf\xc3\xa9", "\"caf\xc3\xa9\"", false);
	JSON("\xe2\x82\xac\xf0\x9f\x98\x80", "\"\xe2\x82\xac\xf0\x9f\x98\x80\"",
	     false);
	JSON("\xe2\x80\xa8\xe2\x80\xa9", "\"\\u2028\\u2029\"", false);
	JSON("bad\xff\xfe", "\"bad\\ufffd\\ufffd\"", true);
	JSON("\xc0\xaf", "\"\\ufffd\\ufffd\"", true);		 /* overlong */
	JSON("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"", true); /* surrogate */
	JSON("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"", true);
	JSON("\xe2\x82", "\"\\ufffd\\ufffd\"", true); /* truncated */
	JSON("a\0b", "\"a\\u0000b\"", false);

	U64(0, "0");
	U64(UINT64_C(9007199254740992), "9007199254740992");
	U64(UINT64_C(9007199254740993), "\"9007199254740993\"");
	U64(UINT64_MAX, "\"18446744073709551615\"");
	S64(-1, "-1");
	S64(-INT64_C(9007199254740992), "-9007199254740992");
	S64(-INT64_C(9007199254740993), "\"-9007199254740993\"");
	S64(INT64_MIN, "\"-9223372036854775808\"");

	/* growth across many appends keeps every byte */
	for (i = 0; i < 10000; i++)
		escape_putc(&b, (char)('a' + i % 26));
	if (b.len == 10000 && b.p[9999] == 'a' + 9999 % 26 && !b.p[10000])
		passed++;
	else
		failed++, printf("FAIL growth\n");
	escape_reset(&b);
	escape_printf(&b, "%d-%s", 42, "x");
	expect("printf", &b, "42-x", 4);
	escape_free(&b);

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
