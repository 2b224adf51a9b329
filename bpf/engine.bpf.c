// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's kernel side: it follows the traced processes and
 * sends what the core's decoder needs of the syscalls they make, without
 * ever stopping them.
 *
 * Process following. A bitmap indexed by tgid says who is traced. The
 * core sets the command's bit before the command runs (it waits on a
 * pipe until then) or the attached process' bit; task_newtask sets a new
 * process' bit in the parent, before the child can run, so a child's
 * first syscall is already traced; sched_process_exit clears it when the
 * last task of a group is gone. The bitmap is an array map sized from
 * pid_max: its lookup is inlined, cheaper than a hash on the hot path,
 * and every syscall on the machine pays that lookup while we are loaded.
 *
 * Syscalls. One program at sys_exit: the registers still hold the
 * arguments (orig_ax the number), and the kernel has already faulted in
 * the memory the call read, so paths read here do not fail the way they
 * can at entry. A table the core fills per syscall number says whether a
 * call is wanted (the same set the ptrace engine's seccomp filter stops
 * for) and what to copy of each argument. The record is built in a
 * per-CPU scratch buffer and sent with its real length, without waking
 * the reader for each record: it drains on a timer, or as soon as
 * wakeup_bytes are waiting.
 *
 * Exceptions, as the kernel has them: execve's exit has the new image's
 * registers (the exec record carries the program and its arguments);
 * exit and exit_group never return (sched_process_exit says it); a call
 * interrupted by a signal exits with -ERESTART* (made again, or EINTR
 * once the handler ran) and is shown with it, as under ptrace;
 * rt_sigreturn exits with orig_ax -1.
 */
#include "kernel.h"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "engine_records.h"

char LICENSE[] SEC("license") = "GPL";

/* Set by the loader before load; read-only afterwards. */
const volatile __u32 str_limit = 32; /* CPD_ENG_CAP_STR, <= 4096 */
const volatile __u32 buf_limit = 0;  /* CPD_ENG_CAP_BUF_*, <= 4096 */
const volatile __u64 wakeup_bytes = 64 << 10;
/* a plugin needs durations: eng_sys_enter times every traced call */
const volatile bool timed = false;
/* payload_rules has entries: data calls on sockets are looked at */
const volatile bool payloads = false;
/* eng_sys_enter is attached (timed, or a sigreturn is sent) */
const volatile bool entries = false;

/* The syscall in progress of a task, as eng_sys_enter saw it begin. */
struct eng_enter {
	__u64 ns;   /* 0: taken by its exit */
	__u64 runq; /* the task's run_delay then */
	__u32 key;  /* its eng_spec index */
	__u32 pad;
};

/*
 * Task storage, not a map keyed by tid: no entry to delete, none left
 * behind by a task that dies in a call.
 */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct eng_enter);
} enter SEC(".maps");

/*
 * One bit per tgid; max_entries set from pid_max by the loader, which
 * maps it to set and clear bits with atomics, as the programs do.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 512);
	__type(key, __u32);
	__type(value, __u64);
} tgid_bits SEC(".maps");

/*
 * What to do per syscall: [0, NR_MAX) native, [NR_MAX, 2 NR_MAX) i386.
 * A global, so a lookup is a load; the core fills it before attaching.
 */
struct cpd_eng_spec eng_spec[2 * CPD_ENG_NR_MAX];

/* io_uring: per opcode, the summed syscall it counts as (nr + 1); 0 none */
__u32 eng_uring_op[CPD_ENG_URING_OPS];

/* io_uring requests in flight: submitted by a traced process, not done */
struct eng_ureq {
	__u32 tgid;
	__u32 key; /* slot key, with CPD_ENG_SLOT_URING */
	__s32 fd;  /* or the index into the registered files */
	__u32 fixed;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct eng_ureq);
} ureq SEC(".maps");

/* Resized by the loader before load. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
} events SEC(".maps");

/* Sums per process and fd: see engine_records.h. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 65536);
	__type(key, struct cpd_eng_iokey);
	__type(value, struct cpd_eng_ioval);
} iosum SEC(".maps");

/* Payload rules: see engine_records.h. Filled before attaching. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, CPD_ENG_PRULES_MAX);
	__type(key, struct cpd_eng_prule);
	__type(value, __u32);
} payload_rules SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CPD_ENG_STAT_NSLOTS);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

/*
 * Records are built here, not on the 512-byte stack. Offsets into it are
 * masked with ENG_MASK before every write and no write is longer than
 * ENG_SPAN, which is what lets the verifier accept variable offsets.
 */
#define ENG_MASK 16383
#define ENG_SPAN 4352
#define ENG_BUF	 (ENG_MASK + 1 + ENG_SPAN)

struct eng_buf {
	char b[ENG_BUF];
};

/* One buffer per program that builds records: 0 syscalls, 1 execs. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct eng_buf);
} scratch SEC(".maps");

#define PF_IO_WORKER	    0x00000010
#define SIGNAL_GROUP_EXIT   0x00000004
#define TS_COMPAT	    0x0002
#define S_IFMT		    00170000
#define S_IFSOCK	    0140000
#define S_IFIFO		    0010000
#define ANON_INODE_FS_MAGIC 0x09041934
#define PIPEFS_MAGIC	    0x50495045
#define SOCKFS_MAGIC	    0x534F434B
#define AF_INET		    2
#define AF_INET6	    10
#define SOCK_STREAM	    1
#define SOCK_DGRAM	    2
/* path components walked at most: deeper paths are marked cut */
#define ENG_PATH_DEPTH 64

static __always_inline void eng_count(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &slot);

	/* per-CPU: programs do not nest into themselves on one CPU */
	if (v)
		*v += 1;
}

static __always_inline bool eng_traced(__u32 tgid)
{
	__u32 idx = tgid >> 6;
	__u64 *w = bpf_map_lookup_elem(&tgid_bits, &idx);

	return w && ((*w >> (tgid & 63)) & 1);
}

static __always_inline void eng_follow(__u32 tgid, bool on)
{
	__u32 idx = tgid >> 6;
	__u64 *w = bpf_map_lookup_elem(&tgid_bits, &idx);
	__u64 bit = 1ULL << (tgid & 63);

	if (!w) {
		if (on)
			eng_count(CPD_ENG_STAT_NOFOLLOW);
		return;
	}
	if (on)
		__sync_fetch_and_or(w, bit);
	else
		__sync_fetch_and_and(w, ~bit);
}

/* Never wake the reader per record; see the file comment. */
static __always_inline __u64 eng_rb_flags(void)
{
	if (bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes)
		return BPF_RB_FORCE_WAKEUP;
	return BPF_RB_NO_WAKEUP;
}

static __always_inline void eng_send(void *rec, __u32 size, __u32 lost_slot)
{
	if (bpf_ringbuf_output(&events, rec, size, eng_rb_flags())) {
		eng_count(CPD_ENG_STAT_LOST);
		eng_count(lost_slot);
		return;
	}
	eng_count(CPD_ENG_STAT_SENT);
}

