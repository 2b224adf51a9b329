/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The findings analyzer's internals, shared by its files:
 *   findings.c   options, the rules' table, the plugin's callbacks
 *   text.c       titles and details, and publishing a finding
 *   tables.c     the chained tables of groups and objects
 *   procs.c      the processes, and the exit and signal rules
 *   searches.c   runs of failed opens, and the probe rule
 *   failures.c   the failed-open and connect-failed rules
 *   objects.c    opens and I/O per file or socket: repeat, tiny-io
 *   incomplete.c the incomplete rule
 */
#ifndef CPD_PLUGINS_FINDINGS_H
#define CPD_PLUGINS_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

#include "lib/search.h"

/* Processes remembered: enough for a large build. */
#define FINDINGS_MAX_PROCS (1u << 16)
/* Failed-open paths and failed endpoints, each. */
#define FINDINGS_MAX_GROUPS 4096
/* (process, file or socket) pairs whose opens and I/O are counted. */
#define FINDINGS_MAX_OBJECTS (1u << 16)
/* Failed processes whose command line and failures are kept. */
#define FINDINGS_MAX_DETAILED 4096
/* Pids a finding lists; the count says how many there were. */
#define FINDINGS_PIDS 8
/* Last failures kept per process, and searches shown per process. */
#define FINDINGS_LAST 3
/* Bytes of a command line kept, of a failure's text, of a title. */
#define FINDINGS_CMD_MAX    240
#define FINDINGS_TEXT_MAX   160
#define FINDINGS_TITLE_MAX  512
#define FINDINGS_DETAIL_MAX 2048
/* A process, a kind and a path (PATH_MAX) or an endpoint's text. */
#define FINDINGS_KEY_MAX (4 + 1 + 4096 + 64)
/* Lost-event kinds and reasons told apart. */
#define FINDINGS_LOST_MAX 16

enum findings_rule_id {
	R_PROBE,
	R_FAILED_OPEN,
	R_EXIT,
	R_SIGNAL,
	R_REPEAT,
	R_TINY_IO,
	R_CONNECT_FAILED,
	R_INCOMPLETE,
	R_COUNT,
};

/* ---- small tables ------------------------------------------------------- */

/* The head of an entry of a chained table, keyed by bytes. */
struct findings_head {
	struct findings_head *next;
	uint32_t hash;
	uint32_t keylen;
	const char *key;
};

struct findings_tab {
	struct findings_head **b;
	size_t nb, n;
};

/* A failed-open path or a failed endpoint, with one error. */
struct findings_group {
	struct findings_head h;
	int err;
	bool explained; /* the path opened, or the port connected, later */
	bool async;	/* a non-blocking connect */
	uint16_t port;
	uint64_t count;
	uint64_t first_ns, last_ns, first_seq;
	int32_t pids[FINDINGS_PIDS];
	int32_t procs[FINDINGS_PIDS]; /* their records' indexes, or -1 */
	uint32_t npids;
	char comm[16];
	char key[]; /* the path or the endpoint */
};

/* Opens and I/O of one process on one file or socket. */
struct findings_obj {
	struct findings_head h;
	struct findings_obj *proc_next; /* the process's list */
	bool socket;
	uint64_t opens, reads, read_bytes, writes, written_bytes;
	uint64_t first_ns, last_ns, first_seq;
	char key[]; /* pid (4 bytes), then the path or the endpoint */
};

/* One process (thread group) as its events told it. */
struct findings_proc {
	int32_t pid;
	int32_t parent; /* index of its parent's record, -1 */
	uint32_t flags; /* FP_* */
	int32_t exit_code;
	int32_t signal;
	uint64_t start_ns, end_ns, exit_seq;
	char comm[16];
	char *cmd;		    /* argv joined; freed at a clean exit */
	char *last[FINDINGS_LAST];  /* its last failures, oldest first */
	char *found[FINDINGS_LAST]; /* its first searches */
	uint64_t searches, probes;
	struct findings_obj *objs;
	struct findings_obj *last_obj; /* the one used last: loops hit it */
};

#define FP_ROOT	       (1u << 0) /* the command, or an attached process */
#define FP_EXITED      (1u << 1)
#define FP_CORE	       (1u << 2)
#define FP_EXEC	       (1u << 3) /* it exec'd in the trace */
#define FP_FAILED_KID  (1u << 4) /* a child of it failed */
#define FP_NO_DETAILS  (1u << 5) /* past FINDINGS_MAX_DETAILED */
#define FP_PARTIAL_IDS (1u << 6) /* its parent was not recorded */

/* A failed open held with -v until its thread's run ends. */
struct findings_held {
	int32_t pid;
	int err;
	uint64_t ts, seq;
	char comm[16];
	char *path; /* owned */
	uint32_t len;
};

/* Probes the file analyzer flagged, waiting for the open they lead to. */
struct findings_pending {
	int32_t tid;
	uint32_t probes;
};

