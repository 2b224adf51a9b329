// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: which failed opens were probes of a search (lib/search.h), and
 * the probe rule. Without -v the file analyzer has decided and flagged
 * them; with -v it holds nothing back, and the same rule is applied here
 * to the same events.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"

#include "findings.h"

/* A search ended: pid found path after n probes. */
static void findings_search(struct findings *f, int32_t pid, const char *path,
			    size_t len, uint32_t n)
{
	struct findings_proc *p = findings_proc_find(f, pid);
	char text[FINDINGS_TEXT_MAX];
	struct findings_buf b = { text, 0, sizeof(text) };
	size_t blen;
	const char *base;

	if (!p || f->off[R_PROBE])
		return;
	p->searches++;
	p->probes += n;
	base = format_basename(path, len, &blen);
	findings_put(&b, base, blen);
	/* the directory it was found in; none to say for a relative name */
	if (base > path) {
		findings_printf(&b, " in ");
		findings_put(&b, path,
			     base - path > 1 ? (size_t)(base - path) - 1 : 1);
	}
	findings_printf(&b, " after %u probe%s", n, n == 1 ? "" : "s");
	if (!(p->flags & FP_NO_DETAILS))
		findings_note(p->found, false, text, b.len);
}

void findings_release(void *arg, void *item, enum search_outcome how)
{
	struct findings *f = arg;
	struct findings_held *h = item;

	if (how == SEARCH_FAILURE)
		findings_open_failure(f, h->pid, h->comm, h->path, h->len,
				      h->err, h->ts, h->seq);
	else if (how == SEARCH_PROBE)
		f->ended_probes++;
	free(h->path);
}

/* End tid's run; ev (may be NULL) is the open that did. */
void findings_run_end(struct findings *f, int32_t tid,
		      const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = ev ? &ev->u.file : NULL;

	if (!search_holding(&f->runs))
		return;
	f->ended_probes = 0;
	search_end(&f->runs, tid, p ? p->path.ptr : NULL, p ? p->path.len : 0);
	/* a search for a library is the loader's: not the user's search */
	if (f->ended_probes && p && !(p->flags & CPD_FILEF_HIDDEN))
		findings_search(f, ev->pid, p->path.ptr, p->path.len,
				f->ended_probes);
}

static bool findings_hold(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	struct findings_held *h;
	char *path;

	if (!p->path.ptr || !p->path.len)
		return false;
	path = malloc(p->path.len);
	if (!path)
		return false;
	h = search_hold(&f->runs, ev->tid, p->path.ptr, p->path.len);
	if (!h) {
		free(path);
		return false;
	}
	memcpy(path, p->path.ptr, p->path.len);
	h->path = path;
	h->len = p->path.len;
	h->pid = ev->pid;
	h->err = p->err;
	h->ts = ev->ts_ns;
	h->seq = ev->seq;
	snprintf(h->comm, sizeof(h->comm), "%.*s",
		 ev->comm.ptr ? (int)ev->comm.len : 0,
		 ev->comm.ptr ? ev->comm.ptr : "");
	return true;
}

static struct findings_pending *findings_pending_get(struct findings *f,
						     int32_t tid, bool add)
{
	uint32_t i;

	for (i = 0; i < f->npending; i++)
		if (f->pending[i].tid == tid)
			return &f->pending[i];
	if (!add || f->npending == SEARCH_RUNS_MAX)
		return NULL;
	f->pending[f->npending].tid = tid;
	f->pending[f->npending].probes = 0;
	return &f->pending[f->npending++];
}

/* probe and failed-open: what each failed and successful open is. */
void findings_on_file_open(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_file *p = &ev->u.file;
	bool hidden = p->flags & CPD_FILEF_HIDDEN;
	char comm[16];

	if (p->op == CPD_FILE_OPEN) {
		if (f->verbose) {
			findings_run_end(f, ev->tid, ev);
		} else if (!hidden) {
			struct findings_pending *pd =
				findings_pending_get(f, ev->tid, false);

			if (pd && pd->probes)
				findings_search(f, ev->pid, p->path.ptr,
						p->path.len, pd->probes);
			if (pd)
				*pd = f->pending[--f->npending];
		}
		if (!hidden && p->path.ptr)
			findings_open_success(f, p->path.ptr, p->path.len);
		return;
	}
	/* a failure: noise neither joins nor ends a run */
	if (hidden)
		return;
	if (p->flags & CPD_FILEF_PROBE) {
		struct findings_pending *pd =
			findings_pending_get(f, ev->tid, true);

		if (pd)
			pd->probes++;
		return;
	}
	if (f->verbose) {
		if (search_errno(p->err) && findings_hold(f, ev))
			return;
		if (!search_errno(p->err))
			findings_run_end(f, ev->tid, NULL);
	}
	snprintf(comm, sizeof(comm), "%.*s",
		 ev->comm.ptr ? (int)ev->comm.len : 0,
		 ev->comm.ptr ? ev->comm.ptr : "");
	if (p->path.ptr)
		findings_open_failure(f, ev->pid, comm, p->path.ptr,
				      p->path.len, p->err, ev->ts_ns, ev->seq);
}

/* With -v: the calls that end a thread's run as they end the file analyzer's. */
void findings_on_syscall(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	bool exiting = sc->name.ptr && (!strcmp(sc->name.ptr, "exit") ||
					!strcmp(sc->name.ptr, "exit_group"));

	if (!search_holding(&f->runs))
		return;
	if ((sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY)) && !exiting)
		return;
	if (search_ends_run(sc->name.ptr))
		findings_run_end(f, ev->tid, NULL);
}

void findings_proc_probe(struct findings *f, struct findings_proc *p)
{
	char title[FINDINGS_TITLE_MAX], details[FINDINGS_DETAIL_MAX];
	struct findings_buf t = { title, 0, sizeof(title) };
	struct findings_buf d = { details, 0, sizeof(details) };
	struct findings_out o;
	size_t i;

	if (!p->searches)
		return;
	findings_printf(&t,
			"%s found %" PRIu64 " file%s after %" PRIu64
			" failed probe%s",
			p->comm, p->searches, p->searches == 1 ? "" : "s",
			p->probes, p->probes == 1 ? "" : "s");
	for (i = 0; i < FINDINGS_LAST && p->found[i]; i++) {
		findings_printf(&d, "%s%s", i ? "\n" : "", p->found[i]);
	}
	if (p->searches > i && i)
		findings_printf(&d, "\n... and %" PRIu64 " more",
				p->searches - i);
	memset(&o, 0, sizeof(o));
	o.rule = R_PROBE;
	o.severity = CPD_SEV_INFO;
	o.flags = CPD_FINDF_COLLAPSED;
	o.title = &t;
	o.details = &d;
	o.pids = &p->pid;
	o.npids = 1;
	o.count = p->searches;
	o.first_ns = p->start_ns;
	o.last_ns = p->end_ns ? p->end_ns : p->start_ns;
	o.pid = p->pid;
	o.comm = p->comm;
	findings_publish(f, &o);
}
