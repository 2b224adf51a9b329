// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The details column: one line per event in the console's words, with
 * whole paths ("4.0 KB from /tmp/x.txt", "tcp4 → 93.184.216.34:443"; the
 * viewer shortens a path that does not fit from the left), built from the shared
 * formats in plugins/lib/format.c. Tracee strings go in as raw bytes:
 * the JSON writer escapes them and the viewer shows them as text only.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evfield.h"
#include "lib/format.h"

/* brk growth the original did not show: the allocator's small steps */
#define HTML_BRK_MIN 4096

/*
 * Whether an event becomes a row. What the console leaves out stays out
 * (closes, socket bookkeeping, small brk steps, what the noise filters
 * hid), so the cap counts what a person would look at.
 */
bool html_detail_shown(const struct html_data *d, const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_FILE:
		if ((ev->u.file.flags & CPD_FILEF_HIDDEN) && !d->hidden)
			return false;
		return ev->u.file.op != CPD_FILE_CLOSE;
	case CPD_EV_NET:
		if ((ev->u.net.flags & CPD_NETF_HIDDEN) && !d->hidden)
			return false;
		switch (ev->u.net.op) {
		case CPD_NET_SOCKET:
		case CPD_NET_BIND:
		case CPD_NET_CLOSE:
		case CPD_NET_SHUTDOWN:
			return false;
		}
		return true;
	case CPD_EV_MMAP:
		if ((ev->u.mmap.flags & CPD_MMAPF_HIDDEN) && !d->hidden)
			return false;
		switch (ev->u.mmap.op) {
		case CPD_MMAP_BRK:
			return ev->u.mmap.delta > HTML_BRK_MIN;
		case CPD_MMAP_UNMAP:
		case CPD_MMAP_REMAP:
		case CPD_MMAP_PROTECT:
			return d->verbose;
		}
		return true;
	case CPD_EV_REPORT:
	case CPD_EV_NOTICE:
		return false;
	default:
		return true;
	}
}

/* The type column: the op's name from the host's tables. */
const char *html_detail_type(const struct cpd_host *host,
			     const struct cpd_event *ev, char *buf, size_t size)
{
	uint32_t xlat, op;

	switch (ev->kind) {
	case CPD_EV_PROC:
		xlat = CPD_XLAT_PROC_OP;
		op = ev->u.proc.op;
		break;
	case CPD_EV_FILE:
		xlat = CPD_XLAT_FILE_OP;
		op = ev->u.file.op;
		break;
	case CPD_EV_NET:
		xlat = CPD_XLAT_NET_OP;
		op = ev->u.net.op;
		break;
	case CPD_EV_MMAP:
		xlat = CPD_XLAT_MMAP_OP;
		op = ev->u.mmap.op;
		break;
	case CPD_EV_SCHED:
		xlat = CPD_XLAT_SCHED_OP;
		op = ev->u.sched.op;
		break;
	case CPD_EV_BLKIO:
		xlat = CPD_XLAT_BLKIO_OP;
		op = ev->u.blkio.op;
		break;
	case CPD_EV_FAULT:
		return ev->u.fault.count > 1 ? "fault_group" : "fault";
	case CPD_EV_LOST:
		return "lost";
	case CPD_EV_FINDING:
		/* the rule's name: a small set, like the ops' */
		if (!ev->u.finding.id.ptr || !ev->u.finding.id.len)
			return "finding";
		snprintf(buf, size, "%.*s", (int)ev->u.finding.id.len,
			 ev->u.finding.id.ptr);
		return buf;
	case CPD_EV_SYSCALL:
		if (!ev->u.syscall.name.ptr)
			return "syscall";
		snprintf(buf, size, "%.*s", (int)ev->u.syscall.name.len,
			 ev->u.syscall.name.ptr);
		return buf;
	default: {
		const char *name = host->event_kind_name(ev->kind);

		return name ? name : "event";
	}
	}
	host->format_xlat(xlat, op, buf, size);
	return buf;
}

/* format_bytes() without the console's column padding. */
void html_detail_bytes(struct escape_buf *b, uint64_t bytes)
{
	char buf[FORMAT_BYTES_MAX];
	const char *p = buf;

	format_bytes(bytes, buf, sizeof(buf));
	while (*p == ' ')
		p++;
	escape_puts(b, p);
}

static void html_ns(struct escape_buf *b, uint64_t ns)
{
	char buf[FORMAT_NS_MAX];

	format_ns(ns, buf, sizeof(buf));
	escape_puts(b, buf);
}

