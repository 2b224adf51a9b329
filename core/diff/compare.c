// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

/* --ignore bytes: keep what appeared and disappeared, not the counts. */
#define DIFF_IGNORE_BYTES (1u << DC_NCATS)

static const struct {
	const char *name, *title;
} diff_cats[DC_NCATS] = {
	[DC_EXIT] = { "exit", "Exit status of the command" },
	[DC_FINDINGS] = { "findings", "Findings" },
	[DC_PROC_EXIT] = { "process_exits", "Exit status of processes" },
	[DC_NETWORK] = { "network", "Network endpoints" },
	[DC_DNS] = { "dns", "DNS names" },
	[DC_PROGRAMS] = { "programs", "Programs executed" },
	[DC_COMMANDS] = { "commands", "Command lines" },
	[DC_WRITES] = { "files_written", "Files written" },
	[DC_READS] = { "files_read", "Files read" },
	[DC_TIME] = { "time", "Wall time" },
};

void diff_opts_init(struct diff_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->time_min_ns = 100000000;
	o->time_pct = 50;
}

unsigned diff_cat_bits(const char *name)
{
	static const struct {
		const char *name;
		unsigned bits;
	} words[] = {
		{ "exit", 1u << DC_EXIT | 1u << DC_PROC_EXIT },
		{ "findings", 1u << DC_FINDINGS },
		{ "network", 1u << DC_NETWORK },
		{ "dns", 1u << DC_DNS },
		{ "programs", 1u << DC_PROGRAMS | 1u << DC_COMMANDS },
		{ "commands", 1u << DC_COMMANDS },
		{ "files", 1u << DC_WRITES | 1u << DC_READS },
		{ "writes", 1u << DC_WRITES },
		{ "reads", 1u << DC_READS },
		{ "bytes", DIFF_IGNORE_BYTES },
		{ "time", 1u << DC_TIME },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcmp(name, words[i].name))
			return words[i].bits;
	return 0;
}

const char *diff_cat_name(enum diff_cat cat)
{
	return diff_cats[cat].name;
}

const char *diff_cat_title(enum diff_cat cat)
{
	return diff_cats[cat].title;
}

const char *diff_kind_name(enum diff_kind kind)
{
	static const char *const names[] = { "appeared", "disappeared",
					     "changed" };

	return names[kind];
}

static void diff_add(struct diff_result *r, enum diff_cat cat,
		     enum diff_kind kind, const char *key, const void *a,
		     const void *b, double weight)
{
	struct diff_change *c;

	r->c = xgrow(r->c, &r->cap, r->n, sizeof(*r->c));
	c = &r->c[r->n++];
	memset(c, 0, sizeof(*c));
	c->cat = cat;
	c->kind = kind;
	c->key = key;
	c->a = a;
	c->b = b;
	c->weight = weight;
	r->kinds[kind]++;
}

/* Whether a byte count moved further than the thresholds allow. */
static bool diff_bytes_moved(const struct diff_opts *o, uint64_t a, uint64_t b)
{
	uint64_t d = a > b ? a - b : b - a, big = MAX(a, b);

	if (o->ignore & DIFF_IGNORE_BYTES)
		return false;
	return d > o->bytes_min &&
	       (double)d * 100.0 > o->bytes_pct * (double)big;
}

static double diff_delta(uint64_t a, uint64_t b)
{
	return a > b ? (double)(a - b) : (double)(b - a);
}

/* ---- keyed categories ----------------------------------------------- */

typedef bool (*diff_changed_fn)(const struct diff_opts *o, const void *a,
				const void *b, double *weight);
typedef double (*diff_size_fn)(const void *v);

static bool diff_file_changed(const struct diff_opts *o, const void *a,
			      const void *b, double *weight)
{
	const struct prof_file *fa = a, *fb = b;

	*weight = diff_delta(fa->bytes, fb->bytes);
	return diff_bytes_moved(o, fa->bytes, fb->bytes);
}

