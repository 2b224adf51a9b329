/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/* Internal umbrella: small helpers every core file uses. */
#ifndef CPD_CORE_CPD_H
#define CPD_CORE_CPD_H

#include "cpd_config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define ATTR_NORETURN	  __attribute__((noreturn))
#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_WUR	  __attribute__((warn_unused_result))
#define ATTR_MALLOC	  __attribute__((malloc))
#define UNUSED		  __attribute__((unused))

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr)-offsetof(type, member)))

#endif /* CPD_CORE_CPD_H */
