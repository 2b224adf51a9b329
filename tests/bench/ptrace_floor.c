// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The do-nothing ptrace tracer: the floor any ptrace design pays on this
 * machine. It starts the command the way compendium does (PTRACE_SEIZE of
 * a stopped child, the same options, follows forks and threads), reads
 * PTRACE_GET_SYSCALL_INFO at every syscall stop like compendium, and
 * decodes, stores and prints nothing.
 *
 *   ptrace_floor -a -- COMMAND...       every syscall, entry and exit
 *                                       (compendium --no-seccomp)
 *   ptrace_floor -s NRS [-x NRS] -- COMMAND...
 *       a seccomp filter stops the syscalls numbered in NRS (comma list)
 *       at entry; those also in the -x list get their exit stop too
 *       (compendium's filter; its [core] stats line gives both lists)
 *
 * At exit, one line on stderr: stops, syscall stops, its own peak RSS.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_NR	1024
#define X32_BIT 0x40000000u

struct nrset {
	int nr[MAX_NR];
	int n;
	unsigned char in[MAX_NR];
};

static int parse_nrs(const char *s, struct nrset *set)
{
	char *end;

	while (*s) {
		long v = strtol(s, &end, 10);

		if (end == s || v < 0 || v >= MAX_NR || set->n >= MAX_NR)
			return -EINVAL;
		if (!set->in[v]) {
			set->in[v] = 1;
			set->nr[set->n++] = (int)v;
		}
		s = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return -EINVAL;
	}
	return 0;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* A binary search over the sorted numbers, as cheap per syscall as the
 * filter compendium builds. Returns -1 if a jump does not fit. */
static int tree(struct sock_filter *f, int *n, const int *nr, int lo, int hi)
{
	int mid, at;

	if (lo == hi) {
		f[(*n)++] = (struct sock_filter)BPF_JUMP(
			BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr[lo], 0, 1);
		f[(*n)++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
							 SECCOMP_RET_TRACE);
		f[(*n)++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
							 SECCOMP_RET_ALLOW);
		return 0;
	}
	mid = (lo + hi + 1) / 2;
	at = (*n)++;
	if (tree(f, n, nr, lo, mid - 1) < 0 || *n - at - 1 > 255)
		return -1;
	f[at] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
					     (unsigned)nr[mid],
					     (unsigned char)(*n - at - 1), 0);
	return tree(f, n, nr, mid, hi);
}

static int install_filter(struct nrset *set)
{
	static struct sock_filter f[8 + 4 * MAX_NR];
	struct sock_fprog prog;
	int n = 0;

	f[n++] = (struct sock_filter)BPF_STMT(
		BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					      AUDIT_ARCH_X86_64, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					      SECCOMP_RET_TRACE);
	f[n++] = (struct sock_filter)BPF_STMT(
		BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
					      X32_BIT, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					      SECCOMP_RET_TRACE);
	if (!set->n) {
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
						      SECCOMP_RET_ALLOW);
	} else {
		qsort(set->nr, (size_t)set->n, sizeof(int), cmp_int);
		if (tree(f, &n, set->nr, 0, set->n - 1) < 0)
			return -E2BIG;
	}
	prog.len = (unsigned short)n;
	prog.filter = f;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: ptrace_floor -a | -s NRS [-x NRS] -- COMMAND [ARGS...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static struct nrset traced, exits;
	struct __ptrace_syscall_info si;
	long long stops = 0, sys_stops = 0;
	int all = 0, secc = 0, opt, st, code = 0;
	unsigned long options;
	struct rusage ru;
	pid_t child, p;

	while ((opt = getopt(argc, argv, "+as:x:")) != -1) {
		switch (opt) {
		case 'a':
			all = 1;
			break;
		case 's':
			secc = 1;
			if (parse_nrs(optarg, &traced) < 0)
				usage();
			break;
		case 'x':
			if (parse_nrs(optarg, &exits) < 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (all == secc || optind >= argc)
		usage();

	child = fork();
	if (child < 0) {
		perror("ptrace_floor: fork");
		return 1;
	}
	if (child == 0) {
		raise(SIGSTOP);
		if (secc && install_filter(&traced) < 0)
			_exit(126);
		execvp(argv[optind], &argv[optind]);
		_exit(127);
	}
	if (waitpid(child, &st, WSTOPPED) < 0 || !WIFSTOPPED(st)) {
		fprintf(stderr, "ptrace_floor: the command did not start\n");
		return 1;
	}
	options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
		  PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
		  PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL |
		  PTRACE_O_TRACESECCOMP;
	if (ptrace(PTRACE_SEIZE, child, 0L, options) < 0) {
		perror("ptrace_floor: PTRACE_SEIZE");
		kill(child, SIGKILL);
		return 1;
	}
	kill(child, SIGCONT);

	for (;;) {
		int sig, ev, inject = 0;
		long req = all ? PTRACE_SYSCALL : PTRACE_CONT;

		p = waitpid(-1, &st, __WALL);
		if (p < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: nothing left to trace */
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (p == child)
				code = WIFEXITED(st) ? WEXITSTATUS(st) :
						       128 + WTERMSIG(st);
			continue;
		}
		if (!WIFSTOPPED(st))
			continue;
		stops++;
		sig = WSTOPSIG(st);
		ev = st >> 16;
		if (sig == (SIGTRAP | 0x80)) {
			sys_stops++;
			ptrace(PTRACE_GET_SYSCALL_INFO, p, (void *)sizeof(si),
			       &si);
		} else if (ev == PTRACE_EVENT_SECCOMP) {
			sys_stops++;
			ptrace(PTRACE_GET_SYSCALL_INFO, p, (void *)sizeof(si),
			       &si);
			if (si.op == PTRACE_SYSCALL_INFO_SECCOMP &&
			    si.seccomp.nr < MAX_NR && exits.in[si.seccomp.nr])
				req = PTRACE_SYSCALL;
		} else if (ev) {
			/* fork/clone/exec/exit events and PTRACE_EVENT_STOP
			 * (a new task's first stop, or a group-stop): go on */
		} else if (sig != SIGSTOP || p != child) {
			inject = sig; /* signal-delivery stop */
		}
		ptrace(req, p, 0L, (long)inject);
	}
	if (getrusage(RUSAGE_SELF, &ru) < 0)
		ru.ru_maxrss = 0;
	fprintf(stderr,
		"ptrace_floor: stops=%lld syscall_stops=%lld peak_rss_kib=%ld\n",
		stops, sys_stops, ru.ru_maxrss);
	return code;
}
