// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the live stream and the final summary, in the original
 * Compendium's formats (reference/compendium.md 2 and 3), on stderr by
 * default, with an optional plain copy in a file (-o).
 *
 * It decodes nothing: it renders the analyzers' events and reports, and
 * prints kinds it does not know (a third party's) generically through the
 * host's field tables. Everything that came from a tracee is escaped
 * before it reaches the terminal or the copy.
 *
 * Reports it lays out itself (anything else is shown generically):
 *   section "memory": heap, mmap (bytes), regions (count), total (bytes)
 *   section "file":   read_bytes, written_bytes, opened_read, opened_write
 *   section "net":    sent_bytes, received_bytes
 *   rows "file.failed":     path, error (name, or an errno number), count
 *   rows "net.connections": proto, peer, direction ("connect"/"accept")
 * A few spellings of each key are accepted (see the *_keys tables), so
 * the analyzers and this file need not change in lockstep.
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

/* Room for one escaped path (the core keeps paths whole: PATH_MAX). */
#define CONSOLE_ESC_MAX		(FORMAT_ESCAPED_MAX(4096) + 4)
/* Room for a line: two escaped paths and the words around them. */
#define CONSOLE_LINE_MAX	(2 * CONSOLE_ESC_MAX + 512)
/* stdio buffer of the copy; our buffer of a stream going to /dev/null */
#define CONSOLE_BUF_SIZE	(64 * 1024)
/* Room for a prefix ("[+S.SSSs] [tid] "), a kind word and their colours. */
#define CONSOLE_PREFIX_MAX	64
#define CONSOLE_KIND_MAX	(CONSOLE_ESC_MAX + 32)
/* One whole output line: prefix, kind, body, colours, newline. */
#define CONSOLE_OUT_MAX \
	(CONSOLE_PREFIX_MAX + CONSOLE_KIND_MAX + CONSOLE_LINE_MAX + 32)
/* Rows of a summary list, and subprocess names, shown before "... more". */
#define CONSOLE_LIST_MAX	10
/* brk growth up to a page is allocator noise (the original's rule) */
#define CONSOLE_BRK_MIN		4096

enum console_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum console_target { TARGET_STDERR, TARGET_STDOUT, TARGET_NONE };

/* What a line is about: picks the colour of its kind word. */
enum console_class {
	CLS_PLAIN,
	CLS_FILE,
	CLS_NET,
	CLS_MEM,
	CLS_PROC,
	CLS_EXEC,
	CLS_FAULT,
	CLS_LATENCY,
	CLS_ERROR,
	CLS_OTHER,
};

static const char *const console_colors[] = {
	[CLS_PLAIN] = "",
	[CLS_FILE] = "\033[36m",	/* cyan */
	[CLS_NET] = "\033[35m",		/* magenta */
	[CLS_MEM] = "\033[33m",		/* yellow */
	[CLS_PROC] = "\033[32m",	/* green */
	[CLS_EXEC] = "\033[1m",		/* bold */
	[CLS_FAULT] = "\033[33m",
	[CLS_LATENCY] = "\033[34m",	/* blue */
	[CLS_ERROR] = "\033[31m",	/* red */
	[CLS_OTHER] = "\033[36m",
};
#define COLOR_DIM	"\033[2m"
#define COLOR_RESET	"\033[0m"

/* One key/value of a report, deep-copied: reports are borrowed. */
struct console_kv {
	char *key;
	char *label;
	uint16_t type;		/* enum cpd_kv_type */
	uint16_t unit;		/* enum cpd_unit */
	union {
		int64_t s64;
		uint64_t u64;
		double dbl;
	} v;
	struct cpd_str str;	/* CPD_KV_STR: owned copy */
};

struct console_report {
	char *topic;
	char *title;
	int32_t order;
	uint64_t seq;		/* arrival, to keep sorting stable */
	uint32_t nkv;
	struct console_kv *kv;
	bool shown;		/* laid out by the summary already */
};

/* The first rows of a summary table, and how many there were. */
struct console_rows {
	struct console_report row[CONSOLE_LIST_MAX];
	size_t n;
	uint64_t total;
	char *topic;		/* other tables: which one */
	char *title;
};

/* Tables of other analyzers (fault.processes, third parties') shown generically. */
#define CONSOLE_TABLES_MAX	8

struct console {
	/* options, written by host->apply_options() */
	const char *output;
	bool stream;
	bool summary;
	int32_t color;
	int32_t target;
	uint64_t sched_min_print;
	bool hidden;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	const struct cpd_run_info *run;
	const struct cpd_trace_stats *stats;

	int out;		/* the live stream; -1 with target = none */
	FILE *copy;		/* -o: every line, no colour */
	char *copy_buf;
	/* whole lines for /dev/null, written when full and at flushes */
	char *out_buf;
	size_t out_len;
	int out_err;		/* the stream's first write error */
	bool colour;
	bool write_error;	/* said once */

	uint64_t start_ns;	/* origin of "+S.SSSs" */
	long tasks;		/* live tasks, for a host that does not count */
	bool root_exec_seen;
	bool exec_failed;	/* the command exited before its first exec */

	struct console_report *sections;	/* one per topic, the last */
	size_t nsections, capsections;
	struct console_rows failed;	/* file.failed */
	struct console_rows conns;	/* net.connections */
	struct console_rows *tables[CONSOLE_TABLES_MAX];
	size_t ntables;

	char **subprocs;	/* unique exec names, first-exec order */
	size_t nsubprocs, capsubprocs;

	uint64_t lost[CPD_EV_MAX + 1];
	char *lost_reason[CPD_EV_MAX + 1];

	/* scratch, here rather than on the stack: paths can be long */
	char esc[2][CONSOLE_ESC_MAX];
	char line[CONSOLE_LINE_MAX];
	char wline[CONSOLE_OUT_MAX];	/* the line as the stream gets it */
};

static const char *const console_color_names[] = { "auto", "always", "never",
						    NULL };
static const char *const console_target_names[] = { "stderr", "stdout", "none",
						     NULL };

static const struct cpd_option console_options[] = {
	{ .name = "output", .type = CPD_OPT_PATH,
	  .offset = offsetof(struct console, output),
	  .help = "also write every line, notices included, to this file without colour (-o; - is stdout)" },
	{ .name = "stream", .type = CPD_OPT_BOOL, .def = "yes",
	  .offset = offsetof(struct console, stream),
	  .help = "print events as they happen" },
	{ .name = "summary", .type = CPD_OPT_BOOL, .def = "yes",
	  .offset = offsetof(struct console, summary),
	  .help = "print the summary when tracing ends" },
	{ .name = "color", .type = CPD_OPT_ENUM, .def = "auto",
	  .offset = offsetof(struct console, color),
	  .choices = console_color_names,
	  .help = "colour: auto (a terminal, and NO_COLOR unset), always, never" },
	{ .name = "target", .type = CPD_OPT_ENUM, .def = "stderr",
	  .offset = offsetof(struct console, target),
	  .choices = console_target_names,
	  .help = "where lines go: stderr, stdout, or none (only the output file)" },
	{ .name = "sched_min_print", .type = CPD_OPT_DURATION, .def = "100us",
	  .offset = offsetof(struct console, sched_min_print),
	  .help = "shortest scheduler delay worth a line" },
	{ .name = "hidden", .type = CPD_OPT_BOOL, .def = "no",
	  .offset = offsetof(struct console, hidden),
	  .help = "also print events the analyzers' noise filters matched" },
	CPD_OPTION_END
};

/* ---- writing ---------------------------------------------------------- */

/*
 * A string being built, cut (never overrun) at size - 1 like vsnprintf.
 * The live line is put together with these rather than stdio: it is the
 * console's work for every event, and printf's was most of it.
 */
struct console_sb {
	char *buf;
	size_t len, size;
};

static void console_sb_put(struct console_sb *sb, const char *s, size_t n)
{
	if (sb->len + 1 >= sb->size)
		return;
	if (n > sb->size - 1 - sb->len)
		n = sb->size - 1 - sb->len;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static void console_sb_str(struct console_sb *sb, const char *s)
{
	console_sb_put(sb, s, strlen(s));
}

static void console_sb_uint(struct console_sb *sb, uint64_t v)
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
static struct console_sb console_body(struct console *c)
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

static void console_out_flush(struct console *c)
{
	if (c->out_len)
		console_out_write(c, c->out_buf, c->out_len);
	c->out_len = 0;
}

/*
 * Whole lines to the stream: one write each (see console_open_out), or
 * into the buffer when the stream is /dev/null.
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
 * One line: prefix (time, pid), the kind word, the rest. Colour goes
 * around the prefix and the kind word only, on the terminal only.
 */
static void console_write(struct console *c, const char *prefix, int cls,
			  const char *kind, const char *body)
{
	struct console_sb sb = { c->wline, 0, sizeof(c->wline) };

	if (c->out >= 0) {
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
static void console_printf(struct console *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void console_printf(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->line, sizeof(c->line), fmt, ap);
	va_end(ap);
	console_write(c, "", CLS_PLAIN, "", c->line);
}

static uint64_t console_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t console_elapsed(struct console *c, uint64_t ts)
{
	if (!c->start_ns)
		c->start_ns = ts;	/* a host that did not say when it began */
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

/* "[+S.SSSs] ", and "[tid] " when several tasks run. */
static void console_prefix(struct console *c, const struct cpd_event *ev,
			   char *buf, size_t size)
{
	uint64_t ms = (console_elapsed(c, ev->ts_ns) + 500000) / 1000000;
	struct console_sb sb = { buf, 0, size };
	char frac[3];

	buf[0] = '\0';
	console_sb_put(&sb, "[+", 2);
	console_sb_uint(&sb, ms / 1000);
	frac[0] = (char)('0' + ms % 1000 / 100);
	frac[1] = (char)('0' + ms % 100 / 10);
	frac[2] = (char)('0' + ms % 10);
	console_sb_put(&sb, ".", 1);
	console_sb_put(&sb, frac, 3);
	console_sb_put(&sb, "s] ", 3);
	if ((ev->tid || ev->pid) && console_many_tasks(c)) {
		console_sb_put(&sb, "[", 1);
		console_sb_int(&sb, ev->tid ? ev->tid : ev->pid);
		console_sb_put(&sb, "] ", 2);
	}
}

/* A live line whose body the caller built in c->line. */
static void console_emit(struct console *c, const struct cpd_event *ev,
			 int cls, const char *kind)
{
	char prefix[CONSOLE_PREFIX_MAX];

	console_prefix(c, ev, prefix, sizeof(prefix));
	console_write(c, prefix, cls, kind, c->line);
}

static void console_line(struct console *c, const struct cpd_event *ev,
			 int cls, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* A live line of the rarer kinds, its body from a format. */
static void console_line(struct console *c, const struct cpd_event *ev,
			 int cls, const char *kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->line, sizeof(c->line), fmt, ap);
	va_end(ap);
	console_emit(c, ev, cls, kind);
}

/* ---- small renderers --------------------------------------------------- */

/* A tracee string, escaped, in scratch slot i; "?" when absent. */
static const char *console_esc(struct console *c, int i, const struct cpd_str *s)
{
	if (!s->ptr || !s->len)
		return "?";
	format_escape_str(s, c->esc[i], sizeof(c->esc[i]));
	return c->esc[i];
}

/* The basename of a tracee path, escaped, in scratch slot i. */
static const char *console_base(struct console *c, int i,
				const struct cpd_str *s)
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

static const char *console_errno(const struct console *c, int err, char *buf,
				 size_t size)
{
	const char *name = c->host->errno_name(err);

	if (name)
		return name;
	snprintf(buf, size, "errno %d", err);
	return buf;
}

static const char *console_addr(const struct console *c, uint64_t addr,
				char *buf, size_t size)
{
	/* ASLR makes addresses differ from run to run */
	if (c->run->deterministic)
		snprintf(buf, size, "xxxxxxxxxxxx");
	else
		format_addr(addr, buf, size);
	return buf;
}

/* " (x3)" when an event stands for several operations, else "". */
static const char *console_times(uint32_t count, char *buf, size_t size)
{
	if (count <= 1)
		return "";
	snprintf(buf, size, " (x%" PRIu32 ")", count);
	return buf;
}

/* A value shown by its unit, for generic event fields and report values. */
static void console_value(struct console *c, uint16_t unit, bool is_signed,
			  uint64_t u, char *buf, size_t size)
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
				   (size_t)n : sb->size - sb->len - 1;
}

/* Append " name=value" for one field, unless it is optional and empty. */
static void console_field(struct console *c, struct console_sb *sb,
			  const struct cpd_event *ev, const struct cpd_field *f)
{
	const unsigned char *at = (const unsigned char *)ev + f->offset;
	bool optional = f->flags & CPD_FIELDF_OPTIONAL;
	char val[256], tmp[64];
	size_t width = 0;
	uint64_t u = 0;
	int64_t s = 0;

	switch (f->type) {
	case CPD_FT_S64:
	case CPD_FT_U64:
	case CPD_FT_DOUBLE:
	case CPD_FT_ADDR:
		width = 8;
		break;
	case CPD_FT_STR:
	case CPD_FT_STRV:
		width = sizeof(struct cpd_str);
		break;
	case CPD_FT_SOCKADDR:
		width = sizeof(struct cpd_sockaddr);
		break;
	case CPD_FT_U16:
		width = 2;
		break;
	default:
		width = 4;
		break;
	}
	/* a producer older than the table: the field is not there */
	if (f->offset + width > ev->size)
		return;

	switch (f->type) {
	case CPD_FT_STR: {
		const struct cpd_str *str = (const void *)at;

		if (!str->ptr || !str->len) {
			if (!optional)
				console_sb_add(sb, " %s=\"\"", f->name);
			return;
		}
		console_sb_add(sb, " %s=\"%s\"", f->name,
			       console_esc(c, 1, str));
		return;
	}
	case CPD_FT_STRV: {
		const struct cpd_str *str = (const void *)at;
		uint32_t i = 0;

		if (!str->ptr || !str->len) {
			if (!optional)
				console_sb_add(sb, " %s=\"\"", f->name);
			return;
		}
		console_sb_add(sb, " %s=\"", f->name);
		while (i < str->len) {
			size_t n = strnlen(str->ptr + i, str->len - i);

			format_escape(str->ptr + i, n, c->esc[1],
				      sizeof(c->esc[1]));
			console_sb_add(sb, "%s%s", i ? " " : "", c->esc[1]);
			i += (uint32_t)n + 1;
		}
		console_sb_add(sb, "\"");
		return;
	}
	case CPD_FT_SOCKADDR: {
		const struct cpd_sockaddr *sa = (const void *)at;

		if (!sa->family && optional)
			return;
		format_sockaddr(sa, c->esc[1], sizeof(c->esc[1]));
		console_sb_add(sb, " %s=%s", f->name, c->esc[1]);
		return;
	}
	case CPD_FT_DOUBLE: {
		double d;

		memcpy(&d, at, sizeof(d));
		if (d == 0 && optional)
			return;
		console_sb_add(sb, " %s=%g", f->name, d);
		return;
	}
	case CPD_FT_S64:
		memcpy(&s, at, 8);
		u = (uint64_t)s;
		break;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&u, at, 8);
		break;
	case CPD_FT_U16: {
		uint16_t v;

		memcpy(&v, at, 2);
		u = v;
		break;
	}
	case CPD_FT_S32:
	case CPD_FT_FD:
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL: {
		int32_t v;

		memcpy(&v, at, 4);
		s = v;
		u = (uint64_t)s;
		break;
	}
	default: {
		uint32_t v;

		memcpy(&v, at, 4);
		u = v;
		break;
	}
	}
	if (!u && optional)
		return;

	switch (f->type) {
	case CPD_FT_ERRNO:
		console_sb_add(sb, " %s=%s", f->name,
			       console_errno(c, (int)s, tmp, sizeof(tmp)));
		return;
	case CPD_FT_SIGNAL: {
		const char *name = c->host->signal_name((int)s);

		if (name)
			console_sb_add(sb, " %s=%s", f->name, name);
		else
			console_sb_add(sb, " %s=%" PRId64, f->name, s);
		return;
	}
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		if (f->xlat) {
			c->host->format_xlat(f->xlat, u, val, sizeof(val));
			console_sb_add(sb, " %s=%s", f->name, val);
			return;
		}
		break;
	case CPD_FT_MODE:
		console_sb_add(sb, " %s=0%" PRIo64, f->name, u);
		return;
	case CPD_FT_DEV:
		/* the kernel's own dev_t: 12 bits of major above 20 of minor */
		console_sb_add(sb, " %s=%" PRIu64 ":%" PRIu64, f->name,
			       u >> 20, u & 0xfffff);
		return;
	case CPD_FT_ADDR:
		console_sb_add(sb, " %s=%s", f->name,
			       console_addr(c, u, tmp, sizeof(tmp)));
		return;
	case CPD_FT_FD:
		console_sb_add(sb, " %s=%" PRId64, f->name, s);
		return;
	default:
		break;
	}
	console_value(c, f->unit,
		      f->type == CPD_FT_S64 || f->type == CPD_FT_S32, u, val,
		      sizeof(val));
	console_sb_add(sb, " %s=%s", f->name, val);
}

/* "<kind> k=v k=v": any kind, a third party's included. */
static void console_generic(struct console *c, const struct cpd_event *ev)
{
	const char *name = c->host->event_kind_name(ev->kind);
	const struct cpd_field *fields;
	struct console_sb sb;
	char prefix[64], kind[32];
	uint32_t n = 0, i;

	if (!name) {
		snprintf(kind, sizeof(kind), "kind%u", ev->kind);
		name = kind;
	}
	sb.buf = c->line;
	sb.size = sizeof(c->line);
	sb.len = 0;
	c->line[0] = '\0';
	fields = c->host->event_fields(ev->kind, &n);
	for (i = 0; fields && i < n; i++)
		console_field(c, &sb, ev, &fields[i]);
	console_prefix(c, ev, prefix, sizeof(prefix));
	console_write(c, prefix, CLS_OTHER, name, c->line);
}

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

static void console_file(struct console *c, const struct cpd_event *ev)
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
		console_sb_str(&sb, f->flags & CPD_FILEF_WRITABLE ?
					    " (write)" : " (read)");
		console_emit(c, ev, CLS_FILE, "open");
		break;
	case CPD_FILE_OPEN_FAILED:
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
				     "net" : console_base(c, 1, &f->path2),
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

static void console_net(struct console *c, const struct cpd_event *ev)
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
		console_line(c, ev, CLS_NET, "connect", " %s → %s", proto,
			     c->esc[0]);
		break;
	case CPD_NET_CONNECT_FAILED:
		format_sockaddr(&nt->peer, c->esc[0], sizeof(c->esc[0]));
		console_line(c, ev, CLS_ERROR, "connect", " %s → %s failed: %s",
			     proto, c->esc[0],
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

static void console_mmap(struct console *c, const struct cpd_event *ev)
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
					 m->fd), c->esc[0]);
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
			return;	/* a shorter list, not a failed trace */
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
	const char *base = p->path.ptr ?
				   format_basename(p->path.ptr, p->path.len, &blen) :
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

static void console_proc(struct console *c, const struct cpd_event *ev)
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
					     p->child_tid : p->child_pid);
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
						 ", core dumped" : "");
			} else if (p->exit_code >= 0) {
				snprintf(how, sizeof(how), "code %d",
					 p->exit_code);
			} else {
				snprintf(how, sizeof(how), "unknown");
			}
			/* the original said "thread" for processes too */
			console_line(c, ev, CLS_PROC, "exit", " %s %d (%s)",
				     (p->flags & CPD_PROCF_LEADER) &&
						     (p->flags & CPD_PROCF_GROUP_EXIT) ?
					     "process" : "thread",
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
		return f->region_name.len ? console_base(c, 0, &f->region_name) :
					    "file";
	default:
		return f->region_name.len ? console_esc(c, 0, &f->region_name) :
					    "?";
	}
}

