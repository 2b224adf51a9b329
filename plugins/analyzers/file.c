// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * file: the file analyzer. Turns decoded syscalls into FILE events (opens,
 * failed opens, reads, writes, copies) and keeps bytes per file.
 *
 * What counts as file I/O is decided by the core's fd table: only fds of
 * kind CPD_FD_FILE. Sockets belong to the net analyzer; pipes, ttys and
 * devices are not files anyone asked about. The noise filter (util/noise.c)
 * is applied to the path of the fd on every operation, not only at open,
 * so the loader's reads of libc.so.6 are hidden like its open of it.
 *
 * Hidden files' bytes are kept apart (hidden_read_bytes, ...) so the
 * headline numbers are the user's own I/O, while nothing is lost.
 *
 * A failed open is often one probe of a search (lib/search.h). Which
 * ones the outputs cannot tell (they know nothing of paths), so without
 * -v a thread's failed opens (ENOENT, ENOTDIR) are held back until its
 * run of them ends. When the open that ends it finds the same name, they
 * were probes: published flagged CPD_FILEF_PROBE right before that open,
 * so the live stream shows the open alone. Any other end (another call
 * of the thread, exit_group, exit, exec, a full run) publishes them as
 * the plain failures they were. The events keep their own times; only
 * their delivery waits, for a few syscalls of one thread. With -v every
 * syscall is on the stream, and holding would put the failures after the
 * calls that followed them: they are published at once, unflagged.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "lib/callmap.h"
#include "lib/noise.h"
#include "lib/hash.h"
#include "lib/instance.h"
#include "lib/report.h"
#include "lib/search.h"

/* Past this many distinct paths, bytes still count but rows stop growing. */
#define FILE_MAX_PATHS (1u << 20)
/* A resolved directory plus a relative name, both at most PATH_MAX. */
#define FILE_JOIN_MAX (2 * 4096 + 2)
/* Bytes of comm kept with a held event (the kernel's is 16 with the NUL). */
#define FILE_COMM_MAX 64

/* One path: the row of file.files, or of file.failed when err != 0. */
struct file_ent {
	struct file_ent *next; /* hash chain */
	uint64_t read_bytes;
	uint64_t written_bytes;
	uint64_t reads;
	uint64_t writes;
	uint64_t opens; /* file.failed: failures */
	uint32_t hash;
	int err; /* file.failed only */
	bool hidden;
	bool opened_read;
	bool opened_write;
	uint32_t len;
	char path[]; /* len bytes, then a NUL */
};

struct file_table {
	struct file_ent **buckets;
	size_t nbuckets;
	size_t n;
};

/* A failed open held until its thread's run of failures ends. */
struct file_held {
	struct cpd_event ev; /* as it will be published; strings below */
	char *path;	     /* owned */
	char comm[FILE_COMM_MAX];
};

struct file {
	/* options, written by host->apply_options */
	const char *const *hide;
	bool noise_filter;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct noise noise;
	bool verbose;
	bool warned_full;
	uint64_t unlisted; /* operations on paths the full table refused */
	uint32_t seed;	   /* of the path hash */

	struct file_table files;  /* by path */
	struct file_table failed; /* by path and errno */

	struct callmap calls; /* syscall -> file_calls index */

	struct search_runs runs; /* of struct file_held */
	bool found_hidden;	 /* the open ending a run is hidden */

	uint64_t read_bytes;
	uint64_t written_bytes;
	uint64_t hidden_read_bytes;
	uint64_t hidden_written_bytes;
	uint64_t open_failures;

	/* --interval: the totals above, reported per period */
	struct report_counter iv[3];
};

static const struct cpd_option file_options[] = {
	{ .name = "noise_filter",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct file, noise_filter),
	  .help = "hide the loader, shared libraries, the C library's locale files, /proc, /sys and /dev (-v shows them)" },
	{ .name = "hide",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct file, hide),
	  .help = "more paths to hide: fnmatch globs, a directory hides what is below it" },
	CPD_OPTION_END
};

/* ---- the path tables ------------------------------------------------ */

/* seed is this run's random basis (hash_seed): paths come from the tracee */
static uint32_t file_hash(uint32_t seed, const char *s, size_t len, int err)
{
	return hash_bytes(seed, s, len) ^ (uint32_t)err;
}

static int file_table_grow(struct file_table *t)
{
	size_t n = t->nbuckets ? t->nbuckets * 2 : 256, i;
	struct file_ent **b = calloc(n, sizeof(*b));

	if (!b)
		return -ENOMEM;
	for (i = 0; i < t->nbuckets; i++) {
		struct file_ent *e = t->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			e->next = b[e->hash & (n - 1)];
			b[e->hash & (n - 1)] = e;
		}
	}
	free(t->buckets);
	t->buckets = b;
	t->nbuckets = n;
	return 0;
}

