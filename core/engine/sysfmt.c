// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "sysfmt.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <compendium/field.h>

#include "xlat.h"

/* An output cursor that keeps counting past the end of the buffer. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void out_bytes(struct out *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - o->len - 1;

		memcpy(o->buf + o->len, s, MIN(n, room));
	}
	o->len += n;
	if (o->size)
		o->buf[MIN(o->len, o->size - 1)] = '\0';
}

static void out_str(struct out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

static void out_fmt(struct out *o, const char *fmt, ...) ATTR_PRINTF(2, 3);

static void out_fmt(struct out *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		out_bytes(o, tmp, MIN((size_t)n, sizeof(tmp) - 1));
}

static void out_escaped(struct out *o, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			out_str(o, "\\\"");
			break;
		case '\\':
			out_str(o, "\\\\");
			break;
		case '\n':
			out_str(o, "\\n");
			break;
		case '\t':
			out_str(o, "\\t");
			break;
		case '\r':
			out_str(o, "\\r");
			break;
		default:
			/* bytes >= 0x80 too: a C1 control must not reach a terminal */
			if (c < 0x20 || c >= 0x7f)
				out_fmt(o, "\\x%02x", c);
			else
				out_bytes(o, (const char *)&c, 1);
		}
	}
}

static void out_quoted(struct out *o, const struct cpd_str *s)
{
	out_str(o, "\"");
	out_escaped(o, s->ptr, s->len);
	out_str(o, "\"");
	if (s->flags & CPD_STR_TRUNCATED)
		out_str(o, "...");
}

size_t sysfmt_quote(const struct cpd_str *s, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	out_quoted(&o, s);
	return o.len;
}

static void out_sockaddr(struct out *o, const struct cpd_sockaddr *sa)
{
	char ip[INET6_ADDRSTRLEN];

	switch (sa->family) {
	case AF_INET:
		inet_ntop(AF_INET, sa->addr, ip, sizeof(ip));
		out_fmt(o, "%s:%u", ip, sa->port);
		break;
	case AF_INET6:
		inet_ntop(AF_INET6, sa->addr, ip, sizeof(ip));
		out_fmt(o, "[%s]:%u", ip, sa->port);
		break;
	case AF_UNIX:
		if (sa->flags & CPD_SA_UNNAMED) {
			out_str(o, "(unnamed)");
			break;
		}
		if (sa->flags & CPD_SA_ABSTRACT)
			out_str(o, "@");
		out_escaped(o, sa->path.ptr, sa->path.len);
		break;
	case AF_NETLINK:
		out_fmt(o, "netlink:%u", sa->port_id);
		break;
	case 0:
		out_str(o, "?");
		break;
	default: {
		const char *af = xlat_name(CPD_XLAT_AF, sa->family);

		if (af)
			out_str(o, af);
		else
			out_fmt(o, "AF_%u", sa->family);
	}
	}
}

size_t sysfmt_sockaddr(const struct cpd_sockaddr *sa, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	out_sockaddr(&o, sa);
	return o.len;
}

static const char *sysfmt_proto(const struct cpd_fdinfo *fd)
{
	bool v6 = fd->sock_family == AF_INET6;

	switch (fd->sock_family) {
	case AF_INET:
	case AF_INET6:
		if (fd->sock_type == SOCK_STREAM)
			return v6 ? "TCPv6" : "TCP";
		if (fd->sock_type == SOCK_DGRAM)
			return v6 ? "UDPv6" : "UDP";
		return v6 ? "INET6" : "INET";
	case AF_UNIX:
		return "UNIX";
	case AF_NETLINK:
		return "NETLINK";
	default:
		return "socket";
	}
}

static void out_fdinfo(struct out *o, const struct cpd_fdinfo *fd)
{
	if (!fd)
		return;
	switch (fd->kind) {
	case CPD_FD_FILE:
	case CPD_FD_DIR:
	case CPD_FD_TTY:
	case CPD_FD_DEVICE:
	case CPD_FD_MEMFD:
		if (!fd->path.ptr)
			return;
		out_str(o, "<");
		out_escaped(o, fd->path.ptr, fd->path.len);
		out_str(o, ">");
		break;
	case CPD_FD_SOCKET:
		out_fmt(o, "<%s:[", sysfmt_proto(fd));
		if (fd->local.family)
			out_sockaddr(o, &fd->local);
		if (fd->local.family && fd->peer.family)
			out_str(o, "->");
		if (fd->peer.family)
			out_sockaddr(o, &fd->peer);
		out_str(o, "]>");
		break;
	case CPD_FD_UNKNOWN:
		break;
	default:
		out_fmt(o, "<%s>",
			xlat_name(CPD_XLAT_FD_KIND, fd->kind) ?: "?");
	}
}

