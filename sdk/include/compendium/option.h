/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * Option tables: how a plugin declares the keys its config section takes.
 * The host validates every section against the table before anything is
 * traced, and cpd_host.apply_options() writes the values into the
 * plugin's state at the declared offsets.
 */
#ifndef COMPENDIUM_OPTION_H
#define COMPENDIUM_OPTION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Option types and the C type at the option's offset. Values are ABI.
 * Since: ABI 1.0.
 */
enum cpd_option_type {
	CPD_OPT_BOOL = 1,     /* bool: yes/no, true/false, on/off, 1/0 */
	CPD_OPT_INT = 2,      /* int64_t; decimal, or hex with 0x */
	CPD_OPT_UINT = 3,     /* uint64_t; decimal, or hex with 0x */
	CPD_OPT_SIZE = 4,     /* uint64_t bytes: 4096, 64k, 16M, 1G */
	CPD_OPT_DURATION = 5, /* uint64_t ns: 500ns, 10us, 5ms, 2s */
	CPD_OPT_STRING = 6,   /* const char *, host-owned until fini */
	CPD_OPT_PATH = 7, /* const char *, like STRING; "-" may mean stdout */
	CPD_OPT_ENUM = 8, /* int32_t index into choices */
	CPD_OPT_LIST = 9, /* const char *const *, NULL-terminated, host-owned;
				 * comma-separated; a repeated key appends */
};

/* cpd_option.flags */
#define CPD_OPTF_REQUIRED (1u << 0) /* the section must set it */

/*
 * One option. Tables end with CPD_OPTION_END. Static: the host keeps
 * pointers into it until the plugin is unloaded. Since: ABI 1.0.
 *
 * def is the default written as a user would write it ("64k", "yes");
 * NULL means the zero value. min/max bound INT, UINT, SIZE and DURATION
 * when min < max (inclusive); leave both 0 for no bound. choices lists
 * the ENUM names, NULL-terminated; for a LIST, when set, the values its
 * items may take (checked with the rest of the config; Since: ABI 1.1).
 */
struct cpd_option {
	const char *name; /* [a-z0-9_]+ */
	uint32_t type;	  /* enum cpd_option_type */
	uint32_t flags;	  /* CPD_OPTF_* */
	const char *def;
	size_t offset; /* offsetof(your state, field) */
	const char *const *choices;
	int64_t min;
	int64_t max;
	const char *help; /* one line, shown by --list-plugins */
};

#define CPD_OPTION_END                                \
	{                                             \
		NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL \
	}

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_OPTION_H */
