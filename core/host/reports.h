/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The report schemas plugins declare (cpd_plugin.reports): checking one
 * when its plugin is loaded, the topics of the loaded plugins (what
 * cpd_host.report_desc serves), and checking and completing a report
 * against its schema when it is published.
 */
#ifndef CPD_CORE_REPORTS_H
#define CPD_CORE_REPORTS_H

#include <stdio.h>

#include <compendium/event.h>
#include <compendium/report.h>

#include "base/cpd.h"

/* Reports one plugin may declare; more means a missing CPD_REPORT_END. */
#define REPORTS_MAX	  256
#define REPORTS_KEYS_MAX  256
#define REPORTS_TOPIC_MAX 63

/*
 * Check a plugin's reports (NULL: none) against every rule of
 * compendium/report.h. On failure returns -EINVAL and fills why with the
 * report, the key and the rule ("report 'x': key 'y' has unknown unit 9").
 */
int reports_check(const struct cpd_report_desc *reports, char *why,
		  size_t whylen);

/*
 * Make the reports of plugin owner (checked) known, so report_desc()
 * finds them. -EEXIST, with why naming the plugin that declared it
 * first, when one of the topics is taken; nothing is added then.
 * owner and the reports must outlive the registration.
 */
int reports_add(const char *owner, const struct cpd_report_desc *reports,
		char *why, size_t whylen);
/* Forget every registration (before the plugins are unloaded). */
void reports_reset(void);

/* The schema of a topic of len bytes and its declarer, or NULL. */
const struct cpd_report_desc *reports_find(const char *topic, size_t len,
					   const char **owner);
/* The key called name in a schema, or NULL. */
const struct cpd_report_key *reports_key(const struct cpd_report_desc *d,
					 const char *name, size_t len);

/*
 * A report publisher is about to publish (ev, in_size bytes of it valid),
 * checked against the schema of its topic and completed from it: *out is
 * ev with the schema's title and order, and a key/value array (*kvp,
 * malloc'd, the caller frees it) with each key's label and unit. A topic
 * nobody declares is left as it is (*kvp NULL, *out a copy of ev).
 * Returns 0, -EPERM for a topic another plugin declares, -EINVAL for a
 * report that is malformed or does not match its schema; why says which
 * key and rule.
 */
int reports_complete(const char *publisher, const struct cpd_event *ev,
		     size_t in_size, struct cpd_event *out, struct cpd_kv **kvp,
		     char *why, size_t whylen);

/* "u64", "string", ...; "bytes", "ns", ... (for listings) */
const char *reports_type_name(uint32_t type);
const char *reports_unit_name(uint32_t unit);

/*
 * Print the schema of one plugin's reports, as --list-reports shows it:
 *
 *	file.failed: Failed opens
 *	    table of file, order 22, in the summary as "{path} ({error}, {count}×)"
 *	    the files that could not be opened, by path and error
 *	    path          string  none   key              Path
 *	        the path as the program gave it
 */
void reports_print(FILE *fp, const char *owner,
		   const struct cpd_report_desc *reports);

#endif /* CPD_CORE_REPORTS_H */
