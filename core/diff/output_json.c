// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The comparison for tools: one JSON object on one line,
 *
 *   {"schema":1,"same":false,
 *    "a":{"path":"a.jsonl","records":812,"damaged_line":null},"b":{...},
 *    "summary":{"appeared":1,"disappeared":0,"changed":2},
 *    "changes":[{"category":"files_written","change":"changed",
 *                "key":"/src/b.o","a":{"bytes":1304,"opens":1},
 *                "b":{"bytes":1400,"opens":1}}, ...]}
 *
 * in the order the text shows; "a" or "b" is null on the side that
 * lacks the key. compendium(1) lists every category's members.
 */
#include "output.h"

#include <string.h>

#include "buf.h"

/* A member's name, after a comma unless it is its object's first. */
static void jout_key(struct escape_buf *b, const char *key)
{
	if (b->len && b->p[b->len - 1] != '{')
		escape_putc(b, ',');
	escape_json_str(b, key, strlen(key));
	escape_putc(b, ':');
}

static void jout_str(struct escape_buf *b, const char *key, const char *s)
{
	jout_key(b, key);
	escape_json_str(b, s, strlen(s));
}

static void jout_u64(struct escape_buf *b, const char *key, uint64_t v)
{
	jout_key(b, key);
	escape_json_u64(b, v);
}

static void jout_exit(struct escape_buf *b, bool exited, int64_t code,
		      int64_t sig)
{
	if (!exited) {
		escape_puts(b, "{\"exited\":false}");
		return;
	}
	escape_puts(b, "{\"exited\":true,\"exit_code\":");
	escape_json_s64(b, code);
	escape_puts(b, ",\"signal\":");
	escape_json_s64(b, sig);
	escape_putc(b, '}');
}

/* One side's value of a change, as an object. */
static void jout_value(struct escape_buf *b, const struct diff_change *c,
		       const void *v)
{
	static const char *const sev[] = { "unknown", "info", "notice",
					   "warning", "error" };

	if (!v) {
		escape_puts(b, "null");
		return;
	}
	switch (c->cat) {
	case DC_EXIT: {
		const struct profile *p = v;

		jout_exit(b, p->root_exited, p->root_exit_code, p->root_signal);
		return;
	}
	case DC_PROC_EXIT: {
		const struct prof_proc *p = v;

		jout_exit(b, p->exited, p->exit_code, p->signal);
		return;
	}
	case DC_TIME: {
		const struct prof_proc *p = v;

		escape_putc(b, '{');
		jout_u64(b, "wall_ns", p->end_ns - p->start_ns);
		escape_putc(b, '}');
		return;
	}
	case DC_FINDINGS: {
		const struct prof_finding *f = v;

		escape_putc(b, '{');
		jout_str(b, "id", f->id);
		jout_str(b, "severity", sev[f->severity < 5 ? f->severity : 0]);
		jout_str(b, "title", f->title);
		jout_u64(b, "count", f->count);
		escape_putc(b, '}');
		return;
	}
	case DC_NETWORK: {
		const struct prof_endpoint *e = v;

		escape_putc(b, '{');
		jout_u64(b, "connections", e->connects);
		jout_u64(b, "failed", e->failed);
		jout_u64(b, "sent_bytes", e->sent);
		jout_u64(b, "recv_bytes", e->recv);
		escape_putc(b, '}');
		return;
	}
	case DC_WRITES:
	case DC_READS: {
		const struct prof_file *f = v;

		escape_putc(b, '{');
		jout_u64(b, "bytes", f->bytes);
		jout_u64(b, "opens", f->opens);
		escape_putc(b, '}');
		return;
	}
	default: {
		const struct prof_count *n = v;

		escape_putc(b, '{');
		jout_u64(b, "count", n->count);
		escape_putc(b, '}');
		return;
	}
	}
}

static void jout_side(struct escape_buf *b, const char *name,
		      const struct diff_side *s)
{
	jout_key(b, name);
	escape_putc(b, '{');
	jout_str(b, "path", s->path);
	jout_u64(b, "records", s->prof->records);
	jout_key(b, "damaged_line");
	if (s->info->damaged_line)
		escape_json_u64(b, s->info->damaged_line);
	else
		escape_puts(b, "null");
	escape_putc(b, '}');
}

void diff_write_json(struct escape_buf *out, const struct diff_side *a,
		     const struct diff_side *b, const struct diff_result *r)
{
	size_t i;

	escape_printf(out, "{\"schema\":1,\"same\":%s",
		      r->n ? "false" : "true");
	jout_side(out, "a", a);
	jout_side(out, "b", b);
	jout_key(out, "summary");
	escape_putc(out, '{');
	jout_u64(out, "appeared", r->kinds[DK_APPEARED]);
	jout_u64(out, "disappeared", r->kinds[DK_DISAPPEARED]);
	jout_u64(out, "changed", r->kinds[DK_CHANGED]);
	escape_putc(out, '}');
	jout_key(out, "changes");
	escape_putc(out, '[');
	for (i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->c[i];

		escape_puts(out, i ? ",{" : "{");
		jout_str(out, "category", diff_cat_name(c->cat));
		jout_str(out, "change", diff_kind_name(c->kind));
		if (c->cat == DC_FINDINGS) {
			const struct prof_finding *f = c->a ? c->a : c->b;
			struct escape_buf key = { 0 };

			/* the map's key joins them with a newline: say it so */
			escape_printf(&key, "%s: %s", f->id, f->title);
			jout_str(out, "key", key.p);
			escape_free(&key);
		} else {
			jout_str(out, "key", c->key);
		}
		if (c->occurrence)
			jout_u64(out, "run", c->occurrence);
		jout_key(out, "a");
		jout_value(out, c, c->a);
		jout_key(out, "b");
		jout_value(out, c, c->b);
		escape_putc(out, '}');
	}
	escape_puts(out, "]}\n");
}