static void file_table_free(struct file_table *t)
{
	size_t i;

	for (i = 0; i < t->nbuckets; i++) {
		struct file_ent *e = t->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e);
		}
	}
	free(t->buckets);
	memset(t, 0, sizeof(*t));
}

/*
 * The entry for (path, err), created when missing. NULL when memory or
 * the row limit ran out: the caller still counts the totals.
 */
static struct file_ent *file_table_get(struct file *f, struct file_table *t,
				       const char *path, size_t len, int err)
{
	uint32_t h = file_hash(f->seed, path, len, err);
	struct file_ent *e;

	if (t->nbuckets) {
		for (e = t->buckets[h & (t->nbuckets - 1)]; e; e = e->next)
			if (e->hash == h && e->err == err && e->len == len &&
			    !memcmp(e->path, path, len))
				return e;
	}
	if (t->n >= FILE_MAX_PATHS) {
		if (!f->warned_full)
			f->host->log(
				f->inst, CPD_LOG_WARN,
				"over %u distinct paths: totals go on, the per-file table stops growing",
				FILE_MAX_PATHS);
		f->warned_full = true;
		f->unlisted++;
		return NULL;
	}
	if (t->n >= t->nbuckets && file_table_grow(t) < 0)
		return NULL;
	e = calloc(1, sizeof(*e) + len + 1);
	if (!e)
		return NULL;
	e->hash = h;
	e->err = err;
	e->len = (uint32_t)len;
	memcpy(e->path, path, len);
	e->hidden = noise_match(&f->noise, path, len);
	e->next = t->buckets[h & (t->nbuckets - 1)];
	t->buckets[h & (t->nbuckets - 1)] = e;
	t->n++;
	return e;
}

/* ---- publishing ----------------------------------------------------- */

static void file_build(struct cpd_event *ev, const struct cpd_event *sev,
		       struct cpd_ev_file *p)
{
	report_derive(ev, CPD_EV_FILE, sev);
	p->syscall = sev->u.syscall.name;
	p->cause_seq = sev->seq;
	if (!p->count)
		p->count = 1;
	ev->u.file = *p;
}

static void file_publish(struct file *f, const struct cpd_event *sev,
			 struct cpd_ev_file *p)
{
	struct cpd_event ev;

	if ((p->flags & CPD_FILEF_HIDDEN) && !f->verbose)
		return;
	file_build(&ev, sev, p);
	/* a refusal is logged by the host; the totals are ours either way */
	f->host->publish(f->inst, &ev);
}

/* ---- searches: runs of failed opens --------------------------------- */

static void file_run_release(void *arg, void *item, enum search_outcome how)
{
	struct file *f = arg;
	struct file_held *h = item;
	struct cpd_ev_file *p = &h->ev.u.file;

	if (how == SEARCH_PROBE) {
		p->flags |= CPD_FILEF_PROBE;
		/* a search for a library is the loader's business */
		if (f->found_hidden)
			p->flags |= CPD_FILEF_HIDDEN;
	}
	if (how != SEARCH_DROP && !(p->flags & CPD_FILEF_HIDDEN))
		f->host->publish(f->inst, &h->ev);
	free(h->path);
}

/* End tid's run; found (may be NULL) is the path of the open that did. */
static void file_run_end(struct file *f, int32_t tid,
			 const struct cpd_str *found, bool found_hidden)
{
	if (!search_holding(&f->runs))
		return;
	f->found_hidden = found_hidden;
	search_end(&f->runs, tid, found ? found->ptr : NULL,
		   found ? found->len : 0);
}

/* Hold a failed open as its thread's newest; false: publish it now. */
static bool file_run_hold(struct file *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	struct file_held *h;
	size_t comm_len;
	char *path;

	if (!p->path.ptr || !p->path.len)
		return false;
	path = malloc(p->path.len + 1);
	if (!path)
		return false;
	h = search_hold(&f->runs, ev->tid, p->path.ptr, p->path.len);
	if (!h) {
		free(path);
		return false;
	}
	memcpy(path, p->path.ptr, p->path.len);
	path[p->path.len] = '\0';
	h->path = path;
	h->ev = *ev;
	h->ev.u.file.path.ptr = path;
	comm_len = ev->comm.ptr ? ev->comm.len : 0;
	if (comm_len >= sizeof(h->comm))
		comm_len = sizeof(h->comm) - 1;
	if (comm_len)
		memcpy(h->comm, ev->comm.ptr, comm_len);
	h->comm[comm_len] = '\0';
	h->ev.comm.ptr = ev->comm.ptr ? h->comm : NULL;
	h->ev.comm.len = (uint32_t)comm_len;
	return true;
}

