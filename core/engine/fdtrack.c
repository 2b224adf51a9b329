// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "fdtrack.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdproc.h"
#include "umem.h"
#include "base/xmalloc.h"

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static const struct {
	const char *name;
	enum fdtrack_fx fx;
} fdtrack_table[] = {
	{ "open", FX_OPEN },
	{ "creat", FX_OPEN },
	{ "openat", FX_OPEN },
	{ "openat2", FX_OPEN },
	{ "open_by_handle_at", FX_OPEN },
	{ "close", FX_CLOSE },
	{ "close_range", FX_CLOSE_RANGE },
	{ "dup", FX_DUP },
	{ "dup2", FX_DUP2 },
	{ "dup3", FX_DUP3 },
	{ "fcntl", FX_FCNTL },
	{ "fcntl64", FX_FCNTL },
	{ "pipe", FX_PIPE },
	{ "pipe2", FX_PIPE },
	{ "socket", FX_SOCKET },
	{ "socketpair", FX_SOCKETPAIR },
	{ "accept", FX_ACCEPT },
	{ "accept4", FX_ACCEPT },
	{ "connect", FX_CONNECT },
	{ "bind", FX_BIND },
	{ "listen", FX_LISTEN },
	{ "eventfd", FX_NEWFD },
	{ "eventfd2", FX_NEWFD },
	{ "timerfd_create", FX_NEWFD },
	{ "signalfd", FX_SIGNALFD },
	{ "signalfd4", FX_SIGNALFD },
	{ "memfd_create", FX_NEWFD },
	{ "memfd_secret", FX_NEWFD },
	{ "epoll_create", FX_NEWFD },
	{ "epoll_create1", FX_NEWFD },
	{ "inotify_init", FX_NEWFD },
	{ "inotify_init1", FX_NEWFD },
	{ "fanotify_init", FX_NEWFD },
	{ "pidfd_open", FX_NEWFD },
	{ "pidfd_getfd", FX_NEWFD },
	{ "userfaultfd", FX_NEWFD },
	{ "perf_event_open", FX_NEWFD },
	{ "io_uring_setup", FX_NEWFD },
	{ "fsopen", FX_NEWFD },
	{ "fsmount", FX_NEWFD },
	{ "fspick", FX_NEWFD },
	{ "open_tree", FX_NEWFD },
	{ "clone", FX_CLONE },
	{ "clone3", FX_CLONE },
	{ "fork", FX_CLONE },
	{ "vfork", FX_CLONE },
	{ "unshare", FX_UNSHARE },
};

void fdtrack_init(struct fdtrack *ft)
{
	size_t a, i;

	memset(ft, 0, sizeof(*ft));
	ft->arch[0] = sysent_native_arch();
	ft->arch[1] = AUDIT_ARCH_I386;
	for (a = 0; a < 2; a++) {
		ft->count[a] = sysent_count(ft->arch[a]);
		if (ft->count[a] <= 0)
			continue;
		ft->fx[a] = xcalloc((size_t)ft->count[a], 1);
		for (i = 0; i < ARRAY_SIZE(fdtrack_table); i++) {
			int nr = sysent_number(ft->arch[a],
					       fdtrack_table[i].name);

			if (nr >= 0 && nr < ft->count[a])
				ft->fx[a][nr] = (uint8_t)fdtrack_table[i].fx;
		}
	}
}

void fdtrack_free(struct fdtrack *ft)
{
	free(ft->fx[0]);
	free(ft->fx[1]);
	memset(ft, 0, sizeof(*ft));
}

struct fd_entry *fdtrack_lookup(void *arg, int fd)
{
	struct task *t = arg;
	struct fd_entry *e = fdtable_get(t->fds, fd);

	if (e)
		return e;
	return fdproc_resolve(t->fds, t->proc->pid, t->tid, fd);
}

