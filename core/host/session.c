// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>

#include "fields.h"
#include "base/log.h"
#include "options.h"
#include "optval.h"
#include "engine/engine.h"
#include "reports.h"
#include "engine/sysent.h"
#include "base/xmalloc.h"

static const char *const policy_names[] = { "warn", "disable", "abort", NULL };

/* Shorter periods would make printing them the tracer's main work. */
#define SESSION_MIN_INTERVAL 10000000u

const struct cpd_option session_core_options[] = {
	{ .name = "verbose",
	  .type = CPD_OPT_UINT,
	  .def = "0",
	  .offset = offsetof(struct core_opts, verbose),
	  .min = 0,
	  .max = 9,
	  .help = "1: print every syscall; 2: debug messages too (-v, -vv)" },
	{ .name = "string_limit",
	  .type = CPD_OPT_SIZE,
	  .def = "32",
	  .offset = offsetof(struct core_opts, string_limit),
	  .min = 0,
	  .max = 1 << 20,
	  .help = "bytes kept of tracee strings and buffers (-s); paths are kept whole" },
	{ .name = "flush_interval",
	  .type = CPD_OPT_DURATION,
	  .def = "1s",
	  .offset = offsetof(struct core_opts, flush_interval),
	  .min = 1000000,
	  .max = 3600000000000LL,
	  .help = "how often plugins flush their buffers" },
	{ .name = "interval",
	  .type = CPD_OPT_DURATION,
	  .def = "0s",
	  .offset = offsetof(struct core_opts, interval),
	  .min = 0,
	  .max = 86400000000000LL,
	  .help = "every so often, print (and write) what changed since the last time, as well as totals; 0: never (--interval)" },
	{ .name = "duration",
	  .type = CPD_OPT_DURATION,
	  .def = "0s",
	  .offset = offsetof(struct core_opts, duration),
	  .min = 0,
	  .max = 31536000000000000LL,
	  .help = "stop tracing after this long (detach, or kill a command we started) and write the summary; 0: no limit (--duration)" },
	{ .name = "deterministic",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct core_opts, deterministic),
	  .help = "stable output for tests: times and addresses are not shown where they vary" },
	{ .name = "seccomp",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct core_opts, seccomp),
	  .help = "stop the tracee only for the syscalls plugins subscribe to (--no-seccomp turns it off)" },
	{ .name = "stats",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct core_opts, stats),
	  .help = "print the seccomp filter's syscalls, the tracer's counters and its peak memory on stderr (for benchmarks)" },
	{ .name = "engine",
	  .type = CPD_OPT_ENUM,
	  .def = "auto",
	  .offset = offsetof(struct core_opts, engine),
	  .choices = engine_names,
	  .help = "how programs are watched: ptrace, ebpf (no stops; root), or auto (ebpf when it can, else ptrace)" },
	{ .name = "on_plugin_error",
	  .type = CPD_OPT_ENUM,
	  .def = "warn",
	  .offset = offsetof(struct core_opts, on_plugin_error),
	  .choices = policy_names,
	  .help = "what a failing plugin callback does: warn, disable the instance, or abort tracing" },
	CPD_OPTION_END
};

void session_init(struct session *s)
{
	memset(s, 0, sizeof(*s));
	config_init(&s->cfg);
	s->run.struct_size = sizeof(s->run);
	s->run.mode = CPD_RUN_NONE;
	s->run.string_limit = 32;
	s->stats.struct_size = sizeof(s->stats);
	s->stats.root_exit_code = -1;
	if (gethostname(s->hostname, sizeof(s->hostname) - 1) < 0)
		s->hostname[0] = '\0';
}

struct instance *session_find(struct session *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->ninst; i++)
		if (!strcmp(s->inst[i]->name, name))
			return s->inst[i];
	return NULL;
}

static struct plugin *session_plugin(struct session *s, const char *name,
				     char *why, size_t whylen, int *err)
{
	char reason[256];
	struct plugin *p;
	size_t i;

	for (i = 0; i < s->nplugins; i++) {
		if (!strcmp(s->plugins[i]->name, name))
			return s->plugins[i];
	}
	*err = plugin_load(&s->path, name, &p, why, whylen);
	if (*err)
		return NULL;
	/* outputs find a topic's schema whoever declared it: once each */
	*err = reports_add(p->name, p->desc.reports, reason, sizeof(reason));
	if (*err) {
		snprintf(why, whylen, "plugin '%s' (%s): %s", p->name, p->path,
			 reason);
		plugin_unload(p);
		return NULL;
	}
	s->plugins = xgrow(s->plugins, &s->capplugins, s->nplugins,
			   sizeof(*s->plugins));
	s->plugins[s->nplugins++] = p;
	return p;
}

