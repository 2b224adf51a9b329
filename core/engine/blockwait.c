// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "blockwait.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define BLOCKWAIT_MAX 8

#if defined(__x86_64__)
#define BLOCKWAIT_ASM	  1
#define BLOCKWAIT_STR_(x) #x
#define BLOCKWAIT_STR(x)  BLOCKWAIT_STR_(x)

/*
 * long blockwait_wait4(int *status, volatile sig_atomic_t *pending):
 * wait4(-1, status, __WALL, NULL), or -EINTR without the syscall if
 * *pending is set. From blockwait_begin (the check) to blockwait_end
 * (just after the syscall instruction) the handler may move the thread
 * to blockwait_cancel: a signal taken there was recorded after the check,
 * and the wait must not sleep through it. A syscall interrupted with
 * SA_RESTART is rewound to its syscall instruction, inside the range; one
 * that completed has its return address at blockwait_end, outside it.
 */
extern long blockwait_wait4(int *status, volatile sig_atomic_t *pending);
extern const char blockwait_begin[], blockwait_end[], blockwait_cancel[];
/* clang-format off */
__asm__(".text\n"
	".p2align 4\n"
	".globl blockwait_wait4\n"
	".hidden blockwait_wait4\n"
	".hidden blockwait_begin\n"
	".hidden blockwait_end\n"
	".hidden blockwait_cancel\n"
	".type blockwait_wait4, @function\n"
	"blockwait_wait4:\n"
	"	mov %rsi, %rax\n"
	"	mov %rdi, %rsi\n"
	"	mov $-1, %rdi\n"
	"	mov $" BLOCKWAIT_STR(__WALL) ", %edx\n"
	"	xor %r10d, %r10d\n"
	"blockwait_begin:\n"
	"	cmpl $0, (%rax)\n"
	"	jne blockwait_cancel\n"
	"	mov $" BLOCKWAIT_STR(SYS_wait4) ", %eax\n"
	"	syscall\n"
	"blockwait_end:\n"
	"	ret\n"
	"blockwait_cancel:\n"
	"	mov $-" BLOCKWAIT_STR(EINTR) ", %rax\n"
	"	ret\n"
	".size blockwait_wait4, .-blockwait_wait4\n"
	".previous\n");
/* clang-format on */
#endif

/*
 * Written by the handler, which runs inside a wait, or on x86_64 anywhere
 * between the first wait and blockwait_close(); read in
 * blockwait_collect() with the signals blocked.
 */
static struct {
	bool started;
	bool open;    /* the caught signals are unblocked */
	sigset_t set; /* the caught signals and SIGALRM */
	struct sigaction old[NSIG];
	bool saved[NSIG];
	struct signalfd_siginfo caught[BLOCKWAIT_MAX];
	volatile sig_atomic_t ncaught;
	volatile sig_atomic_t ticked;
	volatile sig_atomic_t pending; /* any of the above, or a wake */
	bool alrm_was_blocked;

	/* blockwait_watch(): the thread that wakes us for a ready fd */
	int wake_sig;
	pid_t tid; /* ours, which it interrupts */
	bool watching;
	pthread_t watcher;
	int wepfd;  /* the watched epoll fd and stopfd */
	int stopfd; /* an eventfd: end the thread */
	int fds_ready;
	int wstop;
} bw = { .wepfd = -1, .stopfd = -1 };

static void blockwait_catch(int sig, siginfo_t *si, void *ucv)
{
	struct signalfd_siginfo *o;

	if (sig == SIGALRM) {
		bw.ticked = 1;
	} else if (sig == bw.wake_sig) {
		/* blockwait_fds_ready() says why */
	} else if (bw.ncaught < BLOCKWAIT_MAX) {
		o = &bw.caught[bw.ncaught];
		memset(o, 0, sizeof(*o));
		o->ssi_signo = (uint32_t)sig;
		o->ssi_code = si->si_code;
		o->ssi_pid = (uint32_t)si->si_pid;
		o->ssi_uid = (uint32_t)si->si_uid;
		bw.ncaught++;
	}
	bw.pending = 1;
#ifdef BLOCKWAIT_ASM
	{
		ucontext_t *uc = ucv;
		uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];

		if (ip >= (uintptr_t)blockwait_begin &&
		    ip < (uintptr_t)blockwait_end)
			uc->uc_mcontext.gregs[REG_RIP] =
				(greg_t)(uintptr_t)blockwait_cancel;
	}
#else
	(void)ucv;
#endif
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
#ifdef BLOCKWAIT_ASM
	/* the wait is ended by the handler; every other syscall goes on */
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
#else
	/* no SA_RESTART: interrupting wait4 is the point */
	sa.sa_flags = SA_SIGINFO;
