/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A marker syscall the tests look for: getpgid() of a pid that cannot
 * exist, so it fails with ESRCH and no library calls it on its own.
 * Programs print "MARK <tid> <k>" for each marker they make.
 */
#ifndef CPD_TESTS_MARKER_H
#define CPD_TESTS_MARKER_H

#include <stdio.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define MARK_BASE 1000000

static inline pid_t marker_tid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static inline void marker(int k)
{
	syscall(SYS_getpgid, MARK_BASE + k);
	printf("MARK %d %d\n", marker_tid(), k);
	fflush(stdout);
}

#endif
