/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * Events on the bus: kinds, the common header, and one typed payload per
 * kind. Every struct here is append-only; field offsets are frozen by
 * tests/sdk/test_abi_layout.c.
 */
#ifndef COMPENDIUM_EVENT_H
#define COMPENDIUM_EVENT_H

#include <stdint.h>
#include <compendium/types.h>
#include <compendium/syscall.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Event kinds. Values are ABI and never reused. Kinds from
 * CPD_EV_CUSTOM_FIRST up are handed out at run time by
 * cpd_host.register_kind() to third-party analyzers. Since: ABI 1.0.
 */
enum cpd_event_kind {
	CPD_EV_SYSCALL = 1, /* a decoded syscall (core) */
	CPD_EV_PROC = 2,    /* process and thread lifecycle (core) */
	CPD_EV_FILE = 3,    /* file analyzer */
	CPD_EV_NET = 4,	    /* net analyzer */
	CPD_EV_MMAP = 5,    /* mmap analyzer */
	CPD_EV_FAULT = 6,   /* fault analyzer */
	CPD_EV_SCHED = 7,   /* sched analyzer */
	CPD_EV_BLKIO = 8,   /* blkio analyzer */
	CPD_EV_LOST = 9,    /* a source dropped records */
	CPD_EV_REPORT = 10, /* an analyzer's summary, key/value */
	CPD_EV_NOTICE = 11, /* a message for the user (banner, note) */
	CPD_EV_FINDING =
		12,	 /* an answer: a failure, a search, a repeat (1.1) */
	CPD_EV_DNS = 13, /* dns analyzer: a name looked up (1.1) */
	CPD_EV_CUSTOM_FIRST = 32,
	CPD_EV_MAX = 63,
};

#define CPD_EVMASK(kind) (UINT64_C(1) << (kind))
/* Every kind the SDK defines; custom kinds are added one by one. */
#define CPD_EVMASK_BUILTIN (((UINT64_C(1) << 14) - 1) & ~UINT64_C(1))

/* Who produced an event (cpd_event.source). */
enum cpd_event_source {
	CPD_SRC_CORE = 1,   /* the ptrace engine */
	CPD_SRC_PLUGIN = 2, /* an analyzer, from syscalls */
	CPD_SRC_KERNEL = 3, /* an analyzer, from perf or BPF records */
};

/* ---- CPD_EV_PROC ---------------------------------------------------- */

enum cpd_proc_op {
	CPD_PROC_SPAWN_PROCESS =
		1,		   /* fork, vfork, clone without CLONE_THREAD */
	CPD_PROC_SPAWN_THREAD = 2, /* clone with CLONE_THREAD */
	CPD_PROC_EXEC = 3,	   /* successful execve/execveat */
	CPD_PROC_EXIT = 4,	   /* a task exited or was killed */
	CPD_PROC_ATTACH = 5,	   /* attached to an existing task */
	CPD_PROC_DETACH = 6,	   /* detached; the task runs on */
	CPD_PROC_START = 7,	   /* the command was spawned */
};

/* cpd_ev_proc.flags */
#define CPD_PROCF_ROOT	      (1u << 0) /* the traced command or attached pid */
#define CPD_PROCF_CORE_DUMPED (1u << 1)
#define CPD_PROCF_LEADER      (1u << 2) /* exit: the thread-group leader */
#define CPD_PROCF_VFORK	      (1u << 3) /* spawn: vfork or CLONE_VFORK */
#define CPD_PROCF_GROUP_EXIT \
	(1u << 4) /* exit: the whole thread group is gone */
/* cpu_* hold the process's CPU time (exit, attach, detach). Since: 1.1 */
#define CPD_PROCF_CPU_TIME (1u << 5)
/* runq_ns holds its wait for a CPU (exit, attach, detach). Since: 1.1 */
#define CPD_PROCF_RUNQ (1u << 6)

/*
 * Since: ABI 1.0. The event header's pid/tid are the task the event is
 * about (the parent for spawns, the exiting task for exits).
 */
