// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The values come from the system headers so that they always match the
 * kernel ABI of the machine we build on; a constant a header may lack
 * (newer than the oldest libc we support) sits behind #ifdef and is simply
 * not named there.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "xlat.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <linux/futex.h>
#include <linux/sched.h>
#if defined(__x86_64__) || defined(__i386__)
#include <asm/prctl.h>
#endif

#include <compendium/event.h>
#include <compendium/field.h>
#include <compendium/syscall.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

struct xlat_pair {
	uint64_t val;
	const char *name;
};

/* The macro's own spelling is the name: X(O_CREAT) -> { 0100, "O_CREAT" } */
/* clang-format off: it would spread this over four lines */
#define X(v)                      \
	{                         \
		(uint64_t)(v), #v \
	}
/* clang-format on */

enum xlat_style {
	XS_ENUM = 1,
	XS_FLAGS,
	XS_SIGNAL,
};

struct xlat_table {
	uint8_t style; /* enum xlat_style; 0 = no such table */
	/*
	 * A multi-bit field inside a flag set (O_ACCMODE, the socket type,
	 * the futex command) is a value, not bits: it is named as a whole
	 * and printed first.
	 */
	uint8_t field_always; /* print the field even when it is 0 */
	uint8_t clone_signal; /* the low byte is an exit signal */
	uint64_t field_mask;
	const struct xlat_pair *field;
	size_t nfield;
	/* bits (flags) or values (enum); multi-bit masks before their parts */
	const struct xlat_pair *pairs;
	size_t npairs;
	const char *zero; /* a flag set's name for 0 */
	/* the hugetlb page size encoded above bit 26 when this bit is set */
	uint64_t huge_flag;
	const char *huge_prefix;
	/* names xlat_parse accepts besides the printed ones */
	const struct xlat_pair *alias;
	size_t nalias;
};

/* ---- kernel tables --------------------------------------------------- */

/*
 * glibc defines O_LARGEFILE as 0 on x86_64, but 32-bit tracees do pass the
 * kernel's bit (asm-generic/fcntl.h).
 */
#if defined(__x86_64__) || defined(__i386__)
#define KERNEL_O_LARGEFILE 0100000
#elif defined(__O_LARGEFILE)
#define KERNEL_O_LARGEFILE __O_LARGEFILE
#else
#define KERNEL_O_LARGEFILE 0
#endif

static const struct xlat_pair open_accmode[] = {
	X(O_RDONLY),
	X(O_WRONLY),
	X(O_RDWR),
	X(O_ACCMODE),
};

static const struct xlat_pair open_flags[] = {
/* O_TMPFILE contains O_DIRECTORY and O_SYNC contains O_DSYNC */
#ifdef O_TMPFILE
	X(O_TMPFILE),
#endif
	X(O_SYNC),
	X(O_CREAT),
	X(O_EXCL),
	X(O_NOCTTY),
	X(O_TRUNC),
	X(O_APPEND),
	X(O_NONBLOCK),
	X(O_DSYNC),
	X(O_ASYNC),
	X(O_DIRECT),
#if KERNEL_O_LARGEFILE
	{ KERNEL_O_LARGEFILE, "O_LARGEFILE" },
#endif
	X(O_DIRECTORY),
	X(O_NOFOLLOW),
	X(O_NOATIME),
	X(O_CLOEXEC),
#ifdef O_PATH
	X(O_PATH),
#endif
};

static const struct xlat_pair open_alias[] = {
	X(O_NDELAY),
	X(O_RSYNC),
	X(O_FSYNC),
	{ 020000, "FASYNC" },
};

static const struct xlat_pair prot_flags[] = {
	X(PROT_READ),	   X(PROT_WRITE), X(PROT_EXEC),
#ifdef PROT_SEM
	X(PROT_SEM),
#endif
#ifdef PROT_GROWSDOWN
	X(PROT_GROWSDOWN),
#endif
#ifdef PROT_GROWSUP
	X(PROT_GROWSUP),
#endif
};

static const struct xlat_pair map_type[] = {
	X(MAP_SHARED),
	X(MAP_PRIVATE),
#ifdef MAP_SHARED_VALIDATE
	X(MAP_SHARED_VALIDATE),
#endif
};

static const struct xlat_pair map_flags[] = {
	X(MAP_FIXED),
	X(MAP_ANONYMOUS),
#ifdef MAP_32BIT
	X(MAP_32BIT),
#endif
#ifdef MAP_GROWSDOWN
	X(MAP_GROWSDOWN),
#endif
#ifdef MAP_DENYWRITE
	X(MAP_DENYWRITE),
#endif
#ifdef MAP_EXECUTABLE
	X(MAP_EXECUTABLE),
#endif
#ifdef MAP_LOCKED
	X(MAP_LOCKED),
#endif
#ifdef MAP_NORESERVE
	X(MAP_NORESERVE),
#endif
#ifdef MAP_POPULATE
	X(MAP_POPULATE),
#endif
#ifdef MAP_NONBLOCK
	X(MAP_NONBLOCK),
#endif
#ifdef MAP_STACK
	X(MAP_STACK),
#endif
#ifdef MAP_HUGETLB
	X(MAP_HUGETLB),
#endif
#ifdef MAP_SYNC
	X(MAP_SYNC),
#endif
#ifdef MAP_FIXED_NOREPLACE
	X(MAP_FIXED_NOREPLACE),
#endif
#ifdef MAP_UNINITIALIZED
	X(MAP_UNINITIALIZED),
#endif
};

static const struct xlat_pair map_alias[] = {
	X(MAP_ANON),
#ifdef MAP_FILE
	X(MAP_FILE),
#endif
};

/* Only the families a tracee is likely to use; others print as numbers. */
static const struct xlat_pair af_names[] = {
	X(AF_UNSPEC),  X(AF_UNIX),	X(AF_INET),	 X(AF_AX25),
	X(AF_IPX),     X(AF_APPLETALK), X(AF_NETROM),	 X(AF_BRIDGE),
	X(AF_ATMPVC),  X(AF_X25),	X(AF_INET6),	 X(AF_ROSE),
	X(AF_DECnet),  X(AF_NETBEUI),	X(AF_SECURITY),	 X(AF_KEY),
	X(AF_NETLINK), X(AF_PACKET),	X(AF_ASH),	 X(AF_ECONET),
	X(AF_ATMSVC),  X(AF_RDS),	X(AF_SNA),	 X(AF_IRDA),
	X(AF_PPPOX),   X(AF_WANPIPE),	X(AF_LLC),
#ifdef AF_IB
	X(AF_IB),
#endif
#ifdef AF_MPLS
	X(AF_MPLS),
#endif
	X(AF_CAN),     X(AF_TIPC),	X(AF_BLUETOOTH), X(AF_IUCV),
	X(AF_RXRPC),   X(AF_ISDN),	X(AF_PHONET),	 X(AF_IEEE802154),
#ifdef AF_CAIF
	X(AF_CAIF),
#endif
#ifdef AF_ALG
	X(AF_ALG),
#endif
#ifdef AF_NFC
	X(AF_NFC),
#endif
#ifdef AF_VSOCK
	X(AF_VSOCK),
#endif
#ifdef AF_KCM
	X(AF_KCM),
#endif
#ifdef AF_QIPCRTR
	X(AF_QIPCRTR),
#endif
#ifdef AF_SMC
	X(AF_SMC),
#endif
#ifdef AF_XDP
	X(AF_XDP),
#endif
#ifdef AF_MCTP
	X(AF_MCTP),
#endif
};

static const struct xlat_pair af_alias[] = {
	X(AF_LOCAL), X(AF_FILE),  X(AF_ROUTE),	 X(PF_UNIX),
	X(PF_INET),  X(PF_INET6), X(PF_NETLINK), X(PF_PACKET),
};

