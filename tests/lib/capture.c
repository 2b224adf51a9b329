// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * capture: a test output that writes every event it gets as one line,
 * generically through the field tables, so tests can assert on exactly
 * what reached the bus:
 *
 *   proc op=exec pid=123 tid=123 path="/bin/true" ...
 *   syscall pid=123 tid=123 openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 3</etc/hosts>
 *   report topic="file" read_bytes=1234 ...
 *
 * Times are left out unless timestamps = yes: tests compare text.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

struct capture {
	const char *path;
	bool timestamps;
	bool fields_all;
	bool durations;
	const struct cpd_host *host;
	struct cpd_instance *inst;
	FILE *out;
};

static const struct cpd_option capture_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .flags = CPD_OPTF_REQUIRED,
	  .offset = offsetof(struct capture, path),
	  .help = "file to write the events to" },
	{ .name = "timestamps",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct capture, timestamps),
	  .help = "prefix lines with the event time in ns" },
	{ .name = "durations",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct capture, durations),
	  .help = "end syscall lines with took=NS (exit_ns - enter_ns), or untimed" },
	{ .name = "all_fields",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct capture, fields_all),
	  .help = "also print fields that are zero or empty" },
	CPD_OPTION_END
};

static int capture_init(struct cpd_instance *inst, const struct cpd_host *host,
			void **statep)
{
	struct capture *c = calloc(1, sizeof(*c));
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
	*statep = c;
	return 0;
}

static int capture_start(void *state)
{
	struct capture *c = state;

	c->out = fopen(c->path, "we");
	if (!c->out) {
		int err = errno;

		c->host->log(c->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     c->path, strerror(err));
		return -err;
	}
	return 0;
}

static void capture_str(FILE *out, const struct cpd_str *s, bool strv)
{
	uint32_t i;

	fputc('"', out);
	for (i = 0; i < s->len; i++) {
		unsigned char ch = (unsigned char)s->ptr[i];

		if (strv && ch == '\0')
			fputs("\\0", out);
		else if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			fprintf(out, "\\x%02x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void capture_sockaddr(struct capture *c, const struct cpd_sockaddr *sa)
{
	char buf[64];

	c->host->format_xlat(CPD_XLAT_AF, sa->family, buf, sizeof(buf));
	fprintf(c->out, "{%s", buf);
	if (sa->port)
		fprintf(c->out, " port=%u", sa->port);
	if (sa->path.len) {
		fputc(' ', c->out);
		capture_str(c->out, &sa->path, false);
	}
	fputc('}', c->out);
}

static void capture_field(struct capture *c, const struct cpd_event *ev,
			  const struct cpd_field *f)
{
	const char *at = (const char *)ev + f->offset;
	char buf[256];
	uint64_t u = 0;
	int64_t s = 0;

	switch (f->type) {
	case CPD_FT_STR:
	case CPD_FT_STRV: {
		const struct cpd_str *str = (const void *)at;

		if (!str->ptr && !c->fields_all)
			return;
		fprintf(c->out, " %s=", f->name);
		capture_str(c->out, str, f->type == CPD_FT_STRV);
		return;
	}
	case CPD_FT_SOCKADDR:
		if (!((const struct cpd_sockaddr *)at)->family &&
		    !c->fields_all)
			return;
		fprintf(c->out, " %s=", f->name);
		capture_sockaddr(c, (const void *)at);
		return;
	case CPD_FT_S64:
		memcpy(&s, at, 8);
		break;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&u, at, 8);
		break;
	case CPD_FT_DOUBLE: {
		double d;

		memcpy(&d, at, 8);
		fprintf(c->out, " %s=%g", f->name, d);
		return;
	}
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
		break;
	}
	default: {
		uint32_t v;

		memcpy(&v, at, 4);
		u = v;
		break;
	}
	}
	if (!c->fields_all && !s && !u)
		return;
	fprintf(c->out, " %s=", f->name);
	switch (f->type) {
	case CPD_FT_S64:
	case CPD_FT_S32:
	case CPD_FT_FD:
		fprintf(c->out, "%" PRId64, s);
		break;
	case CPD_FT_ERRNO:
		fputs(c->host->errno_name((int)s) ?
			      c->host->errno_name((int)s) :
			      "?",
		      c->out);
		break;
	case CPD_FT_SIGNAL:
		fputs(c->host->signal_name((int)s) ?
			      c->host->signal_name((int)s) :
			      "?",
		      c->out);
		break;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		c->host->format_xlat(f->xlat, u, buf, sizeof(buf));
		fputs(buf, c->out);
		break;
	case CPD_FT_ADDR:
		fprintf(c->out, "0x%" PRIx64, u);
		break;
	case CPD_FT_MODE:
		fprintf(c->out, "0%" PRIo64, u);
		break;
	default:
		fprintf(c->out, "%" PRIu64, u);
	}
}

static void capture_report(struct capture *c, const struct cpd_ev_report *r)
{
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		fprintf(c->out, " %.*s=", (int)kv->key.len, kv->key.ptr);
		switch (kv->type) {
		case CPD_KV_S64:
			fprintf(c->out, "%" PRId64, kv->v.s64);
			break;
		case CPD_KV_U64:
			fprintf(c->out, "%" PRIu64, kv->v.u64);
			break;
		case CPD_KV_DOUBLE:
			fprintf(c->out, "%g", kv->v.dbl);
			break;
		default:
			capture_str(c->out, &kv->v.str, false);
		}
	}
}

