/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The html output's internals, shared by its files and its unit tests.
 * The data block it writes is documented in doc/html-report.md.
 *
 * Memory stays bounded by the event cap, whatever the trace's length:
 * a kept event is a small fixed header plus its details and fields,
 * serialised to JSON once into an arena. Past the cap, the rows a person
 * looks for first (process lifecycle, failures, connections, findings)
 * are still kept, up to as many again; every other row is folded into a
 * summary per task, type, target and time bucket, whose number is
 * bounded too (html_agg.c). Lanes, report rows, notices and findings
 * grow with tasks, files and messages; the memory and I/O series are
 * decimated to a fixed number of points (html_series.c).
 */
#ifndef CPD_PLUGINS_HTML_HTML_H
#define CPD_PLUGINS_HTML_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <compendium/compendium.h>

#include "lib/escape.h"
#include "lib/evjson.h"
#include "lib/outfile.h"

/* The finding kind's category when the host has no name for it yet. */
#define HTML_FINDING_CAT "finding"

/* One task: a process or a thread, as a swimlane. */
struct html_lane {
	int32_t pid;
	int32_t tid;
	int32_t parent; /* internal index of the parent lane, or -1 */
	bool thread;
	bool ended;
	int32_t exit_code; /* -1 when it did not exit normally */
	int32_t signal;
	uint64_t start_ns; /* relative to the start of tracing */
	uint64_t end_ns;
	char *comm;
	char *exe;
	char *argv; /* NUL-separated */
	uint32_t argv_len;
	uint32_t out; /* index in the written order */
	uint32_t mem; /* its memory series' index + 1, 0 for none */
};

/* A kept event; text is `"details",{fields}` in the arena. */
struct html_row {
	uint64_t t;
	uint64_t dur;
	uint32_t lane; /* internal lane index */
	uint16_t cat;
	uint16_t type;
	uint32_t count;
	uint32_t len;
	const char *text;
};

/* A block of the arena the rows' text lives in. */
struct html_chunk {
	struct html_chunk *next;
	size_t used;
	size_t size;
	char data[];
};

/*
 * The row being coalesced: consecutive reads (or writes, sends,
 * receives) by one task on one target become one row. The first event
 * is copied with its strings, so its fields can be written when the run
 * ends; bytes and count then hold the sums.
 */
struct html_pending {
	bool active;
	bool kept;	     /* within the cap: it will be written */
	struct cpd_event ev; /* the first event, strings in strs */
	char *strs;
	uint64_t bytes;
	uint64_t count;
	uint64_t first_ts;
	uint64_t last_ts;
	/* past the cap: where the run will be summarised (html_agg.c) */
	uint32_t lane;
	uint16_t cat;
	uint16_t type;
	uint16_t kind;
	uint16_t op;
	bool has_target; /* the target is in html_data.pend_target */
};

/*
 * A summary of rows past the cap: those of one task, category, type and
 * target (a path or peer; none once there are many) in one time bucket.
 */
struct html_agg {
	uint64_t bucket;
	uint64_t first, last; /* relative times of its first and last row */
	uint64_t rows;	      /* report rows it stands for */
	uint64_t ops;	      /* operations behind them */
	uint64_t bytes;
	uint32_t lane; /* internal lane index */
	uint16_t cat;
	uint16_t type;
	uint16_t kind; /* the event kind, for the target's name */
	uint16_t op;   /* file or net op, for "from" / "to" */
	char *target;  /* NULL: every other target */
	uint32_t next; /* hash chain: index + 1, 0 ends */
};

struct html_aggs {
	struct html_agg *v;
	uint64_t n, cap;
	uint32_t *heads; /* hash -> index + 1 */
	uint32_t nheads; /* a power of two */
	uint64_t width;	 /* ns per bucket; 0 until the first summary */
	uint64_t from;	 /* time of the first summarised row */
	uint64_t rows;	 /* report rows summarised */
	uint64_t limit;	 /* summaries before the buckets widen */
};

/* One process's memory over time: (t, heap, mapped) triples. */
struct html_mem {
	uint32_t lane; /* internal index of the process's lane */
	uint32_t n;
	uint64_t min_dt; /* points closer than this replace the last */
	uint64_t (*pts)[3];
};

