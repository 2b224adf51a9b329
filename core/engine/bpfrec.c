// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Records arrive in the order the kernel reserved them in the ring, which
 * is the order of the exits (and forks, execs) across every CPU: what a
 * task did before it made a child is read before the child's first call.
 * Each record is applied to the task and fd tables as the ptrace engine
 * applies a stop, with one difference: the task ran on since, so nothing
 * is asked of /proc or of the task's memory. Memory comes from the
 * record's chunks (a struct tmem_buf the decoder reads as it would read
 * the stopped task), new fds from the description the kernel took of
 * them.
 *
 * Leaders. ptrace reports a thread group's leader last (a zombie leader
 * waits for its threads), and the events say so: the leader's exit
 * carries the group's end. The kernel's exit tracepoint fires per thread
 * as each dies, leader first if it went first, so a leader's exit that
 * does not end its group is held until the last thread's does. A leader
 * that dies because another thread exec'd (de_thread) vanishes, as under
 * ptrace: the exec says so.
 */
#include "bpfrec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "engine_records.h"
#include "fdproc.h"
#include "fdtrack.h"
#include "procinfo.h"
#include "sysent.h"
#include "tmem.h"
#include "base/log.h"
#include "base/xmalloc.h"

/* chunks a record may have: its args, a message header's parts per message */
#define BPFREC_MAX_CHUNKS 256
/* close_range(2)'s flag that only marks fds close-on-exec */
#define BPFREC_CLOSE_RANGE_CLOEXEC (1u << 2)
/* " (deleted)", as d_path() marks an unlinked file */
#define BPFREC_PATH_MAX (PATH_MAX + 16)

/* ---- publishing ----------------------------------------------------- */

static void bpfrec_header(struct cpd_event *ev, uint16_t kind, struct task *t,
			  uint64_t ts)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	ev->source = CPD_SRC_CORE;
	ev->ts_ns = ts;
	if (t) {
		ev->pid = t->proc->pid;
		ev->tid = t->tid;
		ev->comm.ptr = t->proc->comm;
		ev->comm.len =
			(uint32_t)strnlen(t->proc->comm, sizeof(t->proc->comm));
	}
}

static void bpfrec_proc_at(struct bpfeng *e, struct task *t, uint32_t op,
			   const struct cpd_ev_proc *p, uint64_t ts)
{
	struct cpd_event ev;

	bpfrec_header(&ev, CPD_EV_PROC, t, ts);
	ev.u.proc = *p;
	ev.u.proc.op = op;
	if (t->proc->root)
		ev.u.proc.flags |= CPD_PROCF_ROOT;
	session_publish(e->s, &ev);
}

static uint64_t bpfrec_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void bpfrec_proc(struct bpfeng *e, struct task *t, uint32_t op,
		 const struct cpd_ev_proc *p)
{
	bpfrec_proc_at(e, t, op, p, bpfrec_now());
}

/* ---- tasks ---------------------------------------------------------- */

struct bpfrec_find {
	pid_t pid;
	struct task *t;
};

static void bpfrec_find_member(struct task *t, void *arg)
{
	struct bpfrec_find *f = arg;

	if (!f->t && t->proc->pid == f->pid)
		f->t = t;
}

struct task *bpfrec_member(struct bpfeng *e, pid_t tgid)
{
	struct bpfrec_find f = { tgid, task_find(&e->tt, tgid) };

	if (!f.t || f.t->proc->pid != tgid) {
		f.t = NULL;
		task_each(&e->tt, bpfrec_find_member, &f);
	}
	return f.t;
}

static struct task *bpfrec_new_task(struct bpfeng *e, pid_t tid, pid_t pid,
				    struct fdtable *fds)
{
	struct task *t = task_add(&e->tt, tid, pid, fds);

	e->s->stats.tasks_seen++;
	if (t->proc->nthreads == 1)
		e->s->stats.processes_seen++;
	e->s->stats.tasks_live = (uint32_t)e->tt.ntasks;
	t->state = TASK_RUNNING;
	return t;
}

