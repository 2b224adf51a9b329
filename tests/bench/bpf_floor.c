// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * bpf_floor -- COMMAND [ARGS...]: run COMMAND with bpf/floor.bpf.c's
 * sys_exit program attached and COMMAND's process in its bitmap (the
 * command waits stopped until then, as under the eBPF engine); print
 * "bpf_floor: syscalls=N" and exit with COMMAND's status. The benchmark's
 * floor for the eBPF engine.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "floor.skel.h"

static int floor_quiet(enum libbpf_print_level level, const char *fmt,
		       va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

int main(int argc, char **argv)
{
	unsigned long long sum = 0, v[256];
	struct floor_bpf *skel;
	uint64_t *bits;
	int st, i, ncpu;
	__u32 key = 0;
	pid_t pid;

	if (argc < 3 || strcmp(argv[1], "--")) {
		fprintf(stderr, "usage: bpf_floor -- COMMAND [ARGS...]\n");
		return 2;
	}
	libbpf_set_print(floor_quiet);
	skel = floor_bpf__open();
	/* 4M pids: any pid_max */
	if (!skel || bpf_map__set_max_entries(skel->maps.floor_bits, 65536) ||
	    floor_bpf__load(skel) || floor_bpf__attach(skel)) {
		fprintf(stderr, "bpf_floor: cannot load: %s\n",
			strerror(errno));
		return 1;
	}
	bits = mmap(NULL, 65536 * 8, PROT_READ | PROT_WRITE, MAP_SHARED,
		    bpf_map__fd(skel->maps.floor_bits), 0);
	if (bits == MAP_FAILED) {
		perror("bpf_floor: mmap");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("bpf_floor: fork");
		return 1;
	}
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		raise(SIGSTOP);
		prctl(PR_SET_PDEATHSIG, 0);
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st))
		return 1;
	__atomic_fetch_or(&bits[pid / 64], 1ULL << (pid % 64),
			  __ATOMIC_SEQ_CST);
	kill(pid, SIGCONT);
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	ncpu = libbpf_num_possible_cpus();
	if (ncpu > 0 && ncpu <= 256 &&
	    !bpf_map__lookup_elem(skel->maps.floor_hits, &key, sizeof(key), v,
				  sizeof(v[0]) * (size_t)ncpu, 0))
		for (i = 0; i < ncpu; i++)
			sum += v[i];
	fprintf(stderr, "bpf_floor: syscalls=%llu\n", sum);
	floor_bpf__destroy(skel);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
