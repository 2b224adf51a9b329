/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The one event loop the core and the source plugins share: epoll over a
 * signalfd, a periodic flush timerfd, and any fd registered here (perf
 * rings, BPF ring buffers, the core's own).
 */
#ifndef CPD_CORE_LOOP_H
#define CPD_CORE_LOOP_H

#include <signal.h>
#include <sys/signalfd.h>

#include "base/cpd.h"

/* Return 0, or -errno to have the fd removed. */
typedef int (*loop_fd_fn)(void *arg, int fd, uint32_t revents);
typedef void (*loop_signal_fn)(void *arg, const struct signalfd_siginfo *si);
typedef void (*loop_timer_fn)(void *arg);

struct loop;

struct loop *loop_new(void);
void loop_free(struct loop *loop);

/* Watch fd for events; the loop does not own or close it. */
int loop_add_fd(struct loop *loop, int fd, uint32_t events, loop_fd_fn fn,
		void *arg);
int loop_del_fd(struct loop *loop, int fd);

/*
 * Block the signals in set and deliver them through a signalfd. The mask
 * that was in force before is kept so loop_child_sigmask() can restore it
 * in a child before exec.
 */
int loop_signals(struct loop *loop, const sigset_t *set, loop_signal_fn fn,
		 void *arg);
/* Restore the pre-loop signal mask and default dispositions (in a child). */
void loop_child_sigmask(const struct loop *loop);

/* Call fn every interval_ns (0 stops the timer). */
int loop_set_timer(struct loop *loop, uint64_t interval_ns, loop_timer_fn fn,
		   void *arg);

/* Wait up to timeout_ms (-1: forever) and dispatch; returns the number
 * of callbacks run, or -errno. */
int loop_run_once(struct loop *loop, int timeout_ms);
/* Whether any fd other than the loop's own signalfd and timer is watched. */
bool loop_watches_others(const struct loop *loop);
/*
 * An epoll fd of those other fds alone, readable when one of them is
 * ready: for a wait that is not the loop's (blockwait_watch()).
 */
int loop_others_fd(const struct loop *loop);
/* Dispatch those of them that are ready, without waiting. */
int loop_run_others(struct loop *loop);
/* Run until loop_stop(). */
int loop_run(struct loop *loop);
void loop_stop(struct loop *loop);
bool loop_stopped(const struct loop *loop);

#endif /* CPD_CORE_LOOP_H */
