// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Payload capture: when a plugin's rule matches the socket a data call
 * used (payload.h), the bytes the call moved are read once, at its exit,
 * and handed to every subscriber with the syscall, so that no analyzer
 * reads tracee memory itself. Reads are bounded by what the call moved
 * and by the rule; nothing is read for calls no rule matches.
 */
#include "decode.h"
#include "payload.h"

#include <linux/net.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

/* Ports a call is about: its socket's, and the addresses it names. */
#define DECODE_PORTS_MAX (2 + 6 + CPD_IOV_MAX)

/*
 * The socket of a data call, from its first argument (every send, recv,
 * read and write form takes the fd first), and its protocol.
 */
static const struct cpd_fdinfo *decode_payload_sock(const struct decode_call *c,
						    uint16_t *proto)
{
	const struct cpd_fdinfo *fd = c->arg[0].fd;

	if (c->arg[0].kind != CPD_ARG_FD || !fd || fd->kind != CPD_FD_SOCKET)
		return NULL;
	if (fd->sock_family != AF_INET && fd->sock_family != AF_INET6)
		return NULL;
	if (fd->sock_type == SOCK_DGRAM)
		*proto = CPD_PROTO_UDP;
	else if (fd->sock_type == SOCK_STREAM)
		*proto = CPD_PROTO_TCP;
	else
		return NULL;
	return fd;
}

/* The largest max_bytes of the rules that match the call, or 0. */
static uint32_t decode_payload_want(const struct decode_call *c,
				    const struct decode_ctx *ctx)
{
	uint16_t ports[DECODE_PORTS_MAX];
	const struct cpd_fdinfo *fd;
	uint16_t proto = 0;
	size_t n = 0, i, k;

	fd = decode_payload_sock(c, &proto);
	if (!fd)
		return 0;
	ports[n++] = fd->local.port;
	ports[n++] = fd->peer.port;
	for (i = 0; i < c->se->nargs && i < 6; i++) {
		const struct cpd_arg *a = &c->arg[i];
		const struct cpd_msgs *ms = c->argdata[i].msgs;

		if (a->sa && (a->kind == CPD_ARG_SOCKADDR ||
			      a->kind == CPD_ARG_SOCKADDR_OUT))
			ports[n++] = a->sa->port;
		if ((a->kind == CPD_ARG_MSGHDR || a->kind == CPD_ARG_MMSGHDR) &&
		    ms)
			for (k = 0; k < ms->count && n < DECODE_PORTS_MAX; k++)
				ports[n++] = ms->msg[k].name.port;
	}
	return payload_match(ctx->payload, proto, ports, n);
}

/* Room for one more message, its bytes in the call's arena. */
static struct cpd_str *decode_payload_msg(struct decode_call *c, size_t count,
					  size_t k)
{
	struct cpd_str *msg = (struct cpd_str *)c->payload.msg;

	if (!msg) {
		msg = arena_alloc(&c->arena, count * sizeof(*msg));
		memset(msg, 0, count * sizeof(*msg));
		c->payload.msg = msg;
		c->payload.count = (uint32_t)count;
	}
	return &msg[k];
}

/* One message: moved bytes, of which want kept, read by read(). */
static void decode_payload_keep(struct decode_call *c, struct cpd_str *out,
				uint8_t *buf, size_t got, uint64_t moved,
				size_t want, bool partial)
{
	out->ptr = (const char *)buf;
	out->len = (uint32_t)got;
	if (moved > want)
		c->payload.flags |= CPD_PAYLOADF_TRUNCATED;
	if (partial || (got < want && got < moved)) {
		c->payload.flags |= CPD_PAYLOADF_PARTIAL;
		out->flags |= CPD_STR_PARTIAL;
	}
}

void decode_payload(struct decode_call *c, const struct decode_ctx *ctx,
		    int64_t ret)
{
	uint32_t max;
	unsigned i;

	if (!c->se || ret <= 0 ||
	    !(c->se->classes & (CPD_SC_READ | CPD_SC_WRITE)))
		return;
	max = decode_payload_want(c, ctx);
	if (!max)
		return;
	for (i = 0; i < c->se->nargs && i < 6; i++) {
		const struct cpd_arg *a = &c->arg[i];
		uint64_t count = i + 1 < 6 ? c->args[i + 1] : 0;
		size_t want = (size_t)MIN((uint64_t)ret, (uint64_t)max);
		const struct cpd_msgs *ms;
		bool partial = false;
		uint64_t iov, iovlen;
		uint8_t *buf;
		size_t got, k;
		ssize_t n;

		switch (a->kind) {
		case CPD_ARG_BUF_IN:
		case CPD_ARG_BUF_OUT:
			buf = arena_alloc(&c->arena, want);
			n = tmem_read(ctx->mem, a->raw, buf, want);
			got = n > 0 ? (size_t)n : 0;
			decode_payload_keep(c, decode_payload_msg(c, 1, 0), buf,
					    got, (uint64_t)ret, want, false);
			return;
		case CPD_ARG_IOVEC:
			buf = arena_alloc(&c->arena, want);
			got = decode_iov_gather(c, ctx, a->raw, count, buf,
						want, &partial);
			decode_payload_keep(c, decode_payload_msg(c, 1, 0), buf,
					    got, (uint64_t)ret, want, partial);
			return;
		case CPD_ARG_MSGHDR:
		case CPD_ARG_MMSGHDR:
			ms = c->argdata[i].msgs;
			if (!ms || !ms->count)
				return;
			for (k = 0; k < ms->count; k++) {
				const struct cpd_msg *m = &ms->msg[k];
				struct cpd_str *out;

				want = (size_t)MIN((uint64_t)m->len,
						   (uint64_t)max);
				out = decode_payload_msg(c, ms->count, k);
				partial = false;
				got = 0;
				buf = arena_alloc(&c->arena, want ? want : 1);
				if (m->flags & CPD_MSGF_PARTIAL ||
				    !decode_msg_iov(c, ctx, a->raw, k,
						    a->kind == CPD_ARG_MMSGHDR,
						    &iov, &iovlen))
					partial = true;
				else
					got = decode_iov_gather(c, ctx, iov,
								iovlen, buf,
								want, &partial);
				decode_payload_keep(c, out, buf, got, m->len,
						    want, partial);
			}
			return;
		default:
			break;
		}
	}
}
