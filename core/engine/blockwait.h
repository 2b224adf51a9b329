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
 * loop's other signals and a SIGALRM tick for the flush timer caught by a
 * handler that only records them.
 *
 * On x86_64 the signals stay unblocked from the first wait on, and the
 * handler is SA_RESTART, so the code between waits never sees EINTR; the
 * wait itself is a syscall of our own (blockwait_wait4) that checks for a
 * recorded signal right before the syscall instruction, and the handler
 * sends a thread caught between that check and the end of the syscall
 * (restarting it) to a return of -EINTR: no signal is ever slept through,
 * and a stop costs no sigprocmask call. Elsewhere the signals are let
 * through only during the wait (two sigprocmask calls per wait), and one
 * that lands between the check and wait4's start is seen at the next stop
 * or tick.
 */
#ifndef CPD_CORE_BLOCKWAIT_H
#define CPD_CORE_BLOCKWAIT_H

#include <signal.h>
#include <sys/signalfd.h>
#include <sys/types.h>

#include "base/cpd.h"

/*
 * Catch the signals in set (blocked, as the loop keeps them, until the
 * first wait) and tick every tick_ns. Returns 0 or -errno.
 */
int blockwait_start(const sigset_t *set, uint64_t tick_ns);
/* Stop the tick, block the signals again and restore their dispositions. */
void blockwait_stop(void);

/*
 * One wait4(-1, __WALL) with the caught signals let through. Returns the
 * tid of a stop (its status in *status), 0 when a signal or the tick
 * came first, or -errno (-ECHILD: nothing left to wait for).
 */
pid_t blockwait_wait(int *status);

/*
 * Block the caught signals again until the next wait: the loop's epoll is
 * about to take over, and its signalfd reads only blocked signals.
 */
void blockwait_close(void);

/*
 * Have the wait end, like a signal does, whenever epfd (an epoll fd of
 * the plugins' fds) is ready, and blockwait_fds_ready() say so until
 * blockwait_fds_done(): a thread of its own waits on epfd, so that the
 * tracer can block in wait4 while source plugins watch their rings.
 * Returns 0 or -errno; blockwait_stop() ends the thread.
 */
int blockwait_watch(int epfd);
bool blockwait_fds_ready(void);
/* The ready fds were dispatched: watch them again. */
void blockwait_fds_done(void);

/*
 * What came since the last call: the caught signals, oldest first, at
 * most n (further ones are dropped: they are Ctrl-C and the like, one is
 * as good as many), and whether the tick fired.
 */
size_t blockwait_collect(struct signalfd_siginfo *out, size_t n, bool *tick);

#endif /* CPD_CORE_BLOCKWAIT_H */
