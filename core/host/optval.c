// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "optval.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xmalloc.h"

bool optval_valid_name(const char *s, size_t max)
{
	size_t n = 0;

	if (!s || !*s)
		return false;
	for (; *s; s++, n++) {
		if (n >= max)
			return false;
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	}
	return true;
}

int optval_parse_bool(const char *text, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcasecmp(text, yes[i])) {
			*out = true;
			return 0;
		}
		if (!strcasecmp(text, no[i])) {
			*out = false;
			return 0;
		}
	}
	return -EINVAL;
}

/* Parse an unsigned decimal number with an optional suffix from units. */
struct unit {
	const char *suffix;
	uint64_t mult;
};

static int optval_parse_scaled(const char *text, const struct unit *units,
			       size_t nunits, uint64_t *out)
{
	char *end;
	unsigned long long v;
	size_t i;

	if (!isdigit((unsigned char)*text))
		return -EINVAL;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno)
		return -ERANGE;
	while (*end == ' ')
		end++;
	for (i = 0; i < nunits; i++) {
		if (!strcasecmp(end, units[i].suffix)) {
			if (units[i].mult && v > UINT64_MAX / units[i].mult)
				return -ERANGE;
			*out = v * units[i].mult;
			return 0;
		}
	}
	return -EINVAL;
}

int optval_parse_size(const char *text, uint64_t *out)
{
	static const struct unit units[] = {
		{ "", 1 },
		{ "b", 1 },
		{ "k", 1ULL << 10 },
		{ "kb", 1ULL << 10 },
		{ "kib", 1ULL << 10 },
		{ "m", 1ULL << 20 },
		{ "mb", 1ULL << 20 },
		{ "mib", 1ULL << 20 },
		{ "g", 1ULL << 30 },
		{ "gb", 1ULL << 30 },
		{ "gib", 1ULL << 30 },
	};

	return optval_parse_scaled(text, units, ARRAY_SIZE(units), out);
}

int optval_parse_duration(const char *text, uint64_t *out)
{
	static const struct unit units[] = {
		{ "ns", 1 },
		{ "us", 1000ULL },
		{ "ms", 1000000ULL },
		{ "s", 1000000000ULL },
		{ "m", 60000000000ULL },
		{ "min", 60000000000ULL },
	};

	return optval_parse_scaled(text, units, ARRAY_SIZE(units), out);
}

char **optval_split_list(const char *text, size_t *count)
{
	char **list = NULL;
	size_t n = 0, cap = 0;
	const char *p = text;

	while (*p) {
		const char *start, *end;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != ',')
			p++;
		end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		list = xgrow(list, &cap, n + 1, sizeof(*list));
		list[n++] = xstrndup(start, (size_t)(end - start));
	}
	list = xgrow(list, &cap, n, sizeof(*list));
	list[n] = NULL;
	if (count)
		*count = n;
	return list;
}

void optval_free_list(char **list)
{
	char **p;

	if (!list)
		return;
	for (p = list; *p; p++)
		free(*p);
	free(list);
}

const char *optval_type_name(uint32_t type)
{
	switch (type) {
	case CPD_OPT_BOOL:
		return "bool";
	case CPD_OPT_INT:
		return "int";
	case CPD_OPT_UINT:
		return "uint";
	case CPD_OPT_SIZE:
		return "size";
	case CPD_OPT_DURATION:
		return "duration";
	case CPD_OPT_STRING:
		return "string";
	case CPD_OPT_PATH:
		return "path";
	case CPD_OPT_ENUM:
		return "enum";
	case CPD_OPT_LIST:
		return "list";
	default:
		return NULL;
	}
}

static int optval_check_bounds(const struct cpd_option *opt, int64_t sv,
			       uint64_t uv, bool is_signed, char *why,
			       size_t whylen)
{
	bool below, above;

	if (opt->min >= opt->max)
		return 0;
	if (is_signed) {
		below = sv < opt->min;
		above = sv > opt->max;
	} else {
		below = opt->min > 0 && uv < (uint64_t)opt->min;
		above = opt->max < 0 || uv > (uint64_t)opt->max;
	}
	if (below || above) {
		snprintf(why, whylen,
			 "must be between %" PRId64 " and %" PRId64, opt->min,
			 opt->max);
		return -ERANGE;
	}
	return 0;
}

/* Decimal, or hex with 0x: a leading zero must not quietly mean octal. */
static int optval_base(const char *text)
{
	if (*text == '-' || *text == '+')
		text++;
	return (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) ? 16 : 10;
}

/* "expected one of a, b, c" from a NULL-terminated list. */
static void optval_expected(const char *const *choices, char *why,
			    size_t whylen)
{
	size_t off = 0, i;

	off += (size_t)snprintf(why, whylen, "expected one of");
	for (i = 0; choices && choices[i] && off < whylen; i++)
		off += (size_t)snprintf(why + off, whylen - off, "%s %s",
					i ? "," : "", choices[i]);
}

