// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Golden values for plugins/lib/format.c: the console's numbers must read
 * exactly like the original Compendium's, and its escaping must never let
 * a tracee's bytes reach a terminal raw. Prints one line per failure and
 * "N passed, N failed"; exits 1 on any failure.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "lib/format.h"

static unsigned passed, failed;

static void check(const char *what, const char *got, size_t ret,
		  const char *want, size_t want_ret)
{
	if (!strcmp(got, want) && ret == want_ret) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s: got \"%s\" (%zu), want \"%s\" (%zu)\n", what, got, ret,
	       want, want_ret);
}

static void bytes(uint64_t v, const char *want)
{
	char buf[FORMAT_BYTES_MAX], what[64];
	size_t n = format_bytes(v, buf, sizeof(buf));

	snprintf(what, sizeof(what), "format_bytes(%llu)",
		 (unsigned long long)v);
	check(what, buf, n, want, strlen(want));
}

static void ns(uint64_t v, const char *want)
{
	char buf[FORMAT_NS_MAX], what[64];
	size_t n = format_ns(v, buf, sizeof(buf));

	snprintf(what, sizeof(what), "format_ns(%llu)", (unsigned long long)v);
	check(what, buf, n, want, strlen(want));
}

/* Escape len bytes into a buffer of size bytes; want is what fits. */
static void esc(const char *what, const char *src, size_t len, size_t size,
		const char *want, size_t want_ret)
{
	char buf[256];
	size_t n;

	memset(buf, 'Z', sizeof(buf));
	n = format_escape(src, len, size ? buf : NULL, size);
	if (!size) {
		check(what, "", n, "", want_ret);
		return;
	}
	check(what, buf, n, want, want_ret);
	if (buf[size] != 'Z') {
		failed++;
		printf("FAIL %s: wrote past %zu bytes\n", what, size);
	}
}

static void test_bytes(void)
{
	bytes(0, "     0 B");
	bytes(999, "   999 B");
	bytes(1023, "  1023 B");
	bytes(1024, "  1.0 KB");
	bytes(1536, "  1.5 KB");
	bytes(135168, "132.0 KB");
	/* 1023.999 KB: the next unit, not a 9-character "1024.0 KB" */
	bytes(1048575, "  1.0 MB");
	bytes(1048576, "  1.0 MB");
	bytes(10240000, "  9.8 MB");
	bytes(1073741823, "  1.0 GB");
	bytes(5ULL << 30, "  5.0 GB");
	/* GB is the largest unit: huge values only grow wider */
	bytes(UINT64_MAX, "17179869184.0 GB");
}

static void test_ns(void)
{
	ns(0, "0ns");
	ns(999, "999ns");
	ns(1000, "1us");
	ns(1999, "1us"); /* whole microseconds, cut like the original */
	ns(999999, "999us");
	ns(1000000, "1.0ms");
	ns(1250000, "1.2ms");  /* exact tie: printf rounds to even */
	ns(999960000, "1.0s"); /* not "1000.0ms" */
	ns(1500000000, "1.5s");
	ns(60000000000ULL, "60.0s");
}

