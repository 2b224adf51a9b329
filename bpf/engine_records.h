/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's records (bpf/engine.bpf.c to core/engine/bpfrec.c)
 * and the tables the core hands the kernel side. Shared by both, so
 * fixed-width types and explicit padding only: the BPF target and
 * x86_64/arm64 agree on this layout.
 *
 * A record is a header and a body; the body of a syscall is followed by
 * chunks of tracee memory, each a struct cpd_eng_chunk and its bytes
 * padded to 8, and, for a call that made an fd, a struct cpd_eng_fdesc
 * with its path bytes (also padded to 8).
 */
#ifndef CPD_BPF_ENGINE_RECORDS_H
#define CPD_BPF_ENGINE_RECORDS_H

#include <linux/types.h>

#define CPD_ENG_COMM_LEN 16
/* The longest path the kernel accepts, with its NUL. */
#define CPD_ENG_PATH_MAX 4096
/*
 * Syscall numbers per arch in the capture table. Native x86_64 goes up to
 * 547 (x32 numbers excluded), i386 to 462.
 */
#define CPD_ENG_NR_MAX 1024

/* cpd_eng_hdr.type */
enum cpd_eng_type {
	CPD_ENG_SYSCALL = 1, /* struct cpd_eng_syscall */
	CPD_ENG_SPAWN = 2,   /* struct cpd_eng_spawn */
	CPD_ENG_EXEC = 3,    /* struct cpd_eng_exec */
	CPD_ENG_EXIT = 4,    /* struct cpd_eng_exit */
	CPD_ENG_IOSUM = 5,   /* struct cpd_eng_iosum */
};

/* cpd_eng_hdr.flags */
#define CPD_ENG_F_COMPAT (1u << 0) /* syscall: an i386 call (int 0x80) */
/* close: another thread had the fd again before it returned */
#define CPD_ENG_F_FDREUSED (1u << 1)
/*
 * syscall: runq_ns is the wait for a CPU between its entry and exit;
 * exit: runq_ns is the thread's (the kernel keeps it: CONFIG_SCHED_INFO)
 */
#define CPD_ENG_F_RUNQ (1u << 2)
/* exit: the cpu fields hold the process' CPU time */
#define CPD_ENG_F_CPU (1u << 3)

struct cpd_eng_hdr {
	__u16 type;  /* enum cpd_eng_type */
	__u16 flags; /* CPD_ENG_F_* */
	__u32 size;  /* of the whole record, header included, a multiple of 8 */
	__u32 tid;
	__u32 tgid;
	__u64 ts_ns; /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
};

/* A syscall returned (sys_exit). */
struct cpd_eng_syscall {
	struct cpd_eng_hdr h;
	__s32 nr;
	__u16 nchunks;	 /* chunks of tracee memory after the body */
	__u16 has_fdesc; /* a struct cpd_eng_fdesc follows the chunks */
	__s64 ret;
	__u64 args[6];
	__u64 enter_ns; /* 0: only the exit was seen */
	__u64 runq_ns;	/* CPD_ENG_F_RUNQ */
};

/* cpd_eng_chunk.flags */
#define CPD_ENG_CHUNK_STR   (1u << 0) /* a string: len includes the NUL */
#define CPD_ENG_CHUNK_TRUNC (1u << 1) /* cut at the limit, no NUL before */
#define CPD_ENG_CHUNK_FAULT (1u << 2) /* unreadable: no bytes follow */

/* Tracee memory at addr as it was at the syscall's exit. */
struct cpd_eng_chunk {
	__u64 addr;
	__u32 len;   /* bytes that follow (before padding) */
	__u16 flags; /* CPD_ENG_CHUNK_* */
	__u8 arg;    /* the argument it was read for */
	__u8 pad;    /* zero */
};