static __always_inline void eng_hdr(struct cpd_eng_hdr *h, __u16 type, __u64 id)
{
	h->type = type;
	h->flags = 0;
	h->size = 0;
	h->tid = (__u32)id;
	h->tgid = id >> 32;
	h->ts_ns = bpf_ktime_get_ns();
}

/* How long t has waited for a CPU; 0 without CONFIG_SCHED_INFO. */
static __always_inline __u64 eng_run_delay(struct task_struct *t)
{
	if (!bpf_core_field_exists(t->sched_info))
		return 0;
	return BPF_CORE_READ(t, sched_info.run_delay);
}

/* ---- tracee memory -------------------------------------------------- */

/*
 * Copy len bytes (a string of at most len - 2 characters when str) of
 * tracee memory at addr into a chunk at off, counted in the record's
 * nchunks; returns the offset after it. A global function: the verifier
 * checks it once, not at every call.
 */
#define ENG_STR 0x100 /* with the argument's index: a string */

__noinline __u32 eng_chunk(struct eng_buf *s, __u32 off, __u64 addr, __u32 len,
			   __u32 argstr)
{
	struct cpd_eng_syscall *r;
	struct cpd_eng_chunk *c;
	__u32 data;
	long n;

	if (!s || off > ENG_MASK - sizeof(*c) - len || len > ENG_SPAN - 16)
		return off;
	r = (void *)s->b;
	r->nchunks++;
	c = (void *)(s->b + (off & ENG_MASK));
	c->addr = addr;
	c->arg = (__u8)argstr;
	c->pad = 0;
	data = (off + sizeof(*c)) & ENG_MASK;
	if (argstr & ENG_STR) {
		n = bpf_probe_read_user_str(s->b + data, len & 8191,
					    (void *)addr);
		c->flags = CPD_ENG_CHUNK_STR;
		if (n == len) {
			/* no NUL in len - 1 bytes: keep len - 2 and say so */
			c->flags |= CPD_ENG_CHUNK_TRUNC;
			n = len - 1;
			s->b[(data + n - 1) & ENG_MASK] = '\0';
		}
	} else {
		n = bpf_probe_read_user(s->b + data, len & 8191, (void *)addr);
		c->flags = 0;
		if (!n)
			n = len;
	}
	if (n <= 0) {
		c->flags |= CPD_ENG_CHUNK_FAULT;
		c->len = 0;
		eng_count(CPD_ENG_STAT_FAULT);
		return off + sizeof(*c);
	}
	c->len = (__u32)n;
	return off + sizeof(*c) + (((__u32)n + 7) & ~7u);
}

static __always_inline __u32 eng_min(__u64 a, __u32 b)
{
	return a < b ? (__u32)a : b;
}

#define ENG_SOCKADDR_MAX 128
/* mmsghdrs copied per call, and iovecs per array (4 KiB of x86_64's) */
#define ENG_MMSG_MAX 8
#define ENG_IOV_MAX  256

/*
 * struct user_msghdr and struct mmsghdr as x86_64 lays them out, or as
 * an i386 caller does (compat_msghdr: every field 32 bits).
 */
struct eng_abi {
	__u8 word; /* a pointer, a size_t */
	__u8 namelen;
	__u8 iov;
	__u8 iovlen;
	__u8 msghdr;
	__u8 mmsghdr;
};

static __always_inline struct eng_abi eng_abi(bool compat)
{
	struct eng_abi a64 = { 8, 8, 16, 24, 56, 64 };
	struct eng_abi a32 = { 4, 4, 8, 12, 28, 32 };

	return compat ? a32 : a64;
}

/* A pointer or size_t of the tracee at addr; 0 when unreadable. */
static __always_inline __u64 eng_uword(__u64 addr, bool compat)
{
	__u64 v = 0;

	if (compat)
		bpf_probe_read_user(&v, 4, (void *)addr);
	else
		bpf_probe_read_user(&v, 8, (void *)addr);
	return v;
}

/* The iovec array of count elements at addr, bounded. */
static __always_inline __u32 eng_iovs(struct eng_buf *s, __u32 off, __u64 addr,
				      __u64 count, bool compat, __u8 arg)
{
	if (!addr || !count)
		return off;
	return eng_chunk(s, off, addr,
			 eng_min(count, ENG_IOV_MAX) * (compat ? 8 : 16), arg);
}

/*
 * What the decoder reads of the message header at hdr besides the header
 * itself: its msg_name and its iovec array, as the exit left them.
 */
__noinline __u32 eng_msg(struct eng_buf *s, __u32 off, __u64 hdr, __u32 compat,
			 __u32 arg)
{
	struct eng_abi a = eng_abi(compat);
	__u64 name, iov, iovlen;
	__u32 namelen = 0;

	if (!s)
		return off;
	name = eng_uword(hdr, compat);
	bpf_probe_read_user(&namelen, sizeof(namelen),
			    (void *)(hdr + a.namelen));
	iov = eng_uword(hdr + a.iov, compat);
	iovlen = eng_uword(hdr + a.iovlen, compat);
	if (name && namelen)
		off = eng_chunk(s, off, name,
				eng_min(namelen, ENG_SOCKADDR_MAX), arg);
	return eng_iovs(s, off, iov, iovlen, compat, (__u8)arg);
}

/* One mmsghdr's name and iovecs per step of bpf_loop() */
struct eng_mmsg {
	__u32 off;
	__u32 n;
	__u32 compat;
	__u32 arg;
	__u64 addr;
};

static long eng_mmsg_step(__u32 k, void *arg)
{
	struct eng_mmsg *m = arg;
	struct eng_abi a = eng_abi(m->compat);
	struct eng_buf *s;
	__u32 key = 0;

	if (k >= m->n || k >= ENG_MMSG_MAX)
		return 1;
	s = bpf_map_lookup_elem(&scratch, &key);
	if (!s)
		return 1;
	m->off = eng_msg(s, m->off, m->addr + (__u64)k * a.mmsghdr, m->compat,
			 m->arg);
	return 0;
}

