/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * The decoded syscall payload (CPD_EV_SYSCALL), the syscall classes plugins
 * subscribe to, and the fd descriptions the core's fd table attaches to
 * fd arguments.
 */
#ifndef COMPENDIUM_SYSCALL_H
#define COMPENDIUM_SYSCALL_H

#include <stdint.h>
#include <compendium/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Syscall classes. A syscall may be in several. Analyzers subscribe to
 * classes (cpd_plugin.syscall_classes) and/or names (cpd_plugin.syscalls);
 * the core traces only the union of what is subscribed. Values are ABI.
 * Since: ABI 1.0.
 */
#define CPD_SC_FILE    (UINT64_C(1) << 0)  /* takes a path name */
#define CPD_SC_DESC    (UINT64_C(1) << 1)  /* takes or returns an fd */
#define CPD_SC_NETWORK (UINT64_C(1) << 2)  /* sockets */
#define CPD_SC_MEMORY  (UINT64_C(1) << 3)  /* address-space changes */
#define CPD_SC_PROCESS (UINT64_C(1) << 4)  /* process lifecycle */
#define CPD_SC_SIGNAL  (UINT64_C(1) << 5)  /* signal related */
#define CPD_SC_IPC     (UINT64_C(1) << 6)  /* SysV IPC */
#define CPD_SC_CREDS   (UINT64_C(1) << 7)  /* user/group ids, capabilities */
#define CPD_SC_CLOCK   (UINT64_C(1) << 8)  /* read or change clocks */
#define CPD_SC_STAT    (UINT64_C(1) << 9)  /* stat family */
#define CPD_SC_FDLIFE  (UINT64_C(1) << 10) /* creates, dups or closes fds */
#define CPD_SC_READ    (UINT64_C(1) << 11) /* moves data from an fd */
#define CPD_SC_WRITE   (UINT64_C(1) << 12) /* moves data to an fd */
#define CPD_SC_ALL     (~UINT64_C(0))

/* Kinds of file descriptor known to the core's fd table. Since: ABI 1.0. */
enum cpd_fd_kind {
	CPD_FD_UNKNOWN = 0, /* inherited, or made by an untracked call */
	CPD_FD_FILE = 1,
	CPD_FD_DIR = 2,
	CPD_FD_SOCKET = 3,
	CPD_FD_PIPE = 4,
	CPD_FD_EVENTFD = 5,
	CPD_FD_TIMERFD = 6,
	CPD_FD_SIGNALFD = 7,
	CPD_FD_MEMFD = 8,
	CPD_FD_EPOLL = 9,
	CPD_FD_INOTIFY = 10,
	CPD_FD_PIDFD = 11,
	CPD_FD_TTY = 12,
	CPD_FD_DEVICE = 13, /* character or block device other than a tty */
	CPD_FD_OTHER = 14,  /* an anon inode of another kind */
};

/* cpd_fdinfo.flags */
#define CPD_FDF_CLOEXEC	  (1u << 0)
#define CPD_FDF_SEEDED	  (1u << 1) /* learnt from /proc on attach */
#define CPD_FDF_LISTENING (1u << 2) /* listen() succeeded on it */

/*
 * What the core knows about one fd. Since: ABI 1.0.
 * Borrowed: valid only during the callback that received it.
 */
struct cpd_fdinfo {
	int32_t fd;
	uint16_t kind;	      /* enum cpd_fd_kind */
	uint16_t sock_family; /* AF_*, sockets only */
	uint32_t sock_type;   /* SOCK_STREAM, ... without flags */
	uint32_t sock_protocol;
	uint32_t open_flags; /* O_* as opened (files, pipes, ...) */
	uint32_t flags;	     /* CPD_FDF_* */
	struct cpd_str path; /* files, dirs, memfd names; absolute when known */
	struct cpd_sockaddr local;
	struct cpd_sockaddr peer;
};

/*
 * How an argument (or the return value) was decoded, from the syscall
 * table. Values are ABI. Since: ABI 1.0.
 */