struct cpd_ev_proc {
	uint32_t op;	     /* enum cpd_proc_op */
	uint32_t flags;	     /* CPD_PROCF_* */
	int32_t child_pid;   /* spawn: thread-group id of the new task */
	int32_t child_tid;   /* spawn: id of the new task */
	int32_t ppid;	     /* parent process */
	int32_t exit_code;   /* exit: status if exited, else -1 */
	int32_t signal;	     /* exit: terminating signal, else 0 */
	int32_t old_tid;     /* exec: tid that called exec (non-leader exec) */
	struct cpd_str path; /* exec/start: program path */
	struct cpd_str argv; /* exec/start: arguments, NUL-separated */
	uint32_t argc;
	uint32_t reserved; /* zero */

	/* ---- ABI 1.1 ---- */
	/*
	 * With CPD_PROCF_CPU_TIME: the CPU time the whole process (every
	 * thread, alive or gone; not its children) has used since it
	 * started, read while the tracer holds it: at the exit stop of its
	 * last task (exit with CPD_PROCF_GROUP_EXIT), at attach (what it
	 * used before), at the detach of each of its tasks. cpu_ns is the
	 * scheduler's exact runtime; cpu_user_ns + cpu_sys_ns == cpu_ns,
	 * split in the proportion of the kernel's sampled user and system
	 * time, as getrusage(2) splits it.
	 */
	uint64_t cpu_ns;
	uint64_t cpu_user_ns;
	uint64_t cpu_sys_ns;
	/*
	 * With CPD_PROCF_RUNQ, at the same moments: how long its threads
	 * have waited for a CPU while they could run (the scheduler's
	 * run_delay, /proc/TID/schedstat, added over every thread).
	 */
	uint64_t runq_ns;
};

/* ---- CPD_EV_FILE ---------------------------------------------------- */

enum cpd_file_op {
	CPD_FILE_OPEN = 1,
	CPD_FILE_OPEN_FAILED = 2, /* err says why */
	CPD_FILE_READ = 3,
	CPD_FILE_WRITE = 4,
	CPD_FILE_CLOSE = 5,
	CPD_FILE_COPY = 6,     /* copy_file_range: path -> path2 */
	CPD_FILE_SENDFILE = 7, /* sendfile: path -> path2 or a socket */
	CPD_FILE_SPLICE = 8,   /* splice/tee */
};

/* cpd_ev_file.flags */
#define CPD_FILEF_WRITABLE   (1u << 0) /* opened O_WRONLY or O_RDWR */
#define CPD_FILEF_READABLE   (1u << 1) /* opened O_RDONLY or O_RDWR */
#define CPD_FILEF_CREATED    (1u << 2) /* O_CREAT */
#define CPD_FILEF_TO_NETWORK (1u << 3) /* sendfile into a socket */
#define CPD_FILEF_HIDDEN     (1u << 4) /* matched the noise filter */
/*
 * OPEN_FAILED: one probe of a search. The same thread's next open found
 * the name it looked for (a header in the next include directory, a
 * library in the next one), so this failure was expected, not a problem.
 * Published when the search ends, just before the open that ended it
 * (hidden with it when it is hidden). The file analyzer sets it without
 * -v only: with -v failures are published as they happen. Since: ABI 1.1.
 */
#define CPD_FILEF_PROBE (1u << 5)

/* Since: ABI 1.0. */
struct cpd_ev_file {
	uint32_t op;	     /* enum cpd_file_op */
	uint32_t flags;	     /* CPD_FILEF_* */
	int32_t fd;	     /* -1 when none */
	int32_t fd2;	     /* destination fd of copy/sendfile/splice */
	int32_t err;	     /* positive errno for OPEN_FAILED */
	uint32_t open_flags; /* O_* */
	uint64_t bytes;
	uint32_t count; /* operations this event stands for (>= 1) */
	uint32_t mode;
	struct cpd_str path;	/* absolute when it could be resolved */
	struct cpd_str path2;	/* destination of copy/sendfile/splice */
	struct cpd_str syscall; /* the syscall behind it */
	uint64_t cause_seq;	/* seq of the CPD_EV_SYSCALL, 0 if none */
};

