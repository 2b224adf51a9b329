/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Allocation that cannot fail: the core has nothing sensible to do on
 * ENOMEM mid-trace except say so and stop, so these die with a message.
 * Plugins never use them.
 */
#ifndef CPD_CORE_XMALLOC_H
#define CPD_CORE_XMALLOC_H

#include "cpd.h"

void *xmalloc(size_t size) ATTR_MALLOC;
void *xcalloc(size_t nmemb, size_t size) ATTR_MALLOC;
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s) ATTR_MALLOC;
char *xstrndup(const char *s, size_t n) ATTR_MALLOC;
void *xmemdup(const void *p, size_t n) ATTR_MALLOC;
char *xasprintf(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_MALLOC;

/* Grow *arr (of *cap elements of size sz) so that index n fits. */
void *xgrow(void *arr, size_t *cap, size_t n, size_t sz);

#endif /* CPD_CORE_XMALLOC_H */
