/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/* Everything a plugin needs: include this one header. */
#ifndef COMPENDIUM_COMPENDIUM_H
#define COMPENDIUM_COMPENDIUM_H

#include <compendium/types.h>
#include <compendium/syscall.h>
#include <compendium/event.h>
#include <compendium/field.h>
#include <compendium/option.h>
#include <compendium/host.h>
#include <compendium/plugin.h>

#endif /* COMPENDIUM_COMPENDIUM_H */