enum cpd_arg_kind {
	CPD_ARG_NONE = 0,    /* not decoded: use raw */
	CPD_ARG_INT = 1,     /* signed integer */
	CPD_ARG_UINT = 2,    /* unsigned integer */
	CPD_ARG_HEX = 3,     /* integer shown in hex */
	CPD_ARG_FD = 4,	     /* fd; cpd_arg.fd describes it when known */
	CPD_ARG_DIRFD = 5,   /* fd or AT_FDCWD */
	CPD_ARG_PATH = 6,    /* NUL-terminated path, read at entry */
	CPD_ARG_STR = 7,     /* NUL-terminated string */
	CPD_ARG_BUF_IN = 8,  /* buffer the tracee passes in (size = next arg) */
	CPD_ARG_BUF_OUT = 9, /* buffer the kernel fills (size = return value) */
	CPD_ARG_FLAGS = 10,  /* bit flags; cpd_arg.xlat names the table */
	CPD_ARG_ENUM = 11,   /* one value of a table; cpd_arg.xlat */
	CPD_ARG_MODE = 12,   /* file mode bits, shown in octal */
	CPD_ARG_SOCKADDR = 13, /* struct sockaddr in (size = next arg) */
	CPD_ARG_SOCKADDR_OUT =
		14,	     /* struct sockaddr out (size ptr = next arg) */
	CPD_ARG_SIZE = 15,   /* byte count */
	CPD_ARG_ADDR = 16,   /* address in the tracee */
	CPD_ARG_SIGNAL = 17, /* signal number */
	CPD_ARG_PID = 18,    /* pid or tid */
	CPD_ARG_PTR = 19,    /* pointer to a struct not decoded */
	CPD_ARG_FDPAIR = 20, /* int[2] filled by pipe/socketpair */
	CPD_ARG_STRV = 21,   /* NULL-terminated string array (argv) */
	CPD_ARG_OFFSET = 22, /* file offset (signed) */
	CPD_ARG_ERRNO = 23,  /* return value: -errno on failure */
	/*
	 * Since: ABI 1.1. Structs the core reads from the tracee and
	 * decodes; what they decode to is in cpd_syscall.argdata[].
	 */
	CPD_ARG_IOVEC = 24,	/* struct iovec[] (count = next arg) */
	CPD_ARG_MSGHDR = 25,	/* struct msghdr, sent or received */
	CPD_ARG_MMSGHDR = 26,	/* struct mmsghdr[] (vlen = next arg) */
	CPD_ARG_OPEN_HOW = 27,	/* struct open_how (size = next arg) */
	CPD_ARG_MMAP_ARGS = 28, /* i386 old_mmap's struct of six words */
	/*
	 * Since: ABI 1.1. getsockopt's optval: the value the kernel wrote,
	 * read at exit (its length from the socklen_t the next arg points
	 * at).
	 */
	CPD_ARG_SOCKOPT = 29,
};

/* cpd_arg.flags */
#define CPD_ARGF_PARTIAL   (1u << 0) /* tracee memory unreadable */
#define CPD_ARGF_TRUNCATED (1u << 1) /* cut at the string limit */
#define CPD_ARGF_AT_EXIT   (1u << 2) /* decoded at exit (out param) */

/*
 * One decoded argument. Since: ABI 1.0.
 *
 * raw is always the register value. Depending on kind, str holds the path,
 * string or buffer bytes (strv: NUL-separated), fd points to the fd table
 * entry (NULL when unknown; for CPD_ARG_MMAP_ARGS the entry of the fd in
 * the struct), sa to the decoded address, and pair holds the two fds of
 * CPD_ARG_FDPAIR. The struct kinds (CPD_ARG_IOVEC and after) decode into
 * cpd_syscall.argdata[]. Everything is borrowed for the callback.
 */
