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
#include <arpa/inet.h>
#include <sys/socket.h>

#include <compendium/compendium.h>

#include "util/escape.h"

#define JSONL_SCHEMA	1
#define JSONL_IOBUF	(1u << 20)

struct jsonl {
	const char *path;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t start_ns;
	bool deterministic;	/* [core] deterministic: times are 0 */
	FILE *out;
	char *iobuf;
	bool failed;
	bool lossy;
	struct esc_buf line;
};

static const struct cpd_option jsonl_options[] = {
	{ .name = "path", .type = CPD_OPT_PATH, .flags = CPD_OPTF_REQUIRED,
	  .offset = offsetof(struct jsonl, path),
	  .help = "JSON Lines file to write; - is stdout" },
	CPD_OPTION_END
};

static int jsonl_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	struct jsonl *j = calloc(1, sizeof(*j));
	int rc;

	if (!j)
		return -ENOMEM;
	j->host = host;
	j->inst = inst;
	rc = host->apply_options(inst, j);
	if (rc < 0) {
		free(j);
		return rc;
	}
	*statep = j;
	return 0;
}

static int jsonl_start(void *state)
{
	struct jsonl *j = state;

	j->start_ns = j->host->run_info(j->inst)->start_ns;
	j->deterministic = j->host->run_info(j->inst)->deterministic;
	if (!strcmp(j->path, "-")) {
		j->out = stdout;
		return 0;
	}
	j->out = fopen(j->path, "we");
	if (!j->out) {
		int err = errno;

		j->host->log(j->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     j->path, strerror(err));
		return -err;
	}
	j->iobuf = malloc(JSONL_IOBUF);
	if (j->iobuf)
		setvbuf(j->out, j->iobuf, _IOFBF, JSONL_IOBUF);
	return 0;
}

static void jsonl_str(struct jsonl *j, const char *s, size_t n)
{
	if (esc_json_str(&j->line, s ? s : "", s ? n : 0))
		j->lossy = true;
}

static void jsonl_cstr(struct jsonl *j, const struct cpd_str *s)
{
	if (!s->ptr)
		esc_puts(&j->line, "null");
	else
		jsonl_str(j, s->ptr, s->len);
}

static void jsonl_key(struct jsonl *j, const char *key)
{
	esc_putc(&j->line, ',');
	jsonl_str(j, key, strlen(key));
	esc_putc(&j->line, ':');
}

/* A NUL-separated list as an array of strings. */
static void jsonl_strv(struct jsonl *j, const struct cpd_str *s)
{
	uint32_t i, start = 0, len = s->len;

	if (!s->ptr) {
		esc_puts(&j->line, "null");
		return;
	}
	if (len && s->ptr[len - 1] == '\0')
		len--;
	esc_putc(&j->line, '[');
	for (i = 0; len && i <= len; i++) {
		if (i < len && s->ptr[i])
			continue;
		if (start)
			esc_putc(&j->line, ',');
		jsonl_str(j, s->ptr + start, i - start);
		start = i + 1;
	}
	esc_putc(&j->line, ']');
}

static void jsonl_sockaddr(struct jsonl *j, const struct cpd_sockaddr *sa)
{
	char buf[INET6_ADDRSTRLEN + 1];

	if (!sa->family) {
		esc_puts(&j->line, "null");
		return;
	}
	j->host->format_xlat(CPD_XLAT_AF, sa->family, buf, sizeof(buf));
	esc_puts(&j->line, "{\"family\":");
	jsonl_str(j, buf, strlen(buf));
	switch (sa->family) {
	case AF_INET:
	case AF_INET6:
		inet_ntop(sa->family, sa->addr, buf, sizeof(buf));
		esc_puts(&j->line, ",\"addr\":");
		jsonl_str(j, buf, strlen(buf));
		esc_printf(&j->line, ",\"port\":%u", sa->port);
		if (sa->scope_id)
			esc_printf(&j->line, ",\"scope_id\":%u", sa->scope_id);
		break;
	case AF_UNIX:
		esc_puts(&j->line, ",\"path\":");
		jsonl_cstr(j, &sa->path);
		esc_printf(&j->line, ",\"abstract\":%s",
			   sa->flags & CPD_SA_ABSTRACT ? "true" : "false");
		break;
	case AF_NETLINK:
		esc_printf(&j->line, ",\"port_id\":%u,\"groups\":%u",
			   sa->port_id, sa->groups);
		break;
	}
	if (sa->flags & CPD_SA_PARTIAL)
		esc_puts(&j->line, ",\"partial\":true");
	esc_putc(&j->line, '}');
}

