// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's run: load the programs, start the command (or take
 * the pids), read the records until every traced process is gone.
 *
 * Spawn. The command is forked waiting on a pipe. Its pid goes into the
 * kernel's bitmap, its inherited fds into the fd table, the programs are
 * attached, the plugins hear that it starts, and only then is it let go:
 * everything it does from its exec on is seen, and so is every child,
 * which the kernel adds to the bitmap before the child can run.
 *
 * The end. The command's own exit comes from wait4 (we are its parent);
 * the trace ends when it is reaped and the bitmap is empty (no process
 * of the tree lives on), once the ring has been read to its end. Attach
 * mode ends when the attached processes are gone, or at Ctrl-C, which
 * only clears their bits: they never stopped.
 */
#include "bpfeng.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "bpfrec.h"
#include "fdproc.h"
#include "interrupt.h"
#include "procinfo.h"
#include "base/log.h"
#include "base/xmalloc.h"

/* How often the ring is read when nothing wakes us: live output's lag. */
#define BPFENG_TICK_MS 100
/*
 * The ring. Only opens, closes and the like go through it at defaults;
 * -v sends every call. Making it costs start-up time: a few ms per 4 MiB.
 */
#define BPFENG_RING_BYTES	  (4u << 20)
#define BPFENG_RING_BYTES_VERBOSE (16u << 20)

static uint64_t bpfeng_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- loss ----------------------------------------------------------- */

/* Not a counter slot: the kernel's count of our programs' skipped runs. */
#define BPFENG_MISSED UINT_MAX

/* Say what the ring had no room for since the last call, as LOST events. */
static void bpfeng_lost(struct bpfeng *e, uint64_t *seen, unsigned slot,
			uint16_t kind, const char *reason)
{
	uint64_t now = slot == BPFENG_MISSED ? bpfload_missed(&e->ld) :
					       bpfload_stat(&e->ld, slot);
	struct cpd_event ev;

	if (now <= *seen)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.source = CPD_SRC_CORE;
	ev.ts_ns = 0;
	ev.u.lost.lost_kind = kind;
	ev.u.lost.count = now - *seen;
	ev.u.lost.reason.ptr = reason;
	ev.u.lost.reason.len = (uint32_t)strlen(reason);
	*seen = now;
	session_publish(e->s, &ev);
}

static void bpfeng_drain(struct bpfeng *e)
{
	struct cpd_trace_stats *st = &e->s->stats;
	uint64_t missed, lost_bytes;

	bpfload_drain(&e->ld);
	/*
	 * A batch's lines go out with it: nothing waits for a stop here,
	 * and the command wrote to the terminal whenever it did anyway.
	 */
	session_sync(e->s);
	bpfeng_lost(e, &e->lost_sc, CPD_ENG_STAT_LOST_SC, CPD_EV_SYSCALL,
		    "BPF ring buffer full");
	bpfeng_lost(e, &e->lost_proc, CPD_ENG_STAT_LOST_PROC, CPD_EV_PROC,
		    "BPF ring buffer full");
	/* runs the kernel skipped: one of ours was busy on that CPU */
	bpfeng_lost(e, &e->lost_missed, BPFENG_MISSED, CPD_EV_SYSCALL,
		    "BPF program busy on that CPU");
	missed = e->lost_missed;
	lost_bytes = bpfload_stat(&e->ld, CPD_ENG_STAT_LOST_BYTES);
	st->records_lost = e->lost_sc + e->lost_proc + missed;
	if (lost_bytes > e->lost_bytes) {
		st->bytes_unattributed += lost_bytes - e->lost_bytes;
		e->lost_bytes = lost_bytes;
	}
	st->totals = st->records_lost || st->bytes_unattributed ?
			     CPD_TOTALS_PARTIAL :
			     CPD_TOTALS_KERNEL;
}

/* ---- the end -------------------------------------------------------- */

static void bpfeng_reap(struct bpfeng *e)
{
	int status;

	if (e->root_reaped || e->root_pid <= 0)
		return;
	if (waitpid(e->root_pid, &status, WNOHANG) != e->root_pid)
		return;
	e->root_reaped = true;
	if (WIFEXITED(status)) {
		e->exit_status = WEXITSTATUS(status);
		e->s->stats.root_exit_code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		e->exit_status = 128 + WTERMSIG(status);
		e->s->stats.root_exit_signal = WTERMSIG(status);
	}
}

