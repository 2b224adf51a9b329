// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * jsonl: events as JSON Lines, one object per line, and the analyzer
 * reports as records of their own (they arrive at the end, when the
 * analyzers stop). Documented in doc/outputs.md:
 *
 *   {"schema":1,"type":"file","seq":7,"ts_ns":1234,"pid":1,"tid":1,
 *    "comm":"ls","op":"open","path":"/etc/hosts",...}
 *   {"schema":1,"type":"syscall",...,"call":"openat(...) = 3"}
 *   {"schema":1,"type":"report","topic":"file","title":"Files",
 *    "row":false,"order":10,"values":{"read_bytes":123,...}}
 *
 * With --interval, the reports of a period carry "interval":N, and a
 * record {"schema":1,"type":"interval","index":N,"start_ns":...,
 * "end_ns":...} follows them when the period ends.
 *
 * Every field of the kind's field table is written, custom kinds too.
 * Integers beyond 2^53 are strings; invalid UTF-8 bytes become U+FFFD and
 * the record gets "lossy":true.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

#include "lib/escape.h"
#include "lib/evjson.h"
#include "lib/instance.h"
#include "lib/outfile.h"

#define JSONL_SCHEMA 1
#define JSONL_IOBUF  (1u << 20)

struct jsonl {
	const char *path;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t start_ns;
	bool deterministic; /* [core] deterministic: times are 0 */
	struct outfile out;
	bool lossy;
	struct escape_buf line;
	struct evjson_keys keys; /* of the fields, made once */
	/* the event being written: its kind's fields */
	uint32_t kind;
	const struct cpd_field *fields;
	uint32_t nfields;
};

/* Keys of the record itself; a field of the same name gets "field_". */
static const char *const jsonl_reserved[] = { "schema", "type", "seq",	"ts_ns",
					      "pid",	"tid",	"comm", "call",
					      "lossy",	NULL };

static const struct cpd_option jsonl_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .flags = CPD_OPTF_REQUIRED,
	  .offset = offsetof(struct jsonl, path),
	  .help = "JSON Lines file to write; - is stdout" },
	CPD_OPTION_END
};

static int jsonl_start(void *state)
{
	struct jsonl *j = state;

	j->start_ns = j->host->run_info(j->inst)->start_ns;
	j->deterministic = j->host->run_info(j->inst)->deterministic;
	return outfile_open(&j->out, j->host, j->inst, j->path, JSONL_IOBUF, 0);
}

static void jsonl_str(struct jsonl *j, const char *s, size_t n)
{
	if (escape_json_str(&j->line, s ? s : "", s ? n : 0))
		j->lossy = true;
}

static void jsonl_cstr(struct jsonl *j, const struct cpd_str *s)
{
	if (!s->ptr)
		escape_puts(&j->line, "null");
	else
		jsonl_str(j, s->ptr, s->len);
}

static void jsonl_key(struct jsonl *j, const char *key)
{
	escape_putc(&j->line, ',');
	jsonl_str(j, key, strlen(key));
	escape_putc(&j->line, ':');
}

static void jsonl_field(void *ctx, const struct evfield *v)
{
	struct jsonl *j = ctx;
	/* nth is the field's index when the walk left none out */
	const char *key = j->fields && v->nth < j->nfields &&
					  v->field == &j->fields[v->nth] ?
				  evjson_keys_get(&j->keys, j->kind, j->fields,
						  j->nfields, v->nth) :
				  NULL;
	const char *const *r;
	char name[512];
	bool lossy;

	if (key) {
		lossy = evjson_value_keyed(&j->line, v, key, 0);
	} else {
		for (r = jsonl_reserved; *r && strcmp(*r, v->field->name); r++)
			;
		snprintf(name, sizeof(name), "%s%s", *r ? "field_" : "",
			 v->field->name);
		lossy = evjson_value(&j->line, v, ",", name, 0);
	}
	if (lossy)
		j->lossy = true;
}

static void jsonl_call(struct jsonl *j, const struct cpd_event *ev)
{
	char small[1024];
	size_t need = j->host->format_syscall(ev, small, sizeof(small));
	char *big;

	jsonl_key(j, "call");
	if (need < sizeof(small)) {
		jsonl_str(j, small, need);
		return;
	}
	big = malloc(need + 1);
	if (!big) {
		j->line.oom = true;
		return;
	}
	j->host->format_syscall(ev, big, need + 1);
	jsonl_str(j, big, need);
	free(big);
}