/* A file just opened as fd: its real path from /proc, flags as asked. */
static void fdtrack_opened(const struct fdtrack *ft, struct task *t, int fd,
			   uint32_t flags)
{
	char link[64], target[PATH_MAX];
	struct cpd_fdinfo info;
	struct stat st;
	ssize_t n;

	if (ft->describe) {
		uint64_t kfile = 0;
		struct fd_entry *e;

		memset(&info, 0, sizeof(info));
		if (!ft->describe(ft->describe_ctx, t, fd, &info, &kfile)) {
			fdtable_close(t->fds, fd);
			return;
		}
		/* as below: by the flags, but for what lives in /dev */
		if (!info.path.ptr || strncmp(info.path.ptr, "/dev/", 5))
			info.kind = (flags & O_DIRECTORY) ? CPD_FD_DIR :
							    CPD_FD_FILE;
		info.open_flags = flags & ~(uint32_t)O_CLOEXEC;
		info.flags = (flags & O_CLOEXEC) ? CPD_FDF_CLOEXEC : 0;
		e = fdtable_set(t->fds, fd, &info);
		if (e)
			e->kfile = kfile;
		return;
	}
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0) {
		fdtable_close(t->fds, fd);
		return;
	}
	target[n] = '\0';
	memset(&info, 0, sizeof(info));
	info.kind = (flags & O_DIRECTORY) ? CPD_FD_DIR : CPD_FD_FILE;
	/* only /dev needs a stat to tell ttys and devices from files */
	if (!strncmp(target, "/dev/", 5) && stat(link, &st) == 0) {
		if (S_ISCHR(st.st_mode))
			info.kind =
				strncmp(target, "/dev/pts/", 9) &&
						strncmp(target, "/dev/tty", 8) ?
					CPD_FD_DEVICE :
					CPD_FD_TTY;
		else if (S_ISBLK(st.st_mode))
			info.kind = CPD_FD_DEVICE;
		else if (S_ISDIR(st.st_mode))
			info.kind = CPD_FD_DIR;
	}
	info.open_flags = flags & ~(uint32_t)O_CLOEXEC;
	if (flags & O_CLOEXEC)
		info.flags |= CPD_FDF_CLOEXEC;
	info.path.ptr = target;
	info.path.len = (uint32_t)n;
	fdtable_set(t->fds, fd, &info);
}

static uint32_t fdtrack_open_flags(const struct decode_call *c)
{
	const char *name = c->se ? c->se->name : "";

	if (!strcmp(name, "open"))
		return (uint32_t)c->args[1];
	if (!strcmp(name, "openat"))
		return (uint32_t)c->args[2];
	if (!strcmp(name, "creat"))
		return O_CREAT | O_WRONLY | O_TRUNC;
	if (!strcmp(name, "open_by_handle_at"))
		return (uint32_t)c->args[2];
	/* openat2: its struct open_how, as the decoder read it at entry */
	if (c->arg[2].kind == CPD_ARG_OPEN_HOW && c->argdata[2].how)
		return (uint32_t)c->argdata[2].how->flags;
	return 0;
}

static void fdtrack_socket(struct task *t, int fd, uint64_t family,
			   uint64_t type, uint64_t protocol)
{
	struct cpd_fdinfo info;

	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_SOCKET;
	info.sock_family = (uint16_t)family;
	info.sock_type = (uint32_t)type & 0xf;
	info.sock_protocol = (uint32_t)protocol;
	if (type & SOCK_CLOEXEC)
		info.flags |= CPD_FDF_CLOEXEC;
	if (type & SOCK_NONBLOCK)
		info.open_flags |= O_NONBLOCK;
	fdtable_set(t->fds, fd, &info);
}

/* A new fd of some kind: what the engine saw, else /proc. */
static void fdtrack_resolve(const struct fdtrack *ft, struct task *t, int fd)
{
	struct cpd_fdinfo info;
	struct fd_entry *e;
	uint64_t kfile = 0;

	if (!ft->describe) {
		fdproc_resolve(t->fds, t->proc->pid, t->tid, fd);
		return;
	}
	memset(&info, 0, sizeof(info));
	if (!ft->describe(ft->describe_ctx, t, fd, &info, &kfile)) {
		fdtable_close(t->fds, fd);
		return;
	}
	e = fdtable_set(t->fds, fd, &info);
	if (e) {
		e->resolved = true;
		e->kfile = kfile;
	}
}