static struct task *bpfrec_task_seeded(struct bpfeng *e, pid_t tid, pid_t tgid,
				       bool exec_next)
{
	struct task *t = task_find(&e->tt, tid), *sibling;
	struct fdtable *fds;

	if (t)
		return t;
	/* a thread shares its group's table; a process we never saw made
	 * gets what /proc still says */
	sibling = bpfrec_member(e, tgid);
	if (sibling) {
		fds = fdtable_ref(sibling->fds);
	} else {
		fds = fdtable_new();
		if (exec_next)
			fdproc_seed_kept(fds, tgid);
		else
			fdproc_seed(fds, tgid);
	}
	t = bpfrec_new_task(e, tid, tgid, fds);
	if (!sibling) {
		pid_t tg, ppid;

		procinfo_ids(tgid, &tg, &ppid);
		t->proc->ppid = ppid;
		t->proc->exec_seen = true;
		task_read_comm(tid, t->proc->comm);
	}
	return t;
}

struct task *bpfrec_task(struct bpfeng *e, pid_t tid, pid_t tgid)
{
	return bpfrec_task_seeded(e, tid, tgid, false);
}

struct task *bpfrec_spawned(struct bpfeng *e, pid_t pid)
{
	return bpfrec_task_seeded(e, pid, pid, true);
}

static void bpfrec_set_comm(struct task *t, const char *comm)
{
	memset(t->proc->comm, 0, sizeof(t->proc->comm));
	memcpy(t->proc->comm, comm,
	       strnlen(comm, MIN(sizeof(t->proc->comm) - 1,
				 (size_t)CPD_ENG_COMM_LEN)));
}

static void bpfrec_spawn(struct bpfeng *e, const struct cpd_eng_spawn *r)
{
	struct task *t = bpfrec_task(e, (pid_t)r->h.tid, (pid_t)r->h.tgid);
	bool thread = r->clone_flags & CLONE_THREAD;
	struct cpd_ev_proc p;
	struct task *ct;

	ct = task_find(&e->tt, (pid_t)r->child_tid);
	if (ct)
		task_remove(&e->tt, ct);
	ct = bpfrec_new_task(e, (pid_t)r->child_tid, (pid_t)r->child_tgid,
			     (r->clone_flags & CLONE_FILES) ?
				     fdtable_ref(t->fds) :
				     fdtable_copy(t->fds));
	if (!thread) {
		ct->proc->ppid = t->proc->pid;
		memcpy(ct->proc->comm, t->proc->comm, sizeof(ct->proc->comm));
		ct->proc->exec_seen = true;
	}
	memset(&p, 0, sizeof(p));
	p.child_pid = ct->proc->pid;
	p.child_tid = ct->tid;
	p.ppid = t->proc->ppid;
	if (r->clone_flags & CLONE_VFORK)
		p.flags |= CPD_PROCF_VFORK;
	bpfrec_proc_at(e, t,
		       thread ? CPD_PROC_SPAWN_THREAD : CPD_PROC_SPAWN_PROCESS,
		       &p, r->h.ts_ns);
}

/*
 * The path the kernel walked, leaf first: "c\0b\0a\0" is "/a/b/c".
 * Returns its length in out (size >= 2).
 */
static size_t bpfrec_path(const char *comp, size_t len, uint32_t flags,
			  char *out, size_t size)
{
	size_t n = 0, end = len;

	while (end > 0) {
		size_t start = end - 1, clen;

		/* end - 1 is the component's NUL */
		while (start > 0 && comp[start - 1] != '\0')
			start--;
		clen = strnlen(comp + start, end - 1 - start);
		if (n + 1 + clen + 1 > size)
			break;
		out[n++] = '/';
		memcpy(out + n, comp + start, clen);
		n += clen;
		end = start;
	}
	if (!n)
		out[n++] = '/';
	if ((flags & CPD_ENG_FD_DELETED) && n + 11 < size) {
		memcpy(out + n, " (deleted)", 10);
		n += 10;
	}
	out[n] = '\0';
	return n;
}