static const struct xlat_pair sock_type[] = {
	X(SOCK_STREAM),	   X(SOCK_DGRAM), X(SOCK_RAW),	  X(SOCK_RDM),
	X(SOCK_SEQPACKET), X(SOCK_DCCP),  X(SOCK_PACKET),
};

static const struct xlat_pair sock_flags[] = {
	X(SOCK_NONBLOCK),
	X(SOCK_CLOEXEC),
};

static const struct xlat_pair at_flags[] = {
	X(AT_SYMLINK_NOFOLLOW),
	/* AT_EACCESS (faccessat) shares the bit; unlinkat is far commoner */
	X(AT_REMOVEDIR),
	X(AT_SYMLINK_FOLLOW),
#ifdef AT_NO_AUTOMOUNT
	X(AT_NO_AUTOMOUNT),
#endif
#ifdef AT_EMPTY_PATH
	X(AT_EMPTY_PATH),
#endif
#ifdef AT_STATX_FORCE_SYNC
	X(AT_STATX_FORCE_SYNC),
#endif
#ifdef AT_STATX_DONT_SYNC
	X(AT_STATX_DONT_SYNC),
#endif
#ifdef AT_RECURSIVE
	X(AT_RECURSIVE),
#endif
};

static const struct xlat_pair at_alias[] = {
	X(AT_EACCESS),
#ifdef AT_STATX_SYNC_AS_STAT
	X(AT_STATX_SYNC_AS_STAT),
#endif
};

static const struct xlat_pair clone_flags[] = {
	X(CLONE_VM),
	X(CLONE_FS),
	X(CLONE_FILES),
	X(CLONE_SIGHAND),
#ifdef CLONE_PIDFD
	X(CLONE_PIDFD),
#endif
	X(CLONE_PTRACE),
	X(CLONE_VFORK),
	X(CLONE_PARENT),
	X(CLONE_THREAD),
	X(CLONE_NEWNS),
	X(CLONE_SYSVSEM),
	X(CLONE_SETTLS),
	X(CLONE_PARENT_SETTID),
	X(CLONE_CHILD_CLEARTID),
	X(CLONE_DETACHED),
	X(CLONE_UNTRACED),
	X(CLONE_CHILD_SETTID),
#ifdef CLONE_NEWCGROUP
	X(CLONE_NEWCGROUP),
#endif
	X(CLONE_NEWUTS),
	X(CLONE_NEWIPC),
	X(CLONE_NEWUSER),
	X(CLONE_NEWPID),
	X(CLONE_NEWNET),
	X(CLONE_IO),
#ifdef CLONE_CLEAR_SIGHAND
	X(CLONE_CLEAR_SIGHAND),
#endif
#ifdef CLONE_INTO_CGROUP
	X(CLONE_INTO_CGROUP),
#endif
};

/* Inside the exit-signal byte: only unshare() and clone3() can mean it. */
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif

static const struct xlat_pair clone_alias[] = {
	X(CLONE_NEWTIME),
};

static const struct xlat_pair fcntl_cmds[] = {
	X(F_DUPFD),
	X(F_GETFD),
	X(F_SETFD),
	X(F_GETFL),
	X(F_SETFL),
	X(F_GETLK),
	X(F_SETLK),
	X(F_SETLKW),
	X(F_SETOWN),
	X(F_GETOWN),
	X(F_SETSIG),
	X(F_GETSIG),
	/*
	 * Only 32-bit tasks have these; the x86_64 headers alias them to
	 * F_GETLK and friends.
	 */
	{ 12, "F_GETLK64" },
	{ 13, "F_SETLK64" },
	{ 14, "F_SETLKW64" },
	X(F_SETOWN_EX),
	X(F_GETOWN_EX),
#ifdef F_GETOWNER_UIDS
	X(F_GETOWNER_UIDS),
#endif
#ifdef F_OFD_GETLK
	X(F_OFD_GETLK),
	X(F_OFD_SETLK),
	X(F_OFD_SETLKW),
#endif
	X(F_SETLEASE),
	X(F_GETLEASE),
	X(F_NOTIFY),
#ifdef F_DUPFD_QUERY
	X(F_DUPFD_QUERY),
#endif
#ifdef F_CREATED_QUERY
	X(F_CREATED_QUERY),
#endif
#ifdef F_CANCELLK
	X(F_CANCELLK),
#endif
	X(F_DUPFD_CLOEXEC),
	X(F_SETPIPE_SZ),
	X(F_GETPIPE_SZ),
#ifdef F_ADD_SEALS
	X(F_ADD_SEALS),
	X(F_GET_SEALS),
#endif
#ifdef F_GET_RW_HINT
	X(F_GET_RW_HINT),
	X(F_SET_RW_HINT),
	X(F_GET_FILE_RW_HINT),
	X(F_SET_FILE_RW_HINT),
#endif
};

static const struct xlat_pair msg_flags[] = {
	X(MSG_OOB),	     X(MSG_PEEK),     X(MSG_DONTROUTE), X(MSG_CTRUNC),
	X(MSG_PROXY),	     X(MSG_TRUNC),    X(MSG_DONTWAIT),	X(MSG_EOR),
	X(MSG_WAITALL),	     X(MSG_FIN),      X(MSG_SYN),	X(MSG_CONFIRM),
	X(MSG_RST),	     X(MSG_ERRQUEUE), X(MSG_NOSIGNAL),	X(MSG_MORE),
	X(MSG_WAITFORONE),
#ifdef MSG_BATCH
	X(MSG_BATCH),
#endif
#ifdef MSG_ZEROCOPY
	X(MSG_ZEROCOPY),
#endif
#ifdef MSG_FASTOPEN
	X(MSG_FASTOPEN),
#endif
	X(MSG_CMSG_CLOEXEC),
};

static const struct xlat_pair seek_whence[] = {
	X(SEEK_SET),  X(SEEK_CUR),  X(SEEK_END),
#ifdef SEEK_DATA
	X(SEEK_DATA), X(SEEK_HOLE),
#endif
};

static const struct xlat_pair mremap_flags[] = {
	X(MREMAP_MAYMOVE),
	X(MREMAP_FIXED),
#ifdef MREMAP_DONTUNMAP
	X(MREMAP_DONTUNMAP),
#endif
};

static const struct xlat_pair madvise_advice[] = {
	X(MADV_NORMAL),
	X(MADV_RANDOM),
	X(MADV_SEQUENTIAL),
	X(MADV_WILLNEED),
	X(MADV_DONTNEED),
#ifdef MADV_FREE
	X(MADV_FREE),
#endif
	X(MADV_REMOVE),
	X(MADV_DONTFORK),
	X(MADV_DOFORK),
	X(MADV_MERGEABLE),
	X(MADV_UNMERGEABLE),
	X(MADV_HUGEPAGE),
	X(MADV_NOHUGEPAGE),
	X(MADV_DONTDUMP),
	X(MADV_DODUMP),
#ifdef MADV_WIPEONFORK
	X(MADV_WIPEONFORK),
	X(MADV_KEEPONFORK),
#endif
#ifdef MADV_COLD
	X(MADV_COLD),
	X(MADV_PAGEOUT),
#endif
#ifdef MADV_POPULATE_READ
	X(MADV_POPULATE_READ),
	X(MADV_POPULATE_WRITE),
#endif
#ifdef MADV_DONTNEED_LOCKED
	X(MADV_DONTNEED_LOCKED),
#endif
#ifdef MADV_COLLAPSE
	X(MADV_COLLAPSE),
#endif
	X(MADV_HWPOISON),
#ifdef MADV_SOFT_OFFLINE
	X(MADV_SOFT_OFFLINE),
#endif
#ifdef MADV_GUARD_INSTALL
	X(MADV_GUARD_INSTALL),
	X(MADV_GUARD_REMOVE),
#endif
};

