// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The event loop (core/host/loop.c) with real fds, a real timerfd and real
 * signals: callbacks run, watches removed mid-batch are never called (and
 * never touched: run this under valgrind), failing callbacks lose their
 * fd, and signals arrive through the signalfd.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpd_test.h"
#include "host/loop.h"

struct watch {
	struct loop *loop;
	int fd;
	unsigned calls;
	uint32_t revents;
	int ret;	     /* what the callback returns */
	struct watch *other; /* to remove from inside the callback */
	bool stop;	     /* call loop_stop() */
};

static int on_ready(void *arg, int fd, uint32_t revents)
{
	struct watch *w = arg;

	w->calls++;
	w->revents = revents;
	CPD_ASSERT_INT_EQ(fd, w->fd);
	if (w->other)
		CPD_ASSERT_INT_EQ(loop_del_fd(w->loop, w->other->fd), 0);
	if (w->stop)
		loop_stop(w->loop);
	return w->ret;
}

static void make_pipe(int p[2])
{
	CU_ASSERT_EQUAL_FATAL(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
}

static void poke(int fd)
{
	CU_ASSERT_EQUAL(write(fd, "x", 1), 1);
}

static void close_pipe(int p[2])
{
	close(p[0]);
	close(p[1]);
}

static void test_fd_callback(void)
{
	struct loop *loop = loop_new();
	struct watch w = { 0 };
	int p[2];

	CU_ASSERT_PTR_NOT_NULL_FATAL(loop);
	make_pipe(p);
	w.loop = loop;
	w.fd = p[0];
	CPD_ASSERT_INT_EQ(loop_add_fd(loop, p[0], EPOLLIN, on_ready, &w), 0);
	/* nothing ready: nothing runs */
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 0), 0);
	CPD_ASSERT_UINT_EQ(w.calls, 0);
	poke(p[1]);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(w.calls, 1);
	CU_ASSERT_TRUE(w.revents & EPOLLIN);
	/* level-triggered: still readable, runs again */
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(w.calls, 2);

	CPD_ASSERT_INT_EQ(loop_add_fd(loop, p[0], EPOLLIN, on_ready, &w),
			  -EEXIST);
	CPD_ASSERT_INT_EQ(loop_add_fd(loop, -1, EPOLLIN, on_ready, &w),
			  -EINVAL);
	CPD_ASSERT_INT_EQ(loop_add_fd(loop, p[1], EPOLLOUT, NULL, &w), -EINVAL);
	CPD_ASSERT_INT_EQ(loop_add_fd(loop, 4321, EPOLLIN, on_ready, &w),
			  -EBADF);
	CPD_ASSERT_INT_EQ(loop_del_fd(loop, p[1]), -ENOENT);

	/* removed: no more calls, and the fd is the caller's to close */
	CPD_ASSERT_INT_EQ(loop_del_fd(loop, p[0]), 0);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 0), 0);
	CPD_ASSERT_UINT_EQ(w.calls, 2);
	CPD_ASSERT_INT_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	/* and it can be watched again */
	CPD_ASSERT_INT_EQ(loop_add_fd(loop, p[0], EPOLLIN, on_ready, &w), 0);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	loop_free(loop);
	close_pipe(p);
}

static void test_unwatch_in_batch(void)
{
	struct loop *loop = loop_new();
	struct watch a = { 0 }, b = { 0 };
	int pa[2], pb[2];

	make_pipe(pa);
	make_pipe(pb);
	a.loop = b.loop = loop;
	a.fd = pa[0];
	b.fd = pb[0];
	/* whichever runs first removes the other, which must then not run */
	a.other = &b;
	b.other = &a;
	loop_add_fd(loop, pa[0], EPOLLIN, on_ready, &a);
	loop_add_fd(loop, pb[0], EPOLLIN, on_ready, &b);
	poke(pa[1]);
	poke(pb[1]);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(a.calls + b.calls, 1);
	/* the survivor keeps running, the other stays gone */
	a.other = b.other = NULL;
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(a.calls + b.calls, 2);
	CU_ASSERT_TRUE(a.calls == 2 || b.calls == 2);
	CPD_ASSERT_INT_EQ(loop_del_fd(loop, a.calls == 2 ? pb[0] : pa[0]),
			  -ENOENT);
	loop_free(loop);
	close_pipe(pa);
	close_pipe(pb);
}

