/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Building the events analyzers publish: reading the syscall an event
 * derives from, the event itself, and the CPD_EV_REPORT events that hand
 * a summary to the outputs.
 */
#ifndef CPD_PLUGINS_UTIL_REPORT_H
#define CPD_PLUGINS_UTIL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

/* Decoded argument i of a syscall, or NULL when the call has none. */
const struct cpd_arg *report_arg(const struct cpd_syscall *sc, unsigned i);
/* The fd behind argument i as the core knew it, or NULL. */
const struct cpd_fdinfo *report_arg_fd(const struct cpd_syscall *sc,
				       unsigned i);
/*
 * The messages argument i (a msghdr or an mmsghdr array) moved, as the
 * core decoded them: *n of them, NULL when there are none.
 */
const struct cpd_msg *report_arg_msgs(const struct cpd_syscall *sc, unsigned i,
				      uint32_t *n);
/* openat2's struct open_how in argument i, or NULL when it was not read. */
const struct cpd_open_how *report_arg_open_how(const struct cpd_syscall *sc,
					       unsigned i);
/* i386 old_mmap's argument block in argument i, or NULL. */
const struct cpd_mmap_args *report_arg_mmap(const struct cpd_syscall *sc,
					    unsigned i);
/* getsockopt's option value in argument i, or NULL when it was not read. */
const struct cpd_sockopt *report_arg_sockopt(const struct cpd_syscall *sc,
					     unsigned i);

/*
 * Start an event of kind about the same task and moment as the syscall
 * event sev that caused it (zeroed payload, size, times, pid/tid/comm).
 */
void report_derive(struct cpd_event *ev, uint16_t kind,
		   const struct cpd_event *sev);

/* A borrowed counted string over s (NULL s: absent). */
struct cpd_str report_str(const char *s, size_t len);
/* A numeric key/value; label may be NULL. */
struct cpd_kv report_u64(const char *key, const char *label, uint16_t unit,
			 uint64_t v);
/* A floating-point key/value (a percentage, a ratio). */
struct cpd_kv report_f64(const char *key, const char *label, uint16_t unit,
			 double v);
/* A string key/value over len bytes of s. */
struct cpd_kv report_text(const char *key, const char *label, const char *s,
			  size_t len);
/* Publish a report (a section, or a row with CPD_REPORTF_ROW). */
int report_publish(const struct cpd_host *host, struct cpd_instance *inst,
		   const char *topic, const char *title, uint32_t flags,
		   int32_t order, const struct cpd_kv *kv, uint32_t nkv);
/*
 * Reports with a schema (compendium/report.h) carry only values: the
 * host completes each key's label and unit, the title and the order
 * from the schema the analyzer declared.
 */
/* One entry of a static cpd_report_key table, and a table's length. */
#define REPORT_KEY(k, l, t, u, f, g, h)                             \
	{                                                           \
		.key = (k), .label = (l), .type = (t), .unit = (u), \
		.flags = (f), .group = (g), .help = (h)             \
	}
#define REPORT_NKEYS(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))
/* The value of a numeric key. */
struct cpd_kv report_val_u64(const char *key, uint64_t v);
/* The value of a string key: len bytes of s. */
struct cpd_kv report_val_text(const char *key, const char *s, size_t len);
/* The value of a floating-point key (a percentage). */
struct cpd_kv report_val_f64(const char *key, double v);
/* Publish a section, or a row of a table, of the report d declares. */
int report_publish_desc(const struct cpd_host *host, struct cpd_instance *inst,
			const struct cpd_report_desc *d,
			const struct cpd_kv *kv, uint32_t nkv);
/*
 * The same, of period iv of --interval: from the plugin's interval(),
 * flagged CPD_REPORTF_INTERVAL and numbered iv->index.
 */
int report_publish_period(const struct cpd_host *host,
			  struct cpd_instance *inst,
			  const struct cpd_interval *iv,
			  const struct cpd_report_desc *d,
			  const struct cpd_kv *kv, uint32_t nkv);

/*
 * A running total an analyzer keeps, reported every --interval period as
 * what it grew by in the period (key) and its value so far (key_total);
 * its schema declares both. The caller sets now; last is the library's.
 */
struct report_counter {
	const char *key; /* [a-z0-9_]+, at most 40 bytes */
	uint64_t now;
	uint64_t last;
};

/* Publish n counters as the section d of period iv; at most 16. */
int report_counters(const struct cpd_host *host, struct cpd_instance *inst,
		    const struct cpd_interval *iv,
		    const struct cpd_report_desc *d, struct report_counter *c,
		    size_t n);
/*
 * The schema of a report an output received, or NULL: no plugin declared
 * its topic, or the host predates ABI 1.1.
 */
const struct cpd_report_desc *report_schema(const struct cpd_host *host,
					    const struct cpd_ev_report *r);
/* The key of d called name (len bytes), or NULL. */
const struct cpd_report_key *report_schema_key(const struct cpd_report_desc *d,
					       const char *name, size_t len);

/*
 * Say that count records of lost_kind were dropped (CPD_EV_LOST), for
 * reason: rows a table had no room for are CPD_EV_REPORT records.
 */
int report_lost(const struct cpd_host *host, struct cpd_instance *inst,
		uint32_t lost_kind, uint64_t count, const char *reason);

#endif /* CPD_PLUGINS_UTIL_REPORT_H */