/* Check the host keys of a section; returns false if it is disabled. */
static bool session_host_keys(struct session *s,
			      const struct config_section *sec, char *plugin,
			      size_t plugin_len)
{
	const struct config_entry *e;
	bool enabled = true;
	char why[160];
	size_t i;

	e = config_lookup(sec, "enabled");
	if (e && optval_parse_bool(e->value, &enabled) < 0)
		config_error(
			&s->cfg, e->origin, e->line,
			"%s: bad value '%s' for key 'enabled': expected yes or no",
			sec->name, e->value);
	e = config_lookup(sec, "plugin");
	if (e) {
		if (!optval_valid_name(e->value, CONFIG_MAX_PLUGIN))
			config_error(
				&s->cfg, e->origin, e->line,
				"%s: bad plugin name '%s': plugin names are [a-z0-9_]+",
				sec->name, e->value);
		else
			snprintf(plugin, plugin_len, "%s", e->value);
	} else if (config_parse_section_name(sec->name, plugin, plugin_len, why,
					     sizeof(why)) < 0) {
		config_error(&s->cfg, sec->origin, sec->line, "%s", why);
	}
	for (i = 0; i < sec->nentries; i++) {
		const struct config_entry *ev = &sec->entries[i];
		char **names, **n;

		if (strcmp(ev->key, "events") && strcmp(ev->key, "syscalls"))
			continue;
		names = optval_split_list(ev->value, NULL);
		for (n = names; *n; n++) {
			bool ok;

			if (!strcmp(ev->key, "events"))
				ok = fields_kind_by_name(*n) > 0 ||
				     optval_valid_name(*n, 31);
			else if (**n == '%')
				ok = sysent_class_bit(*n + 1) != 0 ||
				     !strcmp(*n + 1, "all");
			else
				ok = sysent_number(sysent_native_arch(), *n) >=
				     0;
			if (!ok)
				config_error(&s->cfg, ev->origin, ev->line,
					     "%s: %s: unknown %s '%s'",
					     sec->name, ev->key,
					     strcmp(ev->key, "events") ?
						     "syscall or %class" :
						     "event kind",
					     *n);
		}
		optval_free_list(names);
	}
	return enabled;
}

int session_configure(struct session *s)
{
	const struct config_section *core = config_find(&s->cfg, "core");
	size_t i;
	int err;

	if (core) {
		options_validate(&s->cfg, core, session_core_options);
		for (i = 0; i < core->nentries; i++)
			if (options_host_key(core->entries[i].key))
				config_error(&s->cfg, core->entries[i].origin,
					     core->entries[i].line,
					     "core: unknown key '%s'",
					     core->entries[i].key);
	}
	if (options_apply(session_core_options, core, &s->core, NULL, NULL,
			  NULL) < 0) {
		/* defaults of our own table: a bug, but say so clearly */
		if (!s->cfg.errors)
			config_error(&s->cfg, "[core]", 0, "invalid settings");
	} else if (s->core.interval &&
		   s->core.interval < SESSION_MIN_INTERVAL) {
		const struct config_entry *e = config_lookup(core, "interval");

		config_error(
			&s->cfg, e ? e->origin : "[core]", e ? e->line : 0,
			"core: interval %s is too short: 10ms at least, or 0 for none",
			e ? e->value : "");
	}

	for (i = 0; i < s->cfg.nsections; i++) {
		const struct config_section *sec = &s->cfg.sections[i];
		char plugin[CONFIG_MAX_PLUGIN + 1] = "";
		char why[768];
		struct instance *inst;
		struct plugin *p;

		if (!strcmp(sec->name, "core"))
			continue;
		if (!session_host_keys(s, sec, plugin, sizeof(plugin)))
			continue;
		if (!*plugin)
			continue;
		p = session_plugin(s, plugin, why, sizeof(why), &err);
		if (!p) {
			config_error(&s->cfg, sec->origin, sec->line,
				     "[%s]: %s", sec->name, why);
			continue;
		}
		options_validate(&s->cfg, sec, p->desc.options);
		if ((p->desc.flags & CPD_PF_SINGLETON)) {
			size_t j;

			for (j = 0; j < s->ninst; j++)
				if (s->inst[j]->plugin == p)
					config_error(
						&s->cfg, sec->origin, sec->line,
						"[%s]: plugin '%s' allows one instance, and [%s] is one already",
						sec->name, plugin,
						s->inst[j]->name);
		}
		inst = xcalloc(1, sizeof(*inst));
		inst->name = xstrdup(sec->name);
		inst->plugin = p;
		p->refs++;
		inst->section = sec;
		inst->session = s;
		s->inst =
			xgrow(s->inst, &s->capinst, s->ninst, sizeof(*s->inst));
		s->inst[s->ninst++] = inst;
	}
	return s->cfg.errors ? -EINVAL : 0;
}

