// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * stats: what it reports, declared once as a schema (the outputs render
 * it from there), and the reports themselves: the syscall table overall
 * and per process or thread, where each process's time went, and the
 * table of each --interval period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

#include "lib/format.h"
#include "lib/report.h"

#define STATS_ORDER 60
/* Room for "ENOENT 30, EACCES 2, ..." and for a breakdown line. */
#define STATS_TEXT_MAX 320

#define K(key_, label_, type_, unit_, flags_, help_)                        \
	{                                                                   \
		.key = key_, .label = label_, .type = type_, .unit = unit_, \
		.flags = flags_, .help = help_                              \
	}
#define S CPD_RKF_SUMMARY

static const struct cpd_report_key stats_keys[] = {
	K("calls", "Syscalls timed", CPD_KV_U64, CPD_UNIT_COUNT, S,
	  "syscalls seen to return"),
	K("errors", "Failed", CPD_KV_U64, CPD_UNIT_COUNT, S,
	  "of which returned an error"),
	K("time_ns", "Time in syscalls", CPD_KV_U64, CPD_UNIT_NS, S,
	  "their times, entry to exit, added up over every thread"),
	K("stop_cost_ns", "Tracer stops in each time", CPD_KV_U64, CPD_UNIT_NS,
	  S | CPD_RKF_NONZERO,
	  "what ptrace's stops add to each syscall's time, measured at start-up: every time and percentile includes it (0: no stops, the eBPF engine)"),
	K("timing", "Timed by", CPD_KV_STR, CPD_UNIT_NONE, S,
	  "where the times come from"),
	K("syscalls", "Distinct syscalls", CPD_KV_U64, CPD_UNIT_COUNT, 0,
	  "rows of the syscall table"),
	K("processes", "Processes", CPD_KV_U64, CPD_UNIT_COUNT, 0,
	  "processes traced"),
	K("processes_untabled", "Processes without a table", CPD_KV_U64,
	  CPD_UNIT_COUNT, S | CPD_RKF_NONZERO,
	  "processes past max_processes, counted in the overall table only"),
	K("percentile_error", "Percentile error", CPD_KV_DOUBLE,
	  CPD_UNIT_PERCENT, 0,
	  "a percentile is within this much of the latency it stands for"),
};

/* The columns of a syscall row, overall or of one process or thread. */
#define STATS_CALL_KEYS(sum)                                                   \
	K("pct", "% time", CPD_KV_DOUBLE, CPD_UNIT_PERCENT, sum,               \
	  "share of the time in syscalls"),                                    \
		K("time_ns", "total", CPD_KV_U64, CPD_UNIT_NS,                 \
		  (sum) | CPD_RKF_SORT, "time in the syscall, every call"),    \
		K("calls", "calls", CPD_KV_U64, CPD_UNIT_COUNT, sum,           \
		  "calls seen to return"),                                     \
		K("errors", "errors", CPD_KV_U64, CPD_UNIT_COUNT, sum,         \
		  "of which failed"),                                          \
		K("avg_ns", "avg", CPD_KV_U64, CPD_UNIT_NS, sum,               \
		  "mean latency"),                                             \
		K("p50_ns", "p50", CPD_KV_U64, CPD_UNIT_NS, sum,               \
		  "median latency"),                                           \
		K("p95_ns", "p95", CPD_KV_U64, CPD_UNIT_NS, sum,               \
		  "95th percentile latency"),                                  \
		K("p99_ns", "p99", CPD_KV_U64, CPD_UNIT_NS, sum,               \
		  "99th percentile latency"),                                  \
		K("max_ns", "max", CPD_KV_U64, CPD_UNIT_NS, sum,               \
		  "slowest call"),                                             \
		K("syscall", "syscall", CPD_KV_STR, CPD_UNIT_NONE,             \
		  (sum) | CPD_RKF_KEY, "the syscall; total for the last row"), \
		K("errnos", "errors by errno", CPD_KV_STR, CPD_UNIT_NONE, sum, \
		  "how many failed with each errno"),                          \
		K("min_ns", "min", CPD_KV_U64, CPD_UNIT_NS, 0, "fastest call")

#define STATS_NCALL_KEYS 12