static void bpfeng_unfollow(struct task *t, void *arg)
{
	struct bpfeng *e = arg;

	bpfload_follow(&e->ld, t->proc->pid, false);
}

/* What t's process had of the CPUs, into an attach or detach event. */
static void bpfeng_cpu(struct bpfeng *e, struct task *t, struct cpd_ev_proc *p)
{
	if (e->s->core.deterministic)
		return;
	task_cpu_read(t, false);
	task_cpu_fill(p, t->proc, true);
}

static void bpfeng_detach_task(struct task *t, void *arg)
{
	struct bpfeng *e = arg;
	struct cpd_ev_proc p;

	memset(&p, 0, sizeof(p));
	bpfeng_cpu(e, t, &p);
	bpfrec_proc(e, t, CPD_PROC_DETACH, &p);
	task_remove(&e->tt, t);
}

static void bpfeng_kill_task(struct task *t, void *arg)
{
	(void)arg;
	kill(t->tid, SIGKILL);
}

/* Whether tracing is over; if so the ring has been read to its end. */
static bool bpfeng_done(struct bpfeng *e)
{
	if (e->spawned && !e->root_reaped)
		return false;
	if (e->detaching) {
		task_each(&e->tt, bpfeng_unfollow, e);
		bpfeng_drain(e);
		bpfsum_sweep(e, 0, bpfeng_now());
		bpfrec_settle(e);
		task_each(&e->tt, bpfeng_detach_task, e);
		return true;
	}
	if (bpfload_any(&e->ld))
		return false;
	bpfeng_drain(e);
	bpfsum_sweep(e, 0, bpfeng_now());
	return true;
}

/* ---- the loop ------------------------------------------------------- */

/* Attach mode's end: the bits go, the tasks run on, never stopped. */
static void bpfeng_detach_all(struct bpfeng *e)
{
	if (!e->detaching)
		log_info("detaching from %zu task%s; they keep running",
			 e->tt.ntasks, e->tt.ntasks == 1 ? "" : "s");
	e->detaching = true;
}

static void bpfeng_kill_all(struct bpfeng *e)
{
	e->killing = true;
	task_each(&e->tt, bpfeng_kill_task, e);
	if (e->root_pid > 0)
		kill(e->root_pid, SIGKILL);
}

/* End the trace now (--duration, a plugin's abort): detach, or kill. */
static void bpfeng_end(struct bpfeng *e)
{
	if (e->detaching || e->killing)
		return;
	if (e->spawned)
		bpfeng_kill_all(e);
	else
		bpfeng_detach_all(e);
}

static void bpfeng_on_signal(void *arg, const struct signalfd_siginfo *si)
{
	struct bpfeng *e = arg;
	int sig = (int)si->ssi_signo;

	if (sig == SIGCHLD) {
		bpfeng_reap(e);
		return;
	}
	switch (interrupt_take(si, e->spawned, &e->interrupts, e->root_pid)) {
	case INTERRUPT_DETACH:
		bpfeng_detach_all(e);
		break;
	case INTERRUPT_KILL:
		if (!e->killing)
			log_info("killing the traced processes");
		bpfeng_kill_all(e);
		break;
	case INTERRUPT_WAIT:
		break;
	}
}

static void bpfeng_on_timer(void *arg)
{
	struct bpfeng *e = arg;
	unsigned due;

	bpfeng_drain(e);
	/* what the kernel summed so far, for live output and the periods */
	bpfsum_sweep(e, 0, bpfeng_now());
	due = session_tick(e->s);
	/* the sweep's lines too: none waits past CPD_LIVE_STREAM_MS */
	if (!(due & TICK_FLUSH))
		session_sync(e->s);
	if ((due & TICK_END) && !e->detaching && !e->killing) {
		log_info("the time to trace is up (--duration)");
		bpfeng_end(e);
	}
	if (e->s->aborted)
		bpfeng_end(e);
}

static int bpfeng_on_ring(void *arg, int fd, uint32_t revents)
{
	(void)fd;
	(void)revents;
	bpfeng_drain(arg);
	return 0;
}