struct cpd_arg {
	uint16_t kind;	/* enum cpd_arg_kind */
	uint16_t xlat;	/* enum cpd_xlat for FLAGS and ENUM, else 0 */
	uint32_t flags; /* CPD_ARGF_* */
	uint64_t raw;
	struct cpd_str str;
	const struct cpd_fdinfo *fd;
	const struct cpd_sockaddr *sa;
	int32_t pair[2];
};

/* cpd_iov.flags */
#define CPD_IOVF_PARTIAL   (1u << 0) /* elements past count unreadable */
#define CPD_IOVF_TRUNCATED (1u << 1) /* over CPD_IOV_MAX elements */

/* The most iovecs (and mmsghdrs) the kernel takes in one call: UIO_MAXIOV. */
#define CPD_IOV_MAX 1024u

/*
 * An iovec array, summed: CPD_ARG_IOVEC, and msg_iov of a message.
 * Since: ABI 1.1.
 *
 * bytes is what the tracee asked for (the sum of iov_len, saturated at
 * UINT64_MAX), not what moved: that is the return value (or cpd_msg.len).
 */
struct cpd_iov {
	uint64_t bytes;
	uint32_t count; /* elements summed */
	uint32_t flags; /* CPD_IOVF_* */
};

/* cpd_msg.flags */
#define CPD_MSGF_PARTIAL (1u << 0) /* the header was unreadable: all 0 */

/*
 * One message of sendmsg/recvmsg (CPD_ARG_MSGHDR) or of
 * sendmmsg/recvmmsg (CPD_ARG_MMSGHDR), as the call left it: decoded at
 * the syscall's exit, and only when it succeeded, so a received
 * message's name, namelen, controllen and msg_flags are what the kernel
 * wrote. Since: ABI 1.1. Its size is frozen: plugins index arrays of it.
 */
struct cpd_msg {
	struct cpd_sockaddr name; /* msg_name; family 0 when there is none */
	struct cpd_iov iov;	  /* msg_iov, summed */
	uint64_t controllen;	  /* msg_controllen */
	uint32_t namelen;	  /* msg_namelen */
	uint32_t msg_flags;	  /* msg_flags: MSG_TRUNC, ... on receipt */
	/*
	 * Bytes this message moved: msg_len of an mmsghdr, the return
	 * value of sendmsg/recvmsg.
	 */
	uint32_t len;
	uint32_t flags; /* CPD_MSGF_* */
};

/*
 * The messages of a CPD_ARG_MSGHDR (count 1) or CPD_ARG_MMSGHDR
 * argument: the ones the call moved, min(return value, vlen,
 * CPD_IOV_MAX) of them. Since: ABI 1.1.
 */
struct cpd_msgs {
	uint32_t count;
	uint32_t reserved; /* zero */
	const struct cpd_msg *msg;
};

/* openat2's struct open_how: CPD_ARG_OPEN_HOW. Since: ABI 1.1. */
struct cpd_open_how {
	uint64_t flags;	  /* O_* */
	uint64_t mode;	  /* as passed; meaningful with O_CREAT, O_TMPFILE */
	uint64_t resolve; /* RESOLVE_* */
};

/*
 * The arguments i386's old_mmap takes in a struct: CPD_ARG_MMAP_ARGS.
 * The argument's cpd_arg.fd describes fd. Since: ABI 1.1.
 */
struct cpd_mmap_args {
	uint64_t addr;
	uint64_t len;
	uint32_t prot;	/* PROT_* */
	uint32_t flags; /* MAP_* */
	int32_t fd;
	uint32_t reserved; /* zero */
	int64_t offset;	   /* in bytes */
};

/* cpd_sockopt.flags */
#define CPD_SOCKOPTF_INT (1u << 0) /* value holds it: 1, 2, 4 or 8 bytes */

/*
 * The option value getsockopt returned: CPD_ARG_SOCKOPT, decoded only
 * when the call succeeded. Integer options (SO_ERROR, SO_TYPE, ...) are
 * in value, sign-extended from their size; a struct is only its length.
 * Since: ABI 1.1.
 */
