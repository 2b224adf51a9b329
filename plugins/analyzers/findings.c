// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: answers drawn from the other analyzers' events. It reads no
 * syscall of its own (with -v it looks at some, see below): the file and
 * net analyzers' events and the core's process events are enough to say
 * what went wrong, and it publishes that as CPD_EV_FINDING events (and a
 * "findings" report with their counts) that every output renders.
 *
 * Each rule has a stable id (users silence it with "ignore = id", tools
 * match on it), a severity, a help line, and small functions: one fed
 * the events it looks at, one run when tracing ends.
 *
 *   probe           a run of failed opens that found what it looked for
 *                   (lib/search.h): one search, not N failures (info)
 *   failed-open     a failed open no later open of the path explains,
 *                   grouped by path and error (warning)
 *   exit, signal    a process that exited non-zero or died of a signal.
 *                   A failure that made its parent fail the same way is
 *                   one finding, named by the outermost process below the
 *                   command (make -> cc -> cc1: "cc -c bad.c exited with
 *                   status 1"); the command's own failure is the summary's
 *                   exit line. Error when it made the command fail (or
 *                   dumped core), notice when something went on.
 *   repeat          one process opening one file again and again (notice)
 *   tiny-io         many reads or writes of a few bytes on average on one
 *                   file or socket (notice)
 *   connect-failed  connects refused, unreachable, timed out, non-blocking
 *                   ones included, per endpoint and error (warning; notice
 *                   when the process then connected to the same port)
 *   incomplete      the trace is not whole: lost events, events the bus
 *                   refused, tasks detached from, a full table (ours
 *                   included)
 *
 * Which failed opens were probes the file analyzer decides and flags
 * (CPD_FILEF_PROBE) without -v. With -v it holds nothing back, and this
 * analyzer applies the same rule (lib/search.c) to the same events: the
 * file events, and the syscalls that end a run (a CPD_PF_SYSCALL_VERBOSE
 * subscription, which costs nothing without -v).
 *
 * Every table is bounded: processes, paths, endpoints, files per process.
 * Past a bound what is not kept is counted, the findings it touches say
 * CPD_FINDF_PARTIAL, and an "incomplete" finding says which bound it was.
 * Nothing is hidden by a finding: the events stay as they were.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <compendium/compendium.h>

#include "lib/format.h"
#include "lib/hash.h"
#include "lib/report.h"
#include "lib/search.h"

/* Processes remembered: enough for a large build. */
#define FINDINGS_MAX_PROCS (1u << 16)
/* Failed-open paths and failed endpoints, each. */
#define FINDINGS_MAX_GROUPS 4096
/* (process, file or socket) pairs whose opens and I/O are counted. */
#define FINDINGS_MAX_OBJECTS (1u << 16)
/* Failed processes whose command line and failures are kept. */
#define FINDINGS_MAX_DETAILED 4096
/* Pids a finding lists; the count says how many there were. */
#define FINDINGS_PIDS 8
/* Last failures kept per process, and searches shown per process. */
#define FINDINGS_LAST 3
/* Bytes of a command line kept, of a failure's text, of a title. */
#define FINDINGS_CMD_MAX    240
#define FINDINGS_TEXT_MAX   160
#define FINDINGS_TITLE_MAX  512
#define FINDINGS_DETAIL_MAX 2048
/* Lost-event kinds and reasons told apart. */
#define FINDINGS_LOST_MAX 16

enum findings_rule_id {
	R_PROBE,
	R_FAILED_OPEN,
	R_EXIT,
	R_SIGNAL,
	R_REPEAT,
	R_TINY_IO,
	R_CONNECT_FAILED,
	R_INCOMPLETE,
	R_COUNT,
};

/* ---- small tables ------------------------------------------------------- */

/* The head of an entry of a chained table, keyed by bytes. */
struct fhead {
	struct fhead *next;
	uint32_t hash;
	uint32_t keylen;
	const char *key;
};

struct ftab {
	struct fhead **b;
	size_t nb, n;
};

/* A failed-open path or a failed endpoint, with one error. */
struct fgroup {
	struct fhead h;
	int err;
	bool explained; /* the path opened, or the port connected, later */
	bool async;	/* a non-blocking connect */
	uint16_t port;
	uint64_t count;
	uint64_t first_ns, last_ns, first_seq;
	int32_t pids[FINDINGS_PIDS];
	uint32_t npids;
	char comm[16];
	char key[]; /* the path or the endpoint */
};

/* Opens and I/O of one process on one file or socket. */
struct fobj {
	struct fhead h;
	struct fobj *proc_next; /* the process's list */
	bool socket;
	uint64_t opens, reads, read_bytes, writes, written_bytes;
	uint64_t first_ns, last_ns, first_seq;
	char key[]; /* pid (4 bytes), then the path or the endpoint */
};

/* One process (thread group) as its events told it. */
struct fproc {
	int32_t pid;
	int32_t parent; /* index of its parent's record, -1 */
	uint32_t flags; /* FP_* */
	int32_t exit_code;
	int32_t signal;
	uint64_t start_ns, end_ns, exit_seq;
	char comm[16];
	char *cmd;		    /* argv joined; freed at a clean exit */
	char *last[FINDINGS_LAST];  /* its last failures, oldest first */
	char *found[FINDINGS_LAST]; /* its first searches */
	uint64_t searches, probes;
	struct fobj *objs;
};

#define FP_ROOT	       (1u << 0) /* the command, or an attached process */
#define FP_EXITED      (1u << 1)
#define FP_CORE	       (1u << 2)
#define FP_EXEC	       (1u << 3) /* it exec'd in the trace */
#define FP_FAILED_KID  (1u << 4) /* a child of it failed */
#define FP_REPORTED    (1u << 5) /* a finding names or covers it */
#define FP_DETACHED    (1u << 6)
#define FP_NO_DETAILS  (1u << 7) /* past FINDINGS_MAX_DETAILED */
#define FP_PARTIAL_IDS (1u << 8) /* its parent was not recorded */

/* A failed open held with -v until its thread's run ends. */
struct fheld {
	int32_t pid;
	int err;
	uint64_t ts, seq;
	char comm[16];
	char *path; /* owned */
	uint32_t len;
};

/* Probes the file analyzer flagged, waiting for the open they lead to. */
struct fpending {
	int32_t tid;
	uint32_t probes;
};

struct flost {
	uint32_t kind;
	char reason[64];
	uint64_t count;
};

struct findings {
	/* options, written by host->apply_options */
	const char *const *ignore;
	uint64_t repeat_opens;
	uint64_t tiny_io_ops;
	uint64_t tiny_io_bytes;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	const struct cpd_run_info *run;
	bool verbose;
	uint32_t seed;
	bool off[R_COUNT]; /* ignored rules */

	/* processes, and by pid the newest record of each */
	struct fproc *procs;
	size_t nprocs, capprocs;
	int32_t *pidmap; /* open addressing, -1 empty */
	size_t npidmap;
	size_t detailed;

	struct ftab failed;   /* struct fgroup, failed opens */
	struct ftab connects; /* struct fgroup, failed connects */
	struct ftab objects;  /* struct fobj */

	/* with -v: runs of failed opens, as lib/search.h decides them */
	struct search_runs runs;
	bool found_hidden;
	const struct cpd_event *ending; /* the open that ends a run */
	uint32_t ended_probes;
	/* without -v: flagged probes per thread */
	struct fpending pending[SEARCH_RUNS_MAX];
	uint32_t npending;

	struct flost lost[FINDINGS_LOST_MAX];
	uint32_t nlost;
	uint64_t lost_other; /* past FINDINGS_LOST_MAX reasons */
	uint64_t detached;

	/* what did not fit */
	uint64_t procs_dropped, groups_dropped, objects_dropped;

	uint64_t published[CPD_SEV_ERROR + 1];
};

/* The rules' ids: ABI for users and tools, in enum findings_rule_id order. */
static const char *const findings_rule_ids[R_COUNT + 1] = {
	[R_PROBE] = "probe",
	[R_FAILED_OPEN] = "failed-open",
	[R_EXIT] = "exit",
	[R_SIGNAL] = "signal",
	[R_REPEAT] = "repeat",
	[R_TINY_IO] = "tiny-io",
	[R_CONNECT_FAILED] = "connect-failed",
	[R_INCOMPLETE] = "incomplete",
	[R_COUNT] = NULL,
};

static const struct cpd_option findings_options[] = {
	{ .name = "ignore",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct findings, ignore),
	  .choices = findings_rule_ids,
	  .help = "rules to silence: probe, failed-open, exit, signal, repeat, tiny-io, connect-failed, incomplete" },
	{ .name = "repeat_opens",
	  .type = CPD_OPT_UINT,
	  .def = "10",
	  .offset = offsetof(struct findings, repeat_opens),
	  .min = 2,
	  .max = 1000000000,
	  .help = "repeat: opens of one file by one process worth a finding" },
	{ .name = "tiny_io_ops",
	  .type = CPD_OPT_UINT,
	  .def = "1000",
	  .offset = offsetof(struct findings, tiny_io_ops),
	  .min = 2,
	  .max = 1000000000,
	  .help = "tiny-io: reads (or writes) of one file or socket by one process worth a look" },
	{ .name = "tiny_io_bytes",
	  .type = CPD_OPT_SIZE,
	  .def = "16",
	  .offset = offsetof(struct findings, tiny_io_bytes),
	  .min = 1,
	  .max = 1048576,
	  .help = "tiny-io: the average size at or below which they are tiny" },
	CPD_OPTION_END
};

