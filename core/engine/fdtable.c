// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "fdtable.h"

#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

struct fdtable *fdtable_new(void)
{
	struct fdtable *t = xcalloc(1, sizeof(*t));

	t->refs = 1;
	return t;
}

struct fdtable *fdtable_ref(struct fdtable *t)
{
	t->refs++;
	return t;
}

static void fdtable_clear(struct fd_entry *e)
{
	free(e->path);
	free(e->local_path);
	free(e->peer_path);
	memset(e, 0, sizeof(*e));
}

void fdtable_unref(struct fdtable *t)
{
	size_t i;

	if (!t || --t->refs)
		return;
	for (i = 0; i < t->n; i++)
		fdtable_clear(&t->e[i]);
	free(t->e);
	free(t);
}

static char *fdtable_dup_str(struct cpd_str *s)
{
	char *copy;

	if (!s->ptr) {
		s->len = 0;
		return NULL;
	}
	copy = xmalloc((size_t)s->len + 1);
	memcpy(copy, s->ptr, s->len);
	copy[s->len] = '\0';
	s->ptr = copy;
	return copy;
}

/* Point e->info's strings at e's own copies of them. */
static void fdtable_own(struct fd_entry *e)
{
	e->path = fdtable_dup_str(&e->info.path);
	e->local_path = fdtable_dup_str(&e->info.local.path);
	e->peer_path = fdtable_dup_str(&e->info.peer.path);
}

static void fdtable_copy_entry(struct fd_entry *dst, const struct fd_entry *src)
{
	*dst = *src;
	fdtable_own(dst);
}

struct fdtable *fdtable_copy(const struct fdtable *t)
{
	struct fdtable *c = fdtable_new();
	size_t i;

	c->n = t->n;
	c->e = xcalloc(c->n ? c->n : 1, sizeof(*c->e));
	for (i = 0; i < t->n; i++)
		if (t->e[i].used)
			fdtable_copy_entry(&c->e[i], &t->e[i]);
	return c;
}

void fdtable_exec(struct fdtable *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].used && (t->e[i].info.flags & CPD_FDF_CLOEXEC))
			fdtable_clear(&t->e[i]);
}

struct fd_entry *fdtable_get(struct fdtable *t, int fd)
{
	if (fd < 0 || (size_t)fd >= t->n || !t->e[fd].used)
		return NULL;
	return &t->e[fd];
}

struct fd_entry *fdtable_set(struct fdtable *t, int fd,
			     const struct cpd_fdinfo *info)
{
	struct fd_entry fresh = { 0 };

	if (fd < 0 || fd >= FDTABLE_MAX_FD)
		return NULL;
	/* info may point into this table, which may move: copy it first */
	fresh.used = true;
	fresh.info = *info;
	fresh.info.fd = fd;
	fdtable_own(&fresh);
	if ((size_t)fd >= t->n) {
		size_t n = t->n ? t->n : 64;

		while (n <= (size_t)fd)
			n *= 2;
		t->e = xreallocarray(t->e, n, sizeof(*t->e));
		memset(t->e + t->n, 0, (n - t->n) * sizeof(*t->e));
		t->n = n;
	}
	fdtable_clear(&t->e[fd]);
	t->e[fd] = fresh;
	return &t->e[fd];
}

void fdtable_close(struct fdtable *t, int fd)
{
	if (fd >= 0 && (size_t)fd < t->n)
		fdtable_clear(&t->e[fd]);
}

void fdtable_close_range(struct fdtable *t, unsigned first, unsigned last,
			 bool cloexec_only)
{
	size_t i;

	for (i = first; i < t->n && i <= last; i++) {
		if (!t->e[i].used)
			continue;
		if (cloexec_only)
			t->e[i].info.flags |= CPD_FDF_CLOEXEC;
		else
			fdtable_clear(&t->e[i]);
	}
}

void fdtable_dup(struct fdtable *t, int oldfd, int newfd, bool cloexec)
{
	struct fd_entry *src = fdtable_get(t, oldfd), *dst;

	if (oldfd == newfd)
		return;
	if (!src) {
		/* the old entry would be stale: unknown beats wrong */
		fdtable_close(t, newfd);
		return;
	}
	{
		bool resolved = src->resolved;
		uint8_t shared_out = src->shared_out;

		uint64_t kfile = src->kfile;

		dst = fdtable_set(t, newfd, &src->info);
		if (!dst)
			return;
		dst->resolved = resolved;
		dst->kfile = kfile;
		/* the same open file */
		dst->shared_out = shared_out;
	}
	/* dup never copies the close-on-exec flag */
	if (cloexec)
		dst->info.flags |= CPD_FDF_CLOEXEC;
	else
		dst->info.flags &= ~CPD_FDF_CLOEXEC;
}

void fdtable_set_cloexec(struct fdtable *t, int fd, bool on)
{
	struct fd_entry *e = fdtable_get(t, fd);

	if (!e)
		return;
	if (on)
		e->info.flags |= CPD_FDF_CLOEXEC;
	else
		e->info.flags &= ~CPD_FDF_CLOEXEC;
}

void fdtable_set_addr(struct fdtable *t, int fd, bool peer,
		      const struct cpd_sockaddr *sa)
{
	struct fd_entry *e = fdtable_get(t, fd);
	char **owned;
	struct cpd_sockaddr *dst;

	if (!e)
		return;
	owned = peer ? &e->peer_path : &e->local_path;
	dst = peer ? &e->info.peer : &e->info.local;
	free(*owned);
	*dst = *sa;
	*owned = fdtable_dup_str(&dst->path);
}

size_t fdtable_count(const struct fdtable *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		n += t->e[i].used;
	return n;
}
