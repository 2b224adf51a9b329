// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The ptrace loop. Modern ptrace throughout: PTRACE_SEIZE (so group-stops
 * are told apart from signals and can be left with PTRACE_LISTEN),
 * PTRACE_GET_SYSCALL_INFO at every syscall stop (no entry/exit guessing),
 * and, when we spawn, a seccomp filter so the tracee stops only for the
 * syscalls somebody subscribed to. ESRCH anywhere means the task vanished:
 * its exit is reported by waitpid, never treated as a failure.
 */
#include "tracer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "blockwait.h"
#include "calibrate.h"
#include "cputime.h"
#include "fdproc.h"
#include "fdtrack.h"
#include "interrupt.h"
#include "procinfo.h"
#include "base/log.h"
#include "seccomp.h"
#include "sharedfd.h"
#include "sysent.h"
#include "task.h"
#include "umem.h"
#include "base/xmalloc.h"

#ifndef PTRACE_EVENT_STOP
#define PTRACE_EVENT_STOP 128
#endif

/* Per arch: which syscalls are published, and which need the exit stop. */
struct tracer_set {
	uint32_t arch;
	int count;
	uint64_t *publish;
	uint64_t *needs_exit;
	uint64_t *traced; /* publish | core effects: the seccomp set */
	int uring;	  /* io_uring_setup's number when watched, or -1 */
};

struct tracer {
	struct session *s;
	struct task_table tt;
	struct fdtrack ft;
	struct tracer_set set[2];
	bool spawned;
	bool use_seccomp;
	bool read_data;
	bool timing; /* a plugin times syscalls: note their waits for a CPU */
	pid_t root_pid;
	int err_pipe;	 /* spawn: the child's exec error, CLOEXEC */
	int exec_errno;	 /* what it said */
	int exit_status; /* for compendium's own exit */
	bool root_done;
	unsigned interrupts; /* Ctrl-C count */
	bool detaching;
	bool killing;
	unsigned options; /* PTRACE_O_* */
	char *argv0;
	/*
	 * An output holds live lines back (CPD_PF_LIVE_STREAM): they go out
	 * before a traced write to our stdout or stderr (sync_writes, when
	 * every write stops) or else after every stop (sync_each_stop).
	 */
	struct sharedfd sf;
	bool sync_writes;
	bool sync_each_stop;
};

static uint64_t tracer_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool bit_test(const uint64_t *bits, int count, int nr)
{
	return bits && nr >= 0 && nr < count &&
	       ((bits[nr / 64] >> (nr % 64)) & 1);
}

static void bit_set(uint64_t *bits, int nr)
{
	bits[nr / 64] |= UINT64_C(1) << (nr % 64);
}

static struct tracer_set *tracer_set_of(struct tracer *tr, uint32_t arch)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tr->set); i++)
		if (tr->set[i].arch == arch)
			return &tr->set[i];
	return NULL;
}

static void tracer_build_sets(struct tracer *tr)
{
	static const uint32_t arches[2] = { AUDIT_ARCH_X86_64,
					    AUDIT_ARCH_I386 };
	bool any_syscall = bus_wants(tr->s->bus, CPD_EV_SYSCALL);
	size_t a;

	for (a = 0; a < 2; a++) {
		struct tracer_set *st = &tr->set[a];
		size_t words;
		int nr, uring;

		st->arch = arches[a];
		st->uring = -1;
		st->count = sysent_count(arches[a]);
		if (st->count <= 0)
			continue;
		/*
		 * A ring's reads and writes never pass a stop: its setup is
		 * watched (rare, one stop) to say that the totals miss them
		 */
		uring = any_syscall ?
				sysent_number(st->arch, "io_uring_setup") :
				-1;
		st->uring = uring;
		words = ((size_t)st->count + 63) / 64;
		st->publish = xcalloc(words, sizeof(uint64_t));
		st->needs_exit = xcalloc(words, sizeof(uint64_t));
		st->traced = xcalloc(words, sizeof(uint64_t));
		for (nr = 0; nr < st->count; nr++) {
			bool pub = session_wants_syscall(tr->s, st->arch, nr);
			/* fd tracking matters only when syscalls are listened to */
			bool core = (any_syscall &&
				     fdtrack_effect(&tr->ft, st->arch, nr) !=
					     FX_NONE) ||
				    nr == uring;

			if (pub)
				bit_set(st->publish, nr);
			if (pub || core)
				bit_set(st->traced, nr);
			/* entry-only subscribers let the tracee run on: one stop */
			if (core ||
			    session_wants_syscall_exit(tr->s, st->arch, nr))
				bit_set(st->needs_exit, nr);
		}
	}
}

/*
 * Where the lines a live-stream output holds back must be written out
 * (see struct tracer); the timer ticks often enough that none waits
 * longer than CPD_LIVE_STREAM_MS (session_ticks_start).
 */
static void tracer_plan_sync(struct tracer *tr)
{
	struct tracer_set *st = tracer_set_of(tr, sysent_native_arch());

	if (!tr->s->has_live)
		return;
	sharedfd_init(&tr->sf);
	/* without a filter every syscall stops; other arches always do */
	if (!tr->use_seccomp ||
	    (st && st->traced &&
	     sharedfd_complete_set(&tr->sf, st->arch, st->traced, st->count)))
		tr->sync_writes = true;
	else
		tr->sync_each_stop = true;
}

static void tracer_free_sets(struct tracer *tr)
{
	size_t a;

	for (a = 0; a < ARRAY_SIZE(tr->set); a++) {
		free(tr->set[a].publish);
		free(tr->set[a].needs_exit);
		free(tr->set[a].traced);
	}
}

/* ---- publishing ------------------------------------------------------ */

static void tracer_header(struct tracer *tr, struct cpd_event *ev,
			  uint16_t kind, struct task *t)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	ev->source = CPD_SRC_CORE;
	ev->ts_ns = tracer_now();
	if (t) {
		ev->pid = t->proc->pid;
		ev->tid = t->tid;
		ev->comm.ptr = t->proc->comm;
		ev->comm.len = (uint32_t)strlen(t->proc->comm);
	}
}

