/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A plugin instance's state, made and unmade the same way in every
 * plugin: allocated zeroed, given the host and the instance, filled with
 * the options of the instance's config section, finished by the plugin's
 * setup; freed after the plugin's release, and on any failure on the
 * way, so a plugin's init() and fini() are one line each:
 *
 *	static const struct instance_type csv_type =
 *		INSTANCE_TYPE(struct csv, csv_setup, csv_release);
 *
 *	static int csv_init(struct cpd_instance *inst,
 *			    const struct cpd_host *host, void **statep)
 *	{
 *		return instance_init(&csv_type, inst, host, statep);
 *	}
 *	...
 *	CPD_PLUGIN_DEFINE(..., .init = csv_init, .fini = instance_fini, );
 */
#ifndef CPD_PLUGINS_UTIL_INSTANCE_H
#define CPD_PLUGINS_UTIL_INSTANCE_H

#include <stddef.h>

#include <compendium/compendium.h>

struct instance_type {
	size_t size;	    /* of the plugin's state */
	size_t host_offset; /* where it keeps the const struct cpd_host * */
	size_t inst_offset; /* and the struct cpd_instance * */
	/*
	 * The rest of the state, once the options are in it. Returns 0 or
	 * -errno. May be NULL.
	 */
	int (*setup)(void *state);
	/*
	 * Free what the state holds, not the state itself. Called by
	 * instance_fini(), and after a setup that failed, so it must cope
	 * with whatever setup left half done. May be NULL.
	 */
	void (*release)(void *state);
};

/* The instance_type of a state struct with members host and inst. */
#define INSTANCE_TYPE(type, setup_, release_)                              \
	{                                                                  \
		.size = sizeof(type), .host_offset = offsetof(type, host), \
		.inst_offset = offsetof(type, inst), .setup = (setup_),    \
		.release = (release_)                                      \
	}

/*
 * A plugin's init(): the state as type says, stored in *statep. On
 * failure nothing is left allocated and -errno is returned (the host
 * said what was wrong with an option). type is read during the call
 * only.
 */
int instance_init(const struct instance_type *type, struct cpd_instance *inst,
		  const struct cpd_host *host, void **statep);

/* A plugin's fini(): release, then free, a state instance_init() made. */
void instance_fini(void *state);

#endif /* CPD_PLUGINS_UTIL_INSTANCE_H */
