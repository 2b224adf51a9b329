// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "bpfspec.h"

#include <linux/audit.h>
#include <string.h>

#include "sysent.h"

/*
 * The capture that decodes an argument of this kind; NONE: the raw value.
 * The struct kinds are copied in the layout of the caller's arch (the
 * kernel side reads the record's arch).
 */
static uint8_t bpfspec_cap(uint8_t kind, bool buffers, uint8_t *fixed)
{
	switch (kind) {
	case CPD_ARG_PATH:
		return CPD_ENG_CAP_PATH;
	case CPD_ARG_STR:
		return CPD_ENG_CAP_STR;
	case CPD_ARG_BUF_IN:
		return buffers ? CPD_ENG_CAP_BUF_IN : CPD_ENG_CAP_NONE;
	case CPD_ARG_BUF_OUT:
		return buffers ? CPD_ENG_CAP_BUF_OUT : CPD_ENG_CAP_NONE;
	case CPD_ARG_SOCKADDR:
		return CPD_ENG_CAP_SOCKADDR;
	case CPD_ARG_SOCKADDR_OUT:
		return CPD_ENG_CAP_SOCKADDR_OUT;
	case CPD_ARG_FDPAIR:
		return CPD_ENG_CAP_FDPAIR;
	case CPD_ARG_OPEN_HOW:
		/* flags, mode, resolve: what the decoder reads */
		*fixed = 24;
		return CPD_ENG_CAP_FIXED;
	case CPD_ARG_MMAP_ARGS:
		/* i386 old_mmap: its six 32-bit arguments in a block */
		*fixed = 24;
		return CPD_ENG_CAP_FIXED;
	case CPD_ARG_IOVEC:
		return CPD_ENG_CAP_IOVEC;
	case CPD_ARG_MSGHDR:
		return CPD_ENG_CAP_MSGHDR;
	case CPD_ARG_MMSGHDR:
		return CPD_ENG_CAP_MMSGHDR;
	case CPD_ARG_SOCKOPT:
		return CPD_ENG_CAP_SOCKOPT;
	default:
		/* argv (STRV) is sent with the exec; a failed exec's is not */
		return CPD_ENG_CAP_NONE;
	}
}

/*
 * The calls summed in the kernel when every plugin taking them takes
 * batches: each moves data through the fd in argument 0 and returns the
 * bytes moved. sendto and recvfrom only without an address, sendmsg and
 * recvmsg only without a msg_name: with one, each call may have its own
 * peer, and plugins see them one by one.
 */
static const struct {
	const char *name;
	uint16_t flags;
} bpfspec_sums[] = {
	{ "read", CPD_ENG_SPEC_IN },
	{ "pread64", CPD_ENG_SPEC_IN },
	{ "readv", CPD_ENG_SPEC_IN },
	{ "preadv", CPD_ENG_SPEC_IN },
	{ "preadv2", CPD_ENG_SPEC_IN },
	{ "recvfrom", CPD_ENG_SPEC_IN | CPD_ENG_SPEC_NOADDR },
	{ "recvmsg", CPD_ENG_SPEC_IN | CPD_ENG_SPEC_NONAME },
	{ "write", CPD_ENG_SPEC_OUT },
	{ "pwrite64", CPD_ENG_SPEC_OUT },
	{ "writev", CPD_ENG_SPEC_OUT },
	{ "pwritev", CPD_ENG_SPEC_OUT },
	{ "pwritev2", CPD_ENG_SPEC_OUT },
	{ "sendto", CPD_ENG_SPEC_OUT | CPD_ENG_SPEC_NOADDR },
	{ "sendmsg", CPD_ENG_SPEC_OUT | CPD_ENG_SPEC_NONAME },
};

static uint16_t bpfspec_sum_flags(const struct session *s, uint32_t arch,
				  int nr, const char *name)
{
	size_t i;

	/* i386 calls are rare: they go one by one */
	if (arch != AUDIT_ARCH_X86_64 ||
	    session_wants_syscall_single(s, arch, nr))
		return 0;
	for (i = 0; i < ARRAY_SIZE(bpfspec_sums); i++)
		if (!strcmp(bpfspec_sums[i].name, name))
			return bpfspec_sums[i].flags;
	return 0;
}