/* Bytes read, written, sent and received per time bucket. */
enum html_io_series {
	HTML_IO_READ,
	HTML_IO_WRITE,
	HTML_IO_SENT,
	HTML_IO_RECEIVED,
	HTML_IO_SERIES,
};

struct html_io {
	uint64_t width; /* ns per bucket, doubled when they run out */
	uint32_t n;	/* buckets in use */
	uint64_t (*b)[HTML_IO_SERIES];
};

/* A finding (CPD_EV_FINDING): its lane, and the rest of its object. */
struct html_finding {
	uint32_t severity;
	uint32_t lane;
	uint64_t first;
	char *json; /* the object's members after "lane", without braces */
};

struct html_table {
	char *topic;
	char *title;
	int32_t order;
	char **keys; /* column keys, in order */
	uint32_t nkeys;
	struct escape_buf
		columns;	/* JSON of each column object, comma-joined */
	struct escape_buf rows; /* JSON arrays, comma-joined */
	uint64_t nrows;
};

struct html_section {
	int32_t order;
	uint32_t seq;
	struct escape_buf json;
};

struct html_lost {
	uint32_t kind;
	uint64_t count;
	char *reason;
};

#define HTML_MAX_NOTICES  1000
#define HTML_MAX_FINDINGS 1000

#define HTML_NAMED_KNOWN 1
#define HTML_NAMED_COMM	 2

struct html_data {
	const struct cpd_host *host;
	struct evjson_keys keys; /* of the fields, made once */
	/* per built-in kind: HTML_NAMED_*, whether it has a field so named */
	uint8_t named[CPD_EV_CUSTOM_FIRST];
	uint64_t start_ns;
	uint64_t max_events; /* the cap, counted after coalescing */
	bool hidden;	     /* include what the noise filters hid */
	bool verbose;	     /* include munmap, mremap, mprotect */
	bool compress;	     /* gzip + base64 the data block */

	struct html_lane *lanes;
	uint32_t nlanes, caplanes;
	uint32_t *lane_map; /* open addressing: tid -> lane index + 1 */
	uint32_t map_size;

	struct html_row *rows;
	uint64_t nrows, caprows;
	struct html_chunk *chunks;
	uint64_t total;	 /* rows as the report shows them, kept or not */
	uint64_t always; /* rows kept past the cap: always-kept kinds */
	uint64_t nkept;	 /* rows kept in full; the rest of rows: summaries */
	uint64_t kinds;	 /* mask of the event kinds with a row */
	struct html_aggs aggs;
	struct html_pending pend;
	/* what "same target" compares: the pending row's, the new event's */
	struct escape_buf pend_key, key;
	struct escape_buf pend_target; /* the pending run's, past the cap */

	char **cats; /* event kinds' names: html_cats_init()'s, then others */
	uint32_t ncats;
	char **types;
	uint32_t ntypes;

	struct html_section *sections;
	uint32_t nsections;
	struct html_table *tables;
	uint32_t ntables;
	struct html_lost *lost;
	uint32_t nlost;
	struct escape_buf notices;
	uint32_t nnotices;
	uint64_t notices_dropped;
	struct html_finding *findings;
	uint32_t nfindings;
	uint64_t findings_dropped;

	struct html_mem *mem;
	uint32_t nmem, capmem;
	struct html_io io;

	struct escape_buf scratch;
	bool oom; /* something could not be kept */
};

/* The plugin instance (html.c). */
struct html {
	const char *path;
	uint64_t max_events;
	bool hidden;
	bool compress;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct outfile out;
	struct html_data data;
};

/* html_util.c: what every part of the collector uses */
int html_grow(void *arrp, uint64_t n, uint64_t *cap, size_t sz);
char *html_strndup(const struct cpd_str *s);
uint64_t html_rel(const struct html_data *d, uint64_t ts);
int html_intern(char ***list, uint32_t *n, const char *s);
/* The category of an event kind, made on first use; -errno. */
int html_cat(struct html_data *d, uint32_t kind);
/* The SDK's kinds as the first categories, in a fixed order. 0, -errno. */
int html_cats_init(struct html_data *d);
const char *html_cat_name(const struct html_data *d, uint32_t cat);
uint32_t html_ncats(const struct html_data *d);
/* The SDK's enum cpd_unit by name ("bytes"); "none" for an unknown one. */
const char *html_unit_name(uint16_t unit);

