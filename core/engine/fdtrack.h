/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What each fd-lifecycle syscall does to the fd table, applied when it
 * returns, and the set of syscalls the core must see for that.
 */
#ifndef CPD_CORE_FDTRACK_H
#define CPD_CORE_FDTRACK_H

#include "decode.h"
#include "task.h"

enum fdtrack_fx {
	FX_NONE = 0,
	FX_OPEN,  /* open, creat, openat, openat2, open_by_handle_at */
	FX_NEWFD, /* returns a new fd of some kind: ask /proc */
	FX_CLOSE,
	FX_CLOSE_RANGE,
	FX_DUP,
	FX_DUP2,
	FX_DUP3,
	FX_FCNTL,
	FX_PIPE,
	FX_SOCKET,
	FX_SOCKETPAIR,
	FX_ACCEPT,
	FX_CONNECT,
	FX_BIND,
	FX_LISTEN,
	FX_SIGNALFD, /* new fd only when passed -1 */
	FX_CLONE,    /* clone, clone3, fork, vfork: flags for the event */
	FX_UNSHARE,
};

/*
 * What an engine knows of the fd a call just returned. The ptrace engine
 * has none (NULL): the task is stopped, so /proc answers. The eBPF engine
 * reads the file from the kernel's fd table at the syscall's exit, since
 * by the time its record is read the fd may be closed. Fill info (path
 * strings may point into the engine's record) and *kfile (the kernel's
 * struct file, an identity) and return true, or false
 * when nothing is known.
 */
typedef bool (*fdtrack_describe_fn)(void *ctx, struct task *t, int fd,
				    struct cpd_fdinfo *info, uint64_t *kfile);

struct fdtrack {
	uint8_t *fx[2]; /* per arch: native, compat */
	int count[2];
	uint32_t arch[2];
	fdtrack_describe_fn describe;
	void *describe_ctx;
};

void fdtrack_init(struct fdtrack *ft);
void fdtrack_free(struct fdtrack *ft);
/* Called at every stop: inline. */
static inline enum fdtrack_fx fdtrack_effect(const struct fdtrack *ft,
					     uint32_t arch, int nr)
{
	int a = arch == ft->arch[0] ? 0 : arch == ft->arch[1] ? 1 : -1;

	if (a < 0 || nr < 0 || nr >= ft->count[a] || !ft->fx[a])
		return FX_NONE;
	return (enum fdtrack_fx)ft->fx[a][nr];
}

/* Apply what call c does to t's fd table at its entry (frees). */
void fdtrack_apply_entry(const struct fdtrack *ft, struct task *t,
			 struct decode_call *c);
/* Apply call c, returning ret, to t's fd table. */
void fdtrack_apply(const struct fdtrack *ft, struct task *t,
		   struct decode_call *c, int64_t ret);

/* The clone flags of the clone-family call c (for the fork event). */
uint64_t fdtrack_clone_flags(const struct fdtrack *ft, struct task *t,
			     const struct decode_call *c, bool *known);

/* fd lookup for the decoder: the table, else /proc. */
struct fd_entry *fdtrack_lookup(void *task, int fd);

#endif /* CPD_CORE_FDTRACK_H */
