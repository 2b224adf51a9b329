// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef CPD_HAVE_BPF
#include "records.h"
#endif
#include "lib/instance.h"
#include "lib/report.h"

#include "analyzer.h"

static void ebpf_analyzer_release(void *state);

int ebpf_analyzer_init(struct cpd_instance *inst, const struct cpd_host *host,
		       void **statep, size_t size,
		       const struct ebpf_source *src)
{
	const struct instance_type type = {
		.size = size,
		.host_offset = offsetof(struct ebpf_analyzer, e.host),
		.inst_offset = offsetof(struct ebpf_analyzer, e.inst),
		.release = ebpf_analyzer_release,
	};
	struct ebpf_analyzer *a;
	int rc;

	rc = instance_init(&type, inst, host, statep);
	if (rc < 0)
		return rc;
	a = *statep;
	a->e.what = src->what;
	a->e.rb_fd = a->e.tgids_fd = a->e.stats_fd = -1;
	a->src = src;
	return 0;
}

/* The ring and the skeleton freed. */
static void ebpf_analyzer_close(struct ebpf_analyzer *a)
{
#ifdef CPD_HAVE_BPF
	ebpf_close(&a->e);
	if (a->skel)
		a->src->skel->destroy(a->skel);
	a->skel = NULL;
#else
	(void)a;
#endif
}

#ifdef CPD_HAVE_BPF
static uint32_t ebpf_ring_bytes(uint64_t kb)
{
	uint64_t want = kb * 1024, n = (uint64_t)sysconf(_SC_PAGESIZE);

	/* a power of two, at least a page */
	while (n < want && n < (1u << 30))
		n <<= 1;
	return (uint32_t)n;
}

static int ebpf_analyzer_load(struct ebpf_analyzer *a)
{
	const struct ebpf_source *src = a->src;
	int err;

	a->skel = src->skel->open();
	if (!a->skel) {
		err = -errno;
		ebpf_note_failed(&a->e, "open", err);
		return err;
	}
	err = ebpf_prepare(&a->e, src->skel->obj(a->skel), src->progs,
			   src->nprogs);
	if (err)
		return err;
	src->skel->fit(a->skel, ebpf_ring_bytes(a->ring_kb));
	if (src->configure)
		src->configure(a, a->skel);
	err = src->skel->load(a->skel);
	if (err) {
		ebpf_note_failed(&a->e, "load", err);
		return err;
	}
	err = src->skel->attach(a->skel);
	if (err) {
		ebpf_note_failed(&a->e, "attach", err);
		return err;
	}
	err = ebpf_run(&a->e, src->record, a);
	if (err)
		ebpf_note(&a->e, "cannot read the BPF ring buffer: %s",
			  strerror(-err));
	return err;
}
#endif

int ebpf_analyzer_start(void *state)
{
	struct ebpf_analyzer *a = state;

#ifdef CPD_HAVE_BPF
	int err;

	ebpf_log_begin(&a->e);
	err = ebpf_analyzer_load(a);
	ebpf_log_end();
	if (err) {
		/* a missing kernel feature is a note, never a failed run */
		ebpf_analyzer_close(a);
		a->disabled = true;
	}
#else
	ebpf_note_unbuilt(&a->e);
	a->disabled = true;
#endif
	return 0;
}

/* What the kernel wrote so far, then how much it could not. */
static void ebpf_analyzer_drain(struct ebpf_analyzer *a)
{
#ifdef CPD_HAVE_BPF
	struct cpd_event ev;
	uint64_t n;

	ebpf_drain(&a->e);
	n = ebpf_lost(&a->e);
	if (!n)
		return;
	a->lost += n;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.ts_ns = ebpf_now();
	ev.u.lost.lost_kind = a->src->lost_kind;
	ev.u.lost.count = n;
	ev.u.lost.reason = report_str("BPF ring buffer full", 20);
	a->e.host->publish(a->e.inst, &ev);
#else
	(void)a;
#endif
}

int ebpf_analyzer_on_event(void *state, const struct cpd_event *ev)
{
	struct ebpf_analyzer *a = state;
	const struct cpd_ev_proc *p = &ev->u.proc;

	if (a->disabled || ev->kind != CPD_EV_PROC)
		return 0;
#ifdef CPD_HAVE_BPF
	switch (p->op) {
	case CPD_PROC_SPAWN_PROCESS:
		/* the child is held by the tracer: nothing is missed */
		ebpf_track(&a->e, p->child_pid, true);
		break;
	case CPD_PROC_EXEC:
	case CPD_PROC_START:
	case CPD_PROC_ATTACH:
		ebpf_track(&a->e, ev->pid, true);
		break;
	case CPD_PROC_EXIT:
	case CPD_PROC_DETACH:
		/*
		 * A freed pid may be reused by a process we do not trace;
		 * what the kernel already wrote of this one is still its.
		 */
		if ((p->flags & CPD_PROCF_GROUP_EXIT) ||
		    (p->op == CPD_PROC_DETACH && ev->pid == ev->tid)) {
			ebpf_track(&a->e, ev->pid, false);
			ebpf_analyzer_drain(a);
			if (a->src->settle)
				a->src->settle(a, ev->pid);
		}
		break;
	default:
		break;
	}
#else
	(void)p;
#endif
	return 0;
}

int ebpf_analyzer_flush(void *state)
{
	struct ebpf_analyzer *a = state;

	if (!a->disabled)
		ebpf_analyzer_drain(a);
	return 0;
}

/*
 * False if the analyzer is off (nothing to report); else the ring read to
 * its end, what was held back published, the kernel's counters logged.
 */
static bool ebpf_analyzer_finish(struct ebpf_analyzer *a)
{
#ifdef CPD_HAVE_BPF
	char unissued[48] = "";
#endif

	if (a->disabled)
		return false;
	ebpf_analyzer_drain(a);
	if (a->src->settle)
		a->src->settle(a, 0);
#ifdef CPD_HAVE_BPF
	if (a->src->counts_unissued)
		snprintf(unissued, sizeof(unissued),
			 "%llu completed unissued, ",
			 (unsigned long long)ebpf_stat(&a->e,
						       CPD_BPF_STAT_UNISSUED));
	/* what the kernel side saw, for -vv */
	a->e.host->log(
		a->e.inst, CPD_LOG_DEBUG,
		"kernel: %llu records, %llu lost (ring full), %llu untimed (map full), %s%llu program runs skipped (nested)",
		(unsigned long long)ebpf_stat(&a->e, CPD_BPF_STAT_SENT),
		(unsigned long long)a->lost,
		(unsigned long long)ebpf_stat(&a->e, CPD_BPF_STAT_NOROOM),
		unissued, (unsigned long long)ebpf_missed(&a->e));
#endif
	return true;
}

int ebpf_analyzer_stop(void *state)
{
	struct ebpf_analyzer *a = state;
	const struct ebpf_source *src = a->src;
	size_t i;

	if (!ebpf_analyzer_finish(a))
		return 0;
	src->report(a);
	/* no rows is a NULL array, which qsort must not get */
	if (a->rows.n)
		qsort(a->rows.v, a->rows.n, sizeof(*a->rows.v), src->row_cmp);
	for (i = 0; i < a->rows.n; i++)
		src->report_row(a, a->rows.v[i]);
	return 0;
}

static void ebpf_analyzer_release(void *state)
{
	struct ebpf_analyzer *a = state;

	ebpf_analyzer_close(a);
	ebpf_rows_free(&a->rows);
}
