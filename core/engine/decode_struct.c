// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The struct kinds: iovec arrays, message headers, open_how and i386
 * old_mmap's argument block, read in the layout of the arch the call was
 * made in (x86_64, or i386 for int 0x80 and 32-bit tasks) and decoded
 * into the SDK's structs in the call's arena. Every count and length in
 * them is the tracee's word: each is bounded before it sizes a read.
 */
#include "decode.h"

#include <linux/audit.h>
#include <string.h>

/* struct msghdr, mmsghdr and iovec as an arch lays them out. */
struct decode_abi {
	uint8_t word; /* a pointer, a size_t */
	/* offsets in struct msghdr; msg_name is at 0 */
	uint8_t namelen;
	uint8_t iov;
	uint8_t iovlen;
	uint8_t controllen;
	uint8_t flags;
	uint8_t msghdr;	 /* its size: mmsghdr.msg_len is there */
	uint8_t mmsghdr; /* sizeof(struct mmsghdr) */
};

static const struct decode_abi decode_abi_64 = {
	.word = 8,
	.namelen = 8,
	.iov = 16,
	.iovlen = 24,
	.controllen = 40,
	.flags = 48,
	.msghdr = 56,
	.mmsghdr = 64,
};

/* The kernel's compat_msghdr: every field 32 bits wide. */
static const struct decode_abi decode_abi_32 = {
	.word = 4,
	.namelen = 4,
	.iov = 8,
	.iovlen = 12,
	.controllen = 20,
	.flags = 24,
	.msghdr = 28,
	.mmsghdr = 32,
};

static const struct decode_abi *decode_abi_of(const struct decode_call *c)
{
	return c->arch == AUDIT_ARCH_I386 ? &decode_abi_32 : &decode_abi_64;
}

static uint64_t decode_word(const uint8_t *p, size_t size)
{
	uint32_t v32;
	uint64_t v64;

	if (size == 4) {
		memcpy(&v32, p, sizeof(v32));
		return v32;
	}
	memcpy(&v64, p, sizeof(v64));
	return v64;
}

static void *decode_zalloc(struct decode_call *c, size_t size)
{
	return memset(arena_alloc(&c->arena, size), 0, size);
}

/* Sum count iovecs at addr into out; false when some were unreadable. */
static bool decode_iov(struct decode_call *c, const struct decode_ctx *ctx,
		       uint64_t addr, uint64_t count, struct cpd_iov *out)
{
	const struct decode_abi *abi = decode_abi_of(c);
	size_t esize = 2u * abi->word, got, k;
	uint8_t *buf;
	ssize_t n;

	memset(out, 0, sizeof(*out));
	if (count > CPD_IOV_MAX) {
		out->flags |= CPD_IOVF_TRUNCATED;
		count = CPD_IOV_MAX;
	}
	if (!count)
		return true;
	buf = arena_alloc(&c->arena, (size_t)count * esize);
	n = tmem_read(ctx->mem, addr, buf, (size_t)count * esize);
	got = n > 0 ? (size_t)n / esize : 0;
	for (k = 0; k < got; k++) {
		uint64_t len =
			decode_word(buf + k * esize + abi->word, abi->word);

		out->bytes = out->bytes > UINT64_MAX - len ? UINT64_MAX :
							     out->bytes + len;
	}
	out->count = (uint32_t)got;
	if (got < count) {
		out->flags |= CPD_IOVF_PARTIAL;
		return false;
	}
	return true;
}

/*
 * A message header already read into hdr: its name and iovecs are read
 * here. False when some part was unreadable.
 */
static bool decode_msg(struct decode_call *c, const struct decode_ctx *ctx,
		       const uint8_t *hdr, struct cpd_msg *m)
{
	const struct decode_abi *abi = decode_abi_of(c);
	uint64_t name = decode_word(hdr, abi->word);
	bool ok = true;

	memcpy(&m->namelen, hdr + abi->namelen, sizeof(m->namelen));
	memcpy(&m->msg_flags, hdr + abi->flags, sizeof(m->msg_flags));
	m->controllen = decode_word(hdr + abi->controllen, abi->word);
	if (name && m->namelen &&
	    decode_sockaddr_at(c, ctx->mem, name, m->namelen, &m->name) < 0)
		ok = false;
	if (!decode_iov(c, ctx, decode_word(hdr + abi->iov, abi->word),
			decode_word(hdr + abi->iovlen, abi->word), &m->iov))
		ok = false;
	return ok;
}

