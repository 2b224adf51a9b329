/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What one trace did, by name: files read and written with their bytes,
 * programs and command lines executed, network endpoints, DNS names,
 * findings, each process's exit and wall time. Built record by record
 * from a jsonl trace, with every name normalised, so two profiles of the
 * same work compare key by key.
 */
#ifndef CPD_DIFF_PROFILE_H
#define CPD_DIFF_PROFILE_H

#include "json.h"
#include "normalize.h"
#include "strmap.h"

/* A file read or written: bytes moved and times opened. */
struct prof_file {
	uint64_t bytes;
	uint64_t opens;
};

/* Programs, command lines, DNS names: how many times. */
struct prof_count {
	uint64_t count;
};

struct prof_endpoint {
	uint64_t connects; /* connects, accepts or first sends */
	uint64_t failed;   /* connects that failed */
	uint64_t sent, recv;
};

struct prof_finding {
	uint32_t severity; /* 1 info .. 4 error, 0 unknown */
	uint64_t count;
	char *id;
	char *title;
};

/* One process, from its spawn (or first record) to its exit. */
struct prof_proc {
	char *cmd; /* normalised program and arguments */
	uint64_t start_ns, end_ns;
	int64_t exit_code; /* -1 when killed */
	int64_t signal;
	bool exited;
	bool root;
};

struct profile {
	const struct norm *norm;
	struct strmap reads;	 /* path -> prof_file */
	struct strmap writes;	 /* path -> prof_file */
	struct strmap programs;	 /* program path -> prof_count */
	struct strmap commands;	 /* command line -> prof_count */
	struct strmap endpoints; /* "tcp4 10.0.0.1:443" -> prof_endpoint */
	struct strmap dns;	 /* name -> prof_count */
	struct strmap findings;	 /* "id\ntitle" -> prof_finding */
	struct prof_proc *procs;
	size_t nprocs, capprocs;
	/* while reading */
	struct strmap live;    /* pid -> size_t, procs index + 1 (0: gone) */
	struct strmap sockets; /* "pid/fd" -> char *, the endpoint's key */
	uint64_t records;      /* event and report records read */
	bool root_exited;
	int64_t root_exit_code, root_signal;
};

void profile_init(struct profile *p, const struct norm *n);
/* Take one jsonl record (schema already checked). */
void profile_add(struct profile *p, const struct json_value *rec);
void profile_free(struct profile *p);

#endif /* CPD_DIFF_PROFILE_H */