size_t sysfmt_fdinfo(const struct cpd_fdinfo *fd, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	out_fdinfo(&o, fd);
	return o.len;
}

static void out_xlat(struct out *o, uint32_t xlat, uint64_t v)
{
	char tmp[512];

	xlat_format(xlat, v, tmp, sizeof(tmp));
	out_str(o, tmp);
}

static void out_addr(struct out *o, uint64_t v)
{
	if (v)
		out_fmt(o, "0x%" PRIx64, v);
	else
		out_str(o, "NULL");
}

static void out_strv(struct out *o, const struct cpd_arg *a)
{
	const char *p = a->str.ptr, *end = p + a->str.len;
	bool first = true;

	out_str(o, "[");
	while (p && p < end) {
		size_t n = strnlen(p, (size_t)(end - p));

		out_str(o, first ? "\"" : ", \"");
		out_escaped(o, p, n);
		out_str(o, "\"");
		first = false;
		p += n + 1;
	}
	out_str(o, "]");
	if (a->flags & CPD_ARGF_TRUNCATED)
		out_str(o, "...");
}

/* "[2 iovecs, 500 bytes]"; "..." when not all of them could be summed. */
static void out_iov(struct out *o, const struct cpd_iov *iov)
{
	out_fmt(o, "[%u iovec%s, %" PRIu64 " bytes%s]", iov->count,
		iov->count == 1 ? "" : "s", iov->bytes,
		iov->flags & (CPD_IOVF_PARTIAL | CPD_IOVF_TRUNCATED) ? "..." :
								       "");
}

static void out_sockaddr_struct(struct out *o, const struct cpd_sockaddr *sa)
{
	const char *name = xlat_name(CPD_XLAT_AF, sa->family);

	out_fmt(o, "{sa_family=%s, ", name ? name : "?");
	out_sockaddr(o, sa);
	out_str(o, "}");
}

static void out_msghdr(struct out *o, const struct cpd_msg *m)
{
	out_str(o, "{msg_name=");
	if (m->name.family)
		out_sockaddr_struct(o, &m->name);
	else
		out_str(o, m->name.flags & CPD_SA_PARTIAL ? "?" : "NULL");
	out_fmt(o, ", msg_namelen=%u, msg_iov=", m->namelen);
	out_iov(o, &m->iov);
	out_fmt(o, ", msg_controllen=%" PRIu64 ", msg_flags=", m->controllen);
	out_xlat(o, CPD_XLAT_MSG_FLAGS, m->msg_flags);
	out_str(o, "}");
}

/* Messages shown of a sendmmsg/recvmmsg: the line stays readable. */
#define SYSFMT_MAX_MSGS 4u

static void out_msgs(struct out *o, const struct cpd_arg *a,
		     const struct cpd_msgs *ms)
{
	uint32_t i;

	if (a->kind == CPD_ARG_MSGHDR) {
		if (ms->count != 1 || ms->msg[0].flags & CPD_MSGF_PARTIAL)
			out_addr(o, a->raw);
		else
			out_msghdr(o, &ms->msg[0]);
		return;
	}
	out_str(o, "[");
	for (i = 0; i < ms->count && i < SYSFMT_MAX_MSGS; i++) {
		const struct cpd_msg *m = &ms->msg[i];

		if (i)
			out_str(o, ", ");
		if (m->flags & CPD_MSGF_PARTIAL) {
			out_str(o, "?");
			continue;
		}
		out_str(o, "{msg_hdr=");
		out_msghdr(o, m);
		out_fmt(o, ", msg_len=%u}", m->len);
	}
	if (ms->count > SYSFMT_MAX_MSGS)
		out_str(o, ", ...");
	out_str(o, "]");
}

