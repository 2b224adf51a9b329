/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Which engine watches the programs: ptrace (stops the task at the
 * syscalls plugins want; works for every user) or eBPF (programs in the
 * kernel write records; nothing stops; needs privilege and BTF). Both
 * publish the same events on the same bus.
 */
#ifndef CPD_CORE_ENGINE_H
#define CPD_CORE_ENGINE_H

#include "host/session.h"
#include "tracer.h"

/* [core] engine, in the order of engine_names */
enum engine_kind {
	ENGINE_AUTO = 0,
	ENGINE_PTRACE = 1,
	ENGINE_EBPF = 2,
};

extern const char *const engine_names[];

/* Trace with the engine [core] engine picks; returns like tracer_run(). */
int engine_run(struct session *s, const struct tracer_opts *o);

#endif /* CPD_CORE_ENGINE_H */
