// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * expect: the plugin (see expect.h). Its options are the rules, one key
 * each, as --expect sets them; rule files add to them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "lib/instance.h"

static const char *const expect_severity_names[] = { "off",    "info",
						     "notice", "warning",
						     "error",  NULL };

static const struct cpd_option expect_options[] = {
	{ .name = "no_network",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, no_network),
	  .help = "yes, or the addresses and networks allowed besides loopback (--expect 'no-network 10.0.0.0/8')" },
	{ .name = "writes_under",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, writes_under),
	  .help = "every file opened for writing is under one of these directories" },
	{ .name = "reads_under",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, reads_under),
	  .help = "every file opened for reading is under one of these directories" },
	{ .name = "exec_only",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, exec_only),
	  .help = "every program executed matches one of these globs (a glob without / matches the name)" },
	{ .name = "no_exec",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, no_exec),
	  .help = "no program executed matches any of these globs" },
	{ .name = "exit",
	  .type = CPD_OPT_INT,
	  .def = "-1",
	  .offset = offsetof(struct expect, exit_status),
	  .min = -1,
	  .max = 255,
	  .help = "the command exits with this status (-1: not checked)" },
	{ .name = "no_findings",
	  .type = CPD_OPT_ENUM,
	  .def = "off",
	  .offset = offsetof(struct expect, no_findings),
	  .choices = expect_severity_names,
	  .help = "no finding of this severity or worse" },
	{ .name = "max_processes",
	  .type = CPD_OPT_UINT,
	  .def = "0",
	  .offset = offsetof(struct expect, max_processes),
	  .help = "at most this many processes, the command's included (0: not checked)" },
	{ .name = "file",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct expect, files),
	  .help = "rule files, one rule a line (--expect-file)" },
	{ .name = "out",
	  .type = CPD_OPT_PATH,
	  .offset = offsetof(struct expect, out),
	  .help = "write what the run did as a rule file (--expect-out)" },
	{ .name = "max_shown",
	  .type = CPD_OPT_UINT,
	  .def = "10",
	  .offset = offsetof(struct expect, max_shown),
	  .min = 0,
	  .max = 1000000,
	  .help = "offending events printed and published one by one per rule; the rest are counted" },
	CPD_OPTION_END
};

/*
 * A rule is judged on another analyzer's events: without that analyzer
 * (its reports are how a plugin sees that it is loaded) the rule cannot
 * hold, and says so rather than pass unseen.
 */
static void expect_needs(struct expect *x)
{
	static const struct {
		enum expect_kind kind;
		const char *topic, *plugin;
	} needs[] = {
		{ EXPECT_NO_NETWORK, "net", "net" },
		{ EXPECT_WRITES_UNDER, "file", "file" },
		{ EXPECT_READS_UNDER, "file", "file" },
		{ EXPECT_NO_FINDINGS, "findings", "findings" },
	};
	size_t i;

	if (!CPD_HAS(x->host, report_desc))
		return;
	for (i = 0; i < sizeof(needs) / sizeof(needs[0]); i++) {
		struct expect_rule *r = &x->rules[needs[i].kind];

		if (!r->on || x->host->report_desc(needs[i].topic))
			continue;
		r->unjudgeable = true;
		snprintf(r->first, sizeof(r->first),
			 "the %s analyzer is not enabled", needs[i].plugin);
		x->host->log(
			x->inst, CPD_LOG_ERROR,
			"%s cannot be judged: the %s analyzer is not enabled ([%s] enabled = no?)",
			expect_kind_name(needs[i].kind), needs[i].plugin,
			needs[i].plugin);
	}
}

static int expect_setup(void *state)
{
	struct expect *x = state;
	int rc;

	x->cwd = getcwd(NULL, 0);
	if (!x->cwd)
		return -errno;
	expect_set_init(&x->roots);
	expect_set_init(&x->net_judged);
	expect_set_init(&x->seen.dirs_written);
	expect_set_init(&x->seen.hosts);
	expect_set_init(&x->seen.programs);
	rc = expect_rules_setup(x);
	if (rc < 0)
		return rc;
	if (!x->any_rule && !x->out)
		x->host->log(
			x->inst, CPD_LOG_WARN,
			"no rule to check and no --expect-out: nothing to do");
	return 0;
}

static void expect_release(void *state)
{
	struct expect *x = state;

	expect_rules_free(x);
	expect_set_free(&x->roots);
	expect_set_free(&x->net_judged);
	expect_set_free(&x->seen.dirs_written);
	expect_set_free(&x->seen.hosts);
	expect_set_free(&x->seen.programs);
	free(x->cwd);
}

static const struct instance_type expect_type =
	INSTANCE_TYPE(struct expect, expect_setup, expect_release);

static int expect_init(struct cpd_instance *inst, const struct cpd_host *host,
		       void **statep)
{
	return instance_init(&expect_type, inst, host, statep);
}

static int expect_start(void *state)
{
	expect_needs(state);
	return 0;
}

static int expect_on_event(void *state, const struct cpd_event *ev)
{
	return expect_judge(state, ev);
}

static int expect_stop(void *state)
{
	struct expect *x = state;

	expect_judge_end(x);
	expect_verdict(x);
	if (x->out)
		expect_observe_write(x);
	return 0;
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "expect", .version = "1.0",
		.description =
			"assertions about what the run does (--expect): network, files written and read, programs, exit, findings, processes",
		.subscribe = CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET) |
			     CPD_EVMASK(CPD_EV_PROC) |
			     CPD_EVMASK(CPD_EV_FINDING),
		.publishes = CPD_EVMASK(CPD_EV_FINDING) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.options = expect_options, .init = expect_init,
		.start = expect_start, .on_event = expect_on_event,
		.stop = expect_stop, .fini = instance_fini,
		.reports = expect_reports, );
