// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "trace.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xmalloc.h"

/* Lines go one by one through this; the arena is reset between them. */
struct trace_ctx {
	const char *name;
	struct profile *p;
	struct trace_info *info;
	struct arena arena;
};

enum { TRACE_MORE = 0, TRACE_STOP = 1 };

static int trace_damage(struct trace_ctx *t, uint64_t line, const char *why)
{
	t->info->damaged_line = line;
	snprintf(t->info->damage, sizeof(t->info->damage), "%s", why);
	if (line > 1)
		log_warn("%s:%llu: %s; the trace is read up to line %llu",
			 t->name, (unsigned long long)line, why,
			 (unsigned long long)line - 1);
	else
		log_warn("%s:%llu: %s; nothing of the trace could be read",
			 t->name, (unsigned long long)line, why);
	return TRACE_STOP;
}

static int trace_line(struct trace_ctx *t, const char *s, size_t len)
{
	uint64_t line = t->info->lines + 1, schema;
	const struct json_value *sv;
	struct json_value rec;
	struct json_error err;
	char why[160];

	arena_reset(&t->arena);
	if (json_parse(s, len, 0, &t->arena, &rec, &err) < 0) {
		snprintf(why, sizeof(why), "not JSON at byte %zu (%s)",
			 err.offset + 1, err.msg);
		return trace_damage(t, line, why);
	}
	sv = json_get(&rec, "schema");
	if (rec.type != JSON_OBJECT || !sv || !json_get_str(&rec, "type", NULL))
		return trace_damage(
			t, line,
			"not a compendium record (no \"schema\" and \"type\")");
	if (!json_to_u64(sv, &schema) || schema != TRACE_SCHEMA) {
		if (json_to_u64(sv, &schema))
			log_error(
				"%s:%llu: the trace is of jsonl schema %llu; this compendium reads schema %d",
				t->name, (unsigned long long)line,
				(unsigned long long)schema, TRACE_SCHEMA);
		else
			log_error(
				"%s:%llu: \"schema\" is not a version number; this compendium reads schema %d",
				t->name, (unsigned long long)line,
				TRACE_SCHEMA);
		return -EPROTO;
	}
	profile_add(t->p, &rec);
	t->info->lines = line;
	return TRACE_MORE;
}

/* Feed whole lines of buf[0..len) to trace_line; *used says how far. */
static int trace_lines(struct trace_ctx *t, const char *buf, size_t len,
		       size_t *used)
{
	size_t off = 0;
	int rc = TRACE_MORE;

	while (off < len && rc == TRACE_MORE) {
		const char *nl = memchr(buf + off, '\n', len - off);

		if (!nl)
			break;
		rc = trace_line(t, buf + off, (size_t)(nl - buf - off));
		off = (size_t)(nl - buf) + 1;
	}
	*used = off;
	return rc;
}

/* What is left without a newline at the end: the last record, or a cut. */
static int trace_tail(struct trace_ctx *t, const char *s, size_t len)
{
	if (!len)
		return TRACE_MORE;
	return trace_line(t, s, len);
}

static void trace_begin(struct trace_ctx *t, const char *name,
			struct profile *p, struct trace_info *info)
{
	memset(info, 0, sizeof(*info));
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->p = p;
	t->info = info;
}

int trace_read_mem(const char *name, const char *text, size_t len,
		   struct profile *p, struct trace_info *info)
{
	struct trace_ctx t;
	size_t used;
	int rc;

	trace_begin(&t, name, p, info);
	rc = trace_lines(&t, text, len, &used);
	if (rc == TRACE_MORE)
		rc = trace_tail(&t, text + used, len - used);
	arena_free(&t.arena);
	return rc < 0 ? rc : 0;
}

int trace_read(const char *path, struct profile *p, struct trace_info *info)
{
	bool is_stdin = !strcmp(path, "-");
	FILE *fp = is_stdin ? stdin : fopen(path, "re");
	size_t len = 0, cap = 1 << 16, used;
	struct trace_ctx t;
	char *buf;
	int rc = TRACE_MORE;

	if (!fp) {
		rc = -errno;
		log_error("cannot open '%s': %s", path, strerror(errno));
		return rc;
	}
	trace_begin(&t, is_stdin ? "(stdin)" : path, p, info);
	buf = xmalloc(cap);
	for (;;) {
		size_t n;

		if (len == cap) {
			if (cap >= TRACE_MAX_LINE) {
				rc = trace_damage(&t, info->lines + 1,
						  "line longer than 16 MiB");
				break;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len, fp);
		if (!n) {
			if (ferror(fp)) {
				rc = -EIO;
				log_error("cannot read '%s': %s", path,
					  strerror(errno));
			}
			break;
		}
		len += n;
		rc = trace_lines(&t, buf, len, &used);
		if (rc != TRACE_MORE)
			break;
		memmove(buf, buf + used, len - used);
		len -= used;
	}
	if (rc == TRACE_MORE)
		rc = trace_tail(&t, buf, len);
	free(buf);
	arena_free(&t.arena);
	if (!is_stdin)
		fclose(fp);
	return rc < 0 ? rc : 0;
}
