// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the live line of each event kind.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "lib/format.h"

#include "console.h"

/* ---- the kinds we know ------------------------------------------------- */

/* " (x3)" when an event stands for several operations. */
static void console_sb_times(struct console_sb *sb, uint32_t count)
{
	if (count <= 1)
		return;
	console_sb_put(sb, " (x", 3);
	console_sb_uint(sb, count);
	console_sb_put(sb, ")", 1);
}

void console_file(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_file *f = &ev->u.file;
	char b[FORMAT_BYTES_MAX], x[24], e[32];
	const char *n = console_times(f->count, x, sizeof(x));
	struct console_sb sb;

	if ((f->flags & CPD_FILEF_HIDDEN) && !c->hidden)
		return;
	format_bytes(f->bytes, b, sizeof(b));
	switch (f->op) {
	case CPD_FILE_OPEN:
		/* " %s (%s)", without printf: the commonest lines */
		sb = console_body(c);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, console_esc(c, 0, &f->path));
		console_sb_str(&sb, f->flags & CPD_FILEF_WRITABLE ? " (write)" :
								    " (read)");
		console_emit(c, ev, CLS_FILE, "open");
		break;
	case CPD_FILE_OPEN_FAILED:
		/* one probe of a search its next line ends: -v shows them */
		if ((f->flags & CPD_FILEF_PROBE) && !c->run->verbose)
			break;
		console_line(c, ev, CLS_ERROR, "open", " %s failed: %s",
			     console_esc(c, 0, &f->path),
			     console_errno(c, f->err, e, sizeof(e)));
		break;
	case CPD_FILE_READ:
	case CPD_FILE_WRITE:
		/* " %s from %s%s" and " %s to %s%s" */
		sb = console_body(c);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, b);
		console_sb_str(&sb, f->op == CPD_FILE_READ ? " from " : " to ");
		console_sb_str(&sb, console_base(c, 0, &f->path));
		console_sb_times(&sb, f->count);
		console_emit(c, ev, CLS_FILE,
			     f->op == CPD_FILE_READ ? "read" : "write");
		break;
	case CPD_FILE_COPY:
	case CPD_FILE_SPLICE:
		console_line(c, ev, CLS_FILE,
			     f->op == CPD_FILE_COPY ? "copy" : "splice",
			     " %s from %s to %s%s", b,
			     console_base(c, 0, &f->path),
			     console_base(c, 1, &f->path2), n);
		break;
	case CPD_FILE_SENDFILE:
		console_line(c, ev, CLS_FILE, "sendfile", " %s from %s to %s%s",
			     b, console_base(c, 0, &f->path),
			     f->flags & CPD_FILEF_TO_NETWORK ?
				     "net" :
				     console_base(c, 1, &f->path2),
			     n);
		break;
	case CPD_FILE_CLOSE:
		/* the original never showed closes; -v shows the syscall */
		break;
	default:
		console_generic(c, ev);
		break;
	}
}

/*
 * " (name)" when the dns analyzer named the peer, escaped in scratch
 * slot 1; "" otherwise, or for a producer older than the field.
 */
static const char *console_peer_name(struct console *c,
				     const struct cpd_event *ev)
{
	static const size_t need = offsetof(struct cpd_event, u.net.peer_name) +
				   sizeof(struct cpd_str);
	size_t len;

	if (ev->size < need || !ev->u.net.peer_name.ptr ||
	    !ev->u.net.peer_name.len)
		return "";
	c->esc[1][0] = ' ';
	c->esc[1][1] = '(';
	format_escape_str(&ev->u.net.peer_name, c->esc[1] + 2,
			  sizeof(c->esc[1]) - 3);
	len = strlen(c->esc[1] + 2);
	c->esc[1][2 + len] = ')';
	c->esc[1][3 + len] = '\0';
	return c->esc[1];
}

