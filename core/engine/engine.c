// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * auto picks the eBPF engine when it gives the same results: the process
 * may load BPF programs (CAP_BPF and CAP_PERFMON), the kernel has BTF and
 * the tracepoints, and no enabled plugin is right only with ptrace stops.
 * Otherwise ptrace, with one line saying why. Asked for by name, ebpf
 * runs whatever the plugins prefer (they were told, and say what they
 * cannot do); where it cannot run at all, ptrace does, with a note: the
 * trace is what was asked for, the engine a means.
 */
#include "engine.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bpfeng.h"
#include "base/log.h"

const char *const engine_names[] = { "auto", "ptrace", "ebpf", NULL };

/*
 * An instance right only with ptrace stops: one that says so, or one
 * built for ABI 1.0 that takes syscalls, which could not say so and may
 * read the tracee's memory at any address while it is stopped.
 */
static const struct instance *engine_needs_ptrace(const struct session *s)
{
	size_t i;

	for (i = 0; i < s->ninst; i++) {
		const struct instance *inst = s->inst[i];
		const struct cpd_plugin *d = &inst->plugin->desc;

		if (inst->state != INST_STARTED)
			continue;
		if (d->flags & CPD_PF_PTRACE)
			return inst;
		if (d->abi_minor < 1 &&
		    (inst->mask & CPD_EVMASK(CPD_EV_SYSCALL)))
			return inst;
	}
	return NULL;
}

int engine_run(struct session *s, const struct tracer_opts *o)
{
	const struct instance *blocker;
	char why[512];
	int rc;

	/* every watched call is seen at a stop; the eBPF engine says more */
	s->stats.totals = CPD_TOTALS_EXACT;
	if (s->core.engine == ENGINE_PTRACE)
		return tracer_run(s, o);
	blocker = engine_needs_ptrace(s);
	if (blocker && s->core.engine == ENGINE_AUTO) {
		log_info(
			"using the ptrace engine: [%s] needs ptrace stops%s",
			blocker->name,
			blocker->plugin->desc.abi_minor < 1 ?
				" (a plugin built for ABI 1.0 that takes syscalls)" :
				"");
		return tracer_run(s, o);
	}
	if (blocker)
		log_note(
			"[%s] needs ptrace stops%s: with the eBPF engine it does what it can",
			blocker->name,
			blocker->plugin->desc.abi_minor < 1 ?
				" (a plugin built for ABI 1.0 that takes syscalls)" :
				"");
	rc = bpfeng_run(s, o, why, sizeof(why));
	if (rc != -ENOTSUP)
		return rc;
	log_msg(s->core.engine == ENGINE_EBPF ? CPD_LOG_NOTE : CPD_LOG_INFO,
		NULL, "using the ptrace engine: the eBPF engine cannot run: %s",
		why);
	return tracer_run(s, o);
}
