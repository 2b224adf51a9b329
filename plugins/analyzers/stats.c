// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * stats: where the time goes. Every syscall is timed from its entry to its
 * exit, as the core measured them, and counted per syscall: calls, errors
 * by errno, total time and a latency histogram (lib/hdrhist.h) from which
 * the percentiles come. Overall, and per process or per thread ([stats]
 * per). Alongside, each process's time is split into its CPU time (from
 * the core's exit event) and the time its syscalls took, by what they were
 * for (file I/O, network, children, sleeping), plus its wait for a CPU
 * when the sched analyzer runs.
 *
 * The input is the CPD_EV_SYSCALL enter and exit times alone, so any
 * engine that fills them serves. Under ptrace those times include what
 * the tracer's stops add; the host measures that at start-up
 * (CPD_PF_SYSCALL_TIMING) and the report says it next to the table.
 *
 * It needs the exit of every syscall it times, which costs a second stop
 * per syscall: an analyzer one asks for (--stats, -c), and "syscalls ="
 * narrows it to the syscalls or classes of interest.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats.h"

#include "lib/instance.h"
#include "lib/report.h"

static const char *const stats_per_names[] = { "process", "thread", "none",
					       NULL };

static const struct cpd_option stats_options[] = {
	{ .name = "per",
	  .type = CPD_OPT_ENUM,
	  .def = "process",
	  .offset = offsetof(struct stats, per),
	  .choices = stats_per_names,
	  .help = "syscall tables per process, per thread, or none (the overall table only)" },
	{ .name = "max_processes",
	  .type = CPD_OPT_UINT,
	  .def = "1000",
	  .offset = offsetof(struct stats, max_processes),
	  .min = 1,
	  .max = 1000000,
	  .help = "processes with syscall tables of their own (per process or per thread); later ones count in the overall table only" },
	CPD_OPTION_END
};

/* Blocking calls whose time is a wait, not work: sleeps, polls, futexes. */
static const char *const stats_wait_calls[] = {
	"nanosleep",
	"clock_nanosleep",
	"clock_nanosleep_time64",
	"pause",
	"poll",
	"ppoll",
	"ppoll_time64",
	"select",
	"_newselect",
	"pselect6",
	"pselect6_time64",
	"epoll_wait",
	"epoll_pwait",
	"epoll_pwait2",
	"futex",
	"futex_time64",
	"futex_waitv",
	"rt_sigsuspend",
	"sigsuspend",
	"rt_sigtimedwait",
	"rt_sigtimedwait_time64",
	"sched_yield",
	"io_getevents",
	"io_pgetevents",
	"io_uring_enter",
	"semop",
	"semtimedop",
	"msgrcv",
	"mq_timedreceive",
	"mq_timedreceive_time64",
	NULL,
};
/*
 * Waiting for children, and making them: vfork, and the clone3 of
 * posix_spawn (CLONE_VFORK), return only when the child has exec'd.
 */
static const char *const stats_child_calls[] = { "wait4",  "waitid", "waitpid",
						 "vfork",  "fork",   "clone",
						 "clone3", NULL };

static bool stats_listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return true;
	return false;
}

void stats_oom(struct stats *s)
{
	if (!s->oom)
		s->host->log(s->inst, CPD_LOG_WARN,
			     "out of memory: some syscalls are not counted");
	s->oom = true;
}

/* ---- syscalls ------------------------------------------------------- */

static void stats_sys_class(struct stats_sys *sys, uint64_t classes)
{
	if (stats_listed(stats_wait_calls, sys->name))
		sys->cls = STATS_WAIT;
	else if (stats_listed(stats_child_calls, sys->name))
		sys->cls = STATS_CHILD;
	else if (classes & CPD_SC_NETWORK)
		sys->cls = STATS_NET;
	else if (classes & (CPD_SC_FILE | CPD_SC_STAT))
		sys->cls = STATS_FILE;
	else if (classes & (CPD_SC_READ | CPD_SC_WRITE | CPD_SC_DESC))
		sys->by_fd = true;
	else
		sys->cls = STATS_OTHER;
}