static void tracer_publish_proc(struct tracer *tr, struct task *t, uint32_t op,
				const struct cpd_ev_proc *proc)
{
	struct cpd_event ev;

	tracer_header(tr, &ev, CPD_EV_PROC, t);
	ev.u.proc = *proc;
	ev.u.proc.op = op;
	if (t->proc->root)
		ev.u.proc.flags |= CPD_PROCF_ROOT;
	session_publish(tr->s, &ev);
}

/*
 * What a process had of the CPUs into an exit, attach or detach event
 * (not in deterministic runs, where every time is left out).
 */
static void tracer_cpu_fill(struct tracer *tr, struct cpd_ev_proc *p,
			    const struct proc *pr, bool live)
{
	if (!tr->s->core.deterministic)
		task_cpu_fill(p, pr, live);
}

static void tracer_cpu_read(struct tracer *tr, struct task *t, bool exiting)
{
	if (!tr->s->core.deterministic)
		task_cpu_read(t, exiting);
}

/* Publish an exec, start or attach with the program and its arguments. */
static void tracer_publish_image(struct tracer *tr, struct task *t, uint32_t op,
				 pid_t old_tid)
{
	struct cpd_ev_proc p;
	char exe[PATH_MAX];
	char *argv;

	memset(&p, 0, sizeof(p));
	p.path.len = (uint32_t)procinfo_exe(t->tid, exe, sizeof(exe));
	argv = procinfo_cmdline(t->tid, &p.argv.len, &p.argc);
	p.path.ptr = exe;
	p.argv.ptr = argv;
	p.ppid = t->proc->ppid;
	p.old_tid = old_tid;
	if (op == CPD_PROC_ATTACH) {
		/* what it used before: a trace's share is the difference */
		tracer_cpu_read(tr, t, false);
		tracer_cpu_fill(tr, &p, t->proc, true);
	}
	tracer_publish_proc(tr, t, op, &p);
	free(argv);
}

static ssize_t tracer_read_tracee(void *ctx, uint64_t addr, void *buf,
				  size_t len)
{
	struct task *t = ctx;

	return umem_read(t->tid, addr, buf, len);
}

/*
 * What the task's schedstat says now, through the file kept open (not
 * retried once it cannot be opened: out of fds, no schedstat).
 */
static bool tracer_sched(struct task *t, struct cputime_sched *st)
{
	if (t->runq_fd == -1) {
		t->runq_fd = cputime_runq_open(t->tid);
		if (t->runq_fd < 0)
			t->runq_fd = -2;
	}
	return t->runq_fd >= 0 && cputime_sched_pread(t->runq_fd, st) == 0;
}

/*
 * At a timed syscall's entry stop. Since the previous timed exit the
 * task ran, waited for a CPU, or stood still: stopped by us, mostly.
 */
static void tracer_sched_entry(struct task *t)
{
	const struct cputime_sched *x = &t->at_exit;
	struct cputime_sched *e = &t->at_entry;
	uint64_t gap, busy;

	t->sched_entered = tracer_sched(t, e);
	t->stopped_before = 0;
	if (!t->sched_entered || !t->sched_exited ||
	    t->call.enter_ns < t->exit_ns || e->run_ns < x->run_ns ||
	    e->wait_ns < x->wait_ns)
		return;
	gap = t->call.enter_ns - t->exit_ns;
	busy = (e->run_ns - x->run_ns) + (e->wait_ns - x->wait_ns);
	t->stopped_before = gap > busy ? gap - busy : 0;
}

/*
 * At its exit stop: the wait for a CPU between the two stops (the
 * scheduler's counts stand still while the task is stopped, so the two
 * reads bound the syscall exactly), and the stop before its entry.
 */
static void tracer_sched_exit(struct task *t, struct cpd_syscall *sc)
{
	struct cputime_sched now;

	t->sched_exited = false;
	if (!tracer_sched(t, &now) || now.wait_ns < t->at_entry.wait_ns)
		return;
	sc->runq_ns = now.wait_ns - t->at_entry.wait_ns;
	sc->stopped_ns = t->stopped_before;
	sc->flags |= CPD_SCF_RUNQ;
	t->at_exit = now;
	t->exit_ns = sc->exit_ns;
	t->sched_exited = true;
}

static void tracer_publish_syscall(struct tracer *tr, struct task *t,
				   int64_t ret, bool exited)
{
	struct cpd_event ev;
	uint64_t now;

	tracer_header(tr, &ev, CPD_EV_SYSCALL, t);
	now = ev.ts_ns;
	decode_fill(&t->call, &ev.u.syscall, ret, exited ? now : 0);
	if (!exited)
		ev.u.syscall.flags |= CPD_SCF_NO_EXIT;
	else if (t->sched_entered)
		tracer_sched_exit(t, &ev.u.syscall);
	t->sched_entered = false;
	tr->s->read_fn = tracer_read_tracee;
	tr->s->read_ctx = t;
	session_publish(tr->s, &ev);
	tr->s->read_fn = NULL;
	tr->s->read_ctx = NULL;
}

/* ---- resuming -------------------------------------------------------- */

static void tracer_resume(struct tracer *tr, struct task *t, int sig)
{
	long req = tr->use_seccomp ? PTRACE_CONT : PTRACE_SYSCALL;

	/* between a seccomp stop and the exit stop we want to see */
	if (t->in_syscall && t->want_exit)
		req = PTRACE_SYSCALL;
	if (ptrace((enum __ptrace_request)req, t->tid, 0L, (long)sig) < 0 &&
	    errno != ESRCH)
		log_debug("cannot resume task %d: %s", t->tid, strerror(errno));
}

/* ---- syscalls -------------------------------------------------------- */