static const struct cpd_report_key stats_syscall_keys[] = {
	STATS_CALL_KEYS(S),
};

static const struct cpd_report_key stats_task_syscall_keys[] = {
	K("pid", "pid", CPD_KV_U64, CPD_UNIT_NONE, CPD_RKF_KEY, "process"),
	K("tid", "tid", CPD_KV_U64, CPD_UNIT_NONE, CPD_RKF_KEY,
	  "thread (per = thread), else 0"),
	K("comm", "process", CPD_KV_STR, CPD_UNIT_NONE, 0,
	  "its name, after its last exec"),
	STATS_CALL_KEYS(0),
};

static const struct cpd_report_key stats_process_keys[] = {
	K("comm", "process", CPD_KV_STR, CPD_UNIT_NONE, S | CPD_RKF_KEY,
	  "its name, after its last exec"),
	K("pid", "pid", CPD_KV_U64, CPD_UNIT_NONE, S | CPD_RKF_KEY, "process"),
	K("wall_ns", "wall", CPD_KV_U64, CPD_UNIT_NS, S | CPD_RKF_SORT,
	  "from its start (or attach) to its exit (or detach)"),
	K("breakdown", "where the time went", CPD_KV_STR, CPD_UNIT_NONE, S,
	  "its thread time in parts, the largest ones"),
	K("ppid", "parent", CPD_KV_U64, CPD_UNIT_NONE, 0, "parent process"),
	K("threads", "threads", CPD_KV_U64, CPD_UNIT_COUNT, 0,
	  "threads it had, the first one included"),
	K("thread_ns", "thread time", CPD_KV_U64, CPD_UNIT_NS, 0,
	  "its threads' lives added up: the wall time with one thread"),
	K("cpu_ns", "on CPU", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_PART,
	  "CPU time, every thread, not its children"),
	K("cpu_user_ns", "user", CPD_KV_U64, CPD_UNIT_NS, 0,
	  "of which in user space"),
	K("cpu_sys_ns", "system", CPD_KV_U64, CPD_UNIT_NS, 0,
	  "of which in the kernel"),
	K("file_ns", "file I/O", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_PART,
	  "in syscalls on paths, files and directories"),
	K("net_ns", "network", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_PART,
	  "in syscalls on sockets"),
	K("children_ns", "waiting for children", CPD_KV_U64, CPD_UNIT_NS,
	  CPD_RKF_PART,
	  "in wait4 and waitid, and in vfork and clone until the child runs on its own"),
	K("wait_ns", "sleeping or polling", CPD_KV_U64, CPD_UNIT_NS,
	  CPD_RKF_PART, "in sleeps, polls, futexes and signal waits"),
	K("other_ns", "other syscalls", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_PART,
	  "in the other syscalls: memory, pipes, terminals, ..."),
	K("runq_ns", "waiting for a CPU", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_PART,
	  "runnable but not running: the kernel's count, read by the core, else the sched analyzer's"),
	K("stopped_ns", "stopped by the tracer", CPD_KV_U64, CPD_UNIT_NS,
	  CPD_RKF_PART,
	  "between its syscalls, neither running nor runnable: the tracer's stops, mostly"),
	K("unaccounted_ns", "not accounted for", CPD_KV_U64, CPD_UNIT_NS,
	  CPD_RKF_PART, "thread time in none of the parts"),
	K("cpu_measured", "CPU time known", CPD_KV_U64, CPD_UNIT_NONE, 0,
	  "1 when the core read its CPU time"),
	K("children", "children", CPD_KV_U64, CPD_UNIT_COUNT, 0,
	  "child processes traced"),
	K("tree_cpu_ns", "on CPU, with children", CPD_KV_U64, CPD_UNIT_NS, 0,
	  "CPU time of it and its traced descendants"),
	K("tree_file_ns", "file I/O, with children", CPD_KV_U64, CPD_UNIT_NS, 0,
	  ""),
	K("tree_net_ns", "network, with children", CPD_KV_U64, CPD_UNIT_NS, 0,
	  ""),
	K("tree_wait_ns", "sleeping or polling, with children", CPD_KV_U64,
	  CPD_UNIT_NS, 0, ""),
	K("tree_other_ns", "other syscalls, with children", CPD_KV_U64,
	  CPD_UNIT_NS, 0, ""),
	K("tree_runq_ns", "waiting for a CPU, with children", CPD_KV_U64,
	  CPD_UNIT_NS, 0, ""),
};