static const struct xlat_pair sigprocmask_how[] = {
	X(SIG_BLOCK),
	X(SIG_UNBLOCK),
	X(SIG_SETMASK),
};

static const struct xlat_pair wait_flags[] = {
	X(WNOHANG),
	/* WSTOPPED (waitid) is the same bit */
	X(WUNTRACED),
	X(WEXITED),
	X(WCONTINUED),
	X(WNOWAIT),
	X(__WNOTHREAD),
	X(__WALL),
	X(__WCLONE),
};

static const struct xlat_pair wait_alias[] = {
	X(WSTOPPED),
};

static const struct xlat_pair access_mode[] = {
	X(R_OK),
	X(W_OK),
	X(X_OK),
};

static const struct xlat_pair shutdown_how[] = {
	X(SHUT_RD),
	X(SHUT_WR),
	X(SHUT_RDWR),
};

static const struct xlat_pair sock_level[] = {
	X(SOL_IP),	  X(SOL_SOCKET), X(SOL_TCP),
	X(SOL_UDP),	  X(SOL_IPV6),	 X(SOL_ICMPV6),
#ifdef SOL_SCTP
	X(SOL_SCTP),
#endif
#ifdef SOL_UDPLITE
	X(SOL_UDPLITE),
#endif
	X(SOL_RAW),
#ifdef SOL_DECNET
	X(SOL_DECNET),
#endif
#ifdef SOL_X25
	X(SOL_X25),
#endif
#ifdef SOL_PACKET
	X(SOL_PACKET),
#endif
#ifdef SOL_ATM
	X(SOL_ATM),
#endif
#ifdef SOL_AAL
	X(SOL_AAL),
#endif
#ifdef SOL_IRDA
	X(SOL_IRDA),
#endif
#ifdef SOL_NETBEUI
	X(SOL_NETBEUI),
#endif
#ifdef SOL_LLC
	X(SOL_LLC),
#endif
#ifdef SOL_DCCP
	X(SOL_DCCP),
#endif
#ifdef SOL_NETLINK
	X(SOL_NETLINK),
#endif
#ifdef SOL_TIPC
	X(SOL_TIPC),
#endif
#ifdef SOL_RXRPC
	X(SOL_RXRPC),
#endif
#ifdef SOL_PPPOL2TP
	X(SOL_PPPOL2TP),
#endif
#ifdef SOL_BLUETOOTH
	X(SOL_BLUETOOTH),
#endif
#ifdef SOL_PNPIPE
	X(SOL_PNPIPE),
#endif
#ifdef SOL_RDS
	X(SOL_RDS),
#endif
#ifdef SOL_IUCV
	X(SOL_IUCV),
#endif
#ifdef SOL_CAIF
	X(SOL_CAIF),
#endif
#ifdef SOL_ALG
	X(SOL_ALG),
#endif
#ifdef SOL_NFC
	X(SOL_NFC),
#endif
#ifdef SOL_KCM
	X(SOL_KCM),
#endif
#ifdef SOL_TLS
	X(SOL_TLS),
#endif
#ifdef SOL_XDP
	X(SOL_XDP),
#endif
#ifdef SOL_MPTCP
	X(SOL_MPTCP),
#endif
#ifdef SOL_MCTP
	X(SOL_MCTP),
#endif
#ifdef SOL_SMC
	X(SOL_SMC),
#endif
};

/*
 * eventfd2, timerfd_create, signalfd4, epoll_create1 and inotify_init1
 * all take O_CLOEXEC and O_NONBLOCK under their own names.
 */
static const struct xlat_pair efd_flags[] = {
	X(EFD_SEMAPHORE),
	X(EFD_NONBLOCK),
	X(EFD_CLOEXEC),
};

static const struct xlat_pair efd_alias[] = {
	X(TFD_NONBLOCK),  X(TFD_CLOEXEC), X(SFD_NONBLOCK),
	X(SFD_CLOEXEC),	  X(IN_NONBLOCK), X(IN_CLOEXEC),
	X(EPOLL_CLOEXEC), X(O_NONBLOCK),  X(O_CLOEXEC),
};

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static const struct xlat_pair close_range_flags[] = {
	X(CLOSE_RANGE_UNSHARE),
	X(CLOSE_RANGE_CLOEXEC),
};

static const struct xlat_pair rename_flags[] = {
#ifdef RENAME_NOREPLACE
	X(RENAME_NOREPLACE),
	X(RENAME_EXCHANGE),
	X(RENAME_WHITEOUT),
#endif
};

static const struct xlat_pair ipproto[] = {
	X(IPPROTO_IP),	     X(IPPROTO_ICMP),	 X(IPPROTO_IGMP),
	X(IPPROTO_IPIP),     X(IPPROTO_TCP),	 X(IPPROTO_EGP),
	X(IPPROTO_PUP),	     X(IPPROTO_UDP),	 X(IPPROTO_IDP),
	X(IPPROTO_TP),	     X(IPPROTO_DCCP),	 X(IPPROTO_IPV6),
	X(IPPROTO_RSVP),     X(IPPROTO_GRE),	 X(IPPROTO_ESP),
	X(IPPROTO_AH),	     X(IPPROTO_ICMPV6),	 X(IPPROTO_MTP),
#ifdef IPPROTO_BEETPH
	X(IPPROTO_BEETPH),
#endif
	X(IPPROTO_ENCAP),    X(IPPROTO_PIM),	 X(IPPROTO_COMP),
#ifdef IPPROTO_L2TP
	X(IPPROTO_L2TP),
#endif
	X(IPPROTO_SCTP),     X(IPPROTO_UDPLITE),
#ifdef IPPROTO_MPLS
	X(IPPROTO_MPLS),
#endif
#ifdef IPPROTO_ETHERNET
	X(IPPROTO_ETHERNET),
#endif
	X(IPPROTO_RAW),
#ifdef IPPROTO_MPTCP
	X(IPPROTO_MPTCP),
#endif
};

#ifndef FUTEX_CMD_MASK
#define FUTEX_CMD_MASK ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)
#endif

static const struct xlat_pair futex_cmds[] = {
	X(FUTEX_WAIT),		 X(FUTEX_WAKE),	       X(FUTEX_FD),
	X(FUTEX_REQUEUE),	 X(FUTEX_CMP_REQUEUE), X(FUTEX_WAKE_OP),
	X(FUTEX_LOCK_PI),	 X(FUTEX_UNLOCK_PI),   X(FUTEX_TRYLOCK_PI),
	X(FUTEX_WAIT_BITSET),	 X(FUTEX_WAKE_BITSET), X(FUTEX_WAIT_REQUEUE_PI),
	X(FUTEX_CMP_REQUEUE_PI),
#ifdef FUTEX_LOCK_PI2
	X(FUTEX_LOCK_PI2),
#endif
};

static const struct xlat_pair futex_flags[] = {
	X(FUTEX_PRIVATE_FLAG),
	X(FUTEX_CLOCK_REALTIME),
};