static void tracer_ctx(struct tracer *tr, struct task *t,
		       struct decode_ctx *ctx, struct umem *mem)
{
	umem_init(mem, t->tid);
	ctx->mem = &mem->mem;
	ctx->string_limit = tr->s->run.string_limit;
	ctx->read_data = tr->read_data;
	ctx->payload = tr->s->payload.n ? &tr->s->payload : NULL;
	ctx->fd_lookup = fdtrack_lookup;
	ctx->arg = t;
}

/* A write is about to run: held lines go first if it writes where they go. */
static void tracer_sync_write(struct tracer *tr, struct task *t, uint32_t arch,
			      int nr, const uint64_t args[6])
{
	int arg = sharedfd_write_arg(&tr->sf, arch, nr);
	int fd;

	if (arg == -1)
		return;
	if (arg >= 0) {
		fd = (int)args[arg];
		if (!sharedfd_shared(&tr->sf, t->tid, fd,
				     fdtable_get(t->fds, fd)))
			return;
	}
	session_sync(tr->s);
}

static void tracer_sys_enter(struct tracer *tr, struct task *t, uint32_t arch,
			     int nr, const uint64_t args[6])
{
	struct tracer_set *st = tracer_set_of(tr, arch);
	struct decode_ctx ctx;
	struct umem mem;

	tr->s->stats.syscalls_seen++;
	if (tr->s->live_held && tr->sync_writes)
		tracer_sync_write(tr, t, arch, nr, args);
	t->in_syscall = false;
	t->want_exit = false;
	t->sched_entered = false;
	if (!st || !bit_test(st->traced, st->count, nr))
		return;
	/* the spawned command's own syscalls start at its exec */
	if (tr->spawned && t->proc->root && !t->proc->exec_seen)
		return;
	tracer_ctx(tr, t, &ctx, &mem);
	decode_entry(&t->call, &ctx, arch, nr, args, tracer_now());
	fdtrack_apply_entry(&tr->ft, t, &t->call);
	t->in_syscall = true;
	t->want_exit = bit_test(st->needs_exit, st->count, nr);
	/* only for a plugin that times syscalls: a read of /proc per stop */
	if (tr->timing && t->want_exit && bit_test(st->publish, st->count, nr))
		tracer_sched_entry(t);
	if (!t->want_exit) {
		if (bit_test(st->publish, st->count, nr)) {
			t->call.flags |= CPD_SCF_ENTRY_ONLY;
			tracer_publish_syscall(tr, t, 0, false);
		}
		t->in_syscall = false;
	}
}

/*
 * A process set up an io_uring: what it reads and writes through the ring
 * reaches no syscall stop, so every total of file and network I/O may be
 * short. Said once per ring as a LOST event of unknown count (0), which
 * the findings show as an incomplete trace.
 */
static void tracer_uring_lost(struct tracer *tr, struct task *t)
{
	static const char reason[] =
		"the reads and writes a process submitted through an io_uring, which the ptrace engine does not see (--engine ebpf counts them)";
	struct cpd_event ev;

	tracer_header(tr, &ev, CPD_EV_LOST, t);
	ev.u.lost.lost_kind = CPD_EV_SYSCALL;
	ev.u.lost.count = 0;
	ev.u.lost.reason.ptr = reason;
	ev.u.lost.reason.len = (uint32_t)(sizeof(reason) - 1);
	session_publish(tr->s, &ev);
}

static void tracer_sys_exit(struct tracer *tr, struct task *t, int64_t ret)
{
	struct tracer_set *st;
	struct decode_ctx ctx;
	struct umem mem;

	if (!t->in_syscall)
		return;
	t->in_syscall = false;
	t->want_exit = false;
	st = tracer_set_of(tr, t->call.arch);
	tracer_ctx(tr, t, &ctx, &mem);
	decode_exit(&t->call, &ctx, ret);
	fdtrack_apply(&tr->ft, t, &t->call, ret);
	if (ret >= 0 && st && st->uring > 0 && t->call.nr == st->uring)
		tracer_uring_lost(tr, t);
	if (st && bit_test(st->publish, st->count, t->call.nr)) {
		decode_retval_fd(&t->call, &ctx, ret);
		tracer_publish_syscall(tr, t, ret, true);
	}
}

/*
 * A child made with CLONE_UNTRACED is not attached to us, yet it inherits
 * our seccomp filter, and SECCOMP_RET_TRACE with no tracer fails every
 * filtered syscall with ENOSYS: the child would misbehave and be unseen.
 * Clear the flag at the clone's entry stop, so the child is followed.
 */
static void tracer_strip_untraced(struct task *t, uint32_t arch, int nr,
				  const uint64_t args[6])
{
	const struct sysent *se = sysent_lookup(arch, nr);
	uint64_t flags;

	if (!se)
		return;
	if (!strcmp(se->name, "clone") && (args[0] & CLONE_UNTRACED)) {
		struct user_regs_struct regs;

		if (arch != AUDIT_ARCH_X86_64 ||
		    ptrace(PTRACE_GETREGS, t->tid, 0L, &regs) < 0)
			return;
		regs.rdi &= ~(unsigned long long)CLONE_UNTRACED;
		if (ptrace(PTRACE_SETREGS, t->tid, 0L, &regs) < 0)
			log_debug("cannot clear CLONE_UNTRACED of %d", t->tid);
	} else if (!strcmp(se->name, "clone3") &&
		   umem_read(t->tid, args[0], &flags, sizeof(flags)) ==
			   sizeof(flags) &&
		   (flags & CLONE_UNTRACED)) {
		/* struct clone_args begins with the u64 flags */
		flags &= ~(uint64_t)CLONE_UNTRACED;
		if (ptrace(PTRACE_POKEDATA, t->tid, (void *)(uintptr_t)args[0],
			   (void *)(uintptr_t)flags) < 0)
			log_debug("cannot clear CLONE_UNTRACED of %d", t->tid);
	}
}