/* ---- text ----------------------------------------------------------------- */

/* A string being built, cut (never overrun) at its size. */
struct fbuf {
	char *p;
	size_t len, size;
};

static void fb_put(struct fbuf *b, const char *s, size_t n)
{
	if (!s || b->len + 1 >= b->size)
		return;
	if (n > b->size - 1 - b->len)
		n = b->size - 1 - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void fb_printf(struct fbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fb_printf(struct fbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len + 1 >= b->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < b->size - b->len ? (size_t)n :
							 b->size - b->len - 1;
}

static struct cpd_str findings_str(const char *s, size_t len)
{
	struct cpd_str str = { s, s ? (uint32_t)len : 0, 0 };

	return str;
}

static const char *findings_errno(const struct findings *f, int err, char *buf,
				  size_t size)
{
	const char *name = f->host->errno_name(err);

	if (name)
		return name;
	snprintf(buf, size, "E%d", err);
	return buf;
}

/* A byte count without the padding of format_bytes(). */
static const char *findings_bytes(uint64_t v, char *buf, size_t size)
{
	char tmp[FORMAT_BYTES_MAX];
	const char *p = tmp;

	format_bytes(v, tmp, sizeof(tmp));
	while (*p == ' ')
		p++;
	snprintf(buf, size, "%s", p);
	return buf;
}

/* ---- tables ----------------------------------------------------------------- */

static struct fhead *ftab_find(const struct ftab *t, uint32_t hash,
			       const char *key, size_t len)
{
	struct fhead *h;

	if (!t->nb)
		return NULL;
	for (h = t->b[hash & (t->nb - 1)]; h; h = h->next)
		if (h->hash == hash && h->keylen == len &&
		    !memcmp(h->key, key, len))
			return h;
	return NULL;
}

static int ftab_insert(struct ftab *t, struct fhead *h)
{
	if (t->n >= t->nb) {
		size_t nb = t->nb ? 2 * t->nb : 64, i;
		struct fhead **b = calloc(nb, sizeof(*b));

		if (!b)
			return -ENOMEM;
		for (i = 0; i < t->nb; i++) {
			struct fhead *e = t->b[i], *next;

			for (; e; e = next) {
				next = e->next;
				e->next = b[e->hash & (nb - 1)];
				b[e->hash & (nb - 1)] = e;
			}
		}
		free(t->b);
		t->b = b;
		t->nb = nb;
	}
	h->next = t->b[h->hash & (t->nb - 1)];
	t->b[h->hash & (t->nb - 1)] = h;
	t->n++;
	return 0;
}

static void ftab_remove(struct ftab *t, struct fhead *h)
{
	struct fhead **pp = &t->b[h->hash & (t->nb - 1)];

	for (; *pp; pp = &(*pp)->next)
		if (*pp == h) {
			*pp = h->next;
			t->n--;
			return;
		}
}

static void ftab_free(struct ftab *t)
{
	size_t i;

	for (i = 0; i < t->nb; i++) {
		struct fhead *e = t->b[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e);
		}
	}
	free(t->b);
	memset(t, 0, sizeof(*t));
}

/* Every entry of t, in a stable order (by first time seen); *n set. */
static int findings_group_cmp(const void *a, const void *b)
{
	const struct fgroup *x = *(const struct fgroup *const *)a;
	const struct fgroup *y = *(const struct fgroup *const *)b;

	return (x->first_seq > y->first_seq) - (x->first_seq < y->first_seq);
}

static struct fgroup **ftab_groups(const struct ftab *t, size_t *n)
{
	struct fgroup **v;
	size_t i, k = 0;

	*n = 0;
	if (!t->n)
		return NULL;
	v = calloc(t->n, sizeof(*v));
	if (!v)
		return NULL;
	for (i = 0; i < t->nb; i++) {
		struct fhead *e;

		for (e = t->b[i]; e; e = e->next)
			v[k++] = (struct fgroup *)(void *)e;
	}
	qsort(v, k, sizeof(*v), findings_group_cmp);
	*n = k;
	return v;
}

/* ---- processes ---------------------------------------------------------- */

static size_t findings_pid_slot(const struct findings *f, int32_t pid)
{
	return (size_t)hash_bytes(f->seed, &pid, sizeof(pid)) &
	       (f->npidmap - 1);
}

static struct fproc *findings_proc(struct findings *f, int32_t pid)
{
	size_t i;

	if (!f->npidmap || pid <= 0)
		return NULL;
	for (i = findings_pid_slot(f, pid); f->pidmap[i] >= 0;
	     i = (i + 1) & (f->npidmap - 1))
		if (f->procs[f->pidmap[i]].pid == pid)
			return &f->procs[f->pidmap[i]];
	return NULL;
}

static int findings_pidmap_put(struct findings *f, int32_t pid, int32_t idx)
{
	size_t i;

	if ((f->nprocs + 1) * 2 > f->npidmap) {
		size_t n = f->npidmap ? 2 * f->npidmap : 256, k;
		int32_t *m = malloc(n * sizeof(*m)), *old = f->pidmap;
		size_t oldn = f->npidmap;

		if (!m)
			return -ENOMEM;
		for (k = 0; k < n; k++)
			m[k] = -1;
		f->pidmap = m;
		f->npidmap = n;
		/* the newest of each pid, as the old map had it */
		for (k = 0; k < oldn; k++)
			if (old[k] >= 0)
				findings_pidmap_put(f, f->procs[old[k]].pid,
						    old[k]);
		free(old);
	}
	for (i = findings_pid_slot(f, pid); f->pidmap[i] >= 0;
	     i = (i + 1) & (f->npidmap - 1))
		if (f->procs[f->pidmap[i]].pid == pid)
			break;
	f->pidmap[i] = idx;
	return 0;
}

/* A record for a process that starts now; NULL past the bound. */
static struct fproc *findings_proc_new(struct findings *f, int32_t pid,
				       int32_t ppid, uint64_t ts)
{
	struct fproc *parent = findings_proc(f, ppid), *p;

	if (f->nprocs >= FINDINGS_MAX_PROCS) {
		f->procs_dropped++;
		return NULL;
	}
	if (f->nprocs == f->capprocs) {
		size_t cap = f->capprocs ? 2 * f->capprocs : 64;
		struct fproc *v = realloc(f->procs, cap * sizeof(*v));

		if (!v)
			return NULL;
		f->procs = v;
		f->capprocs = cap;
	}
	p = &f->procs[f->nprocs];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->parent = parent ? (int32_t)(parent - f->procs) : -1;
	p->exit_code = -1;
	p->start_ns = ts;
	if (parent)
		memcpy(p->comm, parent->comm, sizeof(p->comm));
	if (findings_pidmap_put(f, pid, (int32_t)f->nprocs) < 0)
		return NULL;
	f->nprocs++;
	return p;
}

static struct fproc *findings_proc_get(struct findings *f,
				       const struct cpd_event *ev)
{
	struct fproc *p = findings_proc(f, ev->pid);

	if (!p && ev->pid > 0) {
		p = findings_proc_new(f, ev->pid, 0, ev->ts_ns);
		if (p)
			p->flags |= FP_PARTIAL_IDS;
	}
	if (p && ev->comm.ptr && ev->comm.len && !(p->flags & FP_EXEC)) {
		size_t n = ev->comm.len < sizeof(p->comm) - 1 ?
				   ev->comm.len :
				   sizeof(p->comm) - 1;

		memcpy(p->comm, ev->comm.ptr, n);
		p->comm[n] = '\0';
	}
	return p;
}

static void findings_proc_forget(struct fproc *p)
{
	size_t i;

	free(p->cmd);
	p->cmd = NULL;
	for (i = 0; i < FINDINGS_LAST; i++) {
		free(p->last[i]);
		free(p->found[i]);
		p->last[i] = NULL;
		p->found[i] = NULL;
	}
}

/* Remember a line (a failure, a search) in a process's slots. */
static void findings_note(char **slots, bool newest, const char *text,
			  size_t len)
{
	char *copy = strndup(text, len);
	size_t i;

	if (!copy)
		return;
	for (i = 0; i < FINDINGS_LAST && slots[i]; i++)
		;
	if (i < FINDINGS_LAST) {
		slots[i] = copy;
		return;
	}
	if (!newest) {
		free(copy);
		return;
	}
	free(slots[0]);
	memmove(slots, slots + 1, (FINDINGS_LAST - 1) * sizeof(*slots));
	slots[FINDINGS_LAST - 1] = copy;
}

/* argv (NUL-separated) as one line, cut at FINDINGS_CMD_MAX. */
static char *findings_cmdline(const struct cpd_str *argv, const char *comm)
{
	char buf[FINDINGS_CMD_MAX + 8];
	struct fbuf b = { buf, 0, FINDINGS_CMD_MAX };
	size_t i;

	buf[0] = '\0';
	if (argv->ptr && argv->len) {
		for (i = 0; i < argv->len; i++) {
			char ch = argv->ptr[i] ? argv->ptr[i] : ' ';

			fb_put(&b, &ch, 1);
		}
		while (b.len && buf[b.len - 1] == ' ')
			buf[--b.len] = '\0';
		if (argv->len >= FINDINGS_CMD_MAX ||
		    (argv->flags & CPD_STR_TRUNCATED))
			memcpy(buf + b.len, "...", 4);
	} else {
		fb_put(&b, comm, strlen(comm));
	}
	return strdup(buf);
}

/* ---- publishing ------------------------------------------------------------- */

/* pids as the NUL-separated decimal list a finding carries. */
static size_t findings_pid_list(const int32_t *pids, uint32_t n, char *buf,
				size_t size)
{
	struct fbuf b = { buf, 0, size };
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		fb_printf(&b, "%" PRId32, pids[i]);
		fb_put(&b, "\0", 1);
	}
	/* the list ends at its last entry's NUL, which is not part of it */
	return b.len ? b.len - 1 : 0;
}