static __always_inline __u32 eng_capture(struct eng_buf *s, __u32 off, __u8 cap,
					 __u8 fixed, __u8 i, const __u64 *args,
					 long ret, bool compat)
{
	__u64 addr = args[i & 7], next = i < 5 ? args[(i + 1) & 7] : 0;
	struct eng_abi a = eng_abi(compat);
	__u32 len;

	if (!addr)
		return off;
	switch (cap) {
	case CPD_ENG_CAP_PATH:
		return eng_chunk(s, off, addr, CPD_ENG_PATH_MAX + 2,
				 i | ENG_STR);
	case CPD_ENG_CAP_STR:
		return eng_chunk(s, off, addr, str_limit + 2, i | ENG_STR);
	case CPD_ENG_CAP_BUF_IN:
		if (!buf_limit || !next)
			return off;
		return eng_chunk(s, off, addr, eng_min(next, buf_limit), i);
	case CPD_ENG_CAP_BUF_OUT:
		if (!buf_limit || ret <= 0)
			return off;
		return eng_chunk(s, off, addr, eng_min((__u64)ret, buf_limit),
				 i);
	case CPD_ENG_CAP_SOCKADDR:
		if (!next)
			return off;
		return eng_chunk(s, off, addr, eng_min(next, ENG_SOCKADDR_MAX),
				 i);
	case CPD_ENG_CAP_SOCKADDR_OUT:
		if (!next || ret < 0)
			return off;
		len = 0;
		off = eng_chunk(s, off, next, sizeof(__u32), i);
		if (bpf_probe_read_user(&len, sizeof(len), (void *)next) ||
		    !len)
			return off;
		return eng_chunk(s, off, addr, eng_min(len, ENG_SOCKADDR_MAX),
				 i);
	case CPD_ENG_CAP_SOCKOPT:
		if (!next || ret < 0)
			return off;
		len = 0;
		off = eng_chunk(s, off, next, sizeof(__u32), i);
		if (bpf_probe_read_user(&len, sizeof(len), (void *)next) ||
		    !len || len > 8)
			return off;
		return eng_chunk(s, off, addr, len, i);
	case CPD_ENG_CAP_FDPAIR:
		if (ret < 0)
			return off;
		return eng_chunk(s, off, addr, 2 * sizeof(int), i);
	case CPD_ENG_CAP_FIXED:
		if (!fixed)
			return off;
		return eng_chunk(s, off, addr, fixed & 127, i);
	case CPD_ENG_CAP_IOVEC:
		return eng_iovs(s, off, addr, next, compat, i);
	case CPD_ENG_CAP_MSGHDR:
		/* decoded only when the call succeeded */
		if (ret < 0)
			return off;
		off = eng_chunk(s, off, addr, a.msghdr, i);
		return eng_msg(s, off, addr, compat, i);
	case CPD_ENG_CAP_MMSGHDR: {
		struct eng_mmsg m = {
			.n = ret > 0 ? eng_min(eng_min((__u64)ret, next),
					       ENG_MMSG_MAX) :
				       0,
			.compat = compat,
			.arg = i,
			.addr = addr,
		};

		if (!m.n)
			return off;
		m.off = eng_chunk(s, off, addr, m.n * a.mmsghdr, i);
		bpf_loop(ENG_MMSG_MAX, eng_mmsg_step, &m, 0);
		return m.off;
	}
	default:
		return off;
	}
}

/* One argument per step of bpf_loop(): see eng_walk_step(). */
struct eng_capture {
	__u32 off;
	__u32 compat;
	long ret;
	struct cpd_eng_spec sp;
};

/* A global function: the verifier checks every capture once, not per arg. */
__noinline int eng_capture_one(struct eng_buf *s, struct eng_capture *c,
			       __u32 i)
{
	struct cpd_eng_syscall *r;

	if (!s || !c || i >= 6)
		return 0;
	r = (void *)s->b;
	c->off = eng_capture(s, c->off, c->sp.cap[i], c->sp.fixed, (__u8)i,
			     r->args, c->ret, c->compat);
	return 0;
}

static long eng_capture_arg(__u32 i, void *arg)
{
	struct eng_capture *c = arg;
	struct eng_buf *s;
	__u32 key = 0;

	if (i >= 6)
		return 1;
	if (!c->sp.cap[i])
		return 0;
	s = bpf_map_lookup_elem(&scratch, &key);
	if (!s)
		return 1;
	eng_capture_one(s, c, i);
	return 0;
}

/* ---- files ---------------------------------------------------------- */

/*
 * The path of a file as d_path would give it, to the root of the mount
 * tree: each component NUL-terminated, leaf first. One step per
 * component, in bpf_loop() so that the verifier checks the step once and
 * not once per possible depth.
 */
struct eng_walk {
	__u32 slot; /* scratch buffer */
	__u32 off;
	__u32 start;
	__u32 flags;
	struct dentry *d;
	struct vfsmount *vm;
	struct mount *m;
};

static long eng_walk_step(__u32 i, void *arg)
{
	struct eng_walk *w = arg;
	/* locals: BPF_CORE_READ() must not relocate struct eng_walk itself */
	struct dentry *d = w->d, *parent, *root;
	struct vfsmount *vm = w->vm;
	struct mount *m = w->m;
	struct eng_buf *s;
	long n;

	if (!d)
		return 1;
	parent = BPF_CORE_READ(d, d_parent);
	root = BPF_CORE_READ(vm, mnt_root);
	if (d == root || d == parent) {
		struct mount *up = BPF_CORE_READ(m, mnt_parent);

		/* the root of the tree, or of an internal mount */
		if (up == m || !up)
			return 1;
		w->d = BPF_CORE_READ(m, mnt_mountpoint);
		w->m = up;
		w->vm = &up->mnt;
		return 0;
	}
	if (w->off - w->start > CPD_ENG_PATH_MAX - 256 ||
	    w->off > ENG_MASK - 256) {
		w->flags |= CPD_ENG_FD_PATH_CUT;
		return 1;
	}
	s = bpf_map_lookup_elem(&scratch, &w->slot);
	if (!s)
		return 1;
	n = bpf_probe_read_kernel_str(s->b + (w->off & ENG_MASK), 256,
				      BPF_CORE_READ(d, d_name.name));
	if (n <= 0)
		return 1;
	w->off += (__u32)n;
	w->d = parent;
	return 0;
}

/*
 * The path of (dentry, mnt) at off in scratch buffer slot: the offset
 * after it, and its CPD_ENG_FD_* flags in the upper half. A global
 * function: the verifier checks the walk once, not in every program.
 */
__noinline __u64 eng_path(__u32 slot, __u32 off, __u64 dentry, __u64 mnt)
{
	struct dentry *d = (struct dentry *)(unsigned long)dentry;
	struct vfsmount *vm = (struct vfsmount *)(unsigned long)mnt;
	struct eng_walk w = {
		.slot = slot,
		.off = off,
		.start = off,
		.d = d,
		.vm = vm,
		.m = container_of(vm, struct mount, mnt),
	};
	long n;

	if (d && !BPF_CORE_READ(d, d_hash.pprev) &&
	    BPF_CORE_READ(d, d_parent) != d)
		w.flags |= CPD_ENG_FD_DELETED;
	n = bpf_loop(ENG_PATH_DEPTH, eng_walk_step, &w, 0);
	if (n >= ENG_PATH_DEPTH)
		w.flags |= CPD_ENG_FD_PATH_CUT;
	return ((__u64)w.flags << 32) | w.off;
}

static __always_inline struct file *eng_fd_file(struct task_struct *task,
						long fd)
{
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **arr, *f = NULL;

	if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	arr = BPF_CORE_READ(fdt, fd);
	bpf_probe_read_kernel(&f, sizeof(f), &arr[fd & 0xfffff]);
	return f;
}

/* ---- payloads ------------------------------------------------------- */

/*
 * The protocol (CPD_ENG_PROTO_*) of an IPv4 or IPv6 UDP or TCP socket
 * behind f, and its ports; 0 for anything else, of which nothing more is
 * read.
 */