/* A callback that removes itself, closes its fd and watches a new one. */
struct swap {
	struct loop *loop;
	int p[2];
	int np[2];
	unsigned calls, new_calls;
};

static int on_new(void *arg, int fd, uint32_t revents)
{
	struct swap *s = arg;

	s->new_calls++;
	return 0;
}

static int on_swap(void *arg, int fd, uint32_t revents)
{
	struct swap *s = arg;

	s->calls++;
	CPD_ASSERT_INT_EQ(loop_del_fd(s->loop, fd), 0);
	close(s->p[0]);
	/* likely reuses the fd number just closed */
	make_pipe(s->np);
	poke(s->np[1]);
	CPD_ASSERT_INT_EQ(loop_add_fd(s->loop, s->np[0], EPOLLIN, on_new, s),
			  0);
	return 0;
}

static void test_self_removal_and_reuse(void)
{
	struct loop *loop = loop_new();
	struct swap s = { .loop = loop };

	make_pipe(s.p);
	loop_add_fd(loop, s.p[0], EPOLLIN, on_swap, &s);
	poke(s.p[1]);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(s.calls, 1);
	CPD_ASSERT_UINT_EQ(s.new_calls, 0);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(s.calls, 1);
	CPD_ASSERT_UINT_EQ(s.new_calls, 1);
	loop_free(loop);
	close(s.p[1]);
	close_pipe(s.np);
}

static void test_failing_callback_removed(void)
{
	struct loop *loop = loop_new();
	struct watch bad = { 0 }, good = { 0 };
	int pb[2], pg[2];

	make_pipe(pb);
	make_pipe(pg);
	bad.loop = good.loop = loop;
	bad.fd = pb[0];
	good.fd = pg[0];
	bad.ret = -EIO;
	loop_add_fd(loop, pb[0], EPOLLIN, on_ready, &bad);
	loop_add_fd(loop, pg[0], EPOLLIN, on_ready, &good);
	poke(pb[1]);
	poke(pg[1]);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 2);
	CPD_ASSERT_UINT_EQ(bad.calls, 1);
	CPD_ASSERT_UINT_EQ(good.calls, 1);
	/* still readable, but no longer watched */
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 100), 1);
	CPD_ASSERT_UINT_EQ(bad.calls, 1);
	CPD_ASSERT_UINT_EQ(good.calls, 2);
	CPD_ASSERT_INT_EQ(loop_del_fd(loop, pb[0]), -ENOENT);
	CPD_ASSERT_INT_EQ(loop_del_fd(loop, pg[0]), 0);
	loop_free(loop);
	close_pipe(pb);
	close_pipe(pg);
}

static unsigned ticks;

static void on_tick(void *arg)
{
	ticks++;
}

static void test_timer(void)
{
	struct loop *loop = loop_new();
	unsigned i, seen;

	ticks = 0;
	CPD_ASSERT_INT_EQ(loop_set_timer(loop, 5000000, on_tick, NULL), 0);
	for (i = 0; i < 3; i++)
		CPD_ASSERT_INT_EQ(loop_run_once(loop, 2000), 1);
	CPD_ASSERT_UINT_EQ(ticks, 3);
	/* 0 stops it */
	CPD_ASSERT_INT_EQ(loop_set_timer(loop, 0, on_tick, NULL), 0);
	seen = ticks;
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 50), 0);
	CPD_ASSERT_UINT_EQ(ticks, seen);
	/* and it can be restarted */
	CPD_ASSERT_INT_EQ(loop_set_timer(loop, 1000000, on_tick, NULL), 0);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 2000), 1);
	CPD_ASSERT_UINT_EQ(ticks, seen + 1);
	loop_free(loop);
}

static int sigs[8];
static unsigned nsigs;

static void on_signal(void *arg, const struct signalfd_siginfo *si)
{
	if (nsigs < ARRAY_SIZE(sigs))
		sigs[nsigs++] = (int)si->ssi_signo;
}

static bool blocked(int sig)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig) == 1;
}

