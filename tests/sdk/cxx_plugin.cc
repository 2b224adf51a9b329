// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A plugin in C++20, built by headers.test and loaded by compendium: the
 * SDK must work for C++ callers too, CPD_PLUGIN_DEFINE included (C++20
 * designated initializers must follow the declaration order, and the
 * descriptor must come out as an unmangled extern "C" symbol).
 */
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <new>

#include <compendium/compendium.h>

namespace {

struct counter {
	uint64_t every;
	bool quiet;
	int32_t noise;
	const cpd_host *host;
	cpd_instance *inst;
	uint64_t seen;
};

const char *const noise[] = { "low", "high", nullptr };

const cpd_option options[] = {
	{ .name = "every", .type = CPD_OPT_UINT, .def = "1",
	  .offset = offsetof(counter, every), .min = 1, .max = 100,
	  .help = "count one event in this many" },
	{ .name = "quiet", .type = CPD_OPT_BOOL, .def = "yes",
	  .offset = offsetof(counter, quiet), .help = "say nothing" },
	{ .name = "noise", .type = CPD_OPT_ENUM, .def = "low",
	  .offset = offsetof(counter, noise), .choices = noise,
	  .help = "an enum, for the listing" },
	CPD_OPTION_END
};

int counter_init(cpd_instance *inst, const cpd_host *host, void **statep)
{
	auto *c = new (std::nothrow) counter{};

	if (!c)
		return -ENOMEM;
	c->host = host;
	c->inst = inst;
	if (!CPD_HAS(host, trace_stats)) {
		delete c;
		return -ENOSYS;
	}
	int rc = host->apply_options(inst, c);
	if (rc < 0) {
		delete c;
		return rc;
	}
	*statep = c;
	return 0;
}

int counter_on_event(void *state, const cpd_event *ev)
{
	static_cast<counter *>(state)->seen += ev->kind == CPD_EV_PROC;
	return 0;
}

void counter_fini(void *state)
{
	delete static_cast<counter *>(state);
}

} // namespace

CPD_PLUGIN_DEFINE(
	.role = CPD_ROLE_OUTPUT,
	.name = "cxx_plugin",
	.version = "1",
	.description = "a C++20 plugin built against the SDK headers",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.options = options,
	.init = counter_init,
	.on_event = counter_on_event,
	.fini = counter_fini,
);
