/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What /proc says about a tracee's fd: its target, flags and, for sockets,
 * family, type and addresses (through a pidfd_getfd copy). Used for fds
 * the tracer did not see being made: inherited, attached to, received.
 */
#ifndef CPD_CORE_FDPROC_H
#define CPD_CORE_FDPROC_H

#include <sys/types.h>

#include "fdtable.h"

/*
 * Describe fd of process pid (tid for the /proc lookup) into t.
 * Returns the entry, or NULL when the fd is not open.
 */
struct fd_entry *fdproc_resolve(struct fdtable *t, pid_t pid, pid_t tid,
				int fd);
/* Fill a socket fd's family, type, protocol and addresses. */
void fdproc_socket(pid_t pid, int fd, struct cpd_fdinfo *info,
		   struct cpd_sockaddr *local, struct cpd_sockaddr *peer,
		   char *lpath, char *ppath, size_t pathlen);
/*
 * The kind of an fd from what readlink(/proc/PID/fd/N) says of it and its
 * inode's mode (0 when unknown).
 */
uint16_t fdproc_kind(const char *target, uint32_t mode);
/* Seed t with every open fd of pid (attach). */
void fdproc_seed(struct fdtable *t, pid_t pid);
/* Only those an exec keeps: pid is about to exec (not close-on-exec). */
void fdproc_seed_kept(struct fdtable *t, pid_t pid);

/* Decode a struct sockaddr; path bytes are pointed into sa's storage. */
void fdproc_decode_sockaddr(const void *raw, size_t len,
			    struct cpd_sockaddr *out, char *pathbuf,
			    size_t pathlen);

#endif /* CPD_CORE_FDPROC_H */