struct findings_out {
	enum findings_rule_id rule;
	uint32_t severity;
	uint32_t flags;
	struct fbuf *title;
	struct fbuf *details;
	const int32_t *pids;
	uint32_t npids;
	const char *paths; /* NUL-separated, paths_len bytes */
	size_t paths_len;
	uint64_t count, first_ns, last_ns, cause_seq;
	int32_t pid;
	const char *comm;
};

static void findings_publish(struct findings *f, const struct findings_out *o)
{
	struct cpd_event ev;
	struct timespec ts;
	char pids[FINDINGS_PIDS * 12];
	size_t plen = findings_pid_list(o->pids, o->npids, pids, sizeof(pids));

	if (f->off[o->rule])
		return;
	memset(&ev, 0, sizeof(ev));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_FINDING;
	ev.ts_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ev.pid = o->pid;
	ev.tid = o->pid;
	if (o->comm && *o->comm)
		ev.comm = findings_str(o->comm, strlen(o->comm));
	ev.u.finding.id = findings_str(findings_rule_ids[o->rule],
				       strlen(findings_rule_ids[o->rule]));
	ev.u.finding.severity = o->severity;
	ev.u.finding.flags = o->flags;
	ev.u.finding.title = findings_str(o->title->p, o->title->len);
	if (o->details && o->details->len)
		ev.u.finding.details =
			findings_str(o->details->p, o->details->len);
	if (o->npids)
		ev.u.finding.pids = findings_str(pids, plen);
	if (o->paths && o->paths_len)
		ev.u.finding.paths = findings_str(o->paths, o->paths_len);
	ev.u.finding.count = o->count ? o->count : 1;
	ev.u.finding.first_ns = o->first_ns;
	ev.u.finding.last_ns = o->last_ns;
	ev.u.finding.cause_seq = o->cause_seq;
	if (f->host->publish(f->inst, &ev) == 0)
		f->published[o->severity]++;
}

/* ---- failures: failed opens and connects -------------------------------- */

/*
 * The group of key (a path or an endpoint) and err, made when new. Groups
 * hash by key alone: the groups of one path, whatever their error, share
 * a chain, so a successful open finds them all there.
 */