void console_net(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_net *nt = &ev->u.net;
	const char *proto = format_proto(nt->family, nt->sock_type);
	char b[FORMAT_BYTES_MAX], e[32];
	struct console_sb sb;

	if ((nt->flags & CPD_NETF_HIDDEN) && !c->hidden)
		return;
	format_bytes(nt->bytes, b, sizeof(b));
	switch (nt->op) {
	case CPD_NET_CONNECT:
		format_sockaddr(&nt->peer, c->esc[0], sizeof(c->esc[0]));
		console_line(c, ev, CLS_NET, "connect", " %s → %s%s", proto,
			     c->esc[0], console_peer_name(c, ev));
		break;
	case CPD_NET_CONNECT_FAILED:
		format_sockaddr(&nt->peer, c->esc[0], sizeof(c->esc[0]));
		console_line(c, ev, CLS_ERROR, "connect",
			     " %s → %s%s failed: %s", proto, c->esc[0],
			     console_peer_name(c, ev),
			     console_errno(c, nt->err, e, sizeof(e)));
		break;
	case CPD_NET_ACCEPT:
		format_sockaddr(&nt->peer, c->esc[0], sizeof(c->esc[0]));
		console_line(c, ev, CLS_NET, "accept", " %s ← %s", proto,
			     c->esc[0]);
		break;
	case CPD_NET_LISTEN:
		format_sockaddr(&nt->local, c->esc[0], sizeof(c->esc[0]));
		console_line(c, ev, CLS_NET, "listen", " %s %s", proto,
			     c->esc[0]);
		break;
	case CPD_NET_SEND:
	case CPD_NET_RECV:
		/* " %s%s" */
		sb = console_body(c);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, b);
		console_sb_times(&sb, nt->count);
		console_emit(c, ev, CLS_NET,
			     nt->op == CPD_NET_SEND ? "send" : "recv");
		break;
	case CPD_NET_SOCKET:
	case CPD_NET_BIND:
	case CPD_NET_CLOSE:
	case CPD_NET_SHUTDOWN:
		/* bookkeeping: listen and connect say what matters */
		break;
	default:
		console_generic(c, ev);
		break;
	}
}

void console_mmap(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_mmap *m = &ev->u.mmap;
	char b[FORMAT_BYTES_MAX], p[8], a1[FORMAT_ADDR_MAX],
		a2[FORMAT_ADDR_MAX], a3[FORMAT_ADDR_MAX], a4[FORMAT_ADDR_MAX];
	struct console_sb sb;
	const char *what;

	if ((m->flags & CPD_MMAPF_HIDDEN) && !c->hidden)
		return;
	format_bytes(m->len, b, sizeof(b));
	format_prot(m->prot, p, sizeof(p));
	console_addr(c, m->addr, a1, sizeof(a1));
	console_addr(c, m->addr + m->len, a2, sizeof(a2));
	switch (m->op) {
	case CPD_MMAP_BRK:
		if (m->delta <= CONSOLE_BRK_MIN)
			break;
		format_bytes((uint64_t)m->delta, b, sizeof(b));
		console_line(c, ev, CLS_MEM, "brk", " +%s", b);
		break;
	case CPD_MMAP_MAP:
		if (m->flags & CPD_MMAPF_ANON)
			what = "anon";
		else if (m->path.ptr && m->path.len)
			what = console_base(c, 0, &m->path);
		else if (m->fd >= 0)
			what = (snprintf(c->esc[0], sizeof(c->esc[0]), "fd:%d",
					 m->fd),
				c->esc[0]);
		else
			what = "file";
		/* " %s-%s %s %s %s" */
		sb = console_body(c);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, a1);
		console_sb_put(&sb, "-", 1);
		console_sb_str(&sb, a2);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, p);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, b);
		console_sb_put(&sb, " ", 1);
		console_sb_str(&sb, what);
		console_emit(c, ev, CLS_MEM, "mmap");
		break;
	/*
	 * Not in the original stream, and ld.so alone makes dozens of
	 * them: shown with -v only. The totals count them regardless.
	 */
	case CPD_MMAP_UNMAP:
		if (c->run->verbose)
			console_line(c, ev, CLS_MEM, "munmap", " %s-%s %s", a1,
				     a2, b);
		break;
	case CPD_MMAP_REMAP:
		if (!c->run->verbose)
			break;
		console_addr(c, m->old_addr, a3, sizeof(a3));
		console_addr(c, m->old_addr + m->old_len, a4, sizeof(a4));
		console_line(c, ev, CLS_MEM, "mremap", " %s-%s → %s-%s %s", a3,
			     a4, a1, a2, b);
		break;
	case CPD_MMAP_PROTECT:
		if (c->run->verbose)
			console_line(c, ev, CLS_MEM, "mprotect", " %s-%s %s",
				     a1, a2, p);
		break;
	default:
		console_generic(c, ev);
		break;
	}
}

