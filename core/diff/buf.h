/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The growable string of compendium diff: the plugins' escape buffer
 * (plugins/lib/escape.c), whose JSON strings are the jsonl output's, so
 * what diff writes for tools escapes names exactly as the traces do.
 */
#ifndef CPD_DIFF_BUF_H
#define CPD_DIFF_BUF_H

#include "base/log.h"
#include "base/xmalloc.h"
#include "lib/escape.h"

/*
 * Hand the string over (never NULL) and leave b empty. The core has
 * nothing better to do than stop when memory runs out.
 */
static inline char *buf_take(struct escape_buf *b)
{
	char *s = b->p;

	if (b->oom)
		log_die("out of memory");
	if (!s)
		s = xstrdup("");
	b->p = NULL;
	b->len = b->cap = 0;
	return s;
}

#endif /* CPD_DIFF_BUF_H */