static const struct cpd_report_key stats_interval_keys[] = {
	K("time_ns", "time", CPD_KV_U64, CPD_UNIT_NS, S | CPD_RKF_SORT,
	  "time in the syscall during the period"),
	K("calls", "calls", CPD_KV_U64, CPD_UNIT_COUNT, S,
	  "calls that returned during the period"),
	K("errors", "errors", CPD_KV_U64, CPD_UNIT_COUNT, S, "of which failed"),
	K("p50_ns", "p50", CPD_KV_U64, CPD_UNIT_NS, S, "median latency"),
	K("p99_ns", "p99", CPD_KV_U64, CPD_UNIT_NS, S,
	  "99th percentile latency"),
	K("max_ns", "max", CPD_KV_U64, CPD_UNIT_NS, S, "slowest call"),
	K("syscall", "syscall", CPD_KV_STR, CPD_UNIT_NONE, S | CPD_RKF_KEY,
	  "the syscall; total for the last row"),
	K("total_calls", "calls so far", CPD_KV_U64, CPD_UNIT_COUNT, S,
	  "calls since the trace began"),
	K("total_ns", "time so far", CPD_KV_U64, CPD_UNIT_NS, S,
	  "time since the trace began"),
};

#undef S
#undef K

enum {
	STATS_REP_STATS,
	STATS_REP_SYSCALLS,
	STATS_REP_PROCESSES,
	STATS_REP_TASKS,
	STATS_REP_INTERVAL,
};

const struct cpd_report_desc stats_reports[] = {
	[STATS_REP_STATS] = { .topic = "stats",
			      .title = "Syscall statistics",
			      .flags = CPD_RDF_SUMMARY,
			      .order = STATS_ORDER,
			      .keys = stats_keys,
			      .nkeys = REPORT_NKEYS(stats_keys),
			      .help = "how many syscalls were timed, how, and what that adds" },
	[STATS_REP_SYSCALLS] = { .topic = "stats.syscalls",
				 .title = "Syscalls",
				 .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY |
					  CPD_RDF_COLUMNS,
				 .order = STATS_ORDER + 1,
				 .keys = stats_syscall_keys,
				 .nkeys = REPORT_NKEYS(stats_syscall_keys),
				 .summary_rows = 1000,
				 .help = "every syscall of every traced process, slowest in total first, then a total row" },
	[STATS_REP_PROCESSES] = { .topic = "stats.processes",
				  .title = "Where the time went",
				  .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY |
					   CPD_RDF_COLUMNS,
				  .order = STATS_ORDER + 2,
				  .keys = stats_process_keys,
				  .nkeys = REPORT_NKEYS(stats_process_keys),
				  .summary_rows = 10,
				  .help = "each process's time: on CPU, in syscalls by what for, waiting for a CPU; alone and with its children" },
	[STATS_REP_TASKS] = { .topic = "stats.tasks",
			      .title = "Syscalls per process",
			      .flags = CPD_RDF_TABLE,
			      .order = STATS_ORDER + 3,
			      .keys = stats_task_syscall_keys,
			      .nkeys = REPORT_NKEYS(stats_task_syscall_keys),
			      .help = "the syscall table of each process ([stats] per = process) or thread (per = thread)" },
	[STATS_REP_INTERVAL] = { .topic = "stats.interval",
				 .title = "Syscalls in the period",
				 .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY |
					  CPD_RDF_COLUMNS,
				 .order = STATS_ORDER + 4,
				 .keys = stats_interval_keys,
				 .nkeys = REPORT_NKEYS(stats_interval_keys),
				 .summary_rows = 15,
				 .help = "every --interval period: the syscalls that returned in it, with the totals so far" },
	CPD_REPORT_END,
};

_Static_assert(REPORT_NKEYS(stats_syscall_keys) == STATS_NCALL_KEYS,
	       "STATS_NCALL_KEYS is the number of columns of a syscall row");

