// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings: answers drawn from the other analyzers' events. It reads no
 * syscall of its own (with -v it looks at some, see below): the file and
 * net analyzers' events and the core's process events are enough to say
 * what went wrong, and it publishes that as CPD_EV_FINDING events (and a
 * "findings" report with their counts) that every output renders.
 *
 * Each rule has a stable id (users silence it with "ignore = id", tools
 * match on it), a severity, a help line, and small functions: one fed
 * the events it looks at, one run when tracing ends.
 *
 *   probe           a run of failed opens that found what it looked for
 *                   (lib/search.h): one search, not N failures (info)
 *   failed-open     a failed open no later open of the path explains,
 *                   grouped by path and error (warning; notice when
 *                   every process that met it went on and succeeded)
 *   exit, signal    a process that exited non-zero or died of a signal.
 *                   A failure that made its parent fail the same way is
 *                   one finding, named by the outermost process below the
 *                   command (make -> cc -> cc1: "cc -c bad.c exited with
 *                   status 1"); the command's own failure is the summary's
 *                   exit line. Error when it made the command fail (or
 *                   dumped core), notice when something went on.
 *   repeat          one process opening one file again and again (notice)
 *   tiny-io         many reads or writes of a few bytes on average on one
 *                   file or socket (notice)
 *   connect-failed  connects refused, unreachable, timed out, non-blocking
 *                   ones included, per endpoint and error (warning; notice
 *                   when the process then connected to the same port, or
 *                   went on and succeeded)
 *   incomplete      the trace is not whole: lost events, events the bus
 *                   refused, tasks detached from, a full table (ours
 *                   included)
 *
 * Which failed opens were probes the file analyzer decides and flags
 * (CPD_FILEF_PROBE) without -v. With -v it holds nothing back, and this
 * analyzer applies the same rule (lib/search.c) to the same events: the
 * file events, and the syscalls that end a run (a CPD_PF_SYSCALL_VERBOSE
 * subscription, which costs nothing without -v).
 *
 * Every table is bounded: processes, paths, endpoints, files per process.
 * Past a bound what is not kept is counted, the findings it touches say
 * CPD_FINDF_PARTIAL, and an "incomplete" finding says which bound it was.
 * Nothing is hidden by a finding: the events stay as they were.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/report.h"

#include "findings.h"

static const struct cpd_option findings_options[] = {
	{ .name = "ignore",
	  .type = CPD_OPT_LIST,
	  .offset = offsetof(struct findings, ignore),
	  .choices = findings_rule_ids,
	  .help = "rules to silence: probe, failed-open, exit, signal, repeat, tiny-io, connect-failed, incomplete" },
	{ .name = "repeat_opens",
	  .type = CPD_OPT_UINT,
	  .def = "10",
	  .offset = offsetof(struct findings, repeat_opens),
	  .min = 2,
	  .max = 1000000000,
	  .help = "repeat: opens of one file by one process worth a finding" },
	{ .name = "tiny_io_ops",
	  .type = CPD_OPT_UINT,
	  .def = "1000",
	  .offset = offsetof(struct findings, tiny_io_ops),
	  .min = 2,
	  .max = 1000000000,
	  .help = "tiny-io: reads (or writes) of one file or socket by one process worth a look" },
	{ .name = "tiny_io_bytes",
	  .type = CPD_OPT_SIZE,
	  .def = "16",
	  .offset = offsetof(struct findings, tiny_io_bytes),
	  .min = 1,
	  .max = 1048576,
	  .help = "tiny-io: the average size at or below which they are tiny" },
	CPD_OPTION_END
};

static int findings_on_event(void *state, const struct cpd_event *ev)
{
	struct findings *f = state;

	switch (ev->kind) {
	case CPD_EV_PROC:
		findings_on_proc(f, ev);
		break;
	case CPD_EV_SYSCALL:
		findings_on_syscall(f, ev);
		break;
	case CPD_EV_FILE:
		if (ev->u.file.op == CPD_FILE_OPEN ||
		    ev->u.file.op == CPD_FILE_OPEN_FAILED)
			findings_on_file_open(f, ev);
		else if (f->verbose)
			findings_run_end(f, ev->tid, NULL);
		findings_on_file_io(f, ev);
		break;
	case CPD_EV_NET:
		findings_on_net(f, ev);
		break;
	case CPD_EV_LOST:
		findings_on_lost(f, ev);
		break;
	default:
		break;
	}
	return 0;
}

static const struct cpd_report_key findings_report_keys[] = {
	{ .key = "errors",
	  .label = "Errors",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity error: processes that failed the command or crashed" },
	{ .key = "warnings",
	  .label = "Warnings",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity warning: failed opens, failed connects, lost events" },
	{ .key = "notices",
	  .label = "Notices",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity notice: repeats, tiny I/O, failures something handled" },
	{ .key = "info",
	  .label = "Info",
	  .type = CPD_KV_U64,
	  .unit = CPD_UNIT_COUNT,
	  .help = "findings of severity info: searches that found what they looked for" },
};

static const struct cpd_report_desc findings_reports[] = {
	{ .topic = "findings",
	  .title = "Problems",
	  .order = -10,
	  .keys = findings_report_keys,
	  .nkeys = sizeof(findings_report_keys) /
		   sizeof(findings_report_keys[0]),
	  .help = "how many findings of each severity; the findings are CPD_EV_FINDING events" },
	CPD_REPORT_END
};

/* Processes still running (attached, detached): what they did. */
static void findings_live(struct findings *f)
{
	size_t i;

	for (i = 0; i < f->nprocs; i++)
		if (!(f->procs[i].flags & FP_EXITED)) {
			findings_proc_probe(f, &f->procs[i]);
			findings_proc_objects(f, &f->procs[i]);
		}
}

static void findings_failed_opens(struct findings *f)
{
	findings_groups(f, false);
}

static void findings_failed_connects(struct findings *f)
{
	findings_groups(f, true);
}

/*
 * The rules, by id (findings_rule_ids), and what each has left to say
 * when tracing ends. The events feed them through findings_on_event():
 * their state is shared (the processes, the runs of failed opens), so a
 * rule that is ignored is still fed, and only its findings are dropped.
 * exit and signal share a function; repeat and tiny-io are said with the
 * searches of the processes that are still running.
 */
static void (*const findings_rules[R_COUNT])(struct findings *f) = {
	[R_PROBE] = findings_live,
	[R_FAILED_OPEN] = findings_failed_opens,
	[R_EXIT] = findings_exits,
	[R_SIGNAL] = NULL,
	[R_REPEAT] = NULL,
	[R_TINY_IO] = NULL,
	[R_CONNECT_FAILED] = findings_failed_connects,
	[R_INCOMPLETE] = findings_incomplete,
};

static int findings_stop(void *state)
{
	struct findings *f = state;
	struct cpd_kv kv[4];
	size_t r;

	search_end_all(&f->runs);
	for (r = 0; r < R_COUNT; r++)
		if (findings_rules[r])
			findings_rules[r](f);
	kv[0] = report_u64("errors", "Errors", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_ERROR]);
	kv[1] = report_u64("warnings", "Warnings", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_WARNING]);
	kv[2] = report_u64("notices", "Notices", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_NOTICE]);
	kv[3] = report_u64("info", "Info", CPD_UNIT_COUNT,
			   f->published[CPD_SEV_INFO]);
	report_publish(f->host, f->inst, "findings", "Problems", 0, -10, kv, 4);
	return 0;
}

static int findings_init(struct cpd_instance *inst, const struct cpd_host *host,
			 void **statep)
{
	struct findings *f = calloc(1, sizeof(*f));
	const char *const *n;
	int rc, r;

	if (!f)
		return -ENOMEM;
	f->host = host;
	f->inst = inst;
	rc = host->apply_options(inst, f);
	if (rc < 0)
		goto err_free;
	/* the host checked the names against the ids */
	for (n = f->ignore; n && *n; n++)
		for (r = 0; r < R_COUNT; r++)
			if (!strcmp(*n, findings_rule_ids[r]))
				f->off[r] = true;
	f->seed = hash_seed(f);
	search_runs_init(&f->runs, sizeof(struct findings_held),
			 findings_release, f);
	*statep = f;
	return 0;

err_free:
	free(f);
	return rc;
}

static int findings_start(void *state)
{
	struct findings *f = state;

	f->run = f->host->run_info(f->inst);
	f->verbose = f->run->verbose > 0;
	return 0;
}

static void findings_fini(void *state)
{
	struct findings *f = state;
	size_t i;

	search_runs_free(&f->runs);
	for (i = 0; i < f->nprocs; i++)
		findings_proc_forget(&f->procs[i]);
	free(f->procs);
	free(f->pidmap);
	findings_tab_free(&f->failed);
	findings_tab_free(&f->connects);
	findings_tab_free(&f->objects);
	free(f);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "findings", .version = "1.0",
		.description =
			"what went wrong, first: failed processes, failed opens and connects, searches, repeats, tiny I/O, an incomplete trace",
		.subscribe = CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_FILE) |
			     CPD_EVMASK(CPD_EV_NET) | CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_SYSCALL),
		.syscall_classes = 0, .syscalls = search_run_enders,
		.publishes = CPD_EVMASK(CPD_EV_FINDING) |
			     CPD_EVMASK(CPD_EV_REPORT),
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_VERBOSE,
		.options = findings_options, .init = findings_init,
		.start = findings_start, .on_event = findings_on_event,
		.stop = findings_stop, .fini = findings_fini,
		.reports = findings_reports, );
