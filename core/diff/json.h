/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A strict JSON reader (RFC 8259) for one document in memory, such as a
 * line of a jsonl trace. Nothing the input says is trusted: nesting and
 * the input's size are bounded, strings must be valid UTF-8 (escapes
 * included: a lone surrogate is an error), numbers follow the grammar
 * exactly, and anything after the value but whitespace is an error. The
 * tree lives in an arena the caller resets between documents.
 */
#ifndef CPD_DIFF_JSON_H
#define CPD_DIFF_JSON_H

#include "base/arena.h"
#include "base/cpd.h"

enum json_type {
	JSON_NULL = 1,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

/*
 * A value. Members of an object and items of an array are a list through
 * next, in input order; an object member has its name in key. Strings
 * are decoded (escapes resolved) and NUL-terminated, and may hold NULs:
 * use len.
 */
struct json_value {
	enum json_type type;
	struct json_value *next;
	const char *key; /* object members only */
	size_t keylen;
	union {
		struct {
			const char *s;
			size_t len;
		} str;
		struct {
			double d;
			int64_t i;     /* when is_int and it fits */
			uint64_t u;    /* when is_int, >= 0 and it fits */
			bool is_int;   /* no fraction, no exponent */
			bool fits_s64; /* i holds the exact value */
			bool fits_u64; /* u holds the exact value */
		} num;
		struct {
			struct json_value *first;
			size_t n;
		} list; /* arrays and objects */
	} u;
};

/* Defaults of json_parse's bounds. */
#define JSON_MAX_DEPTH 32

struct json_error {
	size_t offset; /* of the byte where the input went wrong */
	char msg[96];  /* "unexpected end of input", lower-case */
};

/*
 * Parse len bytes of text (no NUL needed) into *out, allocating in a.
 * Arrays and objects nest at most max_depth deep (0: JSON_MAX_DEPTH).
 * Returns 0, or -EINVAL with err filled in; *out is then undefined, and
 * what was allocated stays in the arena until its reset.
 */
int json_parse(const char *text, size_t len, unsigned max_depth,
	       struct arena *a, struct json_value *out, struct json_error *err);

/*
 * Bytes of the well-formed UTF-8 sequence at s (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. left > 0.
 */
size_t json_utf8_len(const char *s, size_t left);

/* The first member of obj named key, or NULL (also when obj is no object). */
const struct json_value *json_get(const struct json_value *obj,
				  const char *key);
/* The string member key of obj, or NULL when absent or not a string. */
const char *json_get_str(const struct json_value *obj, const char *key,
			 size_t *len);
/*
 * An unsigned integer: a number without fraction, or a string of decimal
 * digits (how jsonl writes integers above 2^53). false otherwise.
 */
bool json_to_u64(const struct json_value *v, uint64_t *out);
/* A signed integer number that fits int64_t. */
bool json_to_s64(const struct json_value *v, int64_t *out);
/* The integer member key of obj (json_to_u64 / json_to_s64 rules). */
bool json_get_u64(const struct json_value *obj, const char *key, uint64_t *out);
bool json_get_s64(const struct json_value *obj, const char *key, int64_t *out);

#endif /* CPD_DIFF_JSON_H */