static struct fgroup *findings_group(struct findings *f, struct ftab *t,
				     const char *key, size_t len, int err,
				     uint64_t ts)
{
	uint32_t h = hash_bytes(f->seed, key, len);
	struct fhead *e;
	struct fgroup *g;

	for (e = t->nb ? t->b[h & (t->nb - 1)] : NULL; e; e = e->next) {
		g = (struct fgroup *)(void *)e;
		if (e->hash == h && e->keylen == len && g->err == err &&
		    !memcmp(e->key, key, len))
			return g;
	}
	if (t->n >= FINDINGS_MAX_GROUPS) {
		f->groups_dropped++;
		return NULL;
	}
	g = calloc(1, sizeof(*g) + len + 1);
	if (!g)
		return NULL;
	memcpy(g->key, key, len);
	g->h.key = g->key;
	g->h.keylen = (uint32_t)len;
	g->h.hash = h;
	g->err = err;
	g->first_ns = ts;
	if (ftab_insert(t, &g->h) < 0) {
		free(g);
		return NULL;
	}
	return g;
}

static void findings_group_add(struct fgroup *g, int32_t pid, const char *comm,
			       uint64_t ts, uint64_t seq)
{
	uint32_t i;

	if (!g->count) {
		g->first_ns = ts;
		g->first_seq = seq;
		snprintf(g->comm, sizeof(g->comm), "%s", comm ? comm : "");
	}
	g->count++;
	g->last_ns = ts;
	g->explained = false;
	for (i = 0; i < g->npids && g->pids[i] != pid; i++)
		;
	if (i == g->npids && g->npids < FINDINGS_PIDS)
		g->pids[g->npids++] = pid;
}

/* A failed open that was no probe. */
static void findings_open_failure(struct findings *f, int32_t pid,
				  const char *comm, const char *path,
				  size_t len, int err, uint64_t ts,
				  uint64_t seq)
{
	struct fproc *p = findings_proc(f, pid);
	char text[FINDINGS_TEXT_MAX], e[16];
	struct fbuf b = { text, 0, sizeof(text) };
	struct fgroup *g;

	if (!f->off[R_FAILED_OPEN]) {
		g = findings_group(f, &f->failed, path, len, err, ts);
		if (g)
			findings_group_add(g, pid, comm, ts, seq);
	}
	if (p && !(p->flags & FP_NO_DETAILS)) {
		fb_printf(&b, "open ");
		fb_put(&b, path, len);
		fb_printf(&b, ": %s", findings_errno(f, err, e, sizeof(e)));
		findings_note(p->last, true, text, b.len);
	}
}

/* A successful open of path explains its failures before it. */
static void findings_open_success(struct findings *f, const char *path,
				  size_t len)
{
	struct ftab *t = &f->failed;
	uint32_t h;
	struct fhead *e;

	if (!t->n)
		return;
	h = hash_bytes(f->seed, path, len);
	for (e = t->b[h & (t->nb - 1)]; e; e = e->next)
		if (e->hash == h && e->keylen == len &&
		    !memcmp(e->key, path, len))
			((struct fgroup *)(void *)e)->explained = true;
}

/* A search ended: pid found path after n probes. */
static void findings_search(struct findings *f, int32_t pid, const char *path,
			    size_t len, uint32_t n)
{
	struct fproc *p = findings_proc(f, pid);
	char text[FINDINGS_TEXT_MAX];
	struct fbuf b = { text, 0, sizeof(text) };
	size_t blen;
	const char *base;

	if (!p || f->off[R_PROBE])
		return;
	p->searches++;
	p->probes += n;
	base = format_basename(path, len, &blen);
	fb_put(&b, base, blen);
	fb_printf(&b, " in ");
	fb_put(&b, path,
	       (size_t)(base - path) > 1 ? (size_t)(base - path) - 1 :
					   (size_t)(base - path));
	fb_printf(&b, " after %u probe%s", n, n == 1 ? "" : "s");
	if (!(p->flags & FP_NO_DETAILS))
		findings_note(p->found, false, text, b.len);
}

/* ---- runs of failed opens ------------------------------------------------ */

static void findings_release(void *arg, void *item, enum search_outcome how)
{
	struct findings *f = arg;
	struct fheld *h = item;

	if (how == SEARCH_FAILURE)
		findings_open_failure(f, h->pid, h->comm, h->path, h->len,
				      h->err, h->ts, h->seq);
	else if (how == SEARCH_PROBE)
		f->ended_probes++;
	free(h->path);
}

/* End tid's run; ev (may be NULL) is the open that did. */
static void findings_run_end(struct findings *f, int32_t tid,
			     const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = ev ? &ev->u.file : NULL;

	if (!search_holding(&f->runs))
		return;
	f->ended_probes = 0;
	search_end(&f->runs, tid, p ? p->path.ptr : NULL, p ? p->path.len : 0);
	/* a search for a library is the loader's: not the user's search */
	if (f->ended_probes && p && !(p->flags & CPD_FILEF_HIDDEN))
		findings_search(f, ev->pid, p->path.ptr, p->path.len,
				f->ended_probes);
}

static bool findings_hold(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	struct fheld *h;
	char *path;

	if (!p->path.ptr || !p->path.len)
		return false;
	path = malloc(p->path.len);
	if (!path)
		return false;
	h = search_hold(&f->runs, ev->tid, p->path.ptr, p->path.len);
	if (!h) {
		free(path);
		return false;
	}
	memcpy(path, p->path.ptr, p->path.len);
	h->path = path;
	h->len = p->path.len;
	h->pid = ev->pid;
	h->err = p->err;
	h->ts = ev->ts_ns;
	h->seq = ev->seq;
	snprintf(h->comm, sizeof(h->comm), "%.*s",
		 ev->comm.ptr ? (int)ev->comm.len : 0,
		 ev->comm.ptr ? ev->comm.ptr : "");
	return true;
}

static struct fpending *findings_pending(struct findings *f, int32_t tid,
					 bool add)
{
	uint32_t i;

	for (i = 0; i < f->npending; i++)
		if (f->pending[i].tid == tid)
			return &f->pending[i];
	if (!add || f->npending == SEARCH_RUNS_MAX)
		return NULL;
	f->pending[f->npending].tid = tid;
	f->pending[f->npending].probes = 0;
	return &f->pending[f->npending++];
}

/* ---- the rules' event functions ----------------------------------------- */

/* probe and failed-open: what each failed and successful open is. */
static void findings_on_file_open(struct findings *f,
				  const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	bool hidden = p->flags & CPD_FILEF_HIDDEN;
	char comm[16];

	if (p->op == CPD_FILE_OPEN) {
		if (f->verbose) {
			findings_run_end(f, ev->tid, ev);
		} else if (!hidden) {
			struct fpending *pd =
				findings_pending(f, ev->tid, false);

			if (pd && pd->probes)
				findings_search(f, ev->pid, p->path.ptr,
						p->path.len, pd->probes);
			if (pd)
				*pd = f->pending[--f->npending];
		}
		if (!hidden && p->path.ptr)
			findings_open_success(f, p->path.ptr, p->path.len);
		return;
	}
	/* a failure: noise neither joins nor ends a run */
	if (hidden)
		return;
	if (p->flags & CPD_FILEF_PROBE) {
		struct fpending *pd = findings_pending(f, ev->tid, true);

		if (pd)
			pd->probes++;
		return;
	}
	if (f->verbose) {
		if (search_errno(p->err) && findings_hold(f, ev))
			return;
		if (!search_errno(p->err))
			findings_run_end(f, ev->tid, NULL);
	}
	snprintf(comm, sizeof(comm), "%.*s",
		 ev->comm.ptr ? (int)ev->comm.len : 0,
		 ev->comm.ptr ? ev->comm.ptr : "");
	if (p->path.ptr)
		findings_open_failure(f, ev->pid, comm, p->path.ptr,
				      p->path.len, p->err, ev->ts_ns, ev->seq);
}