static int bpfeng_loop(struct bpfeng *e)
{
	struct loop *loop = e->s->loop;
	int err = 0;

	while (!loop_stopped(loop)) {
		err = loop_run_once(loop, BPFENG_TICK_MS);
		if (err < 0)
			break;
		bpfeng_drain(e);
		if (bpfeng_done(e))
			loop_stop(loop);
	}
	return err < 0 ? err : 0;
}

/* ---- spawn ---------------------------------------------------------- */

/*
 * The command, before its exec: it stops itself until the parent follows
 * it. A stop, not a read from a pipe: what the command reads or writes
 * before its exec is not its own, and the kernel would sum it. If the
 * parent dies first, the command dies too, never to run untraced.
 */
static void bpfeng_child(struct bpfeng *e, const char *path, char **argv,
			 pid_t parent, int wfd, int maxfd)
{
	char msg[32];
	int len, fd, fl;

	loop_child_sigmask(e->s->loop);
	/* compendium ignores SIGPIPE; an ignored signal survives exec */
	signal(SIGPIPE, SIG_DFL);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(127);
	/*
	 * Our own fds (the BPF objects' and the like, all close-on-exec)
	 * go now rather than at the exec: the fd table the parent reads
	 * from /proc while we are stopped is then only what the command
	 * gets, a few fds to look at instead of some thirty.
	 */
	for (fd = 3; fd <= maxfd; fd++) {
		fl = fcntl(fd, F_GETFD);
		if (fd != wfd && fl >= 0 && (fl & FD_CLOEXEC))
			close(fd);
	}
	raise(SIGSTOP);
	/* it would survive the exec */
	prctl(PR_SET_PDEATHSIG, 0);
	execv(path, argv);
	len = snprintf(msg, sizeof(msg), "E%d", errno);
	if (write(wfd, msg, (size_t)len) < 0)
		_exit(127);
	_exit(127);
}

/* The command's exec error, if it wrote one. */
static void bpfeng_read_child_pipe(struct bpfeng *e)
{
	char buf[32];
	ssize_t n;

	if (e->err_pipe < 0)
		return;
	n = read(e->err_pipe, buf, sizeof(buf) - 1);
	if (n <= 1 || buf[0] != 'E')
		return;
	buf[n] = '\0';
	e->exec_errno = (int)strtol(buf + 1, NULL, 10);
}

static void bpfeng_publish_start(struct bpfeng *e, struct task *t,
				 const struct tracer_opts *o, const char *path)
{
	struct cpd_ev_proc p;
	size_t len = 0, n;
	char *argv;
	int i;

	for (i = 0; i < o->argc; i++)
		len += strlen(o->argv[i]) + 1;
	argv = xmalloc(len + 1);
	for (i = 0, n = 0; i < o->argc; i++) {
		memcpy(argv + n, o->argv[i], strlen(o->argv[i]) + 1);
		n += strlen(o->argv[i]) + 1;
	}
	memset(&p, 0, sizeof(p));
	p.path.ptr = path;
	p.path.len = (uint32_t)strlen(path);
	p.argv.ptr = argv;
	p.argv.len = len ? (uint32_t)len - 1 : 0;
	p.argc = (uint32_t)o->argc;
	p.ppid = t->proc->ppid;
	bpfrec_proc(e, t, CPD_PROC_START, &p);
	free(argv);
}

/* The highest fd we have open (for the child to close ours). */
static int bpfeng_max_fd(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int max = 1023;

	if (!d)
		return max;
	max = 2;
	while ((de = readdir(d))) {
		int fd = atoi(de->d_name);

		if (fd > max)
			max = fd;
	}
	closedir(d);
	return max;
}

static int bpfeng_spawn(struct bpfeng *e, const struct tracer_opts *o,
			char *path)
{
	pid_t pid, self = getpid();
	struct task *t;
	int epipe[2], status, maxfd;

	if (pipe2(epipe, O_CLOEXEC) < 0) {
		log_error("cannot create a pipe: %s", strerror(errno));
		return 1;
	}
	maxfd = bpfeng_max_fd();
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		log_error("cannot fork: %s", strerror(errno));
		close(epipe[0]);
		close(epipe[1]);
		return 1;
	}
	if (pid == 0) {
		close(epipe[0]);
		bpfeng_child(e, path, o->argv, self, epipe[1], maxfd);
	}
	close(epipe[1]);
	e->err_pipe = epipe[0];
	fcntl(e->err_pipe, F_SETFL, O_NONBLOCK);
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status)) {
		log_error("the command did not start");
		return 127;
	}
	e->root_pid = pid;
	e->s->run.root_pid = pid;
	t = bpfrec_spawned(e, pid);
	t->proc->root = true;
	t->proc->exec_seen = false;
	t->proc->ppid = getpid();
	bpfload_follow(&e->ld, pid, true);
	bpfeng_publish_start(e, t, o, path);
	if (kill(pid, SIGCONT) < 0) {
		log_error("cannot start the command: %s", strerror(errno));
		return 1;
	}
	return 0;
}