/* Whether an "events =" entry lists kind. */
static bool session_names_kind(const struct config_entry *e, const char *kind)
{
	char **names, **n;
	bool found = false;

	if (!e)
		return false;
	names = optval_split_list(e->value, NULL);
	for (n = names; *n && !found; n++)
		found = !strcmp(*n, kind);
	optval_free_list(names);
	return found;
}

/* The kinds an instance gets: its plugin's, narrowed by "events =". */
static int session_mask(struct session *s, struct instance *inst)
{
	const struct config_entry *e = config_lookup(inst->section, "events");
	uint64_t want = 0;
	char **names, **n;
	int k, bad = 0;

	inst->mask = inst->plugin->desc.subscribe;
	if ((inst->plugin->desc.flags & CPD_PF_SYSCALL_VERBOSE) &&
	    !s->core.verbose && !session_names_kind(e, "syscall"))
		inst->mask &= ~CPD_EVMASK(CPD_EV_SYSCALL);
	if (!e)
		return 0;
	names = optval_split_list(e->value, NULL);
	for (n = names; *n; n++) {
		k = fields_kind_by_name(*n);
		if (k <= 0) {
			config_error(&s->cfg, e->origin, e->line,
				     "%s: events: unknown event kind '%s'",
				     inst->name, *n);
			bad++;
			continue;
		}
		if (!(inst->mask & CPD_EVMASK(k)))
			log_warn(
				"%s:%u: %s: plugin '%s' does not take '%s' events",
				e->origin, e->line, inst->name,
				inst->plugin->name, *n);
		want |= CPD_EVMASK((unsigned)k);
	}
	optval_free_list(names);
	inst->mask &= want;
	return bad ? -EINVAL : 0;
}

/* Which syscalls an instance subscribed to SYSCALL gets, as bitmaps. */
static void session_syscall_filter(struct session *s, struct instance *inst)
{
	static const uint32_t arches[] = { AUDIT_ARCH_X86_64, AUDIT_ARCH_I386 };
	const struct cpd_plugin *d = &inst->plugin->desc;
	const struct config_entry *e = config_lookup(inst->section, "syscalls");
	char **narrow = e ? optval_split_list(e->value, NULL) : NULL;
	size_t a;

	if (!(inst->mask & CPD_EVMASK(CPD_EV_SYSCALL)))
		goto out_free;
	/* An unnarrowed subscriber that asked for nothing specific gets all. */
	if (!narrow && !d->syscall_classes && !d->syscalls)
		goto out_free;
	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		int count = sysent_count(arches[a]), nr;
		uint64_t *bits;

		if (count <= 0)
			continue;
		bits = xcalloc(((size_t)count + 63) / 64, sizeof(*bits));
		for (nr = 0; nr < count; nr++) {
			const struct sysent *se = sysent_lookup(arches[a], nr);
			bool want = false;
			char **n;

			if (!se)
				continue;
			if (!d->syscall_classes && !d->syscalls)
				want = true;
			if (se->classes & d->syscall_classes)
				want = true;
			for (n = (char **)d->syscalls; n && *n && !want; n++)
				want = !strcmp(*n, se->name);
			if (want && narrow) {
				bool keep = false;

				for (n = narrow; *n && !keep; n++) {
					if (**n == '%')
						keep = !strcmp(*n + 1, "all") ||
						       (se->classes &
							sysent_class_bit(*n +
									 1));
					else
						keep = !strcmp(*n, se->name);
				}
				want = keep;
			}
			if (want)
				bits[nr / 64] |= UINT64_C(1) << (nr % 64);
		}
		bus_filter_syscalls(s->bus, inst, arches[a], bits,
				    (size_t)count);
		free(bits);
	}