/* sendmsg, recvmsg: one header; the return value is its length. */
static void decode_msghdr(struct decode_call *c, unsigned i,
			  const struct decode_ctx *ctx, int64_t ret)
{
	const struct decode_abi *abi = decode_abi_of(c);
	struct cpd_arg *a = &c->arg[i];
	struct cpd_msgs *ms = decode_zalloc(c, sizeof(*ms));
	struct cpd_msg *m = decode_zalloc(c, sizeof(*m));
	uint8_t hdr[64];

	m->len = (uint32_t)ret;
	if (tmem_read(ctx->mem, a->raw, hdr, abi->msghdr) != abi->msghdr) {
		m->flags |= CPD_MSGF_PARTIAL;
		decode_partial(c, a);
	} else if (!decode_msg(c, ctx, hdr, m)) {
		decode_partial(c, a);
	}
	ms->count = 1;
	ms->msg = m;
	c->argdata[i].msgs = ms;
}

/*
 * sendmmsg, recvmmsg: the return value is how many headers the kernel
 * went through; each says in msg_len how many bytes it moved.
 */
static void decode_mmsghdr(struct decode_call *c, unsigned i,
			   const struct decode_ctx *ctx, int64_t ret)
{
	const struct decode_abi *abi = decode_abi_of(c);
	struct cpd_arg *a = &c->arg[i];
	struct cpd_msgs *ms = decode_zalloc(c, sizeof(*ms));
	uint64_t vlen = i + 1 < 6 ? c->args[i + 1] : 0;
	size_t count, got = 0, k;
	struct cpd_msg *m;
	uint8_t *buf;
	ssize_t n;

	/* a count past vlen or UIO_MAXIOV is not the kernel's: believe neither */
	count = (size_t)MIN(MIN((uint64_t)ret, vlen), (uint64_t)CPD_IOV_MAX);
	m = count ? decode_zalloc(c, count * sizeof(*m)) : NULL;
	if (count) {
		buf = arena_alloc(&c->arena, count * abi->mmsghdr);
		n = tmem_read(ctx->mem, a->raw, buf, count * abi->mmsghdr);
		got = n > 0 ? (size_t)n / abi->mmsghdr : 0;
		for (k = 0; k < got; k++) {
			const uint8_t *h = buf + k * abi->mmsghdr;

			memcpy(&m[k].len, h + abi->msghdr, sizeof(m[k].len));
			if (!decode_msg(c, ctx, h, &m[k]))
				decode_partial(c, a);
		}
		/* unreadable: the messages still moved, their bytes unknown */
		for (k = got; k < count; k++)
			m[k].flags |= CPD_MSGF_PARTIAL;
		if (got < count)
			decode_partial(c, a);
	}
	ms->count = (uint32_t)count;
	ms->msg = m;
	c->argdata[i].msgs = ms;
}

static void decode_open_how(struct decode_call *c, unsigned i,
			    const struct decode_ctx *ctx)
{
	struct cpd_arg *a = &c->arg[i];
	uint64_t size = i + 1 < 6 ? c->args[i + 1] : 0;
	struct cpd_open_how *how;
	uint64_t raw[3];

	/* smaller than its first version, the kernel refuses it (EINVAL) */
	if (!a->raw || size < sizeof(raw))
		return;
	if (tmem_read(ctx->mem, a->raw, raw, sizeof(raw)) != sizeof(raw)) {
		decode_partial(c, a);
		return;
	}
	how = decode_zalloc(c, sizeof(*how));
	how->flags = raw[0];
	how->mode = raw[1];
	how->resolve = raw[2];
	c->argdata[i].how = how;
}

/* i386 old_mmap(struct mmap_arg_struct *): six 32-bit words. */
static void decode_mmap_args(struct decode_call *c, unsigned i,
			     const struct decode_ctx *ctx)
{
	struct cpd_arg *a = &c->arg[i];
	struct cpd_mmap_args *m;
	uint32_t v[6];

	if (!a->raw)
		return;
	if (tmem_read(ctx->mem, a->raw, v, sizeof(v)) != sizeof(v)) {
		decode_partial(c, a);
		return;
	}
	m = decode_zalloc(c, sizeof(*m));
	m->addr = v[0];
	m->len = v[1];
	m->prot = v[2];
	m->flags = v[3];
	m->fd = (int32_t)v[4];
	m->offset = v[5];
	c->argdata[i].mmap = m;
	decode_fd(c, i, ctx, m->fd);
}

/*
 * getsockopt's optval at exit: the kernel wrote back its length where the
 * next argument points; an integer option is taken whole.
 */
