// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "instance.h"

/*
 * What instance_fini() needs to know, kept in front of the state: fini()
 * is handed the state alone.
 */
struct instance_head {
	void (*release)(void *state);
	max_align_t state[];
};

int instance_init(const struct instance_type *type, struct cpd_instance *inst,
		  const struct cpd_host *host, void **statep)
{
	struct instance_head *h = calloc(1, sizeof(*h) + type->size);
	char *state;
	int rc;

	if (!h)
		return -ENOMEM;
	h->release = type->release;
	state = (char *)h->state;
	memcpy(state + type->host_offset, &host, sizeof(host));
	memcpy(state + type->inst_offset, &inst, sizeof(inst));
	rc = host->apply_options(inst, state);
	if (rc < 0)
		goto err_free;
	if (type->setup) {
		rc = type->setup(state);
		if (rc < 0)
			goto err_release;
	}
	*statep = state;
	return 0;

err_release:
	if (type->release)
		type->release(state);
err_free:
	free(h);
	return rc;
}

void instance_fini(void *state)
{
	struct instance_head *h =
		(struct instance_head *)((char *)state -
					 offsetof(struct instance_head, state));

	if (h->release)
		h->release(state);
	free(h);
}
