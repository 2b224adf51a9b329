/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Searches: when a failed open is one probe of a search rather than a
 * failure. cc1 looks for stdio.h in four include directories, the linker
 * for libc in each library directory, the C library for its locale in
 * C.UTF-8 then C.utf8: each failure there is expected, and the open that
 * finally succeeds ends the search. One rule, shared by the file analyzer
 * (which holds a thread's failures back from the live stream until it
 * knows) and the findings analyzer (which reports searches and failures,
 * and with -v, when the file analyzer holds nothing, decides itself from
 * the same events).
 *
 * A thread's failed opens with search_errno() errors are held as a run.
 * The run ends at the thread's next successful open: the failures that
 * looked for the same name (the last path component up to its first dot
 * after a leading one: stdio.h finds stdio.h, libc.a finds libc.so,
 * foo.cpython-311.pyc finds foo.py) were probes, the others failures. It
 * also ends, every failure a failure, at an open failing otherwise, when
 * the thread moves on to other I/O (search_ends_run()), exits or execs.
 * Failures of hidden (noise) paths neither join nor end a run. A run
 * holds SEARCH_RUN_MAX failures (past it the oldest is a failure), and
 * SEARCH_RUNS_MAX threads may hold one (past it, failures are failures).
 */
#ifndef CPD_PLUGINS_SEARCH_H
#define CPD_PLUGINS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SEARCH_RUN_MAX	128
#define SEARCH_RUNS_MAX 64

/* Whether a failed open with errno err can be a probe: the name was not there. */
bool search_errno(int err);

/*
 * The name path (len bytes, any bytes) looks for: *off and *n locate it
 * in path; *n is 0 when there is none to compare.
 */
void search_stem(const char *path, size_t len, size_t *off, size_t *n);

/* Whether a and b (with their lengths) look for the same name. */
bool search_same(const char *a, size_t alen, const char *b, size_t blen);

/*
 * Whether the syscall name, made by a thread, ends its run: the read and
 * write family, copies, and exit. (Opens end it through search_end().)
 * search_run_enders lists them, NULL-terminated: a plugin's syscalls.
 */
bool search_ends_run(const char *name);
extern const char *const search_run_enders[];

/* What became of a held failure. */
enum search_outcome {
	SEARCH_FAILURE, /* a failure after all */
	SEARCH_PROBE,	/* a probe of the search its run ended */
	SEARCH_DROP,	/* nothing: the runs are being freed */
};

/*
 * Called for each held failure when its run ends, oldest first: item is
 * the caller's bytes given to search_hold(). The caller frees what item
 * points to; the module frees item.
 */
typedef void (*search_release_fn)(void *arg, void *item,
				  enum search_outcome how);

struct search_item;
struct search_run {
	int32_t tid;
	uint32_t n;
	struct search_item *items; /* SEARCH_RUN_MAX */
};

/* The runs of every thread; items of item_size bytes each. */
struct search_runs {
	struct search_run runs[SEARCH_RUNS_MAX];
	uint32_t n;
	size_t item_size;
	search_release_fn release;
	void *arg;
};

void search_runs_init(struct search_runs *r, size_t item_size,
		      search_release_fn release, void *arg);
/* Every item released with SEARCH_DROP, and freed. */
void search_runs_free(struct search_runs *r);

/*
 * Hold a failure of path (len bytes) by tid: the caller fills the
 * returned item_size bytes. NULL when it cannot be held (no room, no
 * memory, no name): the caller treats it as a failure now.
 */
void *search_hold(struct search_runs *r, int32_t tid, const char *path,
		  size_t len);

/*
 * End tid's run (nothing held: nothing happens). found, when not NULL, is
 * the path of the open that ended it (flen bytes).
 */
void search_end(struct search_runs *r, int32_t tid, const char *found,
		size_t flen);
void search_end_all(struct search_runs *r);

/* Whether any thread holds a run (cheap: most calls have none to end). */
static inline bool search_holding(const struct search_runs *r)
{
	return r->n > 0;
}

#endif /* CPD_PLUGINS_SEARCH_H */
