/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A config section checked against an option table, and its values
 * written into a plugin's state.
 */
#ifndef CPD_CORE_OPTIONS_H
#define CPD_CORE_OPTIONS_H

#include <compendium/option.h>

#include "config.h"

/* Keys the host handles itself in every plugin section. */
bool options_host_key(const char *key);

/*
 * Check every entry of sec against opts (host keys excepted); errors are
 * reported as origin:line and counted in cfg. Returns the number of
 * errors found.
 */
unsigned options_validate(struct config *cfg, const struct config_section *sec,
			  const struct cpd_option *opts);

/*
 * Write the values (or defaults) of sec for every option of opts into
 * state. Strings and lists are malloc'd and appended to *owned (freed by
 * options_free_owned). Returns 0 or -EINVAL (value invalid: validate first).
 */
int options_apply(const struct cpd_option *opts,
		  const struct config_section *sec, void *state, void ***owned,
		  size_t *nowned, size_t *capowned);
void options_free_owned(void **owned, size_t nowned);

/* The closest name in opts to key, for "did you mean"; NULL if none. */
const char *options_suggest(const struct cpd_option *opts, const char *key);

#endif /* CPD_CORE_OPTIONS_H */