static void test_signals(void)
{
	struct loop *loop = loop_new();
	sigset_t set;
	pid_t pid;
	int status;

	nsigs = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	CU_ASSERT_FALSE_FATAL(blocked(SIGUSR1));
	CPD_ASSERT_INT_EQ(loop_signals(loop, &set, on_signal, NULL), 0);
	CU_ASSERT_TRUE_FATAL(blocked(SIGUSR1));

	raise(SIGUSR1);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(nsigs, 1);
	CPD_ASSERT_INT_EQ(sigs[0], SIGUSR1);
	/* two pending signals: one wakeup delivers both */
	raise(SIGUSR2);
	raise(SIGUSR1);
	CPD_ASSERT_INT_EQ(loop_run_once(loop, 1000), 1);
	CPD_ASSERT_UINT_EQ(nsigs, 3);

	/* a child gets the mask and dispositions from before the loop */
	pid = fork();
	if (pid == 0) {
		int bad;

		loop_child_sigmask(loop);
		bad = blocked(SIGUSR1) || blocked(SIGUSR2);
		loop_free(loop); /* for valgrind's leak check */
		_exit(bad);
	}
	CU_ASSERT_TRUE_FATAL(pid > 0);
	CPD_ASSERT_INT_EQ(waitpid(pid, &status, 0), pid);
	CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT_TRUE(blocked(SIGUSR1));

	/* freeing the loop gives the mask back */
	loop_free(loop);
	CU_ASSERT_FALSE(blocked(SIGUSR1));
	CU_ASSERT_FALSE(blocked(SIGUSR2));
}

/*
 * A signal of the loop's set that comes after the loop last ran (a second
 * Ctrl-C while the summary is written) is left pending: giving the mask
 * back must not deliver it, or its default action would end the process
 * with the signal's status instead of the command's.
 */
static void test_late_signal_not_fatal(void)
{
	pid_t pid = fork();
	int status;

	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (pid == 0) {
		struct loop *loop = loop_new();
		sigset_t set;

		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		if (loop_signals(loop, &set, on_signal, NULL) < 0)
			_exit(2);
		raise(SIGINT);
		raise(SIGTERM);
		loop_free(loop);
		_exit(blocked(SIGINT) ? 3 : 0);
	}
	CPD_ASSERT_INT_EQ(waitpid(pid, &status, 0), pid);
	CU_ASSERT_TRUE(WIFEXITED(status));
	if (WIFEXITED(status))
		CPD_ASSERT_INT_EQ(WEXITSTATUS(status), 0);
	else
		fprintf(stderr, "  killed by signal %d\n", WTERMSIG(status));
}

static void test_run_until_stop(void)
{
	struct loop *loop = loop_new();
	struct watch a = { 0 }, b = { 0 };
	int pa[2], pb[2];

	make_pipe(pa);
	make_pipe(pb);
	a.loop = b.loop = loop;
	a.fd = pa[0];
	b.fd = pb[0];
	a.stop = b.stop = true;
	loop_add_fd(loop, pa[0], EPOLLIN, on_ready, &a);
	loop_add_fd(loop, pb[0], EPOLLIN, on_ready, &b);
	poke(pa[1]);
	poke(pb[1]);
	CU_ASSERT_FALSE(loop_stopped(loop));
	CPD_ASSERT_INT_EQ(loop_run(loop), 0);
	CU_ASSERT_TRUE(loop_stopped(loop));
	/* stop ends the batch too: the second ready fd waits */
	CPD_ASSERT_UINT_EQ(a.calls + b.calls, 1);
	loop_free(loop);
	close_pipe(pa);
	close_pipe(pb);
}

static CU_TestInfo loop_tests[] = {
	{ "watched_fd_callback_runs", test_fd_callback },
	{ "unwatch_other_fd_in_same_batch", test_unwatch_in_batch },
	{ "self_removal_and_fd_reuse", test_self_removal_and_reuse },
	{ "failing_callback_loses_its_fd", test_failing_callback_removed },
	{ "timer_fires_and_stops", test_timer },
	{ "signals_through_signalfd", test_signals },
	{ "run_until_stop", test_run_until_stop },
	{ "late_signal_not_fatal", test_late_signal_not_fatal },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "loop", .pTests = loop_tests },
	CU_SUITE_INFO_NULL,
};
