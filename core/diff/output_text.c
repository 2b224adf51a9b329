// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The comparison for people, diff -u's way: "--- A" and "+++ B", then a
 * block per category with a line per change, '+' appeared, '-'
 * disappeared, '~' changed, and a count at the end.
 */
#include "output.h"

#include <inttypes.h>
#include <string.h>

#include "engine/xlat.h"
#include "json.h"

/*
 * Traced names may hold any byte: control characters (C0, DEL, C1) and
 * bytes that are not UTF-8 are shown as \xNN so they cannot drive the
 * terminal; the rest of UTF-8 is kept, so names read as they are.
 */
static void text_name(struct escape_buf *b, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n = json_utf8_len(s + i, len - i);

		if (c == '\\') {
			escape_puts(b, "\\\\");
			i++;
		} else if (!n || c < 0x20 || c == 0x7f) {
			escape_printf(b, "\\x%02x", c);
			i++;
		} else if (n == 2 && c == 0xc2 &&
			   (unsigned char)s[i + 1] < 0xa0) {
			escape_printf(b, "\\u%04x", (unsigned char)s[i + 1]);
			i += 2;
		} else {
			escape_put(b, s + i, n);
			i += n;
		}
	}
}

static void text_bytes(struct escape_buf *b, uint64_t v)
{
	static const char *const units[] = { "KB", "MB", "GB", "TB" };
	double d = (double)v;
	size_t u = 0;

	if (v < 1024) {
		escape_printf(b, "%" PRIu64 " B", v);
		return;
	}
	d /= 1024;
	while (d >= 1024 && u + 1 < ARRAY_SIZE(units)) {
		d /= 1024;
		u++;
	}
	escape_printf(b, "%.1f %s", d, units[u]);
}

static void text_delta_bytes(struct escape_buf *b, uint64_t a, uint64_t v)
{
	escape_puts(b, v >= a ? " (+" : " (-");
	text_bytes(b, v >= a ? v - a : a - v);
	escape_putc(b, ')');
}

static void text_ns(struct escape_buf *b, uint64_t ns)
{
	if (ns >= 1000000000u)
		escape_printf(b, "%.2f s", (double)ns / 1e9);
	else
		escape_printf(b, "%.1f ms", (double)ns / 1e6);
}

static void text_exit(struct escape_buf *b, bool exited, int64_t code,
		      int64_t sig)
{
	const char *name = sig ? xlat_signal_name((int)sig) : NULL;

	if (!exited)
		escape_puts(b, "did not exit while traced");
	else if (sig && name)
		escape_printf(b, "killed by %s", name);
	else if (sig)
		escape_printf(b, "killed by signal %" PRId64, sig);
	else
		escape_printf(b, "exit %" PRId64, code);
}

static void text_file(struct escape_buf *b, const struct diff_change *c)
{
	const struct prof_file *fa = c->a, *fb = c->b;

	if (c->kind == DK_CHANGED) {
		escape_puts(b, ": ");
		text_bytes(b, fa->bytes);
		escape_puts(b, " → ");
		text_bytes(b, fb->bytes);
		text_delta_bytes(b, fa->bytes, fb->bytes);
		return;
	}
	escape_puts(b, " (");
	text_bytes(b, (fa ? fa : fb)->bytes);
	escape_putc(b, ')');
}

static void text_endpoint_one(struct escape_buf *b,
			      const struct prof_endpoint *e)
{
	if (e->connects)
		escape_printf(b, "%" PRIu64 " connection%s, ", e->connects,
			      e->connects == 1 ? "" : "s");
	if (e->failed)
		escape_printf(b, "%" PRIu64 " failed, ", e->failed);
	escape_puts(b, "sent ");
	text_bytes(b, e->sent);
	escape_puts(b, ", received ");
	text_bytes(b, e->recv);
}

static void text_endpoint(struct escape_buf *b, const struct diff_change *c)
{
	const struct prof_endpoint *ea = c->a, *eb = c->b;

	escape_puts(b, " (");
	if (c->kind != DK_CHANGED) {
		text_endpoint_one(b, ea ? ea : eb);
	} else {
		text_endpoint_one(b, ea);
		escape_puts(b, " → ");
		text_endpoint_one(b, eb);
	}
	escape_putc(b, ')');
}

