// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "blockwait.h"

#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>

#define BLOCKWAIT_MAX 8

/*
 * Written by the handlers, which only run inside blockwait_wait() (the
 * signals are blocked everywhere else), read after it: no race with the
 * code that reads them.
 */
static struct {
	bool started;
	sigset_t set; /* the caught signals and SIGALRM */
	struct sigaction old[NSIG];
	bool saved[NSIG];
	struct signalfd_siginfo caught[BLOCKWAIT_MAX];
	volatile sig_atomic_t ncaught;
	volatile sig_atomic_t ticked;
	bool alrm_was_blocked;
} bw;

static void blockwait_catch(int sig, siginfo_t *si, void *uc)
{
	struct signalfd_siginfo *o;

	(void)uc;
	if (sig == SIGALRM) {
		bw.ticked = 1;
		return;
	}
	if (bw.ncaught >= BLOCKWAIT_MAX)
		return;
	o = &bw.caught[bw.ncaught];
	memset(o, 0, sizeof(*o));
	o->ssi_signo = (uint32_t)sig;
	o->ssi_code = si->si_code;
	o->ssi_pid = (uint32_t)si->si_pid;
	o->ssi_uid = (uint32_t)si->si_uid;
	bw.ncaught++;
}

int blockwait_start(const sigset_t *set, uint64_t tick_ns)
{
	struct sigaction sa;
	struct itimerval it;
	sigset_t alrm, old;
	int sig;

	if (bw.started)
		return -EBUSY;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = blockwait_catch;
	/* no SA_RESTART: interrupting wait4 is the point */
	sa.sa_flags = SA_SIGINFO;
	sigfillset(&sa.sa_mask);
	sigemptyset(&bw.set);
	for (sig = 1; sig < NSIG; sig++) {
		if ((sigismember(set, sig) != 1 && sig != SIGALRM) ||
		    sig == SIGCHLD)
			continue;
		if (sigaction(sig, &sa, &bw.old[sig]) < 0)
			goto restore;
		bw.saved[sig] = true;
		sigaddset(&bw.set, sig);
	}
	/* SIGALRM waits blocked, like the rest, until a wait lets it in */
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	if (sigprocmask(SIG_BLOCK, &alrm, &old) < 0)
		goto restore;
	bw.alrm_was_blocked = sigismember(&old, SIGALRM) == 1;
	if (tick_ns) {
		memset(&it, 0, sizeof(it));
		it.it_interval.tv_sec = (time_t)(tick_ns / 1000000000u);
		it.it_interval.tv_usec =
			(suseconds_t)(tick_ns % 1000000000u / 1000);
		if (!it.it_interval.tv_sec && !it.it_interval.tv_usec)
			it.it_interval.tv_usec = 1;
		it.it_value = it.it_interval;
		if (setitimer(ITIMER_REAL, &it, NULL) < 0)
			goto restore;
	}
	bw.ncaught = 0;
	bw.ticked = 0;
	bw.started = true;
	return 0;

restore:
	sig = -errno;
	blockwait_stop();
	return sig;
}

void blockwait_stop(void)
{
	static const struct timespec now;
	struct itimerval off;
	sigset_t alrm;
	int sig;

	memset(&off, 0, sizeof(off));
	setitimer(ITIMER_REAL, &off, NULL);
	/*
	 * A tick that fired after the last wait is still pending: left there,
	 * it would kill us (SIG_DFL) the moment the loop's mask is undone.
	 */
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	while (sigtimedwait(&alrm, NULL, &now) == SIGALRM)
		;
	if (!bw.alrm_was_blocked)
		sigprocmask(SIG_UNBLOCK, &alrm, NULL);
	for (sig = 1; sig < NSIG; sig++) {
		if (!bw.saved[sig])
			continue;
		sigaction(sig, &bw.old[sig], NULL);
		bw.saved[sig] = false;
	}
	bw.started = false;
}

pid_t blockwait_wait(int *status)
{
	sigset_t old;
	pid_t tid = 0;

	if (!bw.started)
		return -EINVAL;
	/* a signal already pending is caught right here, on the way out */
	sigprocmask(SIG_UNBLOCK, &bw.set, &old);
	if (!bw.ncaught && !bw.ticked) {
		tid = wait4(-1, status, __WALL, NULL);
		if (tid < 0)
			tid = errno == EINTR ? 0 : -errno;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return tid;
}

size_t blockwait_collect(struct signalfd_siginfo *out, size_t n, bool *tick)
{
	size_t i, got = (size_t)bw.ncaught;

	if (got > n)
		got = n;
	for (i = 0; i < got; i++)
		out[i] = bw.caught[i];
	bw.ncaught = 0;
	*tick = bw.ticked;
	bw.ticked = 0;
	return got;
}