/* html_data.c: the collector, dispatching to lanes, rows and reports */
void html_data_init(struct html_data *d, const struct cpd_host *host,
		    uint64_t start_ns, uint64_t max_events);
void html_data_free(struct html_data *d);
/* Take one event from the bus. Returns 0, or -ENOMEM once memory ran out. */
int html_data_add(struct html_data *d, const struct cpd_event *ev);
/* Close the row being coalesced; call before writing. */
int html_data_finish(struct html_data *d);

/* html_lanes.c: the lane of a task, made on first sight; -1 on ENOMEM */
int32_t html_lane_get(struct html_data *d, int32_t pid, int32_t tid,
		      uint64_t t);
int html_lanes_proc(struct html_data *d, const struct cpd_event *ev);

/* html_rows.c: one event the report shows; the row being coalesced */
int html_row_event(struct html_data *d, const struct cpd_event *ev);
void html_pending_clear(struct html_pending *p);
int html_row_add(struct html_data *d, uint64_t t, uint64_t dur, uint32_t lane,
		 uint16_t cat, uint16_t type, uint64_t count,
		 const struct escape_buf *text);

/* html_agg.c: the rows past the cap, summarised */
int html_agg_add(struct html_data *d, uint16_t kind, uint16_t op, uint32_t lane,
		 uint16_t cat, uint16_t type, const char *target,
		 size_t target_len, uint64_t rows, uint64_t ops, uint64_t bytes,
		 uint64_t first, uint64_t last);
void html_agg_target(struct escape_buf *b, const struct cpd_event *ev,
		     bool *has);
/* Make each summary a row of the table; call once, after finishing. */
int html_agg_rows(struct html_data *d);
void html_agg_free(struct html_aggs *a);

/* html_series.c: memory per process and I/O throughput, from every event */
int html_series_add(struct html_data *d, const struct cpd_event *ev);
void html_series_free(struct html_data *d);

/* html_findings.c: what the findings analyzer concluded */
int html_finding_add(struct html_data *d, const struct cpd_event *ev);
void html_findings_free(struct html_data *d);

/* html_reports.c */
int html_report_section(struct html_data *d, const struct cpd_ev_report *r);
int html_report_row(struct html_data *d, const struct cpd_ev_report *r);

/* html_detail.c: the one-line text of an event, as the console says it. */
bool html_detail_shown(const struct html_data *d, const struct cpd_event *ev);
const char *html_detail_type(const struct cpd_host *host,
			     const struct cpd_event *ev, char *buf,
			     size_t size);
void html_detail(struct escape_buf *b, const struct cpd_host *host,
		 const struct cpd_event *ev, uint64_t count);
void html_detail_bytes(struct escape_buf *b, uint64_t bytes);

/* html_write.c */
struct html_meta {
	const struct cpd_run_info *run;
	const struct cpd_trace_stats *stats;
	const char *version;
	uint64_t end_ns; /* CLOCK_MONOTONIC when tracing ended */
};
/*
 * Write the whole document to fp. Returns 0 or -errno (errno of the
 * failed write); the caller closes fp and says what failed.
 */
int html_write(FILE *fp, struct html_data *d, const struct html_meta *m);

/*
 * html_sink.c: where the writer's bytes go: straight to the file, or
 * (the data block, when compressed) through gzip and base64 first.
 */
struct html_sink {
	FILE *fp;
	int err;	      /* the first error, positive errno */
	void *z;	      /* the compressor while one is open */
	unsigned char b64[3]; /* bytes waiting for a base64 quantum */
	unsigned nb64;
};
/* Whether this build can compress (it was built with zlib). */
bool html_sink_can_compress(void);
void html_sink_write(struct html_sink *s, const void *p, size_t n);
/* From here until html_sink_end, bytes are gzipped and base64-encoded. */
int html_sink_begin_gzip(struct html_sink *s);
void html_sink_end_gzip(struct html_sink *s);

#endif /* CPD_PLUGINS_HTML_HTML_H */
