// SPDX-License-Identifier: MIT
/* Copyright (c) 2026 the compendium developers */
/*
 * tally: a complete third-party analyzer, built against the SDK alone.
 * It counts the file, network and process syscalls it sees by name (calls,
 * failures) and the processes started. It prints nothing: when tracing
 * ends it publishes CPD_EV_REPORT events, a section ("tally") and a row
 * per syscall ("tally.syscalls"), which the console's final summary, csv's
 * summary_path and jsonl show like any analyzer's.
 * It also registers an event kind, "tally", published live when a syscall
 * has failed alert_failures times; outputs print it from its field table.
 *
 * Build:   cc -shared -fPIC -fvisibility=hidden -Wl,-z,defs \
 *             $(pkg-config --cflags compendium-sdk) -o tally.so tally.c
 * Use:     [tally]
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

/* Section order: after the first-party ones (memory 10 to blkio 45). */
#define TALLY_ORDER 100

struct tally_entry {
	char name[32]; /* syscall names are short; longer is cut */
	uint64_t calls;
	uint64_t failed;
};

struct tally {
	/* options, filled by the host from the [tally] section */
	uint64_t top;
	uint64_t alert_failures;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	int alert_kind; /* our event kind, from register_kind() */
	struct tally_entry *entries;
	size_t n, cap;
	uint64_t processes;
};

/*
 * A "tally" event's payload, in cpd_event.u.custom; the field table gives
 * each member's offset from the start of the event.
 */
struct tally_alert {
	struct cpd_str syscall;
	uint64_t failed;
	uint64_t calls;
};

#define TALLY_AT(member)                                   \
	((uint32_t)(offsetof(struct cpd_event, u.custom) + \
		    offsetof(struct tally_alert, member)))

static const struct cpd_field tally_alert_fields[] = {
	{ .name = "syscall",
	  .type = CPD_FT_STR,
	  .offset = TALLY_AT(syscall),
	  .flags = CPD_FIELDF_KEY,
	  .help = "the syscall that keeps failing" },
	{ .name = "failed",
	  .type = CPD_FT_U64,
	  .offset = TALLY_AT(failed),
	  .unit = CPD_UNIT_COUNT,
	  .help = "failed calls so far" },
	{ .name = "calls",
	  .type = CPD_FT_U64,
	  .offset = TALLY_AT(calls),
	  .unit = CPD_UNIT_COUNT,
	  .help = "calls so far" },
};

/* Static, as the host keeps pointing at it: see <compendium/field.h>. */
static const struct cpd_kind_desc tally_alert_kind = {
	.struct_size = sizeof(struct cpd_kind_desc),
	.nfields = sizeof(tally_alert_fields) / sizeof(tally_alert_fields[0]),
	.name = "tally",
	.description = "a syscall failed alert_failures times (SDK example)",
	.fields = tally_alert_fields,
};

static const struct cpd_option tally_options[] = {
	{ .name = "top",
	  .type = CPD_OPT_UINT,
	  .def = "20",
	  .offset = offsetof(struct tally, top),
	  .min = 1,
	  .max = 1000,
	  .help = "how many syscalls to report, most called first" },
	{ .name = "alert_failures",
	  .type = CPD_OPT_UINT,
	  .def = "10",
	  .offset = offsetof(struct tally, alert_failures),
	  .help = "publish a tally event when a syscall fails this often "
		  "(0: never)" },
	CPD_OPTION_END
};

static int tally_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	struct tally *t = calloc(1, sizeof(*t));
	int rc;

	if (!t)
		return -ENOMEM;
	t->host = host;
	t->inst = inst;
	rc = host->apply_options(inst, t);
	/* kinds are registered in init() only; the host logs why it failed */
	if (rc == 0)
		rc = host->register_kind(inst, &tally_alert_kind);
	if (rc < 0) {
		free(t); /* fini() is not called when init() fails */
		return rc;
	}
	t->alert_kind = rc;
	*statep = t;
	return 0;
}

/* A counted string over s; publish() copies it, so s may be ours. */
static struct cpd_str tally_str(const char *s)
{
	struct cpd_str str = { s, (uint32_t)strlen(s), 0 };

	return str;
}

static struct tally_entry *tally_find(struct tally *t,
				      const struct cpd_str *name)
{
	size_t i, len = name->len < 31 ? name->len : 31;

	for (i = 0; i < t->n; i++)
		if (!strncmp(t->entries[i].name, name->ptr, len) &&
		    t->entries[i].name[len] == '\0')
			return &t->entries[i];
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		struct tally_entry *e = realloc(t->entries, cap * sizeof(*e));

		if (!e)
			return NULL;
		t->entries = e;
		t->cap = cap;
	}
	/* the event's strings are borrowed for the call: keep a copy */
	memset(&t->entries[t->n], 0, sizeof(t->entries[t->n]));
	memcpy(t->entries[t->n].name, name->ptr, len);
	return &t->entries[t->n++];
}