/* ---- opens ---------------------------------------------------------- */

enum file_call {
	FC_OPEN,
	FC_OPENAT,
	FC_OPENAT2,
	FC_CREAT,
	FC_READ,
	FC_WRITE,
	FC_COPY,
	FC_SENDFILE,
	FC_SPLICE,
	FC_EXIT,
};

static const struct {
	const char *name;
	enum file_call call;
} file_calls[] = {
	{ "open", FC_OPEN },
	{ "openat", FC_OPENAT },
	{ "openat2", FC_OPENAT2 },
	{ "creat", FC_CREAT },
	{ "read", FC_READ },
	{ "pread64", FC_READ },
	{ "readv", FC_READ },
	{ "preadv", FC_READ },
	{ "preadv2", FC_READ },
	{ "write", FC_WRITE },
	{ "pwrite64", FC_WRITE },
	{ "writev", FC_WRITE },
	{ "pwritev", FC_WRITE },
	{ "pwritev2", FC_WRITE },
	{ "copy_file_range", FC_COPY },
	{ "sendfile", FC_SENDFILE },
	/*
	 * tee() is not here: it only ever moves data between two pipes,
	 * so it never touches a file and tracing it would cost stops only.
	 */
	{ "splice", FC_SPLICE },
	/*
	 * Only to end a thread's search before its exit is published: the
	 * failures it held then come before the exit, as they happened.
	 */
	{ "exit", FC_EXIT },
	{ "exit_group", FC_EXIT },
};

static const char *const file_syscalls[] = {
	"open",	    "openat", "openat2", "creat",      "read",
	"pread64",  "readv",  "preadv",	 "preadv2",    "write",
	"pwrite64", "writev", "pwritev", "pwritev2",   "copy_file_range",
	"sendfile", "splice", "exit",	 "exit_group", NULL
};

/* The flags and mode the call was made with. */
static void file_open_args(const struct cpd_syscall *sc, enum file_call call,
			   uint32_t *flags, uint32_t *mode)
{
	const struct cpd_open_how *how;

	*flags = 0;
	*mode = 0;
	switch (call) {
	case FC_OPEN:
		*flags = (uint32_t)sc->args[1];
		*mode = (uint32_t)sc->args[2];
		break;
	case FC_OPENAT:
		*flags = (uint32_t)sc->args[2];
		*mode = (uint32_t)sc->args[3];
		break;
	case FC_CREAT:
		*flags = O_CREAT | O_WRONLY | O_TRUNC;
		*mode = (uint32_t)sc->args[1];
		break;
	case FC_OPENAT2:
		how = report_arg_open_how(sc, 2);
		if (how) {
			*flags = (uint32_t)how->flags;
			*mode = (uint32_t)how->mode;
		} else if (sc->retval.fd) {
			*flags = sc->retval.fd->open_flags;
		}
		break;
	default:
		break;
	}
	/* the mode is ignored, and often garbage, unless a file is made */
	if (!(*flags & O_CREAT) && (*flags & O_TMPFILE) != O_TMPFILE)
		*mode = 0;
}

/*
 * The path argument, made absolute with the directory fd's path when the
 * core knows it. Relative to the cwd it stays relative: we do not know it.
 */
static struct cpd_str file_arg_path(const struct cpd_syscall *sc,
				    enum file_call call, char *buf, size_t size)
{
	bool at = call == FC_OPENAT || call == FC_OPENAT2;
	const struct cpd_arg *a = report_arg(sc, at ? 1 : 0);
	const struct cpd_fdinfo *dir;
	struct cpd_str s = { NULL, 0, 0 };

	if (!a || a->kind != CPD_ARG_PATH || !a->str.ptr)
		return s;
	s = a->str;
	if (!at || (s.len && s.ptr[0] == '/'))
		return s;
	/*
	 * A directory opened without O_DIRECTORY is known as a file; the
	 * path is what matters (a real file here fails with ENOTDIR).
	 */
	dir = report_arg_fd(sc, 0);
	if (!dir || (dir->kind != CPD_FD_DIR && dir->kind != CPD_FD_FILE) ||
	    !dir->path.len || dir->path.ptr[0] != '/' ||
	    (size_t)dir->path.len + 1 + s.len + 1 > size)
		return s;
	memcpy(buf, dir->path.ptr, dir->path.len);
	buf[dir->path.len] = '/';
	memcpy(buf + dir->path.len + 1, s.ptr, s.len);
	return report_str(buf, (size_t)dir->path.len + 1 + s.len);
}

