/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * One generic, table-driven syscall decoder: the syscall table says what
 * each argument is, and this reads and describes it. Inputs are decoded at
 * entry (paths, strings, addresses passed in, fds as they were, iovec
 * sums, open_how, old_mmap's arguments), outputs at exit (buffers filled,
 * addresses returned, new fds, the messages sent or received).
 *
 * Tracee memory is read through decode_ctx.mem only (tmem.h), so any
 * engine can feed the decoder: the ptrace engine reads the stopped task,
 * another may serve bytes it captured.
 */
#ifndef CPD_CORE_DECODE_H
#define CPD_CORE_DECODE_H

#include <sys/types.h>

#include <compendium/event.h>

#include "base/arena.h"
#include "sysent.h"
#include "tmem.h"

struct fd_entry;
struct payload_rules;

struct decode_ctx {
	/* where tracee memory is read from: the only way the decoder reads it */
	struct tmem *mem;
	uint32_t string_limit;
	bool read_data; /* buffer contents wanted */
	/* what plugins want captured of the data calls move; NULL: nothing */
	const struct payload_rules *payload;
	/* The fd table entry for fd (resolving it if need be), or NULL. */
	struct fd_entry *(*fd_lookup)(void *arg, int fd);
	void *arg;
};

struct decode_call {
	const struct sysent *se; /* NULL for numbers we do not know */
	int nr;
	uint32_t arch;
	uint32_t flags; /* CPD_SCF_* */
	uint64_t args[6];
	uint64_t enter_ns;
	struct cpd_arg arg[6];
	struct cpd_fdinfo fd_before[6];
	struct cpd_sockaddr sa[6];
	union cpd_argdata argdata[6]; /* pointing into arena */
	struct cpd_arg retval;
	struct cpd_fdinfo ret_fd;
	struct cpd_payload payload; /* count 0: nothing captured */
	char name[32];		    /* for unknown numbers */
	struct arena arena;
};

/* Decode the inputs of a syscall stopped at entry. */
void decode_entry(struct decode_call *c, const struct decode_ctx *ctx,
		  uint32_t arch, int nr, const uint64_t args[6],
		  uint64_t now_ns);
/* Decode the outputs once it returned ret (-errno on failure). */
void decode_exit(struct decode_call *c, const struct decode_ctx *ctx,
		 int64_t ret);
/* Describe a returned fd, once the fd table knows it. */
void decode_retval_fd(struct decode_call *c, const struct decode_ctx *ctx,
		      int64_t ret);
/* Fill a CPD_EV_SYSCALL payload from a decoded call. */
void decode_fill(const struct decode_call *c, struct cpd_syscall *sc,
		 int64_t ret, uint64_t exit_ns);
void decode_call_free(struct decode_call *c);

/* Copy src into the call's arena (for strings that must outlive a stop). */
const char *decode_keep(struct decode_call *c, const char *s, size_t len);

/* ---- shared by decode.c and decode_struct.c --------------------------- */

/* Argument a (and so the call) lost some tracee memory. */
void decode_partial(struct decode_call *c, struct cpd_arg *a);
/*
 * Read and decode the sockaddr of len bytes at addr into out, its unix
 * path kept in the call's arena. -EFAULT (out: CPD_SA_PARTIAL) when it is
 * not all readable.
 */
int decode_sockaddr_at(struct decode_call *c, struct tmem *mem, uint64_t addr,
		       uint64_t len, struct cpd_sockaddr *out);
/* Point argument i's fd at a copy of what the fd table knows of fd. */
void decode_fd(struct decode_call *c, unsigned i, const struct decode_ctx *ctx,
	       int fd);
/* The struct kinds (CPD_ARG_IOVEC ...): argument i at entry, at exit. */
void decode_struct_entry(struct decode_call *c, unsigned i,
			 const struct decode_ctx *ctx);
void decode_struct_exit(struct decode_call *c, unsigned i,
			const struct decode_ctx *ctx, int64_t ret);
/*
 * Up to want bytes of what count iovecs at addr point to, in order, into
 * out; the bytes copied. *partial is set when some were unreadable.
 */
size_t decode_iov_gather(struct decode_call *c, const struct decode_ctx *ctx,
			 uint64_t addr, uint64_t count, uint8_t *out,
			 size_t want, bool *partial);
/*
 * The iovec array of the message header at addr (the k-th of an mmsghdr
 * array there when mmsg). False when the header is unreadable.
 */
bool decode_msg_iov(struct decode_call *c, const struct decode_ctx *ctx,
		    uint64_t addr, size_t k, bool mmsg, uint64_t *iov,
		    uint64_t *iovlen);
/* Capture what a call that returned ret moved, when a payload rule says. */
void decode_payload(struct decode_call *c, const struct decode_ctx *ctx,
		    int64_t ret);

#endif /* CPD_CORE_DECODE_H */