/* cpd_eng_fdesc.kind, from the inode: what /proc/PID/fd would say */
enum cpd_eng_fkind {
	CPD_ENG_FK_PATH = 1, /* a file system object: path is its path */
	CPD_ENG_FK_ANON = 2, /* an anon inode: path is its name, "[eventfd]" */
	CPD_ENG_FK_PIPE = 3, /* pipefs */
	CPD_ENG_FK_SOCKET = 4, /* sockfs: the sock fields are set */
	CPD_ENG_FK_NONE = 5,   /* the fd was not open at the exit */
};

/* cpd_eng_fdesc.flags */
#define CPD_ENG_FD_DELETED  (1u << 0) /* the path was unlinked */
#define CPD_ENG_FD_PATH_CUT (1u << 1) /* deeper than the walk goes */

/*
 * The file an fd-making call returned, read from the kernel's own fd
 * table at the exit. For CPD_ENG_FK_PATH, path holds the components from
 * the file up to the root, each NUL-terminated, leaf first; the reader
 * puts them in order. Sockets carry family, type and both endpoints
 * (addresses in network byte order, ports in host order).
 */
struct cpd_eng_fdesc {
	__u32 kind;  /* enum cpd_eng_fkind */
	__u32 flags; /* CPD_ENG_FD_* */
	__u32 mode;  /* i_mode */
	__u32 rdev;  /* i_rdev, kernel encoding */
	__u64 ino;
	__u64 file; /* the struct file's address: an identity, never read */
	__u32 f_flags;
	__u16 sk_family;
	__u16 sk_type;
	__u16 sk_protocol;
	__u16 sk_sport;
	__u16 sk_dport;
	__u16 path_len; /* bytes of path that follow (before padding) */
	__u8 sk_saddr[16];
	__u8 sk_daddr[16];
};

/*
 * Sums in the kernel: per process and fd, the bytes and calls of the
 * summable syscalls (the read/write and send/recv families) that did not
 * fail, per syscall (a slot each, up to CPD_ENG_SLOTS kinds of call on
 * one fd; past that the calls are sent one by one), those that moved no
 * byte (a read at end of file) in a slot of their own. The map is the
 * truth: user space reads it at each flush and at a process' exit, and
 * the kernel sends an entry's final sums (struct cpd_eng_iosum) just
 * before the syscall that closes or reuses its fd, so they are read
 * while the fd table still knows the fd.
 */
#define CPD_ENG_SLOTS 4
/* cpd_eng_ioslot.key: an io_uring operation's sums, not a syscall's */
#define CPD_ENG_SLOT_URING 0x80000000u
/* cpd_eng_ioslot.key: calls that returned 0 */
#define CPD_ENG_SLOT_ZERO  0x40000000u
#define CPD_ENG_SLOT_FLAGS (CPD_ENG_SLOT_URING | CPD_ENG_SLOT_ZERO)

/*
 * The fd of a key for io_uring I/O on a registered file that no fd names
 * any more: this minus the file's index in the ring's table.
 */
#define CPD_ENG_FD_FIXED (-1000)

struct cpd_eng_iokey {
	__u32 tgid;
	__s32 fd;
};

struct cpd_eng_ioslot {
	__u32 key; /* 0: free; else nr + 1 (native arch), | SLOT_FLAGS */
	__u32 calls;
	__u64 bytes;
	__u64 ns; /* the calls' durations, when entries are watched */
};

struct cpd_eng_ioval {
	__u64 file; /* the struct file's address when the entry was made */
	struct cpd_eng_ioslot slot[CPD_ENG_SLOTS];
};

/* cpd_eng_iosum.why */
enum cpd_eng_sum_why {
	CPD_ENG_SUM_CLOSE = 1,	/* close(fd) succeeded */
	CPD_ENG_SUM_REUSED = 2, /* a call returned the fd for something new */
};

/* An entry's final sums; tid is 0. */
struct cpd_eng_iosum {
	struct cpd_eng_hdr h;
	__s32 fd;
	__u32 why; /* enum cpd_eng_sum_why */
	struct cpd_eng_ioval v;
};

