/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Reading a jsonl trace (doc/outputs.md) into a profile, one line at a
 * time. A trace cut short by a crash, or damaged, is read up to the
 * damage: what came before is good, and a warning names the line. A
 * trace of another schema is refused, with its version.
 */
#ifndef CPD_DIFF_TRACE_H
#define CPD_DIFF_TRACE_H

#include "profile.h"

/* The schema of jsonl records this reader understands. */
#define TRACE_SCHEMA 1
/* No jsonl line compendium writes comes near this. */
#define TRACE_MAX_LINE (16u << 20)

struct trace_info {
	uint64_t lines;	       /* lines read whole */
	uint64_t damaged_line; /* the first bad line, 0 when none */
	char damage[128];      /* what was wrong with it */
};

/*
 * Read the trace at path ("-": stdin) into p. Returns 0, also for a
 * damaged trace (a warning said where), or -errno with the reason
 * printed: the file cannot be read, or -EPROTO for another schema.
 */
int trace_read(const char *path, struct profile *p, struct trace_info *info);
/* The same over len bytes in memory, named name in messages (tests). */
int trace_read_mem(const char *name, const char *text, size_t len,
		   struct profile *p, struct trace_info *info);

#endif /* CPD_DIFF_TRACE_H */