/* A leader's exit held for the end of its group. */
struct bpfrec_held {
	pid_t tgid;
	int32_t code;
	uint64_t ts;
};

static struct bpfrec_held *bpfrec_held_find(struct bpfeng *e, pid_t tgid)
{
	size_t i;

	for (i = 0; i < e->nheld; i++)
		if (e->held[i].tgid == tgid)
			return &e->held[i];
	return NULL;
}

static void bpfrec_held_drop(struct bpfeng *e, struct bpfrec_held *h)
{
	*h = e->held[--e->nheld];
}

static void bpfrec_exec_forget(struct bpfeng *e)
{
	free(e->exec_file);
	free(e->exec_argv);
	e->exec_file = e->exec_argv = NULL;
	e->exec_tid = 0;
	e->exec_argv_len = 0;
}

/* Keep the descriptions of fds dropped without a call of their own. */
static void bpfrec_bury(struct bpfeng *e, struct task *t, unsigned first,
			unsigned last, bool cloexec)
{
	size_t fd;

	for (fd = first; fd < t->fds->n && fd <= last; fd++) {
		const struct fd_entry *fe = &t->fds->e[fd];

		if (fe->used && fe->kfile &&
		    (!cloexec || (fe->info.flags & CPD_FDF_CLOEXEC)))
			bpfsum_bury(e, t, (int)fd);
	}
}

static void bpfrec_exec(struct bpfeng *e, const struct cpd_eng_exec *r,
			size_t len)
{
	const char *body = (const char *)(r + 1);
	size_t room = len - sizeof(*r);
	pid_t tid = (pid_t)r->h.tid, old_tid = 0;
	struct task *t = task_find(&e->tt, tid);
	char path[BPFREC_PATH_MAX];
	struct cpd_ev_proc p;
	struct fdtable *fds;
	uint32_t argv_len;

	if ((size_t)r->path_len + r->argv_len + r->name_len > room)
		return;
	if ((pid_t)r->old_tid != tid) {
		struct task *execer = task_find(&e->tt, (pid_t)r->old_tid);

		/*
		 * A non-leader thread exec'd: it takes the leader's tid, and
		 * its own tid is gone. The old leader vanishes without an exit
		 * of its own, as under ptrace.
		 */
		if (execer) {
			struct bpfrec_held *h =
				bpfrec_held_find(e, (pid_t)r->h.tgid);

			memset(&p, 0, sizeof(p));
			p.exit_code = -1;
			bpfrec_proc_at(e, execer, CPD_PROC_EXIT, &p,
				       r->h.ts_ns);
			if (h)
				bpfrec_held_drop(e, h);
			if (t)
				task_remove(&e->tt, t);
			task_rename(&e->tt, execer, tid);
			t = execer;
			old_tid = (pid_t)r->old_tid;
		}
	}
	if (!t)
		t = bpfrec_task(e, tid, (pid_t)r->h.tgid);
	/* exec unshares the table and closes the close-on-exec fds */
	fds = fdtable_copy(t->fds);
	fdtable_unref(t->fds);
	t->fds = fds;
	bpfrec_bury(e, t, 0, UINT_MAX, true);
	fdtable_exec(fds);
	bpfrec_set_comm(t, r->comm);
	if (e->spawned && t->proc->root && !t->proc->exec_seen) {
		t->proc->exec_seen = true;
		/* the command's own execve is not its: ptrace skips it too */
		t->skip_exec = true;
	}
	memset(&p, 0, sizeof(p));
	p.path.len = (uint32_t)bpfrec_path(body, r->path_len, r->path_flags,
					   path, sizeof(path));
	p.path.ptr = path;
	argv_len = r->argv_len;
	p.argc = procinfo_argc(body + r->path_len, &argv_len);
	p.argv.ptr = body + r->path_len;
	p.argv.len = argv_len;
	if (r->argv_cut)
		p.argv.flags |= CPD_STR_TRUNCATED;
	p.ppid = t->proc->ppid;
	p.old_tid = old_tid;
	bpfrec_proc_at(e, t, CPD_PROC_EXEC, &p, r->h.ts_ns);

	bpfrec_exec_forget(e);
	e->exec_tid = tid;
	e->exec_file = xstrndup(body + r->path_len + r->argv_len, r->name_len);
	e->exec_argv = xmalloc((size_t)argv_len + 1);
	memcpy(e->exec_argv, p.argv.ptr, argv_len);
	e->exec_argv[argv_len] = '\0';
	e->exec_argv_len = argv_len;
}