/* Keys of the record itself; a field of the same name gets "field_". */
static bool jsonl_reserved(const char *name)
{
	static const char *const keys[] = {
		"schema", "type", "seq", "ts_ns", "pid", "tid", "comm", "call",
		"lossy",
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(name, keys[i]))
			return true;
	return false;
}

static void jsonl_field(struct jsonl *j, const struct cpd_event *ev,
			const struct cpd_field *f)
{
	const char *at = (const char *)ev + f->offset;
	const char *name;
	char buf[512];
	uint64_t u;
	int64_t s;
	int32_t i32;
	uint32_t u32;
	uint16_t u16;
	double d;

	if (jsonl_reserved(f->name)) {
		snprintf(buf, sizeof(buf), "field_%s", f->name);
		jsonl_key(j, buf);
	} else {
		jsonl_key(j, f->name);
	}
	switch (f->type) {
	case CPD_FT_STR:
		jsonl_cstr(j, (const void *)at);
		return;
	case CPD_FT_STRV:
		jsonl_strv(j, (const void *)at);
		return;
	case CPD_FT_SOCKADDR:
		jsonl_sockaddr(j, (const void *)at);
		return;
	case CPD_FT_S64:
		memcpy(&s, at, 8);
		esc_json_s64(&j->line, s);
		return;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&u, at, 8);
		esc_json_u64(&j->line, u);
		return;
	case CPD_FT_DOUBLE:
		memcpy(&d, at, 8);
		esc_json_double(&j->line, d);
		return;
	case CPD_FT_U16:
		memcpy(&u16, at, 2);
		esc_printf(&j->line, "%u", u16);
		return;
	case CPD_FT_S32:
	case CPD_FT_FD:
		memcpy(&i32, at, 4);
		esc_printf(&j->line, "%d", i32);
		return;
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		/* the number, and its name beside it: "errno_name":"ENOENT" */
		memcpy(&i32, at, 4);
		esc_printf(&j->line, "%d", i32);
		if (!i32)
			return;
		name = f->type == CPD_FT_ERRNO ? j->host->errno_name(i32) :
						 j->host->signal_name(i32);
		if (!name)
			return;
		snprintf(buf, sizeof(buf), "%s_name", f->name);
		jsonl_key(j, buf);
		jsonl_str(j, name, strlen(name));
		return;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		memcpy(&u32, at, 4);
		j->host->format_xlat(f->xlat, u32, buf, sizeof(buf));
		jsonl_str(j, buf, strlen(buf));
		return;
	default:	/* U32, MODE, DEV and types newer than us */
		memcpy(&u32, at, 4);
		esc_printf(&j->line, "%u", u32);
		return;
	}
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

	esc_printf(&j->line, "{\"schema\":%d,\"type\":\"report\"", JSONL_SCHEMA);
	jsonl_key(j, "topic");
	jsonl_cstr(j, &r->topic);
	jsonl_key(j, "title");
	jsonl_cstr(j, &r->title);
	esc_printf(&j->line, ",\"row\":%s,\"order\":%d,\"values\":{",
		   r->flags & CPD_REPORTF_ROW ? "true" : "false", r->order);
	for (i = 0; i < r->nkv; i++) {
		const struct cpd_kv *kv = &r->kv[i];

		if (i)
			esc_putc(&j->line, ',');
		jsonl_cstr(j, &kv->key);
		esc_putc(&j->line, ':');
		switch (kv->type) {
		case CPD_KV_S64:
			esc_json_s64(&j->line, kv->v.s64);
			break;
		case CPD_KV_U64:
			esc_json_u64(&j->line, kv->v.u64);
			break;
		case CPD_KV_DOUBLE:
			esc_json_double(&j->line, kv->v.dbl);
			break;
		default:
			jsonl_cstr(j, &kv->v.str);
		}
	}
	esc_putc(&j->line, '}');
}

