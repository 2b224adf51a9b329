/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The console output's internals, shared by its files:
 *   console.c  options and the plugin's callbacks
 *   render.c   writing lines (prefix, colour, the -o copy) and turning
 *              values into text
 *   live.c     the live line of each event kind
 *   summary.c  the reports it keeps and the summary it prints at the end
 *   problems.c the summary's first block: the findings that matter
 */
#ifndef CPD_PLUGINS_CONSOLE_H
#define CPD_PLUGINS_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <compendium/compendium.h>

#include "lib/format.h"
#include "lib/outfile.h"

/* Room for one escaped path (the core keeps paths whole: PATH_MAX). */
#define CONSOLE_ESC_MAX (FORMAT_ESCAPED_MAX(4096) + 4)
/* Room for a line: two escaped paths and the words around them. */
#define CONSOLE_LINE_MAX (2 * CONSOLE_ESC_MAX + 512)
/* stdio buffer of the copy; our buffer of a stream going to /dev/null */
#define CONSOLE_BUF_SIZE (64 * 1024)
/* Room for a prefix ("[+S.SSSs] [tid] "), a kind word and their colours. */
#define CONSOLE_PREFIX_MAX 64
#define CONSOLE_KIND_MAX   (CONSOLE_ESC_MAX + 32)
/* One whole output line: prefix, kind, body, colours, newline. */
#define CONSOLE_OUT_MAX \
	(CONSOLE_PREFIX_MAX + CONSOLE_KIND_MAX + CONSOLE_LINE_MAX + 32)
/* Rows of a summary list, and subprocess names, shown before "... more". */
#define CONSOLE_LIST_MAX 10
/* brk growth up to a page is allocator noise (the original's rule) */
#define CONSOLE_BRK_MIN 4096

enum console_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum console_target { TARGET_STDERR, TARGET_STDOUT, TARGET_NONE };

/* What a line is about: picks the colour of its kind word. */
enum console_class {
	CLS_PLAIN,
	CLS_FILE,
	CLS_NET,
	CLS_MEM,
	CLS_PROC,
	CLS_EXEC,
	CLS_FAULT,
	CLS_LATENCY,
	CLS_ERROR,
	CLS_OTHER,
};

#define COLOR_DIM   "\033[2m"
#define COLOR_RESET "\033[0m"

/* One key/value of a report, deep-copied: reports are borrowed. */
struct console_kv {
	char *key;
	char *label;
	uint16_t type; /* enum cpd_kv_type */
	uint16_t unit; /* enum cpd_unit */
	union {
		int64_t s64;
		uint64_t u64;
		double dbl;
	} v;
	struct cpd_str str; /* CPD_KV_STR: owned copy */
};

struct console_report {
	char *topic;
	char *title;
	int32_t order;
	uint64_t seq; /* arrival, to keep sorting stable */
	uint32_t nkv;
	struct console_kv *kv;
	const struct cpd_report_desc *desc; /* its schema; NULL: none */
	uint64_t again; /* a table's row: the same line this many more times */
};

/* The first rows of a summary table, and how many there were. */
struct console_rows {
	struct console_report *row;
	size_t n, cap;
	size_t max; /* rows shown: the schema's summary_rows, or 10 */
	uint64_t total;
	uint64_t again; /* rows folded into the line before them */
	char *last;	/* the last kept row's line, to fold repeats */
	char *topic;
	char *title;
	const struct cpd_report_desc *desc;
};

/* Findings of severity warning and above kept for the Problems block. */
#define CONSOLE_PROBLEMS_MAX 256

struct console_problem {
	uint32_t severity;
	uint64_t seq;
	uint64_t count;
	char *text; /* the title, escaped */
};

struct console_problems {
	struct console_problem *v;
	size_t n, cap;
	uint64_t total; /* warning and above, kept or not */
};

struct console {
	/* options, written by host->apply_options() */
	const char *output;
	bool stream;
	bool summary;
	int32_t color;
	int32_t target;
	uint64_t sched_min_print;
	bool hidden;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	const struct cpd_run_info *run;
	const struct cpd_trace_stats *stats;

	int out;    /* the live stream; -1 with target = none */
	FILE *copy; /* -o: every line, no colour; copy_file's stream */
	struct outfile copy_file;
	/* whole lines held back, written when full and at flushes */
	char *out_buf;
	size_t out_len;
	int out_err; /* the stream's first write error */
	bool colour;
	bool write_error; /* said once */