static void console_fault(struct console *c, const struct cpd_event *ev)
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

static void console_sched(struct console *c, const struct cpd_event *ev)
{
	char d[FORMAT_NS_MAX];

	if (ev->u.sched.delay_ns < c->sched_min_print)
		return;
	format_ns(ev->u.sched.delay_ns, d, sizeof(d));
	console_line(c, ev, CLS_LATENCY, "sched", " delay %s", d);
}

static void console_blkio(struct console *c, const struct cpd_event *ev)
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
		console_line(c, ev, CLS_LATENCY, "block I/O", " %s (%s)", lat, b);
	}
}

static void console_lost(struct console *c, const struct cpd_event *ev)
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
static void console_notice(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_notice *nt = &ev->u.notice;
	const char *level = nt->level == CPD_LOG_ERROR ? "error: " :
			    nt->level == CPD_LOG_WARN  ? "warning: " :
			    nt->level == CPD_LOG_NOTE  ? "note: " : "";
	bool origin = nt->origin.ptr && nt->origin.len &&
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
static void console_syscall(struct console *c, const struct cpd_event *ev)
{
	char prefix[24];
	size_t n;

	n = c->host->format_syscall(ev, c->esc[0], sizeof(c->esc[0]));
	format_sanitize(c->esc[0], n < sizeof(c->esc[0]) ? n :
			sizeof(c->esc[0]) - 1, c->line, sizeof(c->line));
	snprintf(prefix, sizeof(prefix), "[%d] ", ev->tid ? ev->tid : ev->pid);
	console_write(c, prefix, CLS_PLAIN, "", c->line);
}

/* ---- reports ----------------------------------------------------------- */

static char *console_strdup(const struct cpd_str *s)
{
	return strndup(s->ptr ? s->ptr : "", s->ptr ? s->len : 0);
}

static void console_report_free(struct console_report *r)
{
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		free(r->kv[i].key);
		free(r->kv[i].label);
		free((char *)r->kv[i].str.ptr);
	}
	free(r->kv);
	free(r->topic);
	free(r->title);
	memset(r, 0, sizeof(*r));
}