/* A list whose items must each be one of opt->choices. */
static int optval_check_items(const struct cpd_option *opt, const char *text,
			      char *why, size_t whylen)
{
	char **items = optval_split_list(text, NULL), **it;
	size_t i;
	int rc = 0;

	for (it = items; *it && !rc; it++) {
		for (i = 0; opt->choices[i] && strcmp(*it, opt->choices[i]);
		     i++)
			;
		if (!opt->choices[i]) {
			size_t off =
				(size_t)snprintf(why, whylen, "'%s': ", *it);

			optval_expected(opt->choices, why + MIN(off, whylen),
					whylen - MIN(off, whylen));
			rc = -EINVAL;
		}
	}
	optval_free_list(items);
	return rc;
}

int optval_parse(const struct cpd_option *opt, const char *text,
		 struct optval *out, char *why, size_t whylen)
{
	char *end;
	size_t i;
	int err;

	memset(out, 0, sizeof(*out));
	out->type = opt->type;
	switch (opt->type) {
	case CPD_OPT_BOOL:
		if (optval_parse_bool(text, &out->v.b) < 0) {
			snprintf(why, whylen, "expected yes or no");
			return -EINVAL;
		}
		return 0;
	case CPD_OPT_INT:
		errno = 0;
		out->v.i = strtoll(text, &end, optval_base(text));
		if (!*text || *end || errno) {
			snprintf(why, whylen, "expected an integer");
			return -EINVAL;
		}
		return optval_check_bounds(opt, out->v.i, 0, true, why, whylen);
	case CPD_OPT_UINT:
		errno = 0;
		out->v.u = strtoull(text, &end, optval_base(text));
		if (!isdigit((unsigned char)*text) || *end || errno) {
			snprintf(why, whylen,
				 "expected a non-negative integer");
			return -EINVAL;
		}
		return optval_check_bounds(opt, 0, out->v.u, false, why,
					   whylen);
	case CPD_OPT_SIZE:
		err = optval_parse_size(text, &out->v.u);
		if (err) {
			snprintf(
				why, whylen,
				"expected a size such as 4096, 64k, 16M or 1G");
			return err;
		}
		return optval_check_bounds(opt, 0, out->v.u, false, why,
					   whylen);
	case CPD_OPT_DURATION:
		err = optval_parse_duration(text, &out->v.u);
		if (err) {
			snprintf(
				why, whylen,
				"expected a duration such as 500us, 5ms or 2s");
			return err;
		}
		return optval_check_bounds(opt, 0, out->v.u, false, why,
					   whylen);
	case CPD_OPT_STRING:
		return 0;
	case CPD_OPT_LIST:
		return opt->choices ?
			       optval_check_items(opt, text, why, whylen) :
			       0;
	case CPD_OPT_PATH:
		if (!*text) {
			snprintf(why, whylen, "expected a path");
			return -EINVAL;
		}
		return 0;
	case CPD_OPT_ENUM:
		for (i = 0; opt->choices && opt->choices[i]; i++) {
			if (!strcmp(text, opt->choices[i])) {
				out->v.e = (int32_t)i;
				return 0;
			}
		}
		optval_expected(opt->choices, why, whylen);
		return -EINVAL;
	default:
		snprintf(why, whylen, "option has unknown type %u", opt->type);
		return -EINVAL;
	}
}

int optval_check_table(const struct cpd_option *opts, char *why, size_t whylen)
{
	const struct cpd_option *o, *p;
	struct optval v;
	char reason[128];

	for (o = opts; o && o->name; o++) {
		if (!optval_valid_name(o->name, 40)) {
			snprintf(why, whylen,
				 "option name '%s' is not [a-z0-9_]+", o->name);
			return -EINVAL;
		}
		if (!optval_type_name(o->type)) {
			snprintf(why, whylen, "option '%s' has unknown type %u",
				 o->name, o->type);
			return -EINVAL;
		}
		if (o->type == CPD_OPT_ENUM &&
		    (!o->choices || !o->choices[0])) {
			snprintf(why, whylen, "enum option '%s' has no choices",
				 o->name);
			return -EINVAL;
		}
		for (p = opts; p != o; p++) {
			if (!strcmp(p->name, o->name)) {
				snprintf(why, whylen,
					 "option '%s' declared twice", o->name);
				return -EINVAL;
			}
		}
		if (o->def &&
		    optval_parse(o, o->def, &v, reason, sizeof(reason)) < 0) {
			snprintf(why, whylen,
				 "default '%s' of option '%s' is invalid: %s",
				 o->def, o->name, reason);
			return -EINVAL;
		}
	}
	return 0;
}