/* ---- syscall rows --------------------------------------------------- */

static int stats_errno_cmp(const void *a, const void *b)
{
	const struct stats_errno *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->err - y->err;
}

/* "ENOENT 30, EACCES 2", the most frequent first. */
static void stats_errnos(struct stats *s, struct stats_call *c, char *buf,
			 size_t size)
{
	size_t len = 0;
	uint32_t i;

	buf[0] = '\0';
	/* none: c->errs may be NULL, which qsort must not get */
	if (c->nerrs > 1)
		qsort(c->errs, c->nerrs, sizeof(*c->errs), stats_errno_cmp);
	for (i = 0; i < c->nerrs && len < size; i++) {
		const char *name = s->host->errno_name(c->errs[i].err);
		int n;

		n = name ? snprintf(buf + len, size - len, "%s%s %llu",
				    i ? ", " : "", name,
				    (unsigned long long)c->errs[i].n) :
			   snprintf(buf + len, size - len, "%serrno %d %llu",
				    i ? ", " : "", c->errs[i].err,
				    (unsigned long long)c->errs[i].n);
		if (n < 0 || (size_t)n >= size - len) {
			/* cut at a whole entry */
			buf[len] = '\0';
			break;
		}
		len += (size_t)n;
	}
}

/* The STATS_NCALL_KEYS columns of one syscall's row into kv. */
static size_t stats_call_kv(struct stats *s, struct cpd_kv *kv,
			    struct stats_call *c, const char *name,
			    uint64_t all_ns, char *text, size_t textlen)
{
	const struct hdrhist *h = &c->h;
	size_t n = 0;

	stats_errnos(s, c, text, textlen);
	kv[n++] = report_val_f64(
		"pct", all_ns ? 100.0 * (double)c->ns / (double)all_ns : 0.0);
	kv[n++] = report_val_u64("time_ns", c->ns);
	kv[n++] = report_val_u64("calls", c->calls);
	kv[n++] = report_val_u64("errors", c->errors);
	kv[n++] = report_val_u64("avg_ns", hdrhist_mean(h));
	kv[n++] = report_val_u64("p50_ns", hdrhist_percentile(h, 50));
	kv[n++] = report_val_u64("p95_ns", hdrhist_percentile(h, 95));
	kv[n++] = report_val_u64("p99_ns", hdrhist_percentile(h, 99));
	kv[n++] = report_val_u64("max_ns", h->max);
	kv[n++] = report_val_text("syscall", name, strlen(name));
	kv[n++] = report_val_text("errnos", text, strlen(text));
	kv[n++] = report_val_u64("min_ns", h->min);
	return n;
}

/* The owner's syscalls, slowest in total first. */
static size_t stats_sorted(const struct stats_owner *o, uint32_t *ids)
{
	size_t n = 0, i, j;

	for (i = 0; i < o->ncall; i++)
		if (o->call[i])
			ids[n++] = (uint32_t)i;
	/* insertion sort: a few dozen syscalls */
	for (i = 1; i < n; i++) {
		uint32_t id = ids[i];
		uint64_t ns = o->call[id]->ns;

		for (j = i; j > 0 && o->call[ids[j - 1]]->ns < ns; j--)
			ids[j] = ids[j - 1];
		ids[j] = id;
	}
	return n;
}

/*
 * One row per syscall of owner, then its total row (the latencies of
 * every call, the histograms merged), as rows of table d; p: the process
 * (and tid its thread) the rows are of, NULL for the overall table.
 */
