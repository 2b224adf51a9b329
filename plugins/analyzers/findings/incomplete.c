// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: the incomplete rule. Lost and refused events, tasks detached
 * from, and this analyzer's own tables full: the trace is not whole.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "findings.h"

void findings_on_lost(struct findings *f, const struct cpd_event *ev)
{
	const struct cpd_ev_lost *l = &ev->u.lost;
	char reason[sizeof(f->lost[0].reason)];
	uint32_t i;

	snprintf(reason, sizeof(reason), "%.*s",
		 l->reason.ptr ? (int)l->reason.len : 0,
		 l->reason.ptr ? l->reason.ptr : "");
	for (i = 0; i < f->nlost; i++)
		if (f->lost[i].kind == l->lost_kind &&
		    !strcmp(f->lost[i].reason, reason)) {
			f->lost[i].count += l->count;
			return;
		}
	if (f->nlost == FINDINGS_LOST_MAX) {
		f->lost_other += l->count;
		return;
	}
	f->lost[f->nlost].kind = l->lost_kind;
	snprintf(f->lost[f->nlost].reason, sizeof(f->lost[0].reason), "%s",
		 reason);
	f->lost[f->nlost].count = l->count;
	f->nlost++;
}

void findings_incomplete(struct findings *f)
{
	const struct cpd_trace_stats *st = f->host->trace_stats(f->inst);
	uint32_t i;

	for (i = 0; i < f->nlost; i++) {
		const char *kind = f->host->event_kind_name(f->lost[i].kind);

		/* a count of 0: what was missed cannot be counted */
		if (!f->lost[i].count) {
			findings_say(
				f, R_INCOMPLETE, CPD_SEV_WARNING, 0,
				"not in the trace: %s; the totals are lower bounds",
				*f->lost[i].reason ? f->lost[i].reason :
						     "some events");
			continue;
		}
		findings_say(
			f, R_INCOMPLETE, CPD_SEV_WARNING, f->lost[i].count,
			"%" PRIu64
			" %s event%s lost%s%s%s: the totals are lower bounds",
			f->lost[i].count, kind ? kind : "other",
			f->lost[i].count == 1 ? " was" : "s were",
			*f->lost[i].reason ? " (" : "", f->lost[i].reason,
			*f->lost[i].reason ? ")" : "");
	}
	if (f->lost_other)
		findings_say(f, R_INCOMPLETE, CPD_SEV_WARNING, f->lost_other,
			     "%" PRIu64
			     " more events were lost for other reasons",
			     f->lost_other);
	if (st && st->events_dropped)
		findings_say(f, R_INCOMPLETE, CPD_SEV_WARNING,
			     st->events_dropped,
			     "the event bus refused %" PRIu64
			     " events: the outputs miss them",
			     st->events_dropped);
	if (f->detached)
		findings_say(f, R_INCOMPLETE, CPD_SEV_NOTICE, f->detached,
			     "detached from %" PRIu64
			     " task%s still running: the trace ends before %s",
			     f->detached, f->detached == 1 ? "" : "s",
			     f->detached == 1 ? "it does" : "they do");
	if (f->procs_dropped)
		findings_say(f, R_INCOMPLETE, CPD_SEV_NOTICE, f->procs_dropped,
			     "findings: over %u processes; %" PRIu64
			     " more were not followed",
			     FINDINGS_MAX_PROCS, f->procs_dropped);
	if (f->groups_dropped)
		findings_say(
			f, R_INCOMPLETE, CPD_SEV_NOTICE, f->groups_dropped,
			"findings: over %u failing paths or endpoints; %" PRIu64
			" failures are in no finding",
			FINDINGS_MAX_GROUPS, f->groups_dropped);
	if (f->objects_dropped)
		findings_say(
			f, R_INCOMPLETE, CPD_SEV_NOTICE, f->objects_dropped,
			"findings: over %u files and sockets at once; %" PRIu64
			" operations were not checked for repeats and tiny I/O",
			FINDINGS_MAX_OBJECTS, f->objects_dropped);
}
