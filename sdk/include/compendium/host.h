/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * Host services: everything a plugin may ask of compendium comes through
 * this vtable, handed to init(). Plugins link nothing of ours, so they
 * build with -Wl,-z,defs and can be tested against a fake host.
 */
#ifndef COMPENDIUM_HOST_H
#define COMPENDIUM_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <compendium/event.h>
#include <compendium/field.h>
#include <compendium/report.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One loaded plugin instance ("csv:syscalls"). Opaque, owned by the host. */
struct cpd_instance;

/* How the traced programs were obtained. */
enum cpd_run_mode {
	CPD_RUN_SPAWN = 1,  /* compendium started the command */
	CPD_RUN_ATTACH = 2, /* attached with --pid */
	CPD_RUN_NONE = 3,   /* nothing traced (tests, replays) */
};

/*
 * Facts about the session, fixed once the first event is published.
 * Since: ABI 1.0.
 * Owned by the host, valid from init() to fini().
 */
struct cpd_run_info {
	uint32_t struct_size;
	uint32_t mode;	       /* enum cpd_run_mode */
	uint32_t verbose;      /* -v count */
	uint32_t string_limit; /* -s: bytes kept of tracee strings */
	uint32_t
		deterministic; /* [core] deterministic: tests want stable output */
	uint32_t seccomp;      /* a seccomp filter narrows the stops */
	uint64_t start_ns;     /* CLOCK_MONOTONIC at the start of tracing */
	uint64_t start_realtime_ns; /* CLOCK_REALTIME at the same moment */
	int32_t root_pid;	    /* first spawned or attached pid */
	uint32_t reserved;	    /* zero */
	struct cpd_str command;	    /* "make -j2", or "pid 1234" */
	struct cpd_str hostname;

	/* ---- ABI 1.1 ---- */
	uint64_t interval_ns; /* [core] interval (--interval); 0: none */
	uint64_t duration_ns; /* [core] duration (--duration); 0: no limit */
	/*
	 * What the tracer's stops add to a syscall's time measured from its
	 * entry to its exit (the median over a calibration run of a cheap
	 * syscall), measured before the command starts when a plugin has
	 * CPD_PF_SYSCALL_TIMING; 0 when not measured, and under the eBPF
	 * engine, which stops nothing (it times calls in the kernel).
	 */
	uint64_t stop_cost_ns;
};

/*
 * Counters the core keeps; read them at any time. Since: ABI 1.0.
 * Owned by the host; the numbers change as tracing goes on.
 */
struct cpd_trace_stats {
	uint32_t struct_size;
	uint32_t tasks_live;	     /* traced tasks right now */
	uint64_t ptrace_stops;	     /* every waitpid stop handled */
	uint64_t syscalls_seen;	     /* syscall entries observed */
	uint64_t syscalls_published; /* CPD_EV_SYSCALL events delivered */
	uint64_t events_published;   /* all events through the bus */
	uint64_t tasks_seen;	     /* tasks traced over the whole run */
	uint64_t processes_seen;
	uint64_t events_dropped;  /* bus refusals (loops, limits) */
	int32_t root_exit_code;	  /* -1 until known */
	int32_t root_exit_signal; /* 0 unless killed */

	/* ---- ABI 1.1 ---- */
	/* How far byte and call totals can be trusted: enum cpd_totals. */
	uint32_t totals;
	uint32_t reserved; /* zero */
	/*
	 * Syscall and process records the engine could not deliver (the
	 * eBPF engine's ring buffer was full), and bytes it counted on fds
	 * it could not name; with either, totals are lower bounds.
	 */
	uint64_t records_lost;
	uint64_t bytes_unattributed;
};

/* cpd_trace_stats.totals. Since: ABI 1.1. */
enum cpd_totals {
	CPD_TOTALS_UNKNOWN = 0, /* a host before 1.1, or nothing traced */
	CPD_TOTALS_EXACT = 1,	/* every watched syscall was seen, one by one */
	CPD_TOTALS_KERNEL =
		2, /* exact: I/O summed in the kernel, nothing lost */
	CPD_TOTALS_PARTIAL = 3, /* records were lost: totals are lower bounds */
};

