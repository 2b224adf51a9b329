// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The fake host (see fake_host.h). The services a plugin's behaviour
 * depends on are the core's own code; only the session around them (bus,
 * loop, tracer) is replaced by recording.
 */
#include "fake_host.h"

#include <errno.h>
#include <linux/audit.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/config.h"
#include "host/evcopy.h"
#include "host/fields.h"
#include "base/log.h"
#include "host/options.h"
#include "host/reports.h"
#include "engine/sysent.h"
#include "engine/sysfmt.h"
#include "engine/xlat.h"
#include "base/xmalloc.h"

#define FAKE_ORIGIN "fake.conf"

struct fake_log {
	int level;
	char *text;
};

struct fake_watch {
	int fd;
	uint32_t events;
	cpd_fd_cb cb;
};

struct fake_host {
	/*
	 * First member: the struct cpd_instance * handed to the plugin is
	 * this struct, and host services cast it back.
	 */
	struct cpd_host host;
	const struct cpd_plugin *plugin;
	char *name;

	struct config cfg;
	struct config_section *sec;
	unsigned lines;
	void **owned;
	size_t nowned, capowned;

	void *state;
	bool inited, started, stopped, in_init;
	const struct cpd_event *feeding; /* the event on_event() has */

	struct cpd_run_info run;
	struct cpd_trace_stats stats;
	uint64_t seq;

	struct cpd_event **events;
	size_t nevents, capevents;
	size_t refused;
	struct fake_log *logs;
	size_t nlogs, caplogs;

	struct fake_watch *watches;
	size_t nwatches, capwatches;

	uint64_t tracee_base;
	const void *tracee_mem;
	size_t tracee_len;

	char *fail_reason; /* fail_run() */
};

static struct fake_host *fake_of(struct cpd_instance *inst)
{
	return (struct fake_host *)(void *)inst;
}

static void fake_record_log(struct fake_host *fh, int level, const char *text)
{
	fh->logs = xgrow(fh->logs, &fh->caplogs, fh->nlogs, sizeof(*fh->logs));
	fh->logs[fh->nlogs].level = level;
	fh->logs[fh->nlogs].text = xstrdup(text);
	fh->nlogs++;
	if (getenv("CPD_TEST_VERBOSE"))
		fprintf(stderr, "    [%s] %s\n", fh->name, text);
}