/* ---- exits ---------------------------------------------------------- */

static void bpfrec_exit_fill(struct bpfeng *e, struct cpd_ev_proc *p,
			     struct task *t, int code, bool group_end)
{
	memset(p, 0, sizeof(*p));
	/* the process' CPU time came with its last thread's exit */
	if (group_end && !e->s->core.deterministic)
		task_cpu_fill(p, t->proc, false);
	p->ppid = t->proc->ppid;
	p->exit_code = WIFEXITED(code) ? WEXITSTATUS(code) : -1;
	p->signal = WIFSIGNALED(code) ? WTERMSIG(code) : 0;
	if (WIFSIGNALED(code) && WCOREDUMP(code))
		p->flags |= CPD_PROCF_CORE_DUMPED;
	if (t->tid == t->proc->pid)
		p->flags |= CPD_PROCF_LEADER;
	if (group_end)
		p->flags |= CPD_PROCF_GROUP_EXIT;
}

/* What the kernel said of the CPUs as a thread of pr exited. */
static void bpfrec_exit_cpu(struct proc *pr, const struct cpd_eng_exit *r)
{
	uint64_t split = r->user_ns + r->sys_ns;

	if (r->h.flags & CPD_ENG_F_RUNQ) {
		pr->runq_gone_ns += r->runq_ns;
		pr->runq_known = true;
	}
	if (!(r->h.flags & CPD_ENG_F_CPU))
		return;
	pr->cpu.total_ns = r->cpu_ns;
	/* the sampled times only say in what proportion, as getrusage(2) */
	pr->cpu.user_ns = split ? (uint64_t)((unsigned __int128)r->cpu_ns *
					     r->user_ns / split) :
				  0;
	pr->cpu.sys_ns = r->cpu_ns - pr->cpu.user_ns;
	pr->cpu_known = true;
}

/* Publish t's exit and forget it. */
static void bpfrec_task_gone(struct bpfeng *e, struct task *t, int code,
			     bool group_end, uint64_t ts)
{
	struct cpd_ev_proc p;

	bpfrec_exit_fill(e, &p, t, code, group_end);
	bpfrec_proc_at(e, t, CPD_PROC_EXIT, &p, ts);
	if (group_end && t->proc->root && !e->spawned &&
	    e->s->stats.root_exit_code < 0 && !e->s->stats.root_exit_signal) {
		e->s->stats.root_exit_code = p.exit_code;
		e->s->stats.root_exit_signal = p.signal;
	}
	task_remove(&e->tt, t);
	e->s->stats.tasks_live = (uint32_t)e->tt.ntasks;
}