static void html_str(struct escape_buf *b, const struct cpd_str *s)
{
	if (s->ptr && s->len)
		escape_put(b, s->ptr, s->len);
	else
		escape_putc(b, '?');
}

static void html_base(struct escape_buf *b, const struct cpd_str *s)
{
	const char *p;
	size_t len;

	if (!s->ptr || !s->len) {
		escape_putc(b, '?');
		return;
	}
	p = format_basename(s->ptr, s->len, &len);
	escape_put(b, p, len);
}

static void html_errno(struct escape_buf *b, const struct cpd_host *host,
		       int err)
{
	const char *name = host->errno_name(err);

	if (name)
		escape_puts(b, name);
	else
		escape_printf(b, "errno %d", err);
}

static void html_sockaddr(struct escape_buf *b, const struct cpd_sockaddr *sa)
{
	char buf[FORMAT_SOCKADDR_MAX];

	format_sockaddr(sa, buf, sizeof(buf));
	escape_puts(b, buf);
}

/* "3× " before a coalesced or grouped row's total. */
static void html_times(struct escape_buf *b, uint64_t count)
{
	if (count > 1)
		escape_printf(b, "%" PRIu64 "× ", count);
}

static void html_file(struct escape_buf *b, const struct cpd_host *host,
		      const struct cpd_ev_file *f, uint64_t count)
{
	switch (f->op) {
	case CPD_FILE_OPEN:
		html_str(b, &f->path);
		escape_puts(b, f->flags & CPD_FILEF_WRITABLE ? " (write)" :
							       " (read)");
		return;
	case CPD_FILE_OPEN_FAILED:
		html_str(b, &f->path);
		escape_puts(b, " failed: ");
		html_errno(b, host, f->err);
		return;
	case CPD_FILE_READ:
	case CPD_FILE_WRITE:
		html_times(b, count);
		html_detail_bytes(b, f->bytes);
		escape_puts(b, f->op == CPD_FILE_READ ? " from " : " to ");
		html_str(b, &f->path);
		return;
	default: /* copy, sendfile, splice */
		html_times(b, count);
		html_detail_bytes(b, f->bytes);
		escape_puts(b, " from ");
		html_str(b, &f->path);
		escape_puts(b, " to ");
		if (f->flags & CPD_FILEF_TO_NETWORK)
			escape_puts(b, "net");
		else
			html_str(b, &f->path2);
		return;
	}
}

static void html_net(struct escape_buf *b, const struct cpd_host *host,
		     const struct cpd_ev_net *n, uint64_t count)
{
	const char *proto = format_proto(n->family, n->sock_type);

	switch (n->op) {
	case CPD_NET_CONNECT:
	case CPD_NET_CONNECT_FAILED:
		escape_printf(b, "%s → ", proto);
		html_sockaddr(b, &n->peer);
		if (n->op == CPD_NET_CONNECT_FAILED) {
			escape_puts(b, " failed: ");
			html_errno(b, host, n->err);
		}
		return;
	case CPD_NET_ACCEPT:
		escape_printf(b, "%s ← ", proto);
		html_sockaddr(b, &n->peer);
		return;
	case CPD_NET_LISTEN:
		escape_printf(b, "%s ", proto);
		html_sockaddr(b, &n->local);
		return;
	case CPD_NET_SEND:
	case CPD_NET_RECV:
		html_times(b, count);
		html_detail_bytes(b, n->bytes);
		if (n->peer.family) {
			escape_puts(b,
				    n->op == CPD_NET_SEND ? " to " : " from ");
			html_sockaddr(b, &n->peer);
		}
		return;
	default:
		escape_puts(b, proto);
		return;
	}
}

static void html_remap(struct escape_buf *b, const struct cpd_ev_mmap *m,
		       const char *a1, const char *a2)
{
	char o1[FORMAT_ADDR_MAX], o2[FORMAT_ADDR_MAX];

	format_addr(m->old_addr, o1, sizeof(o1));
	format_addr(m->old_addr + m->old_len, o2, sizeof(o2));
	escape_printf(b, "%s-%s → %s-%s ", o1, o2, a1, a2);
	html_detail_bytes(b, m->len);
}

