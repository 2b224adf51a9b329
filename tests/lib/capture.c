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

#include "lib/evfield.h"
#include "lib/instance.h"
#include "lib/outfile.h"

struct capture {
	const char *path;
	bool timestamps;
	bool fields_all;
	bool durations;
	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct outfile out;
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

static int capture_start(void *state)
{
	struct capture *c = state;

	return outfile_open(&c->out, c->host, c->inst, c->path, 0, 0);
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

static void capture_sockaddr(struct capture *c, const struct evfield *v)
{
	fprintf(c->out.fp, "{%s", v->name);
	if (v->sa->port)
		fprintf(c->out.fp, " port=%u", v->sa->port);
	if (v->sa->path.len) {
		fputc(' ', c->out.fp);
		capture_str(c->out.fp, &v->sa->path, false);
	}
	fputc('}', c->out.fp);
}

/* Whether a field is left out: unset, unless all_fields = yes. */
static bool capture_skip(const struct capture *c, const struct evfield *v)
{
	if (c->fields_all)
		return false;
	switch (v->field->type) {
	case CPD_FT_STR:
	case CPD_FT_STRV:
		/* "" is a value: the tracee passed an empty string */
		return !v->str->ptr;
	case CPD_FT_DOUBLE:
		return false;
	default:
		return v->empty;
	}
}

static void capture_field(void *ctx, const struct evfield *v)
{
	struct capture *c = ctx;

	if (capture_skip(c, v))
		return;
	fprintf(c->out.fp, " %s=", v->field->name);
	switch (v->field->type) {
	case CPD_FT_STR:
	case CPD_FT_STRV:
		capture_str(c->out.fp, v->str, v->field->type == CPD_FT_STRV);
		break;
	case CPD_FT_SOCKADDR:
		capture_sockaddr(c, v);
		break;
	case CPD_FT_DOUBLE:
		fprintf(c->out.fp, "%g", v->d);
		break;
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		fputs(v->name ? v->name : "?", c->out.fp);
		break;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		fputs(v->name, c->out.fp);
		break;
	case CPD_FT_ADDR:
		fprintf(c->out.fp, "0x%" PRIx64, v->u);
		break;
	case CPD_FT_MODE:
		fprintf(c->out.fp, "0%" PRIo64, v->u);
		break;
	default:
		if (v->is_signed)
			fprintf(c->out.fp, "%" PRId64, v->s);
		else
			fprintf(c->out.fp, "%" PRIu64, v->u);
	}
}

static void capture_report(struct capture *c, const struct cpd_ev_report *r)
{
	uint32_t i;

	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		fprintf(c->out.fp, " %.*s=", (int)kv->key.len, kv->key.ptr);
		switch (kv->type) {
		case CPD_KV_S64:
			fprintf(c->out.fp, "%" PRId64, kv->v.s64);
			break;
		case CPD_KV_U64:
			fprintf(c->out.fp, "%" PRIu64, kv->v.u64);
			break;
		case CPD_KV_DOUBLE:
			fprintf(c->out.fp, "%g", kv->v.dbl);
			break;
		default:
			capture_str(c->out.fp, &kv->v.str, false);
		}
	}
}

/* " payload=HEX,HEX flags": the bytes a payload rule captured. */
static void capture_payload(struct capture *c, const struct cpd_payload *pl)
{
	uint32_t i, k;

	fputs(" payload=", c->out.fp);
	for (i = 0; i < pl->count; i++) {
		const unsigned char *p = (const unsigned char *)pl->msg[i].ptr;

		if (i)
			fputc(',', c->out.fp);
		for (k = 0; k < pl->msg[i].len; k++)
			fprintf(c->out.fp, "%02x", p[k]);
	}
	if (pl->flags & CPD_PAYLOADF_TRUNCATED)
		fputs(" truncated", c->out.fp);
	if (pl->flags & CPD_PAYLOADF_PARTIAL)
		fputs(" partial", c->out.fp);
}

static int capture_on_event(void *state, const struct cpd_event *ev)
{
	struct capture *c = state;

	if (c->timestamps)
		fprintf(c->out.fp, "%" PRIu64 " ", ev->ts_ns);
	fprintf(c->out.fp, "%s pid=%d tid=%d",
		c->host->event_kind_name(ev->kind) ?: "?", ev->pid, ev->tid);
	if (ev->kind == CPD_EV_SYSCALL) {
		char buf[8192];

		c->host->format_syscall(ev, buf, sizeof(buf));
		fprintf(c->out.fp, " %s", buf);
		if (ev->u.syscall.flags & CPD_SCF_COMPAT)
			fputs(" compat", c->out.fp);
		if (ev->u.syscall.payload)
			capture_payload(c, ev->u.syscall.payload);
		if (c->durations && (ev->u.syscall.flags & CPD_SCF_UNTIMED))
			fputs(" untimed", c->out.fp);
		else if (c->durations)
			fprintf(c->out.fp, " took=%" PRIu64,
				ev->u.syscall.exit_ns - ev->u.syscall.enter_ns);
		fputc('\n', c->out.fp);
		return 0;
	}
	evfield_walk(c->host, ev, 0, capture_field, c);
	if (ev->kind == CPD_EV_REPORT)
		capture_report(c, &ev->u.report);
	fputc('\n', c->out.fp);
	return 0;
}

static int capture_flush(void *state)
{
	struct capture *c = state;

	return outfile_flush(&c->out);
}

static int capture_stop(void *state)
{
	struct capture *c = state;
	const struct cpd_trace_stats *st = c->host->trace_stats(c->inst);

	fprintf(c->out.fp,
		"stats ptrace_stops=%" PRIu64 " syscalls_seen=%" PRIu64
		" syscalls_published=%" PRIu64 " tasks_seen=%" PRIu64
		" processes_seen=%" PRIu64 " seccomp=%u\n",
		st->ptrace_stops, st->syscalls_seen, st->syscalls_published,
		st->tasks_seen, st->processes_seen,
		c->host->run_info(c->inst)->seccomp);
	return capture_flush(c);
}

static void capture_release(void *state)
{
	struct capture *c = state;

	outfile_close(&c->out);
}

static const struct instance_type capture_type =
	INSTANCE_TYPE(struct capture, NULL, capture_release);

static int capture_init(struct cpd_instance *inst, const struct cpd_host *host,
			void **statep)
{
	return instance_init(&capture_type, inst, host, statep);
}

/*
 * built five times: capture_entry takes its syscalls at entry, without
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
#define CAPTURE_FLAGS CPD_PF_SYSCALL_TIMING
#elif defined(CAPTURE_PAYLOAD)
/* and capture_payload asks for what port 53 moves, taking batches */
#define CAPTURE_NAME  "capture_payload"
#define CAPTURE_FLAGS CPD_PF_SYSCALL_BATCH
#else
#define CAPTURE_NAME  "capture"
#define CAPTURE_FLAGS 0
#endif

#ifdef CAPTURE_PAYLOAD
/* more than a page: the kernel side copies it in pieces */
static const struct cpd_payload_rule capture_payloads[] = {
	{ 53, CPD_PROTO_UDP | CPD_PROTO_TCP, 6000 },
	CPD_PAYLOAD_RULE_END,
};
#else
#define capture_payloads NULL
#endif

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_OUTPUT, .name = CAPTURE_NAME, .version = "1",
		  .description = "test output: every event as one line of text",
		  .subscribe = CPD_EVMASK_BUILTIN, .flags = CAPTURE_FLAGS,
		  .options = capture_options, .init = capture_init,
		  .start = capture_start, .on_event = capture_on_event,
		  .flush = capture_flush, .stop = capture_stop,
		  .fini = instance_fini, .payloads = capture_payloads, );