struct findings_lost {
	uint32_t kind;
	char reason[192];
	uint64_t count;
};

struct findings {
	/* options, written by host->apply_options */
	const char *const *ignore;
	uint64_t repeat_opens;
	uint64_t tiny_io_ops;
	uint64_t tiny_io_bytes;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	const struct cpd_run_info *run;
	bool verbose;
	uint32_t seed;
	bool off[R_COUNT]; /* ignored rules */

	/* processes, and by pid the newest record of each */
	struct findings_proc *procs;
	size_t nprocs, capprocs;
	int32_t *pidmap; /* open addressing, -1 empty */
	size_t npidmap;
	size_t detailed;
	int32_t last_idx; /* the record found last: events come in runs */

	/* of struct findings_group: failed opens, failed connects */
	struct findings_tab failed, connects;
	/* of struct findings_obj */
	struct findings_tab objects;

	/* with -v: runs of failed opens, as lib/search.h decides them */
	struct search_runs runs;
	uint32_t ended_probes; /* probes of the run being ended */
	/* without -v: flagged probes per thread */
	struct findings_pending pending[SEARCH_RUNS_MAX];
	uint32_t npending;

	struct findings_lost lost[FINDINGS_LOST_MAX];
	uint32_t nlost;
	uint64_t lost_other; /* past FINDINGS_LOST_MAX reasons */
	uint64_t detached;

	/* what did not fit */
	uint64_t procs_dropped, groups_dropped, objects_dropped;

	uint64_t published[CPD_SEV_ERROR + 1];
};

/* A string being built, cut (never overrun) at its size. */
struct findings_buf {
	char *p;
	size_t len, size;
};

struct findings_out {
	enum findings_rule_id rule;
	uint32_t severity;
	uint32_t flags;
	struct findings_buf *title;
	struct findings_buf *details;
	const int32_t *pids;
	uint32_t npids;
	const char *paths; /* NUL-separated, paths_len bytes */
	size_t paths_len;
	uint64_t count, first_ns, last_ns, cause_seq;
	int32_t pid;
	const char *comm;
};

/* text.c */
extern const char *const findings_rule_ids[R_COUNT + 1];
void findings_put(struct findings_buf *b, const char *s, size_t n);
void findings_printf(struct findings_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *findings_errno(const struct findings *f, int err, char *buf,
			   size_t size);
const char *findings_bytes(uint64_t v, char *buf, size_t size);
void findings_publish(struct findings *f, const struct findings_out *o);
void findings_say(struct findings *f, enum findings_rule_id rule,
		  uint32_t severity, uint64_t count, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* tables.c */
struct findings_head *findings_tab_find(const struct findings_tab *t,
					uint32_t hash, const char *key,
					size_t len);
int findings_tab_insert(struct findings_tab *t, struct findings_head *h);
void findings_tab_remove(struct findings_tab *t, struct findings_head *h);
void findings_tab_free(struct findings_tab *t);
struct findings_group **findings_tab_groups(const struct findings_tab *t,
					    size_t *n);

/* procs.c */
struct findings_proc *findings_proc_find(struct findings *f, int32_t pid);
void findings_proc_forget(struct findings_proc *p);
void findings_note(char **slots, bool newest, const char *text, size_t len);
void findings_on_proc(struct findings *f, const struct cpd_event *ev);
void findings_exits(struct findings *f);

/* searches.c */
void findings_run_end(struct findings *f, int32_t tid,
		      const struct cpd_event *ev);
void findings_on_file_open(struct findings *f, const struct cpd_event *ev);
void findings_on_syscall(struct findings *f, const struct cpd_event *ev);
void findings_proc_probe(struct findings *f, struct findings_proc *p);
void findings_release(void *arg, void *item, enum search_outcome how);

/* failures.c */
void findings_open_failure(struct findings *f, int32_t pid, const char *comm,
			   const char *path, size_t len, int err, uint64_t ts,
			   uint64_t seq);
void findings_open_success(struct findings *f, const char *path, size_t len);
void findings_on_net(struct findings *f, const struct cpd_event *ev);
void findings_groups(struct findings *f, bool connects);

/* objects.c */
struct findings_obj *findings_obj_socket(struct findings *f,
					 struct findings_proc *p,
					 const struct cpd_sockaddr *peer,
					 const struct cpd_event *ev);
void findings_obj_io(struct findings_obj *o, const struct cpd_event *ev,
		     bool write, uint64_t bytes, uint32_t count);
void findings_on_file_io(struct findings *f, const struct cpd_event *ev);
void findings_proc_objects(struct findings *f, struct findings_proc *p);

/* incomplete.c */
void findings_on_lost(struct findings *f, const struct cpd_event *ev);
void findings_incomplete(struct findings *f);

#endif /* CPD_PLUGINS_FINDINGS_H */