/* A "tally" event about the task and moment of the syscall ev. */
static int tally_alert(struct tally *t, const struct cpd_event *ev,
		       const struct tally_entry *e)
{
	struct tally_alert a = { tally_str(e->name), e->failed, e->calls };
	struct cpd_event out = { .kind = (uint16_t)t->alert_kind,
				 .ts_ns = ev->ts_ns,
				 .pid = ev->pid,
				 .tid = ev->tid,
				 .comm = ev->comm };

	memcpy(out.u.custom, &a, sizeof(a));
	/* queued and delivered after this syscall; publish() copies it */
	return t->host->publish(t->inst, &out);
}

static int tally_on_event(void *state, const struct cpd_event *ev)
{
	struct tally *t = state;
	struct tally_entry *e;

	if (ev->kind == CPD_EV_PROC) {
		if (ev->u.proc.op == CPD_PROC_SPAWN_PROCESS)
			t->processes++;
		return 0;
	}
	if (ev->kind != CPD_EV_SYSCALL)
		return 0;
	e = tally_find(t, &ev->u.syscall.name);
	if (!e)
		return -ENOMEM;
	e->calls++;
	if (!ev->u.syscall.err)
		return 0;
	e->failed++;
	/* once per syscall: == rather than >= */
	if (t->alert_failures && e->failed == t->alert_failures)
		return tally_alert(t, ev, e);
	return 0;
}

static int tally_cmp(const void *a, const void *b)
{
	const struct tally_entry *x = a, *y = b;

	if (x->calls != y->calls)
		return x->calls < y->calls ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* A key/value: the text s, or the count v when s is NULL. */
static struct cpd_kv tally_kv(const char *key, const char *label, const char *s,
			      uint64_t v)
{
	/* key is the csv/json column, label what a person reads */
	struct cpd_kv kv = { .key = tally_str(key),
			     .label = tally_str(label),
			     .type = CPD_KV_U64,
			     .unit = CPD_UNIT_COUNT,
			     .v.u64 = v };

	if (s) {
		kv.type = CPD_KV_STR;
		kv.unit = CPD_UNIT_NONE;
		kv.v.str = tally_str(s);
	}
	return kv;
}

/*
 * Analyzers are stopped before outputs, so what is published here reaches
 * every output's summary. publish() deep-copies the event, its key/values
 * and every string they point to: one event and one kv array on the stack
 * serve for all the reports.
 */
static int tally_stop(void *state)
{
	struct tally *t = state;
	const struct cpd_trace_stats *st = t->host->trace_stats(t->inst);
	struct cpd_event ev = { .kind = CPD_EV_REPORT };
	struct cpd_kv kv[3];
	size_t i;
	int rc;

	ev.u.report.topic = tally_str("tally");
	ev.u.report.title = tally_str("Syscall tally");
	ev.u.report.order = TALLY_ORDER;
	ev.u.report.kv = kv;
	ev.u.report.nkv = 3;
	kv[0] = tally_kv("processes", "Processes started", NULL, t->processes);
	kv[1] = tally_kv("ptrace_stops", "Ptrace stops", NULL,
			 st->ptrace_stops);
	kv[2] = tally_kv("syscalls", "Distinct syscalls", NULL, t->n);
	rc = t->host->publish(t->inst, &ev);

	/* one row per syscall, most called first: outputs keep row order */
	qsort(t->entries, t->n, sizeof(*t->entries), tally_cmp);
	ev.u.report.topic = tally_str("tally.syscalls");
	ev.u.report.title = tally_str("Syscalls by name");
	ev.u.report.flags = CPD_REPORTF_ROW;
	ev.u.report.order = TALLY_ORDER + 1;
	for (i = 0; rc == 0 && i < t->n && i < t->top; i++) {
		const struct tally_entry *e = &t->entries[i];

		kv[0] = tally_kv("name", "Syscall", e->name, 0);
		kv[1] = tally_kv("calls", "Calls", NULL, e->calls);
		kv[2] = tally_kv("failed", "Failed", NULL, e->failed);
		rc = t->host->publish(t->inst, &ev);
	}
	return rc;
}

static void tally_fini(void *state)
{
	struct tally *t = state;

	free(t->entries);
	free(t);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "tally", .version = "2.0",
		.description =
			"counts file, network and process syscalls by name "
			"(SDK example)",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC),
		.syscall_classes = CPD_SC_FILE | CPD_SC_NETWORK |
				   CPD_SC_PROCESS,
		/* "tally"'s number comes from register_kind(): any custom kind */
		.publishes = CPD_EVMASK(CPD_EV_REPORT) |
			     ~(CPD_EVMASK(CPD_EV_CUSTOM_FIRST) - 1),
		/* one instance: the kind name "tally" can be registered only once */
		.flags = CPD_PF_SINGLETON, .options = tally_options,
		.init = tally_init, .on_event = tally_on_event,
		.stop = tally_stop, .fini = tally_fini, );