/* Deep-copy a report: the event is borrowed for the call only. */
static int console_report_copy(struct console_report *r,
			       const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	uint32_t i;

	memset(r, 0, sizeof(*r));
	r->topic = console_strdup(&rep->topic);
	r->title = console_strdup(&rep->title);
	r->order = rep->order;
	r->seq = ev->seq;
	r->kv = calloc(rep->nkv ? rep->nkv : 1, sizeof(*r->kv));
	if (!r->topic || !r->title || !r->kv)
		goto err_free;
	for (i = 0; i < rep->nkv; i++) {
		const struct cpd_kv *in = &rep->kv[i];
		struct console_kv *out = &r->kv[i];

		r->nkv = i + 1;
		out->type = in->type;
		out->unit = in->unit;
		out->key = console_strdup(&in->key);
		out->label = in->label.ptr && in->label.len ?
				     console_strdup(&in->label) : NULL;
		if (!out->key || (in->label.ptr && in->label.len && !out->label))
			goto err_free;
		if (in->type == CPD_KV_STR) {
			out->str.ptr = console_strdup(&in->v.str);
			out->str.len = in->v.str.ptr ? in->v.str.len : 0;
			out->str.flags = in->v.str.flags;
			if (!out->str.ptr)
				goto err_free;
		} else {
			out->v.u64 = in->v.u64;	/* the union's widest */
		}
	}
	return 0;

err_free:
	console_report_free(r);
	return -ENOMEM;
}