out_free:
	optval_free_list(narrow);
}

static void session_policy(struct instance *inst, const char *what, int rc)
{
	struct session *s = inst->session;

	inst->errors++;
	log_msg(CPD_LOG_ERROR, inst->name, "%s failed: %s", what,
		strerror(rc < 0 ? -rc : rc));
	switch (s->core.on_plugin_error) {
	case POLICY_DISABLE:
		if (!inst->disabled)
			log_msg(CPD_LOG_WARN, inst->name,
				"disabled after an error (on_plugin_error = disable)");
		inst->disabled = true;
		break;
	case POLICY_ABORT:
		if (!s->aborted)
			log_msg(CPD_LOG_WARN, inst->name,
				"ending the trace after an error (on_plugin_error = abort)");
		s->aborted = true;
		break;
	default:
		break;
	}
}

static int session_deliver(void *owner, const struct cpd_event *ev)
{
	struct instance *inst = owner;
	int rc;

	if (inst->state != INST_STARTED || inst->disabled)
		return 0;
	if (inst->live)
		inst->session->live_held = true;
	rc = inst->plugin->desc.on_event(inst->state_ptr, ev);
	if (rc < 0)
		session_policy(inst, "on_event", rc);
	return rc;
}

int session_instantiate(struct session *s)
{
	unsigned errors = s->cfg.errors;
	size_t i;
	int rc;

	s->bus = bus_new();
	s->run.verbose = (uint32_t)s->core.verbose;
	s->run.string_limit = (uint32_t)s->core.string_limit;
	s->run.deterministic = s->core.deterministic;
	s->run.interval_ns = s->core.interval;
	s->run.duration_ns = s->core.duration;
	s->run.hostname.ptr = s->hostname;
	s->run.hostname.len = (uint32_t)strlen(s->hostname);
	if (s->command) {
		s->run.command.ptr = s->command;
		s->run.command.len = (uint32_t)strlen(s->command);
	}
	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		rc = inst->plugin->desc.init((struct cpd_instance *)inst,
					     &session_host, &inst->state_ptr);
		if (rc < 0) {
			log_msg(CPD_LOG_ERROR, inst->name, "init failed: %s",
				strerror(-rc));
			inst->state = INST_FAILED;
			/* what it read besides its options (a rule file) */
			if (rc == -EINVAL)
				s->cfg.errors++;
			return rc;
		}
		inst->state = INST_INITIALIZED;
		inst->inited = true;
	}
	/* Custom kinds exist only now, so "events =" is checked here. */
	for (i = 0; i < s->ninst; i++)
		session_mask(s, s->inst[i]);
	if (s->cfg.errors != errors)
		return -EINVAL;
	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		if (!inst->mask)
			continue;
		bus_subscribe(s->bus, inst->mask, inst, session_deliver);
		if (inst->plugin->desc.flags & CPD_PF_LIVE_STREAM &&
		    inst->plugin->desc.flush) {
			inst->live = true;
			s->has_live = true;
		}
		if (inst->plugin->desc.flags & CPD_PF_SYSCALL_ENTRY)
			bus_entry_only(s->bus, inst);
		if (inst->plugin->desc.flags & CPD_PF_SYSCALL_BATCH)
			bus_batch_ok(s->bus, inst);
		session_syscall_filter(s, inst);
		if (payload_add(&s->payload, inst->plugin->desc.payloads) < 0) {
			log_msg(CPD_LOG_ERROR, inst->name,
				"too many payload rules: at most %d in all",
				PAYLOAD_RULES_MAX);
			return -ENOSPC;
		}
	}
	return 0;
}

/* The host is about to print a message: held lines go out before it. */
static void session_log_sync(void *arg)
{
	session_sync(arg);
}

/* Every message the user sees on stderr also goes to outputs that keep a
 * copy of the session (console -o, reports). */