static __always_inline __u16 eng_sock_ports(struct file *f, __u16 *lport,
					    __u16 *rport)
{
	struct inode *ino;
	struct socket *so;
	struct sock *sk;
	__u16 family, type;

	if (!f)
		return 0;
	ino = BPF_CORE_READ(f, f_inode);
	if ((BPF_CORE_READ(ino, i_mode) & S_IFMT) != S_IFSOCK ||
	    BPF_CORE_READ(ino, i_sb, s_magic) != SOCKFS_MAGIC)
		return 0;
	so = BPF_CORE_READ(f, private_data);
	sk = BPF_CORE_READ(so, sk);
	if (!sk)
		return 0;
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family != AF_INET && family != AF_INET6)
		return 0;
	type = BPF_CORE_READ(sk, sk_type);
	*lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	*rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (type == SOCK_DGRAM)
		return CPD_ENG_PROTO_UDP;
	if (type == SOCK_STREAM)
		return CPD_ENG_PROTO_TCP;
	return 0;
}

/*
 * The most bytes a rule keeps of (port, proto), or the larger have. The
 * payload's functions are global: the verifier checks each once, and its
 * callers see a number, not a branch per rule.
 */
__noinline __u32 eng_rule(__u32 port, __u32 proto, __u32 have)
{
	struct cpd_eng_prule k = { .port = (__u16)port, .proto = (__u16)proto };
	__u32 *max;

	if (!port)
		return have;
	max = bpf_map_lookup_elem(&payload_rules, &k);
	return max && *max > have ? *max : have;
}

/* The port of the IPv4 or IPv6 address at addr in tracee memory, or 0. */
static __always_inline __u16 eng_named_port(__u64 addr)
{
	__u16 sa[2] = { 0, 0 }; /* family, port in network order */

	if (!addr || bpf_probe_read_user(sa, sizeof(sa), (void *)addr))
		return 0;
	if (sa[0] != AF_INET && sa[0] != AF_INET6)
		return 0;
	return __builtin_bswap16(sa[1]);
}

/* The rule of the address at addr, or have. */
__noinline __u32 eng_rule_named(__u64 addr, __u32 proto, __u32 have)
{
	return eng_rule(eng_named_port(addr), proto, have);
}

/* The rules of the names of the first n of the mmsghdrs at addr. */
__noinline __u32 eng_rule_mmsg(__u64 addr, __u32 n, __u32 compat, __u32 proto,
			       __u32 have)
{
	struct eng_abi a = eng_abi(compat);
	__u32 k;

	for (k = 0; k < ENG_MMSG_MAX && k < n; k++)
		have = eng_rule_named(
			eng_uword(addr + (__u64)k * a.mmsghdr, compat), proto,
			have);
	return have;
}

/*
 * Whether a payload rule wants the file behind fd: its socket's ports
 * match. Sums ask it once per new entry.
 */
__noinline __u32 eng_payload_sock(__u64 filep)
{
	struct file *f = (struct file *)(unsigned long)filep;
	__u16 lport = 0, rport = 0, proto;

	proto = eng_sock_ports(f, &lport, &rport);
	if (!proto)
		return 0;
	return eng_rule(rport, proto, eng_rule(lport, proto, 0));
}

/* A captured argument's bytes, per step of bpf_loop(): see eng_gather(). */
struct eng_gather {
	__u32 off;    /* in the scratch buffer */
	__u32 compat; /* iovecs in the i386 layout */
	__u64 iov;    /* the next iovec */
	__u64 niov;   /* iovecs left */
	__u64 base;   /* where the current stretch goes on */
	__u64 left;   /* bytes left of it */
	__u64 want;   /* bytes left to copy */
	__u32 arg;
	__u32 pad;
};

/* Steps of one gather: an iovec loaded is one, a piece copied another. */
#define ENG_GATHER_STEPS 96
/* The largest piece of a copy: eng_chunk() copies at most ENG_SPAN - 16. */
#define ENG_PIECE 4096

static long eng_gather_step(__u32 k, void *arg)
{
	struct eng_gather *g = arg;
	struct eng_buf *s;
	__u32 key = 0, room, off;
	__u64 n;

	if (!g->want)
		return 1;
	if (!g->left) {
		if (!g->niov)
			return 1;
		g->base = eng_uword(g->iov, g->compat);
		g->left = eng_uword(g->iov + (g->compat ? 4 : 8), g->compat);
		g->iov += g->compat ? 8 : 16;
		g->niov--;
		return 0;
	}
	n = g->left < g->want ? g->left : g->want;
	if (n > ENG_PIECE)
		n = ENG_PIECE;
	/* what is left of the record's room, less a chunk header */
	if (g->off + sizeof(struct cpd_eng_chunk) + 8 >= ENG_MASK)
		return 1;
	room = ENG_MASK - g->off - sizeof(struct cpd_eng_chunk) - 8;
	if (n > room)
		n = room;
	s = bpf_map_lookup_elem(&scratch, &key);
	if (!s)
		return 1;
	off = eng_chunk(s, g->off, g->base, (__u32)n, g->arg);
	/* no room, or unreadable: the reader finds the bytes short */
	if (off - g->off <= sizeof(struct cpd_eng_chunk))
		return 1;
	g->off = off;
	g->base += n;
	g->left -= n;
	g->want -= n;
	return 0;
}

/* Copy g->want bytes of what g describes; the offset after them. */
__noinline __u32 eng_gather(struct eng_gather *g)
{
	struct eng_gather l; /* bpf_loop() takes the stack's only */

	if (!g)
		return 0;
	l = *g;
	bpf_loop(ENG_GATHER_STEPS, eng_gather_step, &l, 0);
	*g = l;
	return l.off;
}

/* Each of the first n of the mmsghdrs at data, max bytes of each. */
__noinline __u32 eng_gather_mmsg(struct eng_gather *g, __u64 data, __u32 n,
				 __u32 max)
{
	struct eng_abi a;
	__u64 hdr;
	__u32 k, len;

	if (!g)
		return 0;
	a = eng_abi(g->compat);
	for (k = 0; k < ENG_MMSG_MAX && k < n; k++) {
		hdr = data + (__u64)k * a.mmsghdr;
		len = 0;
		bpf_probe_read_user(&len, sizeof(len),
				    (void *)(hdr + a.msghdr));
		g->iov = eng_uword(hdr + a.iov, g->compat);
		g->niov = eng_uword(hdr + a.iovlen, g->compat);
		if (g->niov > ENG_IOV_MAX)
			g->niov = ENG_IOV_MAX;
		g->left = 0;
		g->want = eng_min(len, max);
		g->off = eng_gather(g);
	}
	return g->off;
}

/*
 * A data call's bytes when a payload rule matches its socket or an
 * address it names, up to the rule's max_bytes per message, after the
 * record's other chunks; c->off moves past them. As the ptrace engine's
 * decoder captures them (decode_payload.c), so the reader needs nothing
 * else: the buffer, the iovecs in order, each message of an mmsghdr
 * array (ENG_MMSG_MAX of them).
 */
