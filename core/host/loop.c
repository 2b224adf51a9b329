// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "loop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "base/log.h"
#include "base/xmalloc.h"

struct loop_watch {
	int fd;
	bool dead; /* removed during a dispatch; freed after it */
	loop_fd_fn fn;
	void *arg;
};

struct loop {
	int epfd;
	int oepfd; /* the same fds but the signalfd and the timer */
	struct loop_watch **w;
	size_t nw, capw;
	size_t nothers; /* live watches besides the signalfd and timerfd */
	bool dispatching;
	bool stop;

	int sigfd;
	loop_signal_fn sig_fn;
	void *sig_arg;
	sigset_t old_mask;
	sigset_t set;
	bool has_old_mask;

	int timerfd;
	loop_timer_fn timer_fn;
	void *timer_arg;
};

struct loop *loop_new(void)
{
	struct loop *loop = xcalloc(1, sizeof(*loop));

	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	loop->oepfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0 || loop->oepfd < 0) {
		if (loop->epfd >= 0)
			close(loop->epfd);
		if (loop->oepfd >= 0)
			close(loop->oepfd);
		free(loop);
		return NULL;
	}
	loop->sigfd = -1;
	loop->timerfd = -1;
	return loop;
}

static void loop_reap(struct loop *loop)
{
	size_t i, j = 0;

	for (i = 0; i < loop->nw; i++) {
		if (loop->w[i]->dead)
			free(loop->w[i]);
		else
			loop->w[j++] = loop->w[i];
	}
	loop->nw = j;
}

void loop_free(struct loop *loop)
{
	size_t i;

	if (!loop)
		return;
	for (i = 0; i < loop->nw; i++)
		free(loop->w[i]);
	free(loop->w);
	if (loop->sigfd >= 0)
		close(loop->sigfd);
	if (loop->timerfd >= 0)
		close(loop->timerfd);
	if (loop->has_old_mask) {
		static const struct timespec now = { 0, 0 };

		/*
		 * What came after the loop last ran (a second Ctrl-C as the
		 * summary was written) has nothing left to stop: taken here,
		 * it cannot end us with its own status instead of the
		 * command's when the mask is given back.
		 */
		while (sigtimedwait(&loop->set, NULL, &now) > 0)
			;
		sigprocmask(SIG_SETMASK, &loop->old_mask, NULL);
	}
	close(loop->epfd);
	close(loop->oepfd);
	free(loop);
}

static bool loop_is_other(const struct loop *loop, int fd)
{
	return fd != loop->sigfd && fd != loop->timerfd;
}

static struct loop_watch *loop_find(struct loop *loop, int fd)
{
	size_t i;

	for (i = 0; i < loop->nw; i++)
		if (loop->w[i]->fd == fd && !loop->w[i]->dead)
			return loop->w[i];
	return NULL;
}

int loop_add_fd(struct loop *loop, int fd, uint32_t events, loop_fd_fn fn,
		void *arg)
{
	struct epoll_event ev = { .events = events };
	struct loop_watch *w;

	if (fd < 0 || !fn)
		return -EINVAL;
	if (loop_find(loop, fd))
		return -EEXIST;
	w = xcalloc(1, sizeof(*w));
	w->fd = fd;
	w->fn = fn;
	w->arg = arg;
	ev.data.ptr = w;
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		int err = -errno;

		free(w);
		return err;
	}
	if (loop_is_other(loop, fd) &&
	    epoll_ctl(loop->oepfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		int err = -errno;

		epoll_ctl(loop->epfd, EPOLL_CTL_DEL, fd, NULL);
		free(w);
		return err;
	}
	loop->w = xgrow(loop->w, &loop->capw, loop->nw, sizeof(*loop->w));
	loop->w[loop->nw++] = w;
	if (loop_is_other(loop, fd))
		loop->nothers++;
	return 0;
}

static void loop_kill(struct loop *loop, struct loop_watch *w)
{
	/* The fd may already be closed by its owner: EBADF is fine. */
	epoll_ctl(loop->epfd, EPOLL_CTL_DEL, w->fd, NULL);
	w->dead = true;
	if (loop_is_other(loop, w->fd)) {
		epoll_ctl(loop->oepfd, EPOLL_CTL_DEL, w->fd, NULL);
		loop->nothers--;
	}
	if (!loop->dispatching)
		loop_reap(loop);
}

