/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * expect: assertions about what a run does, for CI. Rules come from
 * [expect] keys (and --expect, which sets them), and from rule files:
 *
 *	no-network [HOST...]	only loopback, and the addresses listed
 *	writes-under DIR...	every file opened for writing is under one
 *	reads-under DIR...	every file opened for reading is under one
 *	exec-only GLOB...	every program executed matches one
 *	no-exec GLOB...		no program executed matches any
 *	exit N			the command exits with status N
 *	no-findings SEVERITY	no finding of that severity or worse
 *	max-processes N		at most N processes in all
 *
 * Each event that breaks a rule is printed as it happens (pid, command,
 * syscall, path or address) and published as a finding expect-RULE of
 * severity error; the summary says which rules held; a rule broken fails
 * the run (cpd_host.fail_run). --expect-out writes what the run did as a
 * rule file, to start a policy from a known-good run.
 *
 * Files: expect.c the plugin, rules.c the rules and rule files, match.c
 * paths, globs and addresses, judge.c the events against the rules,
 * verdict.c what a broken rule prints and publishes, observe.c the
 * profile --expect-out writes.
 */
#ifndef CPD_EXPECT_H
#define CPD_EXPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

enum expect_kind {
	EXPECT_NO_NETWORK = 0,
	EXPECT_WRITES_UNDER,
	EXPECT_READS_UNDER,
	EXPECT_EXEC_ONLY,
	EXPECT_NO_EXEC,
	EXPECT_EXIT,
	EXPECT_NO_FINDINGS,
	EXPECT_MAX_PROCESSES,
	EXPECT_NKINDS,
};

/* An address or network no-network allows: 10.0.0.0/8, [::1]:53. */
struct expect_net {
	uint16_t family; /* AF_INET, AF_INET6 */
	uint8_t addr[16];
	unsigned prefix; /* bits that must match */
	uint16_t port;	 /* 0: any */
};

/* A set of strings (paths, addresses), for dedup and --expect-out. */
#define EXPECT_SET_MAX (1u << 16)
struct expect_set {
	char **items; /* open addressing, NULL free */
	size_t n, cap;
	uint32_t seed;
};

struct expect_rule {
	enum expect_kind kind;
	bool on;
	char **args; /* dirs (absolute, clean) or globs, as given */
	size_t nargs, capargs;
	struct expect_net *nets; /* no-network's allowed hosts */
	size_t nnets, capnets;
	int64_t number;	   /* exit, max-processes, no-findings' severity */
	char *number_from; /* where number was set, for a second setting */
	uint64_t broken;   /* offending events */
	uint64_t shown;	   /* of which printed and published one by one */
	uint64_t first_ns; /* of the ones not shown */
	uint64_t last_ns;
	bool unjudgeable; /* the analyzer it needs is not loaded */
	char first[256];  /* the first offending event, for the report */
};

/* What --expect-out writes: what the run did. */
struct expect_seen {
	struct expect_set dirs_written;
	struct expect_set hosts;
	struct expect_set programs;
};

struct expect {
	const struct cpd_host *host;
	struct cpd_instance *inst;

	/* options */
	const char *const *no_network;
	const char *const *writes_under;
	const char *const *reads_under;
	const char *const *exec_only;
	const char *const *no_exec;
	int64_t exit_status;
	int32_t no_findings;
	uint64_t max_processes;
	const char *const *files;
	const char *out;
	uint64_t max_shown;

	char *cwd;
	struct expect_rule rules[EXPECT_NKINDS];
	bool any_rule;

	/* the run so far */
	uint64_t processes;
	struct expect_set roots;      /* pids of the traced roots */
	struct expect_set net_judged; /* "pid peer" already judged */
	bool root_exited;
	uint64_t root_exit_ns;
	int32_t root_exit_code, root_signal;
	char root_comm[64];
	int32_t root_pid;
	struct expect_seen seen;
};

/* ---- rules.c -------------------------------------------------------- */

/* "writes-under" */
const char *expect_kind_name(enum expect_kind kind);
/* The rules from the options and the rule files; -EINVAL said why. */
int expect_rules_setup(struct expect *x);
/* Parse one rule file; errors FILE:LINE. -EINVAL or -errno. */
int expect_rules_read_file(struct expect *x, const char *path);
/* "writes-under /a /b", malloc'd; NULL on ENOMEM. */
char *expect_rule_text(const struct expect_rule *r);
void expect_rules_free(struct expect *x);

/* Quote a word as rule files read it (when it needs it), into buf. */
size_t expect_quote(const char *s, char *buf, size_t size);

/* ---- match.c -------------------------------------------------------- */

/*
 * dir made absolute (against base when relative) and clean: no ".",
 * "..", "//" or trailing "/". malloc'd; NULL on ENOMEM.
 */
char *expect_clean_path(const char *base, const char *dir);
/* Whether path (len bytes) is dir or under it. */
bool expect_under(const char *path, size_t len, const char *dir);
/* Whether program path (len bytes) matches glob (basename if no '/'). */
bool expect_glob(const char *glob, const char *path, size_t len);
/* Parse "10.0.0.0/8", "[::1]:53", "192.0.2.1:443"; -EINVAL. */
int expect_net_parse(const char *text, struct expect_net *out);
/* Whether sa falls in n. */
bool expect_net_match(const struct expect_net *n,
		      const struct cpd_sockaddr *sa);
/* "10.1.2.3" (no port), into buf. */
size_t expect_addr_text(const struct cpd_sockaddr *sa, char *buf, size_t size);

int expect_set_init(struct expect_set *s);
/* 1 added, 0 already there, -ENOSPC past EXPECT_SET_MAX, -ENOMEM. */
int expect_set_add(struct expect_set *s, const char *item, size_t len);
void expect_set_free(struct expect_set *s);
/* The items sorted (a malloc'd array of borrowed pointers), *n set. */
const char **expect_set_sorted(const struct expect_set *s, size_t *n);

/* ---- judge.c -------------------------------------------------------- */

int expect_judge(struct expect *x, const struct cpd_event *ev);
/* The rules judged when the run ends (exit). */
void expect_judge_end(struct expect *x);

/* ---- verdict.c ------------------------------------------------------ */

/*
 * An event broke rule r: what, in one line without the rule's name
 * ("pid 42 (sh) openat /tmp/x for writing"). Printed and published as a
 * finding while fewer than max_shown were; counted always.
 */
void expect_broken(struct expect *x, struct expect_rule *r,
		   const struct cpd_event *ev, const char *what,
		   const struct cpd_str *path);
/* At the end: the findings for the rest, the report, fail_run(). */
void expect_verdict(struct expect *x);
extern const struct cpd_report_desc expect_reports[];

/* ---- observe.c ------------------------------------------------------ */

void expect_observe(struct expect *x, const struct cpd_event *ev);
/* Write x->out; 0 or -errno (said). */
int expect_observe_write(struct expect *x);

#endif /* CPD_EXPECT_H */
