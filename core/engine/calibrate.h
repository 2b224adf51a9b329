/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What tracing adds to a syscall's measured time. The tracer times a
 * syscall from its entry stop to its exit stop, and between the two, on
 * top of the syscall itself, come the resumption of the tracee after the
 * entry stop and, at the exit, the stop, the tracer's wake-up and its
 * reading of the registers (and, when a plugin times syscalls, of the
 * task's wait for a CPU). A child making a cheap syscall over and over,
 * traced the way the tracer traces (a stop at entry and exit, timed and
 * read at the same points), measures that here, before the command
 * starts.
 */
#ifndef CPD_CORE_CALIBRATE_H
#define CPD_CORE_CALIBRATE_H

#include <stdint.h>

/* Calls made, traced and untraced; the result is their median. */
#define CALIBRATE_CALLS 1000

/*
 * The median measured time of a traced getppid() less its untraced time,
 * into *cost_ns. 0, or -errno when the child could not be traced.
 */
int calibrate_stop_cost(uint64_t *cost_ns);

#endif /* CPD_CORE_CALIBRATE_H */
