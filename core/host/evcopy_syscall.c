// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The deep copy of a CPD_EV_SYSCALL payload: the decoded arguments and
 * what they point to (fd table entries, socket addresses, strings, and
 * the structs of the struct kinds in argdata[], a captured payload),
 * which no field table names. The same walk runs twice: once to count the bytes, once to copy
 * into them.
 */
#include "evcopy.h"

#include <string.h>

struct evcopy_sc {
	bool move;
	size_t structs; /* counting: bytes of structs, 8-aligned each */
	size_t strs;	/* counting: bytes of strings with their NULs */
	char *sp;	/* copying: where the next struct goes */
	char *str;	/* copying: where the next string goes */
};

/* A copy of size bytes of src; NULL while counting. */
static void *evcopy_sc_struct(struct evcopy_sc *p, const void *src, size_t size)
{
	size_t room = (size + 7) & ~(size_t)7;
	void *dst;

	if (!p->move) {
		p->structs += room;
		return NULL;
	}
	dst = memcpy(p->sp, src, size);
	p->sp += room;
	return dst;
}

/* Copy the string src describes; dst (the copy's) is pointed at it. */
static void evcopy_sc_str(struct evcopy_sc *p, struct cpd_str *dst,
			  const struct cpd_str *src)
{
	if (!src->ptr)
		return;
	if (!p->move) {
		p->strs += (size_t)src->len + 1;
		return;
	}
	memcpy(p->str, src->ptr, src->len);
	p->str[src->len] = '\0';
	dst->ptr = p->str;
	p->str += (size_t)src->len + 1;
}

static const struct cpd_sockaddr *
evcopy_sc_sockaddr(struct evcopy_sc *p, const struct cpd_sockaddr *src)
{
	struct cpd_sockaddr *dst;

	if (!src)
		return NULL;
	dst = evcopy_sc_struct(p, src, sizeof(*src));
	evcopy_sc_str(p, dst ? &dst->path : NULL, &src->path);
	return dst;
}

static const struct cpd_fdinfo *evcopy_sc_fd(struct evcopy_sc *p,
					     const struct cpd_fdinfo *src)
{
	struct cpd_fdinfo *dst;

	if (!src)
		return NULL;
	dst = evcopy_sc_struct(p, src, sizeof(*src));
	evcopy_sc_str(p, dst ? &dst->path : NULL, &src->path);
	evcopy_sc_str(p, dst ? &dst->local.path : NULL, &src->local.path);
	evcopy_sc_str(p, dst ? &dst->peer.path : NULL, &src->peer.path);
	return dst;
}

/* What an argument points to; a is the copy's when copying. */
static void evcopy_sc_arg(struct evcopy_sc *p, struct cpd_arg *dst,
			  const struct cpd_arg *src)
{
	const struct cpd_fdinfo *fd = evcopy_sc_fd(p, src->fd);
	const struct cpd_sockaddr *sa = evcopy_sc_sockaddr(p, src->sa);

	evcopy_sc_str(p, dst ? &dst->str : NULL, &src->str);
	if (dst) {
		dst->fd = fd;
		dst->sa = sa;
	}
}

static const struct cpd_msgs *evcopy_sc_msgs(struct evcopy_sc *p,
					     const struct cpd_msgs *src)
{
	struct cpd_msgs *dst = evcopy_sc_struct(p, src, sizeof(*src));
	struct cpd_msg *msg = NULL;
	uint32_t i;

	if (src->msg && src->count)
		msg = evcopy_sc_struct(p, src->msg,
				       src->count * sizeof(*src->msg));
	for (i = 0; src->msg && i < src->count; i++)
		evcopy_sc_str(p, msg ? &msg[i].name.path : NULL,
			      &src->msg[i].name.path);
	if (dst)
		dst->msg = msg;
	return dst;
}

static const void *evcopy_sc_argdata(struct evcopy_sc *p, uint16_t kind,
				     const union cpd_argdata *src)
{
	if (!src->ptr)
		return NULL;
	switch (kind) {
	case CPD_ARG_IOVEC:
		return evcopy_sc_struct(p, src->iov, sizeof(*src->iov));
	case CPD_ARG_MSGHDR:
	case CPD_ARG_MMSGHDR:
		return evcopy_sc_msgs(p, src->msgs);
	case CPD_ARG_OPEN_HOW:
		return evcopy_sc_struct(p, src->how, sizeof(*src->how));
	case CPD_ARG_MMAP_ARGS:
		return evcopy_sc_struct(p, src->mmap, sizeof(*src->mmap));
	case CPD_ARG_SOCKOPT:
		return evcopy_sc_struct(p, src->sockopt, sizeof(*src->sockopt));
	default:
		/* a kind this host does not know: nothing it could copy */
		return NULL;
	}
}

/* Bytes captured for a payload rule: binary, copied with their lengths. */
static const struct cpd_payload *
evcopy_sc_payload(struct evcopy_sc *p, const struct cpd_payload *src)
{
	struct cpd_payload *dst;
	struct cpd_str *msg = NULL;
	uint32_t i;

	if (!src)
		return NULL;
	dst = evcopy_sc_struct(p, src, sizeof(*src));
	if (src->msg && src->count)
		msg = evcopy_sc_struct(p, src->msg,
				       src->count * sizeof(*src->msg));
	for (i = 0; src->msg && i < src->count; i++)
		evcopy_sc_str(p, msg ? &msg[i] : NULL, &src->msg[i]);
	if (dst)
		dst->msg = msg;
	return dst;
}

/* src is the producer's payload; dst its copy (NULL while counting). */
static void evcopy_sc_walk(struct evcopy_sc *p, struct cpd_syscall *dst,
			   const struct cpd_syscall *src)
{
	uint32_t n = src->arg ? MIN(src->nargs, 6u) : 0, i;
	const struct cpd_payload *payload;
	struct cpd_arg *arg;

	arg = n ? evcopy_sc_struct(p, src->arg, n * sizeof(*src->arg)) : NULL;
	for (i = 0; i < n; i++) {
		const void *d;

		evcopy_sc_arg(p, arg ? &arg[i] : NULL, &src->arg[i]);
		d = evcopy_sc_argdata(p, src->arg[i].kind, &src->argdata[i]);
		if (dst)
			dst->argdata[i].ptr = d;
	}
	evcopy_sc_arg(p, dst ? &dst->retval : NULL, &src->retval);
	payload = evcopy_sc_payload(p, src->payload);
	if (!dst)
		return;
	dst->arg = arg;
	dst->payload = payload;
	/* argdata past the decoded arguments belongs to none */
	for (i = n; i < 6; i++)
		dst->argdata[i].ptr = NULL;
}

void evcopy_syscall_need(const struct cpd_syscall *sc, size_t *structs,
			 size_t *strs)
{
	struct evcopy_sc p = { .move = false };

	evcopy_sc_walk(&p, NULL, sc);
	*structs = p.structs;
	*strs = p.strs;
}

void evcopy_syscall_move(struct cpd_syscall *sc, char *structs, char *strs)
{
	struct evcopy_sc p = { .move = true, .sp = structs, .str = strs };
	struct cpd_syscall src = *sc;

	evcopy_sc_walk(&p, sc, &src);
}