static const struct xlat_pair prctl_options[] = {
	X(PR_SET_PDEATHSIG),
	X(PR_GET_PDEATHSIG),
	X(PR_GET_DUMPABLE),
	X(PR_SET_DUMPABLE),
	X(PR_GET_UNALIGN),
	X(PR_SET_UNALIGN),
	X(PR_GET_KEEPCAPS),
	X(PR_SET_KEEPCAPS),
	X(PR_GET_FPEMU),
	X(PR_SET_FPEMU),
	X(PR_GET_FPEXC),
	X(PR_SET_FPEXC),
	X(PR_GET_TIMING),
	X(PR_SET_TIMING),
	X(PR_SET_NAME),
	X(PR_GET_NAME),
	X(PR_GET_ENDIAN),
	X(PR_SET_ENDIAN),
	X(PR_GET_SECCOMP),
	X(PR_SET_SECCOMP),
	X(PR_CAPBSET_READ),
	X(PR_CAPBSET_DROP),
	X(PR_GET_TSC),
	X(PR_SET_TSC),
	X(PR_GET_SECUREBITS),
	X(PR_SET_SECUREBITS),
	X(PR_SET_TIMERSLACK),
	X(PR_GET_TIMERSLACK),
	X(PR_TASK_PERF_EVENTS_DISABLE),
	X(PR_TASK_PERF_EVENTS_ENABLE),
	X(PR_MCE_KILL),
	X(PR_MCE_KILL_GET),
	X(PR_SET_MM),
	X(PR_SET_CHILD_SUBREAPER),
	X(PR_GET_CHILD_SUBREAPER),
	X(PR_SET_NO_NEW_PRIVS),
	X(PR_GET_NO_NEW_PRIVS),
	X(PR_GET_TID_ADDRESS),
	X(PR_SET_THP_DISABLE),
	X(PR_GET_THP_DISABLE),
#ifdef PR_MPX_ENABLE_MANAGEMENT
	X(PR_MPX_ENABLE_MANAGEMENT),
	X(PR_MPX_DISABLE_MANAGEMENT),
#endif
#ifdef PR_SET_FP_MODE
	X(PR_SET_FP_MODE),
	X(PR_GET_FP_MODE),
#endif
#ifdef PR_CAP_AMBIENT
	X(PR_CAP_AMBIENT),
#endif
#ifdef PR_SVE_SET_VL
	X(PR_SVE_SET_VL),
	X(PR_SVE_GET_VL),
#endif
#ifdef PR_GET_SPECULATION_CTRL
	X(PR_GET_SPECULATION_CTRL),
	X(PR_SET_SPECULATION_CTRL),
#endif
#ifdef PR_PAC_RESET_KEYS
	X(PR_PAC_RESET_KEYS),
#endif
#ifdef PR_SET_TAGGED_ADDR_CTRL
	X(PR_SET_TAGGED_ADDR_CTRL),
	X(PR_GET_TAGGED_ADDR_CTRL),
#endif
#ifdef PR_SET_IO_FLUSHER
	X(PR_SET_IO_FLUSHER),
	X(PR_GET_IO_FLUSHER),
#endif
#ifdef PR_SET_SYSCALL_USER_DISPATCH
	X(PR_SET_SYSCALL_USER_DISPATCH),
#endif
#ifdef PR_PAC_SET_ENABLED_KEYS
	X(PR_PAC_SET_ENABLED_KEYS),
	X(PR_PAC_GET_ENABLED_KEYS),
#endif
#ifdef PR_SCHED_CORE
	X(PR_SCHED_CORE),
#endif
#ifdef PR_SME_SET_VL
	X(PR_SME_SET_VL),
	X(PR_SME_GET_VL),
#endif
#ifdef PR_SET_MDWE
	X(PR_SET_MDWE),
	X(PR_GET_MDWE),
#endif
#ifdef PR_SET_MEMORY_MERGE
	X(PR_SET_MEMORY_MERGE),
	X(PR_GET_MEMORY_MERGE),
#endif
#ifdef PR_GET_SHADOW_STACK_STATUS
	X(PR_GET_SHADOW_STACK_STATUS),
	X(PR_SET_SHADOW_STACK_STATUS),
	X(PR_LOCK_SHADOW_STACK_STATUS),
#endif
#ifdef PR_SET_VMA
	X(PR_SET_VMA),
#endif
	X(PR_SET_PTRACER),
};

static const struct xlat_pair arch_prctl_codes[] = {
#ifdef ARCH_SET_GS
	X(ARCH_SET_GS),
	X(ARCH_SET_FS),
	X(ARCH_GET_FS),
	X(ARCH_GET_GS),
#endif
#ifdef ARCH_GET_CPUID
	X(ARCH_GET_CPUID),
	X(ARCH_SET_CPUID),
#endif
#ifdef ARCH_GET_XCOMP_SUPP
	X(ARCH_GET_XCOMP_SUPP),
	X(ARCH_GET_XCOMP_PERM),
	X(ARCH_REQ_XCOMP_PERM),
#endif
#ifdef ARCH_GET_XCOMP_GUEST_PERM
	X(ARCH_GET_XCOMP_GUEST_PERM),
	X(ARCH_REQ_XCOMP_GUEST_PERM),
#endif
#ifdef ARCH_MAP_VDSO_X32
	X(ARCH_MAP_VDSO_X32),
	X(ARCH_MAP_VDSO_32),
	X(ARCH_MAP_VDSO_64),
#endif
#ifdef ARCH_GET_UNTAG_MASK
	X(ARCH_GET_UNTAG_MASK),
	X(ARCH_ENABLE_TAGGED_ADDR),
	X(ARCH_GET_MAX_TAG_BITS),
	X(ARCH_FORCE_TAGGED_SVA),
#endif
#ifdef ARCH_SHSTK_ENABLE
	X(ARCH_SHSTK_ENABLE),
	X(ARCH_SHSTK_DISABLE),
	X(ARCH_SHSTK_LOCK),
	X(ARCH_SHSTK_UNLOCK),
	X(ARCH_SHSTK_STATUS),
#endif
};

static const struct xlat_pair rlimits[] = {
	X(RLIMIT_CPU),	    X(RLIMIT_FSIZE),  X(RLIMIT_DATA),
	X(RLIMIT_STACK),    X(RLIMIT_CORE),   X(RLIMIT_RSS),
	X(RLIMIT_NPROC),    X(RLIMIT_NOFILE), X(RLIMIT_MEMLOCK),
	X(RLIMIT_AS),	    X(RLIMIT_LOCKS),  X(RLIMIT_SIGPENDING),
	X(RLIMIT_MSGQUEUE), X(RLIMIT_NICE),   X(RLIMIT_RTPRIO),
	X(RLIMIT_RTTIME),
};

static const struct xlat_pair clock_ids[] = {
	X(CLOCK_REALTIME),
	X(CLOCK_MONOTONIC),
	X(CLOCK_PROCESS_CPUTIME_ID),
	X(CLOCK_THREAD_CPUTIME_ID),
	X(CLOCK_MONOTONIC_RAW),
	X(CLOCK_REALTIME_COARSE),
	X(CLOCK_MONOTONIC_COARSE),
	X(CLOCK_BOOTTIME),
#ifdef CLOCK_REALTIME_ALARM
	X(CLOCK_REALTIME_ALARM),
	X(CLOCK_BOOTTIME_ALARM),
#endif
#ifdef CLOCK_TAI
	X(CLOCK_TAI),
#endif
};

static const struct xlat_pair epoll_ctl_ops[] = {
	X(EPOLL_CTL_ADD),
	X(EPOLL_CTL_DEL),
	X(EPOLL_CTL_MOD),
};

static const struct xlat_pair grnd_flags[] = {
	X(GRND_NONBLOCK),
	X(GRND_RANDOM),
#ifdef GRND_INSECURE
	X(GRND_INSECURE),
#endif
};

static const struct xlat_pair memfd_flags[] = {
	X(MFD_CLOEXEC),	    X(MFD_ALLOW_SEALING), X(MFD_HUGETLB),
#ifdef MFD_NOEXEC_SEAL
	X(MFD_NOEXEC_SEAL),
#endif
#ifdef MFD_EXEC
	X(MFD_EXEC),
#endif
};

