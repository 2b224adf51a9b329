/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Writing JSON strings and integers the way the jsonl output does
 * (doc/outputs.md): any bytes in, strict UTF-8 JSON out.
 */
#ifndef CPD_DIFF_JSONW_H
#define CPD_DIFF_JSONW_H

#include "sbuf.h"

/*
 * s as a JSON string, quotes included: '"' and '\' escaped, control
 * characters, '<', '>', '&', U+2028 and U+2029 as \uXXXX, each byte
 * that is not part of well-formed UTF-8 as U+FFFD.
 */
void jsonw_str(struct sbuf *b, const char *s, size_t len);
/* An integer: a number up to 2^53, a string of digits above. */
void jsonw_u64(struct sbuf *b, uint64_t v);
void jsonw_s64(struct sbuf *b, int64_t v);

#endif /* CPD_DIFF_JSONW_H */