static void file_open(struct file *f, const struct cpd_event *ev,
		      enum file_call call)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	struct cpd_ev_file p;
	char joined[FILE_JOIN_MAX];
	struct cpd_str path;
	struct file_ent *e;
	uint32_t flags, mode, acc;
	bool hidden;

	file_open_args(sc, call, &flags, &mode);
	memset(&p, 0, sizeof(p));
	p.fd = -1;
	p.fd2 = -1;
	p.open_flags = flags;
	p.mode = mode;
	path = file_arg_path(sc, call, joined, sizeof(joined));

	if (sc->err) {
		hidden = noise_match(&f->noise, path.ptr, path.len);
		if (!hidden) {
			f->open_failures++;
			/* an unreadable path makes no useful row */
			e = path.ptr ? file_table_get(f, &f->failed, path.ptr,
						      path.len, sc->err) :
				       NULL;
			if (e)
				e->opens++;
		}
		p.op = CPD_FILE_OPEN_FAILED;
		p.err = sc->err;
		p.path = path;
		if (hidden)
			p.flags |= CPD_FILEF_HIDDEN;
		if (!search_errno(sc->err)) {
			/* not a search: what it ends was not one either */
			file_run_end(f, ev->tid, NULL, false);
		} else if (!hidden && !f->verbose) {
			struct cpd_event fev;

			file_build(&fev, ev, &p);
			if (file_run_hold(f, &fev))
				return;
		}
		file_publish(f, ev, &p);
		return;
	}
	if (sc->ret < 0) {
		file_run_end(f, ev->tid, NULL, false);
		return;
	}

	/* the core resolved the new fd through /proc: absolute and real */
	if (sc->retval.fd && sc->retval.fd->path.len)
		path = sc->retval.fd->path;
	acc = flags & O_ACCMODE;
	/* O_PATH opens give no access to the data */
	if (!(flags & O_PATH)) {
		if (acc == O_RDONLY || acc == O_RDWR)
			p.flags |= CPD_FILEF_READABLE;
		if (acc == O_WRONLY || acc == O_RDWR)
			p.flags |= CPD_FILEF_WRITABLE;
	}
	if (flags & O_CREAT)
		p.flags |= CPD_FILEF_CREATED;
	p.op = CPD_FILE_OPEN;
	p.fd = (int32_t)sc->ret;
	p.path = path;
	e = path.ptr ? file_table_get(f, &f->files, path.ptr, path.len, 0) :
		       NULL;
	hidden = e ? e->hidden : noise_match(&f->noise, path.ptr, path.len);
	if (e) {
		e->opens++;
		if (p.flags & CPD_FILEF_READABLE)
			e->opened_read = true;
		if (p.flags & CPD_FILEF_WRITABLE)
			e->opened_write = true;
	}
	if (hidden)
		p.flags |= CPD_FILEF_HIDDEN;
	/* the failures this open ends go first: they came first */
	file_run_end(f, ev->tid, &path, hidden);
	file_publish(f, ev, &p);
}

/* ---- data ----------------------------------------------------------- */

static bool file_is_file(const struct cpd_fdinfo *fd)
{
	return fd && fd->kind == CPD_FD_FILE;
}

/*
 * Count bytes read from (or written to) the file behind fd; returns
 * whether it is hidden.
 */
static bool file_count(struct file *f, const struct cpd_fdinfo *fd,
		       uint64_t bytes, uint32_t ops, bool write)
{
	struct file_ent *e = NULL;
	bool hidden;

	if (fd->path.ptr)
		e = file_table_get(f, &f->files, fd->path.ptr, fd->path.len, 0);
	hidden = e ? e->hidden :
		     noise_match(&f->noise, fd->path.ptr, fd->path.len);
	if (e && write) {
		e->written_bytes += bytes;
		e->writes += ops;
	} else if (e) {
		e->read_bytes += bytes;
		e->reads += ops;
	}
	if (write)
		*(hidden ? &f->hidden_written_bytes : &f->written_bytes) +=
			bytes;
	else
		*(hidden ? &f->hidden_read_bytes : &f->read_bytes) += bytes;
	return hidden;
}

static void file_io(struct file *f, const struct cpd_event *ev, bool write)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	struct cpd_ev_file p;

	if (sc->err || sc->ret <= 0 || !file_is_file(fd))
		return;
	memset(&p, 0, sizeof(p));
	p.op = write ? CPD_FILE_WRITE : CPD_FILE_READ;
	p.fd = (int32_t)sc->args[0];
	p.fd2 = -1;
	p.bytes = (uint64_t)sc->ret;
	/* a batch (CPD_SCF_BATCH) is many calls: ret is their bytes */
	p.count = (sc->flags & CPD_SCF_BATCH) && sc->count ? sc->count : 1;
	p.open_flags = fd->open_flags;
	p.path = fd->path;
	if (file_count(f, fd, p.bytes, p.count, write))
		p.flags |= CPD_FILEF_HIDDEN;
	file_publish(f, ev, &p);
}