static void session_notice(int level, const char *origin, const char *text,
			   void *arg)
{
	struct session *s = arg;
	struct cpd_event ev;
	struct timespec ts;

	if (!s->bus || !bus_wants(s->bus, CPD_EV_NOTICE))
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_NOTICE;
	ev.ts_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	ev.u.notice.level = (uint32_t)level;
	ev.u.notice.origin.ptr = origin;
	ev.u.notice.origin.len = (uint32_t)strlen(origin);
	ev.u.notice.text.ptr = text;
	ev.u.notice.text.len = (uint32_t)strlen(text);
	session_publish(s, &ev);
}

int session_start(struct session *s)
{
	size_t i;
	int rc;

	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		if (inst->state != INST_INITIALIZED)
			continue;
		rc = inst->plugin->desc.start ?
			     inst->plugin->desc.start(inst->state_ptr) :
			     0;
		if (rc < 0) {
			log_msg(CPD_LOG_ERROR, inst->name, "start failed: %s",
				strerror(-rc));
			inst->state = INST_FAILED;
			return rc;
		}
		inst->state = INST_STARTED;
	}
	log_set_hook(session_notice, s);
	if (s->has_live)
		log_set_sync(session_log_sync, s);
	return 0;
}

static void session_flush_where(struct session *s, bool live_only)
{
	size_t i;
	int rc;

	/* a message from a flush() must not flush again */
	if (s->flushing)
		return;
	s->flushing = true;
	s->live_held = false;
	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		if (inst->state != INST_STARTED || inst->disabled ||
		    !inst->plugin->desc.flush || (live_only && !inst->live))
			continue;
		rc = inst->plugin->desc.flush(inst->state_ptr);
		if (rc < 0)
			session_policy(inst, "flush", rc);
	}
	s->flushing = false;
}

void session_flush(struct session *s)
{
	session_flush_where(s, false);
}

void session_sync_held(struct session *s)
{
	session_flush_where(s, true);
}

static uint64_t session_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t session_ticks_start(struct session *s)
{
	/* held lines of a live stream wait CPD_LIVE_STREAM_MS at most */
	ticks_init(&s->ticks, s->core.flush_interval, s->core.interval,
		   s->core.duration,
		   s->has_live ? CPD_LIVE_STREAM_MS * UINT64_C(1000000) : 0,
		   session_now());
	return s->ticks.tick_ns;
}

static void session_interval_role(struct session *s, uint32_t role,
				  const struct cpd_interval *iv)
{
	size_t i;
	int rc;

	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		if (inst->plugin->desc.role != role ||
		    inst->state != INST_STARTED || inst->disabled ||
		    !inst->plugin->desc.interval)
			continue;
		rc = inst->plugin->desc.interval(inst->state_ptr, iv);
		if (rc < 0)
			session_policy(inst, "interval", rc);
	}
}

void session_interval(struct session *s, const struct cpd_interval *iv)
{
	/* analyzers publish the period's reports; outputs then write them */
	session_interval_role(s, CPD_ROLE_ANALYZER, iv);
	session_interval_role(s, CPD_ROLE_OUTPUT, iv);
}

unsigned session_tick(struct session *s)
{
	unsigned due = ticks_due(&s->ticks, session_now());

	if (due & TICK_INTERVAL) {
		struct cpd_interval iv = {
			.struct_size = sizeof(iv),
			.index = s->ticks.index,
			.start_ns = s->ticks.period_start,
			.end_ns = s->ticks.period_end,
		};

		session_interval(s, &iv);
	}
	if (due & TICK_FLUSH)
		session_flush(s);
	return due;
}

/*
 * Whether an analyzer still running publishes a kind inst takes (findings
 * takes the file analyzer's events, expect the findings): inst is stopped
 * after it, so that what it publishes in stop() still reaches inst.
 */
static bool session_waits_for_others(const struct session *s,
				     const struct instance *inst)
{
	uint64_t theirs = 0;
	size_t i;

	for (i = 0; i < s->ninst; i++)
		if (s->inst[i] != inst &&
		    s->inst[i]->plugin->desc.role == CPD_ROLE_ANALYZER &&
		    s->inst[i]->state == INST_STARTED)
			theirs |= s->inst[i]->plugin->desc.publishes;
	theirs &= ~(CPD_EVMASK(CPD_EV_SYSCALL) | CPD_EVMASK(CPD_EV_PROC) |
		    CPD_EVMASK(CPD_EV_NOTICE));
	return inst->mask & theirs;
}