static void fake_logf(struct fake_host *fh, int level, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static void fake_logf(struct fake_host *fh, int level, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	fake_record_log(fh, level, text);
}

/* The core's own messages (config errors, warnings) land here too. */
static struct fake_host *fake_log_target;

static void fake_log_hook(int level, const char *origin, const char *text,
			  void *arg)
{
	if (fake_log_target)
		fake_record_log(fake_log_target, level, text);
}

/* ---- services ---------------------------------------------------------- */

static void fake_log(struct cpd_instance *inst, int level, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static void fake_log(struct cpd_instance *inst, int level, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	fake_record_log(fake_of(inst), level, text);
}

static int fake_publish(struct cpd_instance *inst, const struct cpd_event *ev)
{
	struct fake_host *fh = fake_of(inst);
	struct cpd_event *copy, report;
	struct cpd_kv *kv = NULL;
	size_t in_size;
	char why[320];
	int rc;

	if (!ev) {
		fh->refused++;
		return -EINVAL;
	}
	if (ev->kind == CPD_EV_SYSCALL || ev->kind == CPD_EV_PROC ||
	    ev->kind == CPD_EV_NOTICE) {
		fake_logf(fh, CPD_LOG_WARN,
			  "cannot publish a %s event: only the core does",
			  fields_kind_name(ev->kind));
		fh->refused++;
		return -EPERM;
	}
	/* the real host's size rule: 0 means "as big as ours" */
	in_size = ev->size ? MIN((size_t)ev->size, sizeof(*ev)) : sizeof(*ev);
	rc = evcopy_check(ev, in_size, why, sizeof(why));
	if (rc == 0 && ev->kind == CPD_EV_REPORT) {
		rc = reports_complete(fh->plugin->name, ev, in_size, &report,
				      &kv, why, sizeof(why));
		ev = &report;
		in_size = sizeof(report);
	}
	if (rc < 0) {
		fake_logf(fh, CPD_LOG_WARN, "publish refused: %s", why);
		fh->refused++;
		return rc;
	}
	copy = evcopy_dup(ev, in_size);
	free(kv);
	copy->seq = ++fh->seq;
	copy->source = (ev->kind == CPD_EV_FAULT || ev->kind == CPD_EV_SCHED ||
			ev->kind == CPD_EV_BLKIO) ?
			       CPD_SRC_KERNEL :
			       CPD_SRC_PLUGIN;
	fh->events = xgrow(fh->events, &fh->capevents, fh->nevents,
			   sizeof(*fh->events));
	fh->events[fh->nevents++] = copy;
	fh->stats.events_published++;
	return 0;
}

static int fake_apply_options(struct cpd_instance *inst, void *state)
{
	struct fake_host *fh = fake_of(inst);

	if (!state)
		return -EINVAL;
	return options_apply(fh->plugin->options, fh->sec, state, &fh->owned,
			     &fh->nowned, &fh->capowned);
}

static const char *fake_instance_name(const struct cpd_instance *inst)
{
	return ((const struct fake_host *)(const void *)inst)->name;
}

static int fake_watch_fd(struct cpd_instance *inst, int fd, uint32_t events,
			 cpd_fd_cb cb)
{
	struct fake_host *fh = fake_of(inst);
	size_t i;

	if (!cb || fd < 0)
		return -EINVAL;
	for (i = 0; i < fh->nwatches; i++)
		if (fh->watches[i].fd == fd)
			return -EEXIST;
	fh->watches = xgrow(fh->watches, &fh->capwatches, fh->nwatches,
			    sizeof(*fh->watches));
	fh->watches[fh->nwatches].fd = fd;
	fh->watches[fh->nwatches].events = events;
	fh->watches[fh->nwatches].cb = cb;
	fh->nwatches++;
	return 0;
}

static int fake_unwatch_fd(struct cpd_instance *inst, int fd)
{
	struct fake_host *fh = fake_of(inst);
	size_t i;

	for (i = 0; i < fh->nwatches; i++) {
		if (fh->watches[i].fd != fd)
			continue;
		fh->watches[i] = fh->watches[--fh->nwatches];
		return 0;
	}
	return -ENOENT;
}

static const struct cpd_field *fake_event_fields(uint32_t kind,
						 uint32_t *nfields)
{
	return fields_of(kind, nfields);
}

static const char *fake_event_kind_name(uint32_t kind)
{
	return fields_kind_name(kind);
}

static int fake_register_kind(struct cpd_instance *inst,
			      const struct cpd_kind_desc *desc)
{
	struct fake_host *fh = fake_of(inst);
	char why[256];
	int rc;

	if (!fh->in_init)
		return -EBUSY;
	rc = fields_register(desc, why, sizeof(why));
	if (rc < 0)
		fake_logf(fh, CPD_LOG_ERROR, "cannot register kind: %s", why);
	return rc;
}

static size_t fake_format_xlat(uint32_t xlat, uint64_t value, char *buf,
			       size_t size)
{
	return xlat_format(xlat, value, buf, size);
}

static const char *fake_errno_name(int err)
{
	return xlat_errno_name(err);
}

static const char *fake_signal_name(int sig)
{
	return xlat_signal_name(sig);
}

static size_t fake_format_syscall(const struct cpd_event *ev, char *buf,
				  size_t size)
{
	return sysfmt_format(ev, buf, size);
}

static ssize_t fake_read_tracee(struct cpd_instance *inst, uint64_t addr,
				void *buf, size_t len)
{
	struct fake_host *fh = fake_of(inst);
	uint64_t end = fh->tracee_base + fh->tracee_len;
	size_t n;

	if (!fh->feeding || fh->feeding->kind != CPD_EV_SYSCALL)
		return -EPERM;
	if (!fh->tracee_mem || addr < fh->tracee_base || addr >= end)
		return -EFAULT;
	n = (size_t)MIN((uint64_t)len, end - addr);
	memcpy(buf, (const char *)fh->tracee_mem + (addr - fh->tracee_base), n);
	return (ssize_t)n;
}

static const struct cpd_run_info *fake_run_info(struct cpd_instance *inst)
{
	return &fake_of(inst)->run;
}

static const struct cpd_trace_stats *fake_trace_stats(struct cpd_instance *inst)
{
	return &fake_of(inst)->stats;
}

static const struct cpd_report_desc *fake_report_desc(const char *topic)
{
	return topic ? reports_find(topic, strlen(topic), NULL) : NULL;
}

static int fake_fail_run(struct cpd_instance *inst, const char *reason)
{
	struct fake_host *fh = fake_of(inst);

	if (!reason || !*reason)
		return -EINVAL;
	free(fh->fail_reason);
	fh->fail_reason = xstrdup(reason);
	return 0;
}

static const struct cpd_host fake_vtable = {
	.struct_size = sizeof(struct cpd_host),
	.abi_minor = CPD_ABI_MINOR,
	.version = PACKAGE_VERSION,
	.log = fake_log,
	.publish = fake_publish,
	.apply_options = fake_apply_options,
	.instance_name = fake_instance_name,
	.watch_fd = fake_watch_fd,
	.unwatch_fd = fake_unwatch_fd,
	.event_fields = fake_event_fields,
	.event_kind_name = fake_event_kind_name,
	.register_kind = fake_register_kind,
	.format_xlat = fake_format_xlat,
	.errno_name = fake_errno_name,
	.signal_name = fake_signal_name,
	.format_syscall = fake_format_syscall,
	.read_tracee = fake_read_tracee,
	.run_info = fake_run_info,
	.trace_stats = fake_trace_stats,
	.report_desc = fake_report_desc,
	.fail_run = fake_fail_run,
};

/* ---- lifecycle ----------------------------------------------------------- */

struct fake_host *fake_host_new(const struct cpd_plugin *plugin,
				const char *instance_name)
{
	struct fake_host *fh = xcalloc(1, sizeof(*fh));

	fh->host = fake_vtable;
	fh->plugin = plugin;
	fh->name = xstrdup(instance_name);
	config_init(&fh->cfg);
	fh->sec = config_add_section(&fh->cfg, instance_name, FAKE_ORIGIN, 1);
	fh->lines = 1;

	fh->run.struct_size = sizeof(fh->run);
	fh->run.mode = CPD_RUN_NONE;
	fh->run.string_limit = 256;
	fh->run.deterministic = 1;
	fh->run.command.ptr = "test";
	fh->run.command.len = 4;
	fh->run.hostname.ptr = "testhost";
	fh->run.hostname.len = 8;
	fh->stats.struct_size = sizeof(fh->stats);
	fh->stats.root_exit_code = -1;

	fake_log_target = fh;
	log_set_hook(fake_log_hook, NULL);
	fake_host_declare(fh, plugin);
	return fh;
}

void fake_host_declare(struct fake_host *fh, const struct cpd_plugin *plugin)
{
	char why[512];
	int rc;

	/* what the loader would refuse is a failed test, not a crash */
	if (plugin->abi_minor < 1 ||
	    plugin->struct_size < offsetof(struct cpd_plugin, reports) +
					  sizeof(plugin->reports))
		return;
	rc = reports_check(plugin->reports, why, sizeof(why));
	if (rc == 0)
		rc = reports_add(plugin->name, plugin->reports, why,
				 sizeof(why));
	if (rc < 0)
		fake_logf(fh, CPD_LOG_ERROR, "plugin '%s': %s", plugin->name,
			  why);
}

void fake_host_fini(struct fake_host *fh)
{
	if (!fh->inited)
		return;
	fh->plugin->fini(fh->state);
	fh->inited = false;
	fh->state = NULL;
}

void fake_host_clear(struct fake_host *fh)
{
	size_t i;

	for (i = 0; i < fh->nevents; i++)
		free(fh->events[i]);
	fh->nevents = 0;
	for (i = 0; i < fh->nlogs; i++)
		free(fh->logs[i].text);
	fh->nlogs = 0;
	fh->refused = 0;
}

void fake_host_free(struct fake_host *fh)
{
	if (!fh)
		return;
	fake_host_fini(fh);
	fake_host_clear(fh);
	free(fh->events);
	free(fh->logs);
	free(fh->watches);
	options_free_owned(fh->owned, fh->nowned);
	config_free(&fh->cfg);
	/* custom kind tables and schemas live in the plugin: forget them */
	fields_reset();
	reports_reset();
	if (fake_log_target == fh) {
		fake_log_target = NULL;
		log_set_hook(NULL, NULL);
	}
	free(fh->fail_reason);
	free(fh->name);
	free(fh);
}

const char *fake_host_failed(const struct fake_host *fh)
{
	return fh->fail_reason;
}

void fake_host_set(struct fake_host *fh, const char *key, const char *value)
{
	fh->lines++;
	config_add_entry(fh->sec, key, value, fh->sec->origin, fh->lines);
}

void fake_host_set_many(struct fake_host *fh, const char *const *kv)
{
	for (; kv && kv[0] && kv[1]; kv += 2)
		fake_host_set(fh, kv[0], kv[1]);
}

unsigned fake_host_validate(struct fake_host *fh)
{
	unsigned before = fh->cfg.errors;

	fake_log_target = fh;
	options_validate(&fh->cfg, fh->sec, fh->plugin->options);
	return fh->cfg.errors - before;
}

int fake_host_init(struct fake_host *fh)
{
	int rc;

	if (fh->inited)
		return 0;
	if (fake_host_validate(fh))
		return -EINVAL;
	fh->in_init = true;
	rc = fh->plugin->init(fake_host_instance(fh), &fh->host, &fh->state);
	fh->in_init = false;
	if (rc < 0)
		return rc;
	fh->inited = true;
	return 0;
}

int fake_host_start(struct fake_host *fh)
{
	int rc = fake_host_init(fh);

	if (rc < 0)
		return rc;
	if (fh->started)
		return 0;
	rc = fh->plugin->start ? fh->plugin->start(fh->state) : 0;
	if (rc == 0)
		fh->started = true;
	return rc;
}

int fake_host_flush(struct fake_host *fh)
{
	if (!fh->inited || !fh->plugin->flush)
		return 0;
	return fh->plugin->flush(fh->state);
}

int fake_host_stop(struct fake_host *fh)
{
	int rc, rc2;

	if (!fh->inited || fh->stopped)
		return 0;
	rc = fake_host_flush(fh);
	rc2 = fh->plugin->stop ? fh->plugin->stop(fh->state) : 0;
	fh->stopped = true;
	return rc < 0 ? rc : rc2;
}

void *fake_host_state(const struct fake_host *fh)
{
	return fh->state;
}

struct cpd_instance *fake_host_instance(struct fake_host *fh)
{
	return (struct cpd_instance *)(void *)fh;
}

const struct cpd_host *fake_host_vtable(const struct fake_host *fh)
{
	return &fh->host;
}

int fake_host_feed(struct fake_host *fh, const struct cpd_event *ev)
{
	struct cpd_event local = *ev;
	int rc;

	if (!fh->inited || !fh->plugin->on_event)
		return -EINVAL;
	local.size = sizeof(local);
	if (!local.seq)
		local.seq = ++fh->seq;
	else if (local.seq > fh->seq)
		fh->seq = local.seq;
	fh->stats.events_published++;
	if (local.kind == CPD_EV_SYSCALL) {
		fh->stats.syscalls_seen++;
		fh->stats.syscalls_published++;
	}
	fh->feeding = &local;
	rc = fh->plugin->on_event(fh->state, &local);
	fh->feeding = NULL;
	return rc;
}

/* ---- what the plugin did ----------------------------------------------- */

size_t fake_host_nevents(const struct fake_host *fh)
{
	return fh->nevents;
}

const struct cpd_event *fake_host_event(const struct fake_host *fh, size_t i)
{
	return i < fh->nevents ? fh->events[i] : NULL;
}

size_t fake_host_count(const struct fake_host *fh, uint32_t kind)
{
	size_t i, n = 0;

	for (i = 0; i < fh->nevents; i++)
		n += fh->events[i]->kind == kind;
	return n;
}

const struct cpd_event *fake_host_nth(const struct fake_host *fh, uint32_t kind,
				      size_t nth)
{
	size_t i;

	for (i = 0; i < fh->nevents; i++)
		if (fh->events[i]->kind == kind && !nth--)
			return fh->events[i];
	return NULL;
}

static bool fake_str_is(const struct cpd_str *s, const char *text)
{
	size_t len = strlen(text);

	return s->ptr && s->len == len && !memcmp(s->ptr, text, len);
}

const struct cpd_event *fake_host_report(const struct fake_host *fh,
					 const char *topic, size_t nth)
{
	size_t i;

	for (i = 0; i < fh->nevents; i++) {
		const struct cpd_event *ev = fh->events[i];

		if (ev->kind == CPD_EV_REPORT &&
		    fake_str_is(&ev->u.report.topic, topic) && !nth--)
			return ev;
	}
	return NULL;
}

const struct cpd_kv *fake_host_kv(const struct cpd_event *report,
				  const char *key)
{
	uint32_t i;

	if (!report || report->kind != CPD_EV_REPORT)
		return NULL;
	for (i = 0; i < report->u.report.nkv; i++)
		if (fake_str_is(&report->u.report.kv[i].key, key))
			return &report->u.report.kv[i];
	return NULL;
}

size_t fake_host_refused(const struct fake_host *fh)
{
	return fh->refused;
}

size_t fake_host_nlogs(const struct fake_host *fh)
{
	return fh->nlogs;
}

const char *fake_host_log_text(const struct fake_host *fh, size_t i)
{
	return i < fh->nlogs ? fh->logs[i].text : NULL;
}

int fake_host_log_level(const struct fake_host *fh, size_t i)
{
	return i < fh->nlogs ? fh->logs[i].level : 0;
}

bool fake_host_logged(const struct fake_host *fh, const char *text)
{
	size_t i;

	for (i = 0; i < fh->nlogs; i++)
		if (strstr(fh->logs[i].text, text))
			return true;
	return false;
}

/* ---- what the plugin can read ------------------------------------------ */

struct cpd_run_info *fake_host_run_info(struct fake_host *fh)
{
	return &fh->run;
}

struct cpd_trace_stats *fake_host_trace_stats(struct fake_host *fh)
{
	return &fh->stats;
}

void fake_host_set_tracee(struct fake_host *fh, uint64_t base, const void *mem,
			  size_t len)
{
	fh->tracee_base = base;
	fh->tracee_mem = mem;
	fh->tracee_len = len;
}

bool fake_host_watching(const struct fake_host *fh, int fd, uint32_t *events)
{
	size_t i;

	for (i = 0; i < fh->nwatches; i++) {
		if (fh->watches[i].fd != fd)
			continue;
		if (events)
			*events = fh->watches[i].events;
		return true;
	}
	return false;
}

int fake_host_fire_fd(struct fake_host *fh, int fd, uint32_t revents)
{
	size_t i;
	int rc;

	for (i = 0; i < fh->nwatches; i++) {
		if (fh->watches[i].fd != fd)
			continue;
		rc = fh->watches[i].cb(fh->state, fd, revents);
		/* the real loop drops an fd whose callback failed */
		if (rc < 0)
			fake_unwatch_fd(fake_host_instance(fh), fd);
		return rc;
	}
	return -ENOENT;
}

/* ---- building syscall events ------------------------------------------- */

int fake_syscall_init(struct fake_syscall *sc, int32_t pid, const char *name,
		      int64_t ret)
{
	uint32_t arch = AUDIT_ARCH_X86_64;
	int nr = sysent_number(arch, name);
	const struct sysent *se = nr >= 0 ? sysent_lookup(arch, nr) : NULL;
	struct cpd_syscall *s = &sc->ev.u.syscall;
	unsigned i;

	memset(sc, 0, sizeof(*sc));
	if (!se)
		return -ENOENT;
	sc->ev.size = sizeof(sc->ev);
	sc->ev.kind = CPD_EV_SYSCALL;
	sc->ev.source = CPD_SRC_CORE;
	sc->ev.pid = pid;
	sc->ev.tid = pid;
	s->nr = nr;
	s->arch = arch;
	s->name.ptr = se->name;
	s->name.len = (uint32_t)strlen(se->name);
	s->classes = se->classes;
	s->nargs = se->nargs;
	s->ret = ret;
	s->err = (ret < 0 && ret > -4096) ? (int32_t)-ret : 0;
	s->arg = sc->arg;
	for (i = 0; i < se->nargs && i < 6; i++) {
		sc->arg[i].kind = se->args[i].kind;
		sc->arg[i].xlat = se->args[i].xlat;
	}
	s->retval.kind = se->ret.kind;
	s->retval.xlat = se->ret.xlat;
	s->retval.raw = (uint64_t)ret;
	return 0;
}

void fake_syscall_raw(struct fake_syscall *sc, unsigned i, uint64_t raw)
{
	if (i >= 6)
		return;
	sc->ev.u.syscall.args[i] = raw;
	sc->arg[i].raw = raw;
}

void fake_syscall_str(struct fake_syscall *sc, unsigned i, const char *s)
{
	if (i >= 6)
		return;
	sc->arg[i].str.ptr = s;
	sc->arg[i].str.len = s ? (uint32_t)strlen(s) : 0;
}

void fake_syscall_fd(struct fake_syscall *sc, unsigned i, int fd,
		     enum cpd_fd_kind kind, const char *path)
{
	struct cpd_fdinfo *fi;

	if (i >= 6)
		return;
	fake_syscall_raw(sc, i, (uint64_t)(int64_t)fd);
	fi = &sc->fd[i];
	memset(fi, 0, sizeof(*fi));
	fi->fd = fd;
	fi->kind = (uint16_t)kind;
	fi->path.ptr = path;
	fi->path.len = path ? (uint32_t)strlen(path) : 0;
	sc->arg[i].fd = fi;
}

void fake_syscall_sockaddr(struct fake_syscall *sc, unsigned i,
			   const struct cpd_sockaddr *sa)
{
	if (i >= 6)
		return;
	sc->sa[i] = *sa;
	sc->arg[i].sa = &sc->sa[i];
}

void fake_syscall_ret_fd(struct fake_syscall *sc, enum cpd_fd_kind kind,
			 const char *path)
{
	struct cpd_fdinfo *fi = &sc->ret_fd;

	memset(fi, 0, sizeof(*fi));
	fi->fd = (int32_t)sc->ev.u.syscall.ret;
	fi->kind = (uint16_t)kind;
	fi->path.ptr = path;
	fi->path.len = path ? (uint32_t)strlen(path) : 0;
	sc->ev.u.syscall.retval.fd = fi;
}
