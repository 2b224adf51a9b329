// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "fdproc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

void fdproc_decode_sockaddr(const void *raw, size_t len,
			    struct cpd_sockaddr *out, char *pathbuf,
			    size_t pathlen)
{
	struct sockaddr_storage ss;

	memset(out, 0, sizeof(*out));
	memset(&ss, 0, sizeof(ss));
	if (len < sizeof(sa_family_t)) {
		out->flags |= CPD_SA_TRUNCATED;
		return;
	}
	memcpy(&ss, raw, MIN(len, sizeof(ss)));
	out->family = ss.ss_family;
	switch (ss.ss_family) {
	case AF_INET: {
		const struct sockaddr_in *in = (const void *)&ss;

		if (len < sizeof(*in))
			out->flags |= CPD_SA_TRUNCATED;
		memcpy(out->addr, &in->sin_addr, 4);
		out->port = ntohs(in->sin_port);
		break;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in6 = (const void *)&ss;

		if (len < sizeof(*in6))
			out->flags |= CPD_SA_TRUNCATED;
		memcpy(out->addr, &in6->sin6_addr, 16);
		out->port = ntohs(in6->sin6_port);
		out->scope_id = in6->sin6_scope_id;
		break;
	}
	case AF_UNIX: {
		const struct sockaddr_un *un = (const void *)&ss;
		size_t plen =
			len > offsetof(struct sockaddr_un, sun_path) ?
				len - offsetof(struct sockaddr_un, sun_path) :
				0;
		const char *p = un->sun_path;

		plen = MIN(plen, sizeof(un->sun_path));
		if (!plen) {
			out->flags |= CPD_SA_UNNAMED;
			break;
		}
		if (p[0] == '\0') {
			out->flags |= CPD_SA_ABSTRACT;
			p++;
			plen--;
		} else {
			plen = strnlen(p, plen);
		}
		plen = MIN(plen, pathlen ? pathlen - 1 : 0);
		if (pathbuf) {
			memcpy(pathbuf, p, plen);
			pathbuf[plen] = '\0';
			out->path.ptr = pathbuf;
			out->path.len = (uint32_t)plen;
		}
		break;
	}
	case AF_NETLINK: {
		const struct sockaddr_nl *nl = (const void *)&ss;

		out->port_id = nl->nl_pid;
		out->groups = nl->nl_groups;
		break;
	}
	default:
		break;
	}
}

void fdproc_socket(pid_t pid, int fd, struct cpd_fdinfo *info,
		   struct cpd_sockaddr *local, struct cpd_sockaddr *peer,
		   char *lpath, char *ppath, size_t pathlen)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int pidfd, copy, v;

	/* Borrow a copy of the tracee's socket to ask the kernel about it. */
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		return;
	copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (copy < 0)
		return;
	sl = sizeof(v);
	if (!getsockopt(copy, SOL_SOCKET, SO_DOMAIN, &v, &sl))
		info->sock_family = (uint16_t)v;
	sl = sizeof(v);
	if (!getsockopt(copy, SOL_SOCKET, SO_TYPE, &v, &sl))
		info->sock_type = (uint32_t)v;
	sl = sizeof(v);
	if (!getsockopt(copy, SOL_SOCKET, SO_PROTOCOL, &v, &sl))
		info->sock_protocol = (uint32_t)v;
	sl = sizeof(v);
	if (!getsockopt(copy, SOL_SOCKET, SO_ACCEPTCONN, &v, &sl) && v)
		info->flags |= CPD_FDF_LISTENING;
	sl = sizeof(ss);
	if (!getsockname(copy, (struct sockaddr *)&ss, &sl))
		fdproc_decode_sockaddr(&ss, sl, local, lpath, pathlen);
	sl = sizeof(ss);
	if (!getpeername(copy, (struct sockaddr *)&ss, &sl))
		fdproc_decode_sockaddr(&ss, sl, peer, ppath, pathlen);
	close(copy);
}

