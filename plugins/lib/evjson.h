/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Event fields as JSON, through the host's field tables, so every output
 * that writes JSON (jsonl, html) shows the same values for any kind, a
 * custom one included.
 */
#ifndef CPD_PLUGINS_UTIL_EVJSON_H
#define CPD_PLUGINS_UTIL_EVJSON_H

#include <stdbool.h>

#include <compendium/compendium.h>

#include "escape.h"

/* A counted tracee string as a JSON string, or null when absent. */
bool evjson_cstr(struct escape_buf *b, const struct cpd_str *s);

/*
 * Append sep, then "key": and the value of field f of ev: numbers as
 * numbers (beyond 2^53 as strings), flags and enums by name, sockaddrs
 * as objects, NUL-separated lists as arrays. An errno or signal field
 * also gets "key_name":"ENOENT" after it. Returns true when a string had
 * invalid UTF-8 (replaced by U+FFFD).
 */
bool evjson_field(struct escape_buf *b, const struct cpd_host *host,
		  const struct cpd_event *ev, const struct cpd_field *f,
		  const char *sep, const char *key);

#endif /* CPD_PLUGINS_UTIL_EVJSON_H */
