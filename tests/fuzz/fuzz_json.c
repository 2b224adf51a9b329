// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: any bytes as two jsonl traces for compendium diff
 * (split at the first 0xff byte, which no trace holds). Each is read
 * line by line through the JSON reader into a profile with names
 * normalised, the two are compared, and the comparison written as text
 * and as JSON; the JSON written must read back. Nothing may crash, read
 * out of bounds or leak, whatever the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "diff/compare.h"
#include "diff/output.h"
#include "diff/trace.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static FILE *devnull;
	const char *text = (const char *)data;
	const char *cut = memchr(text, 0xff, size);
	size_t alen = cut ? (size_t)(cut - text) : size;
	struct trace_info ia, ib;
	struct profile pa, pb;
	struct diff_result r;
	struct diff_opts o;
	struct escape_buf out = { 0 };
	struct arena arena = { 0 };
	struct json_value v;
	struct json_error err;
	struct norm n;
	char why[128];

	if (!devnull) {
		devnull = fopen("/dev/null", "w");
		log_set_stream(devnull);
	}
	norm_init(&n);
	norm_add_map(&n, "/work/a=/work/b", why, sizeof(why));
	diff_opts_init(&o);
	profile_init(&pa, &n);
	profile_init(&pb, &n);
	trace_read_mem("a", text, alen, &pa, &ia);
	if (cut)
		trace_read_mem("b", cut + 1, size - alen - 1, &pb, &ib);
	else
		memset(&ib, 0, sizeof(ib));
	diff_compare(&pa, &pb, &o, &r);
	{
		struct diff_side a = { "a", &pa, &ia }, b = { "b", &pb, &ib };

		diff_write_text(&out, &a, &b, &r);
		out.len = 0;
		diff_write_json(&out, &a, &b, &r);
	}
	/* what we write for tools is strict JSON, whatever we read */
	if (json_parse(out.p, out.len, 0, &arena, &v, &err) < 0)
		abort();
	arena_free(&arena);
	escape_free(&out);
	diff_result_free(&r);
	profile_free(&pa);
	profile_free(&pb);
	norm_free(&n);
	return 0;
}