/* With -v: the calls that end a thread's run as they end the file analyzer's. */
static void findings_on_syscall(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	bool exiting = sc->name.ptr && (!strcmp(sc->name.ptr, "exit") ||
					!strcmp(sc->name.ptr, "exit_group"));

	if (!search_holding(&f->runs))
		return;
	if ((sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY)) && !exiting)
		return;
	if (search_ends_run(sc->name.ptr))
		findings_run_end(f, ev->tid, NULL);
}

/* repeat and tiny-io: opens and I/O per process and file or socket. */
static struct fobj *findings_obj(struct findings *f, struct fproc *p,
				 bool socket, const char *name, size_t len,
				 const struct cpd_event *ev)
{
	char key[4 + 1 + FINDINGS_TEXT_MAX * 26];
	size_t klen;
	uint32_t h;
	struct fobj *o;

	if (!p || !name || !len || len > sizeof(key) - 5)
		return NULL;
	memcpy(key, &p->pid, 4);
	key[4] = socket ? 's' : 'f';
	memcpy(key + 5, name, len);
	klen = 5 + len;
	h = hash_bytes(f->seed, key, klen);
	o = (struct fobj *)(void *)ftab_find(&f->objects, h, key, klen);
	if (o)
		return o;
	if (f->objects.n >= FINDINGS_MAX_OBJECTS) {
		f->objects_dropped++;
		return NULL;
	}
	o = calloc(1, sizeof(*o) + klen);
	if (!o)
		return NULL;
	memcpy(o->key, key, klen);
	o->h.key = o->key;
	o->h.keylen = (uint32_t)klen;
	o->h.hash = h;
	o->socket = socket;
	o->first_ns = ev->ts_ns;
	o->first_seq = ev->seq;
	if (ftab_insert(&f->objects, &o->h) < 0) {
		free(o);
		return NULL;
	}
	o->proc_next = p->objs;
	p->objs = o;
	return o;
}

static void findings_obj_io(struct fobj *o, const struct cpd_event *ev,
			    bool write, uint64_t bytes, uint32_t count)
{
	if (!o)
		return;
	if (write) {
		o->writes += count ? count : 1;
		o->written_bytes += bytes;
	} else {
		o->reads += count ? count : 1;
		o->read_bytes += bytes;
	}
	o->last_ns = ev->ts_ns;
}

static void findings_on_file_io(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	struct fproc *proc;
	struct fobj *o;

	if ((p->flags & CPD_FILEF_HIDDEN) || !p->path.ptr ||
	    (f->off[R_REPEAT] && f->off[R_TINY_IO]))
		return;
	proc = findings_proc(f, ev->pid);
	if (p->op == CPD_FILE_OPEN) {
		o = findings_obj(f, proc, false, p->path.ptr, p->path.len, ev);
		if (o) {
			o->opens++;
			o->last_ns = ev->ts_ns;
		}
	} else if (p->op == CPD_FILE_READ || p->op == CPD_FILE_WRITE) {
		o = findings_obj(f, proc, false, p->path.ptr, p->path.len, ev);
		findings_obj_io(o, ev, p->op == CPD_FILE_WRITE, p->bytes,
				p->count);
	}
}

static void findings_on_net(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_net *n = &ev->u.net;
	char peer[FORMAT_SOCKADDR_MAX], e[16], text[FINDINGS_TEXT_MAX];
	struct fbuf b = { text, 0, sizeof(text) };
	size_t plen;
	struct fproc *p;
	struct fgroup *g;
	size_t i;

	if (n->flags & CPD_NETF_HIDDEN)
		return;
	plen = format_sockaddr(&n->peer, peer, sizeof(peer));
	if (plen >= sizeof(peer))
		plen = sizeof(peer) - 1;
	p = findings_proc(f, ev->pid);
	switch (n->op) {
	case CPD_NET_CONNECT_FAILED:
		if (!f->off[R_CONNECT_FAILED]) {
			g = findings_group(f, &f->connects, peer, plen, n->err,
					   ev->ts_ns);
			if (g) {
				findings_group_add(g, ev->pid,
						   p ? p->comm : NULL,
						   ev->ts_ns, ev->seq);
				g->port = n->peer.port;
				g->async |= !!(n->flags & CPD_NETF_INPROGRESS);
			}
		}
		if (p && !(p->flags & FP_NO_DETAILS)) {
			fb_printf(&b, "connect %s: %s", peer,
				  findings_errno(f, n->err, e, sizeof(e)));
			findings_note(p->last, true, text, b.len);
		}
		break;
	case CPD_NET_CONNECT:
		/* the process got through to that port after all */
		for (i = 0; i < f->connects.nb; i++) {
			struct fhead *h;

			for (h = f->connects.b[i]; h; h = h->next) {
				g = (struct fgroup *)(void *)h;
				if (g->port == n->peer.port && g->npids &&
				    g->pids[0] == ev->pid)
					g->explained = true;
			}
		}
		break;
	case CPD_NET_SEND:
	case CPD_NET_RECV:
		if (f->off[R_TINY_IO])
			break;
		findings_obj_io(findings_obj(f, p, true, peer, plen, ev), ev,
				n->op == CPD_NET_SEND, n->bytes, n->count);
		break;
	default:
		break;
	}
}

static void findings_on_lost(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_lost *l = &ev->u.lost;
	char reason[64];
	uint32_t i;

	snprintf(reason, sizeof(reason), "%.*s",
		 l->reason.ptr ? (int)l->reason.len : 0,
		 l->reason.ptr ? l->reason.ptr : "");
	for (i = 0; i < f->nlost; i++)
		if (f->lost[i].kind == l->lost_kind &&
		    !strcmp(f->lost[i].reason, reason)) {
			f->lost[i].count += l->count;
			return;
		}
	if (f->nlost == FINDINGS_LOST_MAX) {
		f->lost_other += l->count;
		return;
	}
	f->lost[f->nlost].kind = l->lost_kind;
	snprintf(f->lost[f->nlost].reason, sizeof(f->lost[0].reason), "%s",
		 reason);
	f->lost[f->nlost].count = l->count;
	f->nlost++;
}

/* ---- per-process findings, when a process ends ---------------------------- */

static void findings_proc_probe(struct findings *f, struct fproc *p)
{
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX];
	struct fbuf t = { title, 0, sizeof(title) };
	struct fbuf d = { details, 0, sizeof(details) };
	struct findings_out o;
	size_t i;

	if (!p->searches)
		return;
	fb_printf(&t,
		  "%s found %" PRIu64 " file%s after %" PRIu64
		  " failed probe%s",
		  p->comm, p->searches, p->searches == 1 ? "" : "s", p->probes,
		  p->probes == 1 ? "" : "s");
	for (i = 0; i < FINDINGS_LAST && p->found[i]; i++) {
		fb_printf(&d, "%s%s", i ? "\n" : "", p->found[i]);
	}
	if (p->searches > i && i)
		fb_printf(&d, "\n... and %" PRIu64 " more", p->searches - i);
	memset(&o, 0, sizeof(o));
	o.rule = R_PROBE;
	o.severity = CPD_SEV_INFO;
	o.flags = CPD_FINDF_COLLAPSED;
	o.title = &t;
	o.details = &d;
	o.pids = &p->pid;
	o.npids = 1;
	o.count = p->searches;
	o.first_ns = p->start_ns;
	o.last_ns = p->end_ns ? p->end_ns : p->start_ns;
	o.pid = p->pid;
	o.comm = p->comm;
	findings_publish(f, &o);
}

