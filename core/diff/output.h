/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A comparison written out: as text for people (grouped, most telling
 * first, every traced name escaped for the terminal), or as one JSON
 * document for tools (doc/diff.md ... compendium(1) DIFF).
 */
#ifndef CPD_DIFF_OUTPUT_H
#define CPD_DIFF_OUTPUT_H

#include "compare.h"
#include "buf.h"
#include "trace.h"

/* One side of the comparison. */
struct diff_side {
	const char *path;
	const struct profile *prof;
	const struct trace_info *info;
};

void diff_write_text(struct escape_buf *out, const struct diff_side *a,
		     const struct diff_side *b, const struct diff_result *r);
void diff_write_json(struct escape_buf *out, const struct diff_side *a,
		     const struct diff_side *b, const struct diff_result *r);

#endif /* CPD_DIFF_OUTPUT_H */
