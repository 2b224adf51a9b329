// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The swimlanes: one per task, made from the core's process events (and
 * on first sight of a task no spawn told of), found by tid through a
 * small open-addressing table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static uint32_t html_hash_tid(int32_t tid, uint32_t size)
{
	return ((uint32_t)tid * 2654435761u) & (size - 1);
}

static int html_map_put(struct html_data *d, int32_t tid, uint32_t idx)
{
	uint32_t h, i;

	if (2 * (d->nlanes + 1) > d->map_size) {
		uint32_t nsize = d->map_size ? 2 * d->map_size : 64;
		uint32_t *nmap = calloc(nsize, sizeof(*nmap));

		if (!nmap)
			return -ENOMEM;
		for (i = 0; i < d->map_size; i++) {
			uint32_t v = d->lane_map[i];

			if (!v)
				continue;
			h = html_hash_tid(d->lanes[v - 1].tid, nsize);
			while (nmap[h])
				h = (h + 1) & (nsize - 1);
			nmap[h] = v;
		}
		free(d->lane_map);
		d->lane_map = nmap;
		d->map_size = nsize;
	}
	h = html_hash_tid(tid, d->map_size);
	while (d->lane_map[h] && d->lanes[d->lane_map[h] - 1].tid != tid)
		h = (h + 1) & (d->map_size - 1);
	d->lane_map[h] = idx + 1;
	return 0;
}

static int32_t html_lane_find(const struct html_data *d, int32_t tid)
{
	uint32_t h;

	if (!d->map_size)
		return -1;
	h = html_hash_tid(tid, d->map_size);
	while (d->lane_map[h]) {
		if (d->lanes[d->lane_map[h] - 1].tid == tid)
			return (int32_t)(d->lane_map[h] - 1);
		h = (h + 1) & (d->map_size - 1);
	}
	return -1;
}

/* A new lane for tid; its parent lane must exist already (or be -1). */
static int32_t html_lane_new(struct html_data *d, int32_t pid, int32_t tid,
			     bool thread, int32_t parent, uint64_t t)
{
	uint64_t cap = d->caplanes;
	struct html_lane *l;

	if (d->nlanes == UINT32_MAX - 1 ||
	    html_grow(&d->lanes, d->nlanes, &cap, sizeof(*d->lanes)))
		return -1;
	d->caplanes = (uint32_t)(cap > UINT32_MAX ? UINT32_MAX : cap);
	if (html_map_put(d, tid, d->nlanes))
		return -1;
	l = &d->lanes[d->nlanes];
	memset(l, 0, sizeof(*l));
	l->pid = pid;
	l->tid = tid;
	l->thread = thread;
	l->parent = parent;
	l->exit_code = -1;
	l->start_ns = t;
	if (parent >= 0) {
		const struct html_lane *p = &d->lanes[parent];

		/* fork and clone share the parent's program until exec */
		l->comm = p->comm ? strdup(p->comm) : NULL;
		l->exe = p->exe ? strdup(p->exe) : NULL;
		if (p->argv && (l->argv = malloc(p->argv_len + 1))) {
			memcpy(l->argv, p->argv, p->argv_len + 1);
			l->argv_len = p->argv_len;
		}
	}
	return (int32_t)d->nlanes++;
}

/*
 * The lane of a task an event is about, made on first sight (a task we
 * only hear of from a kernel source, or an event that beat its spawn).
 */
int32_t html_lane_get(struct html_data *d, int32_t pid, int32_t tid, uint64_t t)
{
	int32_t idx, parent = -1;

	if (tid <= 0)
		tid = pid;
	idx = html_lane_find(d, tid);
	if (idx >= 0)
		return idx;
	if (pid > 0 && pid != tid) {
		parent = html_lane_get(d, pid, pid, t);
		if (parent < 0)
			return -1;
	}
	return html_lane_new(d, pid > 0 ? pid : tid, tid, parent >= 0, parent,
			     t);
}

static void html_lane_set(char **dst, const struct cpd_str *s)
{
	char *p;

	if (!s->ptr)
		return;
	p = html_strndup(s);
	if (!p)
		return;
	free(*dst);
	*dst = p;
}

static void html_lane_exec(struct html_lane *l, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	char *argv;

	html_lane_set(&l->comm, &ev->comm);
	html_lane_set(&l->exe, &p->path);
	if (!p->argv.ptr)
		return;
	argv = malloc((size_t)p->argv.len + 1);
	if (!argv)
		return;
	memcpy(argv, p->argv.ptr, p->argv.len);
	argv[p->argv.len] = '\0';
	free(l->argv);
	l->argv = argv;
	l->argv_len = p->argv.len;
}

int html_lanes_proc(struct html_data *d, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *p = &ev->u.proc;
	uint64_t t = html_rel(d, ev->ts_ns);
	int32_t self, parent, idx;
	struct html_lane *l;

	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
	case CPD_PROC_SPAWN_THREAD:
		parent = html_lane_get(
			d,
			p->op == CPD_PROC_SPAWN_THREAD ? p->child_pid : ev->pid,
			p->op == CPD_PROC_SPAWN_THREAD ? p->child_pid : ev->pid,
			t);
		if (parent < 0)
			return -ENOMEM;
		idx = html_lane_find(d, p->child_tid);
		/* a fresh lane unless an earlier event of the child made it */
		if (idx >= 0 && !d->lanes[idx].ended &&
		    d->lanes[idx].parent < 0 && idx > parent) {
			d->lanes[idx].parent = parent;
			d->lanes[idx].thread = p->op == CPD_PROC_SPAWN_THREAD;
			return 0;
		}
		if (idx >= 0 && !d->lanes[idx].ended)
			return 0;
		return html_lane_new(d, p->child_pid, p->child_tid,
				     p->op == CPD_PROC_SPAWN_THREAD, parent,
				     t) < 0 ?
			       -ENOMEM :
			       0;
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
	case CPD_PROC_EXEC:
		self = html_lane_get(d, ev->pid,
				     p->op == CPD_PROC_EXEC ? ev->pid : ev->tid,
				     t);
		if (self < 0)
			return -ENOMEM;
		l = &d->lanes[self];
		if (p->op != CPD_PROC_ATTACH || !l->thread)
			html_lane_exec(l, ev);
		else if (!l->comm)
			html_lane_set(&l->comm, &ev->comm);
		return 0;
	case CPD_PROC_EXIT:
		self = html_lane_get(d, ev->pid, ev->tid, t);
		if (self < 0)
			return -ENOMEM;
		l = &d->lanes[self];
		l->ended = true;
		l->end_ns = t;
		l->exit_code = p->signal > 0 ? -1 : p->exit_code;
		l->signal = p->signal;
		return 0;
	default:
		return 0;
	}
}