static void tracer_syscall_stop(struct tracer *tr, struct task *t)
{
	struct __ptrace_syscall_info info;
	long n;

	/*
	 * The kernel fills what info.op says is there; cleared all the same,
	 * because valgrind does not know this request writes it (and a few
	 * stores are nothing next to a stop)
	 */
	memset(&info, 0, sizeof(info));
	n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info),
		   &info);
	if (n < 0) {
		if (errno != ESRCH)
			log_debug("PTRACE_GET_SYSCALL_INFO on %d: %s", t->tid,
				  strerror(errno));
		tracer_resume(tr, t, 0);
		return;
	}
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		if (fdtrack_effect(&tr->ft, info.arch, (int)info.entry.nr) ==
		    FX_CLONE)
			tracer_strip_untraced(t, info.arch, (int)info.entry.nr,
					      info.entry.args);
		tracer_sys_enter(tr, t, info.arch, (int)info.entry.nr,
				 info.entry.args);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		if (fdtrack_effect(&tr->ft, info.arch, (int)info.seccomp.nr) ==
		    FX_CLONE)
			tracer_strip_untraced(t, info.arch,
					      (int)info.seccomp.nr,
					      info.seccomp.args);
		tracer_sys_enter(tr, t, info.arch, (int)info.seccomp.nr,
				 info.seccomp.args);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		tracer_sys_exit(tr, t, info.exit.rval);
		break;
	default:
		break;
	}
	tracer_resume(tr, t, 0);
}

/* ---- task lifecycle --------------------------------------------------- */

static struct task *tracer_new_task(struct tracer *tr, pid_t tid, pid_t pid,
				    struct fdtable *fds)
{
	struct task *t = task_add(&tr->tt, tid, pid, fds);

	tr->s->stats.tasks_seen++;
	if (t->proc->nthreads == 1)
		tr->s->stats.processes_seen++;
	tr->s->stats.tasks_live = (uint32_t)tr->tt.ntasks;
	return t;
}

/*
 * A task stopped before its parent's fork/clone event told us about it.
 * Keep it stopped until then: only the event says whether it shares its
 * parent's fd table.
 */
static struct task *tracer_adopt(struct tracer *tr, pid_t tid)
{
	pid_t tgid, ppid;
	struct task *t;

	procinfo_ids(tid, &tgid, &ppid);
	t = tracer_new_task(tr, tid, tgid, fdtable_new());
	if (t->proc->nthreads == 1)
		t->proc->ppid = ppid;
	t->state = TASK_NEW;
	t->early = true;
	return t;
}

static void tracer_fork_event(struct tracer *tr, struct task *t, int event)
{
	unsigned long msg = 0;
	struct cpd_ev_proc p;
	struct task *ct;
	uint64_t flags;
	bool known, thread;
	pid_t child;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0L, &msg) < 0)
		return;
	child = (pid_t)msg;
	flags = fdtrack_clone_flags(&tr->ft, t, &t->call, &known);
	if (!known)
		flags = event == PTRACE_EVENT_CLONE ?
				CLONE_THREAD | CLONE_FILES | CLONE_VM :
			event == PTRACE_EVENT_VFORK ? CLONE_VFORK | CLONE_VM :
						      0;
	thread = flags & CLONE_THREAD;

	ct = task_find(&tr->tt, child);
	if (!ct) {
		ct = tracer_new_task(tr, child, thread ? t->proc->pid : child,
				     NULL);
		ct->state = TASK_NEW;
	} else {
		fdtable_unref(ct->fds);
	}
	ct->fds = (flags & CLONE_FILES) ? fdtable_ref(t->fds) :
					  fdtable_copy(t->fds);
	if (!thread) {
		ct->proc->ppid = t->proc->pid;
		memcpy(ct->proc->comm, t->proc->comm, sizeof(ct->proc->comm));
		ct->proc->exec_seen = true;
	}

	memset(&p, 0, sizeof(p));
	p.child_pid = ct->proc->pid;
	p.child_tid = child;
	p.ppid = t->proc->ppid;
	if (flags & CLONE_VFORK)
		p.flags |= CPD_PROCF_VFORK;
	tracer_publish_proc(
		tr, t, thread ? CPD_PROC_SPAWN_THREAD : CPD_PROC_SPAWN_PROCESS,
		&p);
	if (ct->early) {
		ct->early = false;
		ct->state = TASK_RUNNING;
		tracer_resume(tr, ct, 0);
	}
}

/* What the spawned child wrote before exec: "S<errno>" or "E<errno>". */
static void tracer_read_child_pipe(struct tracer *tr)
{
	char buf[64];
	ssize_t n;

	if (tr->err_pipe < 0)
		return;
	n = read(tr->err_pipe, buf, sizeof(buf) - 1);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (char *p = buf; *p; p++) {
		int err = (int)strtol(p + 1, NULL, 10);

		if (*p == 'S') {
			log_note(
				"seccomp filter not installed (%s): stopping at every syscall",
				strerror(err));
			tr->use_seccomp = false;
			tr->s->run.seccomp = 0;
		} else if (*p == 'E') {
			tr->exec_errno = err;
		}
		while (p[1] && p[1] != 'S' && p[1] != 'E')
			p++;
	}
}

