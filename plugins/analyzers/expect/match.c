// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/* Paths under directories, program globs, addresses in networks, sets. */
#include <arpa/inet.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "expect.h"
#include "lib/format.h"
#include "lib/hash.h"

char *expect_clean_path(const char *base, const char *dir)
{
	size_t blen = (dir[0] == '/' || !base) ? 0 : strlen(base);
	char *out = malloc(blen + strlen(dir) + 3);
	const char *p;
	size_t o = 0;

	if (!out)
		return NULL;
	if (blen) {
		memcpy(out, base, blen);
		o = blen;
	}
	out[o++] = '/';
	/* one component at a time, "." dropped and ".." taking one back */
	for (p = dir; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (o > 1 && out[o - 1] == '/')
				o--;
			while (o > 1 && out[o - 1] != '/')
				o--;
		} else {
			if (out[o - 1] != '/')
				out[o++] = '/';
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
		if (*p == '/')
			p++;
	}
	/* the base's own slashes, a trailing one */
	while (o > 1 && out[o - 1] == '/')
		o--;
	out[o] = '\0';
	return out;
}

bool expect_under(const char *path, size_t len, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 1 && dir[0] == '/')
		return len && path[0] == '/';
	return len >= n && !memcmp(path, dir, n) &&
	       (len == n || path[n] == '/');
}

bool expect_glob(const char *glob, const char *path, size_t len)
{
	char buf[4096];
	const char *base;
	size_t blen;

	if (len >= sizeof(buf))
		return false;
	memcpy(buf, path, len);
	buf[len] = '\0';
	/* a NUL inside cannot name a program: compare what there is */
	if (strchr(glob, '/'))
		return !fnmatch(glob, buf, 0);
	base = format_basename(buf, len, &blen);
	return !fnmatch(glob, base, 0);
}

/* ---- addresses ------------------------------------------------------ */

int expect_net_parse(const char *text, struct expect_net *out)
{
	char host[INET6_ADDRSTRLEN + 8];
	const char *p = text, *end;
	unsigned long v;
	size_t n;
	char *e;

	memset(out, 0, sizeof(*out));
	if (*p == '[') {
		end = strchr(p, ']');
		if (!end)
			return -EINVAL;
		n = (size_t)(end - p - 1);
		p++;
		end++;
	} else {
		/* a colon that is not the only one is IPv6's */
		end = strrchr(p, ':');
		if (end && strchr(p, ':') != end)
			end = NULL;
		if (!end)
			end = p + strlen(p);
		n = (size_t)(end - p);
	}
	if (!n || n >= sizeof(host))
		return -EINVAL;
	memcpy(host, p, n);
	host[n] = '\0';
	if (*end == ':') {
		errno = 0;
		v = strtoul(end + 1, &e, 10);
		if (errno || *e || e == end + 1 || !v || v > 65535)
			return -EINVAL;
		out->port = (uint16_t)v;
	} else if (*end) {
		return -EINVAL;
	}
	e = strchr(host, '/');
	if (e)
		*e++ = '\0';
	if (inet_pton(AF_INET, host, out->addr) == 1) {
		out->family = AF_INET;
		out->prefix = 32;
	} else if (inet_pton(AF_INET6, host, out->addr) == 1) {
		out->family = AF_INET6;
		out->prefix = 128;
	} else {
		return -EINVAL;
	}
	if (e) {
		char *pe;

		errno = 0;
		v = strtoul(e, &pe, 10);
		if (errno || *pe || pe == e || v > out->prefix)
			return -EINVAL;
		out->prefix = (unsigned)v;
	}
	return 0;
}

/* An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 it is. */
static void expect_unmap(const struct cpd_sockaddr *sa, uint16_t *family,
			 const uint8_t **addr)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0,    0,
					    0, 0, 0, 0, 0xff, 0xff };

	*family = sa->family;
	*addr = sa->addr;
	if (sa->family == AF_INET6 && !memcmp(sa->addr, mapped, 12)) {
		*family = AF_INET;
		*addr = sa->addr + 12;
	}
}

bool expect_net_match(const struct expect_net *n, const struct cpd_sockaddr *sa)
{
	const uint8_t *addr;
	uint16_t family;
	unsigned full, rest;

	expect_unmap(sa, &family, &addr);
	if (family != n->family || (n->port && n->port != sa->port))
		return false;
	full = n->prefix / 8;
	rest = n->prefix % 8;
	if (memcmp(addr, n->addr, full))
		return false;
	return !rest ||
	       !((addr[full] ^ n->addr[full]) & (0xff00u >> rest) & 0xff);
}

size_t expect_addr_text(const struct cpd_sockaddr *sa, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN] = "?";
	const uint8_t *addr;
	uint16_t family;

	expect_unmap(sa, &family, &addr);
	if (family == AF_INET || family == AF_INET6)
		inet_ntop(family, addr, ip, sizeof(ip));
	return (size_t)snprintf(buf, size, "%s", ip);
}

/* ---- sets ----------------------------------------------------------- */

int expect_set_init(struct expect_set *s)
{
	memset(s, 0, sizeof(*s));
	s->seed = hash_seed(s);
	return 0;
}

static char **expect_set_slot(char **items, size_t cap, uint32_t seed,
			      const char *item, size_t len)
{
	size_t i = hash_bytes(seed, item, len) & (cap - 1);

	while (items[i] &&
	       (strlen(items[i]) != len || memcmp(items[i], item, len)))
		i = (i + 1) & (cap - 1);
	return &items[i];
}

int expect_set_add(struct expect_set *s, const char *item, size_t len)
{
	char **slot;

	if (s->cap && *expect_set_slot(s->items, s->cap, s->seed, item, len))
		return 0;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64, i;
		char **items;

		if (s->n >= EXPECT_SET_MAX)
			return -ENOSPC;
		items = calloc(cap, sizeof(*items));
		if (!items)
			return -ENOMEM;
		for (i = 0; i < s->cap; i++)
			if (s->items[i])
				*expect_set_slot(
					items, cap, s->seed, s->items[i],
					strlen(s->items[i])) = s->items[i];
		free(s->items);
		s->items = items;
		s->cap = cap;
	}
	slot = expect_set_slot(s->items, s->cap, s->seed, item, len);
	*slot = strndup(item, len);
	if (!*slot)
		return -ENOMEM;
	s->n++;
	return 1;
}

void expect_set_free(struct expect_set *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++)
		free(s->items[i]);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

static int expect_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **expect_set_sorted(const struct expect_set *s, size_t *n)
{
	const char **v = calloc(s->n + 1, sizeof(*v));
	size_t i, k = 0;

	*n = 0;
	if (!v)
		return NULL;
	for (i = 0; i < s->cap; i++)
		if (s->items[i])
			v[k++] = s->items[i];
	qsort(v, k, sizeof(*v), expect_str_cmp);
	*n = k;
	return v;
}
