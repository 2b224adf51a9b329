// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * int80: make getpid (20 in the i386 table) through int $0x80 from a
 * 64-bit process. A seccomp filter that only looks at numbers would let
 * it through unseen; ours traps every other-arch syscall.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
	printf("INT80 %ld %d\n", ret, getpid());
	return 0;
}