static double diff_file_size(const void *v)
{
	return (double)((const struct prof_file *)v)->bytes;
}

static bool diff_count_changed(const struct diff_opts *o, const void *a,
			       const void *b, double *weight)
{
	const struct prof_count *ca = a, *cb = b;

	*weight = diff_delta(ca->count, cb->count);
	return ca->count != cb->count;
}

static double diff_count_size(const void *v)
{
	return (double)((const struct prof_count *)v)->count;
}

static bool diff_endpoint_changed(const struct diff_opts *o, const void *a,
				  const void *b, double *weight)
{
	const struct prof_endpoint *ea = a, *eb = b;

	*weight =
		diff_delta(ea->sent, eb->sent) + diff_delta(ea->recv, eb->recv);
	/* refused in one run, reached in the other */
	return !ea->failed != !eb->failed ||
	       diff_bytes_moved(o, ea->sent, eb->sent) ||
	       diff_bytes_moved(o, ea->recv, eb->recv);
}

static double diff_endpoint_size(const void *v)
{
	const struct prof_endpoint *e = v;

	return (double)(e->sent + e->recv);
}

static double diff_finding_size(const void *v)
{
	return ((const struct prof_finding *)v)->severity;
}

/* What only presence tells: a name or a finding is there or not. */
static bool diff_never(const struct diff_opts *o, const void *a, const void *b,
		       double *weight)
{
	*weight = 0;
	return false;
}

static void diff_keyed(struct diff_result *r, enum diff_cat cat,
		       const struct strmap *ma, const struct strmap *mb,
		       const struct diff_opts *o, diff_changed_fn changed,
		       diff_size_fn size)
{
	size_t i;

	if (o->ignore & (1u << cat))
		return;
	for (i = 0; i < ma->n; i++) {
		const struct strmap_entry *e = &ma->entries[i];
		const void *other = strmap_get(mb, e->key, e->len);
		double w;

		if (!other)
			diff_add(r, cat, DK_DISAPPEARED, e->key, e->val, NULL,
				 size(e->val));
		else if (changed(o, e->val, other, &w))
			diff_add(r, cat, DK_CHANGED, e->key, e->val, other, w);
	}
	for (i = 0; i < mb->n; i++) {
		const struct strmap_entry *e = &mb->entries[i];

		if (!strmap_get(ma, e->key, e->len))
			diff_add(r, cat, DK_APPEARED, e->key, NULL, e->val,
				 size(e->val));
	}
}

/* ---- processes ------------------------------------------------------ */

/* The processes of one command line, in the order they started. */
struct diff_procs {
	const struct prof_proc **p;
	size_t n, cap;
};

static void diff_free_procs(void *val)
{
	free(((struct diff_procs *)val)->p);
}

static void diff_group(const struct profile *pf, struct strmap *m)
{
	size_t i;

	strmap_init(m, sizeof(struct diff_procs));
	for (i = 0; i < pf->nprocs; i++) {
		const struct prof_proc *pr = &pf->procs[i];
		struct diff_procs *g;

		if (!pr->cmd)
			continue;
		g = strmap_put(m, pr->cmd, strlen(pr->cmd), NULL);
		g->p = xgrow(g->p, &g->cap, g->n, sizeof(*g->p));
		g->p[g->n++] = pr;
	}
}

static bool diff_same_exit(const struct prof_proc *a, const struct prof_proc *b)
{
	return a->exited == b->exited &&
	       (!a->exited ||
		(a->exit_code == b->exit_code && a->signal == b->signal));
}

static bool diff_time_moved(const struct diff_opts *o,
			    const struct prof_proc *a,
			    const struct prof_proc *b, double *weight)
{
	uint64_t ta, tb;
	double d;

	if (!a->exited || !b->exited || a->end_ns < a->start_ns ||
	    b->end_ns < b->start_ns)
		return false;
	ta = a->end_ns - a->start_ns;
	tb = b->end_ns - b->start_ns;
	d = diff_delta(ta, tb);
	*weight = d;
	return d >= (double)o->time_min_ns &&
	       d * 100.0 >= o->time_pct * (double)ta;
}