static bool console_topic_is(const struct cpd_ev_report *rep, const char *t)
{
	size_t len = strlen(t);

	return rep->topic.ptr && rep->topic.len == len &&
	       !memcmp(rep->topic.ptr, t, len);
}

/*
 * The table a row belongs to, made on its first row. file.files is left
 * out: the Files counts summarise it, and it has a row per file.
 */
static struct console_rows *console_table(struct console *c,
					  const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	struct console_rows *t;
	size_t i;

	for (i = 0; i < c->ntables; i++)
		if (console_topic_is(rep, c->tables[i]->topic))
			return c->tables[i];
	if (c->ntables == CONSOLE_TABLES_MAX)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->topic = strndup(rep->topic.ptr ? rep->topic.ptr : "", rep->topic.len);
	t->title = strndup(rep->title.ptr ? rep->title.ptr : "", rep->title.len);
	if (!t->topic || !t->title) {
		free(t->topic);
		free(t->title);
		free(t);
		return NULL;
	}
	c->tables[c->ntables++] = t;
	return t;
}

static int console_report(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_report *rep = &ev->u.report;
	struct console_rows *rows = NULL;
	struct console_report copy;
	size_t i;

	if (rep->flags & CPD_REPORTF_ROW) {
		/*
		 * Only the tables the summary shows; the others are for
		 * the HTML and CSV outputs, and can be long.
		 */
		if (console_topic_is(rep, "file.failed"))
			rows = &c->failed;
		else if (console_topic_is(rep, "net.connections"))
			rows = &c->conns;
		else if (!console_topic_is(rep, "file.files"))
			rows = console_table(c, ev);
		if (!rows)
			return 0;
		rows->total++;
		if (rows->n == CONSOLE_LIST_MAX)
			return 0;
		if (console_report_copy(&rows->row[rows->n], ev) < 0)
			return -ENOMEM;
		rows->n++;
		return 0;
	}
	if (console_report_copy(&copy, ev) < 0)
		return -ENOMEM;
	/* a topic published again replaces what it said before */
	for (i = 0; i < c->nsections; i++) {
		if (!strcmp(c->sections[i].topic, copy.topic)) {
			console_report_free(&c->sections[i]);
			c->sections[i] = copy;
			return 0;
		}
	}
	if (c->nsections == c->capsections) {
		size_t cap = c->capsections ? 2 * c->capsections : 8;
		struct console_report *v;

		v = realloc(c->sections, cap * sizeof(*v));
		if (!v) {
			console_report_free(&copy);
			return -ENOMEM;
		}
		c->sections = v;
		c->capsections = cap;
	}
	c->sections[c->nsections++] = copy;
	return 0;
}