static void stats_table_rows(struct stats *s, struct stats_owner *o,
			     const struct cpd_report_desc *d,
			     const struct stats_proc *p, int32_t tid)
{
	uint32_t ids[STATS_MAX_SYS];
	struct cpd_kv kv[3 + STATS_NCALL_KEYS], *row;
	char text[STATS_TEXT_MAX];
	struct stats_call total;
	size_t n, i, nk, base = 0;
	uint64_t all_ns = 0;

	n = stats_sorted(o, ids);
	if (!n)
		return;
	memset(&total, 0, sizeof(total));
	for (i = 0; i < n; i++)
		all_ns += o->call[ids[i]]->ns;
	if (p) {
		kv[0] = report_val_u64("pid", (uint64_t)p->pid);
		kv[1] = report_val_u64("tid", (uint64_t)tid);
		kv[2] = report_val_text("comm", p->comm, strlen(p->comm));
		base = 3;
	}
	row = kv + base;
	for (i = 0; i <= n; i++) {
		struct stats_call *c = i < n ? o->call[ids[i]] : &total;

		if (i < n) {
			total.calls += c->calls;
			total.errors += c->errors;
			total.ns += c->ns;
			if (hdrhist_merge(&total.h, &c->h) < 0)
				stats_oom(s);
		}
		nk = stats_call_kv(s, row, c,
				   i < n ? s->sys[ids[i]]->name : "total",
				   all_ns, text, sizeof(text));
		report_publish_desc(s->host, s->inst, d, kv,
				    (uint32_t)(base + nk));
	}
	hdrhist_free(&total.h);
}

/* ---- where the time went -------------------------------------------- */

struct stats_part {
	uint64_t ns;
	const char *what;
};

static size_t stats_parts(const struct stats *s, const struct stats_proc *p,
			  struct stats_part *part, uint64_t *unaccounted)
{
	uint64_t sum = 0;
	size_t n = 0, k;

	if (p->cpu_known)
		part[n++] = (struct stats_part){ p->cpu_ns, "on CPU" };
	part[n++] = (struct stats_part){ p->cls_ns[STATS_FILE], "file I/O" };
	part[n++] = (struct stats_part){ p->cls_ns[STATS_NET], "network" };
	part[n++] = (struct stats_part){ p->cls_ns[STATS_CHILD],
					 "waiting for children" };
	part[n++] = (struct stats_part){ p->cls_ns[STATS_WAIT],
					 "sleeping or polling" };
	part[n++] =
		(struct stats_part){ p->cls_ns[STATS_OTHER], "other syscalls" };
	if (p->runq_ns || s->sched_seen)
		part[n++] =
			(struct stats_part){ p->runq_ns, "waiting for a CPU" };
	part[n++] =
		(struct stats_part){ p->stopped_ns, "stopped by the tracer" };
	for (k = 0; k < n; k++)
		sum += part[k].ns;
	*unaccounted = p->thread_ns > sum ? p->thread_ns - sum : 0;
	part[n++] = (struct stats_part){ *unaccounted, "not accounted for" };
	return n;
}

/*
 * "380.2ms on CPU, 20.1ms file I/O, 12.0ms sleeping or polling": the
 * parts worth a mention (0.5 % of its thread time), in a fixed order.
 */
static void stats_breakdown(const struct stats_proc *p,
			    const struct stats_part *part, size_t nparts,
			    char *buf, size_t size)
{
	const char *sep = "";
	char t[FORMAT_NS_MAX];
	size_t len = 0, k;
	int n;

	buf[0] = '\0';
	if (p->threads > 1) {
		format_ns(p->thread_ns, t, sizeof(t));
		n = snprintf(buf, size, "%u threads, %s in all: ", p->threads,
			     t);
		len = n > 0 && (size_t)n < size ? (size_t)n : 0;
	}
	for (k = 0; k < nparts; k++) {
		if (!part[k].ns || part[k].ns * 200 < p->thread_ns)
			continue;
		format_ns(part[k].ns, t, sizeof(t));
		n = snprintf(buf + len, size - len, "%s%s %s", sep, t,
			     part[k].what);
		if (n < 0 || (size_t)n >= size - len) {
			buf[len] = '\0';
			return;
		}
		len += (size_t)n;
		sep = ", ";
	}
	if (p->nchildren && p->tree_cpu_ns > p->cpu_ns) {
		format_ns(p->tree_cpu_ns, t, sizeof(t));
		n = snprintf(buf + len, size - len, "%s%s on CPU with children",
			     *sep ? "; " : "", t);
		if (n < 0 || (size_t)n >= size - len)
			buf[len] = '\0';
	}
}