__noinline int eng_payload(struct eng_buf *s, struct eng_capture *c)
{
	struct cpd_eng_syscall *r;
	struct eng_gather g = {};
	struct eng_abi a;
	__u16 lport = 0, rport = 0, proto;
	__u64 data, n = 0;
	__u32 max = 0, i;
	long fd;

	if (!s || !c || c->ret <= 0)
		return 0;
	r = (void *)s->b;
	a = eng_abi(c->compat);
	fd = c->compat ? (long)(__u32)r->args[0] : (long)r->args[0];
	proto = eng_sock_ports(eng_fd_file(bpf_get_current_task_btf(), fd),
			       &lport, &rport);
	if (!proto)
		return 0;
	max = eng_rule(rport, proto, eng_rule(lport, proto, 0));
	/* the addresses the call names: sendto's, recvfrom's, msg_name */
	n = (__u64)c->ret < ENG_MMSG_MAX ? (__u64)c->ret : ENG_MMSG_MAX;
	i = c->sp.pay_arg & 15;
	data = r->args[i & 7];
	if (c->sp.pay_arg >> 4)
		max = eng_rule_named(r->args[((c->sp.pay_arg >> 4) - 1) & 7],
				     proto, max);
	else if (c->sp.pay_cap == CPD_ENG_CAP_MSGHDR)
		max = eng_rule_named(eng_uword(data, c->compat), proto, max);
	else if (c->sp.pay_cap == CPD_ENG_CAP_MMSGHDR)
		max = eng_rule_mmsg(data, (__u32)n, c->compat, proto, max);
	if (!max)
		return 0;
	g.compat = c->compat;
	g.arg = i;
	g.off = c->off;
	switch (c->sp.pay_cap) {
	case CPD_ENG_CAP_BUF_IN:
	case CPD_ENG_CAP_BUF_OUT:
		g.base = data;
		g.left = (__u64)c->ret;
		g.want = eng_min((__u64)c->ret, max);
		c->off = eng_gather(&g);
		return 0;
	case CPD_ENG_CAP_IOVEC:
		g.iov = data;
		g.niov = i < 5 ? r->args[(i + 1) & 7] : 0;
		if (g.niov > ENG_IOV_MAX)
			g.niov = ENG_IOV_MAX;
		g.want = eng_min((__u64)c->ret, max);
		c->off = eng_gather(&g);
		return 0;
	case CPD_ENG_CAP_MSGHDR:
		g.iov = eng_uword(data + a.iov, c->compat);
		g.niov = eng_uword(data + a.iovlen, c->compat);
		if (g.niov > ENG_IOV_MAX)
			g.niov = ENG_IOV_MAX;
		g.want = eng_min((__u64)c->ret, max);
		c->off = eng_gather(&g);
		return 0;
	case CPD_ENG_CAP_MMSGHDR:
		c->off = eng_gather_mmsg(&g, data, (__u32)n, max);
		return 0;
	default:
		return 0;
	}
}

/* ---- sums ----------------------------------------------------------- */

#define ENG_KEYFD(key, fd) (((__u64)(key) << 32) | (__u32)(fd))

static __always_inline void eng_slot_add(struct cpd_eng_ioslot *sl, long ret,
					 __u64 ns)
{
	__sync_fetch_and_add(&sl->calls, 1);
	__sync_fetch_and_add(&sl->bytes, (__u64)ret);
	if (ns)
		__sync_fetch_and_add(&sl->ns, ns);
}

/* eng_sum(): the call is sent one by one, and why */
#define ENG_SUM_FULL	-1 /* no room */
#define ENG_SUM_PAYLOAD -2 /* a payload rule wants its bytes */

/*
 * Add a call that moved ret bytes on fd to its sums: 0, or ENG_SUM_FULL
 * when there is no room (the map is full, or the fd has CPD_ENG_SLOTS
 * other kinds of call), ENG_SUM_PAYLOAD when a payload rule matches the
 * socket. The caller then sends the call itself, so nothing is lost.
 * Whether a rule matches is asked when an entry is made: an entry is
 * flushed when its fd is closed, reused or connected again.
 */
/* Global functions from here on: the verifier checks each once. */
__noinline int eng_sum(__u32 tgid, __u64 keyfd, long ret, __u64 filep, __u64 ns)
{
	struct file *file = (struct file *)(unsigned long)filep;
	/* packed: five arguments at most */
	__u32 key = keyfd >> 32;
	long fd = (__s32)keyfd;
	struct cpd_eng_iokey k = { .tgid = tgid, .fd = (__s32)fd };
	struct cpd_eng_ioval *v = bpf_map_lookup_elem(&iosum, &k);
	int i;

	if (!v) {
		struct cpd_eng_ioval nv = {};

		if (!file)
			file = eng_fd_file(bpf_get_current_task_btf(), fd);
		/* io_uring's I/O has no call to send instead */
		if (payloads && !(key & CPD_ENG_SLOT_URING) &&
		    eng_payload_sock((__u64)(unsigned long)file))
			return ENG_SUM_PAYLOAD;
		nv.file = (__u64)(unsigned long)file;
		nv.slot[0].key = key;
		nv.slot[0].calls = 1;
		nv.slot[0].bytes = (__u64)ret;
		nv.slot[0].ns = ns;
		if (!bpf_map_update_elem(&iosum, &k, &nv, BPF_NOEXIST))
			return 0;
		/* another thread made it first, or the map is full */
		v = bpf_map_lookup_elem(&iosum, &k);
		if (!v)
			return ENG_SUM_FULL;
	}
	for (i = 0; i < CPD_ENG_SLOTS; i++) {
		__u32 had = v->slot[i].key;

		if (!had)
			had = __sync_val_compare_and_swap(&v->slot[i].key, 0,
							  key);
		if (!had || had == key) {
			eng_slot_add(&v->slot[i], ret, ns);
			return 0;
		}
	}
	return ENG_SUM_FULL;
}

/* Send fd's final sums and forget them, before what closes or reuses it. */
__noinline int eng_flush(__u64 id, long fd, __u32 why)
{
	struct cpd_eng_iokey k = { .tgid = id >> 32, .fd = (__s32)fd };
	struct cpd_eng_ioval *v = bpf_map_lookup_elem(&iosum, &k);
	struct cpd_eng_iosum r;
	__u32 slot = CPD_ENG_STAT_LOST_BYTES;
	__u64 *lost;
	int i;

	if (!v)
		return 0;
	eng_hdr(&r.h, CPD_ENG_IOSUM, id);
	r.h.tid = 0;
	r.h.size = sizeof(r);
	r.fd = (__s32)fd;
	r.why = why;
	__builtin_memcpy(&r.v, v, sizeof(r.v));
	bpf_map_delete_elem(&iosum, &k);
	if (!bpf_ringbuf_output(&events, &r, sizeof(r), eng_rb_flags())) {
		eng_count(CPD_ENG_STAT_SENT);
		return 0;
	}
	/* what they counted is gone: say how much */
	eng_count(CPD_ENG_STAT_LOST);
	eng_count(CPD_ENG_STAT_LOST_SC);
	lost = bpf_map_lookup_elem(&stats, &slot);
	for (i = 0; lost && i < CPD_ENG_SLOTS; i++)
		*lost += r.v.slot[i].bytes;
	return 0;
}

