// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "escape.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool escape_grow(struct escape_buf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->oom)
		return false;
	if (b->len + more + 1 <= b->cap)
		return true;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void escape_reset(struct escape_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void escape_free(struct escape_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

void escape_put_grow(struct escape_buf *b, const void *s, size_t n)
{
	if (!n || !escape_grow(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void escape_puts(struct escape_buf *b, const char *s)
{
	escape_put(b, s, strlen(s));
}

void escape_printf(struct escape_buf *b, const char *fmt, ...)
{
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_list ap;
	int n;

	/* into the room there is; a second pass only when it did not fit */
	va_start(ap, fmt);
	n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	if (!escape_grow(b, (size_t)n)) {
		if (room)
			b->p[b->len] = '\0';
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void escape_u64(struct escape_buf *b, uint64_t v)
{
	char d[20];
	size_t i = sizeof(d);

	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	escape_put(b, d + i, sizeof(d) - i);
}

void escape_s64(struct escape_buf *b, int64_t v)
{
	if (v < 0) {
		escape_putc(b, '-');
		escape_u64(b, -(uint64_t)v);
	} else {
		escape_u64(b, (uint64_t)v);
	}
}

bool escape_csv_formula(const char *s, size_t n)
{
	if (!n)
		return false;
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	       s[0] == '\t' || s[0] == '\r';
}

/* The bytes that make a CSV cell need quotes. */
static const bool escape_csv_special
	[256] = { [','] = true, ['"'] = true, ['\r'] = true, ['\n'] = true };

void escape_csv_cell(struct escape_buf *b, const char *s, size_t n,
		     bool neutralize)
{
	bool guard = neutralize && escape_csv_formula(s, n);
	bool quote = guard;
	size_t i, start;

	for (i = 0; i < n && !quote; i++)
		quote = escape_csv_special[(unsigned char)s[i]];
	if (!quote) {
		escape_put(b, s, n);
		return;
	}
	escape_putc(b, '"');
	if (guard)
		escape_putc(b, '\'');
	for (i = start = 0; i < n; i++) {
		if (s[i] != '"')
			continue;
		/* copy up to and including the quote, then double it */
		escape_put(b, s + start, i + 1 - start);
		escape_putc(b, '"');
		start = i + 1;
	}
	escape_put(b, s + start, n - start);
	escape_putc(b, '"');
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

/* The bytes escape_json_str() copies as they are, outside UTF-8 runs. */
static const bool
	escape_json_plain[256] = {
		[' ' ... '!'] = true,  ['#' ... '%'] = true,
		['\'' ... ';'] = true, ['='] = true,
		['?' ... '['] = true,  [']' ... '~'] = true,
	};

bool escape_json_str(struct escape_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	bool lossy = false;
	size_t i = 0, len;

	escape_putc(b, '"');
	while (i < n) {
		unsigned char c = u[i];
		size_t run = i;

		/* a run of printable ASCII that needs nothing: in one go */
		while (run < n && escape_json_plain[u[run]])
			run++;
		if (run > i) {
			escape_put(b, u + i, run - i);
			i = run;
			continue;
		}
		len = utf8_seq(u + i, n - i);
		if (!len) {
			escape_puts(b, "\\ufffd");
			lossy = true;
			i++;
			continue;
		}
		if (len > 1) {
			/* U+2028 and U+2029 end a line in JavaScript */
			if (len == 3 && c == 0xe2 && u[i + 1] == 0x80 &&
			    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9))
				escape_printf(b, "\\u%04x",
					      0x2000 | (u[i + 2] - 0x80));
			else
				escape_put(b, u + i, len);
			i += len;
			continue;
		}
		switch (c) {
		case '"':
			escape_puts(b, "\\\"");
			break;
		case '\\':
			escape_puts(b, "\\\\");
			break;
		case '\n':
			escape_puts(b, "\\n");
			break;
		case '\r':
			escape_puts(b, "\\r");
			break;
		case '\t':
			escape_puts(b, "\\t");
			break;
		case '<':
		case '>':
		case '&':
			escape_printf(b, "\\u%04x", c);
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				escape_printf(b, "\\u%04x", c);
			else
				escape_putc(b, (char)c);
		}
		i++;
	}
	escape_putc(b, '"');
	return lossy;
}

void escape_json_u64(struct escape_buf *b, uint64_t v)
{
	bool str = v > ESCAPE_JSON_SAFE_MAX;

	if (str)
		escape_putc(b, '"');
	escape_u64(b, v);
	if (str)
		escape_putc(b, '"');
}

void escape_json_s64(struct escape_buf *b, int64_t v)
{
	bool str = v > (int64_t)ESCAPE_JSON_SAFE_MAX ||
		   v < -(int64_t)ESCAPE_JSON_SAFE_MAX;

	if (str)
		escape_putc(b, '"');
	escape_s64(b, v);
	if (str)
		escape_putc(b, '"');
}

void escape_json_double(struct escape_buf *b, double v)
{
	if (isnan(v) || isinf(v))
		escape_puts(b, "null");
	else
		escape_printf(b, "%.17g", v);
}