static const struct xlat_pair pipe_flags[] = {
	X(O_NONBLOCK),
	X(O_DIRECT),
	X(O_CLOEXEC),
	/* linux/watch_queue.h reuses O_EXCL for pipe2() */
	{ O_EXCL, "O_NOTIFICATION_PIPE" },
};

/* ---- compendium tables ----------------------------------------------- */

static const struct xlat_pair proc_ops[] = {
	{ CPD_PROC_SPAWN_PROCESS, "spawn_process" },
	{ CPD_PROC_SPAWN_THREAD, "spawn_thread" },
	{ CPD_PROC_EXEC, "exec" },
	{ CPD_PROC_EXIT, "exit" },
	{ CPD_PROC_ATTACH, "attach" },
	{ CPD_PROC_DETACH, "detach" },
	{ CPD_PROC_START, "start" },
};

static const struct xlat_pair file_ops[] = {
	{ CPD_FILE_OPEN, "open" },
	{ CPD_FILE_OPEN_FAILED, "open_failed" },
	{ CPD_FILE_READ, "read" },
	{ CPD_FILE_WRITE, "write" },
	{ CPD_FILE_CLOSE, "close" },
	{ CPD_FILE_COPY, "copy" },
	{ CPD_FILE_SENDFILE, "sendfile" },
	{ CPD_FILE_SPLICE, "splice" },
};

static const struct xlat_pair net_ops[] = {
	{ CPD_NET_SOCKET, "socket" },
	{ CPD_NET_CONNECT, "connect" },
	{ CPD_NET_ACCEPT, "accept" },
	{ CPD_NET_BIND, "bind" },
	{ CPD_NET_LISTEN, "listen" },
	{ CPD_NET_SEND, "send" },
	{ CPD_NET_RECV, "recv" },
	{ CPD_NET_CLOSE, "close" },
	{ CPD_NET_SHUTDOWN, "shutdown" },
	{ CPD_NET_CONNECT_FAILED, "connect_failed" },
};

static const struct xlat_pair mmap_ops[] = {
	{ CPD_MMAP_BRK, "brk" },	  { CPD_MMAP_MAP, "mmap" },
	{ CPD_MMAP_UNMAP, "munmap" },	  { CPD_MMAP_REMAP, "mremap" },
	{ CPD_MMAP_PROTECT, "mprotect" },
};

static const struct xlat_pair regions[] = {
	{ CPD_REGION_UNKNOWN, "unknown" }, { CPD_REGION_HEAP, "heap" },
	{ CPD_REGION_ANON, "anon" },	   { CPD_REGION_FILE, "file" },
	{ CPD_REGION_STACK, "stack" },
};

static const struct xlat_pair sched_ops[] = {
	{ CPD_SCHED_WAKEUP, "wakeup" },
	{ CPD_SCHED_PREEMPT, "preempt" },
	{ CPD_SCHED_NEW, "new" },
};

static const struct xlat_pair blkio_ops[] = {
	{ CPD_BLKIO_READ, "read" },   { CPD_BLKIO_WRITE, "write" },
	{ CPD_BLKIO_FLUSH, "flush" }, { CPD_BLKIO_DISCARD, "discard" },
	{ CPD_BLKIO_OTHER, "other" },
};

static const struct xlat_pair fd_kinds[] = {
	{ CPD_FD_UNKNOWN, "unknown" }, { CPD_FD_FILE, "file" },
	{ CPD_FD_DIR, "dir" },	       { CPD_FD_SOCKET, "socket" },
	{ CPD_FD_PIPE, "pipe" },       { CPD_FD_EVENTFD, "eventfd" },
	{ CPD_FD_TIMERFD, "timerfd" }, { CPD_FD_SIGNALFD, "signalfd" },
	{ CPD_FD_MEMFD, "memfd" },     { CPD_FD_EPOLL, "epoll" },
	{ CPD_FD_INOTIFY, "inotify" }, { CPD_FD_PIDFD, "pidfd" },
	{ CPD_FD_TTY, "tty" },	       { CPD_FD_DEVICE, "device" },
	{ CPD_FD_OTHER, "other" },
};

static const struct xlat_pair event_kinds[] = {
	{ CPD_EV_SYSCALL, "syscall" }, { CPD_EV_PROC, "proc" },
	{ CPD_EV_FILE, "file" },       { CPD_EV_NET, "net" },
	{ CPD_EV_MMAP, "mmap" },       { CPD_EV_FAULT, "fault" },
	{ CPD_EV_SCHED, "sched" },     { CPD_EV_BLKIO, "blkio" },
	{ CPD_EV_LOST, "lost" },       { CPD_EV_REPORT, "report" },
	{ CPD_EV_NOTICE, "notice" },   { CPD_EV_FINDING, "finding" },
	{ CPD_EV_NOTICE, "notice" },   { CPD_EV_DNS, "dns" },
};

static const struct xlat_pair proc_flags[] = {
	{ CPD_PROCF_ROOT, "root" },
	{ CPD_PROCF_CORE_DUMPED, "core_dumped" },
	{ CPD_PROCF_LEADER, "leader" },
	{ CPD_PROCF_VFORK, "vfork" },
	{ CPD_PROCF_GROUP_EXIT, "group_exit" },
	{ CPD_PROCF_CPU_TIME, "cpu_time" },
	{ CPD_PROCF_RUNQ, "runq" },
};

static const struct xlat_pair file_flags[] = {
	{ CPD_FILEF_WRITABLE, "writable" },
	{ CPD_FILEF_READABLE, "readable" },
	{ CPD_FILEF_CREATED, "created" },
	{ CPD_FILEF_TO_NETWORK, "to_network" },
	{ CPD_FILEF_HIDDEN, "hidden" },
	{ CPD_FILEF_PROBE, "probe" },
};

static const struct xlat_pair net_flags[] = {
	{ CPD_NETF_LOOPBACK, "loopback" },
	{ CPD_NETF_INPROGRESS, "inprogress" },
	{ CPD_NETF_LOCAL_IPC, "local_ipc" },
	{ CPD_NETF_HIDDEN, "hidden" },
};

static const struct xlat_pair mmap_flags[] = {
	{ CPD_MMAPF_ANON, "anon" },	{ CPD_MMAPF_SHARED, "shared" },
	{ CPD_MMAPF_FIXED, "fixed" },	{ CPD_MMAPF_STACK, "stack" },
	{ CPD_MMAPF_HIDDEN, "hidden" },
};

static const struct xlat_pair severities[] = {
	{ CPD_SEV_INFO, "info" },
	{ CPD_SEV_NOTICE, "notice" },
	{ CPD_SEV_WARNING, "warning" },
	{ CPD_SEV_ERROR, "error" },
};

static const struct xlat_pair finding_flags[] = {
	{ CPD_FINDF_COLLAPSED, "collapsed" },
	{ CPD_FINDF_PARTIAL, "partial" },
};

static const struct xlat_pair fault_flags[] = {
	{ CPD_FAULTF_MAJOR, "major" },
};

static const struct xlat_pair dns_ops[] = {
	{ CPD_DNS_ANSWER, "answer" },
	{ CPD_DNS_TIMEOUT, "timeout" },
	{ CPD_DNS_MALFORMED, "malformed" },
};

static const struct xlat_pair dns_flags[] = {
	{ CPD_DNSF_TCP, "tcp" },
	{ CPD_DNSF_TRUNCATED, "truncated" },
	{ CPD_DNSF_SENT, "sent" },
	{ CPD_DNSF_EDNS, "edns" },
	{ CPD_DNSF_AUTHORITY, "authority" },
};