static void out_open_how(struct out *o, const struct cpd_open_how *how)
{
	out_str(o, "{flags=");
	out_xlat(o, CPD_XLAT_OPEN_FLAGS, how->flags);
	/* as for open: the mode means something only when a file is made */
	if (how->flags & (O_CREAT | __O_TMPFILE))
		out_fmt(o, ", mode=0%" PRIo64, how->mode & 07777);
	if (how->resolve)
		out_fmt(o, ", resolve=0x%" PRIx64, how->resolve);
	out_str(o, "}");
}

static void out_mmap_args(struct out *o, const struct cpd_arg *a,
			  const struct cpd_mmap_args *m)
{
	out_str(o, "{addr=");
	out_addr(o, m->addr);
	out_fmt(o, ", len=%" PRIu64 ", prot=", m->len);
	out_xlat(o, CPD_XLAT_PROT, m->prot);
	out_str(o, ", flags=");
	out_xlat(o, CPD_XLAT_MAP_FLAGS, m->flags);
	out_fmt(o, ", fd=%d", m->fd);
	out_fdinfo(o, a->fd);
	out_fmt(o, ", offset=%" PRId64 "}", m->offset);
}

/* The struct kinds: what argdata holds, else the address. */
static void out_struct(struct out *o, const struct cpd_arg *a,
		       const union cpd_argdata *d)
{
	if (!d->ptr) {
		out_addr(o, a->raw);
		return;
	}
	switch (a->kind) {
	case CPD_ARG_IOVEC:
		out_iov(o, d->iov);
		break;
	case CPD_ARG_MSGHDR:
	case CPD_ARG_MMSGHDR:
		out_msgs(o, a, d->msgs);
		break;
	case CPD_ARG_OPEN_HOW:
		out_open_how(o, d->how);
		break;
	case CPD_ARG_MMAP_ARGS:
		out_mmap_args(o, a, d->mmap);
		break;
	case CPD_ARG_SOCKOPT:
		/* as strace: an integer option in brackets */
		if (d->sockopt->flags & CPD_SOCKOPTF_INT)
			out_fmt(o, "[%" PRId64 "]", d->sockopt->value);
		else
			out_addr(o, a->raw);
		break;
	default:
		out_addr(o, a->raw);
	}
}

static void out_arg(struct out *o, const struct cpd_arg *a,
		    const union cpd_argdata *d)
{
	const char *name;

	if ((a->flags & CPD_ARGF_PARTIAL) &&
	    (a->kind == CPD_ARG_PATH || a->kind == CPD_ARG_STR ||
	     a->kind == CPD_ARG_BUF_IN || a->kind == CPD_ARG_BUF_OUT ||
	     a->kind == CPD_ARG_SOCKADDR || a->kind == CPD_ARG_SOCKADDR_OUT ||
	     a->kind == CPD_ARG_STRV || a->kind == CPD_ARG_FDPAIR)) {
		out_addr(o, a->raw);
		return;
	}
	switch (a->kind) {
	case CPD_ARG_INT:
	case CPD_ARG_PID:
		out_fmt(o, "%d", (int)a->raw);
		break;
	case CPD_ARG_UINT:
		out_fmt(o, "%u", (unsigned)a->raw);
		break;
	case CPD_ARG_SIZE:
		out_fmt(o, "%" PRIu64, a->raw);
		break;
	case CPD_ARG_OFFSET:
		out_fmt(o, "%" PRId64, (int64_t)a->raw);
		break;
	case CPD_ARG_DIRFD:
		if ((int)a->raw == -100) {
			out_str(o, "AT_FDCWD");
			break;
		}
		/* fall through */
	case CPD_ARG_FD:
		out_fmt(o, "%d", (int)a->raw);
		out_fdinfo(o, a->fd);
		break;
	case CPD_ARG_PATH:
	case CPD_ARG_STR:
	case CPD_ARG_BUF_IN:
	case CPD_ARG_BUF_OUT:
		if (a->str.ptr)
			out_quoted(o, &a->str);
		else
			out_addr(o, a->raw);
		break;
	case CPD_ARG_STRV:
		if (a->str.ptr)
			out_strv(o, a);
		else
			out_addr(o, a->raw);
		break;
	case CPD_ARG_FLAGS:
	case CPD_ARG_ENUM:
		out_xlat(o, a->xlat, a->raw);
		break;
	case CPD_ARG_MODE:
		out_fmt(o, "0%" PRIo64, a->raw & 07777);
		break;
	case CPD_ARG_SOCKADDR:
	case CPD_ARG_SOCKADDR_OUT:
		if (!a->sa) {
			out_addr(o, a->raw);
			break;
		}
		out_sockaddr_struct(o, a->sa);
		break;
	case CPD_ARG_IOVEC:
	case CPD_ARG_MSGHDR:
	case CPD_ARG_MMSGHDR:
	case CPD_ARG_OPEN_HOW:
	case CPD_ARG_MMAP_ARGS:
	case CPD_ARG_SOCKOPT:
		out_struct(o, a, d);
		break;
	case CPD_ARG_SIGNAL:
		name = xlat_signal_name((int)a->raw);
		if (name)
			out_str(o, name);
		else
			out_fmt(o, "%d", (int)a->raw);
		break;
	case CPD_ARG_FDPAIR:
		out_fmt(o, "[%d, %d]", a->pair[0], a->pair[1]);
		break;
	case CPD_ARG_ADDR:
	case CPD_ARG_PTR:
		out_addr(o, a->raw);
		break;
	case CPD_ARG_HEX:
	default:
		out_fmt(o, "0x%" PRIx64, a->raw);
	}
}