#endif
	sigfillset(&sa.sa_mask);
	sigemptyset(&bw.set);
	bw.wake_sig = SIGRTMIN;
	bw.tid = (pid_t)syscall(SYS_gettid);
	for (sig = 1; sig < NSIG; sig++) {
		if ((sigismember(set, sig) != 1 && sig != SIGALRM &&
		     sig != bw.wake_sig) ||
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
	bw.pending = 0;
	bw.started = true;
	return 0;

restore:
	sig = -errno;
	blockwait_stop();
	return sig;
}

void blockwait_close(void)
{
	if (!bw.open)
		return;
	sigprocmask(SIG_BLOCK, &bw.set, NULL);
	bw.open = false;
}

static void blockwait_unwatch(void)
{
	uint64_t one = 1;

	if (!bw.watching)
		return;
	__atomic_store_n(&bw.wstop, 1, __ATOMIC_RELEASE);
	if (write(bw.stopfd, &one, sizeof(one)) < 0)
		pthread_cancel(bw.watcher);
	syscall(SYS_futex, &bw.fds_ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	pthread_join(bw.watcher, NULL);
	close(bw.wepfd);
	close(bw.stopfd);
	bw.wepfd = bw.stopfd = -1;
	bw.watching = false;
	bw.wstop = 0;
	bw.fds_ready = 0;
}

void blockwait_stop(void)
{
	static const struct timespec now;
	struct itimerval off;
	sigset_t alrm;
	int sig;

	blockwait_unwatch();
	blockwait_close();
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

#ifdef BLOCKWAIT_ASM
pid_t blockwait_wait(int *status)
{
	long tid;

	if (!bw.started)
		return -EINVAL;
	/* a signal already pending is caught right here */
	if (!bw.open) {
		sigprocmask(SIG_UNBLOCK, &bw.set, NULL);
		bw.open = true;
	}
	tid = blockwait_wait4(status, &bw.pending);
	if (tid == -EINTR)
		return 0;
	return (pid_t)tid;
}
#else
pid_t blockwait_wait(int *status)
{
	sigset_t old;
	pid_t tid = 0;

	if (!bw.started)
		return -EINVAL;
	/* a signal already pending is caught right here, on the way out */
	sigprocmask(SIG_UNBLOCK, &bw.set, &old);
	if (!bw.pending) {
		tid = wait4(-1, status, __WALL, NULL);
		if (tid < 0)
			tid = errno == EINTR ? 0 : -errno;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return tid;
}
#endif

/*
 * The watcher: wait for a watched fd to be ready, say so and interrupt
 * the tracer's wait, then wait until it has dispatched them. Every signal
 * is blocked here: they are the tracer thread's.
 */
static void *blockwait_watcher(void *arg)
{
	struct epoll_event ev;
	int n;

	(void)arg;
	while (!__atomic_load_n(&bw.wstop, __ATOMIC_ACQUIRE)) {
		n = epoll_wait(bw.wepfd, &ev, 1, -1);
		if (n < 0 && errno != EINTR)
			break;
		if (n <= 0 || __atomic_load_n(&bw.wstop, __ATOMIC_ACQUIRE))
			continue;
		__atomic_store_n(&bw.fds_ready, 1, __ATOMIC_RELEASE);
		syscall(SYS_tgkill, getpid(), bw.tid, bw.wake_sig);
		while (__atomic_load_n(&bw.fds_ready, __ATOMIC_ACQUIRE) &&
		       !__atomic_load_n(&bw.wstop, __ATOMIC_ACQUIRE))
			syscall(SYS_futex, &bw.fds_ready, FUTEX_WAIT_PRIVATE, 1,
				NULL, NULL, 0);
	}
	return NULL;
}

int blockwait_watch(int epfd)
{
	struct epoll_event ev = { .events = EPOLLIN };
	sigset_t all, old;
	int err;

	if (!bw.started)
		return -EINVAL;
	if (bw.watching)
		return 0;
	bw.wepfd = epoll_create1(EPOLL_CLOEXEC);
	bw.stopfd = eventfd(0, EFD_CLOEXEC);
	if (bw.wepfd < 0 || bw.stopfd < 0 ||
	    epoll_ctl(bw.wepfd, EPOLL_CTL_ADD, epfd, &ev) < 0 ||
	    epoll_ctl(bw.wepfd, EPOLL_CTL_ADD, bw.stopfd, &ev) < 0) {
		err = -errno;
		goto close_fds;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = -pthread_create(&bw.watcher, NULL, blockwait_watcher, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err)
		goto close_fds;
	bw.watching = true;
	return 0;

close_fds:
	if (bw.wepfd >= 0)
		close(bw.wepfd);
	if (bw.stopfd >= 0)
		close(bw.stopfd);
	bw.wepfd = bw.stopfd = -1;
	return err;
}

bool blockwait_fds_ready(void)
{
	return __atomic_load_n(&bw.fds_ready, __ATOMIC_ACQUIRE);
}

void blockwait_fds_done(void)
{
	__atomic_store_n(&bw.fds_ready, 0, __ATOMIC_RELEASE);
	syscall(SYS_futex, &bw.fds_ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

size_t blockwait_collect(struct signalfd_siginfo *out, size_t n, bool *tick)
{
	sigset_t old;
	size_t i, got;

	*tick = false;
	if (!bw.pending)
		return 0;
	/* the handler may run any time the signals are open: not now */
	sigprocmask(SIG_BLOCK, &bw.set, &old);
	got = MIN((size_t)bw.ncaught, n);
	for (i = 0; i < got; i++)
		out[i] = bw.caught[i];
	bw.ncaught = 0;
	*tick = bw.ticked;
	bw.ticked = 0;
	bw.pending = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return got;
}
