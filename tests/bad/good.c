// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * good: the well-formed plugin the loader tests compare the broken ones
 * against. It uses every part of the descriptor a test can check: an
 * option of each kind, a custom event kind registered in init(), and a
 * publish for each PROC event it gets (a "good_ping" carrying a count and
 * the label option), so the fake host and the bus have something to copy,
 * and a report with a schema ("good": pings) published when it stops.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

struct good {
	/* options */
	const char *label;
	uint64_t limit;
	uint64_t interval;
	bool loud;
	int32_t mode;
	int64_t offset;
	const char *const *tags;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	int kind;
	uint64_t pings;
	bool started;
	bool stopped;
};

/* The payload of a good_ping, laid out in cpd_event.u.custom. */
struct good_ping {
	uint64_t count;
	struct cpd_str note;
	int32_t pid;
};

#define GOOD_AT(member)                            \
	(uint32_t)(offsetof(struct cpd_event, u) + \
		   offsetof(struct good_ping, member))

static const struct cpd_field good_ping_fields[] = {
	{ .name = "count",
	  .type = CPD_FT_U64,
	  .offset = GOOD_AT(count),
	  .unit = CPD_UNIT_COUNT,
	  .flags = CPD_FIELDF_KEY,
	  .help = "pings so far" },
	{ .name = "note",
	  .type = CPD_FT_STR,
	  .offset = GOOD_AT(note),
	  .help = "the label option" },
	{ .name = "pid",
	  .type = CPD_FT_S32,
	  .offset = GOOD_AT(pid),
	  .help = "process the PROC event was about" },
};

static const struct cpd_kind_desc good_ping_kind = {
	.struct_size = sizeof(struct cpd_kind_desc),
	.nfields = sizeof(good_ping_fields) / sizeof(good_ping_fields[0]),
	.name = "good_ping",
	.description = "one per PROC event the good plugin saw",
	.fields = good_ping_fields,
};

static const char *const good_modes[] = { "fast", "slow", "careful", NULL };

static const struct cpd_option good_options[] = {
	{ .name = "label",
	  .type = CPD_OPT_STRING,
	  .def = "good",
	  .offset = offsetof(struct good, label),
	  .help = "text put in every ping" },
	{ .name = "limit",
	  .type = CPD_OPT_SIZE,
	  .def = "64k",
	  .offset = offsetof(struct good, limit),
	  .min = 1,
	  .max = 1 << 30,
	  .help = "a size, bounded" },
	{ .name = "interval",
	  .type = CPD_OPT_DURATION,
	  .def = "5ms",
	  .offset = offsetof(struct good, interval),
	  .help = "a duration" },
	{ .name = "loud",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct good, loud),
	  .help = "log each ping" },
	{ .name = "mode",
	  .type = CPD_OPT_ENUM,
	  .def = "slow",
	  .offset = offsetof(struct good, mode),
	  .choices = good_modes,
	  .help = "an enum" },
	{ .name = "offset",
	  .type = CPD_OPT_INT,
	  .def = "-3",
	  .offset = offsetof(struct good, offset),
	  .min = -100,
	  .max = 100,
	  .help = "a signed integer" },
	{ .name = "tags",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct good, tags),
	  .help = "a list, repeated keys append" },
	CPD_OPTION_END
};

static int good_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	struct good *g = calloc(1, sizeof(*g));
	int rc;

	if (!g)
		return -ENOMEM;
	g->host = host;
	g->inst = inst;
	rc = host->apply_options(inst, g);
	if (rc < 0)
		goto out_free;
	rc = host->register_kind(inst, &good_ping_kind);
	if (rc < 0)
		goto out_free;
	g->kind = rc;
	*statep = g;
	return 0;

out_free:
	free(g);
	return rc;
}

static int good_start(void *state)
{
	struct good *g = state;

	g->started = true;
	return 0;
}

static int good_on_event(void *state, const struct cpd_event *ev)
{
	struct good *g = state;
	struct cpd_event out;
	struct good_ping ping;
	char note[64];

	if (ev->kind != CPD_EV_PROC)
		return 0;
	memset(&out, 0, sizeof(out));
	out.kind = (uint16_t)g->kind;
	out.pid = ev->pid;
	out.tid = ev->tid;
	out.ts_ns = ev->ts_ns;
	/* a stack buffer, overwritten below: publish() must have copied it */
	snprintf(note, sizeof(note), "%s", g->label);
	ping.count = ++g->pings;
	ping.note.ptr = note;
	ping.note.len = (uint32_t)strlen(note);
	ping.note.flags = 0;
	ping.pid = ev->pid;
	memcpy(out.u.custom, &ping, sizeof(ping));
	if (g->loud)
		g->host->log(g->inst, CPD_LOG_NOTE, "ping %llu for pid %d",
			     (unsigned long long)g->pings, ev->pid);
	if (g->host->publish(g->inst, &out) < 0)
		return -EIO;
	memset(note, 'X', sizeof(note) - 1);
	return 0;
}

/* Its report: how many pings, laid out by the schema. */
static const struct cpd_report_key good_report_keys[] = {
	{ .key = "pings",
	  .label = "Pings",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .flags = CPD_RKF_SUMMARY,
	  .help = "PROC events seen" },
};

static const struct cpd_report_desc good_reports[] = {
	{ .topic = "good",
	  .title = "Good",
	  .flags = CPD_RDF_SUMMARY,
	  .order = 90,
	  .keys = good_report_keys,
	  .nkeys = 1,
	  .help = "the good plugin's count" },
	CPD_REPORT_END
};

static int good_stop(void *state)
{
	struct good *g = state;
	/* values only: the host adds the title, order, label and unit */
	struct cpd_kv kv = { .key = { "pings", 5, 0 },
			     .type = CPD_KV_U64,
			     .v.u64 = g->pings };
	struct cpd_event ev = { .kind = CPD_EV_REPORT };

	g->stopped = true;
	ev.u.report.topic.ptr = "good";
	ev.u.report.topic.len = 4;
	ev.u.report.kv = &kv;
	ev.u.report.nkv = 1;
	return g->host->publish(g->inst, &ev) < 0 ? -EIO : 0;
}

static void good_fini(void *state)
{
	free(state);
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "good", .version = "1.2.3",
		  .description = "a well-formed plugin for the loader tests",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC),
		  .syscall_classes = CPD_SC_PROCESS, .flags = CPD_PF_SINGLETON,
		  .options = good_options, .init = good_init,
		  .start = good_start, .on_event = good_on_event,
		  .stop = good_stop, .fini = good_fini,
		  .reports = good_reports, );