static void out_ret(struct out *o, const struct cpd_syscall *sc)
{
	const char *ename;

	if (sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY)) {
		out_str(o, " = ?");
		return;
	}
	if (sc->err) {
		ename = xlat_errno_name(sc->err);
		out_str(o, " = -1 ");
		if (ename)
			out_str(o, ename);
		else
			out_fmt(o, "E%d", sc->err);
		out_fmt(o, " (%s)", strerror(sc->err));
		return;
	}
	switch (sc->retval.kind) {
	case CPD_ARG_FD:
		out_fmt(o, " = %" PRId64, sc->ret);
		out_fdinfo(o, sc->retval.fd);
		break;
	case CPD_ARG_ADDR:
	case CPD_ARG_PTR:
	case CPD_ARG_HEX:
		out_fmt(o, " = 0x%" PRIx64, (uint64_t)sc->ret);
		break;
	case CPD_ARG_FLAGS:
	case CPD_ARG_ENUM:
		out_str(o, " = ");
		out_xlat(o, sc->retval.xlat, (uint64_t)sc->ret);
		break;
	default:
		out_fmt(o, " = %" PRId64, sc->ret);
	}
}

/*
 * open's mode means something only with O_CREAT or O_TMPFILE; otherwise it
 * is whatever was in the register, and strace leaves it out too.
 */
static bool sysfmt_skip_mode(const struct cpd_syscall *sc, uint32_t i)
{
	const struct cpd_arg *a, *prev;

	if (!sc->arg || i == 0 || i + 1 != sc->nargs)
		return false;
	a = &sc->arg[i];
	prev = &sc->arg[i - 1];
	return a->kind == CPD_ARG_MODE && prev->kind == CPD_ARG_FLAGS &&
	       prev->xlat == CPD_XLAT_OPEN_FLAGS &&
	       !(prev->raw & (O_CREAT | __O_TMPFILE));
}

size_t sysfmt_format(const struct cpd_event *ev, char *buf, size_t size)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	struct out o = { buf, size, 0 };
	uint32_t i;

	if (size)
		buf[0] = '\0';
	if (ev->kind != CPD_EV_SYSCALL)
		return 0;
	if (sc->name.ptr)
		out_bytes(&o, sc->name.ptr, sc->name.len);
	else
		out_fmt(&o, "syscall_%d", sc->nr);
	out_str(&o, "(");
	for (i = 0; i < sc->nargs && i < 6; i++) {
		if (sysfmt_skip_mode(sc, i))
			break;
		if (i)
			out_str(&o, ", ");
		if (sc->arg)
			out_arg(&o, &sc->arg[i], &sc->argdata[i]);
		else
			out_fmt(&o, "0x%" PRIx64, sc->args[i]);
	}
	out_str(&o, ")");
	out_ret(&o, sc);
	return o.len;
}
