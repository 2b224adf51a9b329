/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What /proc says about a process: its ids, program and arguments. Both
 * engines read it for the processes they start from (the command, an
 * attached pid); the eBPF engine gets the rest from the kernel.
 */
#ifndef CPD_CORE_PROCINFO_H
#define CPD_CORE_PROCINFO_H

#include <sys/types.h>

#include "base/cpd.h"

/*
 * /proc/PID/cmdline in a malloc'd, NUL-terminated buffer: the arguments
 * NUL-separated, *len bytes without the trailing NULs, *argc of them.
 */
char *procinfo_cmdline(pid_t pid, uint32_t *len, uint32_t *argc);

/* Trim the trailing NULs of an argument block; returns its argc. */
uint32_t procinfo_argc(const char *argv, uint32_t *len);

/* Thread-group id and parent of tid (tid and 0 when unknown). */
void procinfo_ids(pid_t tid, pid_t *tgid, pid_t *ppid);

/* /proc/PID/exe into buf (size bytes, NUL-terminated); its length. */
size_t procinfo_exe(pid_t pid, char *buf, size_t size);

#endif /* CPD_CORE_PROCINFO_H */
