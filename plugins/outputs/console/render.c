// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: writing lines and turning values into text.
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

#include "lib/evfield.h"
#include "lib/format.h"

#include "console.h"

static const char *const console_colors[] = {
	[CLS_PLAIN] = "",	  [CLS_FILE] = "\033[36m",    /* cyan */
	[CLS_NET] = "\033[35m",				      /* magenta */
	[CLS_MEM] = "\033[33m",				      /* yellow */
	[CLS_PROC] = "\033[32m",			      /* green */
	[CLS_EXEC] = "\033[1m",				      /* bold */
	[CLS_FAULT] = "\033[33m", [CLS_LATENCY] = "\033[34m", /* blue */
	[CLS_ERROR] = "\033[31m",			      /* red */
	[CLS_OTHER] = "\033[36m",
};
/* ---- writing ---------------------------------------------------------- */

void console_sb_put(struct console_sb *sb, const char *s, size_t n)
{
	if (sb->len + 1 >= sb->size)
		return;
	if (n > sb->size - 1 - sb->len)
		n = sb->size - 1 - sb->len;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void console_sb_str(struct console_sb *sb, const char *s)
{
	console_sb_put(sb, s, strlen(s));
}

void console_sb_uint(struct console_sb *sb, uint64_t v)
{
	char d[24];
	size_t i = sizeof(d);

	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	console_sb_put(sb, d + i, sizeof(d) - i);
}

static void console_sb_int(struct console_sb *sb, int64_t v)
{
	if (v < 0) {
		console_sb_put(sb, "-", 1);
		console_sb_uint(sb, -(uint64_t)v);
	} else {
		console_sb_uint(sb, (uint64_t)v);
	}
}

/* The body of a line, c->line, starts empty. */
struct console_sb console_body(struct console *c)
{
	struct console_sb sb = { c->line, 0, sizeof(c->line) };

	c->line[0] = '\0';
	return sb;
}

/* Write all of p to the stream's fd; remember the first error. */
static void console_out_write(struct console *c, const char *p, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(c->out, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!c->out_err)
				c->out_err = n < 0 ? errno : EIO;
			return;
		}
		p += n;
		len -= (size_t)n;
	}
}

void console_out_flush(struct console *c)
{
	if (c->out_len)
		console_out_write(c, c->out_buf, c->out_len);
	c->out_len = 0;
}

/*
 * Whole lines to the stream: into the buffer, written at the next flush
 * or when full, or one write each (see console_open_out).
 */
static void console_out(struct console *c, const char *p, size_t len)
{
	if (c->out_buf) {
		if (len > CONSOLE_BUF_SIZE - c->out_len)
			console_out_flush(c);
		if (len <= CONSOLE_BUF_SIZE) {
			memcpy(c->out_buf + c->out_len, p, len);
			c->out_len += len;
			return;
		}
	}
	console_out_write(c, p, len);
}

/*
 * A line without colour straight into the held-back buffer: no copy in
 * c->wline first. False when it cannot go there.
 */
static bool console_out_direct(struct console *c, const char *prefix,
			       const char *kind, const char *body)
{
	size_t lp = strlen(prefix), lk = strlen(kind), lb = strlen(body);
	size_t len = lp + lk + lb + 1;
	char *p;

	/* longer than c->wline would cut it: let console_write do that */
	if (!c->out_buf || c->colour || len >= sizeof(c->wline))
		return false;
	if (len > CONSOLE_BUF_SIZE - c->out_len)
		console_out_flush(c);
	p = c->out_buf + c->out_len;
	memcpy(p, prefix, lp);
	memcpy(p + lp, kind, lk);
	memcpy(p + lp + lk, body, lb);
	p[len - 1] = '\n';
	c->out_len += len;
	return true;
}

/*
 * One line: prefix (time, pid), the kind word, the rest. Colour goes
 * around the prefix and the kind word only, on the terminal only.
 */
void console_write(struct console *c, const char *prefix, int cls,
		   const char *kind, const char *body)
{
	struct console_sb sb = { c->wline, 0, sizeof(c->wline) };

	if (c->out >= 0 && !console_out_direct(c, prefix, kind, body)) {
		if (c->colour && *prefix) {
			console_sb_str(&sb, COLOR_DIM);
			console_sb_str(&sb, prefix);
			console_sb_str(&sb, COLOR_RESET);
		} else {
			console_sb_str(&sb, prefix);
		}
		if (c->colour && *kind && *console_colors[cls]) {
			console_sb_str(&sb, console_colors[cls]);
			console_sb_str(&sb, kind);
			console_sb_str(&sb, COLOR_RESET);
		} else {
			console_sb_str(&sb, kind);
		}
		console_sb_str(&sb, body);
		/* room for it by CONSOLE_OUT_MAX: a line always ends */
		console_sb_put(&sb, "\n", 1);
		console_out(c, sb.buf, sb.len);
	}
	if (c->copy) {
		fputs(prefix, c->copy);
		fputs(kind, c->copy);
		fputs(body, c->copy);
		putc('\n', c->copy);
	}
}

