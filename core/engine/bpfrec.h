/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine's records turned into the core's events: tasks made,
 * exec'd and gone, syscalls decoded from the registers and the memory
 * captured at their exits, all applied to the task and fd tables in the
 * order the kernel wrote them.
 */
#ifndef CPD_CORE_BPFREC_H
#define CPD_CORE_BPFREC_H

#include "bpfeng.h"

/* ring_buffer callback: one record, ctx the struct bpfeng. */
int bpfrec_handle(void *ctx, void *data, size_t len);

/* fdtrack_describe_fn: the fd the call being handled made. */
bool bpfrec_describe(void *ctx, struct task *t, int fd, struct cpd_fdinfo *info,
		     uint64_t *kfile);

/* A task of thread group tgid (its leader if known), or NULL. */
struct task *bpfrec_member(struct bpfeng *e, pid_t tgid);

/* A task the records did not introduce (attach, a lost spawn). */
struct task *bpfrec_task(struct bpfeng *e, pid_t tid, pid_t tgid);
/*
 * The command we forked, stopped before its exec: only the fds the exec
 * keeps (not our own, close-on-exec, that it inherited).
 */
struct task *bpfrec_spawned(struct bpfeng *e, pid_t pid);

/* Publish the PROC event op about t (START, ATTACH, DETACH). */
void bpfrec_proc(struct bpfeng *e, struct task *t, uint32_t op,
		 const struct cpd_ev_proc *p);

/* Publish leaders' exits still held for their groups (at the end). */
void bpfrec_settle(struct bpfeng *e);

#endif /* CPD_CORE_BPFREC_H */