/* ---- CPD_EV_NET ----------------------------------------------------- */

enum cpd_net_op {
	CPD_NET_SOCKET = 1,
	CPD_NET_CONNECT = 2,
	CPD_NET_ACCEPT = 3,
	CPD_NET_BIND = 4,
	CPD_NET_LISTEN = 5,
	CPD_NET_SEND = 6,
	CPD_NET_RECV = 7,
	CPD_NET_CLOSE = 8,
	CPD_NET_SHUTDOWN = 9,
	CPD_NET_CONNECT_FAILED = 10, /* err says why */
};

/* cpd_ev_net.flags */
#define CPD_NETF_LOOPBACK (1u << 0) /* peer in 127/8, ::1, ::ffff:127/104 */
/*
 * CONNECT: a non-blocking connect, still pending. CONNECT_FAILED: such a
 * connect failed later, as getsockopt(SO_ERROR) or the socket's first
 * read or write said (Since: ABI 1.1).
 */
#define CPD_NETF_INPROGRESS (1u << 1)
#define CPD_NETF_LOCAL_IPC  (1u << 2) /* AF_UNIX or AF_NETLINK: not network */
#define CPD_NETF_HIDDEN	    (1u << 3) /* matched the filter */

/* Since: ABI 1.0. */
struct cpd_ev_net {
	uint32_t op;	/* enum cpd_net_op */
	uint32_t flags; /* CPD_NETF_* */
	int32_t fd;
	int32_t err;
	uint16_t family;    /* AF_* */
	uint16_t reserved;  /* zero */
	uint32_t sock_type; /* SOCK_STREAM, SOCK_DGRAM, ... */
	uint32_t protocol;
	uint32_t count; /* operations this event stands for (>= 1) */
	uint64_t bytes;
	struct cpd_sockaddr local;
	struct cpd_sockaddr peer;
	struct cpd_str syscall;
	uint64_t cause_seq;
	/*
	 * Since: ABI 1.1. The name the peer's address was looked up as,
	 * when the dns analyzer saw the lookup (the last name that resolved
	 * to it); absent otherwise. Untrusted: what the DNS answer said.
	 */
	struct cpd_str peer_name;
};

/* ---- CPD_EV_MMAP ---------------------------------------------------- */

enum cpd_mmap_op {
	CPD_MMAP_BRK = 1,
	CPD_MMAP_MAP = 2,
	CPD_MMAP_UNMAP = 3,
	CPD_MMAP_REMAP = 4,
	CPD_MMAP_PROTECT = 5,
};

/* cpd_ev_mmap.flags */
#define CPD_MMAPF_ANON	 (1u << 0)
#define CPD_MMAPF_SHARED (1u << 1)
#define CPD_MMAPF_FIXED	 (1u << 2)
#define CPD_MMAPF_STACK	 (1u << 3)
#define CPD_MMAPF_HIDDEN (1u << 4) /* backing file matched the noise filter */

/* Since: ABI 1.0. */
struct cpd_ev_mmap {
	uint32_t op;	    /* enum cpd_mmap_op */
	uint32_t flags;	    /* CPD_MMAPF_* */
	uint32_t prot;	    /* PROT_* */
	uint32_t map_flags; /* MAP_* as passed */
	int32_t fd;
	int32_t err;
	uint64_t addr;	   /* start of the (new) range */
	uint64_t len;	   /* length of the (new) range */
	uint64_t old_addr; /* mremap: old range; brk: previous break */
	uint64_t old_len;
	int64_t offset;	       /* file offset */
	int64_t delta;	       /* change of mapped bytes (brk: heap growth) */
	uint64_t heap_bytes;   /* this process' heap after the event */
	uint64_t mapped_bytes; /* this process' live mappings after it */
	struct cpd_str path;   /* backing file */
	uint64_t cause_seq;
};

/* ---- CPD_EV_FAULT --------------------------------------------------- */