static void fdtrack_accept(const struct fdtrack *ft, struct task *t,
			   struct decode_call *c, int fd)
{
	struct fd_entry *l = fdtrack_lookup(t, (int)c->args[0]);
	char lpath[128], ppath[128];
	struct cpd_fdinfo info;
	struct fd_entry *e;
	uint64_t kfile = 0;

	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_SOCKET;
	if (l) {
		info.sock_family = l->info.sock_family;
		info.sock_type = l->info.sock_type;
		info.sock_protocol = l->info.sock_protocol;
		info.local = l->info.local;
	}
	if (c->arg[1].sa) {
		info.peer = *c->arg[1].sa;
	} else if (ft->describe) {
		struct cpd_fdinfo seen;

		memset(&seen, 0, sizeof(seen));
		if (ft->describe(ft->describe_ctx, t, fd, &seen, &kfile)) {
			info.peer = seen.peer;
			if (!l)
				info = seen;
		}
	} else {
		fdproc_socket(t->proc->pid, fd, &info, &info.local, &info.peer,
			      lpath, ppath, sizeof(lpath));
	}
	/* accept4's flags; accept's fourth argument is not there */
	if (c->se && c->se->nargs > 3 && (c->args[3] & SOCK_CLOEXEC))
		info.flags |= CPD_FDF_CLOEXEC;
	e = fdtable_set(t->fds, fd, &info);
	if (e)
		e->kfile = kfile;
}

static void fdtrack_fcntl(struct task *t, struct decode_call *c, int64_t ret)
{
	int fd = (int)c->args[0];

	switch ((int)c->args[1]) {
	case F_DUPFD:
		fdtable_dup(t->fds, fd, (int)ret, false);
		break;
	case F_DUPFD_CLOEXEC:
		fdtable_dup(t->fds, fd, (int)ret, true);
		break;
	case F_SETFD:
		fdtable_set_cloexec(t->fds, fd, c->args[2] & FD_CLOEXEC);
		break;
	case F_SETFL: {
		struct fd_entry *e = fdtable_get(t->fds, fd);
		const uint32_t settable =
			O_APPEND | O_ASYNC | O_DIRECT | O_NOATIME | O_NONBLOCK;

		if (e)
			e->info.open_flags = (e->info.open_flags & ~settable) |
					     ((uint32_t)c->args[2] & settable);
		break;
	}
	default:
		break;
	}
}

static void fdtrack_unshare(struct task *t)
{
	struct fdtable *copy = fdtable_copy(t->fds);

	fdtable_unref(t->fds);
	t->fds = copy;
}

/* close_range that frees fds in a table others may share */
static bool fdtrack_shared_close_range(const struct decode_call *c)
{
	return !(c->args[2] & (CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC));
}

void fdtrack_apply_entry(const struct fdtrack *ft, struct task *t,
			 struct decode_call *c)
{
	enum fdtrack_fx fx = fdtrack_effect(ft, c->arch, c->nr);

	/*
	 * Frees happen at entry. Another thread sharing the table may get the
	 * same number from socket() or open() the moment the kernel frees
	 * it, and ptrace may report that call's exit before this one's: a
	 * close applied at its exit would then wipe the new fd. close()
	 * frees its fd even when it fails (EBADF aside, where there was none).
	 */
	if (fx == FX_CLOSE)
		fdtable_close(t->fds, (int)c->args[0]);
	else if (fx == FX_CLOSE_RANGE && fdtrack_shared_close_range(c))
		fdtable_close_range(t->fds, (unsigned)c->args[0],
				    (unsigned)c->args[1], false);
}

void fdtrack_apply(const struct fdtrack *ft, struct task *t,
		   struct decode_call *c, int64_t ret)
{
	enum fdtrack_fx fx = fdtrack_effect(ft, c->arch, c->nr);
	bool failed = ret < 0 && ret > -4096;
	int fd = (int)c->args[0];

