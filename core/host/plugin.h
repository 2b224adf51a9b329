/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Finding, loading and checking plugin .so files. One struct plugin per
 * file, shared by all instances of it.
 */
#ifndef CPD_CORE_PLUGIN_H
#define CPD_CORE_PLUGIN_H

#include <compendium/plugin.h>

#include "base/cpd.h"

struct plugin {
	char *name;
	char *path; /* absolute, as passed to dlopen */
	void *handle;
	/* Host-side copy of the descriptor: fields the plugin's ABI minor
	 * did not have read as zero. */
	struct cpd_plugin desc;
	unsigned refs;
};

/* Directories searched, in order. */
struct plugin_path {
	char **dirs;
	size_t ndirs, cap;
};

/*
 * Build the search path: cli_dirs (--plugin-dir, in order), then each
 * entry of env (colon-separated), then build_dir when the running binary
 * lives in its build tree, else install_dir.
 */
void plugin_path_init(struct plugin_path *pp, char *const *cli_dirs,
		      size_t ncli, const char *env, const char *build_dir,
		      const char *install_dir);
void plugin_path_add(struct plugin_path *pp, const char *dir);
void plugin_path_free(struct plugin_path *pp);
/* "dir1:dir2", for messages; malloc'd. */
char *plugin_path_string(const struct plugin_path *pp);

/*
 * Load the plugin called name from the first directory holding name.so,
 * and check it against every rule of the ABI. On failure returns -errno
 * and fills why with a message naming the plugin and the rule.
 */
int plugin_load(const struct plugin_path *pp, const char *name,
		struct plugin **out, char *why, size_t whylen);
/* Load a given file (for --list-plugins and tests). */
int plugin_load_file(const char *path, const char *name, struct plugin **out,
		     char *why, size_t whylen);
void plugin_unload(struct plugin *p);

/* Check a descriptor, as plugin_load does after dlsym. */
int plugin_check_desc(const struct cpd_plugin *d, const char *name,
		      const char *path, struct cpd_plugin *copy, char *why,
		      size_t whylen);

/* Whether a plugin file (and its directory) may be loaded as euid. */
int plugin_check_perms(const char *path, uid_t euid, char *why, size_t whylen);

#endif /* CPD_CORE_PLUGIN_H */