/*
 * copy_file_range, sendfile and splice move data between two fds without
 * it passing through the program. Each file side counts as a read (the
 * source) or a write (the destination); sockets and pipes are left to
 * whoever owns them, so sendfile into a socket is a file read here and a
 * send for the net analyzer.
 */
static void file_transfer(struct file *f, const struct cpd_event *ev,
			  uint32_t op, unsigned in_idx, unsigned out_idx)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *in = report_arg_fd(sc, in_idx);
	const struct cpd_fdinfo *out = report_arg_fd(sc, out_idx);
	bool in_file = file_is_file(in), out_file = file_is_file(out);
	bool hidden = true;
	struct cpd_ev_file p;

	if (sc->err || sc->ret <= 0 || (!in_file && !out_file))
		return;
	memset(&p, 0, sizeof(p));
	p.op = op;
	p.bytes = (uint64_t)sc->ret;
	p.fd = (int32_t)sc->args[in_idx];
	p.fd2 = (int32_t)sc->args[out_idx];
	if (in_file) {
		p.path = in->path;
		p.open_flags = in->open_flags;
		hidden = file_count(f, in, p.bytes, 1, false);
	}
	if (out_file) {
		p.path2 = out->path;
		hidden = file_count(f, out, p.bytes, 1, true) && hidden;
	}
	if (out && out->kind == CPD_FD_SOCKET)
		p.flags |= CPD_FILEF_TO_NETWORK;
	/* hidden only when every file it touched is */
	if (hidden)
		p.flags |= CPD_FILEF_HIDDEN;
	file_publish(f, ev, &p);
}

static bool file_call_opens(enum file_call call)
{
	return call == FC_OPEN || call == FC_OPENAT || call == FC_OPENAT2 ||
	       call == FC_CREAT;
}

static const char *file_call_name(size_t i)
{
	return file_calls[i].name;
}

/* Whether ev is an exit or exit_group of ours: they never complete. */
static bool file_exits(struct file *f, const struct cpd_event *ev)
{
	int i;

	if (ev->kind != CPD_EV_SYSCALL || !ev->u.syscall.name.ptr)
		return false;
	i = callmap_find(&f->calls, &ev->u.syscall);
	return i >= 0 && file_calls[i].call == FC_EXIT;
}

/* A thread that exits or execs ends its search, found or not. */
static void file_proc(struct file *f, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;

	if (p->op == CPD_PROC_EXIT || p->op == CPD_PROC_DETACH) {
		file_run_end(f, ev->tid, NULL, false);
	} else if (p->op == CPD_PROC_EXEC) {
		file_run_end(f, ev->tid, NULL, false);
		if (p->old_tid && p->old_tid != ev->tid)
			file_run_end(f, p->old_tid, NULL, false);
	}
}

static int file_on_event(void *state, const struct cpd_event *ev)
{
	struct file *f = state;
	int i;

	if (ev->kind == CPD_EV_PROC && search_holding(&f->runs)) {
		file_proc(f, ev);
		return 0;
	}
	/* exit and exit_group never complete: they end a run all the same */
	if (search_holding(&f->runs) && file_exits(f, ev)) {
		file_run_end(f, ev->tid, NULL, false);
		return 0;
	}
	i = callmap_find_completed(&f->calls, ev);
	if (i < 0)
		return 0;
	/* a thread that moved on to other work has ended its search */
	if (search_holding(&f->runs) && !file_call_opens(file_calls[i].call))
		file_run_end(f, ev->tid, NULL, false);
	switch (file_calls[i].call) {
	case FC_OPEN:
	case FC_OPENAT:
	case FC_OPENAT2:
	case FC_CREAT:
		file_open(f, ev, file_calls[i].call);
		break;
	case FC_READ:
		file_io(f, ev, false);
		break;
	case FC_WRITE:
		file_io(f, ev, true);
		break;
	case FC_COPY:
		/* copy_file_range(fd_in, off_in, fd_out, ...) */
		file_transfer(f, ev, CPD_FILE_COPY, 0, 2);
		break;
	case FC_SENDFILE:
		/* sendfile(out_fd, in_fd, offset, count) */
		file_transfer(f, ev, CPD_FILE_SENDFILE, 1, 0);
		break;
	case FC_SPLICE:
		/* splice(fd_in, off_in, fd_out, off_out, ...) */
		file_transfer(f, ev, CPD_FILE_SPLICE, 0, 2);
		break;
	case FC_EXIT:
		break;
	}
	return 0;
}