	uint64_t start_ns; /* origin of "+S.SSSs" */
	/* the last line prefix, for the next event of the same ms and task */
	char pfx[CONSOLE_PREFIX_MAX];
	size_t pfx_len;
	uint64_t pfx_ms;
	int32_t pfx_who;
	long tasks; /* live tasks, for a host that does not count */
	bool root_exec_seen;
	bool exec_failed; /* the command exited before its first exec */

	struct console_report *sections; /* one per topic, the last */
	size_t nsections, capsections;
	struct console_rows **tables; /* the summary's, by first row */
	size_t ntables, captables;

	struct console_problems problems;
	struct console_columns *columns; /* columns.c: --interval's reports */

	char **subprocs; /* unique exec names, first-exec order */
	size_t nsubprocs, capsubprocs;

	uint64_t lost[CPD_EV_MAX + 1];
	char *lost_reason[CPD_EV_MAX + 1];

	/* scratch, here rather than on the stack: paths can be long */
	char esc[2][CONSOLE_ESC_MAX];
	char line[CONSOLE_LINE_MAX];
	char wline[CONSOLE_OUT_MAX]; /* the line as the stream gets it */
};

/*
 * A string being built, cut (never overrun) at size - 1 like vsnprintf.
 * The live line is put together with these rather than stdio: it is the
 * console's work for every event, and printf's was most of it.
 */
struct console_sb {
	char *buf;
	size_t len, size;
};

/* render.c */
const char *console_addr(const struct console *c, uint64_t addr, char *buf,
			 size_t size);
const char *console_base(struct console *c, int i, const struct cpd_str *s);
struct console_sb console_body(struct console *c);
void console_emit(struct console *c, const struct cpd_event *ev, int cls,
		  const char *kind);
const char *console_errno(const struct console *c, int err, char *buf,
			  size_t size);
const char *console_esc(struct console *c, int i, const struct cpd_str *s);
void console_generic(struct console *c, const struct cpd_event *ev);
void console_line(struct console *c, const struct cpd_event *ev, int cls,
		  const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
uint64_t console_now(void);
void console_out_flush(struct console *c);
void console_printf(struct console *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void console_sb_put(struct console_sb *sb, const char *s, size_t n);
void console_sb_str(struct console_sb *sb, const char *s);
void console_sb_uint(struct console_sb *sb, uint64_t v);
const char *console_times(uint32_t count, char *buf, size_t size);
void console_value(struct console *c, uint16_t unit, bool is_signed, uint64_t u,
		   char *buf, size_t size);
void console_write(struct console *c, const char *prefix, int cls,
		   const char *kind, const char *body);

/* live.c */
void console_blkio(struct console *c, const struct cpd_event *ev);
void console_fault(struct console *c, const struct cpd_event *ev);
void console_file(struct console *c, const struct cpd_event *ev);
void console_lost(struct console *c, const struct cpd_event *ev);
void console_mmap(struct console *c, const struct cpd_event *ev);
void console_net(struct console *c, const struct cpd_event *ev);
void console_notice(struct console *c, const struct cpd_event *ev);
void console_proc(struct console *c, const struct cpd_event *ev);
void console_sched(struct console *c, const struct cpd_event *ev);
void console_dns(struct console *c, const struct cpd_event *ev);
void console_syscall(struct console *c, const struct cpd_event *ev);

/* summary.c */
int console_report(struct console *c, const struct cpd_event *ev);
int console_report_copy(struct console_report *r, const struct cpd_event *ev,
			const struct cpd_report_desc *desc);
void console_report_free(struct console_report *r);
/* The value called key in a report, or NULL. */
const struct console_kv *console_kv(const struct console_report *r,
				    const char *key);
void console_kv_text(struct console *c, const struct console_kv *kv, bool align,
		     char *buf, size_t size);
void console_reports_free(struct console *c);
void console_summary(struct console *c);

/* problems.c */
void console_finding(struct console *c, const struct cpd_event *ev);
void console_problems(struct console *c);
void console_problems_free(struct console *c);

/*
 * columns.c. A table whose schema has CPD_RDF_COLUMNS, laid out as
 * columns under a header: n of its total rows are in row.
 */
void console_columns(struct console *c, const char *title,
		     const struct cpd_report_desc *d,
		     const struct console_report *row, size_t n,
		     uint64_t total);
/* Keep a report of an --interval period until its block. 0 or -ENOMEM. */
int console_interval_take(struct console *c, const struct cpd_event *ev,
			  const struct cpd_report_desc *desc);
/* Print the reports of period iv, and forget them. */
void console_interval_block(struct console *c, const struct cpd_interval *iv);
void console_columns_free(struct console *c);

#endif /* CPD_PLUGINS_CONSOLE_H */