static void findings_proc_objects(struct findings *f, struct fproc *p)
{
	char title[FINDINGS_TITLE_MAX], b1[FORMAT_BYTES_MAX];
	struct fobj *o, *next;

	for (o = p->objs; o; o = next) {
		const char *name = o->key + 5;
		size_t len = o->h.keylen - 5, base_len;
		const char *base =
			o->socket ? name :
				    format_basename(name, len, &base_len);
		int pass;

		next = o->proc_next;
		if (o->socket)
			base_len = len;
		if (o->opens >= f->repeat_opens) {
			struct fbuf t = { title, 0, sizeof(title) };
			struct findings_out out;

			fb_printf(&t, "%s opened ", p->comm);
			fb_put(&t, name, len);
			fb_printf(&t, " %" PRIu64 " times", o->opens);
			if (o->read_bytes)
				fb_printf(&t, " (read %s)",
					  findings_bytes(o->read_bytes, b1,
							 sizeof(b1)));
			memset(&out, 0, sizeof(out));
			out.rule = R_REPEAT;
			out.severity = CPD_SEV_NOTICE;
			out.title = &t;
			out.pids = &p->pid;
			out.npids = 1;
			out.paths = name;
			out.paths_len = len;
			out.count = o->opens;
			out.first_ns = o->first_ns;
			out.last_ns = o->last_ns;
			out.cause_seq = o->first_seq;
			out.pid = p->pid;
			out.comm = p->comm;
			findings_publish(f, &out);
		}
		for (pass = 0; pass < 2; pass++) {
			uint64_t ops = pass ? o->writes : o->reads;
			uint64_t bytes =
				pass ? o->written_bytes : o->read_bytes;
			struct fbuf t = { title, 0, sizeof(title) };
			struct findings_out out;

			if (ops < f->tiny_io_ops ||
			    bytes > f->tiny_io_bytes * ops)
				continue;
			fb_printf(&t,
				  "%s made %" PRIu64 " %s of %s on average %s ",
				  p->comm, ops, pass ? "writes" : "reads",
				  findings_bytes(bytes / ops, b1, sizeof(b1)),
				  pass ? "to" : "from");
			fb_put(&t, base, base_len);
			memset(&out, 0, sizeof(out));
			out.rule = R_TINY_IO;
			out.severity = CPD_SEV_NOTICE;
			out.flags = CPD_FINDF_COLLAPSED;
			out.title = &t;
			out.pids = &p->pid;
			out.npids = 1;
			out.paths = name;
			out.paths_len = len;
			out.count = ops;
			out.first_ns = o->first_ns;
			out.last_ns = o->last_ns;
			out.cause_seq = o->first_seq;
			out.pid = p->pid;
			out.comm = p->comm;
			findings_publish(f, &out);
		}
		ftab_remove(&f->objects, &o->h);
		free(o);
	}
	p->objs = NULL;
}

static bool findings_failed(const struct fproc *p)
{
	return (p->flags & FP_EXITED) && (p->exit_code > 0 || p->signal > 0);
}

/* A process is gone: what only it was about can be said now. */
static void findings_proc_done(struct findings *f, struct fproc *p)
{
	findings_proc_probe(f, p);
	findings_proc_objects(f, p);
	if (!findings_failed(p)) {
		findings_proc_forget(p);
		return;
	}
	if (p->parent >= 0)
		f->procs[p->parent].flags |= FP_FAILED_KID;
	/* a failed process is named later: keep what says who it was */
	if (f->detailed >= FINDINGS_MAX_DETAILED) {
		findings_proc_forget(p);
		p->flags |= FP_NO_DETAILS;
	} else {
		f->detailed++;
	}
}

static void findings_on_proc(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *pr = &ev->u.proc;
	struct fproc *p;

	/* the event's process (a spawn's parent) is the command's */
	if (pr->flags & CPD_PROCF_ROOT) {
		p = findings_proc(f, ev->pid);
		if (!p && pr->op != CPD_PROC_EXIT)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (p)
			p->flags |= FP_ROOT;
	}
	switch (pr->op) {
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		p = findings_proc(f, ev->pid);
		if (!p)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (p && (pr->flags & CPD_PROCF_ROOT))
			p->flags |= FP_ROOT;
		break;
	case CPD_PROC_SPAWN_PROCESS:
		findings_proc_get(f, ev);
		findings_proc_new(f, pr->child_pid, ev->pid, ev->ts_ns);
		break;
	case CPD_PROC_EXEC:
		if (f->verbose) {
			findings_run_end(f, ev->tid, NULL);
			if (pr->old_tid && pr->old_tid != ev->tid)
				findings_run_end(f, pr->old_tid, NULL);
		}
		p = findings_proc(f, ev->pid);
		if (!p)
			p = findings_proc_new(f, ev->pid, pr->ppid, ev->ts_ns);
		if (!p)
			break;
		if (ev->comm.ptr && ev->comm.len)
			snprintf(p->comm, sizeof(p->comm), "%.*s",
				 (int)ev->comm.len, ev->comm.ptr);
		p->flags |= FP_EXEC;
		free(p->cmd);
		p->cmd = findings_cmdline(&pr->argv, p->comm);
		break;
	case CPD_PROC_EXIT:
		if (f->verbose)
			findings_run_end(f, ev->tid, NULL);
		if (!(pr->flags & CPD_PROCF_GROUP_EXIT))
			break;
		p = findings_proc_get(f, ev);
		if (!p || (p->flags & FP_EXITED))
			break;
		p->flags |= FP_EXITED;
		p->exit_code = pr->exit_code;
		p->signal = pr->signal;
		if (pr->flags & CPD_PROCF_CORE_DUMPED)
			p->flags |= FP_CORE;
		p->end_ns = ev->ts_ns;
		p->exit_seq = ev->seq;
		findings_proc_done(f, p);
		break;
	case CPD_PROC_DETACH:
		f->detached++;
		p = findings_proc(f, ev->pid);
		if (p)
			p->flags |= FP_DETACHED;
		break;
	default:
		break;
	}
}

/* ---- exit and signal, when tracing ends ---------------------------------- */

/* Signals that mean the program itself went wrong, whoever sent them. */
static bool findings_fatal_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGABRT || sig == SIGSYS ||
	       sig == SIGTRAP || sig == SIGQUIT || sig == SIGXCPU ||
	       sig == SIGXFSZ;
}

/* Whether parent failed because child did, and said so the same way. */
static bool findings_same_failure(const struct fproc *parent,
				  const struct fproc *child)
{
	if (child->signal > 0)
		return parent->signal == child->signal ||
		       parent->exit_code == 128 + child->signal;
	return child->exit_code > 0 && parent->exit_code == child->exit_code;
}

static const char *findings_cmd(const struct fproc *p)
{
	return p->cmd ? p->cmd : p->comm;
}

static void findings_status(const struct findings *f, const struct fproc *p,
			    struct fbuf *b)
{
	const char *sig;

