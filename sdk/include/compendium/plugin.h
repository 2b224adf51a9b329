/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * The plugin descriptor: the one symbol a plugin exports.
 *
 * Ownership rules, for every callback and service:
 *  1. What the host hands a plugin (events and all they point to) is
 *     borrowed for the call; copy what you keep. The host vtable and the
 *     run info live from init() to fini().
 *  2. What the plugin hands the host at load time (this descriptor, its
 *     strings, the option table, custom kind tables) is static: it must
 *     live as long as the .so is loaded. The host never frees it.
 *  3. Each side frees only what it allocated. The plugin allocates its
 *     state in init() and frees it in fini(). String and list option
 *     values are host-owned, valid until fini(); do not free them.
 *  4. publish() copies; the caller may reuse its event when it returns.
 *  5. Callbacks run on one thread, never concurrently, must not block,
 *     return 0 or -errno, and never exit() or abort().
 */
#ifndef COMPENDIUM_PLUGIN_H
#define COMPENDIUM_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <compendium/event.h>
#include <compendium/field.h>
#include <compendium/host.h>
#include <compendium/option.h>
#include <compendium/report.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * ABI version. MAJOR changes only for incompatible changes, and renames
 * the exported symbol with it (cpd_plugin_v1 -> cpd_plugin_v2). MINOR
 * grows when fields are appended to a public struct, services to the
 * host, or kinds to the event list. Fields are never reordered.
 */
#define CPD_ABI_MAJOR 1
#define CPD_ABI_MINOR 1

enum cpd_plugin_role {
	CPD_ROLE_ANALYZER = 1, /* turns syscalls or kernel data into events */
	CPD_ROLE_OUTPUT = 2,   /* renders events and reports */
};

/* cpd_plugin.flags */
/* Its syscalls need no exit stop: deliver them at entry (ENTRY_ONLY). */
#define CPD_PF_SYSCALL_ENTRY (1u << 0)
/* At most one instance may be configured (most analyzers). */
#define CPD_PF_SINGLETON (1u << 1)
/*
 * Its CPD_EV_SYSCALL subscription is a verbose view (an output printing
 * every syscall): it applies only when the session is verbose (-v) or the
 * instance's "events =" names syscall. Without it, an output subscribed
 * to SYSCALL with no class would make every run stop at every syscall.
 */
#define CPD_PF_SYSCALL_VERBOSE (1u << 2)
/*
 * It times syscalls from entry to exit. Under ptrace such a time includes
 * what the tracer's stops add to it, so the host measures that at
 * start-up, before the command runs, into cpd_run_info.stop_cost_ns. The
 * eBPF engine, which only needs a syscall's exit otherwise, watches
 * entries too (about 0.1 microsecond more per syscall of every process
 * on the machine) only when an enabled plugin says this; without it, its
 * events come with CPD_SCF_UNTIMED. Since: ABI 1.1.
 */
#define CPD_PF_SYSCALL_TIMING (1u << 3)

/*
 * Since: ABI 1.1. Its lines go to stdout or stderr, which the traced
 * command and the host's own messages write to as well, and it may hold
 * them back until its flush(): the host calls flush() before anything
 * else can write there (one of its messages, a traced syscall that writes
 * to the same file) and at least every CPD_LIVE_STREAM_MS. Without the
 * flag, or with a host older than 1.1, such lines must be written as
 * they come, or they would land after text that came later.
 */
#define CPD_PF_LIVE_STREAM (1u << 4)
#define CPD_LIVE_STREAM_MS 50

/*
 * Since: ABI 1.1. Its results are right only with the ptrace engine: it
 * reads the tracee's memory or registers beyond what its syscalls'
 * arguments point at, or needs a task held still while it works. With it
 * enabled, engine = auto picks ptrace (the eBPF engine never stops a
 * task, and copies only the memory the arguments point at, when the call
 * returns); engine = ebpf, asked for by name, runs anyway, with a note,
 * and the plugin does what it can.
 */
#define CPD_PF_PTRACE (1u << 5)
/*
 * Since: ABI 1.1. It takes batched syscalls (CPD_SCF_BATCH): one event
 * standing for many reads or writes on an fd, with their byte total in
 * ret and their number in count. An engine may batch a syscall only when
 * every plugin taking it says so; others get one event per call.
 */
#define CPD_PF_SYSCALL_BATCH (1u << 6)

/*
 * One period of [core] interval (--interval): [start_ns, end_ns) on
 * CLOCK_MONOTONIC, numbered from 1. Since: ABI 1.1.
 */
struct cpd_interval {
	uint32_t struct_size;
	uint32_t index;
	uint64_t start_ns;
	uint64_t end_ns;
};

struct cpd_plugin {
	/* ---- ABI 1.0; append only, after the last field ---- */

