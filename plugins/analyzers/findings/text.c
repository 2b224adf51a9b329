// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: the words of a finding, and publishing it. Titles and details
 * are built as bytes (a path may hold anything, a NUL included): the
 * outputs escape them.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/format.h"

#include "findings.h"

/* The rules' ids: ABI for users and tools, in enum findings_rule_id order. */
const char *const findings_rule_ids[R_COUNT + 1] = {
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

void findings_put(struct findings_buf *b, const char *s, size_t n)
{
	if (!s || b->len + 1 >= b->size)
		return;
	if (n > b->size - 1 - b->len)
		n = b->size - 1 - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void findings_printf(struct findings_buf *b, const char *fmt, ...)
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

const char *findings_errno(const struct findings *f, int err, char *buf,
			   size_t size)
{
	const char *name = f->host->errno_name(err);

	if (name)
		return name;
	snprintf(buf, size, "E%d", err);
	return buf;
}

/* A byte count without the padding of format_bytes(). */
const char *findings_bytes(uint64_t v, char *buf, size_t size)
{
	char tmp[FORMAT_BYTES_MAX];
	const char *p = tmp;

	format_bytes(v, tmp, sizeof(tmp));
	while (*p == ' ')
		p++;
	snprintf(buf, size, "%s", p);
	return buf;
}

/* pids as the NUL-separated decimal list a finding carries. */
static size_t findings_pid_list(const int32_t *pids, uint32_t n, char *buf,
				size_t size)
{
	struct findings_buf b = { buf, 0, size };
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		findings_printf(&b, "%" PRId32, pids[i]);
		findings_put(&b, "\0", 1);
	}
	/* the list ends at its last entry's NUL, which is not part of it */
	return b.len ? b.len - 1 : 0;
}

void findings_publish(struct findings *f, const struct findings_out *o)
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

void findings_say(struct findings *f, enum findings_rule_id rule,
		  uint32_t severity, uint64_t count, const char *fmt, ...)
{
	char title[FINDINGS_TITLE_MAX];
	struct findings_buf t = { title, 0, sizeof(title) };
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