	if (p->signal > 0) {
		sig = f->host->signal_name(p->signal);
		if (sig)
			fb_printf(b, "was killed by %s", sig);
		else
			fb_printf(b, "was killed by signal %d", p->signal);
		if (p->flags & FP_CORE)
			fb_printf(b, " (core dumped)");
	} else {
		fb_printf(b, "exited with status %d", p->exit_code);
	}
}

/* The finding for failed process t, whose failure started at leaf. */
static void findings_exit_one(struct findings *f, struct fproc *t,
			      struct fproc *leaf)
{
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX],
		dur[FORMAT_NS_MAX];
	struct fbuf tb = { title, 0, sizeof(title) };
	struct fbuf db = { details, 0, sizeof(details) };
	const struct fproc *parent =
				   t->parent >= 0 ? &f->procs[t->parent] : NULL,
			   *up;
	int32_t pids[2] = { t->pid, leaf->pid };
	struct findings_out o;
	bool fatal = t->signal > 0 && findings_fatal_signal(t->signal);
	size_t i;

	/* did it make the command fail? up the failed ancestors to the top */
	for (up = t; up->parent >= 0 && findings_failed(&f->procs[up->parent]);
	     up = &f->procs[up->parent])
		;
	fb_printf(&tb, "%s ", findings_cmd(t));
	findings_status(f, t, &tb);
	format_ns(t->end_ns > t->start_ns ? t->end_ns - t->start_ns : 0, dur,
		  sizeof(dur));
	fb_printf(&db, "pid %" PRId32, t->pid);
	if (parent)
		fb_printf(&db, ", parent %s (pid %" PRId32 ")", parent->comm,
			  parent->pid);
	fb_printf(&db, ", ran %s", dur);
	if (leaf != t) {
		fb_printf(&db, "\nfirst %s (pid %" PRId32 ") ", leaf->comm,
			  leaf->pid);
		findings_status(f, leaf, &db);
		fb_printf(&db, ": %s", findings_cmd(leaf));
	}
	for (i = 0; i < FINDINGS_LAST && leaf->last[i]; i++)
		fb_printf(&db, "%s%s",
			  i ? "; " : "\nlast failures: ", leaf->last[i]);
	if (leaf != t)
		for (i = 0; i < FINDINGS_LAST && t->last[i]; i++)
			fb_printf(
				&db, "%s%s",
				i ? "; " : "\nits last failures: ", t->last[i]);
	memset(&o, 0, sizeof(o));
	o.rule = t->signal > 0 ? R_SIGNAL : R_EXIT;
	/*
	 * Error when the command failed with it (or it crashed); a failure
	 * something above it handled and went on from is worth a notice.
	 */
	o.severity = fatal || ((up->flags & FP_ROOT) || up->parent < 0) ?
			     CPD_SEV_ERROR :
			     CPD_SEV_NOTICE;
	if ((t->flags | leaf->flags) & (FP_NO_DETAILS | FP_PARTIAL_IDS))
		o.flags |= CPD_FINDF_PARTIAL;
	if (leaf != t)
		o.flags |= CPD_FINDF_COLLAPSED;
	o.title = &tb;
	o.details = &db;
	o.pids = pids;
	o.npids = leaf != t ? 2 : 1;
	o.count = 1;
	o.first_ns = t->start_ns;
	o.last_ns = t->end_ns;
	o.cause_seq = t->exit_seq;
	o.pid = t->pid;
	o.comm = t->comm;
	findings_publish(f, &o);
}

static void findings_exits(struct findings *f)
{
	size_t i;

	if (f->off[R_EXIT] && f->off[R_SIGNAL])
		return;
	for (i = 0; i < f->nprocs; i++) {
		struct fproc *leaf = &f->procs[i], *t = leaf;

		/* failures caused by a child's are said with the child's */
		if (!findings_failed(leaf) || (leaf->flags & FP_FAILED_KID))
			continue;
		/* the command that never ran: the host has said why */
		if ((leaf->flags & FP_ROOT) && !(leaf->flags & FP_EXEC) &&
		    f->run->mode == CPD_RUN_SPAWN)
			continue;
		/* up while the parent failed the same way, below the command */
		while (t->parent >= 0) {
			struct fproc *up = &f->procs[t->parent];

			if (!findings_failed(up) || (up->flags & FP_ROOT) ||
			    !findings_same_failure(up, t))
				break;
			t = up;
		}
		findings_exit_one(f, t, leaf);
	}
}

/* ---- failed opens and connects, when tracing ends ------------------------ */

static void findings_groups(struct findings *f, bool connects)
{
	struct ftab *t = connects ? &f->connects : &f->failed;
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX], e[16];
	struct fgroup **v;
	size_t n, i;

	v = ftab_groups(t, &n);
	for (i = 0; i < n; i++) {
		struct fgroup *g = v[i];
		struct fbuf tb = { title, 0, sizeof(title) };
		struct fbuf db = { details, 0, sizeof(details) };
		struct findings_out o;

		/* a later open of the path: the failure did no harm */
		if (!connects && g->explained)
			continue;
		fb_printf(&tb, "%s%s could not %s ", g->comm,
			  g->npids > 1 ? " and others" : "",
			  connects ? "connect to" : "open");
		fb_put(&tb, g->key, g->h.keylen);
		fb_printf(&tb, ": %s", findings_errno(f, g->err, e, sizeof(e)));
		if (g->npids > 1)
			fb_printf(&db, "%u processes", g->npids);
		if (connects && g->async)
			fb_printf(&db, "%sa non-blocking connect",
				  db.len ? "; " : "");
		if (connects && g->explained)
			fb_printf(&db, "%sthen connected to port %u",
				  db.len ? "; " : "", g->port);
		memset(&o, 0, sizeof(o));
		o.rule = connects ? R_CONNECT_FAILED : R_FAILED_OPEN;
		o.severity = connects && g->explained ? CPD_SEV_NOTICE :
							CPD_SEV_WARNING;
		o.title = &tb;
		o.details = &db;
		o.pids = g->pids;
		o.npids = g->npids;
		o.paths = g->key;
		o.paths_len = g->h.keylen;
		o.count = g->count;
		o.first_ns = g->first_ns;
		o.last_ns = g->last_ns;
		o.cause_seq = g->first_seq;
		o.pid = g->npids ? g->pids[0] : 0;
		o.comm = g->comm;
		if (g->count > 1)
			o.flags |= CPD_FINDF_COLLAPSED;
		if (f->groups_dropped)
			o.flags |= CPD_FINDF_PARTIAL;
		findings_publish(f, &o);
	}
	free(v);
}

/* ---- incomplete ----------------------------------------------------------- */

static void findings_say(struct findings *f, enum findings_rule_id rule,
			 uint32_t severity, uint64_t count, const char *fmt,
			 ...) __attribute__((format(printf, 5, 6)));

static void findings_say(struct findings *f, enum findings_rule_id rule,
			 uint32_t severity, uint64_t count, const char *fmt,
			 ...)
{
	char title[FINDINGS_TITLE_MAX];
	struct fbuf t = { title, 0, sizeof(title) };
	struct findings_out o;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(title, sizeof(title), fmt, ap);
	va_end(ap);
	t.len = n < 0			  ? 0 :
		(size_t)n < sizeof(title) ? (size_t)n :
					    sizeof(title) - 1;
	memset(&o, 0, sizeof(o));
	o.rule = rule;
	o.severity = severity;
	o.title = &t;
	o.count = count;
	findings_publish(f, &o);
}

