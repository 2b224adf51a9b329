/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The file an output writes: a path, or "-" for standard output, opened
 * close-on-exec (the tracees never inherit it) with a buffer of the
 * output's choosing. Every failure is logged once, naming the file
 * ("cannot open 'x.csv': Permission denied"); after that the file stays
 * quiet, so a full disk does not repeat itself on every event.
 */
#ifndef CPD_PLUGINS_UTIL_OUTFILE_H
#define CPD_PLUGINS_UTIL_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <compendium/compendium.h>

/* Zero-initialise it; it is closed while fp is NULL. */
struct outfile {
	FILE *fp;
	const char *path; /* as configured; messages name it */
	const struct cpd_host *host;
	struct cpd_instance *inst;
	char *buf;   /* fp's buffer */
	bool failed; /* an error was said */
};

/* outfile_open() flags */
/*
 * "-" is written line by line even to a pipe or a file: the traced
 * command writes to the same place, and a line cut where a full buffer
 * happens to end would have its text land in the middle of ours.
 */
#define OUTFILE_LINES (1u << 0)

/*
 * Open path ("-": a close-on-exec duplicate of stdout, line-buffered on a
 * terminal or with OUTFILE_LINES) with a buffer of bufsize bytes (0: the
 * stdio default). Returns 0, or -errno after logging why.
 */
int outfile_open(struct outfile *o, const struct cpd_host *host,
		 struct cpd_instance *inst, const char *path, size_t bufsize,
		 unsigned flags);

/*
 * Write n bytes. Returns 0, or -EIO once writing failed (the cause is
 * logged, once).
 */
int outfile_write(struct outfile *o, const void *p, size_t n);

/*
 * Say that writing failed with err (ENOMEM: the output ran out of memory
 * building what it writes), unless a failure was said already; the file
 * is failed from then on. Returns -err.
 */
int outfile_error(struct outfile *o, int err);

/*
 * Push the buffer to the file. Returns 0 (also once failed: it was said),
 * or -errno after logging it.
 */
int outfile_flush(struct outfile *o);

/*
 * Flush and close (standard output itself stays open). Returns 0, or
 * -errno after logging it unless a failure was said before. Closing a
 * closed one does nothing.
 */
int outfile_close(struct outfile *o);

#endif /* CPD_PLUGINS_UTIL_OUTFILE_H */
