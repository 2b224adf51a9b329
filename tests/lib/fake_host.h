/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A struct cpd_host for plugin unit tests: one plugin instance, no tracer,
 * no bus, no session. It drives the plugin's callbacks when the test says
 * so and records what the plugin does: every event it publishes (deep
 * copies, as the real host makes them) and every line it logs.
 *
 * What it shares with the real host is the real code: option values are
 * validated and applied by core/host/options.c from a config section built
 * with fake_host_set(), published events are checked and copied by
 * core/host/evcopy.c, custom kinds go through core/host/fields.c, and formatting
 * (format_xlat, format_syscall, errno and signal names) is core/engine/xlat.c
 * and core/engine/sysfmt.c. So a plugin that passes here behaves the same way
 * inside compendium, error codes included:
 *  - publish() of SYSCALL, PROC or NOTICE returns -EPERM, a malformed
 *    event -EINVAL (with a log line saying why), and sets seq, size and
 *    source like the real host;
 *  - a report is checked against its topic's schema and completed from
 *    it (core/host/reports.c), the plugin's schemas declared as the
 *    loader declares them;
 *  - register_kind() works only inside init(), else -EBUSY;
 *  - read_tracee() works only while a CPD_EV_SYSCALL is being fed, else
 *    -EPERM, and reads the memory given with fake_host_set_tracee();
 *  - apply_options() fails with -EINVAL if a value does not parse.
 *
 * A typical test:
 *
 *	extern const struct cpd_plugin cpd_plugin_v1;	// the plugin's .c
 *	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "file");
 *
 *	fake_host_set(fh, "hide", "/proc, /sys");
 *	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);	// validate+init+start
 *	fake_syscall_init(&sc, 100, "openat", 3);
 *	fake_syscall_path(&sc, 1, "/etc/hosts");
 *	CU_ASSERT_EQUAL(fake_host_feed(fh, &sc.ev), 0);
 *	CU_ASSERT_EQUAL(fake_host_count(fh, CPD_EV_FILE), 1);
 *	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);	// flush + stop
 *	r = fake_host_report(fh, "file.files", 0);
 *	CU_ASSERT_EQUAL(fake_host_kv(r, "read_bytes")->v.u64, 0);
 *	fake_host_free(fh);				// fini + free
 *
 * Everything returned (events, kvs, log text) is owned by the fake host
 * and valid until fake_host_clear() or fake_host_free().
 *
 * Not modelled: the host keys of a section (enabled, plugin, events,
 * syscalls) are accepted and ignored, nothing is delivered but what the
 * test feeds, and the core's own messages (validation errors) go to the
 * most recently created fake host, so use one at a time.
 */
#ifndef CPD_TEST_FAKE_HOST_H
#define CPD_TEST_FAKE_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

struct fake_host;

/* ---- lifecycle ------------------------------------------------------- */

/*
 * A host for one instance of plugin called instance_name ("csv:rows"; the
 * config section name). Nothing is called yet. Never NULL (aborts on
 * ENOMEM).
 */
struct fake_host *fake_host_new(const struct cpd_plugin *plugin,
				const char *instance_name);
/*
 * Make the report schemas of plugin known to report_desc() and publish()
 * as the loader does for every plugin of a session (fake_host_new() does
 * it for the plugin under test; an output's test adds the analyzers whose
 * reports it feeds). A schema the loader would refuse is logged.
 */
void fake_host_declare(struct fake_host *fh, const struct cpd_plugin *plugin);
/* fini() if init() succeeded, then free everything. NULL is fine. */
void fake_host_free(struct fake_host *fh);

/*
 * Add "key = value" to the instance's config section, as line N of a
 * config file "fake.conf" (N counts calls from 1). Repeating a key works
 * as in a file: the last one wins, LIST values append.
 */
void fake_host_set(struct fake_host *fh, const char *key, const char *value);
/* Several at once: key, value, key, value, ..., NULL. */
void fake_host_set_many(struct fake_host *fh, const char *const *kv);

/*
 * Check the section against the plugin's option table exactly as the
 * real host does before tracing. Returns the number of errors; their
 * messages ("fake.conf:2: x: unknown key 'y' (did you mean 'z'?)") are in
 * the log, see fake_host_logged().
 */
unsigned fake_host_validate(struct fake_host *fh);

/* validate (any error: -EINVAL), then init(). Returns init()'s value. */
int fake_host_init(struct fake_host *fh);
/* init() if not done yet, then start() (if the plugin has one). */
int fake_host_start(struct fake_host *fh);
/* flush(), if the plugin has one; 0 otherwise. */
int fake_host_flush(struct fake_host *fh);
/* flush() then stop(), as the real host stops an instance. */
int fake_host_stop(struct fake_host *fh);
/* fini() now (fake_host_free() does it otherwise). */
void fake_host_fini(struct fake_host *fh);

/* The plugin's state, as init() stored it. */
void *fake_host_state(const struct fake_host *fh);
/* The struct cpd_instance * the plugin was given. */
struct cpd_instance *fake_host_instance(struct fake_host *fh);
/* The vtable (to call services from a test as a plugin would). */
const struct cpd_host *fake_host_vtable(const struct fake_host *fh);

