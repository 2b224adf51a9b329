/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Event kinds and their field tables: the built-in ones, and the custom
 * kinds plugins register at run time.
 */
#ifndef CPD_CORE_FIELDS_H
#define CPD_CORE_FIELDS_H

#include <compendium/event.h>
#include <compendium/field.h>

#include "base/cpd.h"

const struct cpd_field *fields_of(uint32_t kind, uint32_t *nfields);
const char *fields_kind_name(uint32_t kind);
/* Kind number of a name ("file", or a registered custom name); -1. */
int fields_kind_by_name(const char *name);
/* Payload size of a kind (for copying); 0 if unknown. */
size_t fields_payload_size(uint32_t kind);

/*
 * Register a custom kind; returns its number or -errno. The descriptor
 * and its table must outlive the registration (plugin statics do, until
 * fields_reset() is called before the plugins are unloaded).
 */
int fields_register(const struct cpd_kind_desc *desc, char *why, size_t whylen);
void fields_reset(void);

#endif /* CPD_CORE_FIELDS_H */
