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
/* A string key/value over len bytes of s. */
struct cpd_kv report_text(const char *key, const char *label, const char *s,
			  size_t len);
/* Publish a report (a section, or a row with CPD_REPORTF_ROW). */
int report_publish(const struct cpd_host *host, struct cpd_instance *inst,
		   const char *topic, const char *title, uint32_t flags,
		   int32_t order, const struct cpd_kv *kv, uint32_t nkv);

/*
 * Say that count records of lost_kind were dropped (CPD_EV_LOST), for
 * reason: rows a table had no room for are CPD_EV_REPORT records.
 */
int report_lost(const struct cpd_host *host, struct cpd_instance *inst,
		uint32_t lost_kind, uint64_t count, const char *reason);

#endif /* CPD_PLUGINS_UTIL_REPORT_H */
