/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF engine: the same CPD_EV_SYSCALL and CPD_EV_PROC events as the
 * ptrace engine, through the same task table, fd table, decoder and
 * publish path, from records BPF programs write at the syscalls' exits
 * and at the processes' forks, execs and exits. Nothing is stopped: the
 * records are read in batches, on a short timer or when the ring fills.
 */
#ifndef CPD_CORE_BPFENG_H
#define CPD_CORE_BPFENG_H

#include "bpfload.h"
#include "bpfsum.h"
#include "bpfspec.h"
#include "fdtrack.h"
#include "task.h"
#include "tracer.h"

struct cpd_eng_fdesc;
struct bpfrec_held;

struct bpfeng {
	struct session *s;
	struct task_table tt;
	struct fdtrack ft;
	struct bpfspec spec;
	struct bpfload ld;
	bool spawned;
	pid_t root_pid;
	bool root_reaped;
	int exit_status; /* compendium's, from the command's wait status */
	int err_pipe;	 /* spawn: the child's exec error, CLOEXEC */
	int exec_errno;
	unsigned interrupts;
	bool detaching;
	bool killing;
	/* losses already published */
	uint64_t lost_sc, lost_proc, lost_missed, lost_bytes;
	struct bpfsum sums;
	/* the fd-making call being handled: what bpfrec_describe() says */
	const struct cpd_eng_fdesc *fdesc;
	const char *fdesc_path;
	/* leaders' exits held for the end of their groups (bpfrec.c) */
	struct bpfrec_held *held;
	size_t nheld, capheld;
	/* the last exec, for the execve exit that follows it */
	pid_t exec_tid;
	char *exec_file;
	char *exec_argv;
	uint32_t exec_argv_len;
};

/*
 * Trace as tracer_run() does, with the eBPF engine. Returns compendium's
 * exit status; -ENOTSUP, before anything ran, when the engine cannot be
 * loaded here (why says why, for the fallback's note).
 */
int bpfeng_run(struct session *s, const struct tracer_opts *o, char *why,
	       size_t len);

#endif /* CPD_CORE_BPFENG_H */