/*
 * Whether a summable call can be summed: it did not fail, and no address
 * makes one call unlike the next (sendto to a given peer, a msg_name).
 */
static __always_inline bool eng_summable(const struct cpd_eng_spec *sp,
					 struct pt_regs *regs, long ret)
{
	__u64 name = 0;

	if (ret < 0)
		return false;
	if ((sp->flags & CPD_ENG_SPEC_NOADDR) && regs->r8)
		return false;
	if ((sp->flags & CPD_ENG_SPEC_NONAME) &&
	    (bpf_probe_read_user(&name, sizeof(name), (void *)regs->si) ||
	     name))
		return false;
	return true;
}

static __always_inline void eng_sock(struct cpd_eng_fdesc *fd, struct file *f)
{
	struct socket *so = BPF_CORE_READ(f, private_data);
	struct sock *sk = BPF_CORE_READ(so, sk);

	if (!sk)
		return;
	fd->sk_family = BPF_CORE_READ(sk, __sk_common.skc_family);
	fd->sk_type = BPF_CORE_READ(sk, sk_type);
	fd->sk_protocol = BPF_CORE_READ(sk, sk_protocol);
	fd->sk_sport = BPF_CORE_READ(sk, __sk_common.skc_num);
	fd->sk_dport =
		__builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (fd->sk_family == AF_INET) {
		__u32 s = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 d = BPF_CORE_READ(sk, __sk_common.skc_daddr);

		__builtin_memcpy(fd->sk_saddr, &s, 4);
		__builtin_memcpy(fd->sk_daddr, &d, 4);
	} else if (fd->sk_family == AF_INET6) {
		BPF_CORE_READ_INTO(&fd->sk_saddr, sk,
				   __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&fd->sk_daddr, sk, __sk_common.skc_v6_daddr);
	}
}

/* Describe the file behind the fd a call returned; off after it. */
__noinline __u32 eng_fdesc(struct eng_buf *s, __u32 off, long fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct cpd_eng_fdesc *fdsc;
	struct file *f;
	struct inode *ino;
	__u32 mode, start, flags = 0;
	unsigned long magic;

	if (!s || off > ENG_MASK - sizeof(*fdsc) - CPD_ENG_PATH_MAX)
		return off;
	fdsc = (void *)(s->b + (off & ENG_MASK));
	__builtin_memset(fdsc, 0, sizeof(*fdsc));
	off += sizeof(*fdsc);
	f = eng_fd_file(task, fd);
	if (!f) {
		fdsc->kind = CPD_ENG_FK_NONE;
		return off;
	}
	ino = BPF_CORE_READ(f, f_inode);
	mode = BPF_CORE_READ(ino, i_mode);
	magic = BPF_CORE_READ(ino, i_sb, s_magic);
	fdsc->file = (__u64)(unsigned long)f;
	fdsc->mode = mode;
	fdsc->rdev = BPF_CORE_READ(ino, i_rdev);
	fdsc->ino = BPF_CORE_READ(ino, i_ino);
	fdsc->f_flags = BPF_CORE_READ(f, f_flags);
	start = off;
	if ((mode & S_IFMT) == S_IFSOCK && magic == SOCKFS_MAGIC) {
		fdsc->kind = CPD_ENG_FK_SOCKET;
		eng_sock(fdsc, f);
	} else if ((mode & S_IFMT) == S_IFIFO && magic == PIPEFS_MAGIC) {
		fdsc->kind = CPD_ENG_FK_PIPE;
	} else if (magic == ANON_INODE_FS_MAGIC) {
		const unsigned char *name =
			BPF_CORE_READ(f, f_path.dentry, d_name.name);
		long n;

		fdsc->kind = CPD_ENG_FK_ANON;
		n = bpf_probe_read_kernel_str(s->b + (off & ENG_MASK), 256,
					      name);
		if (n > 0)
			off += (__u32)n;
	} else {
		__u64 r =
			eng_path(0, off, (__u64)BPF_CORE_READ(f, f_path.dentry),
				 (__u64)BPF_CORE_READ(f, f_path.mnt));

		fdsc->kind = CPD_ENG_FK_PATH;
		off = (__u32)r;
		flags = r >> 32;
	}
	fdsc->flags = flags;
	fdsc->path_len = (__u16)(off - start);
	return start + ((off - start + 7) & ~7u);
}

/* ---- syscalls ------------------------------------------------------- */