/* ---- the summary -------------------------------------------------------- */

/* Accepted spellings of the keys the fixed layouts read. */
static const char *const heap_keys[] = { "heap", "heap_bytes", NULL };
static const char *const mmap_keys[] = { "mmap", "mmap_bytes", "mapped",
					 "mapped_bytes", NULL };
static const char *const regions_keys[] = { "regions", "mmap_regions",
					    "region_count", NULL };
static const char *const total_keys[] = { "total", "total_bytes", NULL };
static const char *const read_keys[] = { "read_bytes", "read", "bytes_read",
					 "files_read", NULL };
static const char *const written_keys[] = { "written_bytes", "written",
					    "write_bytes", "bytes_written",
					    "files_written", NULL };
static const char *const opened_read_keys[] = { "opened_read",
						"opened_for_read",
						"open_read", NULL };
static const char *const opened_write_keys[] = { "opened_write",
						 "opened_for_write",
						 "open_write", NULL };
static const char *const sent_keys[] = { "sent_bytes", "sent", "bytes_sent",
					 "net_sent", NULL };
static const char *const received_keys[] = { "received_bytes", "received",
					     "recv_bytes", "bytes_received",
					     "net_received", NULL };
static const char *const path_keys[] = { "path", "file", NULL };
static const char *const error_keys[] = { "error", "errno", "err", NULL };
static const char *const count_keys[] = { "count", "times", "attempts", NULL };
static const char *const proto_keys[] = { "proto", "protocol", "type", NULL };
static const char *const peer_keys[] = { "peer", "remote", "address", "addr",
					 NULL };
static const char *const dir_keys[] = { "direction", "dir", "op", NULL };

static const struct console_kv *console_kv(const struct console_report *r,
					   const char *const *names)
{
	uint32_t i;

	for (; r && *names; names++)
		for (i = 0; i < r->nkv; i++)
			if (!strcmp(r->kv[i].key, *names))
				return &r->kv[i];
	return NULL;
}

static bool console_kv_u64(const struct console_kv *kv, uint64_t *out)
{
	if (!kv)
		return false;
	switch (kv->type) {
	case CPD_KV_U64:
		*out = kv->v.u64;
		return true;
	case CPD_KV_S64:
		*out = kv->v.s64 < 0 ? 0 : (uint64_t)kv->v.s64;
		return true;
	case CPD_KV_DOUBLE:
		*out = kv->v.dbl < 0 ? 0 : (uint64_t)kv->v.dbl;
		return true;
	default:
		return false;
	}
}

static struct console_report *console_section(struct console *c,
					       const char *topic)
{
	size_t i;

	for (i = 0; i < c->nsections; i++)
		if (!strcmp(c->sections[i].topic, topic))
			return &c->sections[i];
	return NULL;
}

static void console_kv_text(struct console *c, const struct console_kv *kv,
			    char *buf, size_t size)
{
	switch (kv->type) {
	case CPD_KV_STR:
		format_escape_str(&kv->str, buf, size);
		break;
	case CPD_KV_DOUBLE:
		if (kv->unit == CPD_UNIT_PERCENT)
			snprintf(buf, size, "%.1f%%", kv->v.dbl);
		else if (kv->unit == CPD_UNIT_NS || kv->unit == CPD_UNIT_BYTES)
			console_value(c, kv->unit, false,
				      kv->v.dbl < 0 ? 0 : (uint64_t)kv->v.dbl,
				      buf, size);
		else
			snprintf(buf, size, "%g", kv->v.dbl);
		break;
	default:
		console_value(c, kv->unit, kv->type == CPD_KV_S64, kv->v.u64,
			      buf, size);
		break;
	}
}

/* " <title>:" and one aligned "   <label>: <value>" per key/value. */
static void console_section_generic(struct console *c,
				    const struct console_report *r)
{
	size_t width = 0, i;

	console_printf(c, " %s:", *r->title ? r->title : r->topic);
	for (i = 0; i < r->nkv; i++) {
		const struct console_kv *kv = &r->kv[i];
		size_t w = strlen(kv->label ? kv->label : kv->key);

		width = w > width ? w : width;
	}
	for (i = 0; i < r->nkv; i++) {
		const struct console_kv *kv = &r->kv[i];
		const char *label = kv->label ? kv->label : kv->key;

		console_kv_text(c, kv, c->esc[1], sizeof(c->esc[1]));
		console_printf(c, "   %s:%*s %s", label,
			       (int)(width - strlen(label)), "", c->esc[1]);
	}
}

static const char console_sep[] =
	"━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━";

/* Memory, from the "memory" section; false if it has none of our keys. */
static bool console_sum_memory(struct console *c,
			       const struct console_report *r)
{
	const struct console_kv *heap = console_kv(r, heap_keys),
				*map = console_kv(r, mmap_keys);
	uint64_t h = 0, m = 0, n = 0, t;
	char b[FORMAT_BYTES_MAX], regions[48] = "";

	if (!heap && !map)
		return false;
	console_kv_u64(heap, &h);
	console_kv_u64(map, &m);
	if (!console_kv_u64(console_kv(r, total_keys), &t))
		t = h + m;
	if (console_kv_u64(console_kv(r, regions_keys), &n))
		snprintf(regions, sizeof(regions), " (%" PRIu64 " regions)", n);
	console_printf(c, " Memory:");
	format_bytes(h, b, sizeof(b));
	console_printf(c, "   Heap:  %s", b);
	format_bytes(m, b, sizeof(b));
	console_printf(c, "   Mmap:  %s%s", b, regions);
	format_bytes(t, b, sizeof(b));
	console_printf(c, "   Total: %s", b);
	return true;
}