/* Remember an exec'd program for "Subprocesses:", once, in order. */
static void console_subproc(struct console *c, const char *name)
{
	size_t i;
	char *copy;

	for (i = 0; i < c->nsubprocs; i++)
		if (!strcmp(c->subprocs[i], name))
			return;
	if (c->nsubprocs == c->capsubprocs) {
		size_t cap = c->capsubprocs ? 2 * c->capsubprocs : 16;
		char **v = realloc(c->subprocs, cap * sizeof(*v));

		if (!v)
			return; /* a shorter list, not a failed trace */
		c->subprocs = v;
		c->capsubprocs = cap;
	}
	copy = strdup(name);
	if (copy)
		c->subprocs[c->nsubprocs++] = copy;
}

/*
 * The program name of an exec, escaped into slot 0: the kernel's comm
 * (what ps shows, the basename of the exec'd file even for a script), or
 * the full basename of the executable when comm is its 15-byte cut.
 */
static const char *console_exec_name(struct console *c,
				     const struct cpd_event *ev, bool full)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	struct cpd_str name = ev->comm;
	size_t blen = 0;
	const char *base =
		p->path.ptr ? format_basename(p->path.ptr, p->path.len, &blen) :
			      NULL;

	if (!name.ptr || !name.len) {
		name.ptr = base;
		name.len = (uint32_t)(blen > 15 && !full ? 15 : blen);
	} else if (full && base && name.len == 15 && blen > 15 &&
		   !memcmp(base, name.ptr, 15)) {
		name.ptr = base;
		name.len = (uint32_t)blen;
	}
	name.flags = 0;
	return console_esc(c, 0, &name);
}

void console_proc(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	bool root = p->flags & CPD_PROCF_ROOT;
	char how[64], kind[CONSOLE_ESC_MAX + 32];
	const char *sig;

	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
	case CPD_PROC_SPAWN_THREAD:
		c->tasks++;
		if (c->stream)
			console_line(c, ev, CLS_PROC, "spawn", " %s %d",
				     p->op == CPD_PROC_SPAWN_THREAD ? "thread" :
								      "process",
				     p->op == CPD_PROC_SPAWN_THREAD ?
					     p->child_tid :
					     p->child_pid);
		break;
	case CPD_PROC_EXEC:
		/* the command's own exec is not a subprocess */
		if (!(root && !c->root_exec_seen &&
		      c->run->mode == CPD_RUN_SPAWN))
			console_subproc(c, console_exec_name(c, ev, true));
		if (root)
			c->root_exec_seen = true;
		if (!c->stream)
			break;
		snprintf(kind, sizeof(kind), "─── %s exec ───",
			 console_exec_name(c, ev, false));
		console_line(c, ev, CLS_EXEC, kind, "%s", "");
		break;
	case CPD_PROC_EXIT:
		if (root && c->run->mode == CPD_RUN_SPAWN && !c->root_exec_seen)
			c->exec_failed = true;
		/* the command's own end is the summary's "Exit:" line */
		if (c->stream && !(root && (p->flags & CPD_PROCF_LEADER))) {
			if (p->signal > 0) {
				sig = c->host->signal_name(p->signal);
				snprintf(how, sizeof(how), "signal %s%s",
					 sig ? sig : "?",
					 p->flags & CPD_PROCF_CORE_DUMPED ?
						 ", core dumped" :
						 "");
			} else if (p->exit_code >= 0) {
				snprintf(how, sizeof(how), "code %d",
					 p->exit_code);
			} else {
				snprintf(how, sizeof(how), "unknown");
			}
			/* the original said "thread" for processes too */
			console_line(c, ev, CLS_PROC, "exit", " %s %d (%s)",
				     (p->flags & CPD_PROCF_LEADER) &&
						     (p->flags &
						      CPD_PROCF_GROUP_EXIT) ?
					     "process" :
					     "thread",
				     ev->tid ? ev->tid : ev->pid, how);
		}
		c->tasks--;
		break;
	case CPD_PROC_DETACH:
		c->tasks--;
		break;
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		/* the core says so on stderr itself */
		break;
	default:
		if (c->stream)
			console_generic(c, ev);
		break;
	}
}