/* Pair the nth run of each command line in a with the nth in b. */
static void diff_procs(struct diff_result *r, const struct profile *a,
		       const struct profile *b, const struct diff_opts *o)
{
	struct strmap ga, gb;
	size_t i, k;

	if ((o->ignore & (1u << DC_PROC_EXIT)) && (o->ignore & (1u << DC_TIME)))
		return;
	diff_group(a, &ga);
	diff_group(b, &gb);
	for (i = 0; i < ga.n; i++) {
		const struct diff_procs *pa = ga.entries[i].val, *pb;

		pb = strmap_get(&gb, ga.entries[i].key, ga.entries[i].len);
		for (k = 0; pb && k < MIN(pa->n, pb->n); k++) {
			const struct prof_proc *x = pa->p[k], *y = pb->p[k];
			double w;

			if (!(o->ignore & (1u << DC_PROC_EXIT)) && !x->root &&
			    !y->root && !diff_same_exit(x, y)) {
				diff_add(r, DC_PROC_EXIT, DK_CHANGED, x->cmd, x,
					 y,
					 (double)(x->exit_code != 0) +
						 (double)(y->exit_code != 0));
				r->c[r->n - 1].occurrence = (unsigned)k + 1;
			}
			if (!(o->ignore & (1u << DC_TIME)) &&
			    diff_time_moved(o, x, y, &w)) {
				diff_add(r, DC_TIME, DK_CHANGED, x->cmd, x, y,
					 w);
				r->c[r->n - 1].occurrence = (unsigned)k + 1;
			}
		}
	}
	strmap_free(&ga, diff_free_procs);
	strmap_free(&gb, diff_free_procs);
}

/* ---- the whole ------------------------------------------------------ */

static int diff_order(const void *pa, const void *pb)
{
	const struct diff_change *a = pa, *b = pb;

	if (a->cat != b->cat)
		return a->cat < b->cat ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	if (strcmp(a->key, b->key))
		return strcmp(a->key, b->key);
	return a->occurrence < b->occurrence ? -1 :
					       a->occurrence > b->occurrence;
}

void diff_compare(const struct profile *a, const struct profile *b,
		  const struct diff_opts *o, struct diff_result *r)
{
	memset(r, 0, sizeof(*r));
	if (!(o->ignore & (1u << DC_EXIT)) &&
	    (a->root_exited != b->root_exited ||
	     a->root_exit_code != b->root_exit_code ||
	     a->root_signal != b->root_signal))
		diff_add(r, DC_EXIT, DK_CHANGED, "the command", a, b, 0);
	diff_keyed(r, DC_FINDINGS, &a->findings, &b->findings, o, diff_never,
		   diff_finding_size);
	diff_keyed(r, DC_NETWORK, &a->endpoints, &b->endpoints, o,
		   diff_endpoint_changed, diff_endpoint_size);
	diff_keyed(r, DC_DNS, &a->dns, &b->dns, o, diff_never, diff_count_size);
	diff_keyed(r, DC_PROGRAMS, &a->programs, &b->programs, o,
		   diff_count_changed, diff_count_size);
	diff_keyed(r, DC_COMMANDS, &a->commands, &b->commands, o, diff_never,
		   diff_count_size);
	diff_keyed(r, DC_WRITES, &a->writes, &b->writes, o, diff_file_changed,
		   diff_file_size);
	diff_keyed(r, DC_READS, &a->reads, &b->reads, o, diff_file_changed,
		   diff_file_size);
	diff_procs(r, a, b, o);
	if (r->n)
		qsort(r->c, r->n, sizeof(*r->c), diff_order);
}

void diff_result_free(struct diff_result *r)
{
	free(r->c);
	memset(r, 0, sizeof(*r));
}
