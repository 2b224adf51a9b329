/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The rows of a per-thread or per-device report while they are counted:
 * a growing array of separately allocated rows, so a row's address stays
 * put and the array can be sorted for the report.
 */
#ifndef CPD_PLUGINS_EBPF_ROWS_H
#define CPD_PLUGINS_EBPF_ROWS_H

#include <stddef.h>

struct ebpf_rows {
	void **v;
	size_t n, cap;
};

/* A new zeroed row of size bytes at the end, or NULL without memory. */
void *ebpf_rows_add(struct ebpf_rows *r, size_t size);
/* Free every row and the array. */
void ebpf_rows_free(struct ebpf_rows *r);

#endif /* CPD_PLUGINS_EBPF_ROWS_H */