/* A task was made (task_newtask): in the parent, before the child runs. */
struct cpd_eng_spawn {
	struct cpd_eng_hdr h; /* tid/tgid: the parent */
	__u32 child_tid;
	__u32 child_tgid;
	__u64 clone_flags;
	char comm[CPD_ENG_COMM_LEN]; /* the parent's */
};

/*
 * An exec succeeded (sched_process_exec). Followed by the program's path
 * as /proc/PID/exe would give it (components leaf first, as in an fdesc),
 * argv (NUL-separated), then the name exec was given, with its NUL.
 */
struct cpd_eng_exec {
	struct cpd_eng_hdr h;
	__u32 old_tid; /* the tid that called exec (non-leader exec) */
	__u16 path_len;
	__u16 path_flags; /* CPD_ENG_FD_* */
	__u32 argv_len;
	__u16 argv_cut; /* argv did not fit */
	__u16 name_len;
	char comm[CPD_ENG_COMM_LEN];
};

/*
 * A task exited (sched_process_exit). Times are as the scheduler last
 * updated them: within a tick of the exit.
 */
struct cpd_eng_exit {
	struct cpd_eng_hdr h;
	__s32 code;	  /* the wait status the parent would see */
	__u16 group_dead; /* the last task of its group */
	__u16 group_exit; /* the group is exiting as one: code is its code */
	char comm[CPD_ENG_COMM_LEN];
	/* this thread's wait for a CPU (run_delay); 0 without SCHED_INFO */
	__u64 runq_ns;
	/*
	 * CPD_ENG_F_CPU (the group is dead): the process' CPU time, every
	 * thread's; user and system as the kernel sampled them (their
	 * proportion splits cpu_ns)
	 */
	__u64 cpu_ns;
	__u64 user_ns;
	__u64 sys_ns;
};

/* ---- what the core tells the kernel side -------------------------- */

/*
 * io_uring operations summed like the syscall of the same effect: per
 * opcode, that syscall's slot key (nr + 1), 0 for operations not summed.
 */
#define CPD_ENG_URING_OPS 64

/* cpd_eng_spec.cap[]: what to capture of an argument at the exit */
enum cpd_eng_cap {
	CPD_ENG_CAP_NONE = 0,
	CPD_ENG_CAP_PATH = 1,	  /* NUL-terminated, up to CPD_ENG_PATH_MAX */
	CPD_ENG_CAP_STR = 2,	  /* NUL-terminated, up to str_limit */
	CPD_ENG_CAP_BUF_IN = 3,	  /* the next argument's count of bytes */
	CPD_ENG_CAP_BUF_OUT = 4,  /* the return value's count of bytes */
	CPD_ENG_CAP_SOCKADDR = 5, /* the next argument's count, <= 128 */
	CPD_ENG_CAP_SOCKADDR_OUT = 6, /* the u32 the next argument points at */
	CPD_ENG_CAP_FDPAIR = 7,	      /* int[2] */
	CPD_ENG_CAP_FIXED = 8,	      /* cpd_eng_spec.fixed bytes */
	/* struct msghdr, its msg_name and its iovec array */
	CPD_ENG_CAP_MSGHDR = 9,
	/* the mmsghdrs that moved, each one's name and iovec array */
	CPD_ENG_CAP_MMSGHDR = 10,
	CPD_ENG_CAP_IOVEC = 11, /* struct iovec[the next argument] */
	/* getsockopt's optval: the u32 the next argument points at, and
	 * that many bytes when 8 or fewer (an integer option) */
	CPD_ENG_CAP_SOCKOPT = 12,
};