static int capture_on_event(void *state, const struct cpd_event *ev)
{
	struct capture *c = state;
	const struct cpd_field *f;
	uint32_t n, i;

	if (c->timestamps)
		fprintf(c->out, "%" PRIu64 " ", ev->ts_ns);
	fprintf(c->out, "%s pid=%d tid=%d",
		c->host->event_kind_name(ev->kind) ?: "?", ev->pid, ev->tid);
	if (ev->kind == CPD_EV_SYSCALL) {
		char buf[8192];

		c->host->format_syscall(ev, buf, sizeof(buf));
		fprintf(c->out, " %s", buf);
		if (ev->u.syscall.flags & CPD_SCF_COMPAT)
			fputs(" compat", c->out);
		if (c->durations && (ev->u.syscall.flags & CPD_SCF_UNTIMED))
			fputs(" untimed", c->out);
		else if (c->durations)
			fprintf(c->out, " took=%" PRIu64,
				ev->u.syscall.exit_ns - ev->u.syscall.enter_ns);
		fputc('\n', c->out);
		return 0;
	}
	f = c->host->event_fields(ev->kind, &n);
	for (i = 0; f && i < n; i++)
		capture_field(c, ev, &f[i]);
	if (ev->kind == CPD_EV_REPORT)
		capture_report(c, &ev->u.report);
	fputc('\n', c->out);
	return 0;
}

static int capture_flush(void *state)
{
	struct capture *c = state;

	return c->out && fflush(c->out) ? -errno : 0;
}

static int capture_stop(void *state)
{
	struct capture *c = state;
	const struct cpd_trace_stats *st = c->host->trace_stats(c->inst);

	fprintf(c->out,
		"stats ptrace_stops=%" PRIu64 " syscalls_seen=%" PRIu64
		" syscalls_published=%" PRIu64 " tasks_seen=%" PRIu64
		" processes_seen=%" PRIu64 " seccomp=%u\n",
		st->ptrace_stops, st->syscalls_seen, st->syscalls_published,
		st->tasks_seen, st->processes_seen,
		c->host->run_info(c->inst)->seccomp);
	return capture_flush(c);
}

static void capture_fini(void *state)
{
	struct capture *c = state;

	if (c->out)
		fclose(c->out);
	free(c);
}

/*
 * built four times: capture_entry takes its syscalls at entry, without
 * exits; capture_ptrace says it needs the ptrace engine; capture_timed
 * that it needs durations
 */
#ifdef CAPTURE_ENTRY
#define CAPTURE_NAME  "capture_entry"
#define CAPTURE_FLAGS CPD_PF_SYSCALL_ENTRY
#elif defined(CAPTURE_PTRACE)
#define CAPTURE_NAME  "capture_ptrace"
#define CAPTURE_FLAGS CPD_PF_PTRACE
#elif defined(CAPTURE_TIMED)
#define CAPTURE_NAME  "capture_timed"
#define CAPTURE_FLAGS CPD_PF_SYSCALL_TIMED
#else
#define CAPTURE_NAME  "capture"
#define CAPTURE_FLAGS 0
#endif

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_OUTPUT, .name = CAPTURE_NAME, .version = "1",
		  .description = "test output: every event as one line of text",
		  .subscribe = CPD_EVMASK_BUILTIN, .flags = CAPTURE_FLAGS,
		  .options = capture_options, .init = capture_init,
		  .start = capture_start, .on_event = capture_on_event,
		  .flush = capture_flush, .stop = capture_stop,
		  .fini = capture_fini, );
