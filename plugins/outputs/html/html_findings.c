// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Findings (CPD_EV_FINDING): what an analyzer concluded from other
 * events, kept whole for the Problems panel whatever the cap, as JSON
 * until the file is written. At most HTML_MAX_FINDINGS are kept; past
 * that a finding replaces a less severe one, or is only counted.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lib/evjson.h"

static const char *html_severity(uint32_t s)
{
	static const char *const names[] = {
		"info", "info", "notice", "warning", "error",
	};

	return s < sizeof(names) / sizeof(names[0]) ? names[s] : "error";
}

/* A NUL-separated list of decimal pids as a JSON array of numbers. */
static void html_pid_list(struct escape_buf *b, const struct cpd_str *s)
{
	uint32_t i = 0;
	bool first = true;

	escape_putc(b, '[');
	while (s->ptr && i < s->len) {
		size_t n = strnlen(s->ptr + i, s->len - i), k;
		int64_t v = 0;

		for (k = 0; k < n && k < 10; k++) {
			char c = s->ptr[i + k];

			if (c < '0' || c > '9')
				break;
			v = v * 10 + (c - '0');
		}
		if (n && k == n && v <= INT32_MAX) {
			escape_printf(b, "%s%" PRId64, first ? "" : ",", v);
			first = false;
		}
		i += (uint32_t)n + 1;
	}
	escape_putc(b, ']');
}

/* A NUL-separated list of strings as a JSON array. */
static void html_str_list(struct escape_buf *b, const struct cpd_str *s)
{
	uint32_t i = 0;
	bool first = true;

	escape_putc(b, '[');
	while (s->ptr && i < s->len) {
		size_t n = strnlen(s->ptr + i, s->len - i);

		if (n) {
			if (!first)
				escape_putc(b, ',');
			escape_json_str(b, s->ptr + i, n);
			first = false;
		}
		i += (uint32_t)n + 1;
	}
	escape_putc(b, ']');
}

/* The slot a new finding of severity sev takes, or -1 to drop it. */
static int64_t html_finding_slot(struct html_data *d, uint32_t sev)
{
	uint32_t i, low = 0;

	if (d->nfindings < HTML_MAX_FINDINGS)
		return d->nfindings++;
	for (i = 1; i < d->nfindings; i++)
		if (d->findings[i].severity <= d->findings[low].severity)
			low = i;
	if (d->findings[low].severity >= sev)
		return -1;
	d->findings_dropped++;
	free(d->findings[low].json);
	d->findings[low].json = NULL;
	return low;
}

int html_finding_add(struct html_data *d, const struct cpd_event *ev)
{
	const struct cpd_ev_finding *f = &ev->u.finding;
	struct escape_buf b = { 0 };
	struct html_finding *slot;
	uint64_t t = html_rel(d, ev->ts_ns);
	int32_t lane = -1;
	int64_t i;

	if (!d->findings) {
		d->findings = calloc(HTML_MAX_FINDINGS, sizeof(*d->findings));
		if (!d->findings)
			return -ENOMEM;
	}
	if (ev->pid > 0) {
		lane = html_lane_get(d, ev->pid, ev->pid, t);
		if (lane < 0)
			return -ENOMEM;
	}
	escape_puts(&b, "\"id\":");
	evjson_cstr(&b, &f->id);
	escape_printf(&b, ",\"severity\":\"%s\",\"title\":",
		      html_severity(f->severity));
	evjson_cstr(&b, &f->title);
	escape_puts(&b, ",\"details\":");
	evjson_cstr(&b, &f->details);
	escape_puts(&b, ",\"pids\":");
	html_pid_list(&b, &f->pids);
	escape_puts(&b, ",\"paths\":");
	html_str_list(&b, &f->paths);
	escape_printf(&b, ",\"count\":%" PRIu64 ",\"first_ns\":",
		      f->count ? f->count : 1);
	escape_json_u64(&b, html_rel(d, f->first_ns ? f->first_ns : ev->ts_ns));
	escape_puts(&b, ",\"last_ns\":");
	escape_json_u64(&b, html_rel(d, f->last_ns ? f->last_ns : ev->ts_ns));
	escape_printf(&b, ",\"partial\":%s,\"collapsed\":%s,\"seq\":",
		      f->flags & CPD_FINDF_PARTIAL ? "true" : "false",
		      f->flags & CPD_FINDF_COLLAPSED ? "true" : "false");
	escape_json_u64(&b, ev->seq);
	escape_puts(&b, ",\"cause_seq\":");
	escape_json_u64(&b, f->cause_seq);
	escape_putc(&b, '\0');
	if (b.oom) {
		escape_free(&b);
		return -ENOMEM;
	}
	i = html_finding_slot(d, f->severity);
	if (i < 0) {
		d->findings_dropped++;
		escape_free(&b);
		return 0;
	}
	slot = &d->findings[i];
	slot->severity = f->severity;
	slot->lane = lane < 0 ? UINT32_MAX : (uint32_t)lane;
	slot->first = html_rel(d, f->first_ns ? f->first_ns : ev->ts_ns);
	slot->json = b.p;
	return 0;
}

void html_findings_free(struct html_data *d)
{
	uint32_t i;

	for (i = 0; i < d->nfindings; i++)
		free(d->findings[i].json);
	free(d->findings);
	d->findings = NULL;
	d->nfindings = 0;
}