_Static_assert(CPD_ENG_PROTO_UDP == CPD_PROTO_UDP &&
		       CPD_ENG_PROTO_TCP == CPD_PROTO_TCP,
	       "the kernel side's protocol bits are the SDK's");

/*
 * A data call a payload rule may match: the argument whose bytes it moved
 * and how to read them, as decode_payload() finds them.
 */
static void bpfspec_payload(struct cpd_eng_spec *e, const struct sysent *se)
{
	unsigned i;

	if (!(se->classes & (CPD_SC_READ | CPD_SC_WRITE)))
		return;
	/* sendto's and recvfrom's address: its port may be the rule's */
	for (i = 0; i < se->nargs && i < 6; i++)
		if (se->args[i].kind == CPD_ARG_SOCKADDR ||
		    se->args[i].kind == CPD_ARG_SOCKADDR_OUT)
			e->pay_arg = (uint8_t)((i + 1) << 4);
	for (i = 0; i < se->nargs && i < 6; i++) {
		switch (se->args[i].kind) {
		case CPD_ARG_BUF_IN:
			e->pay_cap = CPD_ENG_CAP_BUF_IN;
			break;
		case CPD_ARG_BUF_OUT:
			e->pay_cap = CPD_ENG_CAP_BUF_OUT;
			break;
		case CPD_ARG_IOVEC:
			e->pay_cap = CPD_ENG_CAP_IOVEC;
			break;
		case CPD_ARG_MSGHDR:
			e->pay_cap = CPD_ENG_CAP_MSGHDR;
			break;
		case CPD_ARG_MMSGHDR:
			e->pay_cap = CPD_ENG_CAP_MMSGHDR;
			break;
		default:
			continue;
		}
		e->pay_arg |= (uint8_t)i;
		e->flags |= CPD_ENG_SPEC_PAYLOAD;
		return;
	}
}

/* The union of the payload rules, an entry per port and protocol. */
static void bpfspec_prules(struct bpfspec *sp, const struct payload_rules *u)
{
	static const uint16_t protos[] = { CPD_PROTO_UDP, CPD_PROTO_TCP };
	size_t i, p;

	for (i = 0; i < u->n; i++)
		for (p = 0; p < ARRAY_SIZE(protos); p++) {
			if (!(u->rule[i].proto & protos[p]) ||
			    sp->nprules == CPD_ENG_PRULES_MAX)
				continue;
			sp->prule[sp->nprules].port = u->rule[i].port;
			sp->prule[sp->nprules].proto = protos[p];
			sp->prule_max[sp->nprules] = u->rule[i].max_bytes;
			sp->nprules++;
		}
}

/* What the kernel side does about the fds a call makes or closes. */
static void bpfspec_fds(struct cpd_eng_spec *e, enum fdtrack_fx fx)
{
	switch (fx) {
	case FX_OPEN:
	case FX_NEWFD:
	case FX_SIGNALFD:
	case FX_ACCEPT:
		e->flags |= CPD_ENG_SPEC_NEWFD | CPD_ENG_SPEC_FDRET;
		break;
	case FX_SOCKET:
	case FX_DUP:
	case FX_DUP2:
	case FX_DUP3:
		e->flags |= CPD_ENG_SPEC_FDRET;
		break;
	case FX_PIPE:
	case FX_SOCKETPAIR:
		e->flags |= CPD_ENG_SPEC_FDPAIR;
		e->pair = fx == FX_PIPE ? 0 : 3;
		break;
	case FX_CLOSE:
		e->flags |= CPD_ENG_SPEC_CLOSE;
		break;
	case FX_CLONE:
		e->flags |= CPD_ENG_SPEC_FORK;
		break;
	default:
		break;
	}
}

/*
 * io_uring operations that move data through a file, and the syscall each
 * counts as: they are summed with it, so io_uring I/O counts like read
 * and write (and is told apart by CPD_SCF_URING). Opcodes from
 * include/uapi/linux/io_uring.h.
 */