static void session_stop_one(struct instance *inst)
{
	int rc = 0;

	if (!inst->disabled && inst->plugin->desc.flush)
		rc = inst->plugin->desc.flush(inst->state_ptr);
	if (rc < 0)
		session_policy(inst, "flush", rc);
	if (inst->plugin->desc.stop)
		rc = inst->plugin->desc.stop(inst->state_ptr);
	inst->state = INST_STOPPED;
	if (rc < 0)
		session_policy(inst, "stop", rc);
}

/* Every started instance of role; with wait, not those still waiting. */
static bool session_stop_role(struct session *s, uint32_t role, bool wait)
{
	bool stopped = false;
	size_t i;

	for (i = 0; i < s->ninst; i++) {
		struct instance *inst = s->inst[i];

		if (inst->plugin->desc.role != role ||
		    inst->state != INST_STARTED ||
		    (wait && session_waits_for_others(s, inst)))
			continue;
		session_stop_one(inst);
		stopped = true;
	}
	return stopped;
}

void session_stop(struct session *s)
{
	/*
	 * Analyzers publish their reports in stop(); outputs must see them,
	 * and so must analyzers that take other analyzers' events: those
	 * stop in rounds, each after what it takes. Analyzers that take each
	 * other's stop in config order.
	 */
	while (session_stop_role(s, CPD_ROLE_ANALYZER, true))
		;
	session_stop_role(s, CPD_ROLE_ANALYZER, false);
	session_stop_role(s, CPD_ROLE_OUTPUT, false);
	log_flush();
}

void session_free(struct session *s)
{
	size_t i = s->ninst;

	log_set_hook(NULL, NULL);
	log_set_sync(NULL, NULL);
	while (i--) {
		struct instance *inst = s->inst[i];

		if (inst->inited)
			inst->plugin->desc.fini(inst->state_ptr);
		host_unwatch_all(inst);
		options_free_owned(inst->owned, inst->nowned);
		plugin_unload(inst->plugin);
		free(inst->fail_reason);
		free(inst->name);
		free(inst);
	}
	free(s->inst);
	bus_free(s->bus);
	/* custom kind tables and schemas live in the plugins unloaded next */
	fields_reset();
	reports_reset();
	for (i = 0; i < s->nplugins; i++)
		plugin_unload(s->plugins[i]);
	free(s->plugins);
	plugin_path_free(&s->path);
	config_free(&s->cfg);
	free(s->command);
	memset(s, 0, sizeof(*s));
}

void session_publish(struct session *s, struct cpd_event *ev)
{
	char why[256];

	if (!s->bus || !bus_wants(s->bus, ev->kind))
		return;
	bus_publish_core(s->bus, ev, why, sizeof(why));
	s->stats.events_published = bus_published(s->bus);
	if (ev->kind == CPD_EV_SYSCALL)
		s->stats.syscalls_published++;
}

int session_exit_status(const struct session *s, int status)
{
	bool failed = false;
	size_t i;

	for (i = 0; i < s->ninst; i++) {
		const struct instance *inst = s->inst[i];

		if (!inst->fail_reason)
			continue;
		log_msg(CPD_LOG_ERROR, inst->name,
			"%s: the run failed; exit status %d, not the command's %d",
			inst->fail_reason, CPD_EXIT_RUN_FAILED, status);
		failed = true;
	}
	return failed ? CPD_EXIT_RUN_FAILED : status;
}

bool session_wants_syscall(const struct session *s, uint32_t arch, int nr)
{
	return s->bus && bus_wants_syscall(s->bus, arch, nr);
}

bool session_wants_timing(const struct session *s)
{
	size_t i;

	for (i = 0; i < s->ninst; i++)
		if (s->inst[i]->state == INST_STARTED &&
		    (s->inst[i]->plugin->desc.flags & CPD_PF_SYSCALL_TIMING))
			return true;
	return false;
}

bool session_wants_syscall_exit(const struct session *s, uint32_t arch, int nr)
{
	return s->bus && bus_wants_syscall_exit(s->bus, arch, nr);
}

bool session_wants_syscall_single(const struct session *s, uint32_t arch,
				  int nr)
{
	return s->bus && bus_wants_syscall_single(s->bus, arch, nr);
}