static void tracer_exec_event(struct tracer *tr, pid_t tid)
{
	unsigned long former = (unsigned long)tid;
	struct task *t = task_find(&tr->tt, tid);
	struct fdtable *fds;
	pid_t old_tid = 0;

	if (ptrace(PTRACE_GETEVENTMSG, tid, 0L, &former) == 0 &&
	    (pid_t)former != tid) {
		struct task *execer = task_find(&tr->tt, (pid_t)former);

		/*
		 * A non-leader thread exec'd: it takes the leader's tid, and
		 * its own tid is gone. The old leader vanishes without a
		 * wait status of its own.
		 */
		if (execer) {
			struct cpd_ev_proc p;

			memset(&p, 0, sizeof(p));
			p.exit_code = -1;
			tracer_publish_proc(tr, execer, CPD_PROC_EXIT, &p);
			if (t)
				task_remove(&tr->tt, t);
			task_rename(&tr->tt, execer, tid);
			t = execer;
			old_tid = (pid_t)former;
		}
	}
	if (!t)
		return;
	/* exec unshares the table and closes the close-on-exec fds */
	fds = fdtable_copy(t->fds);
	fdtable_unref(t->fds);
	t->fds = fds;
	fdtable_exec(fds);
	task_read_comm(tid, t->proc->comm);
	if (tr->spawned && t->proc->root && !t->proc->exec_seen) {
		t->proc->exec_seen = true;
		tracer_read_child_pipe(tr);
	}
	tracer_publish_image(tr, t, CPD_PROC_EXEC, old_tid);
}

static void tracer_exit_status(struct tracer *tr, struct proc *p, int status)
{
	if (!p->root || tr->root_done)
		return;
	tr->root_done = true;
	if (WIFEXITED(status)) {
		tr->exit_status = WEXITSTATUS(status);
		tr->s->stats.root_exit_code = WEXITSTATUS(status);
	} else {
		tr->exit_status = 128 + WTERMSIG(status);
		tr->s->stats.root_exit_signal = WTERMSIG(status);
	}
}

/* Release tasks held at their first stop whose creator is gone. */
static void tracer_release_early(struct task *t, void *arg)
{
	struct tracer *tr = arg;
	pid_t tgid, ppid;

	if (!t->early)
		return;
	procinfo_ids(t->tid, &tgid, &ppid);
	if (ppid && task_find_proc(&tr->tt, ppid))
		return;
	t->early = false;
	t->state = TASK_RUNNING;
	tracer_resume(tr, t, 0);
}

static void tracer_task_gone(struct tracer *tr, pid_t tid, int status)
{
	struct task *t = task_find(&tr->tt, tid);
	struct cpd_ev_proc p;
	bool leader, last;

	if (!t)
		return;
	leader = t->tid == t->proc->pid;
	last = t->proc->nthreads == 1;
	/* a syscall that never returned (exit, exit_group, a kill) */
	if (t->in_syscall) {
		struct tracer_set *st = tracer_set_of(tr, t->call.arch);

		t->in_syscall = false;
		if (st && bit_test(st->publish, st->count, t->call.nr))
			tracer_publish_syscall(tr, t, 0, false);
	}
	memset(&p, 0, sizeof(p));
	p.ppid = t->proc->ppid;
	p.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	p.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	if (WIFSIGNALED(status) && WCOREDUMP(status))
		p.flags |= CPD_PROCF_CORE_DUMPED;
	if (leader)
		p.flags |= CPD_PROCF_LEADER;
	if (last)
		p.flags |= CPD_PROCF_GROUP_EXIT;
	/* read at the exit stops: the process is gone by now */
	if (last)
		tracer_cpu_fill(tr, &p, t->proc, false);
	tracer_publish_proc(tr, t, CPD_PROC_EXIT, &p);
	if (leader)
		tracer_exit_status(tr, t->proc, status);
	task_remove(&tr->tt, t);
	tr->s->stats.tasks_live = (uint32_t)tr->tt.ntasks;
	if (last)
		task_each(&tr->tt, tracer_release_early, tr);
}

static bool tracer_is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

static void tracer_detach_task(struct tracer *tr, struct task *t, int sig)
{
	struct cpd_ev_proc p;

	memset(&p, 0, sizeof(p));
	tracer_cpu_read(tr, t, false);
	tracer_cpu_fill(tr, &p, t->proc, true);
	ptrace(PTRACE_DETACH, t->tid, 0L, (long)sig);
	tracer_publish_proc(tr, t, CPD_PROC_DETACH, &p);
	task_remove(&tr->tt, t);
	tr->s->stats.tasks_live = (uint32_t)tr->tt.ntasks;
}

static void tracer_handle(struct tracer *tr, pid_t tid, int status)
{
	int sig, event;
	struct task *t;

	tr->s->stats.ptrace_stops++;
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		tracer_task_gone(tr, tid, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	sig = WSTOPSIG(status);
	event = (int)((unsigned)status >> 16);
	if (event == PTRACE_EVENT_EXEC) {
		tracer_exec_event(tr, tid);
		t = task_find(&tr->tt, tid);
		/* an exec of a task we never saw made: follow it from here */
		if (!t) {
			t = tracer_adopt(tr, tid);
			t->early = false;
			t->state = TASK_RUNNING;
		}
		tracer_resume(tr, t, 0);
		return;
	}
	t = task_find(&tr->tt, tid);
	if (!t) {
		t = tracer_adopt(tr, tid);
		/* held until its creator's event tells us how it was made */
		if (event == PTRACE_EVENT_STOP)
			return;
		t->early = false;
		t->state = TASK_RUNNING;
	}
	if (t->state == TASK_DETACHING) {
		/* keep a pending signal: detaching must not swallow it */
		tracer_detach_task(
			tr, t, event == 0 && sig != (SIGTRAP | 0x80) ? sig : 0);
		return;
	}
	switch (event) {
	case 0:
		if (sig == (SIGTRAP | 0x80)) {
			tracer_syscall_stop(tr, t);
			return;
		}
		/* a signal for the tracee: deliver it unchanged */
		tracer_resume(tr, t, sig);
		return;
	case PTRACE_EVENT_SECCOMP:
		tracer_syscall_stop(tr, t);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		tracer_fork_event(tr, t, event);
		tracer_resume(tr, t, 0);
		return;
	case PTRACE_EVENT_EXIT:
		t->exit_event = true;
		/* the last moment its process's CPU time can be read */
		tracer_cpu_read(tr, t, true);
		tracer_resume(tr, t, 0);
		return;
	case PTRACE_EVENT_STOP:
		if (t->state == TASK_NEW) {
			if (t->early)
				return;
			t->state = TASK_RUNNING;
			tracer_resume(tr, t, 0);
			return;
		}
		if (tracer_is_stop_signal(sig)) {
			/* group-stop: stay stopped, but tell us when continued */
			t->state = TASK_GROUP_STOP;
			if (ptrace(PTRACE_LISTEN, t->tid, 0L, 0L) < 0 &&
			    errno != ESRCH)
				tracer_resume(tr, t, 0);
			return;
		}
		t->state = TASK_RUNNING;
		tracer_resume(tr, t, 0);
		return;
	default:
		tracer_resume(tr, t, 0);
		return;
	}
}

static void tracer_kill_all(struct tracer *tr);
static void tracer_detach_all(struct tracer *tr);

static void tracer_no_children(struct tracer *tr)
{
	if (!tr->tt.ntasks)
		return;
	/* nothing left to wait for: whatever remains is gone */
	log_debug("no children left with %zu tasks known", tr->tt.ntasks);
	task_table_free(&tr->tt);
}

static void tracer_after_stops(struct tracer *tr);

static void tracer_reap(struct tracer *tr)
{
	for (;;) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);

		if (tid <= 0) {
			if (tid < 0 && errno == ECHILD)
				tracer_no_children(tr);
			break;
		}
		tracer_handle(tr, tid, status);
	}
	tracer_after_stops(tr);
}

