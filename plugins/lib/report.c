// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "report.h"

#include <string.h>
#include <time.h>

const struct cpd_arg *report_arg(const struct cpd_syscall *sc, unsigned i)
{
	return sc->arg && i < sc->nargs && i < 6 ? &sc->arg[i] : NULL;
}

const struct cpd_fdinfo *report_arg_fd(const struct cpd_syscall *sc, unsigned i)
{
	const struct cpd_arg *a = report_arg(sc, i);

	return a ? a->fd : NULL;
}

void report_derive(struct cpd_event *ev, uint16_t kind,
		   const struct cpd_event *sev)
{
	const struct cpd_syscall *sc = &sev->u.syscall;

	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	/* when the call returned: that is when its effect happened */
	ev->ts_ns = sc->exit_ns ? sc->exit_ns : sev->ts_ns;
	ev->pid = sev->pid;
	ev->tid = sev->tid;
	ev->comm = sev->comm;
}

struct cpd_str report_str(const char *s, size_t len)
{
	struct cpd_str str = { s, s ? (uint32_t)len : 0, 0 };

	return str;
}

struct cpd_kv report_u64(const char *key, const char *label, uint16_t unit,
			 uint64_t v)
{
	struct cpd_kv kv;

	memset(&kv, 0, sizeof(kv));
	kv.key = report_str(key, strlen(key));
	if (label)
		kv.label = report_str(label, strlen(label));
	kv.type = CPD_KV_U64;
	kv.unit = unit;
	kv.v.u64 = v;
	return kv;
}

struct cpd_kv report_text(const char *key, const char *label, const char *s,
			  size_t len)
{
	struct cpd_kv kv;

	memset(&kv, 0, sizeof(kv));
	kv.key = report_str(key, strlen(key));
	if (label)
		kv.label = report_str(label, strlen(label));
	kv.type = CPD_KV_STR;
	kv.v.str = report_str(s, len);
	return kv;
}

int report_publish(const struct cpd_host *host, struct cpd_instance *inst,
		   const char *topic, const char *title, uint32_t flags,
		   int32_t order, const struct cpd_kv *kv, uint32_t nkv)
{
	struct cpd_event ev;
	struct timespec ts;

	memset(&ev, 0, sizeof(ev));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_REPORT;
	ev.ts_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ev.u.report.topic = report_str(topic, strlen(topic));
	ev.u.report.title = report_str(title, strlen(title));
	ev.u.report.flags = flags;
	ev.u.report.order = order;
	ev.u.report.nkv = nkv;
	ev.u.report.kv = kv;
	return host->publish(inst, &ev);
}

int report_lost(const struct cpd_host *host, struct cpd_instance *inst,
		uint32_t lost_kind, uint64_t count, const char *reason)
{
	struct cpd_event ev;
	struct timespec ts;

	memset(&ev, 0, sizeof(ev));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.ts_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ev.u.lost.lost_kind = lost_kind;
	ev.u.lost.count = count;
	ev.u.lost.reason = report_str(reason, strlen(reason));
	return host->publish(inst, &ev);
}