	/* Required. CPD_ABI_MAJOR, CPD_ABI_MINOR, sizeof(struct cpd_plugin)
	 * as built; CPD_PLUGIN_DEFINE fills them. */
	uint32_t abi_major;
	uint32_t abi_minor;
	uint32_t struct_size;
	/* Required. enum cpd_plugin_role. */
	uint32_t role;
	/* Required. [a-z0-9_]{1,31}, equal to the .so file's basename. */
	const char *name;
	/* Required. The plugin's own version, free form. */
	const char *version;
	/* Required. One line for --list-plugins. */
	const char *description;
	/* Event kinds delivered to on_event: CPD_EVMASK(CPD_EV_FILE) | ...
	 * A config section's "events =" key narrows it per instance. */
	uint64_t subscribe;
	/* Analyzers: the syscall classes (CPD_SC_*) wanted as
	 * CPD_EV_SYSCALL. Tracing is narrowed to the union over all
	 * instances, so ask only for what you use. */
	uint64_t syscall_classes;
	/* Analyzers: syscall names wanted, NULL-terminated; may be NULL. */
	const char *const *syscalls;
	/* Kinds this plugin publishes; shown by --list-plugins, and used to
	 * warn about subscriptions nobody can satisfy. */
	uint64_t publishes;
	/* CPD_PF_*. */
	uint32_t flags;
	uint32_t reserved; /* zero */
	/* Option table ending with CPD_OPTION_END; NULL for none. */
	const struct cpd_option *options;

	/*
	 * Required: yes. Allocate this instance's state, store it in *statep,
	 * read options with host->apply_options(inst, state). host and inst
	 * stay valid until fini(). On failure free everything and return
	 * -errno: fini() is then not called.
	 */
	int (*init)(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep);
	/*
	 * Required: no. Called once every instance is initialised, before the
	 * tracee runs: outputs open their files here, sources their fds.
	 */
	int (*start)(void *state);
	/*
	 * Required: yes if subscribe != 0. ev and everything it points to is
	 * borrowed until return. Must not block.
	 */
	int (*on_event)(void *state, const struct cpd_event *ev);
	/*
	 * Required: no. Called on the flush timer and before stop(): write
	 * buffered output, drain kernel buffers.
	 */
	int (*flush)(void *state);
	/*
	 * Required: no. Tracing is over. Analyzers are stopped first and
	 * publish their reports here; outputs are stopped after every
	 * analyzer, so they have seen every report, and write their files.
	 */
	int (*stop)(void *state);
	/* Required: yes. Free everything init() allocated. Cannot fail. */
	void (*fini)(void *state);

	/* ---- ABI 1.1 ---- */
	/*
	 * The reports this plugin publishes, ending with CPD_REPORT_END;
	 * NULL for none. Static. Outputs render the reports from it (see
	 * compendium/report.h).
	 */
	const struct cpd_report_desc *reports;
	/*
	 * Required: no. Since: ABI 1.1. Called at the end of every period
	 * of [core] interval, analyzers first, then outputs, as stop() is.
	 * An analyzer publishes what changed during the period as reports
	 * flagged CPD_REPORTF_INTERVAL, with ev.u.report.interval set to
	 * iv->index, and starts the next period; an output has seen them
	 * all by the time it is called, and writes its block. Not called
	 * for the last, partial period: stop() covers the whole trace.
	 */
	int (*interval)(void *state, const struct cpd_interval *iv);
	/*
	 * Since: ABI 1.1. Analyzers: what to capture of the data some
	 * syscalls move (see struct cpd_payload_rule), ending with
	 * CPD_PAYLOAD_RULE_END; NULL for nothing. Static. Ask only for what
	 * you parse: every matching call costs a read of tracee memory.
	 */
	const struct cpd_payload_rule *payloads;
};

/* The size of the ABI 1.0 descriptor; smaller ones are refused. */
#define CPD_PLUGIN_SIZE_1_0 \
	(offsetof(struct cpd_plugin, fini) + sizeof(void (*)(void *)))

#define CPD_PLUGIN_SYMBOL     cpd_plugin_v1
#define CPD_PLUGIN_SYMBOL_STR "cpd_plugin_v1"

#if defined(__GNUC__)
#define CPD_EXPORT __attribute__((visibility("default")))
#else
#define CPD_EXPORT
#endif

/*
 * Define the exported descriptor with designated initializers:
 *
 *	CPD_PLUGIN_DEFINE(
 *		.role = CPD_ROLE_OUTPUT,
 *		.name = "top_files",
 *		...
 *	);
 */
#ifdef __cplusplus
/* C++20 designated initializers: list the fields in declaration order. */
#define CPD_PLUGIN_DECLARE_ \
	extern "C" CPD_EXPORT const struct cpd_plugin CPD_PLUGIN_SYMBOL;
#define CPD_PLUGIN_EXPORT_
#else
#define CPD_PLUGIN_DECLARE_
#define CPD_PLUGIN_EXPORT_ CPD_EXPORT
#endif
#define CPD_PLUGIN_DEFINE(...)                                           \
	CPD_PLUGIN_DECLARE_                                              \
	CPD_PLUGIN_EXPORT_ const struct cpd_plugin CPD_PLUGIN_SYMBOL = { \
		.abi_major = CPD_ABI_MAJOR,                              \
		.abi_minor = CPD_ABI_MINOR,                              \
		.struct_size = sizeof(struct cpd_plugin),                \
		__VA_ARGS__                                              \
	}

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_PLUGIN_H */