static void tracer_after_stops(struct tracer *tr)
{
	if (tr->sync_each_stop)
		session_sync(tr->s);
	/* a plugin failed under on_plugin_error = abort */
	if (tr->s->aborted && !tr->detaching && !tr->killing) {
		if (tr->spawned)
			tracer_kill_all(tr);
		else
			tracer_detach_all(tr);
	}
	if (!tr->tt.ntasks)
		loop_stop(tr->s->loop);
}

/* ---- signals ---------------------------------------------------------- */

static void tracer_interrupt_task(struct task *t, void *arg)
{
	(void)arg;
	t->state = TASK_DETACHING;
	if (ptrace(PTRACE_INTERRUPT, t->tid, 0L, 0L) < 0 && errno == ESRCH)
		return;
}

static void tracer_kill_task(struct task *t, void *arg)
{
	(void)arg;
	kill(t->tid, SIGKILL);
}

static void tracer_detach_all(struct tracer *tr)
{
	if (tr->detaching)
		return;
	tr->detaching = true;
	log_info("detaching from %zu task%s; they keep running", tr->tt.ntasks,
		 tr->tt.ntasks == 1 ? "" : "s");
	task_each(&tr->tt, tracer_interrupt_task, tr);
}

static void tracer_kill_all(struct tracer *tr)
{
	tr->killing = true;
	log_info("killing the traced processes");
	task_each(&tr->tt, tracer_kill_task, tr);
}

static void tracer_on_signal(void *arg, const struct signalfd_siginfo *si)
{
	struct tracer *tr = arg;
	int sig = (int)si->ssi_signo;

	if (sig == SIGCHLD) {
		tracer_reap(tr);
		return;
	}
	switch (interrupt_take(si, tr->spawned, &tr->interrupts,
			       tr->root_pid)) {
	case INTERRUPT_DETACH:
		tracer_detach_all(tr);
		break;
	case INTERRUPT_KILL:
		tracer_kill_all(tr);
		break;
	case INTERRUPT_WAIT:
		break;
	}
}

/* [core] duration is over: end the trace as Ctrl-C would, once. */
static void tracer_time_up(struct tracer *tr)
{
	if (tr->detaching || tr->killing)
		return;
	log_info("the time to trace is up (--duration)");
	/* seccomp's traps would fail every syscall of a detached command */
	if (tr->spawned)
		tracer_kill_all(tr);
	else
		tracer_detach_all(tr);
}

static void tracer_on_timer(void *arg)
{
	struct tracer *tr = arg;
	unsigned due = session_tick(tr->s);

	/* a flush flushed them already */
	if (!(due & TICK_FLUSH))
		session_sync(tr->s);
	if (due & TICK_END)
		tracer_time_up(tr);
	if (tr->s->aborted && !tr->detaching && !tr->killing) {
		if (tr->spawned)
			tracer_kill_all(tr);
		else
			tracer_detach_all(tr);
	}
}

/* ---- the wait ---------------------------------------------------------- */

/*
 * Stops straight from wait4 while no plugin fd needs the loop (see
 * blockwait.h); through the loop's epoll as soon as one does, e.g. when a
 * source analyzer opens its rings.
 */
static void tracer_wait_direct(struct tracer *tr)
{
	struct signalfd_siginfo si[8];
	size_t i, n;
	bool tick;
	int status;
	pid_t tid = blockwait_wait(&status);

	if (tid > 0)
		tracer_handle(tr, tid, status);
	else if (tid == -ECHILD)
		tracer_no_children(tr);
	n = blockwait_collect(si, ARRAY_SIZE(si), &tick);
	for (i = 0; i < n; i++)
		tracer_on_signal(tr, &si[i]);
	if (tick)
		tracer_on_timer(tr);
	if (blockwait_fds_ready()) {
		loop_run_others(tr->s->loop);
		blockwait_fds_done();
	}
	tracer_after_stops(tr);
}

static int tracer_wait_loop(struct tracer *tr, const sigset_t *set)
{
	struct loop *loop = tr->s->loop;
	int err = blockwait_start(set, tr->s->ticks.tick_ns);
	bool started = !err, direct = !err;

	if (err)
		log_debug("waiting through the loop only: %s", strerror(-err));
	err = 0;
	while (!loop_stopped(loop)) {
		/* a plugin's fd: a thread wakes the wait when it is ready */
		if (direct && loop_watches_others(loop) &&
		    (err = blockwait_watch(loop_others_fd(loop)))) {
			log_debug("waiting through the loop: %s",
				  strerror(-err));
			blockwait_close();
			direct = false;
		}
		if (direct) {
			tracer_wait_direct(tr);
			continue;
		}
		err = loop_run_once(loop, -1);
		if (err < 0)
			break;
	}
	if (started)
		blockwait_stop();
	return err < 0 ? err : 0;
}

