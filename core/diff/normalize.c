// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "normalize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "buf.h"

void norm_init(struct norm *n)
{
	const char *env = getenv("TMPDIR");

	memset(n, 0, sizeof(*n));
	n->temp_names = true;
	norm_add_tmpdir(n, "/tmp");
	norm_add_tmpdir(n, "/var/tmp");
	norm_add_tmpdir(n, "/dev/shm");
	if (env && env[0] == '/')
		norm_add_tmpdir(n, env);
}

void norm_free(struct norm *n)
{
	size_t i;

	for (i = 0; i < n->nmaps; i++) {
		free(n->maps[i].from);
		free(n->maps[i].to);
	}
	free(n->maps);
	for (i = 0; i < n->ntmpdirs; i++)
		free(n->tmpdirs[i]);
	free(n->tmpdirs);
	memset(n, 0, sizeof(*n));
}

/* A directory without its trailing slashes ("/" stays "/"), malloc'd. */
static char *norm_dir(const char *dir, size_t len)
{
	while (len > 1 && dir[len - 1] == '/')
		len--;
	return xstrndup(dir, len);
}

int norm_add_map(struct norm *n, const char *spec, char *why, size_t whylen)
{
	const char *eq = strchr(spec, '=');
	struct norm_map *m;

	if (!eq || eq == spec) {
		snprintf(why, whylen,
			 "expected OLD=NEW, a directory and "
			 "what to write instead of it");
		return -EINVAL;
	}
	n->maps = xgrow(n->maps, &n->capmaps, n->nmaps, sizeof(*n->maps));
	m = &n->maps[n->nmaps++];
	m->from = norm_dir(spec, (size_t)(eq - spec));
	m->from_len = strlen(m->from);
	m->to = norm_dir(eq + 1, strlen(eq + 1));
	return 0;
}

void norm_add_tmpdir(struct norm *n, const char *dir)
{
	size_t i;
	char *d = norm_dir(dir, strlen(dir));

	for (i = 0; i < n->ntmpdirs; i++) {
		if (!strcmp(n->tmpdirs[i], d)) {
			free(d);
			return;
		}
	}
	n->tmpdirs = xgrow(n->tmpdirs, &n->captmpdirs, n->ntmpdirs,
			   sizeof(*n->tmpdirs));
	n->tmpdirs[n->ntmpdirs++] = d;
}

/* Whether path starts with the directory dir (len bytes, no trailing /). */
static bool norm_under(const char *path, size_t plen, const char *dir,
		       size_t dlen)
{
	if (dlen == 1 && dir[0] == '/')
		return plen && path[0] == '/';
	return plen >= dlen && !memcmp(path, dir, dlen) &&
	       (plen == dlen || path[dlen] == '/');
}

static bool norm_tokch(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

bool norm_random_token(const char *tok, size_t len)
{
	bool upper = false, lower = false, digit = false;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = tok[i];

		upper |= c >= 'A' && c <= 'Z';
		lower |= c >= 'a' && c <= 'z';
		digit |= c >= '0' && c <= '9';
	}
	/* a pid, a time stamp: /tmp/build.12345 */
	if (digit && !upper && !lower && len >= 3 && !memchr(tok, '_', len))
		return true;
	/*
	 * gcc's cc + 6 and Python's tmp + 8 can come out in one letter
	 * case by chance; other mkstemp names are told by their mixture.
	 */
	if ((len == 8 && !memcmp(tok, "cc", 2)) ||
	    (len >= 9 && !memcmp(tok, "tmp", 3)))
		return true;
	return len >= 6 && upper + lower + digit >= 2;
}

/* Append one name under a temporary directory, tokens made general. */
static void norm_temp_name(struct escape_buf *b, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;

		if (!norm_tokch(s[i]) || s[i] == '_') {
			escape_putc(b, s[i++]);
			continue;
		}
		while (j < len && norm_tokch(s[j]))
			j++;
		if (norm_random_token(s + i, j - i))
			escape_putc(b, '*');
		else
			escape_put(b, s + i, j - i);
		i = j;
	}
}

/* /proc/1234/fd/3 -> /proc/PID/fd/3, /proc/1/task/7 -> /proc/PID/task/TID. */
static bool norm_proc(struct escape_buf *b, const char *p, size_t len)
{
	size_t i = 6, d;

	if (len < 7 || memcmp(p, "/proc/", 6))
		return false;
	d = i;
	while (d < len && p[d] >= '0' && p[d] <= '9')
		d++;
	if (d == i || (d < len && p[d] != '/'))
		return false;
	escape_puts(b, "/proc/PID");
	if (d + 6 < len && !memcmp(p + d, "/task/", 6)) {
		size_t t = d + 6, e = t;

		while (e < len && p[e] >= '0' && p[e] <= '9')
			e++;
		if (e > t && (e == len || p[e] == '/')) {
			escape_puts(b, "/task/TID");
			d = e;
		}
	}
	escape_put(b, p + d, len - d);
	return true;
}

char *norm_path(const struct norm *n, const char *path, size_t len)
{
	const struct norm_map *best = NULL;
	struct escape_buf mapped = { 0 }, out = { 0 };
	const char *p = path;
	size_t i;

	for (i = 0; i < n->nmaps; i++) {
		const struct norm_map *m = &n->maps[i];

		if (norm_under(path, len, m->from, m->from_len) &&
		    (!best || m->from_len > best->from_len))
			best = m;
	}
	if (best) {
		escape_puts(&mapped, best->to);
		/* "/" as OLD keeps the slash the rest starts with */
		escape_put(&mapped,
			   path + best->from_len - (best->from_len == 1),
			   len - best->from_len + (best->from_len == 1));
		/* nothing put (an empty NEW, no rest) leaves no string */
		p = mapped.p ? mapped.p : "";
		len = mapped.len;
	}
	if (norm_proc(&out, p, len))
		goto out_done;
	for (i = 0; n->temp_names && i < n->ntmpdirs; i++) {
		size_t dlen = strlen(n->tmpdirs[i]);

		if (!norm_under(p, len, n->tmpdirs[i], dlen))
			continue;
		escape_put(&out, p, dlen);
		norm_temp_name(&out, p + dlen, len - dlen);
		goto out_done;
	}
	escape_put(&out, p, len);
out_done:
	escape_free(&mapped);
	return buf_take(&out);
}

char *norm_arg(const struct norm *n, const char *arg, size_t len)
{
	const char *slash = memchr(arg, '/', len);
	struct escape_buf out = { 0 };
	char *path;
	size_t pre;

	if (!slash)
		return xstrndup(arg, len);
	pre = (size_t)(slash - arg);
	/* "./x" and "../x" are relative paths, not an option and a path */
	while (pre && arg[pre - 1] == '.')
		pre--;
	path = norm_path(n, arg + pre, len - pre);
	escape_put(&out, arg, pre);
	escape_puts(&out, path);
	free(path);
	return buf_take(&out);
}