static void stats_process_row(struct stats *s, const struct stats_proc *p)
{
	struct stats_part part[10];
	struct cpd_kv kv[REPORT_NKEYS(stats_process_keys)];
	char text[STATS_TEXT_MAX];
	uint64_t unaccounted;
	size_t n = 0, nparts;

	nparts = stats_parts(s, p, part, &unaccounted);
	stats_breakdown(p, part, nparts, text, sizeof(text));
	kv[n++] = report_val_text("comm", p->comm, strlen(p->comm));
	kv[n++] = report_val_u64("pid", (uint64_t)p->pid);
	kv[n++] = report_val_u64("wall_ns", p->end_ns > p->start_ns ?
						    p->end_ns - p->start_ns :
						    0);
	kv[n++] = report_val_text("breakdown", text, strlen(text));
	kv[n++] = report_val_u64("ppid", (uint64_t)p->ppid);
	kv[n++] = report_val_u64("threads", p->threads);
	kv[n++] = report_val_u64("thread_ns", p->thread_ns);
	kv[n++] = report_val_u64("cpu_ns", p->cpu_ns);
	kv[n++] = report_val_u64("cpu_user_ns", p->cpu_user_ns);
	kv[n++] = report_val_u64("cpu_sys_ns", p->cpu_sys_ns);
	kv[n++] = report_val_u64("file_ns", p->cls_ns[STATS_FILE]);
	kv[n++] = report_val_u64("net_ns", p->cls_ns[STATS_NET]);
	kv[n++] = report_val_u64("children_ns", p->cls_ns[STATS_CHILD]);
	kv[n++] = report_val_u64("wait_ns", p->cls_ns[STATS_WAIT]);
	kv[n++] = report_val_u64("other_ns", p->cls_ns[STATS_OTHER]);
	kv[n++] = report_val_u64("runq_ns", p->runq_ns);
	kv[n++] = report_val_u64("stopped_ns", p->stopped_ns);
	kv[n++] = report_val_u64("unaccounted_ns", unaccounted);
	kv[n++] = report_val_u64("cpu_measured", p->cpu_known);
	kv[n++] = report_val_u64("children", p->nchildren);
	kv[n++] = report_val_u64("tree_cpu_ns", p->tree_cpu_ns);
	kv[n++] = report_val_u64("tree_file_ns", p->tree_cls_ns[STATS_FILE]);
	kv[n++] = report_val_u64("tree_net_ns", p->tree_cls_ns[STATS_NET]);
	kv[n++] = report_val_u64("tree_wait_ns", p->tree_cls_ns[STATS_WAIT]);
	kv[n++] = report_val_u64("tree_other_ns", p->tree_cls_ns[STATS_OTHER]);
	kv[n++] = report_val_u64("tree_runq_ns", p->tree_runq_ns);
	report_publish_desc(s->host, s->inst,
			    &stats_reports[STATS_REP_PROCESSES], kv,
			    (uint32_t)n);
}

