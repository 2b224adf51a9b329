/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Names as two runs of the same work can agree on them: a checkout's
 * prefix rewritten (--map OLD=NEW), a process id in /proc replaced, and
 * the random part of a temporary file's name (gcc's /tmp/ccAbC123.s,
 * Python's /tmp/tmpk2j3_x9a, mktemp's tmp.XXXXXXXXXX) made a '*', so
 * that /tmp/ccAbC123.s and /tmp/ccXyZ789.s are the same /tmp/ *.s.
 */
#ifndef CPD_DIFF_NORMALIZE_H
#define CPD_DIFF_NORMALIZE_H

#include "base/cpd.h"

struct norm_map {
	char *from; /* without a trailing '/' */
	size_t from_len;
	char *to;
};

struct norm {
	struct norm_map *maps;
	size_t nmaps, capmaps;
	char **tmpdirs; /* where temporary names are made general */
	size_t ntmpdirs, captmpdirs;
	bool temp_names; /* false: leave temporary names as they are */
};

/* /tmp, /var/tmp, /dev/shm and $TMPDIR as temporary directories. */
void norm_init(struct norm *n);
void norm_free(struct norm *n);
/*
 * Add "OLD=NEW": a path starting with the directory OLD starts with NEW
 * instead (the longest OLD that matches wins). -EINVAL with why filled
 * in when spec is not of that form.
 */
int norm_add_map(struct norm *n, const char *spec, char *why, size_t whylen);
/* Add a directory whose files' names are made general. */
void norm_add_tmpdir(struct norm *n, const char *dir);

/* The normalised form of a path; malloc'd, NUL-terminated. */
char *norm_path(const struct norm *n, const char *path, size_t len);
/*
 * The normalised form of a command-line argument: the path in it, if any
 * ("/tmp/ccAb12Cd.s", "-I/work/a/include", "--out=/tmp/x"), normalised.
 */
char *norm_arg(const struct norm *n, const char *arg, size_t len);
/* Whether a token of a file name looks generated (exported for tests). */
bool norm_random_token(const char *tok, size_t len);

#endif /* CPD_DIFF_NORMALIZE_H */
