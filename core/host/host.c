// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * struct cpd_host: the services plugins call. Each takes the instance the
 * plugin was given, which is really our struct instance.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "base/log.h"
#include "options.h"
#include "reports.h"
#include "session.h"
#include "engine/sysfmt.h"
#include "engine/xlat.h"
#include "base/xmalloc.h"

static struct instance *host_inst(struct cpd_instance *ci)
{
	return (struct instance *)ci;
}

static void host_log(struct cpd_instance *ci, int level, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static void host_log(struct cpd_instance *ci, int level, const char *fmt, ...)
{
	va_list ap;

	if (level < CPD_LOG_ERROR)
		level = CPD_LOG_ERROR;
	if (level > CPD_LOG_DEBUG)
		level = CPD_LOG_DEBUG;
	va_start(ap, fmt);
	log_vmsg(level, ci ? host_inst(ci)->name : NULL, fmt, ap);
	va_end(ap);
}

static int host_publish(struct cpd_instance *ci, const struct cpd_event *ev)
{
	struct instance *inst = host_inst(ci);
	struct session *s = inst->session;
	struct cpd_event report;
	struct cpd_kv *kv = NULL;
	uint16_t source;
	char why[320];
	size_t size;
	int rc;

	if (!ev)
		return -EINVAL;
	if (ev->kind == CPD_EV_SYSCALL || ev->kind == CPD_EV_PROC ||
	    ev->kind == CPD_EV_NOTICE) {
		log_msg(CPD_LOG_WARN, inst->name,
			"cannot publish a %s event: only the core does",
			fields_kind_name(ev->kind));
		return -EPERM;
	}
	if (!s->bus)
		return -EAGAIN;
	size = ev->size ? MIN((size_t)ev->size, sizeof(*ev)) : sizeof(*ev);
	if (ev->kind == CPD_EV_REPORT) {
		/* a plugin bug: say which key, and keep it off the bus */
		rc = reports_complete(inst->plugin->name, ev, size, &report,
				      &kv, why, sizeof(why));
		if (rc < 0) {
			log_msg(CPD_LOG_WARN, inst->name, "publish refused: %s",
				why);
			return rc;
		}
		ev = &report;
		size = sizeof(report);
	}
	source = (ev->kind == CPD_EV_FAULT || ev->kind == CPD_EV_SCHED ||
		  ev->kind == CPD_EV_BLKIO) ?
			 CPD_SRC_KERNEL :
			 CPD_SRC_PLUGIN;
	rc = bus_publish(s->bus, inst, source, ev, size, why, sizeof(why));
	free(kv);
	s->stats.events_published = bus_published(s->bus);
	s->stats.events_dropped = bus_dropped(s->bus);
	if (rc < 0)
		log_msg(CPD_LOG_WARN, inst->name, "publish refused: %s", why);
	return rc;
}

static int host_apply_options(struct cpd_instance *ci, void *state)
{
	struct instance *inst = host_inst(ci);

	if (!state)
		return -EINVAL;
	return options_apply(inst->plugin->desc.options, inst->section, state,
			     &inst->owned, &inst->nowned, &inst->capowned);
}

static const char *host_instance_name(const struct cpd_instance *ci)
{
	return ((const struct instance *)ci)->name;
}

static int host_fd_ready(void *arg, int fd, uint32_t revents)
{
	struct host_watch *w = arg;
	struct instance *inst = w->inst;
	int rc;

	if (inst->disabled || inst->state != INST_STARTED)
		return 0;
	rc = w->cb(inst->state_ptr, fd, revents);
	if (rc < 0) {
		log_msg(CPD_LOG_ERROR, inst->name,
			"fd %d callback failed: %s; no longer watching it", fd,
			strerror(-rc));
		inst->errors++;
	}
	return rc;
}

static int host_watch_fd(struct cpd_instance *ci, int fd, uint32_t events,
			 cpd_fd_cb cb)
{
	struct instance *inst = host_inst(ci);
	struct host_watch *w;
	int rc;

	if (!inst->session->loop)
		return -EAGAIN;
	if (!cb || fd < 0)
		return -EINVAL;
	w = xcalloc(1, sizeof(*w));
	w->inst = inst;
	w->fd = fd;
	w->cb = cb;
	rc = loop_add_fd(inst->session->loop, fd, events, host_fd_ready, w);
	if (rc < 0) {
		free(w);
		return rc;
	}
	inst->watches = xgrow(inst->watches, &inst->capwatches, inst->nwatches,
			      sizeof(*inst->watches));
	inst->watches[inst->nwatches++] = w;
	return 0;
}

static int host_unwatch_fd(struct cpd_instance *ci, int fd)
{
	struct instance *inst = host_inst(ci);
	size_t i;

	for (i = 0; i < inst->nwatches; i++) {
		if (inst->watches[i]->fd != fd)
			continue;
		if (inst->session->loop)
			loop_del_fd(inst->session->loop, fd);
		free(inst->watches[i]);
		inst->watches[i] = inst->watches[--inst->nwatches];
		return 0;
	}
	return -ENOENT;
}

void host_unwatch_all(struct instance *inst)
{
	while (inst->nwatches)
		host_unwatch_fd((struct cpd_instance *)inst,
				inst->watches[0]->fd);
	free(inst->watches);
	inst->watches = NULL;
	inst->capwatches = 0;
}

static const struct cpd_field *host_event_fields(uint32_t kind,
						 uint32_t *nfields)
{
	return fields_of(kind, nfields);
}

static const char *host_event_kind_name(uint32_t kind)
{
	return fields_kind_name(kind);
}

static int host_register_kind(struct cpd_instance *ci,
			      const struct cpd_kind_desc *desc)
{
	struct instance *inst = host_inst(ci);
	char why[256];
	int rc;

	if (inst->state != INST_CONFIGURED)
		return -EBUSY;
	rc = fields_register(desc, why, sizeof(why));
	if (rc < 0)
		log_msg(CPD_LOG_ERROR, inst->name, "cannot register kind: %s",
			why);
	return rc;
}

/*
 * Names of flags and enums, the last few asked for kept: every output
 * asks for the same few (an event's op, its open flags) for every event.
 */
#define HOST_XLAT_CACHE 64
#define HOST_XLAT_TEXT	96

static struct host_xlat_entry {
	bool used;
	uint32_t xlat;
	uint64_t value;
	size_t len;
	char text[HOST_XLAT_TEXT];
} host_xlat_cache[HOST_XLAT_CACHE];

static size_t host_format_xlat(uint32_t xlat, uint64_t value, char *buf,
			       size_t size)
{
	struct host_xlat_entry *e =
		&host_xlat_cache[(xlat * 31 + value * 0x9e3779b1u) %
				 HOST_XLAT_CACHE];
	size_t len;

	if (!e->used || e->xlat != xlat || e->value != value) {
		len = xlat_format(xlat, value, e->text, sizeof(e->text));
		if (len >= sizeof(e->text)) {
			e->used = false;
			return xlat_format(xlat, value, buf, size);
		}
		e->used = true;
		e->xlat = xlat;
		e->value = value;
		e->len = len;
	}
	if (size) {
		len = MIN(e->len, size - 1);
		memcpy(buf, e->text, len);
		buf[len] = '\0';
	}
	return e->len;
}

static const char *host_errno_name(int err)
{
	return xlat_errno_name(err);
}

static const char *host_signal_name(int sig)
{
	return xlat_signal_name(sig);
}

static size_t host_format_syscall(const struct cpd_event *ev, char *buf,
				  size_t size)
{
	return sysfmt_format(ev, buf, size);
}

static ssize_t host_read_tracee(struct cpd_instance *ci, uint64_t addr,
				void *buf, size_t len)
{
	struct session *s = host_inst(ci)->session;

	if (!s->read_fn)
		return -EPERM;
	return s->read_fn(s->read_ctx, addr, buf, len);
}

static const struct cpd_run_info *host_run_info(struct cpd_instance *ci)
{
	return &host_inst(ci)->session->run;
}

static const struct cpd_trace_stats *host_trace_stats(struct cpd_instance *ci)
{
	return &host_inst(ci)->session->stats;
}

static const struct cpd_report_desc *host_report_desc(const char *topic)
{
	return topic ? reports_find(topic, strlen(topic), NULL) : NULL;
}

static int host_fail_run(struct cpd_instance *ci, const char *reason)
{
	struct instance *inst = host_inst(ci);

	if (!reason || !*reason)
		return -EINVAL;
	free(inst->fail_reason);
	inst->fail_reason = xstrdup(reason);
	return 0;
}

const struct cpd_host session_host = {
	.struct_size = sizeof(struct cpd_host),
	.abi_minor = CPD_ABI_MINOR,
	.version = PACKAGE_VERSION,
	.log = host_log,
	.publish = host_publish,
	.apply_options = host_apply_options,
	.instance_name = host_instance_name,
	.watch_fd = host_watch_fd,
	.unwatch_fd = host_unwatch_fd,
	.event_fields = host_event_fields,
	.event_kind_name = host_event_kind_name,
	.register_kind = host_register_kind,
	.format_xlat = host_format_xlat,
	.errno_name = host_errno_name,
	.signal_name = host_signal_name,
	.format_syscall = host_format_syscall,
	.read_tracee = host_read_tracee,
	.run_info = host_run_info,
	.trace_stats = host_trace_stats,
	.report_desc = host_report_desc,
	.fail_run = host_fail_run,
};