static void decode_sockopt(struct decode_call *c, unsigned i,
			   const struct decode_ctx *ctx)
{
	struct cpd_arg *a = &c->arg[i];
	uint64_t lenp = i + 1 < 6 ? c->args[i + 1] : 0;
	struct cpd_sockopt *so;
	uint8_t v[8];
	uint32_t len;

	if (!a->raw || !lenp)
		return;
	if (tmem_read(ctx->mem, lenp, &len, sizeof(len)) != sizeof(len)) {
		decode_partial(c, a);
		return;
	}
	so = decode_zalloc(c, sizeof(*so));
	so->len = len;
	if (len == 1 || len == 2 || len == 4 || len == 8) {
		if (tmem_read(ctx->mem, a->raw, v, len) != (ssize_t)len) {
			decode_partial(c, a);
		} else {
			int64_t x = 0;

			if (len == 1)
				x = (int8_t)v[0];
			else if (len == 2)
				x = (int16_t)decode_word(v, 2);
			else if (len == 4)
				x = (int32_t)decode_word(v, 4);
			else
				x = (int64_t)decode_word(v, 8);
			so->value = x;
			so->flags |= CPD_SOCKOPTF_INT;
		}
	}
	c->argdata[i].sockopt = so;
}

void decode_struct_entry(struct decode_call *c, unsigned i,
			 const struct decode_ctx *ctx)
{
	struct cpd_arg *a = &c->arg[i];
	struct cpd_iov *iov;

	switch (a->kind) {
	case CPD_ARG_IOVEC:
		if (!a->raw)
			break;
		iov = decode_zalloc(c, sizeof(*iov));
		if (!decode_iov(c, ctx, a->raw, i + 1 < 6 ? c->args[i + 1] : 0,
				iov))
			decode_partial(c, a);
		c->argdata[i].iov = iov;
		break;
	case CPD_ARG_OPEN_HOW:
		decode_open_how(c, i, ctx);
		break;
	case CPD_ARG_MMAP_ARGS:
		decode_mmap_args(c, i, ctx);
		break;
	default:
		break;
	}
}

void decode_struct_exit(struct decode_call *c, unsigned i,
			const struct decode_ctx *ctx, int64_t ret)
{
	switch (c->arg[i].kind) {
	case CPD_ARG_MSGHDR:
		decode_msghdr(c, i, ctx, ret);
		break;
	case CPD_ARG_MMSGHDR:
		decode_mmsghdr(c, i, ctx, ret);
		break;
	case CPD_ARG_SOCKOPT:
		decode_sockopt(c, i, ctx);
		break;
	default:
		break;
	}
}

/* ---- what the payload capture needs (decode_payload.c) ---------------- */

size_t decode_iov_gather(struct decode_call *c, const struct decode_ctx *ctx,
			 uint64_t addr, uint64_t count, uint8_t *out,
			 size_t want, bool *partial)
{
	const struct decode_abi *abi = decode_abi_of(c);
	size_t esize = 2u * abi->word, got = 0, k;
	uint8_t *buf;
	ssize_t n;

	count = MIN(count, (uint64_t)CPD_IOV_MAX);
	if (!count || !want)
		return 0;
	buf = arena_alloc(&c->arena, (size_t)count * esize);
	n = tmem_read(ctx->mem, addr, buf, (size_t)count * esize);
	if (n < (ssize_t)(count * esize)) {
		*partial = true;
		count = n > 0 ? (size_t)n / esize : 0;
	}
	for (k = 0; k < count && got < want; k++) {
		uint64_t base = decode_word(buf + k * esize, abi->word);
		uint64_t len =
			decode_word(buf + k * esize + abi->word, abi->word);
		size_t take = (size_t)MIN(len, (uint64_t)(want - got));

		if (!take)
			continue;
		n = tmem_read(ctx->mem, base, out + got, take);
		if (n < (ssize_t)take) {
			*partial = true;
			got += n > 0 ? (size_t)n : 0;
			break;
		}
		got += take;
	}
	return got;
}

bool decode_msg_iov(struct decode_call *c, const struct decode_ctx *ctx,
		    uint64_t addr, size_t k, bool mmsg, uint64_t *iov,
		    uint64_t *iovlen)
{
	const struct decode_abi *abi = decode_abi_of(c);
	uint8_t hdr[64];

	if (mmsg)
		addr += (uint64_t)k * abi->mmsghdr;
	if (tmem_read(ctx->mem, addr, hdr, abi->msghdr) != abi->msghdr)
		return false;
	*iov = decode_word(hdr + abi->iov, abi->word);
	*iovlen = decode_word(hdr + abi->iovlen, abi->word);
	return true;
}