/* The id of sc's syscall, made on first sight; -1 past the table. */
static int stats_sys_id(struct stats *s, const struct cpd_syscall *sc)
{
	bool by_nr = sc->nr >= 0 && sc->nr < STATS_MAX_SYS;
	struct stats_sys *sys;
	uint32_t i;

	/* the first syscall's arch, the native one, is looked up by number */
	if (!s->nsys)
		s->native_arch = sc->arch;
	by_nr = by_nr && sc->arch == s->native_arch;
	if (by_nr && s->native[sc->nr])
		return s->native[sc->nr] - 1;
	for (i = 0; !by_nr && i < s->nsys; i++)
		if (s->sys[i]->arch == sc->arch && s->sys[i]->nr == sc->nr)
			return (int)i;
	if (s->nsys == STATS_MAX_SYS)
		return -1;
	sys = calloc(1, sizeof(*sys));
	if (!sys) {
		stats_oom(s);
		return -1;
	}
	sys->arch = sc->arch;
	sys->nr = sc->nr;
	if (sc->name.ptr && sc->name.len && sc->name.len < sizeof(sys->name))
		memcpy(sys->name, sc->name.ptr, sc->name.len);
	else
		snprintf(sys->name, sizeof(sys->name), "syscall_%d", sc->nr);
	stats_sys_class(sys, sc->classes);
	s->sys[s->nsys] = sys;
	if (by_nr)
		s->native[sc->nr] = (uint16_t)(s->nsys + 1);
	return (int)s->nsys++;
}

/* file I/O or network or other, by what the call's fd is */
static unsigned stats_fd_class(const struct cpd_syscall *sc)
{
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);

	if (!fd)
		return STATS_OTHER;
	switch (fd->kind) {
	case CPD_FD_FILE:
	case CPD_FD_DIR:
		return STATS_FILE;
	case CPD_FD_SOCKET:
		return STATS_NET;
	default:
		return STATS_OTHER;
	}
}