static void jsonl_report(struct jsonl *j, const struct cpd_ev_report *r)
{
	uint32_t i;

	escape_printf(&j->line, "{\"schema\":%d,\"type\":\"report\"",
		      JSONL_SCHEMA);
	jsonl_key(j, "topic");
	jsonl_cstr(j, &r->topic);
	jsonl_key(j, "title");
	jsonl_cstr(j, &r->title);
	escape_printf(&j->line, ",\"row\":%s,\"order\":%d",
		      r->flags & CPD_REPORTF_ROW ? "true" : "false", r->order);
	if (r->flags & CPD_REPORTF_INTERVAL)
		escape_printf(&j->line, ",\"interval\":%u", r->interval);
	escape_puts(&j->line, ",\"values\":{");
	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		if (i)
			escape_putc(&j->line, ',');
		jsonl_cstr(j, &kv->key);
		escape_putc(&j->line, ':');
		switch (kv->type) {
		case CPD_KV_S64:
			escape_json_s64(&j->line, kv->v.s64);
			break;
		case CPD_KV_U64:
			escape_json_u64(&j->line, kv->v.u64);
			break;
		case CPD_KV_DOUBLE:
			escape_json_double(&j->line, kv->v.dbl);
			break;
		default:
			jsonl_cstr(j, &kv->v.str);
		}
	}
	escape_putc(&j->line, '}');
}

static int jsonl_on_event(void *state, const struct cpd_event *ev)
{
	struct jsonl *j = state;
	const char *kind;

	if (!j->out.fp || j->out.failed)
		return 0;
	escape_reset(&j->line);
	j->lossy = false;
	if (ev->kind == CPD_EV_REPORT) {
		jsonl_report(j, &ev->u.report);
	} else {
		kind = j->host->event_kind_name(ev->kind);
		escape_puts(&j->line, "{\"schema\":");
		escape_u64(&j->line, JSONL_SCHEMA);
		jsonl_key(j, "type");
		if (kind)
			jsonl_str(j, kind, strlen(kind));
		else
			escape_printf(&j->line, "\"kind%u\"", ev->kind);
		escape_puts(&j->line, ",\"seq\":");
		escape_json_u64(&j->line, ev->seq);
		escape_puts(&j->line, ",\"ts_ns\":");
		/* golden files compare byte for byte: no clock in them */
		escape_json_s64(&j->line,
				j->deterministic ?
					0 :
					(int64_t)(ev->ts_ns - j->start_ns));
		escape_puts(&j->line, ",\"pid\":");
		escape_s64(&j->line, ev->pid);
		escape_puts(&j->line, ",\"tid\":");
		escape_s64(&j->line, ev->tid);
		jsonl_key(j, "comm");
		jsonl_cstr(j, &ev->comm);
		j->kind = ev->kind;
		j->fields = j->host->event_fields(ev->kind, &j->nfields);
		evfield_walk(j->host, ev, 0, jsonl_field, j);
		if (ev->kind == CPD_EV_SYSCALL)
			jsonl_call(j, ev);
	}
	if (j->lossy)
		escape_puts(&j->line, ",\"lossy\":true");
	escape_puts(&j->line, "}\n");
	if (j->line.oom)
		return outfile_error(&j->out, ENOMEM);
	return outfile_write(&j->out, j->line.p, j->line.len);
}

/* The end of a period of --interval, after its reports. */
static int jsonl_interval(void *state, const struct cpd_interval *iv)
{
	struct jsonl *j = state;
	uint64_t start = 0, end = 0;

	if (!j->out.fp || j->out.failed)
		return 0;
	if (!j->deterministic && iv->start_ns >= j->start_ns) {
		start = iv->start_ns - j->start_ns;
		end = iv->end_ns - j->start_ns;
	}
	escape_reset(&j->line);
	escape_printf(&j->line,
		      "{\"schema\":%d,\"type\":\"interval\",\"index\":%u,"
		      "\"start_ns\":",
		      JSONL_SCHEMA, iv->index);
	escape_json_u64(&j->line, start);
	escape_puts(&j->line, ",\"end_ns\":");
	escape_json_u64(&j->line, end);
	escape_puts(&j->line, "}\n");
	if (j->line.oom)
		return outfile_error(&j->out, ENOMEM);
	return outfile_write(&j->out, j->line.p, j->line.len);
}

static int jsonl_flush(void *state)
{
	struct jsonl *j = state;

	return outfile_flush(&j->out);
}

static int jsonl_stop(void *state)
{
	return jsonl_flush(state);
}

static int jsonl_setup(void *state)
{
	struct jsonl *j = state;

	j->keys.prefix = "field_";
	j->keys.reserved = jsonl_reserved;
	return 0;
}

static void jsonl_release(void *state)
{
	struct jsonl *j = state;

	outfile_close(&j->out);
	escape_free(&j->line);
	evjson_keys_free(&j->keys);
}

static const struct instance_type jsonl_type =
	INSTANCE_TYPE(struct jsonl, jsonl_setup, jsonl_release);

static int jsonl_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return instance_init(&jsonl_type, inst, host, statep);
}

#define JSONL_EVENTS                                         \
	((CPD_EVMASK_BUILTIN & ~CPD_EVMASK(CPD_EV_NOTICE)) | \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_OUTPUT, .name = "jsonl", .version = "1.0",
		.description =
			"events and reports as JSON Lines, one object per line",
		.subscribe = JSONL_EVENTS, .flags = CPD_PF_SYSCALL_VERBOSE,
		.options = jsonl_options, .init = jsonl_init,
		.start = jsonl_start, .on_event = jsonl_on_event,
		.flush = jsonl_flush, .stop = jsonl_stop, .fini = instance_fini,
		.interval = jsonl_interval, );