struct cpd_sockopt {
	uint32_t len;	/* the optlen the kernel wrote back */
	uint32_t flags; /* CPD_SOCKOPTF_* */
	int64_t value;
};

/*
 * What an argument of a struct kind decodes to; which member is set
 * follows cpd_arg.kind, and every other kind leaves it NULL. NULL too
 * when the struct could not be read at all (the argument is then
 * CPD_ARGF_PARTIAL) or was not decoded (a failed sendmsg, say); a struct
 * read in part says so in its own flags (CPD_IOVF_PARTIAL,
 * CPD_MSGF_PARTIAL, CPD_SA_PARTIAL), and the argument is PARTIAL too.
 * Since: ABI 1.1.
 */
union cpd_argdata {
	const void *ptr;
	const struct cpd_iov *iov;	   /* CPD_ARG_IOVEC */
	const struct cpd_msgs *msgs;	   /* CPD_ARG_MSGHDR, CPD_ARG_MMSGHDR */
	const struct cpd_open_how *how;	   /* CPD_ARG_OPEN_HOW */
	const struct cpd_mmap_args *mmap;  /* CPD_ARG_MMAP_ARGS */
	const struct cpd_sockopt *sockopt; /* CPD_ARG_SOCKOPT */
};

/* cpd_payload_rule.proto */
#define CPD_PROTO_UDP (1u << 0)
#define CPD_PROTO_TCP (1u << 1)
/* The most bytes of one message a payload rule may ask for. */
#define CPD_PAYLOAD_MAX 65536u

/*
 * What a plugin asks the core to capture (cpd_plugin.payloads): the bytes
 * that send/recv-family and read/write-family calls move on an IPv4 or
 * IPv6 socket of a protocol in proto whose local or peer port, or the
 * address the call names (sendto, recvfrom, a message's msg_name), has
 * this port. The core reads them once, at the call's exit, for matching
 * calls only, and hands them to every subscriber of the syscall in
 * cpd_syscall.payload; nothing is read for other sockets. A matching
 * call is never part of a batch (CPD_SCF_BATCH): it comes on its own,
 * with its bytes. The eBPF engine copies them in the kernel, about
 * 16 KiB of one call at most (its first 8 messages of a sendmmsg or
 * recvmmsg): what did not fit is flagged CPD_PAYLOADF_PARTIAL. An array
 * of rules ends with CPD_PAYLOAD_RULE_END. Since: ABI 1.1.
 */
struct cpd_payload_rule {
	uint16_t port;	    /* host order; 0 only in the end marker */
	uint16_t proto;	    /* CPD_PROTO_* */
	uint32_t max_bytes; /* kept per message: 1 .. CPD_PAYLOAD_MAX */
};

#define CPD_PAYLOAD_RULE_END \
	{                    \
		0, 0, 0      \
	}

/* cpd_payload.flags */
#define CPD_PAYLOADF_TRUNCATED (1u << 0) /* a message was cut at max_bytes */
#define CPD_PAYLOADF_PARTIAL   (1u << 1) /* some bytes were unreadable */

/*
 * The bytes a call moved, captured for a payload rule: one message for
 * send, recv, read, write, their vector and msghdr forms (the iovecs
 * gathered), one per message for sendmmsg/recvmmsg, in the order moved.
 * Each is cut at the largest max_bytes of the rules that matched; a
 * message shorter than what the call says it moved was cut (TRUNCATED)
 * or not all readable (PARTIAL). The bytes are the tracee's, untrusted.
 * Since: ABI 1.1.
 */
struct cpd_payload {
	uint32_t count;
	uint32_t flags;		   /* CPD_PAYLOADF_* */
	const struct cpd_str *msg; /* count entries */
};