static const struct {
	uint8_t op;
	const char *name;
} bpfspec_uring[] = {
	{ 1, "readv" },	    /* IORING_OP_READV */
	{ 2, "writev" },    /* IORING_OP_WRITEV */
	{ 4, "read" },	    /* IORING_OP_READ_FIXED */
	{ 5, "write" },	    /* IORING_OP_WRITE_FIXED */
	{ 9, "sendmsg" },   /* IORING_OP_SENDMSG */
	{ 10, "recvmsg" },  /* IORING_OP_RECVMSG */
	{ 22, "read" },	    /* IORING_OP_READ */
	{ 23, "write" },    /* IORING_OP_WRITE */
	{ 26, "sendto" },   /* IORING_OP_SEND */
	{ 27, "recvfrom" }, /* IORING_OP_RECV */
	{ 47, "sendto" },   /* IORING_OP_SEND_ZC */
	{ 48, "sendmsg" },  /* IORING_OP_SENDMSG_ZC */
	{ 49, "read" },	    /* IORING_OP_READ_MULTISHOT */
	{ 60, "readv" },    /* IORING_OP_READV_FIXED */
	{ 61, "writev" },   /* IORING_OP_WRITEV_FIXED */
};

/*
 * io_uring I/O is always summed: there is no call to send one by one.
 * Plugins that do not take batches never get it, as under ptrace.
 */
static void bpfspec_uring_ops(struct bpfspec *sp)
{
	uint32_t arch = AUDIT_ARCH_X86_64;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bpfspec_uring); i++) {
		int nr = sysent_number(arch, bpfspec_uring[i].name);

		if (nr < 0 || nr >= CPD_ENG_NR_MAX || !sp->publish[nr])
			continue;
		sp->uring_op[bpfspec_uring[i].op] = (uint32_t)nr + 1;
		sp->uring = true;
	}
}

void bpfspec_build(struct bpfspec *sp, const struct session *s,
		   const struct fdtrack *ft)
{
	static const uint32_t arches[2] = { AUDIT_ARCH_X86_64,
					    AUDIT_ARCH_I386 };
	bool any = s->bus && bus_wants(s->bus, CPD_EV_SYSCALL);
	bool buffers = s->core.verbose > 0;
	size_t a;

	memset(sp, 0, sizeof(*sp));
	sp->str_limit =
		(uint32_t)MIN(s->core.string_limit, (uint64_t)CPD_ENG_PATH_MAX);
	sp->buf_limit = buffers ? sp->str_limit : 0;
	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		int count = MIN(sysent_count(arches[a]), CPD_ENG_NR_MAX), nr;

		for (nr = 0; nr < count; nr++) {
			struct cpd_eng_spec *e =
				&sp->e[a * CPD_ENG_NR_MAX + nr];
			const struct sysent *se = sysent_lookup(arches[a], nr);
			enum fdtrack_fx fx = fdtrack_effect(ft, arches[a], nr);
			bool pub = session_wants_syscall(s, arches[a], nr);
			unsigned i;

			/* fd tracking matters only when syscalls are listened to */
			if (!pub && !(any && fx != FX_NONE))
				continue;
			e->flags = CPD_ENG_SPEC_TRACE;
			sp->publish[a * CPD_ENG_NR_MAX + (size_t)nr] = pub;
			sp->ntraced++;
			bpfspec_fds(e, fx);
			if (!se)
				continue;
			if (pub)
				e->flags |= bpfspec_sum_flags(s, arches[a], nr,
							      se->name);
			if (pub && s->payload.n)
				bpfspec_payload(e, se);
			if (s->payload.n && !strcmp(se->name, "connect"))
				e->flags |= CPD_ENG_SPEC_REBOUND;
			if (pub && strstr(se->name, "sigreturn")) {
				e->flags |= CPD_ENG_SPEC_SIGRETURN;
				sp->entries = true;
			}
			for (i = 0; i < se->nargs && i < 6; i++)
				e->cap[i] = bpfspec_cap(se->args[i].kind,
							buffers, &e->fixed);
		}
	}
	bpfspec_uring_ops(sp);
	bpfspec_prules(sp, &s->payload);
	sp->timed = session_wants_timing(s);
	sp->entries |= sp->timed;
}

const struct cpd_eng_spec *bpfspec_get(const struct bpfspec *sp, uint32_t arch,
				       int nr)
{
	size_t base;

	if (nr < 0 || nr >= CPD_ENG_NR_MAX)
		return NULL;
	if (arch == AUDIT_ARCH_X86_64)
		base = 0;
	else if (arch == AUDIT_ARCH_I386)
		base = CPD_ENG_NR_MAX;
	else
		return NULL;
	return &sp->e[base + (size_t)nr];
}
