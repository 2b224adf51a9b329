// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * report_v10: an analyzer as a plugin built against the ABI 1.0 headers
 * is, with no report schema: a 1.0-sized descriptor. When tracing ends it
 * publishes a section and a table with their own labels and units, which
 * outputs must still show, as they did before schemas existed.
 */
#include "bad.h"

#include <string.h>

struct report_v10 {
	const struct cpd_host *host;
	struct cpd_instance *inst;
};

static int v10_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	struct report_v10 *v = calloc(1, sizeof(*v));

	if (!v)
		return -ENOMEM;
	v->host = host;
	v->inst = inst;
	*statep = v;
	return 0;
}

static struct cpd_kv v10_kv(const char *key, const char *label, uint16_t unit,
			    uint64_t v)
{
	struct cpd_kv kv = { .key = { key, (uint32_t)strlen(key), 0 },
			     .label = { label, (uint32_t)strlen(label), 0 },
			     .type = CPD_KV_U64,
			     .unit = unit,
			     .v.u64 = v };

	return kv;
}

static int v10_stop(void *state)
{
	struct report_v10 *v = state;
	struct cpd_event ev = { .kind = CPD_EV_REPORT };
	struct cpd_kv kv[2];
	int i;

	ev.u.report.topic = (struct cpd_str){ "legacy", 6, 0 };
	ev.u.report.title = (struct cpd_str){ "Legacy", 6, 0 };
	ev.u.report.order = 5;
	ev.u.report.kv = kv;
	ev.u.report.nkv = 2;
	kv[0] = v10_kv("runs", "Runs", CPD_UNIT_COUNT, 4);
	kv[1] = v10_kv("size", "Size", CPD_UNIT_BYTES, 2048);
	v->host->publish(v->inst, &ev);
	ev.u.report.topic = (struct cpd_str){ "legacy.rows", 11, 0 };
	ev.u.report.title = (struct cpd_str){ "Legacy rows", 11, 0 };
	ev.u.report.flags = CPD_REPORTF_ROW;
	for (i = 1; i <= 2; i++) {
		kv[0] = v10_kv("n", "Number", CPD_UNIT_NONE, (uint64_t)i);
		kv[1] = v10_kv("bytes", "Bytes", CPD_UNIT_BYTES, 512u * i);
		v->host->publish(v->inst, &ev);
	}
	return 0;
}

/* by hand, as CPD_PLUGIN_DEFINE now fills in ABI 1.1 */
CPD_EXPORT const struct cpd_plugin cpd_plugin_v1 = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = 0,
	.struct_size = (uint32_t)CPD_PLUGIN_SIZE_1_0,
	.role = CPD_ROLE_ANALYZER,
	.name = "report_v10",
	.version = "0",
	.description = "reports without a schema, as an ABI 1.0 plugin",
	.subscribe = CPD_EVMASK(CPD_EV_PROC),
	.publishes = CPD_EVMASK(CPD_EV_REPORT),
	.init = v10_init,
	.on_event = bad_on_event,
	.stop = v10_stop,
	.fini = bad_fini,
};