/* A summary line: no prefix, no colour. */
void console_printf(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->line, sizeof(c->line), fmt, ap);
	va_end(ap);
	console_write(c, "", CLS_PLAIN, "", c->line);
}

uint64_t console_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t console_elapsed(struct console *c, uint64_t ts)
{
	if (!c->start_ns)
		c->start_ns = ts; /* a host that did not say when it began */
	if (c->run->deterministic || ts < c->start_ns)
		return 0;
	return ts - c->start_ns;
}

static bool console_many_tasks(const struct console *c)
{
	if (c->stats->tasks_live)
		return c->stats->tasks_live > 1;
	return c->tasks > 1;
}

/*
 * "[+S.SSSs] ", and "[tid] " when several tasks run. The last one is kept:
 * events come many to a millisecond, and from the same task.
 */
static void console_prefix(struct console *c, const struct cpd_event *ev,
			   char *buf, size_t size)
{
	uint64_t ms = (console_elapsed(c, ev->ts_ns) + 500000) / 1000000;
	int32_t who = (ev->tid || ev->pid) && console_many_tasks(c) ?
			      (ev->tid ? ev->tid : ev->pid) :
			      0;
	struct console_sb sb = { buf, 0, size };
	char frac[3];

	if (c->pfx_len && c->pfx_ms == ms && c->pfx_who == who &&
	    c->pfx_len < size) {
		memcpy(buf, c->pfx, c->pfx_len + 1);
		return;
	}
	buf[0] = '\0';
	console_sb_put(&sb, "[+", 2);
	console_sb_uint(&sb, ms / 1000);
	frac[0] = (char)('0' + ms % 1000 / 100);
	frac[1] = (char)('0' + ms % 100 / 10);
	frac[2] = (char)('0' + ms % 10);
	console_sb_put(&sb, ".", 1);
	console_sb_put(&sb, frac, 3);
	console_sb_put(&sb, "s] ", 3);
	if (who) {
		console_sb_put(&sb, "[", 1);
		console_sb_int(&sb, who);
		console_sb_put(&sb, "] ", 2);
	}
	if (sb.len < sizeof(c->pfx)) {
		memcpy(c->pfx, buf, sb.len + 1);
		c->pfx_len = sb.len;
		c->pfx_ms = ms;
		c->pfx_who = who;
	}
}

/* A live line whose body the caller built in c->line. */
void console_emit(struct console *c, const struct cpd_event *ev, int cls,
		  const char *kind)
{
	char prefix[CONSOLE_PREFIX_MAX];

	console_prefix(c, ev, prefix, sizeof(prefix));
	console_write(c, prefix, cls, kind, c->line);
}

/* A live line of the rarer kinds, its body from a format. */
void console_line(struct console *c, const struct cpd_event *ev, int cls,
		  const char *kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->line, sizeof(c->line), fmt, ap);
	va_end(ap);
	console_emit(c, ev, cls, kind);
}

/* ---- small renderers --------------------------------------------------- */

/* A tracee string, escaped, in scratch slot i; "?" when absent. */
const char *console_esc(struct console *c, int i, const struct cpd_str *s)
{
	if (!s->ptr || !s->len)
		return "?";
	format_escape_str(s, c->esc[i], sizeof(c->esc[i]));
	return c->esc[i];
}

/* The basename of a tracee path, escaped, in scratch slot i. */
const char *console_base(struct console *c, int i, const struct cpd_str *s)
{
	struct cpd_str b = { 0 };
	size_t len;

	if (!s->ptr || !s->len)
		return "?";
	b.ptr = format_basename(s->ptr, s->len, &len);
	b.len = (uint32_t)len;
	b.flags = s->flags;
	return console_esc(c, i, &b);
}

const char *console_errno(const struct console *c, int err, char *buf,
			  size_t size)
{
	const char *name = c->host->errno_name(err);

	if (name)
		return name;
	snprintf(buf, size, "errno %d", err);
	return buf;
}

const char *console_addr(const struct console *c, uint64_t addr, char *buf,
			 size_t size)
{
	/* ASLR makes addresses differ from run to run */
	if (c->run->deterministic)
		snprintf(buf, size, "xxxxxxxxxxxx");
	else
		format_addr(addr, buf, size);
	return buf;
}

/* " (x3)" when an event stands for several operations, else "". */
const char *console_times(uint32_t count, char *buf, size_t size)
{
	if (count <= 1)
		return "";
	snprintf(buf, size, " (x%" PRIu32 ")", count);
	return buf;
}

