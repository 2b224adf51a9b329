/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * A bump allocator whose blocks never move, so pointers into it stay
 * valid until the next reset. One per task, reset at each syscall.
 */
#ifndef CPD_CORE_ARENA_H
#define CPD_CORE_ARENA_H

#include "cpd.h"

struct arena_block;

struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t size);
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif /* CPD_CORE_ARENA_H */
