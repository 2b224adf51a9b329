/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The command line. Convenience flags are sugar for config entries: they
 * become an overlay applied on top of the config file, which stays the
 * single source of truth.
 */
#ifndef CPD_CORE_CLI_H
#define CPD_CORE_CLI_H

#include <stdio.h>
#include <sys/types.h>

#include "config.h"

struct cli_set {
	char *section;
	char *key;
	char *value;
	const char *flag; /* "--csv", for messages */
};

struct cli {
	char *config_path;
	char **plugin_dirs;
	size_t nplugin_dirs, cap_dirs;
	pid_t *pids;
	size_t npids, cap_pids;
	struct cli_set *sets;
	size_t nsets, cap_sets;
	unsigned verbose;
	bool list_plugins;
	bool list_reports;
	bool help;
	bool version;
	char **command; /* points into argv */
	int ncommand;
};

enum cli_result {
	CLI_OK = 0,
	CLI_EXIT_OK = 1, /* --help or --version printed */
	CLI_USAGE = 2,	 /* bad usage, message printed */
};

enum cli_result cli_parse(struct cli *cli, int argc, char **argv);
void cli_free(struct cli *cli);
void cli_usage(FILE *fp);
/* Put the overlay into cfg, creating sections as needed. */
void cli_overlay(const struct cli *cli, struct config *cfg);

#endif /* CPD_CORE_CLI_H */
