// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "report.h"

#include <errno.h>
#include <stdio.h>
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

/* The decoded struct of argument i when it is of kind, else NULL. */
static const void *report_argdata(const struct cpd_syscall *sc, unsigned i,
				  uint16_t kind)
{
	const struct cpd_arg *a = report_arg(sc, i);

	return a && a->kind == kind ? sc->argdata[i].ptr : NULL;
}

const struct cpd_msg *report_arg_msgs(const struct cpd_syscall *sc, unsigned i,
				      uint32_t *n)
{
	const struct cpd_msgs *ms = report_argdata(sc, i, CPD_ARG_MSGHDR);

	if (!ms)
		ms = report_argdata(sc, i, CPD_ARG_MMSGHDR);
	*n = ms ? ms->count : 0;
	return *n ? ms->msg : NULL;
}

const struct cpd_open_how *report_arg_open_how(const struct cpd_syscall *sc,
					       unsigned i)
{
	return report_argdata(sc, i, CPD_ARG_OPEN_HOW);
}

const struct cpd_mmap_args *report_arg_mmap(const struct cpd_syscall *sc,
					    unsigned i)
{
	return report_argdata(sc, i, CPD_ARG_MMAP_ARGS);
}

const struct cpd_sockopt *report_arg_sockopt(const struct cpd_syscall *sc,
					     unsigned i)
{
	return report_argdata(sc, i, CPD_ARG_SOCKOPT);
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

struct cpd_kv report_f64(const char *key, const char *label, uint16_t unit,
			 double v)
{
	struct cpd_kv kv = report_u64(key, label, unit, 0);

	kv.type = CPD_KV_DOUBLE;
	kv.v.dbl = v;
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

static int report_send(const struct cpd_host *host, struct cpd_instance *inst,
		       uint32_t interval, const char *topic, const char *title,
		       uint32_t flags, int32_t order, const struct cpd_kv *kv,
		       uint32_t nkv)
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
	ev.u.report.interval = interval;
	ev.u.report.kv = kv;
	return host->publish(inst, &ev);
}

int report_publish(const struct cpd_host *host, struct cpd_instance *inst,
		   const char *topic, const char *title, uint32_t flags,
		   int32_t order, const struct cpd_kv *kv, uint32_t nkv)
{
	return report_send(host, inst, 0, topic, title, flags, order, kv, nkv);
}

struct cpd_kv report_val_u64(const char *key, uint64_t v)
{
	return report_u64(key, NULL, CPD_UNIT_NONE, v);
}

struct cpd_kv report_val_text(const char *key, const char *s, size_t len)
{
	return report_text(key, NULL, s, len);
}

struct cpd_kv report_val_f64(const char *key, double v)
{
	return report_f64(key, NULL, CPD_UNIT_NONE, v);
}

int report_publish_desc(const struct cpd_host *host, struct cpd_instance *inst,
			const struct cpd_report_desc *d,
			const struct cpd_kv *kv, uint32_t nkv)
{
	return report_publish(host, inst, d->topic, d->title,
			      d->flags & CPD_RDF_TABLE ? CPD_REPORTF_ROW : 0,
			      d->order, kv, nkv);
}

int report_publish_period(const struct cpd_host *host,
			  struct cpd_instance *inst,
			  const struct cpd_interval *iv,
			  const struct cpd_report_desc *d,
			  const struct cpd_kv *kv, uint32_t nkv)
{
	return report_send(host, inst, iv->index, d->topic, d->title,
			   (d->flags & CPD_RDF_TABLE ? CPD_REPORTF_ROW : 0) |
				   CPD_REPORTF_INTERVAL,
			   d->order, kv, nkv);
}

int report_counters(const struct cpd_host *host, struct cpd_instance *inst,
		    const struct cpd_interval *iv,
		    const struct cpd_report_desc *d, struct report_counter *c,
		    size_t n)
{
	char keys[16][48];
	struct cpd_kv kv[32];
	size_t i;

	if (n > 16)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		snprintf(keys[i], sizeof(keys[i]), "%s_total", c[i].key);
		/* a total that went down (a reset) counts from zero again */
		kv[2 * i] = report_val_u64(
			c[i].key, c[i].now >= c[i].last ? c[i].now - c[i].last :
							  c[i].now);
		kv[2 * i + 1] = report_val_u64(keys[i], c[i].now);
		c[i].last = c[i].now;
	}
	return report_publish_period(host, inst, iv, d, kv, (uint32_t)(2 * n));
}

const struct cpd_report_desc *report_schema(const struct cpd_host *host,
					    const struct cpd_ev_report *r)
{
	/* a topic with a NUL inside is no declared one */
	if (!CPD_HAS(host, report_desc) || !host->report_desc ||
	    !r->topic.ptr || strlen(r->topic.ptr) != r->topic.len)
		return NULL;
	return host->report_desc(r->topic.ptr);
}

const struct cpd_report_key *report_schema_key(const struct cpd_report_desc *d,
					       const char *name, size_t len)
{
	uint32_t i;

	for (i = 0; d && name && i < d->nkeys; i++)
		if (strlen(d->keys[i].key) == len &&
		    !memcmp(d->keys[i].key, name, len))
			return &d->keys[i];
	return NULL;
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