static void bpfrec_exit(struct bpfeng *e, const struct cpd_eng_exit *r)
{
	pid_t tid = (pid_t)r->h.tid, tgid = (pid_t)r->h.tgid;
	struct task *t = task_find(&e->tt, tid);
	struct bpfrec_held *h;

	if (!t)
		t = bpfrec_task(e, tid, tgid);
	bpfrec_set_comm(t, r->comm);
	bpfrec_exit_cpu(t->proc, r);
	/* its I/O, before it is gone */
	if (r->group_dead)
		bpfsum_sweep(e, tgid, r->h.ts_ns);
	if (tid == tgid && !r->group_dead) {
		e->held =
			xgrow(e->held, &e->capheld, e->nheld, sizeof(*e->held));
		e->held[e->nheld++] =
			(struct bpfrec_held){ tgid, r->code, r->h.ts_ns };
		return;
	}
	h = r->group_dead ? bpfrec_held_find(e, tgid) : NULL;
	bpfrec_task_gone(e, t, r->code, r->group_dead && !h, r->h.ts_ns);
	if (h) {
		struct task *leader = task_find(&e->tt, tgid);
		/* a group exit's code is the group's, else the leader's own */
		int code = r->group_exit ? r->code : h->code;

		if (leader)
			bpfrec_task_gone(e, leader, code, true, r->h.ts_ns);
		bpfrec_held_drop(e, h);
	}
}

void bpfrec_settle(struct bpfeng *e)
{
	while (e->nheld) {
		struct bpfrec_held *h = &e->held[e->nheld - 1];
		struct task *leader = task_find(&e->tt, h->tgid);

		if (leader)
			bpfrec_task_gone(e, leader, h->code, true, h->ts);
		e->nheld--;
	}
	free(e->held);
	e->held = NULL;
	e->capheld = 0;
	bpfrec_exec_forget(e);
}

/* ---- syscalls ------------------------------------------------------- */

struct bpfrec_sc {
	struct tmem_region region[BPFREC_MAX_CHUNKS];
	size_t nregions;
	const struct cpd_eng_fdesc *fdesc;
	const char *fdesc_path;
};

/*
 * Split the chunks and the fd description after the body; false if bad.
 * An unreadable chunk is no region: reads there fail as the kernel's did.
 */
static bool bpfrec_parse(const struct cpd_eng_syscall *r, size_t len,
			 struct bpfrec_sc *sc)
{
	const char *p = (const char *)(r + 1), *end = (const char *)r + len;
	unsigned i;

	sc->nregions = 0;
	sc->fdesc = NULL;
	sc->fdesc_path = NULL;
	for (i = 0; i < r->nchunks; i++) {
		const struct cpd_eng_chunk *c = (const void *)p;

		if ((size_t)(end - p) < sizeof(*c) ||
		    (size_t)(end - p) - sizeof(*c) < c->len)
			return false;
		p += sizeof(*c);
		if (sc->nregions < BPFREC_MAX_CHUNKS &&
		    !(c->flags & CPD_ENG_CHUNK_FAULT) && c->len) {
			struct tmem_region *u = &sc->region[sc->nregions++];

			u->addr = c->addr;
			u->len = c->len;
			u->bytes = p;
		}
		p += (c->len + 7) & ~7u;
	}
	if (r->has_fdesc) {
		const struct cpd_eng_fdesc *f = (const void *)p;

		if ((size_t)(end - p) < sizeof(*f) ||
		    (size_t)(end - p) - sizeof(*f) < f->path_len)
			return false;
		sc->fdesc = f;
		sc->fdesc_path = (const char *)(f + 1);
	}
	return true;
}

static void bpfrec_sockaddr(struct cpd_sockaddr *sa, uint16_t family,
			    const uint8_t *addr, uint16_t port)
{
	memset(sa, 0, sizeof(*sa));
	sa->family = family;
	if (family == AF_INET) {
		memcpy(sa->addr, addr, 4);
		sa->port = port;
	} else if (family == AF_INET6) {
		memcpy(sa->addr, addr, 16);
		sa->port = port;
	}
}

