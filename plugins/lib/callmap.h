/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Which entry of an analyzer's table of syscall names a syscall event is,
 * found by name the first time its number is seen on its arch and
 * remembered by number after that: a number stands for one name on one
 * arch, and comparing names on every event was most of an analyzer's own
 * work on a syscall-heavy trace.
 */
#ifndef CPD_PLUGINS_UTIL_CALLMAP_H
#define CPD_PLUGINS_UTIL_CALLMAP_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/event.h>
#include <compendium/syscall.h>

/* Numbers remembered per arch; others are found by name each time. */
#define CALLMAP_NR_MAX 1024
#define CALLMAP_ARCHES 4

struct callmap_arch {
	uint32_t arch;
	uint8_t idx[CALLMAP_NR_MAX]; /* 0: not looked up; else index + 1 */
};

struct callmap {
	const char *(*name)(size_t i); /* the table's i-th name */
	size_t n;		       /* entries in the table (< 255) */
	struct callmap_arch arch[CALLMAP_ARCHES];
	size_t narch;
};

/* A map over a table of n names, name(i) being the i-th. */
void callmap_init(struct callmap *m, const char *(*name)(size_t i), size_t n);

/* The index in the table of sc's name, or -1 when it is not there. */
int callmap_find(struct callmap *m, const struct cpd_syscall *sc);

/*
 * For an analyzer that reports results: ev's index when it is a syscall
 * of the table seen to its exit, else -1 (other kinds, calls whose exit
 * was not observed or not asked for, names not in the table).
 */
int callmap_find_completed(struct callmap *m, const struct cpd_event *ev);

#endif /* CPD_PLUGINS_UTIL_CALLMAP_H */