enum cpd_region_kind {
	CPD_REGION_UNKNOWN = 0,
	CPD_REGION_HEAP = 1,
	CPD_REGION_ANON = 2,
	CPD_REGION_FILE = 3,
	CPD_REGION_STACK = 4,
};

#define CPD_FAULTF_MAJOR (1u << 0)

/* Since: ABI 1.0. count > 1 for a group of consecutive faults in one region. */
struct cpd_ev_fault {
	uint64_t addr;	/* first faulting address */
	uint32_t flags; /* CPD_FAULTF_* */
	uint32_t count;
	uint32_t region; /* enum cpd_region_kind */
	uint32_t prot;	 /* PROT_* of the region */
	uint64_t region_start;
	uint64_t region_end;
	struct cpd_str region_name; /* file path, "[heap]", "[stack]", ... */
	uint64_t last_ns;	    /* time of the group's last fault */
};

/* ---- CPD_EV_SCHED --------------------------------------------------- */

enum cpd_sched_op {
	CPD_SCHED_WAKEUP = 1,  /* woken, waited for a CPU */
	CPD_SCHED_PREEMPT = 2, /* preempted while runnable, waited */
	CPD_SCHED_NEW = 3,     /* new task waiting for its first run */
};

/* Since: ABI 1.0. */
struct cpd_ev_sched {
	uint32_t op; /* enum cpd_sched_op */
	uint32_t cpu;
	uint64_t delay_ns;    /* runnable -> running */
	uint64_t runnable_ns; /* when it became runnable */
};

/* ---- CPD_EV_BLKIO --------------------------------------------------- */

enum cpd_blkio_op {
	CPD_BLKIO_READ = 1,
	CPD_BLKIO_WRITE = 2,
	CPD_BLKIO_FLUSH = 3,
	CPD_BLKIO_DISCARD = 4,
	CPD_BLKIO_OTHER = 5,
};

/* Since: ABI 1.0. count > 1 for a group; then the latency fields aggregate. */
struct cpd_ev_blkio {
	uint32_t op;  /* enum cpd_blkio_op */
	uint32_t dev; /* makedev(major, minor) as the kernel encodes it */
	uint64_t sector;
	uint64_t bytes;	     /* per operation */
	uint64_t latency_ns; /* issue -> completion (average for a group) */
	uint64_t max_latency_ns;
	uint64_t total_bytes;
	uint32_t count;
	int32_t err;
	uint64_t queue_ns; /* insert -> issue, 0 when unknown */
};

/* ---- CPD_EV_LOST ---------------------------------------------------- */

/* Since: ABI 1.0. A source says it dropped records. */
struct cpd_ev_lost {
	uint32_t lost_kind;    /* enum cpd_event_kind of what was lost */
	uint32_t reserved;     /* zero */
	uint64_t count;	       /* records lost since the last such event */
	struct cpd_str reason; /* "perf ring full", ... */
};

/* ---- CPD_EV_REPORT -------------------------------------------------- */

/* Value types of cpd_kv; the same values as enum cpd_field_type. */
enum cpd_kv_type {
	CPD_KV_S64 = 1,
	CPD_KV_U64 = 2,
	CPD_KV_DOUBLE = 3,
	CPD_KV_STR = 4,
};

/* How a value should be shown; outputs format it accordingly. */
enum cpd_unit {
	CPD_UNIT_NONE = 0,
	CPD_UNIT_BYTES = 1,
	CPD_UNIT_NS = 2, /* a duration */
	CPD_UNIT_COUNT = 3,
	CPD_UNIT_ADDR = 4,
	CPD_UNIT_PERCENT = 5,
	CPD_UNIT_TIMESTAMP = 6, /* CLOCK_MONOTONIC ns */
};

/*
 * One key/value. key is a short snake_case identifier (csv/json column),
 * label what a person reads ("Files read"); label may be absent.
 */
struct cpd_kv {
	struct cpd_str key;
	struct cpd_str label;
	uint16_t type;	   /* enum cpd_kv_type */
	uint16_t unit;	   /* enum cpd_unit */
	uint32_t reserved; /* zero */
	union {
		int64_t s64;
		uint64_t u64;
		double dbl;
		struct cpd_str str;
	} v;
};