/* ---- spawn ----------------------------------------------------------- */

char *tracer_which(const char *cmd)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *found = NULL;
	int err = ENOENT;

	if (strchr(cmd, '/')) {
		if (access(cmd, X_OK) == 0)
			return xstrdup(cmd);
		return NULL;
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/%s", *dir ? dir : ".", cmd);
		struct stat st;

		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(cand, X_OK) == 0) {
				found = cand;
				break;
			}
			err = EACCES;
		}
		free(cand);
	}
	free(copy);
	if (!found)
		errno = err;
	return found;
}

static void tracer_child(struct tracer *tr, const char *path, char **argv,
			 int wfd, const struct seccomp_prog *prog)
{
	char msg[32];
	int n;

	loop_child_sigmask(tr->s->loop);
	/* compendium ignores SIGPIPE; an ignored signal survives exec */
	signal(SIGPIPE, SIG_DFL);
	/* wait here until the parent has seized us */
	raise(SIGSTOP);
	if (prog && prog->len) {
		int err = seccomp_install(prog, geteuid() != 0);

		if (err) {
			n = snprintf(msg, sizeof(msg), "S%d", -err);
			if (write(wfd, msg, (size_t)n) < 0)
				_exit(127);
		}
	}
	execv(path, argv);
	n = snprintf(msg, sizeof(msg), "E%d", errno);
	if (write(wfd, msg, (size_t)n) < 0)
		_exit(127);
	_exit(127);
}

/*
 * [core] stats: the syscalls the filter stops for, so a benchmark can give
 * another tracer the same set. A plain line on stderr, not a log message:
 * it must not become a notice in the outputs being measured.
 */
static void tracer_print_bits(const char *label, const uint64_t *bits,
			      int count, bool names, uint32_t arch)
{
	int nr, n = 0;

	fprintf(stderr, " %s=", label);
	for (nr = 0; nr < count; nr++) {
		const struct sysent *se;

		if (!bit_test(bits, count, nr))
			continue;
		if (n++)
			fputc(',', stderr);
		se = names ? sysent_lookup(arch, nr) : NULL;
		if (se && se->name)
			fputs(se->name, stderr);
		else
			fprintf(stderr, "%d", nr);
	}
}

static void tracer_print_filter(const struct tracer_set *st)
{
	fputs("compendium: stats: seccomp", stderr);
	if (st) {
		tracer_print_bits("syscalls", st->traced, st->count, true,
				  st->arch);
		tracer_print_bits("nrs", st->traced, st->count, false,
				  st->arch);
		tracer_print_bits("exit_nrs", st->needs_exit, st->count, false,
				  st->arch);
	} else {
		fputs(" off", stderr);
	}
	fputc('\n', stderr);
}

static int tracer_spawn(struct tracer *tr, const struct tracer_opts *o,
			char *path)
{
	struct seccomp_prog prog = { NULL, 0 };
	struct tracer_set *st = tracer_set_of(tr, sysent_native_arch());
	int pfd[2], status;
	struct task *t;
	pid_t pid;

	if (tr->use_seccomp && st && st->traced &&
	    seccomp_build(&prog, st->arch, st->traced, st->count) < 0) {
		log_note(
			"too many syscalls for a seccomp filter: stopping at every syscall");
		tr->use_seccomp = false;
	}
	tr->s->run.seccomp = tr->use_seccomp;
	if (tr->s->core.stats)
		tracer_print_filter(tr->use_seccomp ? st : NULL);
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		log_error("cannot create a pipe: %s", strerror(errno));
		free(path);
		seccomp_free(&prog);
		return 1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		log_error("cannot fork: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		free(path);
		seccomp_free(&prog);
		return 1;
	}
	if (pid == 0) {
		close(pfd[0]);
		tracer_child(tr, path, o->argv, pfd[1],
			     tr->use_seccomp ? &prog : NULL);
	}
	close(pfd[1]);
	tr->err_pipe = pfd[0];
	fcntl(tr->err_pipe, F_SETFL, O_NONBLOCK);
	free(path);
	seccomp_free(&prog);

	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		log_error("the command did not start");
		return 127;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0L, (long)tr->options) < 0) {
		log_error("cannot trace the command: ptrace: %s",
			  strerror(errno));
		kill(pid, SIGKILL);
		return 1;
	}
	tr->root_pid = pid;
	tr->s->run.root_pid = pid;
	t = tracer_new_task(tr, pid, pid, fdtable_new());
	t->proc->root = true;
	t->proc->ppid = getpid();
	t->state = TASK_NEW;
	fdproc_seed(t->fds, pid);
	task_read_comm(pid, t->proc->comm);
	kill(pid, SIGCONT);
	return 0;
}

/* ---- attach ---------------------------------------------------------- */

static int tracer_attach_tid(struct tracer *tr, pid_t pid, pid_t tid,
			     struct fdtable *fds)
{
	struct task *t;

	if (ptrace(PTRACE_SEIZE, tid, 0L, (long)tr->options) < 0)
		return -errno;
	t = tracer_new_task(tr, tid, pid, fdtable_ref(fds));
	t->state = TASK_NEW;
	if (ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0 && errno != ESRCH)
		log_debug("cannot interrupt %d: %s", tid, strerror(errno));
	return 0;
}

static void tracer_explain_eperm(pid_t pid)
{
	FILE *fp = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = -1;

	if (fp) {
		if (fscanf(fp, "%d", &scope) != 1)
			scope = -1;
		fclose(fp);
	}
	log_error("cannot attach to process %d: Operation not permitted", pid);
	if (geteuid() != 0)
		log_note(
			"attaching needs the same user and no extra privileges on the target, or root (try sudo)");
	if (scope >= 1)
		log_note(
			"kernel.yama.ptrace_scope is %d: %s", scope,
			scope == 1 ?
				"only a parent may trace its children; run as root or set it to 0 (sysctl kernel.yama.ptrace_scope=0)" :
			scope == 2 ? "only root (CAP_SYS_PTRACE) may attach" :
				     "attaching is disabled until reboot");
}