/* sysent_class_bit() and sysent_class_name() read this table too. */
static const struct xlat_pair sc_classes[] = {
	{ CPD_SC_FILE, "file" },       { CPD_SC_DESC, "desc" },
	{ CPD_SC_NETWORK, "network" }, { CPD_SC_MEMORY, "memory" },
	{ CPD_SC_PROCESS, "process" }, { CPD_SC_SIGNAL, "signal" },
	{ CPD_SC_IPC, "ipc" },	       { CPD_SC_CREDS, "creds" },
	{ CPD_SC_CLOCK, "clock" },     { CPD_SC_STAT, "stat" },
	{ CPD_SC_FDLIFE, "fdlife" },   { CPD_SC_READ, "read" },
	{ CPD_SC_WRITE, "write" },
};

/* ---- the index ------------------------------------------------------- */

#define PAIRS(a)    .pairs = (a), .npairs = ARRAY_SIZE(a)
#define FIELD(m, a) .field_mask = (m), .field = (a), .nfield = ARRAY_SIZE(a)
#define ALIAS(a)    .alias = (a), .nalias = ARRAY_SIZE(a)
#define ENUM(a)                            \
	{                                  \
		.style = XS_ENUM, PAIRS(a) \
	}
#define FLAGS(a)                            \
	{                                   \
		.style = XS_FLAGS, PAIRS(a) \
	}

#ifdef MAP_HUGE_SHIFT
#define HUGE_SHIFT MAP_HUGE_SHIFT
#else
#define HUGE_SHIFT 26 /* asm-generic/hugetlb_encode.h */
#endif
#define HUGE_MASK UINT64_C(0x3f)

static const struct xlat_table tables[] = {
	[CPD_XLAT_OPEN_FLAGS] = {
		.style = XS_FLAGS, PAIRS(open_flags),
		FIELD(O_ACCMODE, open_accmode), .field_always = 1,
		ALIAS(open_alias),
	},
	[CPD_XLAT_PROT] = {
		.style = XS_FLAGS, PAIRS(prot_flags), .zero = "PROT_NONE",
	},
	[CPD_XLAT_MAP_FLAGS] = {
		.style = XS_FLAGS, PAIRS(map_flags),
		FIELD(MAP_TYPE, map_type), ALIAS(map_alias),
#ifdef MAP_HUGETLB
		.huge_flag = MAP_HUGETLB, .huge_prefix = "MAP_HUGE_",
#endif
	},
	[CPD_XLAT_AF] = { .style = XS_ENUM, PAIRS(af_names), ALIAS(af_alias) },
	[CPD_XLAT_SOCK_TYPE] = {
		.style = XS_FLAGS, PAIRS(sock_flags),
		FIELD(0xf, sock_type),
	},
	[CPD_XLAT_AT_FLAGS] = {
		.style = XS_FLAGS, PAIRS(at_flags), ALIAS(at_alias),
	},
	[CPD_XLAT_CLONE_FLAGS] = {
		.style = XS_FLAGS, PAIRS(clone_flags), .clone_signal = 1,
		ALIAS(clone_alias),
	},
	[CPD_XLAT_FCNTL_CMD] = ENUM(fcntl_cmds),
	[CPD_XLAT_MSG_FLAGS] = FLAGS(msg_flags),
	[CPD_XLAT_PROC_OP] = ENUM(proc_ops),
	[CPD_XLAT_FILE_OP] = ENUM(file_ops),
	[CPD_XLAT_NET_OP] = ENUM(net_ops),
	[CPD_XLAT_MMAP_OP] = ENUM(mmap_ops),
	[CPD_XLAT_REGION] = ENUM(regions),
	[CPD_XLAT_SCHED_OP] = ENUM(sched_ops),
	[CPD_XLAT_BLKIO_OP] = ENUM(blkio_ops),
	[CPD_XLAT_FD_KIND] = ENUM(fd_kinds),
	[CPD_XLAT_EVENT_KIND] = ENUM(event_kinds),
	[CPD_XLAT_SEEK_WHENCE] = ENUM(seek_whence),
	[CPD_XLAT_MREMAP_FLAGS] = FLAGS(mremap_flags),
	[CPD_XLAT_MADVISE] = ENUM(madvise_advice),
	[CPD_XLAT_SIGPROCMASK] = ENUM(sigprocmask_how),
	[CPD_XLAT_WAIT_FLAGS] = {
		.style = XS_FLAGS, PAIRS(wait_flags), ALIAS(wait_alias),
	},
	[CPD_XLAT_ACCESS_MODE] = {
		.style = XS_FLAGS, PAIRS(access_mode), .zero = "F_OK",
	},
	[CPD_XLAT_SHUTDOWN] = ENUM(shutdown_how),
	[CPD_XLAT_SOCK_LEVEL] = ENUM(sock_level),
	[CPD_XLAT_EFD_FLAGS] = {
		.style = XS_FLAGS, PAIRS(efd_flags), ALIAS(efd_alias),
	},
	[CPD_XLAT_PROC_FLAGS] = FLAGS(proc_flags),
	[CPD_XLAT_FILE_FLAGS] = FLAGS(file_flags),
	[CPD_XLAT_NET_FLAGS] = FLAGS(net_flags),
	[CPD_XLAT_MMAP_FLAGS] = FLAGS(mmap_flags),
	[CPD_XLAT_SC_CLASS] = FLAGS(sc_classes),
	[CPD_XLAT_CLOSE_RANGE] = FLAGS(close_range_flags),
	[CPD_XLAT_RENAME_FLAGS] = FLAGS(rename_flags),
	[CPD_XLAT_IPPROTO] = ENUM(ipproto),
	[CPD_XLAT_FUTEX_OP] = {
		.style = XS_FLAGS, PAIRS(futex_flags),
		FIELD((uint32_t)FUTEX_CMD_MASK, futex_cmds),
		.field_always = 1,
	},
	[CPD_XLAT_PRCTL] = ENUM(prctl_options),
	[CPD_XLAT_ARCH_PRCTL] = ENUM(arch_prctl_codes),
	[CPD_XLAT_RLIMIT] = ENUM(rlimits),
	[CPD_XLAT_CLOCK_ID] = ENUM(clock_ids),
	[CPD_XLAT_EPOLL_CTL] = ENUM(epoll_ctl_ops),
	[CPD_XLAT_GRND_FLAGS] = FLAGS(grnd_flags),
	/* reserved by the SDK: every bit prints in hex */
	[CPD_XLAT_BLKIO_FLAGS] = { .style = XS_FLAGS },
	[CPD_XLAT_FAULT_FLAGS] = FLAGS(fault_flags),
	[CPD_XLAT_MEMFD_FLAGS] = {
		.style = XS_FLAGS, PAIRS(memfd_flags),
		.huge_flag = MFD_HUGETLB, .huge_prefix = "MFD_HUGE_",
	},
	[CPD_XLAT_PIPE_FLAGS] = FLAGS(pipe_flags),
	[CPD_XLAT_SIGNAL] = { .style = XS_SIGNAL },
	[CPD_XLAT_SEVERITY] = ENUM(severities),
	[CPD_XLAT_FINDING_FLAGS] = FLAGS(finding_flags),
	[CPD_XLAT_DNS_OP] = ENUM(dns_ops),
	[CPD_XLAT_DNS_FLAGS] = FLAGS(dns_flags),
};

static const struct xlat_table *table_of(uint32_t xlat)
{
	if (xlat >= ARRAY_SIZE(tables) || !tables[xlat].style)
		return NULL;
	return &tables[xlat];
}

static const char *pair_name(const struct xlat_pair *p, size_t n, uint64_t val)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].val == val)
			return p[i].name;
	return NULL;
}

/* ---- errnos and signals ---------------------------------------------- */

#define E(e) [e] = #e