SEC("tp_btf/sys_exit")
int BPF_PROG(eng_sys_exit, struct pt_regs *regs, long ret)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct task_struct *task;
	struct cpd_eng_syscall *r;
	struct cpd_eng_spec *sp;
	struct eng_capture cap;
	struct eng_enter *en = NULL;
	struct eng_buf *s;
	__u64 began = 0, took = 0, runq = 0;
	bool compat, reused = false, has_runq = false;
	__u32 key, off;
	long nr;

	if (!eng_traced(id >> 32))
		return 0;
	task = bpf_get_current_task_btf();
	nr = regs->orig_ax;
	compat = task->thread_info.status & TS_COMPAT;
	if (entries)
		en = bpf_task_storage_get(&enter, task, 0, 0);
	/*
	 * sigreturn restores the registers, orig_ax included (-1): its
	 * entry said which call it was
	 */
	if (nr == -1 && en && en->ns &&
	    (eng_spec[en->key & (2 * CPD_ENG_NR_MAX - 1)].flags &
	     CPD_ENG_SPEC_SIGRETURN)) {
		compat = en->key >= CPD_ENG_NR_MAX;
		nr = en->key & (CPD_ENG_NR_MAX - 1);
	}
	/* rt_sigreturn unasked for */
	if (nr < 0 || nr >= CPD_ENG_NR_MAX)
		return 0;
	/* a call a signal interrupted: shown, as ptrace and strace show it
	 * (its restart, if any, is a call of its own) */
	if (ret <= -512 && ret >= -516)
		eng_count(CPD_ENG_STAT_RESTART);
	key = (__u32)nr + (compat ? CPD_ENG_NR_MAX : 0);
	sp = &eng_spec[key & (2 * CPD_ENG_NR_MAX - 1)];
	if (!(sp->flags & CPD_ENG_SPEC_TRACE))
		return 0;
	/* a child's return from fork: ptrace sees the call once, in the
	 * parent */
	if ((sp->flags & CPD_ENG_SPEC_FORK) && ret == 0)
		return 0;
	if (en && en->ns && en->key == key) {
		if (timed) {
			began = en->ns;
			took = bpf_ktime_get_ns() - began;
			if (bpf_core_field_exists(task->sched_info)) {
				runq = eng_run_delay(task) - en->runq;
				has_runq = true;
			}
		}
		en->ns = 0;
	}
	if ((sp->flags & (CPD_ENG_SPEC_IN | CPD_ENG_SPEC_OUT)) &&
	    eng_summable(sp, regs, ret)) {
		/* a read at end of file apart: it moved nothing to count */
		__u32 slot = ((__u32)nr + 1) | (ret ? 0 : CPD_ENG_SLOT_ZERO);

		int err = eng_sum(id >> 32, ENG_KEYFD(slot, regs->di), ret, 0,
				  took);

		if (!err) {
			eng_count(CPD_ENG_STAT_SUMMED);
			return 0;
		}
		if (err == ENG_SUM_FULL)
			eng_count(CPD_ENG_STAT_NOSUM);
	}
	/* an fd closed or reused: its sums go before the call that did it */
	/*
	 * close() frees the fd at once; another thread may have it again
	 * before this exit. Then it is the new file's: keep its sums, and
	 * tell the core not to close it.
	 */
	if ((sp->flags & CPD_ENG_SPEC_CLOSE) && ret == 0) {
		long fd = compat ? (long)(__u32)regs->bx : (long)regs->di;

		if (eng_fd_file(task, fd))
			reused = true;
		else
			eng_flush(id, fd, CPD_ENG_SUM_CLOSE);
	}
	if ((sp->flags & CPD_ENG_SPEC_FDRET) && ret >= 0)
		eng_flush(id, ret, CPD_ENG_SUM_REUSED);
	if (sp->flags & CPD_ENG_SPEC_REBOUND)
		eng_flush(id, compat ? (long)(__u32)regs->bx : (long)regs->di,
			  CPD_ENG_SUM_REUSED);
	key = 0;
	s = bpf_map_lookup_elem(&scratch, &key);
	if (!s)
		return 0;
	r = (void *)s->b;
	eng_hdr(&r->h, CPD_ENG_SYSCALL, id);
	r->h.flags = (compat ? CPD_ENG_F_COMPAT : 0) |
		     (reused ? CPD_ENG_F_FDREUSED : 0) |
		     (has_runq ? CPD_ENG_F_RUNQ : 0);
	r->nr = (__s32)nr;
	r->ret = ret;
	r->enter_ns = began;
	r->runq_ns = runq;
	r->has_fdesc = 0;
	if (compat) {
		r->args[0] = (__u32)regs->bx;
		r->args[1] = (__u32)regs->cx;
		r->args[2] = (__u32)regs->dx;
		r->args[3] = (__u32)regs->si;
		r->args[4] = (__u32)regs->di;
		r->args[5] = (__u32)regs->bp;
	} else {
		r->args[0] = regs->di;
		r->args[1] = regs->si;
		r->args[2] = regs->dx;
		r->args[3] = regs->r10;
		r->args[4] = regs->r8;
		r->args[5] = regs->r9;
	}
	r->nchunks = 0;
	cap.off = sizeof(*r);
	cap.compat = compat;
	cap.ret = ret;
	cap.sp = *sp;
	bpf_loop(6, eng_capture_arg, &cap, 0);
	if (payloads && (sp->flags & CPD_ENG_SPEC_PAYLOAD))
		eng_payload(s, &cap);
	off = cap.off;
	if ((sp->flags & CPD_ENG_SPEC_NEWFD) && ret >= 0) {
		off = eng_fdesc(s, off, ret);
		r->has_fdesc = 1;
	}
	if (ret == 0 && (sp->flags & CPD_ENG_SPEC_FDPAIR)) {
		/* pipe and socketpair: two new fds in the array they filled */
		int pair[2] = { -1, -1 };

		bpf_probe_read_user(pair, sizeof(pair),
				    (void *)r->args[sp->pair & 7]);
		if (pair[0] >= 0)
			eng_flush(id, pair[0], CPD_ENG_SUM_REUSED);
		if (pair[1] >= 0)
			eng_flush(id, pair[1], CPD_ENG_SUM_REUSED);
	}
	r->h.size = off;
	if (off > ENG_MASK)
		return 0;
	eng_send(s->b, off & ENG_MASK, CPD_ENG_STAT_LOST_SC);
	return 0;
}

/*
 * When a plugin needs durations: when each syscall sent began, and how
 * long the task had waited for a CPU by then. And a sigreturn's number,
 * which its exit no longer has.
 */
SEC("tp_btf/sys_enter")
int BPF_PROG(eng_sys_enter, struct pt_regs *regs, long nr)
{
	struct task_struct *task;
	struct cpd_eng_spec *sp;
	struct eng_enter *en;
	__u32 key;

	if (!eng_traced(bpf_get_current_pid_tgid() >> 32))
		return 0;
	if (nr < 0 || nr >= CPD_ENG_NR_MAX)
		return 0;
	task = bpf_get_current_task_btf();
	key = (__u32)nr +
	      ((task->thread_info.status & TS_COMPAT) ? CPD_ENG_NR_MAX : 0);
	sp = &eng_spec[key & (2 * CPD_ENG_NR_MAX - 1)];
	if (!(sp->flags & CPD_ENG_SPEC_TRACE) ||
	    (!timed && !(sp->flags & CPD_ENG_SPEC_SIGRETURN)))
		return 0;
	en = bpf_task_storage_get(&enter, task, 0,
				  BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!en)
		return 0;
	en->runq = eng_run_delay(task);
	en->key = key;
	en->ns = bpf_ktime_get_ns();
	return 0;
}

/* ---- processes ------------------------------------------------------ */