static void findings_incomplete(struct findings *f)
{
	const struct cpd_trace_stats *st = f->host->trace_stats(f->inst);
	uint32_t i;

	for (i = 0; i < f->nlost; i++) {
		const char *kind = f->host->event_kind_name(f->lost[i].kind);

		findings_say(
			f, R_INCOMPLETE, CPD_SEV_WARNING, f->lost[i].count,
			"%" PRIu64
			" %s event%s lost%s%s%s: the totals are lower bounds",
			f->lost[i].count, kind ? kind : "other",
			f->lost[i].count == 1 ? " was" : "s were",
			*f->lost[i].reason ? " (" : "", f->lost[i].reason,
			*f->lost[i].reason ? ")" : "");
	}
	if (f->lost_other)
		findings_say(f, R_INCOMPLETE, CPD_SEV_WARNING, f->lost_other,
			     "%" PRIu64
			     " more events were lost for other reasons",
			     f->lost_other);
	if (st && st->events_dropped)
		findings_say(f, R_INCOMPLETE, CPD_SEV_WARNING,
			     st->events_dropped,
			     "the event bus refused %" PRIu64
			     " events: the outputs miss them",
			     st->events_dropped);
	if (f->detached)
		findings_say(f, R_INCOMPLETE, CPD_SEV_NOTICE, f->detached,
			     "detached from %" PRIu64
			     " task%s still running: the trace ends before %s",
			     f->detached, f->detached == 1 ? "" : "s",
			     f->detached == 1 ? "it does" : "they do");
	if (f->procs_dropped)
		findings_say(f, R_INCOMPLETE, CPD_SEV_NOTICE, f->procs_dropped,
			     "findings: over %u processes; %" PRIu64
			     " more were not followed",
			     FINDINGS_MAX_PROCS, f->procs_dropped);
	if (f->groups_dropped)
		findings_say(
			f, R_INCOMPLETE, CPD_SEV_NOTICE, f->groups_dropped,
			"findings: over %u failing paths or endpoints; %" PRIu64
			" failures are in no finding",
			FINDINGS_MAX_GROUPS, f->groups_dropped);
	if (f->objects_dropped)
		findings_say(
			f, R_INCOMPLETE, CPD_SEV_NOTICE, f->objects_dropped,
			"findings: over %u files and sockets at once; %" PRIu64
			" operations were not checked for repeats and tiny I/O",
			FINDINGS_MAX_OBJECTS, f->objects_dropped);
}

/* ---- the plugin ----------------------------------------------------------- */

static int findings_on_event(void *state, const struct cpd_event *ev)
{
	struct findings *f = state;

	switch (ev->kind) {
	case CPD_EV_PROC:
		findings_on_proc(f, ev);
		break;
	case CPD_EV_SYSCALL:
		findings_on_syscall(f, ev);
		break;
	case CPD_EV_FILE:
		if (ev->u.file.op == CPD_FILE_OPEN ||
		    ev->u.file.op == CPD_FILE_OPEN_FAILED)
			findings_on_file_open(f, ev);
		else if (f->verbose)
			findings_run_end(f, ev->tid, NULL);
		findings_on_file_io(f, ev);
		break;
	case CPD_EV_NET:
		findings_on_net(f, ev);
		break;
	case CPD_EV_LOST:
		findings_on_lost(f, ev);
		break;
	default:
		break;
	}
	return 0;
}

static const struct cpd_report_key findings_report_keys[] = {
	{ .key = "errors",
	  .label = "Errors",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity error: processes that failed the command or crashed" },
	{ .key = "warnings",
	  .label = "Warnings",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity warning: failed opens, failed connects, lost events" },
	{ .key = "notices",
	  .label = "Notices",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity notice: repeats, tiny I/O, failures something handled" },
	{ .key = "info",
	  .label = "Info",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity info: searches that found what they looked for" },
};

static const struct cpd_report_desc findings_reports[] = {
	{ .topic = "findings",
	  .title = "Problems",
	  .order = -10,
	  .keys = findings_report_keys,
	  .nkeys = sizeof(findings_report_keys) /
		   sizeof(findings_report_keys[0]),
	  .help = "how many findings of each severity; the findings are CPD_EV_FINDING events" },
	CPD_REPORT_END
};

static int findings_stop(void *state)
{
	struct findings *f = state;
	struct cpd_kv kv[4];
	size_t i;

	search_end_all(&f->runs);
	/* processes still running (attached, detached): what they did */
	for (i = 0; i < f->nprocs; i++)
		if (!(f->procs[i].flags & FP_EXITED)) {
			findings_proc_probe(f, &f->procs[i]);
			findings_proc_objects(f, &f->procs[i]);
		}
	findings_exits(f);
	findings_groups(f, false);
	findings_groups(f, true);
	findings_incomplete(f);
	kv[0] = report_u64("errors", "Errors", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_ERROR]);
	kv[1] = report_u64("warnings", "Warnings", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_WARNING]);
	kv[2] = report_u64("notices", "Notices", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_NOTICE]);
	kv[3] = report_u64("info", "Info", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_INFO]);
	report_publish(f->host, f->inst, "findings", "Problems", 0, -10, kv, 4);
	return 0;
}

static int findings_init(struct cpd_instance *inst, const struct cpd_host *host,
			 void **statep)
{
	struct findings *f = calloc(1, sizeof(*f));
	const char *const *n;
	int rc, r;

	if (!f)
		return -ENOMEM;
	f->host = host;
	f->inst = inst;
	rc = host->apply_options(inst, f);
	if (rc < 0)
		goto err_free;
	/* the host checked the names against the ids */
	for (n = f->ignore; n && *n; n++)
		for (r = 0; r < R_COUNT; r++)
			if (!strcmp(*n, findings_rule_ids[r]))
				f->off[r] = true;
	f->seed = hash_seed(f);
	search_runs_init(&f->runs, sizeof(struct fheld), findings_release, f);
	*statep = f;
	return 0;

err_free:
	free(f);
	return rc;
}

static int findings_start(void *state)
{
	struct findings *f = state;

	f->run = f->host->run_info(f->inst);
	f->verbose = f->run->verbose > 0;
	return 0;
}

static void findings_fini(void *state)
{
	struct findings *f = state;
	size_t i;

	search_runs_free(&f->runs);
	for (i = 0; i < f->nprocs; i++)
		findings_proc_forget(&f->procs[i]);
	free(f->procs);
	free(f->pidmap);
	ftab_free(&f->failed);
	ftab_free(&f->connects);
	ftab_free(&f->objects);
	free(f);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "findings", .version = "1.0",
		.description =
			"what went wrong, first: failed processes, failed opens and connects, searches, repeats, tiny I/O, an incomplete trace",
		.subscribe = CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_FILE) |
			     CPD_EVMASK(CPD_EV_NET) | CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_SYSCALL),
		.syscall_classes = 0, .syscalls = search_run_enders,
		.publishes = CPD_EVMASK(CPD_EV_FINDING) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_VERBOSE,
		.options = findings_options, .init = findings_init,
		.start = findings_start, .on_event = findings_on_event,
		.stop = findings_stop, .fini = findings_fini,
		.reports = findings_reports, );
