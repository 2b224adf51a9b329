/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Searches: when a failed open is one probe of a search rather than a
 * failure. cc1 looks for stdio.h in four include directories, the linker
 * for libc in each library directory, the C library for its locale in
 * C.UTF-8 then C.utf8: each failure there is expected, and the open that
 * finally succeeds ends the search. One rule, shared by the file analyzer
 * (which holds a thread's failures back from the live stream until it
 * knows) and the findings analyzer (which reports searches and failures).
 *
 * A thread's run of failed opens with search_errno() errors is a search
 * when the open that ends it succeeds with the same name: the last path
 * component up to its first dot after a leading one, so stdio.h finds
 * stdio.h, libc.a finds libc.so, foo.cpython-311.pyc finds foo.py.
 */
#ifndef CPD_PLUGINS_SEARCH_H
#define CPD_PLUGINS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a failed open with errno err can be a probe: the name was not there. */
bool search_errno(int err);

/*
 * The name path (len bytes, any bytes) looks for: *off and *n locate it
 * in path; *n is 0 when there is none to compare.
 */
void search_stem(const char *path, size_t len, size_t *off, size_t *n);

/* Whether a and b (with their lengths) look for the same name. */
bool search_same(const char *a, size_t alen, const char *b, size_t blen);

#endif /* CPD_PLUGINS_SEARCH_H */
