/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Which traced writes land where compendium's own stdout or stderr go.
 *
 * An output that holds its live lines back (CPD_PF_LIVE_STREAM) must
 * write them before the traced command writes to the same file, or the
 * command's text would come before lines about what it did earlier. The
 * tracer asks here, at the entry stop of each syscall that writes to an
 * fd, whether that fd is one of ours: the same file (device and inode),
 * or the controlling terminal when ours is a terminal. The answer is kept
 * in the fd's table entry until the fd changes.
 */
#ifndef CPD_CORE_SHAREDFD_H
#define CPD_CORE_SHAREDFD_H

#include <sys/types.h>

#include "base/cpd.h"
#include "fdtable.h"

/* sharedfd_write_arg(): a write whose fd cannot be told (socketcall) */
#define SHAREDFD_UNKNOWN (-2)

struct sharedfd_out {
	bool valid;
	bool tty;
	dev_t dev;
	ino_t ino;
};

struct sharedfd {
	int8_t *warg[2]; /* per arch: the fd argument written to, or -1 */
	int count[2];
	uint32_t arch[2];
	struct sharedfd_out out[2]; /* our stdout and stderr */
	bool to_socket;		    /* one of them is a socket */
	bool to_pipe;		    /* or a pipe */
};

/* Learn the write syscalls and what our stdout and stderr are. */
void sharedfd_init(struct sharedfd *sf);
void sharedfd_free(struct sharedfd *sf);

/*
 * The argument of syscall nr that holds the fd it writes to, -1 if it
 * writes to none that can be ours, SHAREDFD_UNKNOWN if it writes to one
 * it does not say.
 */
static inline int sharedfd_write_arg(const struct sharedfd *sf, uint32_t arch,
				     int nr)
{
	int a = arch == sf->arch[0] ? 0 : arch == sf->arch[1] ? 1 : -1;

	if (a < 0 || nr < 0 || nr >= sf->count[a])
		return -1;
	return sf->warg[a][nr];
}

/*
 * When traced, a seccomp set of arch with count syscalls, stops at write,
 * add every other syscall that can write to the kind of file our stdout
 * and stderr are (sendfile, splice, the send family for a socket, ...),
 * and return true: every such write then stops. When it does not stop at
 * write, return false and add nothing: that would cost every write.
 */
bool sharedfd_complete_set(const struct sharedfd *sf, uint32_t arch,
			   uint64_t *traced, int count);

/*
 * Whether task tid's fd, whose table entry is e (NULL if unknown), writes
 * to our stdout or stderr. Unknown counts as yes.
 */
bool sharedfd_shared(const struct sharedfd *sf, pid_t tid, int fd,
		     struct fd_entry *e);

#endif /* CPD_CORE_SHAREDFD_H */