int loop_del_fd(struct loop *loop, int fd)
{
	struct loop_watch *w = loop_find(loop, fd);

	if (!w)
		return -ENOENT;
	loop_kill(loop, w);
	return 0;
}

static int loop_on_signal(void *arg, int fd, uint32_t revents)
{
	struct loop *loop = arg;
	struct signalfd_siginfo si;

	for (;;) {
		ssize_t n = read(fd, &si, sizeof(si));

		if (n < 0 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(si))
			return 0;
		loop->sig_fn(loop->sig_arg, &si);
	}
}

int loop_signals(struct loop *loop, const sigset_t *set, loop_signal_fn fn,
		 void *arg)
{
	int err;

	if (sigprocmask(SIG_BLOCK, set, &loop->old_mask) < 0)
		return -errno;
	loop->has_old_mask = true;
	loop->set = *set;
	loop->sigfd = signalfd(-1, set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (loop->sigfd < 0)
		return -errno;
	loop->sig_fn = fn;
	loop->sig_arg = arg;
	err = loop_add_fd(loop, loop->sigfd, EPOLLIN, loop_on_signal, loop);
	return err;
}

void loop_child_sigmask(const struct loop *loop)
{
	int sig;

	if (!loop || !loop->has_old_mask)
		return;
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(&loop->set, sig) == 1)
			signal(sig, SIG_DFL);
	sigprocmask(SIG_SETMASK, &loop->old_mask, NULL);
}

static int loop_on_timer(void *arg, int fd, uint32_t revents)
{
	struct loop *loop = arg;
	uint64_t ticks;

	if (read(fd, &ticks, sizeof(ticks)) == (ssize_t)sizeof(ticks) &&
	    loop->timer_fn)
		loop->timer_fn(loop->timer_arg);
	return 0;
}

int loop_set_timer(struct loop *loop, uint64_t interval_ns, loop_timer_fn fn,
		   void *arg)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	int err;

	if (loop->timerfd < 0) {
		loop->timerfd = timerfd_create(CLOCK_MONOTONIC,
					       TFD_NONBLOCK | TFD_CLOEXEC);
		if (loop->timerfd < 0)
			return -errno;
		err = loop_add_fd(loop, loop->timerfd, EPOLLIN, loop_on_timer,
				  loop);
		if (err)
			return err;
	}
	loop->timer_fn = fn;
	loop->timer_arg = arg;
	its.it_interval.tv_sec = (time_t)(interval_ns / 1000000000u);
	its.it_interval.tv_nsec = (long)(interval_ns % 1000000000u);
	its.it_value = its.it_interval;
	if (timerfd_settime(loop->timerfd, 0, &its, NULL) < 0)
		return -errno;
	return 0;
}

static int loop_run_epoll(struct loop *loop, int epfd, int timeout_ms)
{
	struct epoll_event evs[32];
	int n, i, ran = 0;

	n = epoll_wait(epfd, evs, (int)ARRAY_SIZE(evs), timeout_ms);
	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	loop->dispatching = true;
	for (i = 0; i < n; i++) {
		struct loop_watch *w = evs[i].data.ptr;

		if (w->dead)
			continue;
		ran++;
		if (w->fn(w->arg, w->fd, evs[i].events) < 0 && !w->dead)
			loop_kill(loop, w);
		if (loop->stop)
			break;
	}
	loop->dispatching = false;
	loop_reap(loop);
	return ran;
}

int loop_run_once(struct loop *loop, int timeout_ms)
{
	return loop_run_epoll(loop, loop->epfd, timeout_ms);
}

int loop_run_others(struct loop *loop)
{
	return loop_run_epoll(loop, loop->oepfd, 0);
}

int loop_others_fd(const struct loop *loop)
{
	return loop->oepfd;
}

bool loop_watches_others(const struct loop *loop)
{
	return loop->nothers > 0;
}

int loop_run(struct loop *loop)
{
	int err = 0;

	while (!loop->stop) {
		err = loop_run_once(loop, -1);
		if (err < 0)
			break;
	}
	return err < 0 ? err : 0;
}

void loop_stop(struct loop *loop)
{
	loop->stop = true;
}

bool loop_stopped(const struct loop *loop)
{
	return loop->stop;
}
