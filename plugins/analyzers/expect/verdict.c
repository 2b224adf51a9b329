// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * What a broken rule does: each offending event printed at once and
 * published as a finding (expect-RULE, severity error) so every output
 * shows it, up to max_shown per rule, the rest counted and said at the
 * end; then the verdict: a report of which rules held, and the run
 * failed when one did not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "expect.h"
#include "lib/report.h"

static uint64_t expect_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void expect_publish(struct expect *x, const struct expect_rule *r,
			   const struct cpd_event *cause, const char *title,
			   const struct cpd_str *path, uint64_t count,
			   uint32_t flags)
{
	char id[40], pid[16];
	struct cpd_event ev;
	struct cpd_ev_finding *f = &ev.u.finding;
	int n;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_FINDING;
	ev.ts_ns = cause		     ? cause->ts_ns :
		   flags || !x->root_exit_ns ? expect_now() :
					       x->root_exit_ns;
	if (cause) {
		ev.pid = cause->pid;
		ev.tid = cause->tid;
		ev.comm = cause->comm;
	} else if (x->root_pid) {
		ev.pid = ev.tid = x->root_pid;
		ev.comm = report_str(x->root_comm, strlen(x->root_comm));
	}
	n = snprintf(id, sizeof(id), "expect-%s", expect_kind_name(r->kind));
	f->id = report_str(id, (size_t)n);
	f->severity = CPD_SEV_ERROR;
	f->flags = flags;
	f->title = report_str(title, strlen(title));
	if (ev.pid) {
		/* one pid: the list's NUL separators are not needed */
		n = snprintf(pid, sizeof(pid), "%d", ev.pid);
		f->pids = report_str(pid, (size_t)n);
	}
	if (path && path->len)
		f->paths = *path;
	f->count = count;
	f->first_ns = flags ? r->first_ns : ev.ts_ns;
	f->last_ns = flags ? r->last_ns : ev.ts_ns;
	f->cause_seq = cause ? cause->seq : 0;
	x->host->publish(x->inst, &ev);
}

void expect_broken(struct expect *x, struct expect_rule *r,
		   const struct cpd_event *ev, const char *what,
		   const struct cpd_str *path)
{
	const char *name = expect_kind_name(r->kind);
	char title[700];

	if (!r->broken++)
		snprintf(r->first, sizeof(r->first), "%s", what);
	if (r->shown >= x->max_shown) {
		uint64_t ts = ev ? ev->ts_ns : expect_now();

		if (!r->first_ns)
			r->first_ns = ts;
		r->last_ns = ts;
		return;
	}
	r->shown++;
	x->host->log(x->inst, CPD_LOG_ERROR, "%s broken: %s", name, what);
	snprintf(title, sizeof(title), "%s broken: %s", name, what);
	expect_publish(x, r, ev, title, path, 1, 0);
}

/* ---- the verdict ---------------------------------------------------- */

static const struct cpd_report_key expect_total_keys[] = {
	REPORT_KEY("rules", "Rules", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "rules checked"),
	REPORT_KEY("held", "Held", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "rules no event broke"),
	REPORT_KEY("broken", "Broken", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "rules broken, or that could not be judged"),
};

static const struct cpd_report_key expect_rule_keys[] = {
	REPORT_KEY("rule", "Rule", CPD_KV_STR, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY | CPD_RKF_KEY, NULL,
		   "the rule, as a rule file writes it"),
	REPORT_KEY("result", "Result", CPD_KV_STR, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY, NULL,
		   "held; broken (how many events); not judged (why)"),
	REPORT_KEY("events", "Events", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "events that broke it"),
	REPORT_KEY("first", "First", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "the first event that broke it"),
};

enum { EXPECT_REP_TOTALS, EXPECT_REP_RULES };

const struct cpd_report_desc expect_reports[] = {
	[EXPECT_REP_TOTALS] = { .topic = "expect",
				.title = "Expectations",
				.order = 90,
				.keys = expect_total_keys,
				.nkeys = REPORT_NKEYS(expect_total_keys),
				.help = "how many rules held" },
	[EXPECT_REP_RULES] = { .topic = "expect.rules",
			       .title = "Expectations",
			       .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			       .order = 91,
			       .keys = expect_rule_keys,
			       .nkeys = REPORT_NKEYS(expect_rule_keys),
			       .summary_row = "{rule}: {result}",
			       .help = "one row per rule: held or broken" },
	CPD_REPORT_END
};

/* What a rule came to, for the report. */
static void expect_result(const struct expect_rule *r, char *buf, size_t size)
{
	if (r->unjudgeable)
		snprintf(buf, size, "NOT JUDGED (%s)", r->first);
	else if (!r->broken)
		snprintf(buf, size, "held");
	else if (r->kind == EXPECT_EXIT)
		snprintf(buf, size, "BROKEN (%s)", r->first);
	else
		snprintf(buf, size, "BROKEN (%llu event%s)",
			 (unsigned long long)r->broken,
			 r->broken == 1 ? "" : "s");
}

/* The events past max_shown: said and published as one. */
static void expect_rest(struct expect *x, struct expect_rule *r)
{
	uint64_t rest = r->broken - r->shown;
	char title[200];

	if (!rest || r->unjudgeable)
		return;
	snprintf(
		title, sizeof(title),
		"%s broken by %llu more event%s (max_shown = %llu shows the first)",
		expect_kind_name(r->kind), (unsigned long long)rest,
		rest == 1 ? "" : "s", (unsigned long long)x->max_shown);
	x->host->log(x->inst, CPD_LOG_ERROR, "%s", title);
	expect_publish(x, r, NULL, title, NULL, rest, CPD_FINDF_COLLAPSED);
}

void expect_verdict(struct expect *x)
{
	uint64_t rules = 0, broken = 0;
	char names[200] = "", result[400];
	struct cpd_kv kv[4];
	size_t i, o = 0;

	for (i = 0; i < EXPECT_NKINDS; i++) {
		struct expect_rule *r = &x->rules[i];
		char *text;

		if (!r->on)
			continue;
		rules++;
		expect_rest(x, r);
		if (r->broken || r->unjudgeable) {
			broken++;
			o += (size_t)snprintf(
				names + o,
				o < sizeof(names) ? sizeof(names) - o : 0,
				"%s%s", o ? ", " : "",
				expect_kind_name(r->kind));
			o = o < sizeof(names) ? o : sizeof(names);
		}
		text = expect_rule_text(r);
		if (!text)
			continue;
		expect_result(r, result, sizeof(result));
		kv[0] = report_val_text("rule", text, strlen(text));
		kv[1] = report_val_text("result", result, strlen(result));
		kv[2] = report_val_u64("events", r->broken);
		kv[3] = report_val_text("first", r->first, strlen(r->first));
		report_publish_desc(x->host, x->inst,
				    &expect_reports[EXPECT_REP_RULES], kv, 4);
		free(text);
	}
	if (!rules)
		return;
	kv[0] = report_val_u64("rules", rules);
	kv[1] = report_val_u64("held", rules - broken);
	kv[2] = report_val_u64("broken", broken);
	report_publish_desc(x->host, x->inst,
			    &expect_reports[EXPECT_REP_TOTALS], kv, 3);
	if (broken && CPD_HAS(x->host, fail_run)) {
		snprintf(result, sizeof(result),
			 "%llu of %llu expectation%s not met (%s)",
			 (unsigned long long)broken, (unsigned long long)rules,
			 rules == 1 ? "" : "s", names);
		x->host->fail_run(x->inst, result);
	}
}