static void html_mmap(struct escape_buf *b, const struct cpd_ev_mmap *m)
{
	char a1[FORMAT_ADDR_MAX], a2[FORMAT_ADDR_MAX], p[8];

	format_addr(m->addr, a1, sizeof(a1));
	format_addr(m->addr + m->len, a2, sizeof(a2));
	format_prot(m->prot, p, sizeof(p));
	switch (m->op) {
	case CPD_MMAP_BRK:
		escape_putc(b, '+');
		html_detail_bytes(b, m->delta > 0 ? (uint64_t)m->delta : 0);
		return;
	case CPD_MMAP_MAP:
		escape_printf(b, "%s-%s %s ", a1, a2, p);
		html_detail_bytes(b, m->len);
		escape_putc(b, ' ');
		if (m->flags & CPD_MMAPF_ANON)
			escape_puts(b, "anon");
		else if (m->path.ptr && m->path.len)
			html_str(b, &m->path);
		else if (m->fd >= 0)
			escape_printf(b, "fd:%d", m->fd);
		else
			escape_puts(b, "file");
		return;
	case CPD_MMAP_PROTECT:
		escape_printf(b, "%s-%s %s", a1, a2, p);
		return;
	case CPD_MMAP_REMAP:
		html_remap(b, m, a1, a2);
		return;
	default: /* unmap */
		escape_printf(b, "%s-%s ", a1, a2);
		html_detail_bytes(b, m->len);
		return;
	}
}

static void html_region(struct escape_buf *b, const struct cpd_ev_fault *f)
{
	switch (f->region) {
	case CPD_REGION_HEAP:
		escape_puts(b, "heap");
		return;
	case CPD_REGION_ANON:
		escape_puts(b, "anon");
		return;
	case CPD_REGION_STACK:
		escape_puts(b, "stack");
		return;
	case CPD_REGION_FILE:
		if (f->region_name.len)
			html_base(b, &f->region_name);
		else
			escape_puts(b, "file");
		return;
	default:
		html_str(b, &f->region_name);
		return;
	}
}

static void html_fault(struct escape_buf *b, const struct cpd_ev_fault *f)
{
	char a[FORMAT_ADDR_MAX], p[8];

	format_prot(f->prot, p, sizeof(p));
	if (f->count > 1) {
		format_addr(f->region_start, a, sizeof(a));
		escape_printf(b, "%" PRIu32 " faults in ", f->count);
		html_region(b, f);
		escape_printf(b, " @ %s (%s)", a, p);
	} else {
		format_addr(f->addr, a, sizeof(a));
		escape_printf(b, "%s in ", a);
		html_region(b, f);
		escape_printf(b, " (%s)", p);
	}
}

static void html_blkio(struct escape_buf *b, const struct cpd_ev_blkio *bio)
{
	html_ns(b, bio->latency_ns);
	if (bio->count > 1) {
		escape_puts(b, " avg, ");
		html_ns(b, bio->max_latency_ns);
		escape_puts(b, " max (");
		html_detail_bytes(b, bio->bytes);
		escape_printf(b, " x%" PRIu32 ", ", bio->count);
		html_detail_bytes(b, bio->total_bytes);
		escape_puts(b, " total)");
	} else {
		escape_puts(b, " (");
		html_detail_bytes(b, bio->bytes);
		escape_putc(b, ')');
	}
}

static void html_argv(struct escape_buf *b, const struct cpd_str *argv)
{
	uint32_t i;

	for (i = 0; argv->ptr && i < argv->len; i++) {
		if (i + 1 == argv->len && !argv->ptr[i])
			break;
		escape_putc(b, argv->ptr[i] ? argv->ptr[i] : ' ');
	}
}

static void html_proc(struct escape_buf *b, const struct cpd_host *host,
		      const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	const char *sig;

	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
		escape_printf(b, "process %d", p->child_pid);
		return;
	case CPD_PROC_SPAWN_THREAD:
		escape_printf(b, "thread %d", p->child_tid);
		return;
	case CPD_PROC_EXEC:
	case CPD_PROC_START:
		html_str(b, &p->path);
		if (p->argv.ptr && p->argv.len) {
			escape_puts(b, ": ");
			html_argv(b, &p->argv);
		}
		return;
	case CPD_PROC_EXIT:
		escape_printf(
			b, "%s %d ",
			(p->flags & CPD_PROCF_LEADER) &&
					(p->flags & CPD_PROCF_GROUP_EXIT) ?
				"process" :
				"thread",
			ev->tid ? ev->tid : ev->pid);
		if (p->signal > 0) {
			sig = host->signal_name(p->signal);
			escape_printf(b, "(signal %s%s)", sig ? sig : "?",
				      p->flags & CPD_PROCF_CORE_DUMPED ?
					      ", core dumped" :
					      "");
		} else if (p->exit_code >= 0) {
			escape_printf(b, "(code %d)", p->exit_code);
		} else {
			escape_puts(b, "(unknown)");
		}
		return;
	default: /* attach, detach */
		escape_printf(b, "%s %d",
			      ev->pid == ev->tid ? "process" : "thread",
			      ev->tid);
		return;
	}
}