/* ---- attach --------------------------------------------------------- */

static void bpfeng_publish_attach(struct bpfeng *e, struct task *t)
{
	struct cpd_ev_proc p;
	char exe[PATH_MAX];
	char *argv;

	memset(&p, 0, sizeof(p));
	p.path.len = (uint32_t)procinfo_exe(t->tid, exe, sizeof(exe));
	p.path.ptr = exe;
	argv = procinfo_cmdline(t->tid, &p.argv.len, &p.argc);
	p.argv.ptr = argv;
	p.ppid = t->proc->ppid;
	/* what it used before: a trace's share is the difference */
	bpfeng_cpu(e, t, &p);
	bpfrec_proc(e, t, CPD_PROC_ATTACH, &p);
	free(argv);
}

/* Follow pid and know its threads; 0, or 1 after saying why not. */
static int bpfeng_attach_pid(struct bpfeng *e, pid_t pid)
{
	char dir[64];
	struct dirent *de;
	struct task *leader;
	pid_t tg, pp;
	DIR *d;

	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	procinfo_ids(pid, &tg, &pp);
	if (access(dir, F_OK) < 0 || tg != pid) {
		log_error("cannot attach to process %d: no such process", pid);
		return 1;
	}
	bpfload_follow(&e->ld, pid, true);
	leader = bpfrec_task(e, pid, pid);
	leader->proc->root = true;
	leader->proc->exec_seen = true;
	leader->proc->ppid = pp;
	d = opendir(dir);
	while (d && (de = readdir(d))) {
		pid_t tid = (pid_t)strtol(de->d_name, NULL, 10);

		if (tid > 0)
			bpfrec_task(e, tid, pid);
	}
	if (d)
		closedir(d);
	if (!e->root_pid) {
		e->root_pid = pid;
		e->s->run.root_pid = pid;
	}
	log_info("attached to process %d (%s), %u thread%s", pid,
		 leader->proc->comm, leader->proc->nthreads,
		 leader->proc->nthreads == 1 ? "" : "s");
	bpfeng_publish_attach(e, leader);
	return 0;
}