static int tracer_attach(struct tracer *tr, const struct tracer_opts *o)
{
	size_t i;

	for (i = 0; i < o->npids; i++) {
		pid_t pid = o->pids[i];
		struct fdtable *fds;
		char dir[64];
		bool added = true;
		unsigned rounds = 0;
		struct task *leader;

		snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
		if (access(dir, F_OK) < 0) {
			log_error(
				"cannot attach to process %d: no such process",
				pid);
			return 1;
		}
		fds = fdtable_new();
		fdproc_seed(fds, pid);
		/* threads made while we attach: list again until stable */
		while (added && rounds++ < 100) {
			struct dirent *de;
			DIR *d = opendir(dir);

			added = false;
			if (!d)
				break;
			while ((de = readdir(d))) {
				pid_t tid = (pid_t)strtol(de->d_name, NULL, 10);
				int err;

				if (tid <= 0 || task_find(&tr->tt, tid))
					continue;
				err = tracer_attach_tid(tr, pid, tid, fds);
				if (err == -EPERM && tid == pid) {
					closedir(d);
					fdtable_unref(fds);
					tracer_explain_eperm(pid);
					return 1;
				}
				if (!err)
					added = true;
			}
			closedir(d);
		}
		fdtable_unref(fds);
		leader = task_find(&tr->tt, pid);
		if (!leader) {
			log_error("cannot attach to process %d: it went away",
				  pid);
			return 1;
		}
		leader->proc->root = true;
		leader->proc->exec_seen = true;
		{
			pid_t tg, pp;

			procinfo_ids(pid, &tg, &pp);
			leader->proc->ppid = pp;
		}
		task_read_comm(pid, leader->proc->comm);
		if (!tr->root_pid) {
			tr->root_pid = pid;
			tr->s->run.root_pid = pid;
		}
		log_info("attached to process %d (%s), %u thread%s", pid,
			 leader->proc->comm, leader->proc->nthreads,
			 leader->proc->nthreads == 1 ? "" : "s");
		tracer_publish_image(tr, leader, CPD_PROC_ATTACH, 0);
	}
	return 0;
}

/* ---- the run --------------------------------------------------------- */

/* For plugins that time syscalls: what our stops add to those times. */
static void tracer_calibrate(struct session *s)
{
	int err = calibrate_stop_cost(&s->run.stop_cost_ns);

	if (err)
		log_note(
			"cannot measure what tracing adds to a syscall's time (%s): latencies include it unmeasured",
			strerror(-err));
	else
		log_debug("tracer stops add %llu ns to a syscall's time",
			  (unsigned long long)s->run.stop_cost_ns);
}

int tracer_run(struct session *s, const struct tracer_opts *o)
{
	struct tracer tr;
	sigset_t set;
	int rc;

	memset(&tr, 0, sizeof(tr));
	tr.s = s;
	tr.err_pipe = -1;
	tr.spawned = o->npids == 0;
	tr.use_seccomp = tr.spawned && s->core.seccomp;
	tr.read_data = s->core.verbose > 0;
	task_table_init(&tr.tt);
	fdtrack_init(&tr.ft);
	tracer_build_sets(&tr);
	tracer_plan_sync(&tr);
	tr.options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
		     PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
		     PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
	if (tr.spawned)
		tr.options |= PTRACE_O_EXITKILL | PTRACE_O_TRACESECCOMP;
	s->run.mode = tr.spawned ? CPD_RUN_SPAWN : CPD_RUN_ATTACH;
	tr.timing = session_wants_timing(s);
	if (tr.timing)
		tracer_calibrate(s);

	interrupt_signals(&set);
	rc = loop_signals(s->loop, &set, tracer_on_signal, &tr);
	if (rc < 0) {
		log_error("cannot set up signal handling: %s", strerror(-rc));
		rc = 1;
		goto out_free;
	}
	loop_set_timer(s->loop, session_ticks_start(s), tracer_on_timer, &tr);

	if (tr.spawned) {
		char *path = tracer_which(o->argv[0]);

		if (!path) {
			log_error("cannot run '%s': %s", o->argv[0],
				  errno == ENOENT ? "command not found" :
						    strerror(errno));
			rc = 127;
			goto out_free;
		}
		log_info("tracing %s", s->command);
		if (!tr.use_seccomp && s->core.verbose)
			log_info(
				"no seccomp filter: stopping at every syscall");
		rc = tracer_spawn(&tr, o, path);
	} else {
		log_info("attaching to PID %d...", o->pids[0]);
		if (s->core.verbose)
			log_info(
				"attached processes are traced without a seccomp filter: every syscall stops");
		rc = tracer_attach(&tr, o);
	}
	if (rc) {
		if (!tr.spawned)
			tracer_detach_all(&tr);
		else
			tracer_kill_all(&tr);
	}
	if (tr.tt.ntasks) {
		tracer_reap(&tr);
		rc = tracer_wait_loop(&tr, &set) < 0 ? 1 : rc;
	}
	tracer_read_child_pipe(&tr);
	if (tr.spawned && tr.exec_errno) {
		log_error("cannot run '%s': %s", o->argv[0],
			  strerror(tr.exec_errno));
		rc = 127;
	} else if (!rc) {
		rc = tr.spawned ? tr.exit_status : 0;
	}
out_free:
	if (tr.err_pipe >= 0)
		close(tr.err_pipe);
	tracer_free_sets(&tr);
	sharedfd_free(&tr.sf);
	fdtrack_free(&tr.ft);
	task_table_free(&tr.tt);
	return rc;
}