static void test_escape(void)
{
	static const char c1[] = "\x80\x9b\x9f";
	static const char nul[] = { 'a', '\0', 'b' };
	char buf[64];
	size_t n;

	esc("plain", "abc", 3, 64, "abc", 3);
	esc("ESC", "\033[31mred", 8, 64, "\\x1b[31mred", 11);
	esc("newline", "a\nb", 3, 64, "a\\nb", 4);
	esc("tab and CR", "\t\r", 2, 64, "\\t\\r", 4);
	esc("DEL", "\x7f", 1, 64, "\\x7f", 4);
	esc("C1 controls", c1, 3, 64, "\\x80\\x9b\\x9f", 12);
	/* bytes >= 0x7f are escaped whether or not they form UTF-8 */
	esc("valid UTF-8", "caf\xc3\xa9", 5, 64, "caf\\xc3\\xa9", 11);
	esc("invalid UTF-8", "\xc3(\xff", 3, 64, "\\xc3(\\xff", 9);
	esc("embedded NUL", nul, 3, 64, "a\\x00b", 6);
	esc("backslash", "a\\nb", 4, 64, "a\\\\nb", 5);
	esc("quotes", "\"it's\"", 6, 64, "\"it's\"", 6);
	/* terminal safety only: HTML escaping is the HTML output's job */
	esc("script tag", "</script>", 9, 64, "</script>", 9);

	/* truncation: snprintf contract, whole escapes only */
	esc("size 0", "abc", 3, 0, "", 3);
	esc("size 1", "abc", 3, 1, "", 3);
	esc("cut plain", "abcdef", 6, 4, "abc", 6);
	esc("no half escape", "ab\033cd", 5, 5, "ab", 8);
	esc("escape just fits", "ab\033", 3, 7, "ab\\x1b", 6);
	esc("escape one short", "ab\033", 3, 6, "ab", 6);
	esc("no half \\n", "a\nb", 3, 3, "a", 4);

	/* already-escaped text keeps its backslashes, loses control bytes */
	n = format_sanitize("x\\n\033", 4, buf, sizeof(buf));
	check("sanitize", buf, n, "x\\n\\x1b", 7);

	{
		struct cpd_str s = { "long", 4, CPD_STR_TRUNCATED };

		n = format_escape_str(&s, buf, sizeof(buf));
		check("truncated str", buf, n, "long...", 7);
	}
}

static void test_misc(void)
{
	struct cpd_sockaddr sa;
	char buf[FORMAT_SOCKADDR_MAX];
	const char *b;
	size_t n;

	n = format_addr(0x7f00deadbeefULL, buf, sizeof(buf));
	check("format_addr", buf, n, "7f00deadbeef", 12);
	n = format_addr(0x1000, buf, sizeof(buf));
	check("format_addr pad", buf, n, "000000001000", 12);
	n = format_prot(PROT_READ | PROT_EXEC, buf, sizeof(buf));
	check("format_prot", buf, n, "r-x", 3);

	check("proto tcp4", format_proto(AF_INET, SOCK_STREAM | SOCK_NONBLOCK),
	      4, "tcp4", 4);
	check("proto udp6", format_proto(AF_INET6, SOCK_DGRAM), 4, "udp6", 4);
	check("proto unix", format_proto(AF_UNIX, SOCK_DGRAM), 4, "unix", 4);
	check("proto raw", format_proto(AF_INET, SOCK_RAW), 5, "other", 5);

	memset(&sa, 0, sizeof(sa));
	sa.family = AF_INET;
	sa.port = 443;
	memcpy(sa.addr, "\x5d\xb8\xd8\x22", 4);
	n = format_sockaddr(&sa, buf, sizeof(buf));
	check("sockaddr v4", buf, n, "93.184.216.34:443", 17);
	memset(&sa, 0, sizeof(sa));
	sa.family = AF_INET6;
	sa.port = 80;
	sa.addr[15] = 1;
	n = format_sockaddr(&sa, buf, sizeof(buf));
	check("sockaddr v6", buf, n, "[::1]:80", 8);
	memset(&sa, 0, sizeof(sa));
	sa.family = AF_UNIX;
	sa.flags = CPD_SA_ABSTRACT;
	sa.path.ptr = "a\nb";
	sa.path.len = 3;
	n = format_sockaddr(&sa, buf, sizeof(buf));
	check("sockaddr abstract", buf, n, "@a\\nb", 5);
	memset(&sa, 0, sizeof(sa));
	n = format_sockaddr(&sa, buf, sizeof(buf));
	check("sockaddr absent", buf, n, "?", 1);

	b = format_basename("/usr/lib/libc.so.6", 18, &n);
	check("basename", b, n, "libc.so.6", 9);
	b = format_basename("/tmp/dir/", 9, &n);
	snprintf(buf, sizeof(buf), "%.*s", (int)n, b);
	check("basename trailing /", buf, n, "dir", 3);
	b = format_basename("/", 1, &n);
	snprintf(buf, sizeof(buf), "%.*s", (int)n, b);
	check("basename /", buf, n, "/", 1);
	b = format_basename("plain", 5, &n);
	check("basename plain", b, n, "plain", 5);
}

int main(void)
{
	test_bytes();
	test_ns();
	test_escape();
	test_misc();
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
