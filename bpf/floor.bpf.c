// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The floor of an eBPF syscall tracer, for the benchmark: a sys_exit
 * program that looks the task's process up in a bitmap and counts the
 * calls of traced ones. Nothing less can tell traced from untraced
 * syscalls; whatever the engine does on top is its own cost.
 */
#include "kernel.h"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 512);
	__type(key, __u32);
	__type(value, __u64);
} floor_bits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} floor_hits SEC(".maps");

SEC("tp_btf/sys_exit")
int BPF_PROG(floor_sys_exit, struct pt_regs *regs, long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32, idx = tgid >> 6, k = 0;
	__u64 *w = bpf_map_lookup_elem(&floor_bits, &idx), *n;

	if (!w || !((*w >> (tgid & 63)) & 1))
		return 0;
	n = bpf_map_lookup_elem(&floor_hits, &k);
	if (n)
		*n += 1;
	return 0;
}
