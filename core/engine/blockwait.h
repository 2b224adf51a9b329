/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Waiting for the next ptrace stop in wait4() itself, the way a minimal
 * tracer does, instead of through the loop's epoll and signalfd.
 *
 * Through the loop every stop costs a SIGCHLD queued to the signalfd, an
 * epoll wakeup, a read of the signalfd and a waitpid(WNOHANG) that finds
 * nothing more. While no plugin fd is watched (the default analyzers and
 * outputs watch none) the tracer can block in wait4 instead, with the
 * loop's other signals and a SIGALRM tick for the flush timer let through
 * only during the wait, so they interrupt it and nothing else.
 *
 * A signal that arrives between the check and wait4's start interrupts
 * nothing: it is still seen, at the next stop or the next tick at the
 * latest (the flush interval).
 */
#ifndef CPD_CORE_BLOCKWAIT_H
#define CPD_CORE_BLOCKWAIT_H

#include <signal.h>
#include <sys/signalfd.h>
#include <sys/types.h>

#include "base/cpd.h"

/*
 * Catch the signals in set (blocked outside the wait, as the loop keeps
 * them) and tick every tick_ns. Returns 0 or -errno.
 */
int blockwait_start(const sigset_t *set, uint64_t tick_ns);
/* Stop the tick and restore the signals' dispositions. */
void blockwait_stop(void);

/*
 * One wait4(-1, __WALL) with the caught signals let through. Returns the
 * tid of a stop (its status in *status), 0 when a signal or the tick
 * came first, or -errno (-ECHILD: nothing left to wait for).
 */
pid_t blockwait_wait(int *status);

/*
 * What came during the waits since the last call: the caught signals,
 * oldest first, at most n (further ones are dropped: they are Ctrl-C and
 * the like, one is as good as many), and whether the tick fired.
 */
size_t blockwait_collect(struct signalfd_siginfo *out, size_t n, bool *tick);

#endif /* CPD_CORE_BLOCKWAIT_H */
