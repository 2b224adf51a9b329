/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The few kernel types the BPF programs read, as CO-RE shadows.
 *
 * Provenance: member names and types follow the Linux sources
 * (include/linux/sched.h struct task_struct; include/linux/blk-mq.h
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

#pragma clang attribute push(__attribute__((preserve_access_index)), \
			     apply_to = record)

struct task_struct {
	unsigned int __state; /* v5.14+ */
	int on_cpu;	      /* CONFIG_SMP */
	int pid;
	int tgid;
	char comm[TASK_COMM_LEN];
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

#pragma clang attribute pop

#endif /* CPD_BPF_KERNEL_H */