SEC("tp_btf/task_newtask")
int BPF_PROG(eng_newtask, struct task_struct *child, __u64 clone_flags)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct cpd_eng_spawn r;
	__u32 ctgid;

	if (!eng_traced(id >> 32))
		return 0;
	/* io_uring's workers are the kernel's, not the program's threads */
	if (child->flags & PF_IO_WORKER)
		return 0;
	ctgid = child->tgid;
	if (ctgid != id >> 32)
		eng_follow(ctgid, true);
	eng_hdr(&r.h, CPD_ENG_SPAWN, id);
	r.h.size = sizeof(r);
	r.child_tid = child->pid;
	r.child_tgid = ctgid;
	r.clone_flags = clone_flags;
	bpf_get_current_comm(r.comm, sizeof(r.comm));
	eng_send(&r, sizeof(r), CPD_ENG_STAT_LOST_PROC);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(eng_exec, struct task_struct *p, int old_pid,
	     struct linux_binprm *bprm)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct cpd_eng_exec *r;
	struct mm_struct *mm;
	struct eng_buf *s;
	__u32 key = 1, off, flags = 0, start;
	unsigned long a0, a1, len;
	__u64 pr;

	if (!eng_traced(id >> 32))
		return 0;
	s = bpf_map_lookup_elem(&scratch, &key);
	if (!s)
		return 0;
	r = (void *)s->b;
	eng_hdr(&r->h, CPD_ENG_EXEC, id);
	r->old_tid = (__u32)old_pid;
	bpf_get_current_comm(r->comm, sizeof(r->comm));
	off = sizeof(*r);
	pr = eng_path(1, off, (__u64)BPF_CORE_READ(bprm, file, f_path.dentry),
		      (__u64)BPF_CORE_READ(bprm, file, f_path.mnt));
	off = (__u32)pr;
	flags = pr >> 32;
	r->path_len = (__u16)(off - sizeof(*r));
	r->path_flags = (__u16)flags;
	mm = BPF_CORE_READ(p, mm);
	a0 = BPF_CORE_READ(mm, arg_start);
	a1 = BPF_CORE_READ(mm, arg_end);
	len = a1 > a0 ? a1 - a0 : 0;
	r->argv_cut = len > 4096;
	if (len > 4096)
		len = 4096;
	start = off;
	if (len && off <= ENG_MASK - 4096 &&
	    !bpf_probe_read_user(s->b + (off & ENG_MASK),
				 len & 4095 ? len & 4095 : 4096, (void *)a0))
		off += (__u32)len;
	r->argv_len = off - start;
	start = off;
	if (off <= ENG_MASK - 4096) {
		long n = bpf_probe_read_kernel_str(
			s->b + (off & ENG_MASK), 4096,
			BPF_CORE_READ(bprm, filename));

		if (n > 0)
			off += (__u32)n;
	}
	r->name_len = (__u16)(off - start);
	off = (off + 7) & ~7u;
	r->h.size = off;
	if (off > ENG_MASK)
		return 0;
	eng_send(s->b, off & ENG_MASK, CPD_ENG_STAT_LOST_PROC);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(eng_exit, struct task_struct *p, bool group_dead)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct signal_struct *sig;
	struct cpd_eng_exit r;
	int code;

	if (!eng_traced(id >> 32))
		return 0;
	if (p->flags & PF_IO_WORKER)
		return 0;
	sig = BPF_CORE_READ(p, signal);
	code = BPF_CORE_READ(p, exit_code);
	r.group_exit = !!(BPF_CORE_READ(sig, flags) & SIGNAL_GROUP_EXIT);
	/* what wait() reports for a group exit: exit_group() or a signal */
	if (r.group_exit)
		code = BPF_CORE_READ(sig, group_exit_code);
	eng_hdr(&r.h, CPD_ENG_EXIT, id);
	r.h.size = sizeof(r);
	r.code = code;
	r.group_dead = group_dead;
	r.runq_ns = eng_run_delay(p);
	if (bpf_core_field_exists(p->sched_info))
		r.h.flags |= CPD_ENG_F_RUNQ;
	r.cpu_ns = r.user_ns = r.sys_ns = 0;
	if (group_dead) {
		/*
		 * The threads released so far are in the signal struct; a
		 * leader that went first waits, a zombie, until this one
		 */
		struct task_struct *lead = BPF_CORE_READ(p, group_leader);

		r.cpu_ns = BPF_CORE_READ(sig, sum_sched_runtime) +
			   BPF_CORE_READ(p, se.sum_exec_runtime);
		r.user_ns = BPF_CORE_READ(sig, utime) + BPF_CORE_READ(p, utime);
		r.sys_ns = BPF_CORE_READ(sig, stime) + BPF_CORE_READ(p, stime);
		if (lead && lead != p) {
			r.cpu_ns += BPF_CORE_READ(lead, se.sum_exec_runtime);
			r.user_ns += BPF_CORE_READ(lead, utime);
			r.sys_ns += BPF_CORE_READ(lead, stime);
		}
		r.h.flags |= CPD_ENG_F_CPU;
	}
	bpf_get_current_comm(r.comm, sizeof(r.comm));
	eng_send(&r, sizeof(r), CPD_ENG_STAT_LOST_PROC);
	if (group_dead)
		eng_follow(id >> 32, false);
	return 0;
}

/* ---- io_uring ------------------------------------------------------- */

#define REQ_F_FIXED_FILE  1ULL
#define IORING_CQE_F_MORE (1U << 1)

/* The fd of tgid that holds file, by a scan of its fd table. */
struct eng_fdscan {
	struct file **arr;
	struct file *file;
	__u32 max;
	long fd;
};

static long eng_fdscan_step(__u32 i, void *arg)
{
	struct eng_fdscan *sc = arg;
	struct file *f = NULL;

	if (i >= sc->max)
		return 1;
	bpf_probe_read_kernel(&f, sizeof(f), &sc->arr[i]);
	if (f == sc->file) {
		sc->fd = i;
		return 1;
	}
	return 0;
}

/* A registered (fixed) file has no fd of its own: find one naming it. */
static __always_inline long eng_fd_of(struct file *file)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct eng_fdscan sc = { .file = file, .fd = -1 };

	if (!fdt || !file)
		return -1;
	sc.arr = BPF_CORE_READ(fdt, fd);
	sc.max = BPF_CORE_READ(fdt, max_fds);
	if (sc.max > 4096)
		sc.max = 4096;
	bpf_loop(4096, eng_fdscan_step, &sc, 0);
	return sc.fd;
}

SEC("tp_btf/io_uring_submit_req")
int BPF_PROG(eng_uring_submit, struct io_kiocb *req)
{
	__u64 id = bpf_get_current_pid_tgid(), key = (__u64)(unsigned long)req;
	struct eng_ureq u;
	__u8 op;

	/* SQPOLL and io-wq threads carry the process' tgid */
	if (!eng_traced(id >> 32))
		return 0;
	op = BPF_CORE_READ(req, opcode);
	u.key = eng_uring_op[op & (CPD_ENG_URING_OPS - 1)];
	if (!u.key || op >= CPD_ENG_URING_OPS)
		return 0;
	u.key |= CPD_ENG_SLOT_URING;
	u.tgid = id >> 32;
	u.fd = BPF_CORE_READ(req, cqe.fd);
	u.fixed = !!(BPF_CORE_READ(req, flags) & REQ_F_FIXED_FILE);
	bpf_map_update_elem(&ureq, &key, &u, BPF_ANY);
	return 0;
}

SEC("tp_btf/io_uring_complete")
int BPF_PROG(eng_uring_complete, struct io_ring_ctx *rctx, void *req,
	     struct io_uring_cqe *cqe)
{
	__u64 key = (__u64)(unsigned long)req;
	struct file *file = NULL;
	struct eng_ureq *u;
	long fd;
	int res;

	/* auxiliary completions (multishot accept, ...) have no request */
	if (!req)
		return 0;
	u = bpf_map_lookup_elem(&ureq, &key);
	if (!u)
		return 0;
	res = BPF_CORE_READ(cqe, res);
	fd = u->fd;
	if (u->fixed) {
		/* the file is set at completion, fixed or not */
		file = BPF_CORE_READ((struct io_kiocb *)req, file);
		fd = eng_fd_of(file);
		if (fd < 0)
			fd = CPD_ENG_FD_FIXED - u->fd;
	}
	if (res > 0 && !eng_sum(u->tgid, ENG_KEYFD(u->key, fd), res,
				(__u64)(unsigned long)file, 0)) {
		eng_count(CPD_ENG_STAT_SUMMED);
	} else if (res > 0) {
		/* no syscall to send instead: what it moved is lost */
		__u32 slot = CPD_ENG_STAT_LOST_BYTES;
		__u64 *lost = bpf_map_lookup_elem(&stats, &slot);

		eng_count(CPD_ENG_STAT_NOSUM);
		if (lost)
			*lost += (__u64)res;
	}
	if (!(BPF_CORE_READ(cqe, flags) & IORING_CQE_F_MORE))
		bpf_map_delete_elem(&ureq, &key);
	return 0;
}