/*
 * compendium's exit status when a plugin failed the run (fail_run): the
 * traced command's status is not passed on. Like env(1) and timeout(1),
 * 125 is a status of the tool's own, which commands rarely use; 126 and
 * 127 keep their shell meaning. Since: ABI 1.1.
 */
#define CPD_EXIT_RUN_FAILED 125

/*
 * Called when a watched fd is ready. revents are EPOLL* bits. Return 0,
 * or -errno to report an error (the host then unwatches the fd).
 */
typedef int (*cpd_fd_cb)(void *state, int fd, uint32_t revents);

/*
 * Rules for every service: call them only from the thread that called
 * you, between init() and fini(). inst is the one you were given.
 */
struct cpd_host {
	/* Since: ABI 1.0. sizeof(struct cpd_host) of the host. */
	uint32_t struct_size;
	/* Since: ABI 1.0. The host's CPD_ABI_MINOR. */
	uint32_t abi_minor;
	/* Since: ABI 1.0. compendium's version, "0.1.0". */
	const char *version;

	/*
	 * Since: ABI 1.0. Print a message prefixed with the instance name,
	 * to stderr and to outputs that subscribe to CPD_EV_NOTICE. level is
	 * enum cpd_log_level; DEBUG shows only with -vv. Repeats of the same
	 * message are rate-limited. Lower-case, no trailing period.
	 */
	void (*log)(struct cpd_instance *inst, int level, const char *fmt, ...)
#if defined(__GNUC__)
		__attribute__((format(printf, 3, 4)))
#endif
		;

	/*
	 * Since: ABI 1.0. Put an event on the bus. ev is copied (strings,
	 * report key/values and everything a field table names); the caller
	 * keeps ownership of ev. From inside on_event the event is queued and
	 * delivered after the current one, never back to its publisher.
	 * seq, size and source are set by the host. Returns 0, -EINVAL for a
	 * malformed event, -EPERM for kinds only the core publishes
	 * (SYSCALL, PROC, NOTICE), -ELOOP or -ENOBUFS when the publish-loop
	 * guards refuse it. Since ABI 1.1 a report of a declared topic is
	 * checked against its schema: -EPERM when another plugin declares
	 * the topic, -EINVAL for a key the schema lacks or of another type
	 * or unit; the copy has the schema's title, order, labels and units
	 * (see compendium/report.h).
	 */
	int (*publish)(struct cpd_instance *inst, const struct cpd_event *ev);

	/*
	 * Since: ABI 1.0. Write this instance's option values, validated
	 * from its config section or defaulted, into state at the offsets of
	 * the plugin's option table. Returns 0 or -errno.
	 */
	int (*apply_options)(struct cpd_instance *inst, void *state);

	/* Since: ABI 1.0. "csv:syscalls"; valid until fini(). */
	const char *(*instance_name)(const struct cpd_instance *inst);

	/*
	 * Since: ABI 1.0. Ask the event loop to call cb(state, fd, revents)
	 * when fd is ready for events (EPOLLIN, ...). The plugin keeps
	 * ownership of fd and must unwatch it before closing it. Returns 0
	 * or -errno.
	 */
	int (*watch_fd)(struct cpd_instance *inst, int fd, uint32_t events,
			cpd_fd_cb cb);
	/* Since: ABI 1.0. Returns 0, or -ENOENT if fd was not watched. */
	int (*unwatch_fd)(struct cpd_instance *inst, int fd);

