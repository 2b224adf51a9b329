/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Callbacks shared by the deliberately broken plugins. Each plugin in this
 * directory is correct except for the one rule its name says it breaks, so
 * the loader's message for that rule is the only one it can give.
 * (Descriptors are written out in full in each file: overriding one field
 * of a shared initializer would trip -Woverride-init.)
 */
#ifndef CPD_TEST_BAD_H
#define CPD_TEST_BAD_H

#include <errno.h>
#include <stdlib.h>

#include <compendium/compendium.h>

/* not every plugin uses every callback */
#define BAD_UNUSED __attribute__((unused))

BAD_UNUSED static int bad_init(struct cpd_instance *inst,
			       const struct cpd_host *host, void **statep)
{
	*statep = calloc(1, 1);
	return *statep ? 0 : -ENOMEM;
}

BAD_UNUSED static int bad_on_event(void *state, const struct cpd_event *ev)
{
	return 0;
}

BAD_UNUSED static void bad_fini(void *state)
{
	free(state);
}

#endif /* CPD_TEST_BAD_H */