static int stats_proc_cmp(const void *a, const void *b)
{
	const struct stats_proc *x = *(const struct stats_proc *const *)a;
	const struct stats_proc *y = *(const struct stats_proc *const *)b;
	uint64_t wx = x->end_ns - x->start_ns, wy = y->end_ns - y->start_ns;

	if (wx != wy)
		return wx > wy ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* ---- the reports ---------------------------------------------------- */

static void stats_section(struct stats *s)
{
	struct cpd_kv kv[REPORT_NKEYS(stats_keys)];
	const char *timing = s->run->stop_cost_ns ?
				     "ptrace stops, from entry to exit" :
				     "the engine's entry and exit times";
	size_t n = 0;

	kv[n++] = report_val_u64("calls", s->calls);
	kv[n++] = report_val_u64("errors", s->errors);
	kv[n++] = report_val_u64("time_ns", s->ns);
	kv[n++] = report_val_u64("stop_cost_ns", s->run->stop_cost_ns);
	kv[n++] = report_val_text("timing", timing, strlen(timing));
	kv[n++] = report_val_u64("syscalls", s->nsys);
	kv[n++] = report_val_u64("processes", s->nprocs);
	kv[n++] = report_val_u64("processes_untabled", s->procs_dropped);
	kv[n++] = report_val_f64("percentile_error", 100.0 / HDRHIST_ERROR_DIV);
	report_publish_desc(s->host, s->inst, &stats_reports[STATS_REP_STATS],
			    kv, (uint32_t)n);
}

void stats_report(struct stats *s)
{
	const struct cpd_report_desc *tasks = &stats_reports[STATS_REP_TASKS];
	struct stats_proc **order;
	size_t i;

	/* first the section, which says what the table's times include */
	stats_section(s);
	stats_table_rows(s, &s->all, &stats_reports[STATS_REP_SYSCALLS], NULL,
			 0);
	order = calloc(s->nprocs ? s->nprocs : 1, sizeof(*order));
	if (order) {
		if (s->nprocs) {
			memcpy(order, s->procs, s->nprocs * sizeof(*order));
			qsort(order, s->nprocs, sizeof(*order), stats_proc_cmp);
		}
		for (i = 0; i < s->nprocs; i++)
			stats_process_row(s, order[i]);
		free(order);
	} else {
		stats_oom(s);
	}
	if (s->per == STATS_PER_PROCESS)
		for (i = 0; i < s->nprocs; i++)
			stats_table_rows(s, &s->procs[i]->own, tasks,
					 s->procs[i], 0);
	else if (s->per == STATS_PER_THREAD)
		for (i = 0; i < s->nthreads; i++)
			stats_table_rows(s, &s->threads[i]->own, tasks,
					 s->threads[i]->proc,
					 s->threads[i]->tid);
}

/* ---- --interval ----------------------------------------------------- */

int stats_interval_report(struct stats *s, const struct cpd_interval *iv)
{
	struct cpd_kv kv[REPORT_NKEYS(stats_interval_keys)];
	uint32_t ids[STATS_MAX_SYS], id;
	struct stats_sys total;
	size_t n = 0, i, j, k;

	for (i = 0; i < s->nsys; i++)
		if (s->sys[i]->iv_calls)
			ids[n++] = (uint32_t)i;
	for (i = 1; i < n; i++) {
		id = ids[i];
		for (j = i;
		     j > 0 && s->sys[ids[j - 1]]->iv_ns < s->sys[id]->iv_ns;
		     j--)
			ids[j] = ids[j - 1];
		ids[j] = id;
	}
	memset(&total, 0, sizeof(total));
	snprintf(total.name, sizeof(total.name), "total");
	for (i = 0; i <= n; i++) {
		struct stats_sys *sys = i < n ? s->sys[ids[i]] : &total;
		const struct stats_call *all = i < n && ids[i] < s->all.ncall ?
						       s->all.call[ids[i]] :
						       NULL;
		uint64_t calls = all ? all->calls : s->calls;
		uint64_t ns = all ? all->ns : s->ns;

		if (i < n) {
			total.iv_calls += sys->iv_calls;
			total.iv_errors += sys->iv_errors;
			total.iv_ns += sys->iv_ns;
			if (hdrhist_merge(&total.iv, &sys->iv) < 0)
				stats_oom(s);
		}
		k = 0;
		kv[k++] = report_val_u64("time_ns", sys->iv_ns);
		kv[k++] = report_val_u64("calls", sys->iv_calls);
		kv[k++] = report_val_u64("errors", sys->iv_errors);
		kv[k++] = report_val_u64("p50_ns",
					 hdrhist_percentile(&sys->iv, 50));
		kv[k++] = report_val_u64("p99_ns",
					 hdrhist_percentile(&sys->iv, 99));
		kv[k++] = report_val_u64("max_ns", sys->iv.max);
		kv[k++] = report_val_text("syscall", sys->name,
					  strlen(sys->name));
		kv[k++] = report_val_u64("total_calls", calls);
		kv[k++] = report_val_u64("total_ns", ns);
		report_publish_period(s->host, s->inst, iv,
				      &stats_reports[STATS_REP_INTERVAL], kv,
				      (uint32_t)k);
	}
	hdrhist_free(&total.iv);
	for (i = 0; i < n; i++) {
		struct stats_sys *sys = s->sys[ids[i]];

		sys->iv_calls = sys->iv_errors = sys->iv_ns = 0;
		hdrhist_reset(&sys->iv);
	}
	return 0;
}