static const char *const errno_names[] = {
	E(EPERM),
	E(ENOENT),
	E(ESRCH),
	E(EINTR),
	E(EIO),
	E(ENXIO),
	E(E2BIG),
	E(ENOEXEC),
	E(EBADF),
	E(ECHILD),
	E(EAGAIN),
	E(ENOMEM),
	E(EACCES),
	E(EFAULT),
	E(ENOTBLK),
	E(EBUSY),
	E(EEXIST),
	E(EXDEV),
	E(ENODEV),
	E(ENOTDIR),
	E(EISDIR),
	E(EINVAL),
	E(ENFILE),
	E(EMFILE),
	E(ENOTTY),
	E(ETXTBSY),
	E(EFBIG),
	E(ENOSPC),
	E(ESPIPE),
	E(EROFS),
	E(EMLINK),
	E(EPIPE),
	E(EDOM),
	E(ERANGE),
	E(EDEADLK),
	E(ENAMETOOLONG),
	E(ENOLCK),
	E(ENOSYS),
	E(ENOTEMPTY),
	E(ELOOP),
	E(ENOMSG),
	E(EIDRM),
	E(ECHRNG),
	E(EL2NSYNC),
	E(EL3HLT),
	E(EL3RST),
	E(ELNRNG),
	E(EUNATCH),
	E(ENOCSI),
	E(EL2HLT),
	E(EBADE),
	E(EBADR),
	E(EXFULL),
	E(ENOANO),
	E(EBADRQC),
	E(EBADSLT),
	E(EBFONT),
	E(ENOSTR),
	E(ENODATA),
	E(ETIME),
	E(ENOSR),
	E(ENONET),
	E(ENOPKG),
	E(EREMOTE),
	E(ENOLINK),
	E(EADV),
	E(ESRMNT),
	E(ECOMM),
	E(EPROTO),
	E(EMULTIHOP),
	E(EDOTDOT),
	E(EBADMSG),
	E(EOVERFLOW),
	E(ENOTUNIQ),
	E(EBADFD),
	E(EREMCHG),
	E(ELIBACC),
	E(ELIBBAD),
	E(ELIBSCN),
	E(ELIBMAX),
	E(ELIBEXEC),
	E(EILSEQ),
	E(ERESTART),
	E(ESTRPIPE),
	E(EUSERS),
	E(ENOTSOCK),
	E(EDESTADDRREQ),
	E(EMSGSIZE),
	E(EPROTOTYPE),
	E(ENOPROTOOPT),
	E(EPROTONOSUPPORT),
	E(ESOCKTNOSUPPORT),
	E(EOPNOTSUPP),
	E(EPFNOSUPPORT),
	E(EAFNOSUPPORT),
	E(EADDRINUSE),
	E(EADDRNOTAVAIL),
	E(ENETDOWN),
	E(ENETUNREACH),
	E(ENETRESET),
	E(ECONNABORTED),
	E(ECONNRESET),
	E(ENOBUFS),
	E(EISCONN),
	E(ENOTCONN),
	E(ESHUTDOWN),
	E(ETOOMANYREFS),
	E(ETIMEDOUT),
	E(ECONNREFUSED),
	E(EHOSTDOWN),
	E(EHOSTUNREACH),
	E(EALREADY),
	E(EINPROGRESS),
	E(ESTALE),
	E(EUCLEAN),
	E(ENOTNAM),
	E(ENAVAIL),
	E(EISNAM),
	E(EREMOTEIO),
	E(EDQUOT),
	E(ENOMEDIUM),
	E(EMEDIUMTYPE),
	E(ECANCELED),
	E(ENOKEY),
	E(EKEYEXPIRED),
	E(EKEYREVOKED),
	E(EKEYREJECTED),
#ifdef EOWNERDEAD
	E(EOWNERDEAD),
	E(ENOTRECOVERABLE),
#endif
#ifdef ERFKILL
	E(ERFKILL),
#endif
#ifdef EHWPOISON
	E(EHWPOISON),
#endif
};

/*
 * include/linux/errno.h: never returned to user space, but a tracer sees
 * them in the return register when a signal interrupts a syscall.
 */
static const char *const restart_names[] = {
	"ERESTARTSYS", /* 512 */
	"ERESTARTNOINTR", "ERESTARTNOHAND",
	"ENOIOCTLCMD",	  "ERESTART_RESTARTBLOCK", /* 516 */
};
#define RESTART_FIRST 512

const char *xlat_errno_name(int err)
{
	if (err > 0 && (size_t)err < ARRAY_SIZE(errno_names))
		return errno_names[err];
	if (err >= RESTART_FIRST &&
	    (size_t)(err - RESTART_FIRST) < ARRAY_SIZE(restart_names))
		return restart_names[err - RESTART_FIRST];
	return NULL;
}

#define S(s) [s] = #s

static const char *const signal_names[] = {
	S(SIGHUP),    S(SIGINT),   S(SIGQUIT), S(SIGILL),  S(SIGTRAP),
	S(SIGABRT),   S(SIGBUS),   S(SIGFPE),  S(SIGKILL), S(SIGUSR1),
	S(SIGSEGV),   S(SIGUSR2),  S(SIGPIPE), S(SIGALRM), S(SIGTERM),
#ifdef SIGSTKFLT
	S(SIGSTKFLT),
#endif
	S(SIGCHLD),   S(SIGCONT),  S(SIGSTOP), S(SIGTSTP), S(SIGTTIN),
	S(SIGTTOU),   S(SIGURG),   S(SIGXCPU), S(SIGXFSZ), S(SIGVTALRM),
	S(SIGPROF),   S(SIGWINCH), S(SIGIO),   S(SIGPWR),  S(SIGSYS),
};

/*
 * The kernel's SIGRTMIN, not glibc's (which hides the two it keeps for
 * itself): a tracer sees raw numbers.
 */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

static const char *const rt_names[] = {
	"SIGRTMIN", "SIGRT_1",	"SIGRT_2",  "SIGRT_3",	"SIGRT_4",  "SIGRT_5",
	"SIGRT_6",  "SIGRT_7",	"SIGRT_8",  "SIGRT_9",	"SIGRT_10", "SIGRT_11",
	"SIGRT_12", "SIGRT_13", "SIGRT_14", "SIGRT_15", "SIGRT_16", "SIGRT_17",
	"SIGRT_18", "SIGRT_19", "SIGRT_20", "SIGRT_21", "SIGRT_22", "SIGRT_23",
	"SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27", "SIGRT_28", "SIGRT_29",
	"SIGRT_30", "SIGRT_31", "SIGRT_32",
};

_Static_assert(ARRAY_SIZE(rt_names) == KERNEL_SIGRTMAX - KERNEL_SIGRTMIN + 1,
	       "one name per realtime signal");

const char *xlat_signal_name(int sig)
{
	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signal_names))
		return signal_names[sig];
	if (sig >= KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX)
		return rt_names[sig - KERNEL_SIGRTMIN];
	return NULL;
}

/* ---- formatting ------------------------------------------------------ */

/* An snprintf-style sink: counts what would be written past the end. */
struct obuf {
	char *buf;
	size_t size;
	size_t len;
	unsigned items;
};

static void ob_put(struct obuf *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - o->len;

		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void ob_str(struct obuf *o, const char *s)
{
	ob_put(o, s, strlen(s));
}

/* One '|'-separated item of a flag set. */
static void ob_item(struct obuf *o, const char *s)
{
	if (o->items++)
		ob_put(o, "|", 1);
	ob_str(o, s);
}

enum num_style { NUM_DEC, NUM_NEG, NUM_HEX };

static void ob_num(struct obuf *o, enum num_style style, uint64_t v)
{
	char tmp[32];

	switch (style) {
	case NUM_NEG:
		snprintf(tmp, sizeof(tmp), "-%llu", (unsigned long long)v);
		break;
	case NUM_HEX:
		snprintf(tmp, sizeof(tmp), "0x%llx", (unsigned long long)v);
		break;
	default:
		snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long)v);
		break;
	}
	ob_item(o, tmp);
}

