// SPDX-License-Identifier: MIT
/* Copyright (c) 2026 the compendium developers */
/*
 * tally: a complete third-party output plugin, built against the SDK
 * alone. It counts the syscalls it sees by name (file, network and process
 * ones) and the processes started, and writes the top of the list when
 * tracing ends.
 *
 * Build:   cc -shared -fPIC -fvisibility=hidden -Wl,-z,defs \
 *             $(pkg-config --cflags compendium-sdk) -o tally.so tally.c
 * Use:     [tally]
 *          path = tally.txt
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

struct tally_entry {
	char name[32];
	unsigned long count;
	unsigned long failed;
};

struct tally {
	/* options, filled by the host from the [tally] section */
	const char *path;
	uint64_t top;
	bool failures;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	FILE *out;
	struct tally_entry *entries;
	size_t n, cap;
	unsigned long processes;
};

static const struct cpd_option tally_options[] = {
	{ .name = "path", .type = CPD_OPT_PATH, .def = "-",
	  .offset = offsetof(struct tally, path),
	  .help = "where to write the table; - is stderr" },
	{ .name = "top", .type = CPD_OPT_UINT, .def = "10",
	  .offset = offsetof(struct tally, top), .min = 1, .max = 1000,
	  .help = "how many syscalls to list" },
	{ .name = "failures", .type = CPD_OPT_BOOL, .def = "yes",
	  .offset = offsetof(struct tally, failures),
	  .help = "also count how many calls failed" },
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
	if (rc < 0) {
		free(t);
		return rc;
	}
	*statep = t;
	return 0;
}

static int tally_start(void *state)
{
	struct tally *t = state;

	if (!strcmp(t->path, "-")) {
		t->out = stderr;
		return 0;
	}
	/* "e": close-on-exec, so the traced command does not inherit it */
	t->out = fopen(t->path, "we");
	if (!t->out) {
		int err = errno;

		t->host->log(t->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     t->path, strerror(err));
		return -err;
	}
	return 0;
}

static struct tally_entry *tally_find(struct tally *t, const struct cpd_str *name)
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
	memset(&t->entries[t->n], 0, sizeof(t->entries[t->n]));
	memcpy(t->entries[t->n].name, name->ptr, len);
	return &t->entries[t->n++];
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
	e->count++;
	if (ev->u.syscall.err)
		e->failed++;
	return 0;
}

static int tally_cmp(const void *a, const void *b)
{
	const struct tally_entry *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int tally_stop(void *state)
{
	struct tally *t = state;
	const struct cpd_trace_stats *st = t->host->trace_stats(t->inst);
	size_t i;

	qsort(t->entries, t->n, sizeof(*t->entries), tally_cmp);
	fprintf(t->out, "tally: %lu processes started, %llu ptrace stops\n",
		t->processes, (unsigned long long)st->ptrace_stops);
	for (i = 0; i < t->n && i < t->top; i++) {
		fprintf(t->out, "  %-20s %8lu", t->entries[i].name,
			t->entries[i].count);
		if (t->failures)
			fprintf(t->out, "  (%lu failed)", t->entries[i].failed);
		fputc('\n', t->out);
	}
	return fflush(t->out) ? -errno : 0;
}

static void tally_fini(void *state)
{
	struct tally *t = state;

	if (t->out && t->out != stderr)
		fclose(t->out);
	free(t->entries);
	free(t);
}

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_OUTPUT,
	.name = "tally",
	.version = "1.0",
	.description = "counts file, network and process syscalls by name (SDK example)",
	.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) | CPD_EVMASK(CPD_EV_PROC),
	.syscall_classes = CPD_SC_FILE | CPD_SC_NETWORK | CPD_SC_PROCESS,
	.options = tally_options,
	.init = tally_init,
	.start = tally_start,
	.on_event = tally_on_event,
	.stop = tally_stop,
	.fini = tally_fini,
);
