// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "decode.h"

#include <errno.h>
#include <limits.h>
#include <linux/audit.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fdproc.h"
#include "fdtable.h"

#define DECODE_MAX_SOCKADDR 128
#define DECODE_MAX_ARGV	    256

const char *decode_keep(struct decode_call *c, const char *s, size_t len)
{
	char *p = arena_alloc(&c->arena, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void decode_call_free(struct decode_call *c)
{
	arena_free(&c->arena);
}

void decode_partial(struct decode_call *c, struct cpd_arg *a)
{
	a->flags |= CPD_ARGF_PARTIAL;
	c->flags |= CPD_SCF_PARTIAL;
}

static void decode_string(struct decode_call *c, struct cpd_arg *a,
			  struct tmem *mem, size_t max)
{
	char *buf = arena_alloc(&c->arena, max + 1);
	bool truncated;
	ssize_t n;

	n = tmem_read_str(mem, a->raw, buf, max, &truncated);
	if (n < 0) {
		decode_partial(c, a);
		return;
	}
	a->str.ptr = buf;
	a->str.len = (uint32_t)n;
	if (truncated) {
		a->flags |= CPD_ARGF_TRUNCATED;
		a->str.flags |= CPD_STR_TRUNCATED;
	}
}

static void decode_buffer(struct decode_call *c, struct cpd_arg *a,
			  struct tmem *mem, uint64_t size, uint32_t limit)
{
	size_t want = (size_t)MIN(size, (uint64_t)limit);
	char *buf;
	ssize_t n;

	if (!a->raw) {
		return;
	}
	buf = arena_alloc(&c->arena, want + 1);
	n = want ? tmem_read(mem, a->raw, buf, want) : 0;
	if (n < 0) {
		decode_partial(c, a);
		return;
	}
	buf[n] = '\0';
	a->str.ptr = buf;
	a->str.len = (uint32_t)n;
	if ((uint64_t)n < size) {
		a->flags |= CPD_ARGF_TRUNCATED;
		a->str.flags |= CPD_STR_TRUNCATED;
	}
}

int decode_sockaddr_at(struct decode_call *c, struct tmem *mem, uint64_t addr,
		       uint64_t len, struct cpd_sockaddr *out)
{
	unsigned char raw[DECODE_MAX_SOCKADDR];
	char path[DECODE_MAX_SOCKADDR];
	ssize_t n;

	len = MIN(len, (uint64_t)sizeof(raw));
	n = tmem_read(mem, addr, raw, (size_t)len);
	/* short: the kernel fails to copy it too, the rest is not an address */
	if (n < 0 || !len || (uint64_t)n < len) {
		memset(out, 0, sizeof(*out));
		out->flags = CPD_SA_PARTIAL;
		return -EFAULT;
	}
	fdproc_decode_sockaddr(raw, (size_t)n, out, path, sizeof(path));
	if (out->path.ptr)
		out->path.ptr = decode_keep(c, path, out->path.len);
	return 0;
}

static void decode_sockaddr(struct decode_call *c, int i, struct tmem *mem,
			    uint64_t addr, uint64_t len)
{
	struct cpd_arg *a = &c->arg[i];

	if (!addr)
		return;
	if (decode_sockaddr_at(c, mem, addr, len, &c->sa[i]) < 0) {
		decode_partial(c, a);
		return;
	}
	a->sa = &c->sa[i];
}

static void decode_strv(struct decode_call *c, struct cpd_arg *a,
			const struct decode_ctx *ctx)
{
	size_t psize = c->arch == AUDIT_ARCH_I386 ? 4 : 8;
	size_t total = 0, cap = (size_t)ctx->string_limit * 8 + 1, i;
	char *out = arena_alloc(&c->arena, cap + 1);
	char *tmp = arena_alloc(&c->arena, ctx->string_limit + 1);

	for (i = 0; i < DECODE_MAX_ARGV; i++) {
		uint64_t ptr = 0;
		bool truncated;
		ssize_t n;

		if (tmem_read(ctx->mem, a->raw + i * psize, &ptr, psize) !=
		    (ssize_t)psize) {
			decode_partial(c, a);
			break;
		}
		if (!ptr)
			break;
		n = tmem_read_str(ctx->mem, ptr, tmp, ctx->string_limit,
				  &truncated);
		if (n < 0) {
			/* an unreadable element: "" in its place would lie */
			decode_partial(c, a);
			break;
		}
		if (total + (size_t)n + 1 > cap) {
			a->flags |= CPD_ARGF_TRUNCATED;
			break;
		}
		memcpy(out + total, tmp, (size_t)n);
		out[total + (size_t)n] = '\0';
		total += (size_t)n + 1;
	}
	if (i == DECODE_MAX_ARGV)
		a->flags |= CPD_ARGF_TRUNCATED;
	a->str.ptr = out;
	a->str.len = total ? (uint32_t)(total - 1) : 0;
}

void decode_fd(struct decode_call *c, unsigned i, const struct decode_ctx *ctx,
	       int fd)
{
	struct cpd_arg *a = &c->arg[i];
	struct fd_entry *e;

	if (fd < 0 || !ctx->fd_lookup)
		return;
	e = ctx->fd_lookup(ctx->arg, fd);
	if (!e)
		return;
	/* a copy: the call may close or replace the fd before it returns */
	c->fd_before[i] = e->info;
	if (e->info.path.ptr)
		c->fd_before[i].path.ptr =
			decode_keep(c, e->info.path.ptr, e->info.path.len);
	if (e->info.local.path.ptr)
		c->fd_before[i].local.path.ptr = decode_keep(
			c, e->info.local.path.ptr, e->info.local.path.len);
	if (e->info.peer.path.ptr)
		c->fd_before[i].peer.path.ptr = decode_keep(
			c, e->info.peer.path.ptr, e->info.peer.path.len);
	a->fd = &c->fd_before[i];
}

void decode_entry(struct decode_call *c, const struct decode_ctx *ctx,
		  uint32_t arch, int nr, const uint64_t args[6],
		  uint64_t now_ns)
{
	unsigned i, nargs;

	arena_reset(&c->arena);
	c->se = sysent_lookup(arch, nr);
	c->nr = nr;
	c->arch = arch;
	c->flags = arch == sysent_native_arch() ? 0 : CPD_SCF_COMPAT;
	c->enter_ns = now_ns;
	memcpy(c->args, args, sizeof(c->args));
	memset(c->arg, 0, sizeof(c->arg));
	memset(c->argdata, 0, sizeof(c->argdata));
	/* c->sa[i] is written whole (fdproc_decode_sockaddr) before use */
	memset(&c->retval, 0, sizeof(c->retval));
	memset(&c->payload, 0, sizeof(c->payload));
	if (!c->se) {
		snprintf(c->name, sizeof(c->name), "syscall_%d", nr);
		for (i = 0; i < 6; i++)
			c->arg[i].raw = args[i];
		return;
	}
	nargs = c->se->nargs;
	for (i = 0; i < 6; i++) {
		struct cpd_arg *a = &c->arg[i];

		a->raw = args[i];
		if (i >= nargs)
			continue;
		a->kind = c->se->args[i].kind;
		a->xlat = c->se->args[i].xlat;
		switch (a->kind) {
		case CPD_ARG_FD:
		case CPD_ARG_DIRFD:
			decode_fd(c, i, ctx, (int)a->raw);
			break;
		case CPD_ARG_PATH:
			decode_string(c, a, ctx->mem, PATH_MAX);
			break;
		case CPD_ARG_STR:
			decode_string(c, a, ctx->mem, ctx->string_limit);
			break;
		case CPD_ARG_STRV:
			if (a->raw)
				decode_strv(c, a, ctx);
			break;
		case CPD_ARG_BUF_IN:
			if (ctx->read_data && i + 1 < 6)
				decode_buffer(c, a, ctx->mem, args[i + 1],
					      ctx->string_limit);
			break;
		case CPD_ARG_SOCKADDR:
			if (i + 1 < 6)
				decode_sockaddr(c, (int)i, ctx->mem, a->raw,
						args[i + 1]);
			break;
		case CPD_ARG_IOVEC:
		case CPD_ARG_OPEN_HOW:
		case CPD_ARG_MMAP_ARGS:
			decode_struct_entry(c, i, ctx);
			break;
		default:
			break;
		}
	}
}

void decode_exit(struct decode_call *c, const struct decode_ctx *ctx,
		 int64_t ret)
{
	unsigned i;

	if (!c->se)
		return;
	c->retval.kind = c->se->ret.kind;
	c->retval.xlat = c->se->ret.xlat;
	c->retval.raw = (uint64_t)ret;
	if (ret < 0 && ret > -4096)
		return;
	for (i = 0; i < c->se->nargs && i < 6; i++) {
		struct cpd_arg *a = &c->arg[i];

		switch (a->kind) {
		case CPD_ARG_BUF_OUT:
			if (ctx->read_data && ret > 0)
				decode_buffer(c, a, ctx->mem, (uint64_t)ret,
					      ctx->string_limit);
			a->flags |= CPD_ARGF_AT_EXIT;
			break;
		case CPD_ARG_SOCKADDR_OUT: {
			uint32_t len = 0;

			if (!a->raw || i + 1 >= 6 || !c->args[i + 1])
				break;
			if (tmem_read(ctx->mem, c->args[i + 1], &len,
				      sizeof(len)) != sizeof(len)) {
				a->flags |= CPD_ARGF_PARTIAL;
				break;
			}
			decode_sockaddr(c, (int)i, ctx->mem, a->raw, len);
			a->flags |= CPD_ARGF_AT_EXIT;
			break;
		}
		case CPD_ARG_FDPAIR: {
			int32_t pair[2];

			if (tmem_read(ctx->mem, a->raw, pair, sizeof(pair)) !=
			    sizeof(pair)) {
				decode_partial(c, a);
				break;
			}
			a->pair[0] = pair[0];
			a->pair[1] = pair[1];
			a->flags |= CPD_ARGF_AT_EXIT;
			break;
		}
		case CPD_ARG_MSGHDR:
		case CPD_ARG_MMSGHDR:
		case CPD_ARG_SOCKOPT:
			decode_struct_exit(c, i, ctx, ret);
			a->flags |= CPD_ARGF_AT_EXIT;
			break;
		default:
			break;
		}
	}
	/* after the messages: their names may be what a rule matches */
	if (ctx->payload)
		decode_payload(c, ctx, ret);
}

void decode_retval_fd(struct decode_call *c, const struct decode_ctx *ctx,
		      int64_t ret)
{
	struct fd_entry *e;

	if (!c->se || c->se->ret.kind != CPD_ARG_FD || ret < 0 ||
	    !ctx->fd_lookup)
		return;
	e = ctx->fd_lookup(ctx->arg, (int)ret);
	if (!e)
		return;
	/* strings stay in the fd table, untouched until the next stop */
	c->ret_fd = e->info;
	c->retval.fd = &c->ret_fd;
}

void decode_fill(const struct decode_call *c, struct cpd_syscall *sc,
		 int64_t ret, uint64_t exit_ns)
{
	memset(sc, 0, sizeof(*sc));
	sc->nr = c->nr;
	sc->arch = c->arch;
	sc->name.ptr = c->se ? c->se->name : c->name;
	sc->name.len = (uint32_t)strlen(sc->name.ptr);
	sc->classes = c->se ? c->se->classes : 0;
	sc->nargs = c->se ? c->se->nargs : 6;
	sc->flags = c->flags;
	memcpy(sc->args, c->args, sizeof(sc->args));
	sc->ret = ret;
	/* the kernel's rule, for every syscall: -4095..-1 is -errno */
	sc->err = (ret < 0 && ret > -4096) ? (int32_t)-ret : 0;
	sc->enter_ns = c->enter_ns;
	sc->exit_ns = exit_ns;
	sc->arg = c->arg;
	sc->retval = c->retval;
	memcpy(sc->argdata, c->argdata, sizeof(sc->argdata));
	sc->payload = c->payload.count ? &c->payload : NULL;
}