/* cpd_syscall.flags */
#define CPD_SCF_PARTIAL	   (1u << 0) /* some tracee memory unreadable */
#define CPD_SCF_NO_EXIT	   (1u << 1) /* exit not observed (task gone, exec) */
#define CPD_SCF_ENTRY_ONLY (1u << 2) /* traced without its exit stop */
#define CPD_SCF_COMPAT	   (1u << 3) /* another arch (int 0x80, x32) */
#define CPD_SCF_RUNQ	   (1u << 4) /* runq_ns is known (1.1) */
/*
 * Since: ABI 1.1. The entry was not observed, only the exit (the eBPF
 * engine when no plugin has CPD_PF_SYSCALL_TIMING): enter_ns equals
 * exit_ns and says nothing of the call's duration.
 */
#define CPD_SCF_UNTIMED (1u << 5)
/*
 * Since: ABI 1.1. One event for count calls of this syscall on the fd in
 * args[0]: ret is the sum of their returns (bytes moved, each > 0), and
 * exit_ns - enter_ns the sum of their durations (0 with CPD_SCF_UNTIMED).
 * The eBPF engine sums the read/write and send/recv families in the
 * kernel, and delivers these only to plugins with CPD_PF_SYSCALL_BATCH.
 */
#define CPD_SCF_BATCH (1u << 6)
/*
 * Since: ABI 1.1. Not a syscall the program made: I/O it submitted
 * through io_uring, named after the syscall of the same effect (an
 * IORING_OP_READ is a read). Always with CPD_SCF_BATCH.
 */
#define CPD_SCF_URING (1u << 7)

/*
 * A completed syscall: the payload of CPD_EV_SYSCALL. Since: ABI 1.0.
 *
 * Delivered at the syscall's exit (or at entry for CPD_SCF_ENTRY_ONLY).
 * args[] are the raw registers; arg[0..nargs-1] their decoded forms;
 * retval decodes ret (an fd for open, for instance). ret is the raw return
 * value; err is the positive errno when the call failed, else 0.
 * fd_before is the fd table entry of arg 0 when it is an fd, as it was at
 * entry (a close() still sees the file it closed).
 * Borrowed: valid only during on_event.
 */
struct cpd_syscall {
	int32_t nr;	     /* number in arch's table */
	uint32_t arch;	     /* AUDIT_ARCH_* */
	struct cpd_str name; /* "openat"; static in the host */
	uint64_t classes;    /* CPD_SC_* */
	uint32_t nargs;
	uint32_t flags; /* CPD_SCF_* */
	uint64_t args[6];
	int64_t ret;
	int32_t err;
	/* Since: ABI 1.1 (reserved, zero, in 1.0): CPD_SCF_BATCH's calls */
	uint32_t count;
	uint64_t enter_ns;	   /* CLOCK_MONOTONIC */
	uint64_t exit_ns;	   /* 0 when the exit was not observed */
	const struct cpd_arg *arg; /* nargs entries */
	struct cpd_arg retval;
	/*
	 * Since: ABI 1.1. The decoded struct of argument i, for the kinds
	 * that have one (see union cpd_argdata); borrowed like the rest.
	 */
	union cpd_argdata argdata[6];

	/*
	 * With CPD_SCF_RUNQ: how much of enter_ns..exit_ns the task spent
	 * waiting for a CPU while it could run, as the scheduler counts it
	 * (run_delay): under load, a sleep that ends waits for a CPU before
	 * it returns. Filled when a plugin has CPD_PF_SYSCALL_TIMING.
	 */
	uint64_t runq_ns;
	/*
	 * With CPD_SCF_RUNQ, from the exit of the task's previous timed
	 * syscall to the entry of this one: how long it was neither running
	 * nor waiting for a CPU. Stopped by the tracer, mostly (what its
	 * stops cost outside the calls' own times); or blocked outside any
	 * timed call (a page fault's I/O, a syscall not timed). 0 for a
	 * task's first timed call, and always under the eBPF engine, which
	 * stops nothing.
	 */
	uint64_t stopped_ns;
	/*
	 * Since: ABI 1.1. The bytes the call moved when a plugin's payload
	 * rule matched it, else NULL; borrowed like the rest.
	 */
	const struct cpd_payload *payload;
};

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_SYSCALL_H */
