// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "search.h"

#include <errno.h>
#include <string.h>

#include "format.h"

bool search_errno(int err)
{
	return err == ENOENT || err == ENOTDIR;
}

void search_stem(const char *path, size_t len, size_t *off, size_t *n)
{
	const char *base;
	size_t blen, i = 0;

	*off = 0;
	*n = 0;
	if (!path || !len)
		return;
	base = format_basename(path, len, &blen);
	if (blen == 1 && base[0] == '/')
		return;
	while (i < blen && base[i] == '.')
		i++;
	/* ".", "..": no name */
	if (i == blen)
		return;
	while (i < blen && base[i] != '.')
		i++;
	*off = (size_t)(base - path);
	*n = i;
}

bool search_same(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t aoff, an, boff, bn;

	search_stem(a, alen, &aoff, &an);
	search_stem(b, blen, &boff, &bn);
	return an && an == bn && !memcmp(a + aoff, b + boff, an);
}
