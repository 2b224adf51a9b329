// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The noise filter. The built-in rules are the original Compendium's
 * (the Rust tool compendium reimplements), kept exactly so that what is hidden
 * by default stays predictable for people who know it:
 *
 *  - paths under /proc/, /sys/ or /dev/;
 *  - the dynamic loader: a path containing "/ld.so" or "ld-linux", and
 *    /etc/ld.so.cache;
 *  - shared objects (a name ending in ".so" or containing ".so.") under
 *    /lib/, /lib64/, /usr/lib/, /usr/lib64/ or /nix/store/.
 *
 * And one of ours: what the C library reads for its locale before main()
 * and on the first message it translates, every fallback included (a
 * program under LANG=C.UTF-8 tries C.UTF-8, C.utf8 and C for each of its
 * LC_* categories and catalogs):
 *
 *  - /usr/lib/locale/ and /usr/lib64/locale/ (the locale archive and the
 *    LC_* files), /etc/locale.alias;
 *  - message catalogs: below a share/locale/ directory, or a ".mo" file
 *    in an LC_MESSAGES directory anywhere;
 *  - gconv modules and their cache: a "/gconv/" directory under the
 *    library directories above.
 *
 * Everything is done on counted bytes: tracee paths are untrusted and may
 * hold anything.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* FNM_LEADING_DIR */
#endif
#include "noise.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

static bool noise_has_prefix(const char *s, size_t len, const char *prefix)
{
	size_t plen = strlen(prefix);

	return len >= plen && !memcmp(s, prefix, plen);
}

static bool noise_has_suffix(const char *s, size_t len, const char *suffix)
{
	size_t slen = strlen(suffix);

	return len >= slen && !memcmp(s + len - slen, suffix, slen);
}

static bool noise_contains(const char *s, size_t len, const char *needle)
{
	size_t nlen = strlen(needle), i;

	if (nlen > len)
		return false;
	for (i = 0; i + nlen <= len; i++)
		if (s[i] == needle[0] && !memcmp(s + i, needle, nlen))
			return true;
	return false;
}

/* The C library's locale start-up (see the top of this file). */
static bool noise_libc_locale(const char *path, size_t len,
			      const char *const *lib_dirs, size_t nlib_dirs)
{
	static const char *const prefixes[] = {
		"/usr/lib/locale/",
		"/usr/lib64/locale/",
		"/usr/share/locale/",
		"/usr/local/share/locale/",
		"/usr/share/locale-langpack/",
	};
	size_t i;

	/* the cheap tests first: this runs for every path */
	if (noise_has_suffix(path, len, ".mo") &&
	    noise_contains(path, len, "/LC_MESSAGES/"))
		return true;
	/* every other rule is under /usr/, /etc/, /lib... or /nix/ */
	if (len < 5 || (memcmp(path, "/usr/", 5) && memcmp(path, "/etc/", 5) &&
			memcmp(path, "/lib", 4) && memcmp(path, "/nix/", 5)))
		return false;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (noise_has_prefix(path, len, prefixes[i]))
			return true;
	if (len == strlen("/etc/locale.alias") &&
	    !memcmp(path, "/etc/locale.alias", len))
		return true;
	for (i = 0; i < nlib_dirs; i++)
		if (noise_has_prefix(path, len, lib_dirs[i]))
			return noise_contains(path, len, "/gconv/");
	return false;
}

bool noise_builtin(const char *path, size_t len)
{
	static const char *const sys_prefixes[] = { "/proc/", "/sys/",
						    "/dev/" };
	static const char *const lib_dirs[] = {
		"/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/nix/store/",
	};
	size_t i;

	if (!path)
		return false;
	for (i = 0; i < sizeof(sys_prefixes) / sizeof(sys_prefixes[0]); i++)
		if (noise_has_prefix(path, len, sys_prefixes[i]))
			return true;
	if (noise_contains(path, len, "/ld.so") ||
	    noise_contains(path, len, "ld-linux"))
		return true;
	if (len == strlen("/etc/ld.so.cache") &&
	    !memcmp(path, "/etc/ld.so.cache", len))
		return true;
	if (noise_libc_locale(path, len, lib_dirs,
			      sizeof(lib_dirs) / sizeof(lib_dirs[0])))
		return true;
	if (!noise_has_suffix(path, len, ".so") &&
	    !noise_contains(path, len, ".so."))
		return false;
	for (i = 0; i < sizeof(lib_dirs) / sizeof(lib_dirs[0]); i++)
		if (noise_has_prefix(path, len, lib_dirs[i]))
			return true;
	return false;
}

void noise_free(struct noise *n)
{
	size_t i;

	for (i = 0; i < n->nglobs; i++)
		free(n->globs[i]);
	free(n->globs);
	n->globs = NULL;
	n->nglobs = 0;
}

int noise_init(struct noise *n, bool builtin, const char *const *extra)
{
	size_t count = 0, i;

	memset(n, 0, sizeof(*n));
	n->builtin = builtin;
	while (extra && extra[count])
		count++;
	if (!count)
		return 0;
	n->globs = calloc(count, sizeof(*n->globs));
	if (!n->globs)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		size_t len = strlen(extra[i]);

		/*
		 * "dir/" and "dir" mean the same: FNM_LEADING_DIR already
		 * matches what lies below, and would not with the slash.
		 */
		while (len > 1 && extra[i][len - 1] == '/')
			len--;
		if (!len)
			continue;
		n->globs[n->nglobs] = strndup(extra[i], len);
		if (!n->globs[n->nglobs]) {
			noise_free(n);
			return -ENOMEM;
		}
		n->nglobs++;
	}
	return 0;
}

bool noise_match(const struct noise *n, const char *path, size_t len)
{
	char stackbuf[4096], *buf = stackbuf;
	bool hit = false;
	size_t i;

	if (!path)
		return false;
	if (n->builtin && noise_builtin(path, len))
		return true;
	if (!n->nglobs || memchr(path, '\0', len))
		return false;
	/* fnmatch() wants a C string; ours is counted */
	if (len >= sizeof(stackbuf)) {
		buf = malloc(len + 1);
		if (!buf)
			return false;
	}
	memcpy(buf, path, len);
	buf[len] = '\0';
	for (i = 0; i < n->nglobs && !hit; i++)
		hit = fnmatch(n->globs[i], buf, FNM_LEADING_DIR) == 0;
	if (buf != stackbuf)
		free(buf);
	return hit;
}
