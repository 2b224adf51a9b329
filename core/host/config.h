/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The INI config: sections and their key/value entries, each remembering
 * the file and line it came from. Parsing only; what the keys mean is
 * checked by the session against each plugin's option table.
 */
#ifndef CPD_CORE_CONFIG_H
#define CPD_CORE_CONFIG_H

#include "base/cpd.h"

/* inih's line buffer is 200 bytes including the NUL. */
#define CONFIG_MAX_LINE	   199
#define CONFIG_MAX_SECTION 40
#define CONFIG_MAX_PLUGIN  31

struct config_entry {
	char *key;
	char *value;
	const char *origin; /* file name, "command line", ... */
	unsigned line;	    /* 0 when not from a file */
};

struct config_section {
	char *name; /* "csv:syscalls" */
	const char *origin;
	unsigned line;
	struct config_entry *entries;
	size_t nentries, cap;
};

struct config {
	struct config_section *sections;
	size_t nsections, cap;
	char **origins; /* owned strings the entries point to */
	size_t norigins, ocap;
	unsigned errors;
};

void config_init(struct config *cfg);
void config_free(struct config *cfg);

/*
 * Parse a file or a string into cfg. Every problem is reported with
 * origin:line and counted in cfg->errors; parsing goes on so that all of
 * them are seen at once. Returns 0, or -errno if the file cannot be read.
 */
int config_load_file(struct config *cfg, const char *path);
int config_load_string(struct config *cfg, const char *origin,
		       const char *text);

/*
 * Where to read the config from: --config, $COMPENDIUM_CONFIG,
 * $XDG_CONFIG_HOME (or ~/.config)/compendium/compendium.conf,
 * sysconfdir/compendium/compendium.conf. Returns a malloc'd path, or
 * NULL for the built-in default.
 */
char *config_locate(const char *cli_path, const char *sysconfdir);

/* Intern an origin string ("command line"); lives as long as cfg. */
const char *config_origin(struct config *cfg, const char *origin);

struct config_section *config_find(struct config *cfg, const char *name);
struct config_section *config_add_section(struct config *cfg, const char *name,
					  const char *origin, unsigned line);
void config_add_entry(struct config_section *sec, const char *key,
		      const char *value, const char *origin, unsigned line);
/* The last entry for key, or NULL. */
const struct config_entry *config_lookup(const struct config_section *sec,
					 const char *key);

/* Report a problem as "origin:line: text" and count it. */
void config_error(struct config *cfg, const char *origin, unsigned line,
		  const char *fmt, ...) ATTR_PRINTF(4, 5);

/*
 * Split a section name into plugin and instance parts, checking their
 * form. Returns 0 or -EINVAL with why filled.
 */
int config_parse_section_name(const char *name, char *plugin, size_t plugin_len,
			      char *why, size_t whylen);

#endif /* CPD_CORE_CONFIG_H */