static int stats_errno_add(struct stats_call *c, int32_t err)
{
	uint32_t i;

	for (i = 0; i < c->nerrs; i++)
		if (c->errs[i].err == err) {
			c->errs[i].n++;
			return 0;
		}
	if (c->nerrs == c->caperrs) {
		uint32_t cap = c->caperrs ? 2 * c->caperrs : 4;
		struct stats_errno *v = realloc(c->errs, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		c->errs = v;
		c->caperrs = cap;
	}
	c->errs[c->nerrs].err = err;
	c->errs[c->nerrs++].n = 1;
	return 0;
}

int stats_call_add(struct stats *s, struct stats_owner *o, uint32_t id,
		   uint64_t ns, int32_t err)
{
	struct stats_call *c;

	if (id >= o->ncall) {
		uint32_t n = s->nsys > id ? s->nsys : id + 1;
		struct stats_call **v = realloc(o->call, n * sizeof(*v));

		if (!v)
			goto err_oom;
		memset(v + o->ncall, 0, (n - o->ncall) * sizeof(*v));
		o->call = v;
		o->ncall = n;
	}
	c = o->call[id];
	if (!c) {
		c = calloc(1, sizeof(*c));
		if (!c)
			goto err_oom;
		o->call[id] = c;
	}
	c->calls++;
	c->ns += ns;
	hdrhist_add(&c->h, ns);
	if (err) {
		c->errors++;
		if (stats_errno_add(c, err) < 0)
			goto err_oom;
	}
	return 0;

err_oom:
	stats_oom(s);
	return -ENOMEM;
}

void stats_owner_free(struct stats_owner *o)
{
	uint32_t i;

	for (i = 0; i < o->ncall; i++) {
		if (!o->call[i])
			continue;
		hdrhist_free(&o->call[i]->h);
		free(o->call[i]->errs);
		free(o->call[i]);
	}
	free(o->call);
	memset(o, 0, sizeof(*o));
}

static void stats_syscall(struct stats *s, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	struct stats_thread *t;
	struct stats_sys *sys;
	unsigned cls;
	uint64_t ns;
	int id;

	/* only calls seen to return have a time, as strace -c counts them */
	if ((sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY)) ||
	    !sc->exit_ns || sc->exit_ns < sc->enter_ns)
		return;
	ns = sc->exit_ns - sc->enter_ns;
	id = stats_sys_id(s, sc);
	if (id < 0) {
		s->sys_dropped++;
		return;
	}
	sys = s->sys[id];
	cls = sys->by_fd ? stats_fd_class(sc) : sys->cls;
	s->calls++;
	s->ns += ns;
	if (sc->err)
		s->errors++;
	stats_call_add(s, &s->all, (uint32_t)id, ns, sc->err);
	t = stats_thread_of(s, ev);
	if (t) {
		/* its wait for a CPU is "waiting for a CPU", not the class's */
		uint64_t runq = (sc->flags & CPD_SCF_RUNQ) ?
					(sc->runq_ns < ns ? sc->runq_ns : ns) :
					0;

		t->proc->cls_ns[cls] += ns - runq;
		t->proc->call_runq_ns += runq;
		if (sc->flags & CPD_SCF_RUNQ)
			t->proc->stopped_ns += sc->stopped_ns;
		if (s->per == STATS_PER_THREAD && !t->proc->own_dropped)
			stats_call_add(s, &t->own, (uint32_t)id, ns, sc->err);
		else if (s->per == STATS_PER_PROCESS && !t->proc->own_dropped)
			stats_call_add(s, &t->proc->own, (uint32_t)id, ns,
				       sc->err);
	}
	if (s->run->interval_ns) {
		sys->iv_calls++;
		sys->iv_ns += ns;
		if (sc->err)
			sys->iv_errors++;
		hdrhist_add(&sys->iv, ns);
	}
}

/* ---- the plugin ----------------------------------------------------- */

/* What the options do not say. */
static int stats_setup(void *state)
{
	struct stats *s = state;

	s->run = s->host->run_info(s->inst);
	return 0;
}

static void stats_release(void *state)
{
	struct stats *s = state;
	uint32_t i;

	stats_tasks_free(s);
	stats_owner_free(&s->all);
	for (i = 0; i < s->nsys; i++) {
		hdrhist_free(&s->sys[i]->iv);
		free(s->sys[i]);
	}
}

static const struct instance_type stats_type =
	INSTANCE_TYPE(struct stats, stats_setup, stats_release);

static int stats_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return instance_init(&stats_type, inst, host, statep);
}

static int stats_on_event(void *state, const struct cpd_event *ev)
{
	struct stats *s = state;
	struct stats_proc *p;

	switch (ev->kind) {
	case CPD_EV_SYSCALL:
		stats_syscall(s, ev);
		break;
	case CPD_EV_PROC:
		stats_task_event(s, ev);
		break;
	case CPD_EV_SCHED:
		/* the sched analyzer's waits for a CPU, when it runs */
		p = stats_proc_of(s, ev->pid, ev->ts_ns);
		if (p)
			p->sched_runq_ns += ev->u.sched.delay_ns;
		s->sched_seen = true;
		break;
	default:
		break;
	}
	return 0;
}

static int stats_interval(void *state, const struct cpd_interval *iv)
{
	return stats_interval_report(state, iv);
}

static uint64_t stats_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int stats_stop(void *state)
{
	struct stats *s = state;

	stats_tasks_end(s, stats_now());
	stats_report(s);
	return 0;
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "stats", .version = "1.0",
		.description =
			"syscall statistics (calls, errors, latency percentiles) and where each process's time went",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_SCHED),
		.publishes = CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_TIMING,
		.options = stats_options, .init = stats_init,
		.on_event = stats_on_event, .stop = stats_stop,
		.fini = instance_fini, .reports = stats_reports,
		.interval = stats_interval, );
