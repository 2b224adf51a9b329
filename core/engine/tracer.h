/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The ptrace engine: spawns or attaches, follows every task, decodes the
 * syscalls somebody listens to and publishes them with the process
 * lifecycle on the session's bus.
 */
#ifndef CPD_CORE_TRACER_H
#define CPD_CORE_TRACER_H

#include <sys/types.h>

#include "host/session.h"

struct tracer_opts {
	char **argv; /* command to spawn, NULL-terminated */
	int argc;
	const pid_t *pids; /* or processes to attach to */
	size_t npids;
};

/*
 * Trace until every traced task is gone (or Ctrl-C detaches). Plugins
 * must be started; they are stopped by the caller. Returns compendium's
 * exit status: the command's, 128+N if it was killed by signal N, 127 if
 * it could not be run, 1 for a tracing failure.
 */
int tracer_run(struct session *s, const struct tracer_opts *o);

/* Find an executable on PATH, as execvp would. malloc'd, or NULL+errno. */
char *tracer_which(const char *cmd);

#endif /* CPD_CORE_TRACER_H */