/* A kind we do not know: its key fields, "name=value". */
struct html_generic_ctx {
	struct escape_buf *b;
	bool first;
};

static void html_generic_field(void *ctx, const struct evfield *v)
{
	struct html_generic_ctx *g = ctx;
	struct escape_buf *b = g->b;
	const char *elem;
	uint32_t pos = 0;
	size_t len;
	bool more = false;

	if (!(v->field->flags & CPD_FIELDF_KEY))
		return;
	escape_printf(b, "%s%s=", g->first ? "" : " ", v->field->name);
	g->first = false;
	switch (v->field->type) {
	case CPD_FT_STR:
		html_str(b, v->str);
		return;
	case CPD_FT_STRV:
		while (v->str && evfield_strv_next(v->str, &pos, &elem, &len)) {
			if (more)
				escape_putc(b, ' ');
			escape_put(b, elem, len);
			more = true;
		}
		return;
	case CPD_FT_SOCKADDR:
		html_sockaddr(b, v->sa);
		return;
	case CPD_FT_DOUBLE:
		escape_printf(b, "%g", v->d);
		return;
	case CPD_FT_ADDR:
		escape_printf(b, "0x%" PRIx64, v->u);
		return;
	}
	if (v->name)
		escape_puts(b, v->name);
	else if (v->is_signed)
		escape_printf(b, "%" PRId64, v->s);
	else
		escape_printf(b, "%" PRIu64, v->u);
}

static void html_generic(struct escape_buf *b, const struct cpd_host *host,
			 const struct cpd_event *ev)
{
	struct html_generic_ctx g = { b, true };

	evfield_walk(host, ev, 0, html_generic_field, &g);
}

/* -v: the strace-style line the host formats */
static void html_syscall(struct escape_buf *b, const struct cpd_host *host,
			 const struct cpd_event *ev)
{
	char small[1024];
	size_t need = host->format_syscall(ev, small, sizeof(small));
	char *big;

	if (need < sizeof(small)) {
		escape_put(b, small, need);
		return;
	}
	big = malloc(need + 1);
	if (!big) {
		b->oom = true;
		return;
	}
	host->format_syscall(ev, big, need + 1);
	escape_put(b, big, need);
	free(big);
}

void html_detail(struct escape_buf *b, const struct cpd_host *host,
		 const struct cpd_event *ev, uint64_t count)
{
	const struct cpd_ev_lost *l;
	const char *kind;

	switch (ev->kind) {
	case CPD_EV_PROC:
		html_proc(b, host, ev);
		return;
	case CPD_EV_FILE:
		html_file(b, host, &ev->u.file, count);
		return;
	case CPD_EV_NET:
		html_net(b, host, &ev->u.net, count);
		return;
	case CPD_EV_MMAP:
		html_mmap(b, &ev->u.mmap);
		return;
	case CPD_EV_FAULT:
		html_fault(b, &ev->u.fault);
		return;
	case CPD_EV_SCHED:
		escape_puts(b, "waited ");
		html_ns(b, ev->u.sched.delay_ns);
		return;
	case CPD_EV_BLKIO:
		html_blkio(b, &ev->u.blkio);
		return;
	case CPD_EV_LOST:
		l = &ev->u.lost;
		kind = host->event_kind_name(l->lost_kind);
		escape_printf(b, "%" PRIu64 " %s events: ", l->count,
			      kind ? kind : "?");
		html_str(b, &l->reason);
		return;
	case CPD_EV_SYSCALL:
		html_syscall(b, host, ev);
		return;
	case CPD_EV_FINDING:
		html_str(b, &ev->u.finding.title);
		if (ev->u.finding.count > 1)
			escape_printf(b, " (%" PRIu64 "×)",
				      ev->u.finding.count);
		return;
	default:
		html_generic(b, host, ev);
		return;
	}
}
