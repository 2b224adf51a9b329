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
 * A running total an analyzer keeps, reported every --interval period as
 * what it grew by in the period (key) and its value so far (key_total).
 * The caller sets now; last is the library's.
 */
struct report_counter {
	const char *key;   /* snake_case, at most 40 bytes */
	const char *label; /* "Read": the period's; "Read so far" the total */
	uint16_t unit;	   /* enum cpd_unit */
	uint64_t now;
	uint64_t last;
};

/* Publish n counters as a section of period iv; at most 16. */
int report_counters(const struct cpd_host *host, struct cpd_instance *inst,
		    const struct cpd_interval *iv, const char *topic,
		    const char *title, int32_t order, struct report_counter *c,
		    size_t n);

/* The same for period iv of --interval (CPD_REPORTF_INTERVAL is added). */
int report_publish_interval(const struct cpd_host *host,
			    struct cpd_instance *inst,
			    const struct cpd_interval *iv, const char *topic,
			    const char *title, uint32_t flags, int32_t order,
			    const struct cpd_kv *kv, uint32_t nkv);

#endif /* CPD_PLUGINS_UTIL_REPORT_H */