/* cpd_ev_report.flags */
#define CPD_REPORTF_ROW (1u << 0) /* one row of a table named by topic */
/*
 * Published from cpd_plugin.interval(): what one period of --interval
 * saw, not the summary of the whole trace; interval numbers the period.
 * Since: ABI 1.1.
 */
#define CPD_REPORTF_INTERVAL (1u << 1)

/*
 * An analyzer's summary. Since: ABI 1.0.
 *
 * A section report (flags 0) is a titled list of values ("Memory": heap,
 * mmap, total). A row report (CPD_REPORTF_ROW) is one row of the table
 * named by topic ("file.files": path, read, written); rows of one topic
 * share their keys. order sorts sections for display (lower first).
 * publish() deep-copies kv and every string in it.
 */
struct cpd_ev_report {
	struct cpd_str topic; /* "memory", "file.files"; [a-z0-9_.]+ */
	struct cpd_str title; /* "Memory", "Files" */
	uint32_t flags;	      /* CPD_REPORTF_* */
	int32_t order;
	uint32_t nkv;
	/*
	 * Since: ABI 1.1 (reserved, zero, in 1.0). With CPD_REPORTF_INTERVAL:
	 * the period, cpd_interval.index (1, 2, ...); else 0.
	 */
	uint32_t interval;
	const struct cpd_kv *kv;
};

/* ---- CPD_EV_NOTICE -------------------------------------------------- */

enum cpd_log_level {
	CPD_LOG_ERROR = 1,
	CPD_LOG_WARN = 2,
	CPD_LOG_NOTE = 3, /* something the user should know */
	CPD_LOG_INFO = 4, /* progress: banners, "report written" */
	CPD_LOG_DEBUG = 5,
};

/*
 * A message the host already printed to stderr; outputs that keep a copy
 * of the session (console -o, HTML) subscribe to show it too. Published
 * by the host only. Since: ABI 1.0.
 */
struct cpd_ev_notice {
	uint32_t level;	       /* enum cpd_log_level */
	uint32_t reserved;     /* zero */
	struct cpd_str origin; /* "core", or the instance name */
	struct cpd_str text;   /* without the "compendium: " prefix */
};

/* ---- CPD_EV_FINDING ------------------------------------------------- */

/* How much a finding matters. Values are ABI. Since: ABI 1.1. */
enum cpd_severity {
	CPD_SEV_INFO = 1,   /* worth knowing: a search that succeeded */
	CPD_SEV_NOTICE = 2, /* unusual, maybe harmless: a repeat, tiny I/O */
	CPD_SEV_WARNING =
		3, /* probably a problem: a failed open, a refused connect */
	CPD_SEV_ERROR = 4, /* a failure: a process exited non-zero or died */
};

/* cpd_ev_finding.flags */
/* Shown folded: one line for many events (a search of N probes). */
#define CPD_FINDF_COLLAPSED (1u << 0)
/* The rule hit its memory bound: the counts are lower bounds. */
#define CPD_FINDF_PARTIAL (1u << 1)

/*
 * An answer an analyzer drew from other events. Since: ABI 1.1.
 *
 * id names the rule that made it, stable across releases, [a-z0-9-]+
 * ("failed-open", "dns-slow"): users silence a rule by it and tools match
 * on it. title is one line a person reads first; details may hold more
 * lines. pids lists the processes concerned as decimal numbers and paths
 * the files, endpoints or names, each list NUL-separated (CPD_FT_STRV);
 * every string may hold tracee bytes. The event's pid/tid is the main
 * process concerned.
 */
struct cpd_ev_finding {
	struct cpd_str id;
	uint32_t severity; /* enum cpd_severity */
	uint32_t flags;	   /* CPD_FINDF_* */
	struct cpd_str title;
	struct cpd_str details;
	struct cpd_str pids;
	struct cpd_str paths;
	uint64_t count;	   /* occurrences the finding stands for (>= 1) */
	uint64_t first_ns; /* the first and last of them, CLOCK_MONOTONIC */
	uint64_t last_ns;
	uint64_t cause_seq; /* seq of the event behind it, 0 if none */
};

