// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "sharedfd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "sysent.h"
#include "base/xmalloc.h"

/* sharedfd_writes[].to: what kind of file a write can go to */
#define TO_ANY	  0
#define TO_SOCKET 1 /* the send family: ENOTSOCK for anything else */
#define TO_PIPE	  2 /* tee, vmsplice */

/*
 * The syscalls that write to an fd, and where that fd is. Only those that
 * can reach the kind of file our stdout and stderr are matter. io_uring
 * and AIO writes are asynchronous: their order against anything was
 * never defined.
 */
static const struct {
	const char *name;
	int8_t arg;
	uint8_t to;
} sharedfd_writes[] = {
	{ "write", 0, TO_ANY },
	{ "writev", 0, TO_ANY },
	{ "pwrite64", 0, TO_ANY },
	{ "pwritev", 0, TO_ANY },
	{ "pwritev2", 0, TO_ANY },
	{ "sendfile", 0, TO_ANY },
	{ "sendfile64", 0, TO_ANY },
	{ "splice", 2, TO_ANY },
	{ "copy_file_range", 2, TO_ANY },
	{ "send", 0, TO_SOCKET },
	{ "sendto", 0, TO_SOCKET },
	{ "sendmsg", 0, TO_SOCKET },
	{ "sendmmsg", 0, TO_SOCKET },
	{ "socketcall", SHAREDFD_UNKNOWN, TO_SOCKET },
	{ "tee", 1, TO_PIPE },
	{ "vmsplice", 0, TO_PIPE },
};

/* The controlling terminal and the console: a terminal, whichever it is. */
static bool sharedfd_any_tty(const struct stat *st)
{
	return S_ISCHR(st->st_mode) &&
	       (st->st_rdev == makedev(5, 0) || st->st_rdev == makedev(5, 1));
}

static bool sharedfd_reaches(const struct sharedfd *sf, size_t i)
{
	switch (sharedfd_writes[i].to) {
	case TO_SOCKET:
		return sf->to_socket;
	case TO_PIPE:
		return sf->to_pipe;
	default:
		return true;
	}
}

void sharedfd_init(struct sharedfd *sf)
{
	static const uint32_t arches[2] = { AUDIT_ARCH_X86_64,
					    AUDIT_ARCH_I386 };
	size_t a, i;
	int fd;

	memset(sf, 0, sizeof(*sf));
	for (fd = 1; fd <= 2; fd++) {
		struct sharedfd_out *o = &sf->out[fd - 1];
		struct stat st;

		if (fstat(fd, &st) < 0)
			continue;
		o->valid = true;
		o->dev = st.st_dev;
		o->ino = st.st_ino;
		o->tty = isatty(fd);
		sf->to_socket |= S_ISSOCK(st.st_mode);
		sf->to_pipe |= S_ISFIFO(st.st_mode);
	}
	for (a = 0; a < 2; a++) {
		int count = sysent_count(arches[a]);

		sf->arch[a] = arches[a];
		if (count <= 0)
			continue;
		sf->count[a] = count;
		sf->warg[a] = xmalloc((size_t)count);
		memset(sf->warg[a], -1, (size_t)count);
		for (i = 0; i < ARRAY_SIZE(sharedfd_writes); i++) {
			int nr = sysent_number(arches[a],
					       sharedfd_writes[i].name);

			if (nr >= 0 && nr < count && sharedfd_reaches(sf, i))
				sf->warg[a][nr] = sharedfd_writes[i].arg;
		}
	}
}

void sharedfd_free(struct sharedfd *sf)
{
	free(sf->warg[0]);
	free(sf->warg[1]);
	memset(sf, 0, sizeof(*sf));
}

bool sharedfd_complete_set(const struct sharedfd *sf, uint32_t arch,
			   uint64_t *traced, int count)
{
	int nr = sysent_number(arch, "write");
	size_t i;

	/* nobody watches writes: adding them all would cost every write */
	if (nr < 0 || nr >= count || !((traced[nr / 64] >> (nr % 64)) & 1))
		return false;
	for (i = 0; i < ARRAY_SIZE(sharedfd_writes); i++) {
		nr = sysent_number(arch, sharedfd_writes[i].name);
		if (nr >= 0 && nr < count && sharedfd_reaches(sf, i))
			traced[nr / 64] |= UINT64_C(1) << (nr % 64);
	}
	return true;
}

static bool sharedfd_lookup(const struct sharedfd *sf, pid_t tid, int fd)
{
	char path[64];
	struct stat st;
	size_t i;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tid, fd);
	if (stat(path, &st) < 0)
		return true;
	for (i = 0; i < ARRAY_SIZE(sf->out); i++) {
		const struct sharedfd_out *o = &sf->out[i];

		if (!o->valid)
			continue;
		if (o->dev == st.st_dev && o->ino == st.st_ino)
			return true;
		if (o->tty && sharedfd_any_tty(&st))
			return true;
	}
	return false;
}

bool sharedfd_shared(const struct sharedfd *sf, pid_t tid, int fd,
		     struct fd_entry *e)
{
	bool shared;

	if (e && e->shared_out)
		return e->shared_out == FD_SHARED_YES;
	shared = sharedfd_lookup(sf, tid, fd);
	if (e)
		e->shared_out = shared ? FD_SHARED_YES : FD_SHARED_NO;
	return shared;
}
