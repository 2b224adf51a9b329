/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * compendium diff A.jsonl B.jsonl: what appeared, disappeared or changed
 * between two traces. Reads traces the jsonl output wrote; traces
 * nothing itself.
 */
#ifndef CPD_DIFF_DIFF_H
#define CPD_DIFF_DIFF_H

#include <stdio.h>

/* Exit statuses of the subcommand. */
enum {
	DIFF_SAME = 0,
	DIFF_DIFFERENT = 1,
	DIFF_ERROR = 2,
};

/* The subcommand; argv[0] is "diff". Returns its exit status. */
int diff_main(int argc, char **argv);
void diff_usage(FILE *fp);

#endif /* CPD_DIFF_DIFF_H */
