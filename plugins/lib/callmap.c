// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "callmap.h"

#include <string.h>

/* In an idx slot: a number that is none of the table's names. */
#define CALLMAP_NOT_OURS 0xff

void callmap_init(struct callmap *m, const char *(*name)(size_t i), size_t n)
{
	memset(m, 0, sizeof(*m));
	m->name = name;
	m->n = n < CALLMAP_NOT_OURS - 1 ? n : CALLMAP_NOT_OURS - 1;
}

static int callmap_by_name(const struct callmap *m,
			   const struct cpd_syscall *sc)
{
	size_t i;

	if (!sc->name.ptr)
		return -1;
	for (i = 0; i < m->n; i++)
		if (!strcmp(sc->name.ptr, m->name(i)))
			return (int)i;
	return -1;
}

int callmap_find(struct callmap *m, const struct cpd_syscall *sc)
{
	struct callmap_arch *a = NULL;
	uint8_t *slot;
	size_t k;
	int i;

	if (sc->nr < 0 || sc->nr >= CALLMAP_NR_MAX)
		return callmap_by_name(m, sc);
	for (k = 0; k < m->narch; k++) {
		if (m->arch[k].arch == sc->arch) {
			a = &m->arch[k];
			break;
		}
	}
	if (!a && m->narch < CALLMAP_ARCHES) {
		a = &m->arch[m->narch++];
		a->arch = sc->arch;
	}
	if (!a)
		return callmap_by_name(m, sc);
	slot = &a->idx[sc->nr];
	if (!*slot) {
		i = callmap_by_name(m, sc);
		*slot = i < 0 ? CALLMAP_NOT_OURS : (uint8_t)(i + 1);
	}
	return *slot == CALLMAP_NOT_OURS ? -1 : *slot - 1;
}

int callmap_find_completed(struct callmap *m, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;

	if (ev->kind != CPD_EV_SYSCALL)
		return -1;
	/* without the exit there is no result to report */
	if (sc->flags & (CPD_SCF_NO_EXIT | CPD_SCF_ENTRY_ONLY) || !sc->name.ptr)
		return -1;
	return callmap_find(m, sc);
}