/*
 * Deliver ev to on_event(), whatever the plugin subscribed to (the test
 * decides). seq is set to the next number (unless ev->seq is non-zero),
 * size to sizeof(struct cpd_event), ts_ns kept. Returns on_event()'s
 * value. Events the plugin publishes meanwhile are recorded, not fed
 * back to it.
 */
int fake_host_feed(struct fake_host *fh, const struct cpd_event *ev);

/* ---- what the plugin did ----------------------------------------------- */

/* Events published, in order; i past the end gives NULL. */
size_t fake_host_nevents(const struct fake_host *fh);
const struct cpd_event *fake_host_event(const struct fake_host *fh, size_t i);
/* How many of kind were published. */
size_t fake_host_count(const struct fake_host *fh, uint32_t kind);
/* The nth (from 0) published event of kind, or NULL. */
const struct cpd_event *fake_host_nth(const struct fake_host *fh, uint32_t kind,
				      size_t nth);
/* The nth REPORT with topic, or NULL. */
const struct cpd_event *fake_host_report(const struct fake_host *fh,
					 const char *topic, size_t nth);
/* The kv called key in a REPORT event, or NULL. */
const struct cpd_kv *fake_host_kv(const struct cpd_event *report,
				  const char *key);
/* Publishes that were refused (-EINVAL, -EPERM) are counted here. */
size_t fake_host_refused(const struct fake_host *fh);

/*
 * Log lines, formatted, without any prefix: the plugin's host->log()
 * calls and the host's own messages (validation errors, refusals).
 */
size_t fake_host_nlogs(const struct fake_host *fh);
const char *fake_host_log_text(const struct fake_host *fh, size_t i);
int fake_host_log_level(const struct fake_host *fh, size_t i);
/* Whether any log line contains text. */
bool fake_host_logged(const struct fake_host *fh, const char *text);

/* The reason of the plugin's last fail_run(), or NULL if it never called it. */
const char *fake_host_failed(const struct fake_host *fh);

/* Forget recorded events and log lines (e.g. after start()). */
void fake_host_clear(struct fake_host *fh);

/* ---- what the plugin can read ------------------------------------------ */

/*
 * The session facts and counters the plugin reads through run_info() and
 * trace_stats(); edit them before init() or between feeds. Defaults:
 * mode CPD_RUN_NONE, string_limit 256, deterministic 1, command "test",
 * hostname "testhost", root_exit_code -1.
 */
struct cpd_run_info *fake_host_run_info(struct fake_host *fh);
struct cpd_trace_stats *fake_host_trace_stats(struct fake_host *fh);

/*
 * Tracee memory for read_tracee(): len bytes at address base. Reads
 * outside it return what overlaps (0 bytes: -EFAULT). Not copied: keep
 * mem alive.
 */
void fake_host_set_tracee(struct fake_host *fh, uint64_t base, const void *mem,
			  size_t len);

/* Whether fd is watched, and with which events. */
bool fake_host_watching(const struct fake_host *fh, int fd, uint32_t *events);
/* Call the callback watched for fd, as the loop would. -ENOENT if none. */
int fake_host_fire_fd(struct fake_host *fh, int fd, uint32_t revents);

/* ---- building syscall events ------------------------------------------- */

/*
 * A CPD_EV_SYSCALL with its decoded arguments, laid out in one struct so
 * the test can fill it in place: ev.u.syscall.arg points at arg[], every
 * arg[i].fd at fd[i] once set, sa[i] likewise.
 */
struct fake_syscall {
	struct cpd_event ev;
	struct cpd_arg arg[6];
	struct cpd_fdinfo fd[6];
	struct cpd_sockaddr sa[6];
	struct cpd_fdinfo ret_fd;
	struct cpd_sockaddr ret_sa;
};

/*
 * Start a completed x86_64 syscall made by pid (tid = pid) returning ret:
 * number, classes, nargs and each argument's kind and xlat come from the
 * real syscall table, raw arguments are 0, err is -ret when ret is in
 * -4095..-1. Returns 0, or -ENOENT for a name the table does not know.
 */
int fake_syscall_init(struct fake_syscall *sc, int32_t pid, const char *name,
		      int64_t ret);
/* Set raw argument i (and keep its decoded kind). */
void fake_syscall_raw(struct fake_syscall *sc, unsigned i, uint64_t raw);
/* Argument i's string (path, string; len = strlen, not copied). */
void fake_syscall_str(struct fake_syscall *sc, unsigned i, const char *s);
/* Argument i is fd with what the fd table knows (path may be NULL). */
void fake_syscall_fd(struct fake_syscall *sc, unsigned i, int fd,
		     enum cpd_fd_kind kind, const char *path);
/* Argument i's socket address (raw family, port, addr; path for unix). */
void fake_syscall_sockaddr(struct fake_syscall *sc, unsigned i,
			   const struct cpd_sockaddr *sa);
/* The returned fd as the fd table now knows it. */
void fake_syscall_ret_fd(struct fake_syscall *sc, enum cpd_fd_kind kind,
			 const char *path);

#endif /* CPD_TEST_FAKE_HOST_H */
