/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Two profiles, key by key: what appeared, what disappeared, what
 * changed beyond a threshold. The changes come out grouped by category,
 * the most telling category first (the command's exit status, findings,
 * processes' exits, the network, ... wall time last) and, within one,
 * appeared before disappeared before changed, the biggest first.
 */
#ifndef CPD_DIFF_COMPARE_H
#define CPD_DIFF_COMPARE_H

#include "profile.h"

enum diff_cat {
	DC_EXIT = 0,  /* the command's exit status */
	DC_FINDINGS,  /* findings, by rule and title */
	DC_PROC_EXIT, /* exit statuses of other processes */
	DC_NETWORK,   /* endpoints connected, accepted, sent to */
	DC_DNS,	      /* names looked up */
	DC_PROGRAMS,  /* programs executed, how often */
	DC_COMMANDS,  /* command lines executed */
	DC_WRITES,    /* files written */
	DC_READS,     /* files read */
	DC_TIME,      /* wall time per process */
	DC_NCATS,
};

enum diff_kind {
	DK_APPEARED = 0,
	DK_DISAPPEARED,
	DK_CHANGED,
	DK_NKINDS,
};

/*
 * One difference. a and b point into the profiles (NULL on the side
 * that lacks it): a struct prof_file, prof_count, prof_endpoint or
 * prof_finding by category; a struct prof_proc for DC_PROC_EXIT and
 * DC_TIME; the struct profile itself for DC_EXIT.
 */
struct diff_change {
	enum diff_cat cat;
	enum diff_kind kind;
	const char *key; /* owned by a profile */
	const void *a, *b;
	unsigned occurrence; /* DC_PROC_EXIT, DC_TIME: the nth such command */
	double weight;	     /* orders changes of one kind */
};

struct diff_opts {
	uint64_t bytes_min;   /* a byte count changes by more than this */
	double bytes_pct;     /* and by more than this % of the larger */
	uint64_t time_min_ns; /* wall time changes by at least this */
	double time_pct;      /* and by at least this % of the first */
	unsigned ignore;      /* 1u << enum diff_cat: left out */
};

struct diff_result {
	struct diff_change *c;
	size_t n, cap;
	size_t kinds[DK_NKINDS];
};

/* Defaults: any byte; 50 % and 100 ms of wall time. */
void diff_opts_init(struct diff_opts *o);
/* "files", "time", ...: the ignore bit of a category name, or 0. */
unsigned diff_cat_bits(const char *name);
/* "files_written", "time": how a category is named in --json. */
const char *diff_cat_name(enum diff_cat cat);
/* "Files written": how people read it. */
const char *diff_cat_title(enum diff_cat cat);
const char *diff_kind_name(enum diff_kind kind);

void diff_compare(const struct profile *a, const struct profile *b,
		  const struct diff_opts *o, struct diff_result *r);
void diff_result_free(struct diff_result *r);

#endif /* CPD_DIFF_COMPARE_H */
