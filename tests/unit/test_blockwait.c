// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The direct wait (core/engine/blockwait.c) with real children and real signals:
 * a child's exit comes back from the wait; a signal sent while we wait
 * interrupts it and is collected with who sent it; a signal sent while
 * we are not waiting stays blocked until the next wait, which then does
 * not block; the tick fires on its own; and once stopped, the signals'
 * dispositions are what they were.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/blockwait.h"
#include "cpd_test.h"

static sigset_t caught_set(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	return set;
}

/* Block the set as the loop does, and start. */
static void start(uint64_t tick_ns)
{
	sigset_t set = caught_set();

	sigprocmask(SIG_BLOCK, &set, NULL);
	CPD_ASSERT_INT_EQ(blockwait_start(&set, tick_ns), 0);
}

static void finish(void)
{
	sigset_t set = caught_set();
	struct signalfd_siginfo si[8];
	bool tick;

	blockwait_stop();
	blockwait_collect(si, 8, &tick);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void test_child_exit(void)
{
	int status = 0;
	pid_t pid, tid;

	start(0);
	pid = fork();
	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (!pid)
		_exit(7);
	tid = blockwait_wait(&status);
	CPD_ASSERT_INT_EQ(tid, pid);
	CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	/* nothing left */
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), -ECHILD);
	finish();
}

static void test_signal_interrupts(void)
{
	struct signalfd_siginfo si[8];
	int status;
	bool tick = true;
	pid_t pid, sleeper;
	size_t n;

	start(0);
	/* a child to wait for that will not end by itself */
	sleeper = fork();
	CU_ASSERT_TRUE_FATAL(sleeper >= 0);
	if (!sleeper) {
		pause();
		_exit(0);
	}
	pid = fork();
	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (!pid) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		kill(getppid(), SIGTERM);
		/* if the signal did not end the wait, end it, failing */
		ts.tv_sec = 5;
		nanosleep(&ts, NULL);
		kill(sleeper, SIGKILL);
		_exit(0);
	}
	/* the wait ends with the signal, not with a child */
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), 0);
	n = blockwait_collect(si, 8, &tick);
	CPD_ASSERT_UINT_EQ(n, 1);
	CPD_ASSERT_UINT_EQ(si[0].ssi_signo, SIGTERM);
	CPD_ASSERT_INT_EQ((int)si[0].ssi_pid, pid);
	CPD_ASSERT_INT_EQ(si[0].ssi_code, SI_USER);
	CU_ASSERT_FALSE(tick);

	/* sent while not waiting: held, then the next wait returns at once */
	kill(getpid(), SIGINT);
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), 0);
	n = blockwait_collect(si, 8, &tick);
	CPD_ASSERT_UINT_EQ(n, 1);
	CPD_ASSERT_UINT_EQ(si[0].ssi_signo, SIGINT);

	kill(pid, SIGKILL);
	kill(sleeper, SIGKILL);
	while (waitpid(-1, &status, 0) > 0)
		;
	finish();
}

/* Between waits a caught signal must not cut another syscall short. */
static void test_other_syscalls_go_on(void)
{
	struct signalfd_siginfo si[8];
	int status, pfd[2];
	char c = 0;
	bool tick;
	pid_t pid;

	start(0);
	/* a first wait, ended at once by a signal, lets the signals in */
	kill(getpid(), SIGINT);
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), 0);
	CPD_ASSERT_UINT_EQ(blockwait_collect(si, 8, &tick), 1);
	CU_ASSERT_TRUE_FATAL(pipe(pfd) == 0);
	pid = fork();
	CU_ASSERT_TRUE_FATAL(pid >= 0);
	if (!pid) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		kill(getppid(), SIGTERM);
		nanosleep(&ts, NULL);
		if (write(pfd[1], "x", 1) < 0)
			_exit(1);
		_exit(0);
	}
	/* SIGTERM comes while this read blocks: it must go on to the byte */
	CPD_ASSERT_INT_EQ((int)read(pfd[0], &c, 1), 1);
	CPD_ASSERT_INT_EQ(c, 'x');
	/* and the signal is not lost: the next wait ends at once with it */
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), 0);
	CPD_ASSERT_UINT_EQ(blockwait_collect(si, 8, &tick), 1);
	CPD_ASSERT_UINT_EQ(si[0].ssi_signo, SIGTERM);
	CPD_ASSERT_INT_EQ((int)waitpid(pid, &status, 0), pid);
	close(pfd[0]);
	close(pfd[1]);
	finish();
}

/* A child that writes a byte to fd after 50 ms, then waits to be killed. */
static pid_t writer(int fd)
{
	pid_t pid = fork();

	if (!pid) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		if (write(fd, "x", 1) < 0)
			_exit(1);
		pause();
		_exit(0);
	}
	return pid;
}

