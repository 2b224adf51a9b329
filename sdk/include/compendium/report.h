/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * The report schema: what each report an analyzer publishes means and how
 * it is shown. An analyzer declares its reports once, statically, in its
 * descriptor (cpd_plugin.reports); the CPD_EV_REPORT events it publishes
 * then carry only values, and every output (the console's summary, the
 * HTML report, csv, jsonl, a third party's) renders them from the schema,
 * with no code that knows which analyzer wrote them.
 *
 * The loader checks every schema (topic syntax, topics unique across the
 * loaded plugins, keys, types, units, flags, row templates) and refuses
 * the plugin, naming the rule, when one is wrong. publish() checks every
 * report of a declared topic against its schema (only its declarer may
 * publish it; every key declared, of the declared type and unit) and
 * refuses one that does not match with -EINVAL; a report it accepts is
 * completed from the schema (title, order, each key's label and unit), so
 * outputs built against ABI 1.0 see the same labels as the others.
 *
 * A report whose topic no loaded plugin declares (a plugin built against
 * ABI 1.0) is still shown: from the labels and units of its key/values,
 * as a titled list.
 *
 * Since: ABI 1.1.
 */
#ifndef COMPENDIUM_REPORT_H
#define COMPENDIUM_REPORT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cpd_report_key.flags */
/* Shown in the console's summary (otherwise only in files and reports). */
#define CPD_RKF_SUMMARY (1u << 0)
/*
 * Sections: shown after the previous summary key's value, in parentheses,
 * as "(VALUE LABEL)": Mmap: 40.0 KB (4 regions); so the label is written
 * the way it reads there ("regions").
 */
#define CPD_RKF_DETAIL (1u << 1)
/*
 * Sections: zero is not worth a line. The summary leaves out the NONZERO
 * keys of a block when every one of them is 0 (related counts are shown
 * together or not at all); a block left with no line is not shown. A
 * NONZERO detail is left out of its parentheses when it is 0.
 */
#define CPD_RKF_NONZERO (1u << 2)
/* Tables: a column that identifies the row (a path, an endpoint). */
#define CPD_RKF_KEY (1u << 3)
/*
 * Tables: rows sort by this column, largest first, where an output sorts.
 * A summary table whose topic is a section's followed by "." and whose
 * sort column has the key of one of that section's summary lines is
 * listed under that line instead of on its own ("file.top_read", sorted
 * by read_bytes, under the "file" section's read_bytes line).
 */
#define CPD_RKF_SORT (1u << 4)
/*
 * Sections: the value is written at its unit's fixed width, right-aligned
 * (bytes: "  1.0 MB"), so that a block of such figures lines up like the
 * Memory and I/O blocks. Units without a fixed width are unaffected.
 */
#define CPD_RKF_ALIGN (1u << 5)
/*
 * Tables: a number that is one part of a whole the row's PART columns
 * make together (each in the same unit): where the time of a process
 * went, say. An output may draw them as one stacked bar per row, scaled
 * so that the largest row's bar is the widest. Since: ABI 1.1.
 */
#define CPD_RKF_PART (1u << 6)

/*
 * One key of a report: a section's value, or a table's column.
 * Since: ABI 1.1.
 */
struct cpd_report_key {
	const char *key;   /* [a-z0-9_]+, unique in the report; csv/json name */
	const char *label; /* what a person reads: "Files read" */
	uint16_t type;	   /* enum cpd_kv_type */
	uint16_t unit;	   /* enum cpd_unit */
	uint32_t flags;	   /* CPD_RKF_* */
	/*
	 * Sections only: the summary block the key is listed under, when it
	 * is not the report's own title. Keys of several analyzers share a
	 * block by naming the same one ("I/O": the file analyzer's bytes and
	 * the net analyzer's). NULL: the report's title.
	 */
	const char *group;
	/* One line: what the number counts, for man pages and tooltips. */
	const char *help;
};

/* cpd_report_desc.flags */
/* Its events are rows of a table (CPD_REPORTF_ROW), not one section. */
#define CPD_RDF_TABLE (1u << 0)
/* The console's summary lists it (sections: its CPD_RKF_SUMMARY keys). */
#define CPD_RDF_SUMMARY (1u << 1)
/*
 * Tables: the console shows the rows as aligned columns under a header
 * of the labels of the CPD_RKF_SUMMARY keys, in the order of keys[]
 * (numbers right-aligned, text left-aligned), instead of summary_row:
 * for tables read by comparing rows, as strace -c's is.
 */
#define CPD_RDF_COLUMNS (1u << 2)

/*
 * One report an analyzer publishes: a section (a titled list of values)
 * or a table (rows that share the columns in keys). Since: ABI 1.1.
 *
 * order places it among the others (lower first); a group block takes the
 * order of its first key's report, and blocks of one order come in the
 * order of their first keys.
 *
 * summary_row says how the console's summary prints one row of a table,
 * as a template: {key} is replaced by the value of that column, formatted
 * by its unit and escaped; {key|a=x|b=y} maps the string values a and b to
 * x and y (other values are shown as they are; a may be empty, the empty
 * value, and *=x maps any value not mapped before it to x, each * of x
 * standing for the value: {name|=|*= (*)} adds " (name)" when there is
 * one); {{ and }} are braces; a
 * column the row does not have is shown as "?". Map entries cannot hold
 * '{', '}' or '|'. "{path} ({error}, {count}×)" gives
 * "/etc/x.conf (ENOENT, 2×)". NULL: each CPD_RKF_SUMMARY column as "Label
 * value", separated by ", ". summary_rows is how many rows the summary
 * shows before "... and N more" (0: 10).
 */
struct cpd_report_desc {
	const char *topic; /* [a-z0-9_.]+, unique: "file", "file.failed" */
	const char *title; /* "Files", "Failed opens" */
	uint32_t flags;	   /* CPD_RDF_* */
	int32_t order;
	const struct cpd_report_key *keys; /* nkeys entries, static */
	uint32_t nkeys;
	uint32_t summary_rows;
	const char *summary_row;
	const char *help; /* one line: what the report is */
};

/* Ends a cpd_plugin.reports array. */
#define CPD_REPORT_END \
	{              \
		0      \
	}

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_REPORT_H */