bool bpfrec_describe(void *ctx, struct task *t, int fd, struct cpd_fdinfo *info,
		     uint64_t *kfile)
{
	static char target[BPFREC_PATH_MAX];
	struct bpfeng *e = ctx;
	const struct cpd_eng_fdesc *f = e->fdesc;
	size_t n = 0;

	(void)t;
	(void)fd;
	if (!f || f->kind == CPD_ENG_FK_NONE)
		return false;
	switch (f->kind) {
	case CPD_ENG_FK_PATH:
		n = bpfrec_path(e->fdesc_path, f->path_len, f->flags, target,
				sizeof(target));
		break;
	case CPD_ENG_FK_ANON:
		n = (size_t)snprintf(target, sizeof(target), "anon_inode:%.*s",
				     (int)strnlen(e->fdesc_path, f->path_len),
				     e->fdesc_path);
		break;
	case CPD_ENG_FK_PIPE:
		n = (size_t)snprintf(target, sizeof(target), "pipe:[%llu]",
				     (unsigned long long)f->ino);
		break;
	case CPD_ENG_FK_SOCKET:
		n = (size_t)snprintf(target, sizeof(target), "socket:[%llu]",
				     (unsigned long long)f->ino);
		break;
	default:
		return false;
	}
	n = MIN(n, sizeof(target) - 1);
	*kfile = f->file;
	info->kind = fdproc_kind(target, f->mode);
	info->open_flags = f->f_flags & ~(uint32_t)O_CLOEXEC;
	if (info->kind == CPD_FD_SOCKET) {
		info->sock_family = f->sk_family;
		info->sock_type = f->sk_type;
		info->sock_protocol = f->sk_protocol;
		bpfrec_sockaddr(&info->local, f->sk_family, f->sk_saddr,
				f->sk_sport);
		bpfrec_sockaddr(&info->peer, f->sk_family, f->sk_daddr,
				f->sk_dport);
		return true;
	}
	info->path.ptr = target;
	info->path.len = (uint32_t)n;
	return true;
}

/* execve's exit has the new image's registers: the exec record says. */
static void bpfrec_execve_args(struct bpfeng *e, struct task *t,
			       const struct sysent *se)
{
	struct decode_call *c = &t->call;
	unsigned path = !strcmp(se->name, "execveat") ? 1 : 0;
	size_t n;

	if (e->exec_tid != t->tid || !e->exec_file)
		return;
	n = strlen(e->exec_file);
	c->arg[path].str.ptr = decode_keep(c, e->exec_file, n);
	c->arg[path].str.len = (uint32_t)n;
	c->arg[path].flags &= ~CPD_ARGF_PARTIAL;
	c->arg[path + 1].str.ptr =
		decode_keep(c, e->exec_argv, e->exec_argv_len);
	c->arg[path + 1].str.len = e->exec_argv_len;
	c->arg[path + 1].flags &= ~CPD_ARGF_PARTIAL;
	c->flags &= ~CPD_SCF_PARTIAL;
}