static size_t ob_finish(struct obuf *o)
{
	if (o->size)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return o->len;
}

static void fmt_decimal(struct obuf *o, uint64_t v)
{
	/* negative ints (-1, other tasks' clock ids) read better signed */
	if ((int64_t)v < 0)
		ob_num(o, NUM_NEG, -v);
	else
		ob_num(o, NUM_DEC, v);
}

/* "MAP_HUGE_2MB": the page size is log2-encoded above HUGE_SHIFT. */
static void fmt_huge(struct obuf *o, const char *prefix, unsigned shift)
{
	static const char units[] = "KMGTPE";
	char tmp[48];
	unsigned u = 0;

	shift -= 10;
	while (shift >= 10 && u + 1 < sizeof(units) - 1) {
		shift -= 10;
		u++;
	}
	snprintf(tmp, sizeof(tmp), "%s%llu%cB", prefix, 1ULL << shift,
		 units[u]);
	ob_item(o, tmp);
}

static void fmt_flags(const struct xlat_table *t, uint64_t v, struct obuf *o)
{
	uint64_t left = v;
	unsigned huge = 0;
	uint64_t sig = 0;

	if (t->field_mask) {
		uint64_t f = v & t->field_mask;

		left &= ~t->field_mask;
		if (f || t->field_always) {
			const char *name = pair_name(t->field, t->nfield, f);

			if (name)
				ob_item(o, name);
			else
				ob_num(o, NUM_DEC, f);
		}
	}
	if (t->huge_flag && (v & t->huge_flag)) {
		huge = (unsigned)((v >> HUGE_SHIFT) & HUGE_MASK);
		/* below 1 KiB it is no page size: leave the bits in hex */
		if (huge >= 10)
			left &= ~(HUGE_MASK << HUGE_SHIFT);
		else
			huge = 0;
	}
	if (t->clone_signal) {
		sig = left & 0xff;
		left &= ~UINT64_C(0xff);
	}
	for (size_t i = 0; i < t->npairs; i++) {
		uint64_t b = t->pairs[i].val;

		if (b && (left & b) == b) {
			ob_item(o, t->pairs[i].name);
			left &= ~b;
		}
	}
	if (huge)
		fmt_huge(o, t->huge_prefix, huge);
	if (sig) {
		const char *name;

		/* signals stop at 64, so the top bit can only be this */
		if (sig & CLONE_NEWTIME) {
			ob_item(o, "CLONE_NEWTIME");
			sig &= ~(uint64_t)CLONE_NEWTIME;
		}
		name = sig ? xlat_signal_name((int)sig) : NULL;
		if (name)
			ob_item(o, name);
		else if (sig)
			ob_num(o, NUM_DEC, sig);
	}
	if (left)
		ob_num(o, NUM_HEX, left);
	if (!o->items)
		ob_item(o, t->zero ? t->zero : "0");
}

size_t xlat_format(uint32_t xlat, uint64_t value, char *buf, size_t size)
{
	const struct xlat_table *t = table_of(xlat);
	struct obuf o = { .buf = buf, .size = size };
	const char *name;

	if (!t) {
		fmt_decimal(&o, value);
		return ob_finish(&o);
	}
	switch (t->style) {
	case XS_FLAGS:
		fmt_flags(t, value, &o);
		break;
	case XS_SIGNAL:
		name = value <= INT32_MAX ? xlat_signal_name((int)value) : NULL;
		if (name)
			ob_str(&o, name);
		else
			fmt_decimal(&o, value);
		break;
	default:
		name = pair_name(t->pairs, t->npairs, value);
		if (name)
			ob_str(&o, name);
		else
			fmt_decimal(&o, value);
		break;
	}
	return ob_finish(&o);
}

const char *xlat_name(uint32_t xlat, uint64_t value)
{
	const struct xlat_table *t = table_of(xlat);
	const char *name;

	if (!t)
		return NULL;
	switch (t->style) {
	case XS_SIGNAL:
		return value <= INT32_MAX ? xlat_signal_name((int)value) : NULL;
	case XS_FLAGS:
		if (t->field_mask && !(value & ~t->field_mask) &&
		    (value || t->field_always))
			return pair_name(t->field, t->nfield, value);
		if (!value)
			return t->zero;
		name = pair_name(t->pairs, t->npairs, value);
		if (!name && t->clone_signal && value == CLONE_NEWTIME)
			return "CLONE_NEWTIME";
		return name;
	default:
		return pair_name(t->pairs, t->npairs, value);
	}
}

/* ---- parsing --------------------------------------------------------- */

static int parse_number(const char *s, size_t n, uint64_t *value)
{
	char tmp[32];
	char *end;
	int neg = 0;

	if (!n || n >= sizeof(tmp))
		return -ENOENT;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (tmp[0] == '-')
		neg = 1;
	else if (tmp[0] < '0' || tmp[0] > '9')
		return -ENOENT;
	errno = 0;
	*value = strtoull(tmp + neg, &end, 0);
	if (errno || *end || end == tmp + neg)
		return -ENOENT;
	if (neg)
		*value = -*value;
	return 0;
}

static int parse_pairs(const struct xlat_pair *p, size_t np, const char *s,
		       size_t n, uint64_t *value)
{
	for (size_t i = 0; i < np; i++)
		if (strlen(p[i].name) == n && !strncasecmp(p[i].name, s, n)) {
			*value = p[i].val;
			return 0;
		}
	return -ENOENT;
}

static int parse_signal(const char *s, size_t n, uint64_t *value)
{
	uint64_t off;

	for (int sig = 1; sig <= KERNEL_SIGRTMAX; sig++) {
		const char *name = xlat_signal_name(sig);

		if (name && strlen(name) == n && !strncasecmp(name, s, n)) {
			*value = (uint64_t)sig;
			return 0;
		}
	}
	/* glibc's spelling: SIGRTMIN+3 counts from the kernel's 32 here */
	if (n > 9 && !strncasecmp(s, "SIGRTMIN+", 9) &&
	    !parse_number(s + 9, n - 9, &off) &&
	    off <= KERNEL_SIGRTMAX - KERNEL_SIGRTMIN) {
		*value = KERNEL_SIGRTMIN + off;
		return 0;
	}
	return parse_number(s, n, value);
}

static int parse_one(const struct xlat_table *t, const char *s, size_t n,
		     uint64_t *value)
{
	if (t->style == XS_SIGNAL)
		return parse_signal(s, n, value);
	if (!parse_number(s, n, value))
		return 0;
	if (!parse_pairs(t->pairs, t->npairs, s, n, value))
		return 0;
	if (!parse_pairs(t->field, t->nfield, s, n, value))
		return 0;
	if (!parse_pairs(t->alias, t->nalias, s, n, value))
		return 0;
	if (t->zero && strlen(t->zero) == n && !strncasecmp(t->zero, s, n)) {
		*value = 0;
		return 0;
	}
	/* clone(): the exit signal is part of the flags */
	if (t->clone_signal && !parse_signal(s, n, value) && *value <= 0xff)
		return 0;
	return -ENOENT;
}

int xlat_parse(uint32_t xlat, const char *name, uint64_t *value)
{
	const struct xlat_table *t = table_of(xlat);
	uint64_t acc = 0;
	const char *p;

	if (!t || !name)
		return -ENOENT;
	p = name;
	for (;;) {
		const char *end = t->style == XS_FLAGS ? strchr(p, '|') : NULL;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		uint64_t v;

		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (parse_one(t, p, n, &v))
			return -ENOENT;
		acc |= v;
		if (!end)
			break;
		p = end + 1;
	}
	*value = acc;
	return 0;
}
