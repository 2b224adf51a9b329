/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The noise filter the file and mmap analyzers share: which paths are the
 * machinery every program touches (the dynamic loader, shared libraries,
 * the C library's locale files, /proc, /sys, /dev) rather than what the
 * user is looking for. One rule
 * set for both, so a file whose open is hidden also has its reads, writes
 * and mappings hidden.
 */
#ifndef CPD_PLUGINS_NOISE_H
#define CPD_PLUGINS_NOISE_H

#include <stdbool.h>
#include <stddef.h>

struct noise {
	bool builtin; /* apply the built-in rules */
	char **globs; /* extra patterns, owned, trailing '/' cut */
	size_t nglobs;
};

/*
 * Set up a filter: the built-in rules when builtin is true, plus extra, a
 * NULL-terminated list of fnmatch(3) patterns (may be NULL). A pattern
 * matches a path, or any path below it when it names a directory
 * ("/home/me/.cache" hides "/home/me/.cache/x"); '*' also matches '/'.
 * Returns 0 or -ENOMEM (then nothing is left to free).
 */
int noise_init(struct noise *n, bool builtin, const char *const *extra);
void noise_free(struct noise *n);

/*
 * Whether path (len bytes, need not be NUL-terminated, may hold any
 * bytes) is noise. Paths with an embedded NUL never match a pattern:
 * no real path has one.
 */
bool noise_match(const struct noise *n, const char *path, size_t len);

/* The built-in rules alone; see noise.c for the list. */
bool noise_builtin(const char *path, size_t len);

#endif /* CPD_PLUGINS_NOISE_H */