static void bpfrec_syscall(struct bpfeng *e, const struct cpd_eng_syscall *r,
			   size_t len)
{
	uint32_t arch = (r->h.flags & CPD_ENG_F_COMPAT) ? AUDIT_ARCH_I386 :
							  sysent_native_arch();
	const struct cpd_eng_spec *sp = bpfspec_get(&e->spec, arch, r->nr);
	struct task *t = bpfrec_task(e, (pid_t)r->h.tid, (pid_t)r->h.tgid);
	uint64_t enter = r->enter_ns ? r->enter_ns : r->h.ts_ns;
	const struct sysent *se = sysent_lookup(arch, r->nr);
	struct decode_ctx ctx;
	struct tmem_buf mem;
	struct bpfrec_sc sc;
	struct cpd_event ev;
	bool exec = se && (se->flags & SE_EXEC);
	uint64_t args[6];
	unsigned i;

	e->s->stats.syscalls_seen++;
	if (!sp || !bpfrec_parse(r, len, &sc))
		return;
	/* the spawned command's own syscalls start at its exec */
	if (e->spawned && t->proc->root && !t->proc->exec_seen)
		return;
	if (exec && r->ret == 0 && t->skip_exec) {
		t->skip_exec = false;
		return;
	}
	tmem_buf_init(&mem, sc.region, sc.nregions);
	e->fdesc = sc.fdesc;
	e->fdesc_path = sc.fdesc_path;
	memset(&ctx, 0, sizeof(ctx));
	ctx.mem = &mem.mem;
	ctx.string_limit = e->s->run.string_limit;
	ctx.read_data = e->spec.buf_limit > 0;
	/* the kernel side copied what the rules match (bpfspec.c) */
	ctx.payload = e->s->payload.n ? &e->s->payload : NULL;
	ctx.fd_lookup = fdtrack_lookup;
	ctx.arg = t;
	for (i = 0; i < 6; i++)
		args[i] = r->args[i];
	decode_entry(&t->call, &ctx, arch, r->nr, args, enter);
	if (!r->enter_ns)
		t->call.flags |= CPD_SCF_UNTIMED;
	/*
	 * close_range frees fds no close() names: their sums may follow. A
	 * ring's registered files outlive their fds: their sums too.
	 */
	if (fdtrack_effect(&e->ft, arch, r->nr) == FX_CLOSE_RANGE &&
	    !(args[2] & BPFREC_CLOSE_RANGE_CLOEXEC))
		bpfrec_bury(e, t, (unsigned)args[0], (unsigned)args[1], false);
	if (t->proc->uring && r->ret == 0 &&
	    fdtrack_effect(&e->ft, arch, r->nr) == FX_CLOSE)
		bpfrec_bury(e, t, (unsigned)args[0], (unsigned)args[0], false);
	if (se && !strcmp(se->name, "io_uring_setup") && r->ret >= 0)
		t->proc->uring = true;
	/*
	 * The ptrace engine frees at entry, before any thread can get the
	 * number again; here the kernel says whether one did.
	 */
	if (!(r->h.flags & CPD_ENG_F_FDREUSED))
		fdtrack_apply_entry(&e->ft, t, &t->call);
	decode_exit(&t->call, &ctx, r->ret);
	fdtrack_apply(&e->ft, t, &t->call, r->ret);
	if (e->spec.publish[(arch == AUDIT_ARCH_I386 ? CPD_ENG_NR_MAX : 0) +
			    (size_t)r->nr]) {
		decode_retval_fd(&t->call, &ctx, r->ret);
		if (exec && r->ret == 0)
			bpfrec_execve_args(e, t, se);
		bpfrec_header(&ev, CPD_EV_SYSCALL, t, r->h.ts_ns);
		decode_fill(&t->call, &ev.u.syscall, r->ret, r->h.ts_ns);
		if (r->h.flags & CPD_ENG_F_RUNQ) {
			/* nothing stops a task: stopped_ns stays 0 */
			ev.u.syscall.runq_ns = r->runq_ns;
			ev.u.syscall.flags |= CPD_SCF_RUNQ;
		}
		/* nothing is stopped: read_tracee says EPERM (host.h) */
		session_publish(e->s, &ev);
	}
	e->fdesc = NULL;
	e->fdesc_path = NULL;
}

int bpfrec_handle(void *ctx, void *data, size_t len)
{
	struct bpfeng *e = ctx;
	const struct cpd_eng_hdr *h = data;

	if (len < sizeof(*h) || h->size > len)
		return 0;
	switch (h->type) {
	case CPD_ENG_SYSCALL:
		if (h->size >= sizeof(struct cpd_eng_syscall))
			bpfrec_syscall(e, data, h->size);
		break;
	case CPD_ENG_SPAWN:
		if (h->size >= sizeof(struct cpd_eng_spawn))
			bpfrec_spawn(e, data);
		break;
	case CPD_ENG_EXEC:
		if (h->size >= sizeof(struct cpd_eng_exec))
			bpfrec_exec(e, data, h->size);
		break;
	case CPD_ENG_EXIT:
		if (h->size >= sizeof(struct cpd_eng_exit))
			bpfrec_exit(e, data);
		break;
	case CPD_ENG_IOSUM:
		if (h->size >= sizeof(struct cpd_eng_iosum))
			bpfsum_final(e, data);
		break;
	default:
		break;
	}
	return 0;
}
