/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/* A growable string, always NUL-terminated; zero-initialise it. */
#ifndef CPD_DIFF_SBUF_H
#define CPD_DIFF_SBUF_H

#include "base/cpd.h"

struct sbuf {
	char *s;
	size_t len, cap;
};

void sbuf_put(struct sbuf *b, const void *p, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_putc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) ATTR_PRINTF(2, 3);
/* Hand the string over (never NULL) and leave b empty. */
char *sbuf_take(struct sbuf *b);
void sbuf_free(struct sbuf *b);

#endif /* CPD_DIFF_SBUF_H */