static const char *console_region(struct console *c,
				  const struct cpd_ev_fault *f)
{
	switch (f->region) {
	case CPD_REGION_HEAP:
		return "heap";
	case CPD_REGION_ANON:
		return "anon";
	case CPD_REGION_STACK:
		return "stack";
	case CPD_REGION_FILE:
		return f->region_name.len ?
			       console_base(c, 0, &f->region_name) :
			       "file";
	default:
		return f->region_name.len ? console_esc(c, 0, &f->region_name) :
					    "?";
	}
}

void console_fault(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_fault *f = &ev->u.fault;
	char a[FORMAT_ADDR_MAX], p[8], kind[32];

	format_prot(f->prot, p, sizeof(p));
	if (f->count > 1) {
		snprintf(kind, sizeof(kind), "%" PRIu32 " faults", f->count);
		console_line(c, ev, CLS_FAULT, kind, " in %s @ %s (%s)",
			     console_region(c, f),
			     console_addr(c, f->region_start, a, sizeof(a)), p);
	} else {
		console_line(c, ev, CLS_FAULT, "fault", " %s in %s (%s)",
			     console_addr(c, f->addr, a, sizeof(a)),
			     console_region(c, f), p);
	}
}

/*
 * "dns ok.test A → 10.0.0.1, fd00::1 (127us)", "dns x.test AAAA NXDOMAIN
 * (0.8ms)", "dns slow.test A no answer after 5.0s".
 */
void console_dns(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_dns *d = &ev->u.dns;
	const char *p = d->answers.ptr, *end = p + d->answers.len;
	char t[32], ms[32];
	struct console_sb sb;
	int cls = CLS_NET;

	format_ns(d->latency_ns, ms, sizeof(ms));
	sb = console_body(c);
	console_sb_put(&sb, " ", 1);
	console_sb_str(&sb, console_esc(c, 0, &d->name));
	console_sb_put(&sb, " ", 1);
	console_sb_str(&sb, console_esc(c, 1, &d->type));
	switch (d->op) {
	case CPD_DNS_ANSWER:
		if (d->flags & CPD_DNSF_TRUNCATED) {
			console_sb_str(&sb, " truncated: asked again over TCP");
		} else if (d->rcode) {
			console_sb_put(&sb, " ", 1);
			console_sb_str(&sb, console_esc(c, 1, &d->rcode_name));
			cls = CLS_ERROR;
		} else if (!d->answers.len) {
			console_sb_str(&sb, " no such record");
		} else {
			unsigned shown = 0;

			console_sb_str(&sb, " →");
			/* each answer escaped on its own: a NUL separates them */
			while (p && p < end) {
				struct cpd_str a = { p, 0, 0 };
				const char *nul =
					memchr(p, '\0', (size_t)(end - p));

				a.len = (uint32_t)((nul ? nul : end) - p);
				console_sb_str(&sb, p == d->answers.ptr ? " " :
									  ", ");
				console_sb_str(&sb, console_esc(c, 1, &a));
				p += a.len + 1;
				shown++;
			}
			if (d->nanswers > shown) {
				snprintf(t, sizeof(t), " and %u more",
					 d->nanswers - shown);
				console_sb_str(&sb, t);
			}
		}
		console_sb_str(&sb, " (");
		console_sb_str(&sb, ms);
		if (d->retries) {
			snprintf(t, sizeof(t), ", asked %u×", d->retries + 1);
			console_sb_str(&sb, t);
		}
		if (d->flags & CPD_DNSF_TCP)
			console_sb_str(&sb, ", TCP");
		console_sb_put(&sb, ")", 1);
		break;
	case CPD_DNS_TIMEOUT:
		console_sb_str(&sb, " no answer after ");
		console_sb_str(&sb, ms);
		cls = CLS_ERROR;
		break;
	default:
		console_sb_str(&sb, d->flags & CPD_DNSF_SENT ?
					    " malformed message sent: " :
					    " malformed message received: ");
		console_sb_str(&sb, console_esc(c, 1, &d->error));
		cls = CLS_ERROR;
		break;
	}
	console_emit(c, ev, cls, "dns");
}

