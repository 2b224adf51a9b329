// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Recursive descent over the RFC 8259 grammar. Recursion is bounded by
 * the nesting limit, every read is checked against the end of the input,
 * and every allocation is at most the input's size, so hostile input
 * costs time and memory in proportion to its length and nothing more.
 */
#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits beyond which a number is refused rather than converted. */
#define JSON_MAX_NUMBER 400

struct json_parser {
	const char *start, *p, *end;
	struct arena *arena;
	unsigned depth, max_depth;
	struct json_error *err;
};

static int json_fail(struct json_parser *jp, const char *at, const char *fmt,
		     ...) ATTR_PRINTF(3, 4);

static int json_fail(struct json_parser *jp, const char *at, const char *fmt,
		     ...)
{
	va_list ap;

	jp->err->offset = (size_t)(at - jp->start);
	va_start(ap, fmt);
	vsnprintf(jp->err->msg, sizeof(jp->err->msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static void json_skip_ws(struct json_parser *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' ||
				   *jp->p == '\n' || *jp->p == '\r'))
		jp->p++;
}

static int json_literal(struct json_parser *jp, const char *word,
			enum json_type type, struct json_value *out)
{
	size_t n = strlen(word);

	if ((size_t)(jp->end - jp->p) < n || memcmp(jp->p, word, n))
		return json_fail(jp, jp->p, "unexpected character");
	jp->p += n;
	out->type = type;
	return 0;
}

/* ---- numbers -------------------------------------------------------- */

static bool json_digit(const struct json_parser *jp, const char *q)
{
	return q < jp->end && *q >= '0' && *q <= '9';
}

/* An integer's exact value, when it has one that fits. */
static void json_integer_value(const char *s, size_t len,
			       struct json_value *out)
{
	bool neg = s[0] == '-';
	uint64_t u = 0;
	size_t i;

	for (i = neg; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (u > (UINT64_MAX - d) / 10)
			return;
		u = u * 10 + d;
	}
	if (!neg) {
		out->u.num.u = u;
		out->u.num.fits_u64 = true;
		out->u.num.d = (double)u;
		if (u <= (uint64_t)INT64_MAX) {
			out->u.num.i = (int64_t)u;
			out->u.num.fits_s64 = true;
		}
	} else if (u <= (uint64_t)INT64_MAX + 1) {
		out->u.num.i =
			u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
		out->u.num.fits_s64 = true;
		out->u.num.d = -(double)u;
		if (!u) {
			out->u.num.u = 0;
			out->u.num.fits_u64 = true;
		}
	}
}

static void json_number_value(const char *s, size_t len, bool is_int,
			      struct json_value *out)
{
	char buf[JSON_MAX_NUMBER + 1];

	out->u.num.is_int = is_int;
	if (is_int) {
		json_integer_value(s, len, out);
		/* every integer jsonl writes is exact: no strtod for them */
		if (out->u.num.fits_s64 || out->u.num.fits_u64)
			return;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* the C locale is in force: '.' is the decimal point */
	out->u.num.d = strtod(buf, NULL);
}

static int json_number(struct json_parser *jp, struct json_value *out)
{
	const char *s = jp->p, *q = jp->p;
	bool is_int = true;

	if (*q == '-')
		q++;
	if (!json_digit(jp, q))
		return json_fail(jp, q, "expected a digit");
	if (*q == '0') {
		q++;
		if (json_digit(jp, q))
			return json_fail(jp, q, "leading zero in a number");
	} else {
		while (json_digit(jp, q))
			q++;
	}
	if (q < jp->end && *q == '.') {
		is_int = false;
		q++;
		if (!json_digit(jp, q))
			return json_fail(jp, q, "expected a digit after '.'");
		while (json_digit(jp, q))
			q++;
	}
	if (q < jp->end && (*q == 'e' || *q == 'E')) {
		is_int = false;
		q++;
		if (q < jp->end && (*q == '+' || *q == '-'))
			q++;
		if (!json_digit(jp, q))
			return json_fail(jp, q, "expected a digit in exponent");
		while (json_digit(jp, q))
			q++;
	}
	if ((size_t)(q - s) > JSON_MAX_NUMBER)
		return json_fail(jp, s, "number longer than %d characters",
				 JSON_MAX_NUMBER);
	memset(out, 0, sizeof(*out));
	out->type = JSON_NUMBER;
	json_number_value(s, (size_t)(q - s), is_int, out);
	jp->p = q;
	return 0;
}

/* ---- strings -------------------------------------------------------- */

size_t json_utf8_len(const char *s, size_t left)
{
	const unsigned char *q = (const unsigned char *)s;
	unsigned char c = q[0], lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (left < n)
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (q[1] < lo || q[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (q[i] < 0x80 || q[i] > 0xbf)
			return 0;
	return n;
}

static size_t json_put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Four hex digits at q (q + 4 <= end checked by the caller). */
static int json_hex4(const char *q, uint32_t *out)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = q[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* \uXXXX at *qp (its backslash), a surrogate pair as one code point. */
static int json_unicode_escape(struct json_parser *jp, const char **qp,
			       uint32_t *cp)
{
	const char *q = *qp;
	uint32_t lo;

	if (jp->end - q < 6 || json_hex4(q + 2, cp) < 0)
		return json_fail(jp, q, "bad \\u escape");
	if (*cp >= 0xdc00 && *cp <= 0xdfff)
		return json_fail(jp, q, "lone low surrogate in \\u escape");
	if (*cp >= 0xd800 && *cp <= 0xdbff) {
		if (jp->end - q < 12 || q[6] != '\\' || q[7] != 'u' ||
		    json_hex4(q + 8, &lo) < 0 || lo < 0xdc00 || lo > 0xdfff)
			return json_fail(jp, q,
					 "lone high surrogate in \\u escape");
		*cp = 0x10000 + ((*cp - 0xd800) << 10) + (lo - 0xdc00);
		q += 6;
	}
	*qp = q + 6;
	return 0;
}

/*
 * The string at jp->p (its opening quote), decoded into the arena. The
 * decoded text is never longer than the quoted one.
 */
static int json_string(struct json_parser *jp, const char **s, size_t *len)
{
	const char *q = jp->p + 1, *close = q;
	char *o, *buf;

	while (close < jp->end && *close != '"')
		close += *close == '\\' ? 2 : 1;
	if (close >= jp->end)
		return json_fail(jp, jp->p, "unterminated string");
	buf = o = arena_alloc(jp->arena, (size_t)(close - q) + 1);
	while (q < close) {
		const char *run = q;
		unsigned char c;
		uint32_t cp;
		size_t n;

		/* printable ASCII, most of any trace, a run at a time */
		while (q < close && (unsigned char)*q >= 0x20 &&
		       (unsigned char)*q < 0x80 && *q != '\\')
			q++;
		if (q > run) {
			memcpy(o, run, (size_t)(q - run));
			o += q - run;
			continue;
		}
		c = (unsigned char)*q;
		if (c < 0x20)
			return json_fail(jp, q,
					 "control character 0x%02x in a string",
					 c);
		if (c != '\\') {
			n = json_utf8_len(q, (size_t)(close - q));
			if (!n)
				return json_fail(jp, q,
						 "invalid UTF-8 in a string");
			memcpy(o, q, n);
			o += n;
			q += n;
			continue;
		}
		switch (q[1]) {
		case '"':
		case '\\':
		case '/':
			*o++ = q[1];
			break;
		case 'b':
			*o++ = '\b';
			break;
		case 'f':
			*o++ = '\f';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'u':
			if (json_unicode_escape(jp, &q, &cp) < 0)
				return -EINVAL;
			o += json_put_utf8(o, cp);
			continue;
		default:
			return json_fail(jp, q, "bad escape in a string");
		}
		q += 2;
	}
	*o = '\0';
	*s = buf;
	*len = (size_t)(o - buf);
	jp->p = close + 1;
	return 0;
}

/* ---- values --------------------------------------------------------- */

static int json_value(struct json_parser *jp, struct json_value *out);

static struct json_value *json_new(struct json_parser *jp)
{
	struct json_value *v = arena_alloc(jp->arena, sizeof(*v));

	memset(v, 0, sizeof(*v));
	return v;
}

/* A member's name and its colon, in an object. */
static int json_member_name(struct json_parser *jp, struct json_value *member)
{
	if (jp->p >= jp->end || *jp->p != '"')
		return json_fail(jp, jp->p,
				 jp->p >= jp->end ? "unexpected end of input" :
						    "expected a member name");
	if (json_string(jp, &member->key, &member->keylen) < 0)
		return -EINVAL;
	json_skip_ws(jp);
	if (jp->p >= jp->end || *jp->p != ':')
		return json_fail(jp, jp->p, "expected ':' after a member name");
	jp->p++;
	json_skip_ws(jp);
	return 0;
}

/* An array or an object, from its opening bracket to its closing one. */
static int json_list(struct json_parser *jp, struct json_value *out,
		     enum json_type type)
{
	bool object = type == JSON_OBJECT;
	char close = object ? '}' : ']';
	struct json_value **tail = &out->u.list.first;

	if (jp->depth >= jp->max_depth)
		return json_fail(jp, jp->p, "nested deeper than %u levels",
				 jp->max_depth);
	jp->depth++;
	jp->p++;
	memset(out, 0, sizeof(*out));
	out->type = type;
	json_skip_ws(jp);
	if (jp->p < jp->end && *jp->p == close)
		goto out_close;
	for (;;) {
		struct json_value *item = json_new(jp);
		const char *key = NULL;
		size_t keylen = 0;

		if (object) {
			if (json_member_name(jp, item) < 0)
				return -EINVAL;
			key = item->key;
			keylen = item->keylen;
		}
		if (json_value(jp, item) < 0)
			return -EINVAL;
		item->key = key;
		item->keylen = keylen;
		*tail = item;
		tail = &item->next;
		out->u.list.n++;
		json_skip_ws(jp);
		if (jp->p >= jp->end)
			return json_fail(jp, jp->p, "unexpected end of input");
		if (*jp->p == close)
			break;
		if (*jp->p != ',')
			return json_fail(jp, jp->p,
					 "expected ',' or '%c' in %s", close,
					 object ? "an object" : "an array");
		jp->p++;
		json_skip_ws(jp);
	}
out_close:
	jp->p++;
	jp->depth--;
	return 0;
}

static int json_value(struct json_parser *jp, struct json_value *out)
{
	if (jp->p >= jp->end)
		return json_fail(jp, jp->p, "unexpected end of input");
	switch (*jp->p) {
	case '{':
		return json_list(jp, out, JSON_OBJECT);
	case '[':
		return json_list(jp, out, JSON_ARRAY);
	case '"':
		memset(out, 0, sizeof(*out));
		out->type = JSON_STRING;
		return json_string(jp, &out->u.str.s, &out->u.str.len);
	case 't':
		return json_literal(jp, "true", JSON_TRUE, out);
	case 'f':
		return json_literal(jp, "false", JSON_FALSE, out);
	case 'n':
		return json_literal(jp, "null", JSON_NULL, out);
	default:
		if (*jp->p == '-' || (*jp->p >= '0' && *jp->p <= '9'))
			return json_number(jp, out);
		return json_fail(jp, jp->p, "unexpected character");
	}
}

int json_parse(const char *text, size_t len, unsigned max_depth,
	       struct arena *a, struct json_value *out, struct json_error *err)
{
	struct json_parser jp = {
		.start = text,
		.p = text,
		.end = text + len,
		.arena = a,
		.max_depth = max_depth ? max_depth : JSON_MAX_DEPTH,
		.err = err,
	};

	memset(err, 0, sizeof(*err));
	json_skip_ws(&jp);
	if (json_value(&jp, out) < 0)
		return -EINVAL;
	out->next = NULL;
	out->key = NULL;
	json_skip_ws(&jp);
	if (jp.p != jp.end)
		return json_fail(&jp, jp.p, "unexpected data after the value");
	return 0;
}

/* ---- reading the tree ----------------------------------------------- */

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	size_t n = strlen(key);
	const struct json_value *m;

	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (m = obj->u.list.first; m; m = m->next)
		if (m->keylen == n && !memcmp(m->key, key, n))
			return m;
	return NULL;
}

const char *json_get_str(const struct json_value *obj, const char *key,
			 size_t *len)
{
	const struct json_value *v = json_get(obj, key);

	if (!v || v->type != JSON_STRING)
		return NULL;
	if (len)
		*len = v->u.str.len;
	return v->u.str.s;
}

bool json_to_u64(const struct json_value *v, uint64_t *out)
{
	uint64_t u = 0;
	size_t i;

	if (!v)
		return false;
	if (v->type == JSON_NUMBER) {
		if (!v->u.num.is_int || !v->u.num.fits_u64)
			return false;
		*out = v->u.num.u;
		return true;
	}
	if (v->type != JSON_STRING || !v->u.str.len || v->u.str.len > 20)
		return false;
	for (i = 0; i < v->u.str.len; i++) {
		unsigned d = (unsigned)(v->u.str.s[i] - '0');

		if (d > 9 || u > (UINT64_MAX - d) / 10)
			return false;
		u = u * 10 + d;
	}
	*out = u;
	return true;
}

bool json_to_s64(const struct json_value *v, int64_t *out)
{
	if (!v || v->type != JSON_NUMBER || !v->u.num.is_int ||
	    !v->u.num.fits_s64)
		return false;
	*out = v->u.num.i;
	return true;
}

bool json_get_u64(const struct json_value *obj, const char *key, uint64_t *out)
{
	return json_to_u64(json_get(obj, key), out);
}

bool json_get_s64(const struct json_value *obj, const char *key, int64_t *out)
{
	return json_to_s64(json_get(obj, key), out);
}