	if (fx == FX_NONE || fx == FX_CLOSE)
		return;
	if (fx == FX_CONNECT && ret == -EINPROGRESS && c->arg[1].sa) {
		if (fdtrack_lookup(t, fd))
			fdtable_set_addr(t->fds, fd, true, c->arg[1].sa);
		return;
	}
	if (failed)
		return;
	switch (fx) {
	case FX_OPEN:
		fdtrack_opened(ft, t, (int)ret, fdtrack_open_flags(c));
		break;
	case FX_NEWFD:
		fdtrack_resolve(ft, t, (int)ret);
		break;
	case FX_SIGNALFD:
		if (fd == -1)
			fdtrack_resolve(ft, t, (int)ret);
		break;
	case FX_CLOSE_RANGE:
		if (fdtrack_shared_close_range(c))
			break;
		if (c->args[2] & CLOSE_RANGE_UNSHARE)
			fdtrack_unshare(t);
		fdtable_close_range(t->fds, (unsigned)c->args[0],
				    (unsigned)c->args[1],
				    c->args[2] & CLOSE_RANGE_CLOEXEC);
		break;
	case FX_DUP:
		fdtable_dup(t->fds, fd, (int)ret, false);
		break;
	case FX_DUP2:
		fdtable_dup(t->fds, fd, (int)c->args[1], false);
		break;
	case FX_DUP3:
		fdtable_dup(t->fds, fd, (int)c->args[1],
			    c->args[2] & O_CLOEXEC);
		break;
	case FX_FCNTL:
		fdtrack_fcntl(t, c, ret);
		break;
	case FX_PIPE:
	case FX_SOCKETPAIR: {
		const struct cpd_arg *a = &c->arg[fx == FX_PIPE ? 0 : 3];
		uint64_t flags =
			fx == FX_PIPE ?
				(c->se && c->se->nargs > 1 ? c->args[1] : 0) :
				c->args[1];
		int i;

		if (a->flags & CPD_ARGF_PARTIAL ||
		    !(a->flags & CPD_ARGF_AT_EXIT))
			break;
		for (i = 0; i < 2; i++) {
			if (fx == FX_SOCKETPAIR) {
				fdtrack_socket(t, a->pair[i], c->args[0],
					       c->args[1], c->args[2]);
				continue;
			}
			{
				struct cpd_fdinfo info;

				memset(&info, 0, sizeof(info));
				info.kind = CPD_FD_PIPE;
				info.open_flags =
					(i ? O_WRONLY : O_RDONLY) |
					((uint32_t)flags & O_NONBLOCK);
				if (flags & O_CLOEXEC)
					info.flags |= CPD_FDF_CLOEXEC;
				fdtable_set(t->fds, a->pair[i], &info);
			}
		}
		break;
	}
	case FX_SOCKET:
		fdtrack_socket(t, (int)ret, c->args[0], c->args[1], c->args[2]);
		break;
	case FX_ACCEPT:
		fdtrack_accept(ft, t, c, (int)ret);
		break;
	case FX_CONNECT:
		if (c->arg[1].sa && fdtrack_lookup(t, fd))
			fdtable_set_addr(t->fds, fd, true, c->arg[1].sa);
		break;
	case FX_BIND:
		if (c->arg[1].sa && fdtrack_lookup(t, fd))
			fdtable_set_addr(t->fds, fd, false, c->arg[1].sa);
		break;
	case FX_LISTEN: {
		struct fd_entry *e = fdtrack_lookup(t, fd);

		if (e)
			e->info.flags |= CPD_FDF_LISTENING;
		break;
	}
	case FX_UNSHARE:
		if (c->args[0] & CLONE_FILES)
			fdtrack_unshare(t);
		break;
	default:
		break;
	}
}

uint64_t fdtrack_clone_flags(const struct fdtrack *ft, struct task *t,
			     const struct decode_call *c, bool *known)
{
	const char *name;
	uint64_t flags = 0;

	*known = false;
	if (!t->in_syscall || !c->se ||
	    fdtrack_effect(ft, c->arch, c->nr) != FX_CLONE)
		return 0;
	name = c->se->name;
	*known = true;
	if (!strcmp(name, "fork"))
		return 0;
	if (!strcmp(name, "vfork"))
		return CLONE_VM | CLONE_VFORK;
	if (!strcmp(name, "clone3")) {
		/* struct clone_args begins with the u64 flags */
		if (umem_read(t->tid, c->args[0], &flags, sizeof(flags)) !=
		    sizeof(flags))
			*known = false;
		return flags;
	}
	return c->args[0];
}