static void test_watch_fd(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct signalfd_siginfo si[8];
	int status, pfd[2], epfd, round;
	bool tick;
	char c;
	pid_t w, guard, got;

	start(0);
	CU_ASSERT_TRUE_FATAL(pipe(pfd) == 0);
	epfd = epoll_create1(0);
	CU_ASSERT_TRUE_FATAL(epfd >= 0);
	CU_ASSERT_TRUE_FATAL(epoll_ctl(epfd, EPOLL_CTL_ADD, pfd[0], &ev) == 0);
	CPD_ASSERT_INT_EQ(blockwait_watch(epfd), 0);
	/* if the fd does not end the wait, a child's end does, failing */
	guard = fork();
	CU_ASSERT_TRUE_FATAL(guard >= 0);
	if (!guard) {
		sleep(5);
		_exit(0);
	}
	for (round = 0; round < 2; round++) {
		CU_ASSERT_FALSE(blockwait_fds_ready());
		w = writer(pfd[1]);
		CU_ASSERT_TRUE_FATAL(w >= 0);
		/* ended by the fd, not by a child, and no signal to report */
		got = blockwait_wait(&status);
		CPD_ASSERT_INT_EQ(got, 0);
		if (got) {
			kill(w, SIGKILL);
			break;
		}
		CPD_ASSERT_UINT_EQ(blockwait_collect(si, 8, &tick), 0);
		CU_ASSERT_TRUE(blockwait_fds_ready());
		CPD_ASSERT_INT_EQ((int)read(pfd[0], &c, 1), 1);
		blockwait_fds_done();
		kill(w, SIGKILL);
		CPD_ASSERT_INT_EQ((int)waitpid(w, &status, 0), w);
	}
	kill(guard, SIGKILL);
	while (waitpid(-1, &status, 0) > 0)
		;
	finish();
	close(epfd);
	close(pfd[0]);
	close(pfd[1]);
}

static void test_tick(void)
{
	struct signalfd_siginfo si[8];
	int status;
	bool tick = false;
	pid_t sleeper, guard;

	start(20 * 1000 * 1000);
	sleeper = fork();
	CU_ASSERT_TRUE_FATAL(sleeper >= 0);
	if (!sleeper) {
		pause();
		_exit(0);
	}
	guard = fork();
	CU_ASSERT_TRUE_FATAL(guard >= 0);
	if (!guard) {
		/* if the tick does not end the wait, end it, failing */
		struct timespec ts = { 5, 0 };

		nanosleep(&ts, NULL);
		kill(sleeper, SIGKILL);
		_exit(0);
	}
	CPD_ASSERT_INT_EQ(blockwait_wait(&status), 0);
	CPD_ASSERT_UINT_EQ(blockwait_collect(si, 8, &tick), 0);
	CU_ASSERT_TRUE(tick);
	kill(sleeper, SIGKILL);
	kill(guard, SIGKILL);
	while (waitpid(-1, &status, 0) > 0)
		;
	finish();
}

static void test_dispositions_restored(void)
{
	struct sigaction sa;

	start(0);
	CU_ASSERT_TRUE(sigaction(SIGINT, NULL, &sa) == 0 &&
		       (sa.sa_flags & SA_SIGINFO));
	/* SIGCHLD is never caught: the loop's signalfd keeps it */
	CU_ASSERT_TRUE(sigaction(SIGCHLD, NULL, &sa) == 0 &&
		       sa.sa_handler == SIG_DFL);
	finish();
	CU_ASSERT_TRUE(sigaction(SIGINT, NULL, &sa) == 0 &&
		       sa.sa_handler == SIG_DFL);
	CU_ASSERT_TRUE(sigaction(SIGALRM, NULL, &sa) == 0 &&
		       sa.sa_handler == SIG_DFL);
}

/* A tick that fires after the last wait must not outlive blockwait_stop(). */
static void test_pending_tick_discarded(void)
{
	struct timespec ts = { 0, 60 * 1000 * 1000 };
	sigset_t pending;

	start(10 * 1000 * 1000);
	nanosleep(&ts, NULL);
	sigpending(&pending);
	CU_ASSERT_TRUE(sigismember(&pending, SIGALRM) == 1);
	blockwait_stop();
	sigpending(&pending);
	CU_ASSERT_FALSE(sigismember(&pending, SIGALRM) == 1);
	/* and SIGALRM is unblocked again, as it was (a leftover would kill) */
	finish();
	CU_ASSERT_FALSE(sigismember(&pending, SIGALRM) == 1);
}

static CU_TestInfo blockwait_tests[] = {
	{ "child_exit_comes_back", test_child_exit },
	{ "signal_interrupts_and_is_collected", test_signal_interrupts },
	{ "other_syscalls_go_on", test_other_syscalls_go_on },
	{ "watched_fd_ends_the_wait", test_watch_fd },
	{ "tick_fires", test_tick },
	{ "dispositions_restored", test_dispositions_restored },
	{ "pending_tick_discarded_at_stop", test_pending_tick_discarded },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "blockwait", .pTests = blockwait_tests },
	CU_SUITE_INFO_NULL,
};
