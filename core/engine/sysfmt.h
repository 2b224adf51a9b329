/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * strace-style text for a decoded syscall, with every tracee byte escaped:
 *   openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3</etc/hosts>
 */
#ifndef CPD_CORE_SYSFMT_H
#define CPD_CORE_SYSFMT_H

#include <compendium/event.h>

#include "base/cpd.h"

/* snprintf contract: returns the length the whole text needs. */
size_t sysfmt_format(const struct cpd_event *ev, char *buf, size_t size);

/* A C-style quoted, escaped string ("a\nb"), with ... when truncated. */
size_t sysfmt_quote(const struct cpd_str *s, char *buf, size_t size);
/* "127.0.0.1:80", "[::1]:80", "/run/x.sock", "@abstract", "netlink:pid". */
size_t sysfmt_sockaddr(const struct cpd_sockaddr *sa, char *buf, size_t size);
/* "</etc/hosts>", "<TCP:[127.0.0.1:80]>", "<pipe>", "" when unknown. */
size_t sysfmt_fdinfo(const struct cpd_fdinfo *fd, char *buf, size_t size);

#endif /* CPD_CORE_SYSFMT_H */
