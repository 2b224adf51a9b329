/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * File descriptor tables with the kernel's sharing rules: one table per
 * files_struct, shared by CLONE_FILES tasks (refcounted), copied on fork,
 * close-on-exec entries dropped on exec.
 */
#ifndef CPD_CORE_FDTABLE_H
#define CPD_CORE_FDTABLE_H

#include <compendium/syscall.h>

#include "base/cpd.h"

/* fds above this are not tracked (the kernel's default nr_open). */
#define FDTABLE_MAX_FD (1 << 20)

/* fd_entry.shared_out: whether it writes where our stdout or stderr go */
enum { FD_SHARED_UNKNOWN = 0, FD_SHARED_NO, FD_SHARED_YES };

struct fd_entry {
	bool used;
	bool resolved;	    /* learnt from /proc: do not look again */
	uint8_t shared_out; /* FD_SHARED_*, see sharedfd.h */
	/* eBPF: the kernel's struct file (an identity), 0 when unknown */
	uint64_t kfile;
	struct cpd_fdinfo info; /* strings point at the owned copies below */
	char *path;
	char *local_path;
	char *peer_path;
};

struct fdtable {
	unsigned refs;
	struct fd_entry *e;
	size_t n; /* entries allocated */
};

struct fdtable *fdtable_new(void);
struct fdtable *fdtable_ref(struct fdtable *t);
void fdtable_unref(struct fdtable *t);
/* A private copy (fork without CLONE_FILES, unshare). */
struct fdtable *fdtable_copy(const struct fdtable *t);
/* Drop close-on-exec entries. */
void fdtable_exec(struct fdtable *t);

/* The entry for fd, or NULL when nothing is known. */
struct fd_entry *fdtable_get(struct fdtable *t, int fd);
/* Store info for fd (deep copy), replacing what was there. */
struct fd_entry *fdtable_set(struct fdtable *t, int fd,
			     const struct cpd_fdinfo *info);
void fdtable_close(struct fdtable *t, int fd);
/* close_range(first, last): close, or only mark close-on-exec. */
void fdtable_close_range(struct fdtable *t, unsigned first, unsigned last,
			 bool cloexec_only);
/* newfd becomes a copy of oldfd (or unknown, if oldfd is). */
void fdtable_dup(struct fdtable *t, int oldfd, int newfd, bool cloexec);
void fdtable_set_cloexec(struct fdtable *t, int fd, bool on);
void fdtable_set_addr(struct fdtable *t, int fd, bool peer,
		      const struct cpd_sockaddr *sa);
/* Number of fds known. */
size_t fdtable_count(const struct fdtable *t);

#endif /* CPD_CORE_FDTABLE_H */