/* A value shown by its unit, for generic event fields and report values. */
void console_value(struct console *c, uint16_t unit, bool is_signed, uint64_t u,
		   char *buf, size_t size)
{
	int64_t s = (int64_t)u;

	if (is_signed && s < 0) {
		snprintf(buf, size, "%" PRId64, s);
		return;
	}
	switch (unit) {
	case CPD_UNIT_BYTES: {
		char b[FORMAT_BYTES_MAX];
		const char *p = b;

		format_bytes(u, b, sizeof(b));
		while (*p == ' ')
			p++;
		snprintf(buf, size, "%s", p);
		break;
	}
	case CPD_UNIT_NS:
		format_ns(u, buf, size);
		break;
	case CPD_UNIT_ADDR:
		console_addr(c, u, buf, size);
		break;
	case CPD_UNIT_PERCENT:
		snprintf(buf, size, "%" PRIu64 "%%", u);
		break;
	case CPD_UNIT_TIMESTAMP: {
		uint64_t ms = (console_elapsed(c, u) + 500000) / 1000000;

		snprintf(buf, size, "+%" PRIu64 ".%03" PRIu64 "s", ms / 1000,
			 ms % 1000);
		break;
	}
	default:
		snprintf(buf, size, "%" PRIu64, u);
		break;
	}
}

/* ---- generic rendering through the field tables ----------------------- */

static void console_sb_add(struct console_sb *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void console_sb_add(struct console_sb *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->len + 1 >= sb->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		sb->len += (size_t)n < sb->size - sb->len ?
				   (size_t)n :
				   sb->size - sb->len - 1;
}

/* What the field printer works on: the console, and the line's body. */
struct console_fields {
	struct console *c;
	struct console_sb sb;
};

/* Append " name=value" for one field. */
static void console_field(void *ctx, const struct evfield *v)
{
	struct console_fields *cf = ctx;
	struct console *c = cf->c;
	struct console_sb *sb = &cf->sb;
	const char *name = v->field->name;
	const char *elem;
	uint32_t pos = 0;
	char val[256];
	size_t len;

	switch (v->field->type) {
	case CPD_FT_STR:
		console_sb_add(sb, " %s=\"%s\"", name,
			       v->empty ? "" : console_esc(c, 1, v->str));
		return;
	case CPD_FT_STRV:
		console_sb_add(sb, " %s=\"", name);
		while (evfield_strv_next(v->str, &pos, &elem, &len)) {
			format_escape(elem, len, c->esc[1], sizeof(c->esc[1]));
			console_sb_add(sb, "%s%s",
				       elem != v->str->ptr ? " " : "",
				       c->esc[1]);
		}
		console_sb_add(sb, "\"");
		return;
	case CPD_FT_SOCKADDR:
		format_sockaddr(v->sa, c->esc[1], sizeof(c->esc[1]));
		console_sb_add(sb, " %s=%s", name, c->esc[1]);
		return;
	case CPD_FT_DOUBLE:
		console_sb_add(sb, " %s=%g", name, v->d);
		return;
	case CPD_FT_ERRNO:
		if (!v->name) {
			snprintf(val, sizeof(val), "errno %" PRId64, v->s);
			console_sb_add(sb, " %s=%s", name, val);
			return;
		}
		console_sb_add(sb, " %s=%s", name, v->name);
		return;
	case CPD_FT_SIGNAL:
		if (v->name)
			console_sb_add(sb, " %s=%s", name, v->name);
		else
			console_sb_add(sb, " %s=%" PRId64, name, v->s);
		return;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		if (v->field->xlat) {
			console_sb_add(sb, " %s=%s", name, v->name);
			return;
		}
		break;
	case CPD_FT_MODE:
		console_sb_add(sb, " %s=0%" PRIo64, name, v->u);
		return;
	case CPD_FT_DEV:
		/* the kernel's own dev_t: 12 bits of major above 20 of minor */
		console_sb_add(sb, " %s=%" PRIu64 ":%" PRIu64, name, v->u >> 20,
			       v->u & 0xfffff);
		return;
	case CPD_FT_ADDR:
		console_sb_add(sb, " %s=%s", name,
			       console_addr(c, v->u, val, sizeof(val)));
		return;
	case CPD_FT_FD:
		console_sb_add(sb, " %s=%" PRId64, name, v->s);
		return;
	default:
		break;
	}
	console_value(c, v->field->unit, v->is_signed, v->u, val, sizeof(val));
	console_sb_add(sb, " %s=%s", name, val);
}

/* "<kind> k=v k=v": any kind, a third party's included. */
void console_generic(struct console *c, const struct cpd_event *ev)
{
	const char *name = c->host->event_kind_name(ev->kind);
	struct console_fields cf = { c, { c->line, 0, sizeof(c->line) } };
	char prefix[64], kind[32];

	if (!name) {
		snprintf(kind, sizeof(kind), "kind%u", ev->kind);
		name = kind;
	}
	c->line[0] = '\0';
	evfield_walk(c->host, ev, EVFIELD_SKIP_EMPTY_OPTIONAL, console_field,
		     &cf);
	console_prefix(c, ev, prefix, sizeof(prefix));
	console_write(c, prefix, CLS_OTHER, name, c->line);
}