uint16_t fdproc_kind(const char *target, uint32_t mode)
{
	if (!strncmp(target, "socket:", 7))
		return CPD_FD_SOCKET;
	if (!strncmp(target, "pipe:", 5))
		return CPD_FD_PIPE;
	if (!strncmp(target, "anon_inode:", 11)) {
		const char *k = target + 11;

		if (!strcmp(k, "[eventfd]"))
			return CPD_FD_EVENTFD;
		if (!strcmp(k, "[timerfd]"))
			return CPD_FD_TIMERFD;
		if (!strcmp(k, "[signalfd]"))
			return CPD_FD_SIGNALFD;
		if (!strcmp(k, "[eventpoll]"))
			return CPD_FD_EPOLL;
		if (!strcmp(k, "inotify"))
			return CPD_FD_INOTIFY;
		if (!strcmp(k, "[pidfd]"))
			return CPD_FD_PIDFD;
		return CPD_FD_OTHER;
	}
	if (!strncmp(target, "/memfd:", 7))
		return CPD_FD_MEMFD;
	if (mode) {
		if (S_ISDIR(mode))
			return CPD_FD_DIR;
		if (S_ISCHR(mode))
			return !strncmp(target, "/dev/pts/",
					9) || !strncmp(target, "/dev/tty", 8) ||
					       !strcmp(target, "/dev/console") ?
				       CPD_FD_TTY :
				       CPD_FD_DEVICE;
		if (S_ISBLK(mode))
			return CPD_FD_DEVICE;
		if (S_ISFIFO(mode))
			return CPD_FD_PIPE;
		if (S_ISSOCK(mode))
			return CPD_FD_SOCKET;
	}
	return target[0] == '/' ? CPD_FD_FILE : CPD_FD_OTHER;
}

static unsigned fdproc_flags(pid_t tid, int fd)
{
	char path[64], line[128];
	unsigned flags = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", tid, fd);
	fp = fopen(path, "re");
	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "flags: %o", &flags) == 1)
			break;
	fclose(fp);
	return flags;
}

struct fd_entry *fdproc_resolve(struct fdtable *t, pid_t pid, pid_t tid, int fd)
{
	char link[64], target[PATH_MAX], lpath[128], ppath[128];
	struct cpd_fdinfo info;
	struct fd_entry *e;
	struct stat st;
	ssize_t n;
	unsigned flags;

	if (fd < 0 || fd >= FDTABLE_MAX_FD)
		return NULL;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", tid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return NULL;
	target[n] = '\0';
	if (stat(link, &st) < 0)
		st.st_mode = 0;
	memset(&info, 0, sizeof(info));
	info.fd = fd;
	info.kind = fdproc_kind(target, st.st_mode);
	flags = fdproc_flags(tid, fd);
	info.open_flags = flags & ~(unsigned)O_CLOEXEC;
	if (flags & O_CLOEXEC)
		info.flags |= CPD_FDF_CLOEXEC;
	if (info.kind == CPD_FD_SOCKET)
		fdproc_socket(pid, fd, &info, &info.local, &info.peer, lpath,
			      ppath, sizeof(lpath));
	else {
		info.path.ptr = target;
		info.path.len = (uint32_t)n;
	}
	e = fdtable_set(t, fd, &info);
	if (e)
		e->resolved = true;
	return e;
}

static void fdproc_seed_(struct fdtable *t, pid_t pid, bool kept)
{
	char dir[64];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "/proc/%d/fd", pid);
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d))) {
		char *end;
		long fd = strtol(de->d_name, &end, 10);
		struct fd_entry *e;

		if (*end || de->d_name[0] == '.')
			continue;
		if (kept && (fdproc_flags(pid, (int)fd) & O_CLOEXEC))
			continue;
		e = fdproc_resolve(t, pid, pid, (int)fd);
		if (e)
			e->info.flags |= CPD_FDF_SEEDED;
	}
	closedir(d);
}

void fdproc_seed(struct fdtable *t, pid_t pid)
{
	fdproc_seed_(t, pid, false);
}

void fdproc_seed_kept(struct fdtable *t, pid_t pid)
{
	fdproc_seed_(t, pid, true);
}
