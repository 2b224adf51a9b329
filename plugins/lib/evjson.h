/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Event fields as JSON, through the host's field tables (see evfield.h),
 * so every output that writes JSON (jsonl, html, perfetto) shows the same
 * values for any kind, a custom one included.
 */
#ifndef CPD_PLUGINS_UTIL_EVJSON_H
#define CPD_PLUGINS_UTIL_EVJSON_H

#include <stdbool.h>

#include <compendium/compendium.h>

#include "escape.h"
#include "evfield.h"

/* A counted tracee string as a JSON string, or null when absent. */
bool evjson_cstr(struct escape_buf *b, const struct cpd_str *s);

/* evjson_value() flags */
/*
 * Flat values, as a trace viewer lists arguments: a list as one string,
 * its elements joined by spaces; a socket address as its family; no
 * "key_name" beside an errno or a signal.
 */
#define EVJSON_FLAT (1u << 0)

/*
 * Append sep, then "key": and the value of the decoded field v: numbers
 * as numbers (beyond 2^53 as strings), flags and enums by name, sockaddrs
 * as objects, NUL-separated lists as arrays, absent strings and addresses
 * as null. An errno or signal field with a name also gets
 * "<field>_name":"ENOENT" after it. Returns true when a string had invalid
 * UTF-8 (replaced by U+FFFD).
 */
bool evjson_value(struct escape_buf *b, const struct evfield *v,
		  const char *sep, const char *key, unsigned flags);

/*
 * evjson_value() of field f of ev, decoded here; nothing at all when ev
 * is too short to hold the field.
 */
bool evjson_field(struct escape_buf *b, const struct cpd_host *host,
		  const struct cpd_event *ev, const struct cpd_field *f,
		  const char *sep, const char *key);

/*
 * The keys of the built-in kinds' fields, each made once, the first time
 * it is written (",\"name\":", escaped): an output writes every field of
 * every event. A name listed in reserved (NULL-terminated, or NULL) gets
 * prefix before it. Zero-initialise; evjson_keys_free() at the end.
 */
struct evjson_keys {
	char **key[CPD_EV_CUSTOM_FIRST];
	uint32_t n[CPD_EV_CUSTOM_FIRST];
	const char *prefix;
	const char *const *reserved;
};

/* The key of field i of kind (f its n fields), or NULL: write it yourself. */
const char *evjson_keys_get(struct evjson_keys *k, uint32_t kind,
			    const struct cpd_field *f, uint32_t n, uint32_t i);
void evjson_keys_free(struct evjson_keys *k);

/* evjson_value() after a key made by evjson_keys_get(). */
bool evjson_value_keyed(struct escape_buf *b, const struct evfield *v,
			const char *key, unsigned flags);
#endif /* CPD_PLUGINS_UTIL_EVJSON_H */