	/*
	 * Since: ABI 1.0. The field table of an event kind (built-in or
	 * registered), *nfields set to its length; NULL for unknown kinds.
	 * Static for the host's life.
	 */
	const struct cpd_field *(*event_fields)(uint32_t kind,
						uint32_t *nfields);
	/* Since: ABI 1.0. "file", "net", ...; NULL for unknown kinds. */
	const char *(*event_kind_name)(uint32_t kind);
	/*
	 * Since: ABI 1.0. Register a custom event kind from init(). Returns
	 * its kind number (>= CPD_EV_CUSTOM_FIRST) or -errno (-EEXIST for a
	 * taken name, -ENOSPC when all are used). desc must be static.
	 */
	int (*register_kind)(struct cpd_instance *inst,
			     const struct cpd_kind_desc *desc);

	/*
	 * Since: ABI 1.0. Name value with table xlat ("O_WRONLY|O_CREAT",
	 * "PROT_READ|PROT_WRITE", "AF_INET"); unknown bits are shown in hex.
	 * Writes at most size bytes including the NUL; returns the length the
	 * full text needs, like snprintf.
	 */
	size_t (*format_xlat)(uint32_t xlat, uint64_t value, char *buf,
			      size_t size);
	/* Since: ABI 1.0. "ENOENT"; NULL if unknown. */
	const char *(*errno_name)(int err);
	/* Since: ABI 1.0. "SIGSEGV"; NULL if unknown. */
	const char *(*signal_name)(int sig);
	/*
	 * Since: ABI 1.0. Format a CPD_EV_SYSCALL strace-style:
	 * openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 3</etc/hosts>
	 * with tracee strings escaped. snprintf return convention.
	 */
	size_t (*format_syscall)(const struct cpd_event *ev, char *buf,
				 size_t size);

	/*
	 * Since: ABI 1.0. Deprecated since ABI 1.1: the core decodes the
	 * structs syscalls take (cpd_syscall.argdata); read those. Kept for
	 * plugins built against 1.0, and still working where it did: it
	 * reads tracee memory of the task a CPD_EV_SYSCALL is being
	 * delivered for, only inside that on_event call and while the
	 * engine holds the task stopped (the ptrace engine does). Returns
	 * bytes read (may be short), or -errno (-EPERM outside that window
	 * or under an engine that does not stop tasks, -ESRCH if the task
	 * is gone).
	 */
	ssize_t (*read_tracee)(struct cpd_instance *inst, uint64_t addr,
			       void *buf, size_t len);

	/* Since: ABI 1.0. The session; see struct cpd_run_info. */
	const struct cpd_run_info *(*run_info)(struct cpd_instance *inst);
	/* Since: ABI 1.0. Live counters; see struct cpd_trace_stats. */
	const struct cpd_trace_stats *(*trace_stats)(struct cpd_instance *inst);

	/*
	 * Since: ABI 1.1. The schema of a report topic, declared by the
	 * plugin that publishes it (cpd_plugin.reports); NULL when no loaded
	 * plugin declares it. Static for the host's life.
	 */
	const struct cpd_report_desc *(*report_desc)(const char *topic);

	/*
	 * Since: ABI 1.1. Mark the run failed: a check the plugin makes
	 * (an --expect rule) did not hold. Tracing goes on, and every
	 * output is still written; when tracing ends compendium exits with
	 * CPD_EXIT_RUN_FAILED instead of the traced command's status, and
	 * says so once, with the first reason given, naming the instance
	 * and the command's own status. reason is one line, lower-case, no
	 * trailing period ("2 of 5 expectations not met"), copied. A
	 * plugin may call it again, from any callback but fini(), to give
	 * a reason that supersedes its earlier one. Returns 0, or -EINVAL
	 * for a NULL or empty reason.
	 */
	int (*fail_run)(struct cpd_instance *inst, const char *reason);

	/* Append new services here, and bump CPD_ABI_MINOR. */
};

/* Whether a host (or any struct with struct_size) has a given member. */
#define CPD_HAS(s, field)    \
	((s)->struct_size >= \
	 offsetof(__typeof__(*(s)), field) + sizeof((s)->field))

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_HOST_H */
