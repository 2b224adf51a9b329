// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the Problems block the summary starts with. The findings of
 * severity warning and above, most important first, one line each with
 * its count; "No problems found" when an analyzer looked and found none.
 *
 * Findings are CPD_EV_FINDING events: this file knows their severities,
 * not which analyzer made them or what their rules are. That someone
 * looked at all is what a "findings" report says (the analyzer that
 * publishes findings publishes it at the end): without it, no block,
 * rather than a "No problems found" nobody vouched for.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"

static int console_problem_cmp(const void *a, const void *b)
{
	const struct console_problem *x = a, *y = b;

	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void console_finding(struct console *c, const struct cpd_event *ev)
{
	const struct cpd_ev_finding *f = &ev->u.finding;
	struct console_problems *ps = &c->problems;
	struct console_problem *p;

	if (f->severity < CPD_SEV_WARNING)
		return;
	ps->total++;
	if (ps->n == CONSOLE_PROBLEMS_MAX)
		return;
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? 2 * ps->cap : 16;
		struct console_problem *v = realloc(ps->v, cap * sizeof(*v));

		if (!v)
			return; /* a shorter list, with "and N more" */
		ps->v = v;
		ps->cap = cap;
	}
	p = &ps->v[ps->n];
	/* escaped now: the title holds tracee bytes */
	console_esc(c, 0, &f->title);
	p->text = strdup(f->title.ptr && f->title.len ? c->esc[0] : "?");
	if (!p->text)
		return;
	p->severity = f->severity;
	p->seq = ev->seq;
	p->count = f->count;
	ps->n++;
}

/*
 * Whether an analyzer that looks for problems ran: the findings report
 * came (its schema keeps it out of the summary's blocks: this block is
 * what it counts).
 */
static bool console_problems_looked(const struct console *c)
{
	size_t i;

	for (i = 0; i < c->nsections; i++)
		if (!strcmp(c->sections[i].topic, "findings"))
			return true;
	return false;
}

void console_problems(struct console *c)
{
	struct console_problems *ps = &c->problems;
	size_t i, shown;

	if (!console_problems_looked(c) && !ps->total)
		return;
	if (!ps->total) {
		console_printf(c, " No problems found");
		return;
	}
	qsort(ps->v, ps->n, sizeof(*ps->v), console_problem_cmp);
	shown = ps->n < CONSOLE_LIST_MAX ? ps->n : CONSOLE_LIST_MAX;
	console_printf(c, " Problems:");
	for (i = 0; i < shown; i++) {
		const struct console_problem *p = &ps->v[i];
		char n[32] = "";

		if (p->count > 1)
			snprintf(n, sizeof(n), " (%" PRIu64 "×)", p->count);
		console_printf(c, "   %s: %s%s",
			       p->severity >= CPD_SEV_ERROR ? "error" :
							      "warning",
			       p->text, n);
	}
	if (ps->total > shown)
		console_printf(c, "   ... and %" PRIu64 " more",
			       ps->total - shown);
}

void console_problems_free(struct console *c)
{
	size_t i;

	for (i = 0; i < c->problems.n; i++)
		free(c->problems.v[i].text);
	free(c->problems.v);
	memset(&c->problems, 0, sizeof(c->problems));
}