/* ---- reports -------------------------------------------------------- */

/* Byte order, then the shorter first: paths are bytes, not text. */
static int file_ent_cmp(const void *a, const void *b)
{
	const struct file_ent *x = *(const struct file_ent *const *)a;
	const struct file_ent *y = *(const struct file_ent *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->path, y->path, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return (x->err > y->err) - (x->err < y->err);
}

/* The visible entries of t, sorted; *n set. NULL with *n = 0 if none. */
static struct file_ent **file_sorted(const struct file_table *t, size_t *n)
{
	struct file_ent **v, *e;
	size_t i, k = 0;

	*n = 0;
	if (!t->n)
		return NULL;
	v = calloc(t->n, sizeof(*v));
	if (!v)
		return NULL;
	for (i = 0; i < t->nbuckets; i++)
		for (e = t->buckets[i]; e; e = e->next)
			if (!e->hidden)
				v[k++] = e;
	qsort(v, k, sizeof(*v), file_ent_cmp);
	*n = k;
	return v;
}

/* What file_stop() publishes; outputs lay it out from this alone. */
static const struct cpd_report_key file_total_keys[] = {
	REPORT_KEY("read_bytes", "Files read", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, "I/O",
		   "bytes read from files the noise filter kept"),
	REPORT_KEY("files_read", "files", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O",
		   "how many files they were read from"),
	REPORT_KEY("written_bytes", "Files written", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_ALIGN, "I/O",
		   "bytes written to files the noise filter kept"),
	REPORT_KEY("files_written", "files", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O",
		   "how many files they were written to"),
	REPORT_KEY("opened_read", "Opened for read", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		   "files opened for reading (each path once)"),
	REPORT_KEY("opened_write", "Opened for write", CPD_KV_U64,
		   CPD_UNIT_COUNT, CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		   "files opened for writing (each path once)"),
	REPORT_KEY("open_failures", "Failed opens", CPD_KV_U64, CPD_UNIT_COUNT,
		   0, NULL, "opens that failed"),
	REPORT_KEY("hidden_read_bytes", "Library and system files read",
		   CPD_KV_U64, CPD_UNIT_BYTES, 0, NULL,
		   "bytes read from files the noise filter hides"),
	REPORT_KEY("hidden_written_bytes", "Library and system files written",
		   CPD_KV_U64, CPD_UNIT_BYTES, 0, NULL,
		   "bytes written to files the noise filter hides"),
};

static const struct cpd_report_key file_files_keys[] = {
	REPORT_KEY("path", "Path", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the file, absolute when it could be resolved"),
	REPORT_KEY("read_bytes", "Read", CPD_KV_U64, CPD_UNIT_BYTES, 0, NULL,
		   "bytes read from it"),
	REPORT_KEY("written_bytes", "Written", CPD_KV_U64, CPD_UNIT_BYTES, 0,
		   NULL, "bytes written to it"),
	REPORT_KEY("reads", "Reads", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "read operations on it"),
	REPORT_KEY("writes", "Writes", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "write operations on it"),
	REPORT_KEY("opens", "Opens", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "times it was opened"),
};

static const struct cpd_report_key file_failed_keys[] = {
	REPORT_KEY("path", "Path", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the file that could not be opened"),
	REPORT_KEY("error", "Error", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "why: the errno name (ENOENT)"),
	REPORT_KEY("count", "Count", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "failed opens of it with that error"),
};

/* What file_interval() publishes every --interval period. */
static const struct cpd_report_key file_period_keys[] = {
	REPORT_KEY("read_bytes", "Read", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL,
		   "bytes read from files in the period"),
	REPORT_KEY("read_bytes_total", "so far", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "bytes read from files since tracing began"),
	REPORT_KEY("written_bytes", "Written", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL,
		   "bytes written to files in the period"),
	REPORT_KEY("written_bytes_total", "so far", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "bytes written to files since tracing began"),
	REPORT_KEY("open_failures", "Failed opens", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY, NULL, "opens that failed in the period"),
	REPORT_KEY("open_failures_total", "so far", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL, NULL,
		   "opens that failed since tracing began"),
};

static const struct cpd_report_key file_top_read_keys[] = {
	REPORT_KEY("path", "Path", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the file"),
	REPORT_KEY("read_bytes", "Read", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SORT, NULL, "bytes read from it"),
};

static const struct cpd_report_key file_top_written_keys[] = {
	REPORT_KEY("path", "Path", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the file"),
	REPORT_KEY("written_bytes", "Written", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SORT, NULL, "bytes written to it"),
};

/* Rows of the top tables: the summary's list under I/O. */
#define FILE_TOP 5

enum {
	FILE_REP_TOTALS,
	FILE_REP_FILES,
	FILE_REP_FAILED,
	FILE_REP_TOP_READ,
	FILE_REP_TOP_WRITTEN,
	FILE_REP_PERIOD
};

static const struct cpd_report_desc file_reports[] = {
	[FILE_REP_TOTALS] = { .topic = "file",
			      .title = "Files",
			      .flags = CPD_RDF_SUMMARY,
			      .order = 20,
			      .keys = file_total_keys,
			      .nkeys = REPORT_NKEYS(file_total_keys),
			      .help = "bytes and opens over every file" },
	[FILE_REP_FILES] = { .topic = "file.files",
			     .title = "Files",
			     .flags = CPD_RDF_TABLE,
			     .order = 21,
			     .keys = file_files_keys,
			     .nkeys = REPORT_NKEYS(file_files_keys),
			     .help = "one row per file the noise filter kept, by path" },
	/* the findings say which failed opens matter, first */
	[FILE_REP_FAILED] = { .topic = "file.failed",
			      .title = "Failed opens",
			      .flags = CPD_RDF_TABLE,
			      .order = 22,
			      .keys = file_failed_keys,
			      .nkeys = REPORT_NKEYS(file_failed_keys),
			      .summary_row = "{path} ({error}, {count}×)",
			      .help = "files that could not be opened, by path and error" },
	[FILE_REP_TOP_READ] = { .topic = "file.top_read",
				.title = "Most read",
				.flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
				.order = 20,
				.keys = file_top_read_keys,
				.nkeys = REPORT_NKEYS(file_top_read_keys),
				.summary_rows = FILE_TOP,
				.summary_row = "{read_bytes}  {path}",
				.help = "the files the most bytes were read from, largest first" },
	[FILE_REP_TOP_WRITTEN] = { .topic = "file.top_written",
				   .title = "Most written",
				   .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
				   .order = 20,
				   .keys = file_top_written_keys,
				   .nkeys = REPORT_NKEYS(file_top_written_keys),
				   .summary_rows = FILE_TOP,
				   .summary_row = "{written_bytes}  {path}",
				   .help = "the files the most bytes were written to, largest first" },
	[FILE_REP_PERIOD] = { .topic = "file.interval",
			      .title = "Files in the period",
			      .flags = CPD_RDF_SUMMARY,
			      .order = 20,
			      .keys = file_period_keys,
			      .nkeys = REPORT_NKEYS(file_period_keys),
			      .help = "every --interval period: bytes read and written and failed opens, with the totals so far" },
	CPD_REPORT_END
};

/* The byte count a top table sorts by. */
static uint64_t file_top_bytes(const struct file_ent *e, bool written)
{
	return written ? e->written_bytes : e->read_bytes;
}

/*
 * The FILE_TOP files of v with the most bytes read (or written), largest
 * first, in top; how many of v moved any.
 */
static size_t file_top(struct file_ent *const *v, size_t n, bool written,
		       const struct file_ent **top, size_t *ntop)
{
	size_t i, j, moved = 0;

	*ntop = 0;
	for (i = 0; i < n; i++) {
		uint64_t b = file_top_bytes(v[i], written);

		if (!b)
			continue;
		moved++;
		if (*ntop == FILE_TOP &&
		    b <= file_top_bytes(top[FILE_TOP - 1], written))
			continue;
		if (*ntop < FILE_TOP)
			(*ntop)++;
		for (j = *ntop - 1;
		     j > 0 && file_top_bytes(top[j - 1], written) < b; j--)
			top[j] = top[j - 1];
		top[j] = v[i];
	}
	return moved;
}

static void file_publish_top(struct file *f, struct file_ent *const *v,
			     size_t n, bool written)
{
	const struct file_ent *top[FILE_TOP];
	struct cpd_kv kv[2];
	size_t ntop, i;

	file_top(v, n, written, top, &ntop);
	for (i = 0; i < ntop; i++) {
		kv[0] = report_val_text("path", top[i]->path, top[i]->len);
		kv[1] = report_val_u64(written ? "written_bytes" : "read_bytes",
				       file_top_bytes(top[i], written));
		report_publish_desc(
			f->host, f->inst,
			&file_reports[written ? FILE_REP_TOP_WRITTEN :
						FILE_REP_TOP_READ],
			kv, 2);
	}
}

static int file_interval(void *state, const struct cpd_interval *iv)
{
	struct file *f = state;

	f->iv[0].key = "read_bytes";
	f->iv[0].now = f->read_bytes;
	f->iv[1].key = "written_bytes";
	f->iv[1].now = f->written_bytes;
	f->iv[2].key = "open_failures";
	f->iv[2].now = f->open_failures;
	return report_counters(f->host, f->inst, iv,
			       &file_reports[FILE_REP_PERIOD], f->iv, 3);
}

static int file_stop(void *state)
{
	struct file *f = state;
	uint64_t opened_read = 0, opened_write = 0;
	const struct file_ent *top[FILE_TOP];
	size_t files_read, files_written, ntop;
	struct file_ent **v;
	struct cpd_kv kv[9];
	size_t n, i;

	search_end_all(&f->runs);
	if (f->unlisted)
		report_lost(
			f->host, f->inst, CPD_EV_REPORT, f->unlisted,
			"per-file table full: operations on paths past its cap are in the totals only");
	v = file_sorted(&f->files, &n);
	for (i = 0; i < n; i++) {
		opened_read += v[i]->opened_read;
		opened_write += v[i]->opened_write;
	}
	files_read = file_top(v, n, false, top, &ntop);
	files_written = file_top(v, n, true, top, &ntop);
	kv[0] = report_val_u64("read_bytes", f->read_bytes);
	kv[1] = report_val_u64("files_read", files_read);
	kv[2] = report_val_u64("written_bytes", f->written_bytes);
	kv[3] = report_val_u64("files_written", files_written);
	kv[4] = report_val_u64("opened_read", opened_read);
	kv[5] = report_val_u64("opened_write", opened_write);
	kv[6] = report_val_u64("open_failures", f->open_failures);
	kv[7] = report_val_u64("hidden_read_bytes", f->hidden_read_bytes);
	kv[8] = report_val_u64("hidden_written_bytes", f->hidden_written_bytes);
	report_publish_desc(f->host, f->inst, &file_reports[FILE_REP_TOTALS],
			    kv, 9);
	file_publish_top(f, v, n, false);
	file_publish_top(f, v, n, true);

	for (i = 0; i < n; i++) {
		const struct file_ent *e = v[i];

		kv[0] = report_val_text("path", e->path, e->len);
		kv[1] = report_val_u64("read_bytes", e->read_bytes);
		kv[2] = report_val_u64("written_bytes", e->written_bytes);
		kv[3] = report_val_u64("reads", e->reads);
		kv[4] = report_val_u64("writes", e->writes);
		kv[5] = report_val_u64("opens", e->opens);
		report_publish_desc(f->host, f->inst,
				    &file_reports[FILE_REP_FILES], kv, 6);
	}
	free(v);

	v = file_sorted(&f->failed, &n);
	for (i = 0; i < n; i++) {
		const struct file_ent *e = v[i];
		const char *name = f->host->errno_name(e->err);
		char num[32];

		if (!name) {
			snprintf(num, sizeof(num), "E%d", e->err);
			name = num;
		}
		kv[0] = report_val_text("path", e->path, e->len);
		kv[1] = report_val_text("error", name, strlen(name));
		kv[2] = report_val_u64("count", e->opens);
		report_publish_desc(f->host, f->inst,
				    &file_reports[FILE_REP_FAILED], kv, 3);
	}
	free(v);
	return 0;
}

/* ---- lifecycle ------------------------------------------------------ */

static int file_start(void *state)
{
	struct file *f = state;

	f->verbose = f->host->run_info(f->inst)->verbose > 0;
	return 0;
}

/* What the options do not say, and the filter they configure. */
static int file_setup(void *state)
{
	struct file *f = state;
	int rc;

	callmap_init(&f->calls, file_call_name,
		     sizeof(file_calls) / sizeof(file_calls[0]));
	rc = noise_init(&f->noise, f->noise_filter, f->hide);
	if (rc < 0)
		return rc;
	f->seed = hash_seed(f);
	search_runs_init(&f->runs, sizeof(struct file_held), file_run_release,
			 f);
	return 0;
}

static void file_release(void *state)
{
	struct file *f = state;

	search_runs_free(&f->runs);
	noise_free(&f->noise);
	file_table_free(&f->files);
	file_table_free(&f->failed);
}

static const struct instance_type file_type =
	INSTANCE_TYPE(struct file, file_setup, file_release);

static int file_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	return instance_init(&file_type, inst, host, statep);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "file", .version = "1.0",
		.description =
			"file opens (and failed ones), reads, writes and copies, with bytes per file",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC),
		.syscall_classes = 0, .syscalls = file_syscalls,
		.publishes = CPD_EVMASK(CPD_EV_FILE) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_BATCH,
		.options = file_options, .init = file_init, .start = file_start,
		.on_event = file_on_event, .stop = file_stop,
		.fini = instance_fini, .reports = file_reports,
		.interval = file_interval, );