/* ---- CPD_EV_DNS ----------------------------------------------------- */

/* Since: ABI 1.1. */
enum cpd_dns_op {
	CPD_DNS_ANSWER = 1,    /* a question and the answer it got */
	CPD_DNS_TIMEOUT = 2,   /* a question no answer came for */
	CPD_DNS_MALFORMED = 3, /* a message that broke the rules: see error */
};

/* cpd_ev_dns.flags */
#define CPD_DNSF_TCP	   (1u << 0) /* over TCP */
#define CPD_DNSF_TRUNCATED (1u << 1) /* TC: the answer did not fit UDP */
#define CPD_DNSF_SENT	   (1u << 2) /* MALFORMED: the traced program sent it */
#define CPD_DNSF_EDNS	   (1u << 3) /* the answer carried an OPT record */
#define CPD_DNSF_AUTHORITY \
	(1u << 4) /* AA: the server is the name's authority */

/*
 * A name a traced program looked up, as it went over the wire to port 53
 * and back (the dns analyzer): the question, the answer's code and
 * records, the server, how long the program waited and how often it
 * asked. Names and answers are what the messages said: untrusted, in
 * dig's presentation form. Since: ABI 1.1.
 */
struct cpd_ev_dns {
	uint32_t op;	     /* enum cpd_dns_op */
	uint32_t flags;	     /* CPD_DNSF_* */
	int32_t fd;	     /* the socket */
	uint16_t qtype;	     /* the question's TYPE: 1 A, 28 AAAA, ... */
	uint16_t rcode;	     /* the answer's RCODE, EDNS bits included */
	uint16_t id;	     /* the message id answered */
	uint16_t nanswers;   /* answer records */
	uint32_t retries;    /* the question sent again before the answer */
	uint64_t latency_ns; /* first sent -> answered (or given up) */
	struct cpd_str name; /* the name asked */
	struct cpd_str type; /* "AAAA", "TYPE65280" */
	struct cpd_str rcode_name; /* "NXDOMAIN"; absent without an answer */
	struct cpd_str answers; /* NUL-separated: "10.0.0.1", "CNAME x.test" */
	struct cpd_sockaddr server;
	struct cpd_str error; /* MALFORMED: the rule the message broke */
	uint64_t cause_seq;
};

/* ---- the event ------------------------------------------------------ */

/* Room for every payload, now and after append-only growth. */
#define CPD_EVENT_PAYLOAD_SIZE 320

/*
 * An event. Since: ABI 1.0.
 *
 * size is sizeof(struct cpd_event) of the producer; read fields past the
 * header only after checking kind. Borrowed by on_event for the call; copy
 * what you keep. pid/tid/comm name the task the event is about (0 and an
 * absent comm for events about no task, such as reports).
 * Custom kinds keep their payload in u.custom, laid out as their field
 * table says (offsets from the start of the event).
 */
struct cpd_event {
	uint32_t size;
	uint16_t kind;	 /* enum cpd_event_kind */
	uint16_t source; /* enum cpd_event_source */
	uint64_t seq;	 /* set by the bus, strictly increasing */
	uint64_t ts_ns;	 /* CLOCK_MONOTONIC, the clock BPF uses */
	int32_t pid;	 /* thread-group id */
	int32_t tid;
	struct cpd_str comm;
	union {
		struct cpd_syscall syscall;
		struct cpd_ev_proc proc;
		struct cpd_ev_file file;
		struct cpd_ev_net net;
		struct cpd_ev_mmap mmap;
		struct cpd_ev_fault fault;
		struct cpd_ev_sched sched;
		struct cpd_ev_blkio blkio;
		struct cpd_ev_lost lost;
		struct cpd_ev_report report;
		struct cpd_ev_notice notice;
		struct cpd_ev_finding finding;
		struct cpd_ev_dns dns;
		uint8_t custom[CPD_EVENT_PAYLOAD_SIZE];
		uint64_t align_;
	} u;
};

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_EVENT_H */