static void console_sum_io(struct console *c, const struct console_report *file,
			   const struct console_report *net)
{
	char b[FORMAT_BYTES_MAX];
	uint64_t v;

	if (!file && !net)
		return;
	console_printf(c, " I/O:");
	if (file) {
		v = 0;
		console_kv_u64(console_kv(file, read_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Files read:    %s", b);
		v = 0;
		console_kv_u64(console_kv(file, written_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Files written: %s", b);
	}
	if (net) {
		v = 0;
		console_kv_u64(console_kv(net, sent_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Net sent:      %s", b);
		v = 0;
		console_kv_u64(console_kv(net, received_keys), &v);
		format_bytes(v, b, sizeof(b));
		console_printf(c, "   Net received:  %s", b);
	}
}

static void console_sum_files(struct console *c,
			      const struct console_report *file)
{
	uint64_t r = 0, w = 0;

	console_kv_u64(console_kv(file, opened_read_keys), &r);
	console_kv_u64(console_kv(file, opened_write_keys), &w);
	if (!r && !w)
		return;
	console_printf(c, " Files:");
	console_printf(c, "   Opened for read:  %" PRIu64, r);
	console_printf(c, "   Opened for write: %" PRIu64, w);
}

static void console_sum_more(struct console *c, const struct console_rows *rows)
{
	if (rows->total > rows->n)
		console_printf(c, "   ... and %" PRIu64 " more",
			       rows->total - rows->n);
}

static void console_sum_failed(struct console *c)
{
	size_t i;

	if (!c->failed.total)
		return;
	console_printf(c, " Failed opens:");
	for (i = 0; i < c->failed.n; i++) {
		const struct console_report *r = &c->failed.row[i];
		const struct console_kv *path = console_kv(r, path_keys),
					*err = console_kv(r, error_keys);
		char e[48], n[32] = "";
		const char *ename = "?";
		uint64_t v;

		if (err && err->type == CPD_KV_STR) {
			format_escape_str(&err->str, e, sizeof(e));
			ename = e;
		} else if (console_kv_u64(err, &v)) {
			ename = console_errno(c, (int)v, e, sizeof(e));
		}
		if (console_kv_u64(console_kv(r, count_keys), &v))
			snprintf(n, sizeof(n), ", %" PRIu64 "×", v);
		console_kv_text(c, path ? path : &r->kv[0], c->esc[1],
				sizeof(c->esc[1]));
		console_printf(c, "   %s (%s%s)", r->nkv ? c->esc[1] : "?",
			       ename, n);
	}
	console_sum_more(c, &c->failed);
}

static void console_sum_conns(struct console *c)
{
	size_t i;

	if (!c->conns.total)
		return;
	console_printf(c, " Network connections:");
	for (i = 0; i < c->conns.n; i++) {
		const struct console_report *r = &c->conns.row[i];
		const struct console_kv *proto = console_kv(r, proto_keys),
					*peer = console_kv(r, peer_keys),
					*dir = console_kv(r, dir_keys);
		bool in = dir && dir->type == CPD_KV_STR && dir->str.ptr &&
			  (!strcmp(dir->str.ptr, "accept") ||
			   !strcmp(dir->str.ptr, "in") ||
			   !strcmp(dir->str.ptr, "inbound"));
		char p[32] = "?";

		if (proto)
			console_kv_text(c, proto, p, sizeof(p));
		if (peer)
			console_kv_text(c, peer, c->esc[1], sizeof(c->esc[1]));
		console_printf(c, "   %s %s %s", p, in ? "←" : "→",
			       peer ? c->esc[1] : "?");
	}
	console_sum_more(c, &c->conns);
}

/* "   pid 1234, comm sh, Faults 120, Touched 480.0 KB" per row. */
static void console_sum_table(struct console *c, const struct console_rows *t)
{
	size_t i, k, off;

	console_printf(c, " %s:", *t->title ? t->title : t->topic);
	for (i = 0; i < t->n; i++) {
		const struct console_report *r = &t->row[i];
		char line[CONSOLE_ESC_MAX];

		off = 0;
		line[0] = '\0';
		for (k = 0; k < r->nkv && off < sizeof(line); k++) {
			const struct console_kv *kv = &r->kv[k];

			console_kv_text(c, kv, c->esc[1], sizeof(c->esc[1]));
			off += (size_t)snprintf(line + off, sizeof(line) - off,
						"%s%s %s", k ? ", " : "",
						kv->label ? kv->label : kv->key,
						c->esc[1]);
		}
		console_printf(c, "   %s", line);
	}
	console_sum_more(c, t);
}

static void console_sum_subprocs(struct console *c)
{
	size_t i, len = 0, shown;

	if (!c->nsubprocs)
		return;
	shown = c->nsubprocs < CONSOLE_LIST_MAX ? c->nsubprocs : CONSOLE_LIST_MAX;
	for (i = 0; i < shown; i++) {
		int n = snprintf(c->esc[1] + len, sizeof(c->esc[1]) - len,
				 "%s%s", i ? ", " : "", c->subprocs[i]);

		if (n < 0 || (size_t)n >= sizeof(c->esc[1]) - len)
			break;
		len += (size_t)n;
	}
	if (c->nsubprocs > shown)
		snprintf(c->esc[1] + len, sizeof(c->esc[1]) - len,
			 ", ... (%zu more)", c->nsubprocs - shown);
	console_printf(c, " Subprocesses: %s", c->esc[1]);
}

static void console_sum_lost(struct console *c)
{
	bool any = c->stats->events_dropped > 0;
	uint32_t k;

	for (k = 0; k <= CPD_EV_MAX; k++)
		any = any || c->lost[k];
	if (!any)
		return;
	console_printf(c, " Lost events:");
	for (k = 0; k <= CPD_EV_MAX; k++) {
		const char *kind = c->host->event_kind_name(k);
		struct cpd_str why = { 0 };

		if (!c->lost[k])
			continue;
		why.ptr = c->lost_reason[k];
		why.len = why.ptr ? (uint32_t)strlen(why.ptr) : 0;
		console_printf(c, "   %s: %" PRIu64 "%s%s%s",
			       kind ? kind : "?", c->lost[k],
			       why.len ? " (" : "",
			       why.len ? console_esc(c, 1, &why) : "",
			       why.len ? ")" : "");
	}
	if (c->stats->events_dropped)
		console_printf(c, "   refused by the event bus: %" PRIu64,
			       c->stats->events_dropped);
}

static int console_section_cmp(const void *a, const void *b)
{
	const struct console_report *x = a, *y = b;
	int d;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	d = strcmp(x->topic, y->topic);
	if (d)
		return d;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void console_summary(struct console *c)
{
	static const char *const sources[] = { "fault", "sched", "blkio" };
	const struct cpd_trace_stats *st = c->stats;
	struct console_report *memory, *file, *net, *r;
	uint64_t elapsed = 0;
	size_t i;

	if (!c->run->deterministic && c->start_ns)
		elapsed = console_now() - c->start_ns;
	/* sections nobody lays out come in their order, then by topic */
	if (c->nsections)
		qsort(c->sections, c->nsections, sizeof(*c->sections),
		      console_section_cmp);
	memory = console_section(c, "memory");
	file = console_section(c, "file");
	net = console_section(c, "net");
	/* a section without the keys of our layout is shown generically */
	if (file && !console_kv(file, read_keys) &&
	    !console_kv(file, written_keys) &&
	    !console_kv(file, opened_read_keys) &&
	    !console_kv(file, opened_write_keys))
		file = NULL;
	if (net && !console_kv(net, sent_keys) &&
	    !console_kv(net, received_keys))
		net = NULL;

	console_printf(c, "%s", "");
	console_printf(c, "%s", console_sep);
	console_printf(c, " FINAL: %s (%.2fs)",
		       console_esc(c, 0, &c->run->command),
		       (double)elapsed / 1e9);
	console_printf(c, "%s", console_sep);
	if (memory)
		memory->shown = console_sum_memory(c, memory);
	for (i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		r = console_section(c, sources[i]);
		if (r) {
			console_section_generic(c, r);
			r->shown = true;
		}
	}
	console_sum_io(c, file, net);
	if (file) {
		console_sum_files(c, file);
		file->shown = true;
	}
	if (net)
		net->shown = true;
	console_sum_failed(c);
	console_sum_conns(c);
	for (i = 0; i < c->ntables; i++)
		console_sum_table(c, c->tables[i]);
	console_sum_subprocs(c);
	for (i = 0; i < c->nsections; i++)
		if (!c->sections[i].shown)
			console_section_generic(c, &c->sections[i]);
	console_sum_lost(c);
	/* the counts follow the libc and the seccomp filter: not for tests */
	if (!c->run->deterministic)
		console_printf(c, " Syscalls: %" PRIu64 " seen, %" PRIu64
			       " ptrace stops", st->syscalls_seen,
			       st->ptrace_stops);
	if (st->root_exit_signal > 0) {
		const char *sig = c->host->signal_name(st->root_exit_signal);

		if (sig)
			console_printf(c, " Exit: killed by %s", sig);
		else
			console_printf(c, " Exit: killed by signal %d",
				       st->root_exit_signal);
	} else if (st->root_exit_code >= 0) {
		console_printf(c, " Exit: exit %d", st->root_exit_code);
	} else {
		console_printf(c, " Exit: unknown");
	}
	console_printf(c, "%s", console_sep);
}

/* ---- the plugin --------------------------------------------------------- */

static int console_init(struct cpd_instance *inst, const struct cpd_host *host,
			void **statep)
{
	struct console *c = calloc(1, sizeof(*c));
	int rc;

	if (!c)
		return -ENOMEM;
	c->host = host;
	c->inst = inst;
	rc = host->apply_options(inst, c);
	if (rc < 0) {
		free(c);
		return rc;
	}
	c->run = host->run_info(inst);
	c->stats = host->trace_stats(inst);
	c->tasks = 1;	/* the command, or the first attached task */
	c->out = -1;
	*statep = c;
	return 0;
}

/*
 * Our own stream on a close-on-exec duplicate of fd: buffering it is then
 * our business alone, not that of the process-wide stderr the host's
 * messages use, and other instances keep theirs.
 */
static FILE *console_open_fd(struct console *c, int fd, char **bufp)
{
	int dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	FILE *fp;

	if (dupfd < 0)
		return NULL;
	fp = fdopen(dupfd, "w");
	if (!fp) {
		close(dupfd);
		return NULL;
	}
	*bufp = malloc(CONSOLE_BUF_SIZE);
	/*
	 * Line by line even to a pipe or a file: the traced command and our
	 * own messages write to the same place, and a line cut where a full
	 * buffer happens to end would have their text land in its middle.
	 */
	if (*bufp)
		setvbuf(fp, *bufp, _IOLBF, CONSOLE_BUF_SIZE);
	else
		setvbuf(fp, NULL, _IOLBF, 0);
	return fp;
}

static bool console_is_devnull(int fd)
{
	struct stat st;

	return !fstat(fd, &st) && S_ISCHR(st.st_mode) &&
	       st.st_rdev == makedev(1, 3);
}

/*
 * The live stream, on a close-on-exec duplicate of fd (ours to close).
 *
 * Each line goes out in one write of its own, to a terminal, a pipe or
 * a file alike: the traced command and the host's own messages write to
 * the same place, unbuffered or line by line, so a line held back would
 * land after text that came later, and a buffer cut mid-line would have
 * their text land inside our line.
 *
 * /dev/null is the exception: nothing ever reads what is written there,
 * so neither order nor cuts can be seen, and whole lines are gathered
 * into a buffer written when full, at each flush and at the end.
 */
static int console_open_out(struct console *c, int fd)
{
	int dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);

	if (dupfd < 0)
		return -1;
	/* no memory: one write per line there too */
	if (console_is_devnull(dupfd))
		c->out_buf = malloc(CONSOLE_BUF_SIZE);
	return dupfd;
}

static bool console_want_colour(const struct console *c, int fd)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	switch (c->color) {
	case COLOR_ALWAYS:
		return true;
	case COLOR_NEVER:
		return false;
	default:
		/* https://no-color.org: set and non-empty disables it */
		if (no && *no)
			return false;
		if (term && !strcmp(term, "dumb"))
			return false;
		return isatty(fd);
	}
}

static int console_start(void *state)
{
	struct console *c = state;
	int err, fd = c->target == TARGET_STDOUT ? STDOUT_FILENO : STDERR_FILENO;

	c->start_ns = c->run->start_ns;
	if (c->target != TARGET_NONE) {
		c->out = console_open_out(c, fd);
		if (c->out < 0)
			c->host->log(c->inst, CPD_LOG_WARN,
				     "cannot write to %s: %s",
				     fd == STDOUT_FILENO ? "stdout" : "stderr",
				     strerror(errno));
		else
			c->colour = console_want_colour(c, fd);
	}
	if (c->output && *c->output) {
		if (!strcmp(c->output, "-"))
			c->copy = console_open_fd(c, STDOUT_FILENO,
						  &c->copy_buf);
		else
			c->copy = fopen(c->output, "we");	/* "e": not for the tracee */
		if (!c->copy) {
			err = errno;
			c->host->log(c->inst, CPD_LOG_ERROR,
				     "cannot open '%s': %s", c->output,
				     strerror(err));
			return -err;
		}
		if (!c->copy_buf) {
			c->copy_buf = malloc(CONSOLE_BUF_SIZE);
			if (c->copy_buf)
				setvbuf(c->copy, c->copy_buf, _IOFBF,
					CONSOLE_BUF_SIZE);
		}
	}
	return 0;
}

static int console_on_event(void *state, const struct cpd_event *ev)
{
	struct console *c = state;

	switch (ev->kind) {
	case CPD_EV_PROC:
		/* always: the summary needs the execs and the task count */
		console_proc(c, ev);
		return 0;
	case CPD_EV_REPORT:
		return console_report(c, ev);
	case CPD_EV_NOTICE:
		console_notice(c, ev);
		return 0;
	case CPD_EV_LOST:
		console_lost(c, ev);
		return 0;
	default:
		break;
	}
	if (!c->stream)
		return 0;
	switch (ev->kind) {
	case CPD_EV_SYSCALL:
		console_syscall(c, ev);
		break;
	case CPD_EV_FILE:
		console_file(c, ev);
		break;
	case CPD_EV_NET:
		console_net(c, ev);
		break;
	case CPD_EV_MMAP:
		console_mmap(c, ev);
		break;
	case CPD_EV_FAULT:
		console_fault(c, ev);
		break;
	case CPD_EV_SCHED:
		console_sched(c, ev);
		break;
	case CPD_EV_BLKIO:
		console_blkio(c, ev);
		break;
	default:
		console_generic(c, ev);
		break;
	}
	return 0;
}

/* Once, not on every timer tick. */
static int console_write_failed(struct console *c, const char *what, int err)
{
	if (c->write_error)
		return 0;
	c->write_error = true;
	c->host->log(c->inst, CPD_LOG_ERROR, "cannot write to %s: %s", what,
		     strerror(err ? err : EIO));
	return -EIO;
}

static int console_flush_copy(struct console *c)
{
	if (!c->copy)
		return 0;
	errno = 0;
	if (fflush(c->copy) != EOF && !ferror(c->copy))
		return 0;
	return console_write_failed(c, c->output, errno);
}

static int console_flush_out(struct console *c)
{
	if (c->out < 0)
		return 0;
	console_out_flush(c);
	if (!c->out_err)
		return 0;
	return console_write_failed(c, c->target == TARGET_STDOUT ?
					       "stdout" : "stderr",
				    c->out_err);
}

static int console_flush(void *state)
{
	struct console *c = state;
	int rc_out, rc_copy;

	rc_out = console_flush_out(c);
	rc_copy = console_flush_copy(c);
	return rc_out ? rc_out : rc_copy;
}

static int console_stop(void *state)
{
	struct console *c = state;

	/* nothing ran: the host has said why, a summary would only add noise */
	if (c->summary && !c->exec_failed &&
	    (c->run->mode == CPD_RUN_NONE || c->stats->tasks_seen))
		console_summary(c);
	return console_flush(c);
}

static void console_fini(void *state)
{
	struct console *c = state;
	size_t i;

	if (c->out >= 0) {
		console_out_flush(c);
		close(c->out);
	}
	if (c->copy)
		fclose(c->copy);
	free(c->out_buf);
	free(c->copy_buf);
	for (i = 0; i < c->nsections; i++)
		console_report_free(&c->sections[i]);
	free(c->sections);
	for (i = 0; i < c->failed.n; i++)
		console_report_free(&c->failed.row[i]);
	for (i = 0; i < c->conns.n; i++)
		console_report_free(&c->conns.row[i]);
	for (i = 0; i < c->ntables; i++) {
		size_t j;

		for (j = 0; j < c->tables[i]->n; j++)
			console_report_free(&c->tables[i]->row[j]);
		free(c->tables[i]->topic);
		free(c->tables[i]->title);
		free(c->tables[i]);
	}
	for (i = 0; i < c->nsubprocs; i++)
		free(c->subprocs[i]);
	free(c->subprocs);
	for (i = 0; i <= CPD_EV_MAX; i++)
		free(c->lost_reason[i]);
	free(c);
}

#define CONSOLE_EVENTS                                                    \
	(CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET) |               \
	 CPD_EVMASK(CPD_EV_MMAP) | CPD_EVMASK(CPD_EV_FAULT) |             \
	 CPD_EVMASK(CPD_EV_SCHED) | CPD_EVMASK(CPD_EV_BLKIO) |            \
	 CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_LOST) |              \
	 CPD_EVMASK(CPD_EV_REPORT) | CPD_EVMASK(CPD_EV_NOTICE) |          \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

/*
 * The -v strace-style view needs CPD_EV_SYSCALL, but an unnarrowed
 * SYSCALL subscriber makes the core stop at every syscall of every run.
 * CPD_PF_SYSCALL_VERBOSE (a host-side rule: deliver SYSCALL only with -v
 * or when the section's "events =" names it) is what makes that
 * subscription free; until the SDK has it, the console does not ask for
 * syscalls at all rather than slow every trace down.
 */
#ifdef CPD_PF_SYSCALL_VERBOSE
#define CONSOLE_SUBSCRIBE	(CONSOLE_EVENTS | CPD_EVMASK(CPD_EV_SYSCALL))
#define CONSOLE_FLAGS		CPD_PF_SYSCALL_VERBOSE
#else
#define CONSOLE_SUBSCRIBE	CONSOLE_EVENTS
#define CONSOLE_FLAGS		0
#endif

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_OUTPUT,
	.name = "console",
	.version = "1.0",
	.description = "live event lines and the final summary on the terminal (-o: a copy in a file)",
	.subscribe = CONSOLE_SUBSCRIBE,
	.flags = CONSOLE_FLAGS,
	.options = console_options,
	.init = console_init,
	.start = console_start,
	.on_event = console_on_event,
	.flush = console_flush,
	.stop = console_stop,
	.fini = console_fini,
);
