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
struct esc_buf {
	char *p;
	size_t len;
	size_t cap;
	bool oom;
};

void esc_reset(struct esc_buf *b);
void esc_free(struct esc_buf *b);
void esc_put(struct esc_buf *b, const void *s, size_t n);
void esc_puts(struct esc_buf *b, const char *s);
void esc_putc(struct esc_buf *b, char c);
void esc_printf(struct esc_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Whether a spreadsheet would run a cell with this text as a formula:
 * it starts with '=', '+', '-', '@', a tab or a CR.
 */
bool esc_csv_formula(const char *s, size_t n);

/*
 * Append one CSV cell (RFC 4180): quoted when it holds a comma, a double
 * quote, CR or LF (or, when neutralised, always), quotes doubled. With
 * neutralize, a cell esc_csv_formula() matches gets a leading single
 * quote "'". Use it for text cells only: numbers are never neutralised.
 */
void esc_csv_cell(struct esc_buf *b, const char *s, size_t n, bool neutralize);

/*
 * Append s as a JSON string, quotes included. Valid UTF-8 is copied as
 * is; '"' and '\\' are escaped; control characters (< 0x20, 0x7f) and
 * '<', '>', '&', U+2028 and U+2029 become \uXXXX (so the text can sit in
 * HTML or JavaScript); every byte that is not part of a valid UTF-8
 * sequence becomes U+FFFD. Returns true when such a replacement happened.
 */
bool esc_json_str(struct esc_buf *b, const char *s, size_t n);

/*
 * Integers as JSON: a number when it is exactly representable as an IEEE
 * double integer (|v| <= 2^53), else a string of decimal digits.
 */
void esc_json_u64(struct esc_buf *b, uint64_t v);
void esc_json_s64(struct esc_buf *b, int64_t v);
/* A double as a JSON number; NaN and infinities as null. */
void esc_json_double(struct esc_buf *b, double v);

#define ESC_JSON_SAFE_MAX (UINT64_C(1) << 53)

#endif /* CPD_PLUGINS_UTIL_ESCAPE_H */