static int bpfeng_attach(struct bpfeng *e, const struct tracer_opts *o)
{
	size_t i;
	int rc;

	/* the bits first: a thread made while we look is a record */
	for (i = 0; i < o->npids; i++)
		bpfload_follow(&e->ld, o->pids[i], true);
	for (i = 0; i < o->npids; i++) {
		rc = bpfeng_attach_pid(e, o->pids[i]);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- the run -------------------------------------------------------- */

static void bpfeng_stats(struct bpfeng *e)
{
	log_debug(
		"ebpf engine: %u syscalls sent; loaded in %.1f ms, attached in %.1f ms",
		e->spec.ntraced, (double)e->ld.load_ns / 1e6,
		(double)e->ld.attach_ns / 1e6);
	log_debug(
		"ebpf engine: %llu records, %llu lost, %llu unreadable arguments, %llu restarts, %llu program runs skipped",
		(unsigned long long)bpfload_stat(&e->ld, CPD_ENG_STAT_SENT),
		(unsigned long long)bpfload_stat(&e->ld, CPD_ENG_STAT_LOST),
		(unsigned long long)bpfload_stat(&e->ld, CPD_ENG_STAT_FAULT),
		(unsigned long long)bpfload_stat(&e->ld, CPD_ENG_STAT_RESTART),
		(unsigned long long)bpfload_missed(&e->ld));
	if (e->s->core.stats)
		fprintf(stderr,
			"compendium: stats: ebpf load_ms=%.1f load_cpu_ms=%.1f attach_ms=%.1f records=%llu lost=%llu\n",
			(double)e->ld.load_ns / 1e6,
			(double)e->ld.load_cpu_ns / 1e6,
			(double)e->ld.attach_ns / 1e6,
			(unsigned long long)bpfload_stat(&e->ld,
							 CPD_ENG_STAT_SENT),
			(unsigned long long)bpfload_stat(&e->ld,
							 CPD_ENG_STAT_LOST));
}

int bpfeng_run(struct session *s, const struct tracer_opts *o, char *why,
	       size_t len)
{
	struct bpfeng e;
	sigset_t set;
	int rc, ring_fd = -1;
	char *path = NULL;

	if (bpfload_usable(why, len) < 0)
		return -ENOTSUP;
	memset(&e, 0, sizeof(e));
	e.s = s;
	e.err_pipe = -1;
	e.spawned = o->npids == 0;
	s->run.mode = e.spawned ? CPD_RUN_SPAWN : CPD_RUN_ATTACH;
	task_table_init(&e.tt);
	fdtrack_init(&e.ft);
	e.ft.describe = bpfrec_describe;
	e.ft.describe_ctx = &e;
	bpfspec_build(&e.spec, s, &e.ft);
	if (e.spawned) {
		path = tracer_which(o->argv[0]);
		if (!path) {
			log_error("cannot run '%s': %s", o->argv[0],
				  errno == ENOENT ? "command not found" :
						    strerror(errno));
			rc = 127;
			goto out_free;
		}
	}
	/*
	 * Everything that can fail for want of a kernel feature, before
	 * anything else: the caller then runs the ptrace engine instead.
	 * The programs are attached with an empty bitmap: they cost every
	 * syscall on the machine a little from now, trace nothing yet.
	 */
	if (bpfload_open(&e.ld, &e.spec,
			 s->core.verbose ? BPFENG_RING_BYTES_VERBOSE :
					   BPFENG_RING_BYTES,
			 bpfrec_handle, &e, why, len) < 0 ||
	    bpfload_attach(&e.ld, why, len) < 0) {
		rc = -ENOTSUP;
		goto out_close;
	}
	if (s->core.verbose > 1) {
		char ids[512];

		bpfload_ids(&e.ld, ids, sizeof(ids));
		log_debug(
			"ebpf engine: loaded in %.1f ms, attached in %.1f ms: %s",
			(double)e.ld.load_ns / 1e6,
			(double)e.ld.attach_ns / 1e6, ids);
	}
	s->run.seccomp = 0;

	interrupt_signals(&set);
	rc = loop_signals(s->loop, &set, bpfeng_on_signal, &e);
	if (rc < 0) {
		log_error("cannot set up signal handling: %s", strerror(-rc));
		rc = 1;
		goto out_close;
	}
	loop_set_timer(s->loop, session_ticks_start(s), bpfeng_on_timer, &e);
	ring_fd = bpfload_ring_fd(&e.ld);
	if (ring_fd >= 0)
		loop_add_fd(s->loop, ring_fd, EPOLLIN, bpfeng_on_ring, &e);

	if (e.spawned) {
		log_info("tracing %s", s->command);
		rc = bpfeng_spawn(&e, o, path);
	} else {
		log_info("attaching to PID %d...", o->pids[0]);
		rc = bpfeng_attach(&e, o);
	}
	if (rc) {
		e.killing = e.spawned;
		e.detaching = !e.spawned;
	}
	if (!rc || e.tt.ntasks)
		rc = bpfeng_loop(&e) < 0 ? 1 : rc;
	bpfeng_drain(&e);
	bpfrec_settle(&e);
	bpfeng_stats(&e);
	bpfeng_read_child_pipe(&e);
	if (e.spawned && e.exec_errno) {
		log_error("cannot run '%s': %s", o->argv[0],
			  strerror(e.exec_errno));
		rc = 127;
	} else if (!rc) {
		rc = e.spawned ? e.exit_status : 0;
	}
	if (ring_fd >= 0)
		loop_del_fd(s->loop, ring_fd);
out_close:
	bpfload_close(&e.ld);
out_free:
	if (e.err_pipe >= 0)
		close(e.err_pipe);
	free(path);
	bpfsum_free(&e.sums);
	fdtrack_free(&e.ft);
	task_table_free(&e.tt);
	return rc;
}
