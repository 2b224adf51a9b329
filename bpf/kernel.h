/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The few kernel types the BPF programs read, as CO-RE shadows.
 *
 * Provenance: member names and types follow the Linux sources
 * (include/linux/sched.h struct task_struct; arch/x86/include/asm/ptrace.h
 * struct pt_regs; include/linux/fs.h, dcache.h, mount.h, fdtable.h,
 * fs/mount.h for files and paths; include/net/sock.h; include/linux/blk-mq.h
 * struct request; include/linux/blkdev.h struct request_queue, struct
 * gendisk; include/linux/blk_types.h struct block_device), v5.4 to
 * v6.18, checked against `bpftool btf dump file /sys/kernel/btf/vmlinux`
 * of 6.18. Only the members we read are declared: preserve_access_index
 * makes clang emit a CO-RE relocation for every access, and libbpf
 * rewrites each one against the running kernel's BTF at load time, so
 * order, offsets and the other members do not matter here. This replaces
 * a generated vmlinux.h (2.8 MB, tied to one kernel build).
 *
 * Types that changed name or shape across kernels have a ___flavour
 * variant; the programs pick one with bpf_core_field_exists() or
 * bpf_core_type_exists().
 */
#ifndef CPD_BPF_KERNEL_H
#define CPD_BPF_KERNEL_H

#include <linux/types.h>

typedef __u8 u8;
typedef __u32 u32;
typedef __s32 s32;
typedef __u64 u64;
typedef _Bool bool;
#define true 1
#define false 0

#define TASK_COMM_LEN 16

/*
 * x86_64: the registers saved at syscall entry. Their order is ABI
 * (ptrace's user_regs_struct has it), so no CO-RE relocation: libbpf
 * would search the kernel's BTF for it at every start for nothing.
 */
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

#pragma clang attribute push(__attribute__((preserve_access_index)), \
			     apply_to = record)

struct thread_info {
	u32 status; /* x86: TS_COMPAT during an i386 syscall */
};

struct sched_entity {
	__u64 sum_exec_runtime; /* ns on a CPU, as of the last update */
};

struct sched_info {
	unsigned long long run_delay; /* ns runnable, waiting for a CPU */
};

struct task_struct {
	struct thread_info thread_info; /* CONFIG_THREAD_INFO_IN_TASK */
	unsigned int __state;		/* v5.14+ */
	unsigned int flags;		/* PF_* */
	int on_cpu;			/* CONFIG_SMP */
	int exit_code;
	int pid;
	int tgid;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct files_struct *files;
	struct signal_struct *signal;
	struct task_struct *group_leader;
	struct sched_entity se;
	struct sched_info sched_info; /* CONFIG_SCHED_INFO */
	__u64 utime;		      /* sampled, ns */
	__u64 stime;
};

/* before v5.14 the state was "volatile long state" */
struct task_struct___old {
	long state;
};

struct gendisk {
	int major;
	int first_minor;
};

struct request_queue {
	struct gendisk *disk; /* v5.15+ */
};

struct block_device {
	__u32 bd_dev; /* dev_t */
};

struct request {
	struct request_queue *q;
	unsigned int cmd_flags; /* blk_opf_t; REQ_OP_* in the low bits */
	__u64 __sector;
	unsigned int __data_len;
	struct block_device *part; /* v5.12+; struct hd_struct * before */
};

/* before v5.17 the disk hung off the request itself */
struct request___old {
	struct gendisk *rq_disk;
};

/* exists up to v5.11: then request.part is not a block_device */
struct hd_struct {
	int partno;
};

/* ---- the eBPF engine: files, paths, exec, exit, sockets ---- */

struct signal_struct {
	unsigned int flags; /* SIGNAL_GROUP_EXIT */
	int group_exit_code;
	/* the threads released so far: runtime, sampled user and system */
	unsigned long long sum_sched_runtime;
	__u64 utime;
	__u64 stime;
};

struct mm_struct {
	unsigned long arg_start;
	unsigned long arg_end;
};

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
};

struct files_struct {
	struct fdtable *fdt;
};

struct qstr {
	u32 len; /* in an anonymous struct in a union: CO-RE finds it */
	const unsigned char *name;
};

struct hlist_bl_node {
	struct hlist_bl_node *next;
	struct hlist_bl_node **pprev;
};

struct super_block {
	unsigned long s_magic;
};

struct inode {
	unsigned short i_mode;
	unsigned int i_rdev;
	unsigned long i_ino;
	struct super_block *i_sb;
};

struct dentry {
	struct hlist_bl_node d_hash; /* unhashed: unlinked */
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
};

struct vfsmount {
	struct dentry *mnt_root;
};

/* fs/mount.h: what a struct vfsmount is embedded in */
struct mount {
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	unsigned int f_flags;
	void *private_data; /* a struct socket for sockfs files */
};

struct linux_binprm {
	struct file *file;
	const char *filename;
};

struct in6_addr {
	u8 s6_addr[16];
};

struct sock_common {
	unsigned int skc_daddr;
	unsigned int skc_rcv_saddr;
	unsigned short skc_dport; /* network order */
	unsigned short skc_num;	  /* host order */
	unsigned short skc_family;
	struct in6_addr skc_v6_daddr;
	struct in6_addr skc_v6_rcv_saddr;
};

struct sock {
	struct sock_common __sk_common;
	unsigned short sk_type;
	unsigned short sk_protocol;
};

struct socket {
	struct sock *sk;
};

/* ---- io_uring (io_uring/io_uring.h, include/linux/io_uring_types.h) ---- */

struct io_cqe {
	__u64 user_data;
	int fd; /* in a union with the flags: the sqe's fd until the cqe */
};

struct io_kiocb {
	struct file *file;
	u8 opcode;
	u64 flags; /* io_req_flags_t; REQ_F_FIXED_FILE is bit 0 */
	struct io_cqe cqe;
};

struct io_uring_cqe {
	__u64 user_data;
	__s32 res;
	__u32 flags; /* IORING_CQE_F_MORE: more completions follow */
};

struct io_ring_ctx {
	unsigned int flags;
};

#pragma clang attribute pop

#endif /* CPD_BPF_KERNEL_H */
