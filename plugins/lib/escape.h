/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Escaping for machine-readable outputs (csv, jsonl): a growable byte
 * buffer and appenders that quote a cell for RFC 4180 CSV or a string for
 * JSON. Tracee strings are untrusted bytes: every appender takes a
 * pointer and a length and copes with any byte, NUL included.
 */
#ifndef CPD_PLUGINS_UTIL_ESCAPE_H
#define CPD_PLUGINS_UTIL_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable buffer; zero-initialise it. oom is set once growth failed. */
struct escape_buf {
	char *p;
	size_t len;
	size_t cap;
	bool oom;
};

void escape_reset(struct escape_buf *b);
void escape_free(struct escape_buf *b);
/* escape_put() when the buffer must grow first */
void escape_put_grow(struct escape_buf *b, const void *s, size_t n);
void escape_puts(struct escape_buf *b, const char *s);
void escape_printf(struct escape_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Decimal integers, as printf's %llu and %lld write them. */
void escape_u64(struct escape_buf *b, uint64_t v);
void escape_s64(struct escape_buf *b, int64_t v);

/*
 * n bytes, and one byte: in place while there is room. Every field of
 * every event goes through these, a few bytes at a time.
 */
static inline void escape_put(struct escape_buf *b, const void *s, size_t n)
{
	if (n && b->len + n < b->cap) {
		__builtin_memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
		return;
	}
	escape_put_grow(b, s, n);
}

static inline void escape_putc(struct escape_buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->p[b->len++] = c;
		b->p[b->len] = '\0';
		return;
	}
	escape_put_grow(b, &c, 1);
}

/*
 * Whether a spreadsheet would run a cell with this text as a formula:
 * it starts with '=', '+', '-', '@', a tab or a CR.
 */
bool escape_csv_formula(const char *s, size_t n);

/*
 * Append one CSV cell (RFC 4180): quoted when it holds a comma, a double
 * quote, CR or LF (or, when neutralised, always), quotes doubled. With
 * neutralize, a cell escape_csv_formula() matches gets a leading single
 * quote "'". Use it for text cells only: numbers are never neutralised.
 */
void escape_csv_cell(struct escape_buf *b, const char *s, size_t n,
		     bool neutralize);

/*
 * Append s as a JSON string, quotes included. Valid UTF-8 is copied as
 * is; '"' and '\\' are escaped; control characters (< 0x20, 0x7f) and
 * '<', '>', '&', U+2028 and U+2029 become \uXXXX (so the text can sit in
 * HTML or JavaScript); every byte that is not part of a valid UTF-8
 * sequence becomes U+FFFD. Returns true when such a replacement happened.
 */
bool escape_json_str(struct escape_buf *b, const char *s, size_t n);

/*
 * Integers as JSON: a number when it is exactly representable as an IEEE
 * double integer (|v| <= 2^53), else a string of decimal digits.
 */
void escape_json_u64(struct escape_buf *b, uint64_t v);
void escape_json_s64(struct escape_buf *b, int64_t v);
/* A double as a JSON number; NaN and infinities as null. */
void escape_json_double(struct escape_buf *b, double v);

#define ESCAPE_JSON_SAFE_MAX (UINT64_C(1) << 53)

#endif /* CPD_PLUGINS_UTIL_ESCAPE_H */
