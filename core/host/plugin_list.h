/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * --list-plugins: every plugin on the search path, with its options;
 * --list-reports: the report schemas they declare.
 */
#ifndef CPD_CORE_PLUGIN_LIST_H
#define CPD_CORE_PLUGIN_LIST_H

#include <stdio.h>

#include "plugin.h"

/* Returns 0, or 1 when some plugin files could not be loaded. */
int plugin_list(const struct plugin_path *pp, FILE *fp);
/* The same return, for the reports of every plugin that declares some. */
int plugin_list_reports(const struct plugin_path *pp, FILE *fp);

#endif /* CPD_CORE_PLUGIN_LIST_H */