/* cpd_eng_spec.flags */
#define CPD_ENG_SPEC_TRACE  (1u << 0) /* send this syscall's exits */
#define CPD_ENG_SPEC_NEWFD  (1u << 1) /* it returns a new fd: describe it */
#define CPD_ENG_SPEC_CLOSE  (1u << 2) /* close(arg 0) */
#define CPD_ENG_SPEC_IN	    (1u << 3) /* summable input: bytes from arg 0 */
#define CPD_ENG_SPEC_OUT    (1u << 4) /* summable output: bytes to arg 0 */
#define CPD_ENG_SPEC_NOADDR (1u << 5) /* summable only with arg 4 NULL */
#define CPD_ENG_SPEC_NONAME (1u << 6) /* summable only without msg_name */
#define CPD_ENG_SPEC_FDRET  (1u << 7) /* returns an fd: flush its old sums */
#define CPD_ENG_SPEC_FDPAIR (1u << 8) /* fills int[2] arg pair with new fds */
#define CPD_ENG_SPEC_FORK   (1u << 9) /* returns 0 in the child it made */
/* rt_sigreturn, sigreturn: its exit has orig_ax -1; its entry is watched */
#define CPD_ENG_SPEC_SIGRETURN (1u << 10)
/*
 * A data call a payload rule may match: when its socket's ports or an
 * address it names match, the bytes it moved (argument pay_arg, read as
 * pay_cap says) follow its record, and it is never summed.
 */
#define CPD_ENG_SPEC_PAYLOAD (1u << 11)
/*
 * connect(arg 0): the socket's peer may change, and with it whether a
 * payload rule matches; the sums made before it are sent first.
 */
#define CPD_ENG_SPEC_REBOUND (1u << 12)

/* What the kernel side does with one syscall number of one arch. */
struct cpd_eng_spec {
	__u16 flags; /* CPD_ENG_SPEC_* */
	__u8 fixed;  /* bytes of CPD_ENG_CAP_FIXED */
	__u8 pair;   /* CPD_ENG_SPEC_FDPAIR: the argument */
	__u8 cap[6];
	/*
	 * CPD_ENG_SPEC_PAYLOAD: the argument that moved data (low 4 bits),
	 * and 1 + the one that names a sockaddr, or 0 (high 4 bits)
	 */
	__u8 pay_arg;
	__u8 pay_cap; /* how data moved: CPD_ENG_CAP_BUF_*, IOVEC, *MSGHDR */
};

/*
 * Payload rules (cpd_payload_rule) as the kernel side matches them: the
 * map "payload_rules" holds, per port and protocol, the most bytes of one
 * message to copy. A rule for UDP and TCP is two entries.
 */
#define CPD_ENG_PROTO_UDP  (1u << 0) /* as CPD_PROTO_UDP */
#define CPD_ENG_PROTO_TCP  (1u << 1) /* as CPD_PROTO_TCP */
#define CPD_ENG_PRULES_MAX 128

struct cpd_eng_prule {
	__u16 port;  /* host order */
	__u16 proto; /* one CPD_ENG_PROTO_* bit */
};

/* Slots of the per-CPU counters array "stats". */
enum cpd_eng_stat {
	CPD_ENG_STAT_LOST = 0,	    /* records the ring had no room for */
	CPD_ENG_STAT_SENT = 1,	    /* records sent */
	CPD_ENG_STAT_LOST_SC = 2,   /* of the lost: syscalls */
	CPD_ENG_STAT_LOST_PROC = 3, /* of the lost: spawns, execs, exits */
	CPD_ENG_STAT_FAULT = 4,	    /* tracee memory unreadable at the exit */
	CPD_ENG_STAT_NOFOLLOW = 5,  /* a child's tgid past the bitmap */
	CPD_ENG_STAT_RESTART = 6,   /* exits a signal interrupted */
	CPD_ENG_STAT_SUMMED = 7,    /* calls summed in the kernel */
	CPD_ENG_STAT_NOSUM = 8, /* summable calls sent one by one: no room */
	CPD_ENG_STAT_LOST_BYTES = 9, /* bytes of final sums the ring lost */
	CPD_ENG_STAT_NSLOTS = 10,
};

#endif /* CPD_BPF_ENGINE_RECORDS_H */
