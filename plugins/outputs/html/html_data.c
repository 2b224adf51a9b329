// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Collecting the report: the state's life, the dispatch of each event to
 * lanes (html_lanes.c), rows (html_rows.c), reports (html_reports.c),
 * findings (html_findings.c) and the charts' series (html_series.c), lost
 * counts and notices.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evjson.h"

void html_data_init(struct html_data *d, const struct cpd_host *host,
		    uint64_t start_ns, uint64_t max_events)
{
	memset(d, 0, sizeof(*d));
	d->host = host;
	d->start_ns = start_ns;
	d->max_events = max_events;
	if (html_cats_init(d) < 0)
		d->oom = true;
}

void html_data_free(struct html_data *d)
{
	struct html_chunk *c, *next;
	uint32_t i, k;

	for (i = 0; i < d->nlanes; i++) {
		free(d->lanes[i].comm);
		free(d->lanes[i].exe);
		free(d->lanes[i].argv);
	}
	free(d->lanes);
	free(d->lane_map);
	free(d->rows);
	for (c = d->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	html_pending_clear(&d->pend);
	for (i = 0; i < d->ncats; i++)
		free(d->cats[i]);
	free(d->cats);
	for (i = 0; i < d->ntypes; i++)
		free(d->types[i]);
	free(d->types);
	for (i = 0; i < d->nsections; i++)
		escape_free(&d->sections[i].json);
	free(d->sections);
	for (i = 0; i < d->ntables; i++) {
		struct html_table *t = &d->tables[i];

		free(t->topic);
		free(t->title);
		for (k = 0; k < t->nkeys; k++)
			free(t->keys[k]);
		free(t->keys);
		escape_free(&t->columns);
		escape_free(&t->rows);
	}
	free(d->tables);
	for (i = 0; i < d->nlost; i++)
		free(d->lost[i].reason);
	free(d->lost);
	escape_free(&d->notices);
	escape_free(&d->scratch);
	evjson_keys_free(&d->keys);
	escape_free(&d->pend_key);
	escape_free(&d->key);
	escape_free(&d->pend_target);
	html_agg_free(&d->aggs);
	html_findings_free(d);
	html_series_free(d);
	memset(d, 0, sizeof(*d));
}

static int html_lost(struct html_data *d, const struct cpd_ev_lost *l)
{
	uint64_t cap = d->nlost;
	uint32_t i;

	for (i = 0; i < d->nlost; i++)
		if (d->lost[i].kind == l->lost_kind)
			break;
	if (i == d->nlost) {
		if (html_grow(&d->lost, d->nlost, &cap, sizeof(*d->lost)))
			return -ENOMEM;
		memset(&d->lost[i], 0, sizeof(d->lost[i]));
		d->lost[i].kind = l->lost_kind;
		d->nlost++;
	}
	d->lost[i].count += l->count;
	if (!d->lost[i].reason && l->reason.ptr && l->reason.len)
		d->lost[i].reason = html_strndup(&l->reason);
	return 0;
}

static int html_notice(struct html_data *d, const struct cpd_event *ev)
{
	static const char *const levels[] = {
		"info", "error", "warn", "note", "info", "debug",
	};
	const struct cpd_ev_notice *n = &ev->u.notice;
	struct escape_buf *b = &d->notices;

	if (d->nnotices >= HTML_MAX_NOTICES) {
		d->notices_dropped++;
		return 0;
	}
	if (d->nnotices++)
		escape_putc(b, ',');
	escape_puts(b, "{\"t\":");
	escape_json_u64(b, html_rel(d, ev->ts_ns));
	escape_printf(b, ",\"level\":\"%s\",\"origin\":",
		      levels[n->level < 6 ? n->level : 0]);
	if (n->origin.ptr)
		evjson_cstr(b, &n->origin);
	else
		escape_puts(b, "\"core\"");
	escape_puts(b, ",\"text\":");
	evjson_cstr(b, &n->text);
	escape_putc(b, '}');
	return b->oom ? -ENOMEM : 0;
}

int html_data_add(struct html_data *d, const struct cpd_event *ev)
{
	int rc = 0;

	switch (ev->kind) {
	case CPD_EV_REPORT:
		/* the report is of the whole trace, not of --interval's periods */
		if (ev->u.report.flags & CPD_REPORTF_INTERVAL)
			return 0;
		if (ev->u.report.flags & CPD_REPORTF_ROW)
			return html_report_row(d, &ev->u.report);
		return html_report_section(d, &ev->u.report);
	case CPD_EV_NOTICE:
		return html_notice(d, ev);
	case CPD_EV_PROC:
		rc = html_lanes_proc(d, ev);
		break;
	case CPD_EV_LOST:
		rc = html_lost(d, &ev->u.lost);
		break;
	case CPD_EV_FINDING:
		rc = html_finding_add(d, ev);
		break;
	case CPD_EV_MMAP:
	case CPD_EV_FILE:
	case CPD_EV_NET:
		rc = html_series_add(d, ev);
		break;
	}
	if (!html_detail_shown(d, ev))
		return rc;
	{
		int rc2 = html_row_event(d, ev);

		return rc ? rc : rc2;
	}
}