static int jsonl_on_event(void *state, const struct cpd_event *ev)
{
	struct jsonl *j = state;
	const struct cpd_field *f;
	const char *kind;
	uint32_t n = 0, i;

	if (!j->out || j->failed)
		return 0;
	esc_reset(&j->line);
	j->lossy = false;
	if (ev->kind == CPD_EV_REPORT) {
		jsonl_report(j, &ev->u.report);
	} else {
		kind = j->host->event_kind_name(ev->kind);
		esc_printf(&j->line, "{\"schema\":%d", JSONL_SCHEMA);
		jsonl_key(j, "type");
		if (kind)
			jsonl_str(j, kind, strlen(kind));
		else
			esc_printf(&j->line, "\"kind%u\"", ev->kind);
		esc_puts(&j->line, ",\"seq\":");
		esc_json_u64(&j->line, ev->seq);
		esc_puts(&j->line, ",\"ts_ns\":");
		/* golden files compare byte for byte: no clock in them */
		esc_json_s64(&j->line, j->deterministic ? 0 :
			     (int64_t)(ev->ts_ns - j->start_ns));
		esc_printf(&j->line, ",\"pid\":%d,\"tid\":%d", ev->pid, ev->tid);
		jsonl_key(j, "comm");
		jsonl_cstr(j, &ev->comm);
		f = j->host->event_fields(ev->kind, &n);
		for (i = 0; f && i < n; i++)
			jsonl_field(j, ev, &f[i]);
		if (ev->kind == CPD_EV_SYSCALL)
			jsonl_call(j, ev);
	}
	if (j->lossy)
		esc_puts(&j->line, ",\"lossy\":true");
	esc_puts(&j->line, "}\n");
	if (j->line.oom) {
		j->host->log(j->inst, CPD_LOG_ERROR, "out of memory writing '%s'",
			     j->path);
		j->failed = true;
		return -ENOMEM;
	}
	if (fwrite(j->line.p, 1, j->line.len, j->out) != j->line.len) {
		j->host->log(j->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     j->path, strerror(errno));
		j->failed = true;
		return -EIO;
	}
	return 0;
}

static int jsonl_flush(void *state)
{
	struct jsonl *j = state;
	int err;

	/* a failure is said once, with the file; not on every tick after */
	if (!j->out || j->failed || !fflush(j->out))
		return 0;
	err = errno ? errno : EIO;
	j->host->log(j->inst, CPD_LOG_ERROR, "cannot write '%s': %s", j->path,
		     strerror(err));
	j->failed = true;
	return -err;
}

static int jsonl_stop(void *state)
{
	return jsonl_flush(state);
}

static void jsonl_fini(void *state)
{
	struct jsonl *j = state;

	if (j->out == stdout)
		fflush(j->out);
	else if (j->out && fclose(j->out) && !j->failed)
		j->host->log(j->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     j->path, strerror(errno));
	free(j->iobuf);
	esc_free(&j->line);
	free(j);
}

#define JSONL_EVENTS                                                      \
	((CPD_EVMASK_BUILTIN & ~CPD_EVMASK(CPD_EV_NOTICE)) |              \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_OUTPUT,
	.name = "jsonl",
	.version = "1.0",
	.description = "events and reports as JSON Lines, one object per line",
	.subscribe = JSONL_EVENTS,
	.flags = CPD_PF_SYSCALL_VERBOSE,
	.options = jsonl_options,
	.init = jsonl_init,
	.start = jsonl_start,
	.on_event = jsonl_on_event,
	.flush = jsonl_flush,
	.stop = jsonl_stop,
	.fini = jsonl_fini,
);