void console_sched(struct console *c, const struct cpd_event *ev)
{
	char d[FORMAT_NS_MAX];

	if (ev->u.sched.delay_ns < c->sched_min_print)
		return;
	format_ns(ev->u.sched.delay_ns, d, sizeof(d));
	console_line(c, ev, CLS_LATENCY, "sched", " delay %s", d);
}

void console_blkio(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_blkio *bio = &ev->u.blkio;
	char lat[FORMAT_NS_MAX], max[FORMAT_NS_MAX], b[FORMAT_BYTES_MAX],
		t[FORMAT_BYTES_MAX];

	format_ns(bio->latency_ns, lat, sizeof(lat));
	format_bytes(bio->bytes, b, sizeof(b));
	if (bio->count > 1) {
		format_ns(bio->max_latency_ns, max, sizeof(max));
		format_bytes(bio->total_bytes, t, sizeof(t));
		console_line(c, ev, CLS_LATENCY, "block I/O",
			     " %s avg, %s max (%s x%" PRIu32 ", %s total)", lat,
			     max, b, bio->count, t);
	} else {
		console_line(c, ev, CLS_LATENCY, "block I/O", " %s (%s)", lat,
			     b);
	}
}

void console_lost(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_lost *l = &ev->u.lost;
	const char *kind = c->host->event_kind_name(l->lost_kind);
	uint32_t k = l->lost_kind <= CPD_EV_MAX ? l->lost_kind : 0;
	char num[16];

	c->lost[k] += l->count;
	if (!c->lost_reason[k] && l->reason.ptr && l->reason.len)
		c->lost_reason[k] = strndup(l->reason.ptr, l->reason.len);
	if (!c->stream)
		return;
	if (!kind) {
		snprintf(num, sizeof(num), "kind%u", l->lost_kind);
		kind = num;
	}
	console_line(c, ev, CLS_ERROR, "lost", " %" PRIu64 " %s events: %s",
		     l->count, kind, console_esc(c, 0, &l->reason));
}

/* The host's own words, as it printed them on stderr: for the copy. */
void console_notice(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_notice *nt = &ev->u.notice;
	const char *level = nt->level == CPD_LOG_ERROR ? "error: " :
			    nt->level == CPD_LOG_WARN  ? "warning: " :
			    nt->level == CPD_LOG_NOTE  ? "note: " :
							 "";
	bool origin =
		nt->origin.ptr && nt->origin.len &&
		!(nt->origin.len == 4 && !memcmp(nt->origin.ptr, "core", 4));

	if (!c->copy)
		return;
	/* the host escaped the text: keep its backslashes, stop the rest */
	format_sanitize(nt->text.ptr ? nt->text.ptr : "", nt->text.len,
			c->esc[1], sizeof(c->esc[1]));
	if (origin)
		fprintf(c->copy, "compendium: [%s] %s%s\n",
			console_esc(c, 0, &nt->origin), level, c->esc[1]);
	else
		fprintf(c->copy, "compendium: %s%s\n", level, c->esc[1]);
}

/* -v: the strace-style line the host formats, after "[tid] ". */
void console_syscall(struct console *c, const struct cpd_event *ev)
{
	char prefix[24];
	size_t n;

	n = c->host->format_syscall(ev, c->esc[0], sizeof(c->esc[0]));
	format_sanitize(c->esc[0],
			n < sizeof(c->esc[0]) ? n : sizeof(c->esc[0]) - 1,
			c->line, sizeof(c->line));
	snprintf(prefix, sizeof(prefix), "[%d] ", ev->tid ? ev->tid : ev->pid);
	console_write(c, prefix, CLS_PLAIN, "", c->line);
}
