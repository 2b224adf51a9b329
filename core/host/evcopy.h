/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Deep copies of events, driven by the field tables: every string a
 * kind's table names (and a report's key/values, and a syscall's decoded
 * arguments) is copied into the same allocation, so a copy is freed with
 * one free().
 */
#ifndef CPD_CORE_EVCOPY_H
#define CPD_CORE_EVCOPY_H

#include <compendium/event.h>

#include "base/cpd.h"

/* Longest string and most key/values a published event may carry. */
#define EVCOPY_MAX_STR (1u << 20)
#define EVCOPY_MAX_KV  4096u

/*
 * Check that ev (of in_size bytes, as its producer built it) is well
 * formed for publishing. 0 or -EINVAL with why.
 */
int evcopy_check(const struct cpd_event *ev, size_t in_size, char *why,
		 size_t whylen);
/* Copy a checked event; free() the result. */
struct cpd_event *evcopy_dup(const struct cpd_event *ev, size_t in_size);
/*
 * The same in two steps, for a caller with its own memory: the bytes a
 * copy needs, and the copy made in mem (that many bytes, aligned for a
 * struct cpd_event), which it returns.
 */
size_t evcopy_size(const struct cpd_event *ev, size_t in_size);
/*
 * evcopy_check() and evcopy_size() at once: 0 with the bytes a copy
 * needs in *size, or -EINVAL with why.
 */
int evcopy_measure(const struct cpd_event *ev, size_t in_size, size_t *size,
		   char *why, size_t whylen);
struct cpd_event *evcopy_pack(const struct cpd_event *ev, size_t in_size,
			      void *mem);

/*
 * A syscall's decoded arguments, which no field table describes
 * (evcopy_syscall.c): the bytes their structs and their strings need,
 * then the copy, structs at structs and strings at strs, with sc's
 * pointers moved to them.
 */
void evcopy_syscall_need(const struct cpd_syscall *sc, size_t *structs,
			 size_t *strs);
void evcopy_syscall_move(struct cpd_syscall *sc, char *structs, char *strs);

#endif /* CPD_CORE_EVCOPY_H */
