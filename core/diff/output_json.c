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

#include "jsonw.h"

static void jout_key(struct sbuf *b, const char *key)
{
	jsonw_str(b, key, strlen(key));
	sbuf_putc(b, ':');
}

static void jout_str(struct sbuf *b, const char *key, const char *s)
{
	jout_key(b, key);
	jsonw_str(b, s, strlen(s));
}

static void jout_u64(struct sbuf *b, const char *key, uint64_t v)
{
	jout_key(b, key);
	jsonw_u64(b, v);
}

static void jout_exit(struct sbuf *b, bool exited, int64_t code, int64_t sig)
{
	if (!exited) {
		sbuf_puts(b, "{\"exited\":false}");
		return;
	}
	sbuf_puts(b, "{\"exited\":true,\"exit_code\":");
	jsonw_s64(b, code);
	sbuf_puts(b, ",\"signal\":");
	jsonw_s64(b, sig);
	sbuf_putc(b, '}');
}

/* One side's value of a change, as an object. */
static void jout_value(struct sbuf *b, const struct diff_change *c,
		       const void *v)
{
	static const char *const sev[] = { "unknown", "info", "notice",
					   "warning", "error" };

	if (!v) {
		sbuf_puts(b, "null");
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

		sbuf_putc(b, '{');
		jout_u64(b, "wall_ns", p->end_ns - p->start_ns);
		sbuf_putc(b, '}');
		return;
	}
	case DC_FINDINGS: {
		const struct prof_finding *f = v;

		sbuf_putc(b, '{');
		jout_str(b, "id", f->id);
		sbuf_putc(b, ',');
		jout_str(b, "severity", sev[f->severity < 5 ? f->severity : 0]);
		sbuf_putc(b, ',');
		jout_str(b, "title", f->title);
		sbuf_putc(b, ',');
		jout_u64(b, "count", f->count);
		sbuf_putc(b, '}');
		return;
	}
	case DC_NETWORK: {
		const struct prof_endpoint *e = v;

		sbuf_putc(b, '{');
		jout_u64(b, "connections", e->connects);
		sbuf_putc(b, ',');
		jout_u64(b, "failed", e->failed);
		sbuf_putc(b, ',');
		jout_u64(b, "sent_bytes", e->sent);
		sbuf_putc(b, ',');
		jout_u64(b, "recv_bytes", e->recv);
		sbuf_putc(b, '}');
		return;
	}
	case DC_WRITES:
	case DC_READS: {
		const struct prof_file *f = v;

		sbuf_putc(b, '{');
		jout_u64(b, "bytes", f->bytes);
		sbuf_putc(b, ',');
		jout_u64(b, "opens", f->opens);
		sbuf_putc(b, '}');
		return;
	}
	default: {
		const struct prof_count *n = v;

		sbuf_putc(b, '{');
		jout_u64(b, "count", n->count);
		sbuf_putc(b, '}');
		return;
	}
	}
}

static void jout_side(struct sbuf *b, const char *name,
		      const struct diff_side *s)
{
	jout_key(b, name);
	sbuf_putc(b, '{');
	jout_str(b, "path", s->path);
	sbuf_putc(b, ',');
	jout_u64(b, "records", s->prof->records);
	sbuf_puts(b, ",\"damaged_line\":");
	if (s->info->damaged_line)
		jsonw_u64(b, s->info->damaged_line);
	else
		sbuf_puts(b, "null");
	sbuf_putc(b, '}');
}

void diff_write_json(struct sbuf *out, const struct diff_side *a,
		     const struct diff_side *b, const struct diff_result *r)
{
	size_t i;

	sbuf_printf(out, "{\"schema\":1,\"same\":%s,", r->n ? "false" : "true");
	jout_side(out, "a", a);
	sbuf_putc(out, ',');
	jout_side(out, "b", b);
	sbuf_puts(out, ",\"summary\":{");
	jout_u64(out, "appeared", r->kinds[DK_APPEARED]);
	sbuf_putc(out, ',');
	jout_u64(out, "disappeared", r->kinds[DK_DISAPPEARED]);
	sbuf_putc(out, ',');
	jout_u64(out, "changed", r->kinds[DK_CHANGED]);
	sbuf_puts(out, "},\"changes\":[");
	for (i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->c[i];

		sbuf_puts(out, i ? ",{" : "{");
		jout_str(out, "category", diff_cat_name(c->cat));
		sbuf_putc(out, ',');
		jout_str(out, "change", diff_kind_name(c->kind));
		sbuf_putc(out, ',');
		if (c->cat == DC_FINDINGS) {
			const struct prof_finding *f = c->a ? c->a : c->b;
			struct sbuf key = { 0 };

			/* the map's key joins them with a newline: say it so */
			sbuf_printf(&key, "%s: %s", f->id, f->title);
			jout_str(out, "key", key.s);
			sbuf_free(&key);
		} else {
			jout_str(out, "key", c->key);
		}
		if (c->occurrence) {
			sbuf_putc(out, ',');
			jout_u64(out, "run", c->occurrence);
		}
		sbuf_puts(out, ",\"a\":");
		jout_value(out, c, c->a);
		sbuf_puts(out, ",\"b\":");
		jout_value(out, c, c->b);
		sbuf_putc(out, '}');
	}
	sbuf_puts(out, "]}\n");
}
