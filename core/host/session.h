/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A session: the validated config, the loaded plugins and their instances
 * with their lifecycle, the bus and the loop. The tracer drives it.
 */
#ifndef CPD_CORE_SESSION_H
#define CPD_CORE_SESSION_H

#include <compendium/plugin.h>

#include "bus.h"
#include "config.h"
#include "loop.h"
#include "plugin.h"
#include "ticks.h"
#include "engine/payload.h"

enum inst_state {
	INST_CONFIGURED = 0, /* options validated */
	INST_INITIALIZED,    /* init() returned 0 */
	INST_STARTED,	     /* start() returned 0 */
	INST_STOPPED,	     /* stop() called */
	INST_FAILED,   /* init() or start() failed: no more calls but fini */
	INST_FINISHED, /* fini() called */
};

enum plugin_error_policy {
	POLICY_WARN = 0,    /* log it and carry on */
	POLICY_DISABLE = 1, /* log it and stop calling that instance */
	POLICY_ABORT = 2,   /* log it and end tracing (reports are written) */
};

/* [core] settings. */
struct core_opts {
	uint64_t verbose;
	uint64_t string_limit;
	uint64_t flush_interval;
	uint64_t interval; /* --interval: 0 = none */
	uint64_t duration; /* --duration: 0 = no limit */
	bool deterministic;
	bool seccomp;
	bool stats;
	int32_t on_plugin_error; /* enum plugin_error_policy */
	int32_t engine;		 /* enum engine_kind */
};

struct instance {
	char *name; /* section name, "csv:syscalls" */
	struct plugin *plugin;
	const struct config_section *section;
	struct session *session;
	enum inst_state state;
	void *state_ptr;
	uint64_t mask;		     /* effective subscription */
	uint64_t sc_classes;	     /* syscall selection */
	char **sc_names;	     /* NULL-terminated, or NULL */
	bool sc_narrowed;	     /* "syscalls =" given */
	bool disabled;		     /* by the error policy */
	bool live;		     /* CPD_PF_LIVE_STREAM: may hold lines */
	bool inited;		     /* init() succeeded: fini() is owed */
	struct host_watch **watches; /* fds it watches */
	size_t nwatches, capwatches;
	unsigned errors;
	char *fail_reason; /* fail_run(): why it failed the run */
	/* option values handed to the plugin (host-owned) */
	void **owned;
	size_t nowned, capowned;
};

struct host_watch {
	struct instance *inst;
	int fd;
	cpd_fd_cb cb;
};

/* Tracee memory access the tracer lends while delivering a syscall. */
typedef ssize_t (*session_read_fn)(void *ctx, uint64_t addr, void *buf,
				   size_t len);

struct session {
	struct config cfg;
	struct plugin_path path;
	struct plugin **plugins; /* loaded, one per file */
	size_t nplugins, capplugins;
	struct instance **inst; /* config order */
	size_t ninst, capinst;
	struct bus *bus;
	struct loop *loop;
	struct core_opts core;
	struct cpd_run_info run;
	struct cpd_trace_stats stats;
	char *command;
	char hostname[256];
	bool aborted; /* an instance asked to end tracing */
	struct ticks ticks;
	/*
	 * An instance with CPD_PF_LIVE_STREAM was given an event since its
	 * last flush: it may hold lines that must go out before anything
	 * else writes to the terminal (session_sync).
	 */
	bool live_held;
	bool has_live; /* such an instance exists */
	bool flushing; /* in session_flush or session_sync */
	/* what the running instances want captured of data calls */
	struct payload_rules payload;

	/* valid while a CPD_EV_SYSCALL is being delivered */
	session_read_fn read_fn;
	void *read_ctx;
};

extern const struct cpd_option session_core_options[];
extern const struct cpd_host session_host;

void session_init(struct session *s);
/*
 * Check every section of s->cfg against [core] and each plugin's option
 * table, loading the plugins from s->path. Every error is reported
 * (file:line) and counted in s->cfg.errors. Returns 0 when there are none.
 */
int session_configure(struct session *s);
/* init() every instance, then subscribe them to the bus. -errno. */
int session_instantiate(struct session *s);
/* start() every instance. -errno if one failed. */
int session_start(struct session *s);
void session_flush(struct session *s);
/*
 * Start the periodic work (flush, intervals, the duration) from now;
 * returns the period the timer must tick at.
 */
uint64_t session_ticks_start(struct session *s);
/* A timer tick: run what is due; returns the TICK_* bits that were. */
unsigned session_tick(struct session *s);
/* interval(): analyzers first, then outputs. */
void session_interval(struct session *s, const struct cpd_interval *iv);
void session_sync_held(struct session *s);
/* stop(): analyzers first, then outputs. */
void session_stop(struct session *s);
/* fini() in reverse order, unload plugins, free everything. */
void session_free(struct session *s);

/* Publish from the core (events about tasks, syscalls, notices). */
/* Stop watching every fd of an instance (host.c). */
void host_unwatch_all(struct instance *inst);

/* ev is the core's own: the bus stamps its size, seq and source into it */
void session_publish(struct session *s, struct cpd_event *ev);

/* The union of what instances want as CPD_EV_SYSCALL, per syscall. */
bool session_wants_syscall(const struct session *s, uint32_t arch, int nr);

/* Whether one of them needs an event per call (not all take batches). */
bool session_wants_syscall_single(const struct session *s, uint32_t arch,
				  int nr);

/* Whether one of them needs the syscall's exit (not all are entry-only). */
bool session_wants_syscall_exit(const struct session *s, uint32_t arch, int nr);

struct instance *session_find(struct session *s, const char *name);

/* Whether a running instance times syscalls (CPD_PF_SYSCALL_TIMING). */
bool session_wants_timing(const struct session *s);
/*
 * flush() the live-stream instances holding lines: something else is
 * about to write to the terminal they share, or they have held them for
 * CPD_LIVE_STREAM_MS. Cheap when nothing is held.
 */
static inline void session_sync(struct session *s)
{
	if (s->live_held)
		session_sync_held(s);
}

/*
 * The status compendium exits with, given the traced command's: when
 * an instance failed the run (cpd_host.fail_run), CPD_EXIT_RUN_FAILED,
 * after saying which and why; status otherwise.
 */
int session_exit_status(const struct session *s, int status);

#endif /* CPD_CORE_SESSION_H */
