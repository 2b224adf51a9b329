// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * syscall_loop N: N raw getppid() calls, a syscall no analyzer needs. The
 * raw syscall, so no libc cache can skip the kernel.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 10000;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