static void text_count(struct escape_buf *b, const struct diff_change *c,
		       const char *one, const char *many)
{
	const struct prof_count *ca = c->a, *cb = c->b;
	uint64_t n = (ca ? ca : cb)->count;

	if (c->kind == DK_CHANGED)
		escape_printf(b, ": %" PRIu64 " → %" PRIu64 " %s", ca->count,
			      cb->count, many);
	else
		escape_printf(b, " (%" PRIu64 " %s)", n, n == 1 ? one : many);
}

static void text_finding(struct escape_buf *b, const struct diff_change *c)
{
	static const char *const sev[] = { "?", "info", "notice", "warning",
					   "error" };
	const struct prof_finding *f = c->a ? c->a : c->b;

	escape_printf(b, "%s %s: ", sev[f->severity < 5 ? f->severity : 0],
		      f->id);
	text_name(b, f->title);
	if (f->count > 1)
		escape_printf(b, " (%" PRIu64 "×)", f->count);
}

static void text_proc(struct escape_buf *b, const struct diff_change *c)
{
	const struct prof_proc *pa = c->a, *pb = c->b;

	if (c->occurrence > 1)
		escape_printf(b, " (run %u)", c->occurrence);
	escape_puts(b, ": ");
	if (c->cat == DC_PROC_EXIT) {
		text_exit(b, pa->exited, pa->exit_code, pa->signal);
		escape_puts(b, " → ");
		text_exit(b, pb->exited, pb->exit_code, pb->signal);
		return;
	}
	text_ns(b, pa->end_ns - pa->start_ns);
	escape_puts(b, " → ");
	text_ns(b, pb->end_ns - pb->start_ns);
	if (pa->end_ns > pa->start_ns)
		escape_printf(b, " (%+.0f %%)",
			      ((double)(pb->end_ns - pb->start_ns) /
				       (double)(pa->end_ns - pa->start_ns) -
			       1.0) * 100.0);
}

static void text_change(struct escape_buf *b, const struct diff_change *c)
{
	static const char marks[] = { '+', '-', '~' };

	escape_printf(b, "  %c ", marks[c->kind]);
	switch (c->cat) {
	case DC_EXIT: {
		const struct profile *pa = c->a, *pb = c->b;

		escape_puts(b, "the command: ");
		text_exit(b, pa->root_exited, pa->root_exit_code,
			  pa->root_signal);
		escape_puts(b, " → ");
		text_exit(b, pb->root_exited, pb->root_exit_code,
			  pb->root_signal);
		break;
	}
	case DC_FINDINGS:
		text_finding(b, c);
		break;
	case DC_PROC_EXIT:
	case DC_TIME:
		text_name(b, c->key);
		text_proc(b, c);
		break;
	case DC_NETWORK:
		text_name(b, c->key);
		text_endpoint(b, c);
		break;
	case DC_DNS:
		text_name(b, c->key);
		text_count(b, c, "lookup", "lookups");
		break;
	case DC_PROGRAMS:
	case DC_COMMANDS:
		text_name(b, c->key);
		text_count(b, c, "run", "runs");
		break;
	case DC_WRITES:
	case DC_READS:
		text_name(b, c->key);
		text_file(b, c);
		break;
	default:
		break;
	}
	escape_putc(b, '\n');
}

static void text_side(struct escape_buf *b, const char *mark,
		      const struct diff_side *s)
{
	escape_printf(b, "%s ", mark);
	text_name(b, s->path);
	escape_printf(b, " (%" PRIu64 " records", s->prof->records);
	if (s->info->damaged_line)
		escape_printf(b, ", damaged at line %" PRIu64,
			      s->info->damaged_line);
	escape_puts(b, ")\n");
}

void diff_write_text(struct escape_buf *out, const struct diff_side *a,
		     const struct diff_side *b, const struct diff_result *r)
{
	int cat = -1;
	size_t i;

	text_side(out, "---", a);
	text_side(out, "+++", b);
	for (i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->c[i];

		if ((int)c->cat != cat) {
			cat = (int)c->cat;
			escape_printf(out, "%s:\n", diff_cat_title(c->cat));
		}
		text_change(out, c);
	}
	if (!r->n) {
		escape_puts(out, "no differences\n");
		return;
	}
	escape_printf(
		out,
		"%zu difference%s: %zu appeared, %zu disappeared, %zu changed\n",
		r->n, r->n == 1 ? "" : "s", r->kinds[DK_APPEARED],
		r->kinds[DK_DISAPPEARED], r->kinds[DK_CHANGED]);
}
