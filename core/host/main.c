// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * compendium: parse the command line, load the config and the plugins,
 * trace, and let the plugins write what they found. Nothing else.
 */
#include "base/cpd.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cli.h"
#include "diff/diff.h"
#include "host/default_conf.h"
#include "base/log.h"
#include "plugin_list.h"
#include "session.h"
#include "engine/engine.h"
#include "base/xmalloc.h"

static char *main_command(const struct cli *cli)
{
	size_t len = 1;
	char *s;
	int i;

	if (!cli->ncommand)
		return xasprintf("pid %d", cli->pids[0]);
	for (i = 0; i < cli->ncommand; i++)
		len += strlen(cli->command[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; i < cli->ncommand; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, cli->command[i]);
	}
	return s;
}

/*
 * $COMPENDIUM_ENGINE picks the engine when neither the config nor
 * --engine does: a machine-wide habit, and how the test suite runs
 * itself under each engine.
 */
static void main_engine_env(struct config *cfg)
{
	const char *env = getenv("COMPENDIUM_ENGINE");
	struct config_section *core;

	if (!env || !*env)
		return;
	core = config_find(cfg, "core");
	if (core && config_lookup(core, "engine"))
		return;
	if (!core)
		core = config_add_section(
			cfg, "core",
			config_origin(cfg, "environment (COMPENDIUM_ENGINE)"),
			0);
	config_add_entry(core, "engine", env,
			 config_origin(cfg, "environment (COMPENDIUM_ENGINE)"),
			 0);
}

/* Load the config and check it with the plugins. 0, or exit status 2. */
static int main_configure(struct session *s, const struct cli *cli)
{
	char *path = config_locate(cli->config_path, CPD_SYSCONFDIR);

	if (path)
		config_load_file(&s->cfg, path);
	else
		config_load_string(&s->cfg, "built-in default config",
				   default_conf);
	free(path);
	cli_overlay(cli, &s->cfg);
	main_engine_env(&s->cfg);
	session_configure(s);
	if (s->cfg.errors) {
		log_error("%u error%s in the configuration; nothing was traced",
			  s->cfg.errors, s->cfg.errors == 1 ? "" : "s");
		return 2;
	}
	return 0;
}

static uint64_t main_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000;
}

/*
 * [core] stats: counters and the tracer's own peak memory, after every
 * plugin has written and freed its output. RUSAGE_SELF leaves out the
 * traced command, which a wrapper's wait4() would count in. start_us is
 * the plugins' init and start, before the command runs: where the eBPF
 * sources load their programs, a cost paid once.
 */
static void main_print_stats(const struct cpd_trace_stats *st,
			     uint64_t start_us)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		memset(&ru, 0, sizeof(ru));
	fprintf(stderr,
		"compendium: stats: ptrace_stops=%" PRIu64
		" syscalls_seen=%" PRIu64 " syscalls_published=%" PRIu64
		" events_published=%" PRIu64 " events_dropped=%" PRIu64
		" tasks_seen=%" PRIu64 " processes_seen=%" PRIu64
		" peak_rss_kib=%ld user_ms=%ld sys_ms=%ld start_us=%" PRIu64
		"\n",
		st->ptrace_stops, st->syscalls_seen, st->syscalls_published,
		st->events_published, st->events_dropped, st->tasks_seen,
		st->processes_seen, ru.ru_maxrss,
		ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000,
		ru.ru_stime.tv_sec * 1000 + ru.ru_stime.tv_usec / 1000,
		start_us);
}

int main(int argc, char **argv)
{
	struct tracer_opts topts;
	struct session s;
	bool traced = false;
	struct cli cli;
	uint64_t start_us = 0, t0;
	int status;

	/* to trace a program called diff: compendium -- diff ... */
	if (argc > 1 && !strcmp(argv[1], "diff"))
		return diff_main(argc - 1, argv + 1);
	switch (cli_parse(&cli, argc, argv)) {
	case CLI_EXIT_OK:
		cli_free(&cli);
		return 0;
	case CLI_USAGE:
		cli_free(&cli);
		return 2;
	default:
		break;
	}
	log_set_verbosity((int)cli.verbose);
	/*
	 * A reader of our output that goes away (compendium ... | head) must
	 * not kill us: with PTRACE_O_EXITKILL the traced command would die
	 * with us. Writes fail with EPIPE instead and outputs say so once.
	 */
	signal(SIGPIPE, SIG_IGN);
	session_init(&s);
	plugin_path_init(&s.path, cli.plugin_dirs, cli.nplugin_dirs,
			 getenv("COMPENDIUM_PLUGIN_PATH"), CPD_BUILDDIR,
			 CPD_PLUGINDIR);
	if (cli.list_plugins || cli.list_reports) {
		status = cli.list_plugins ?
				 plugin_list(&s.path, stdout) :
				 plugin_list_reports(&s.path, stdout);
		goto out_free;
	}
	status = main_configure(&s, &cli);
	if (status)
		goto out_free;
	log_set_verbosity((int)s.core.verbose);

	s.command = main_command(&cli);
	{
		struct timespec mono, real;

		/* the origin of every "+S.SSSs" a plugin prints */
		clock_gettime(CLOCK_MONOTONIC, &mono);
		clock_gettime(CLOCK_REALTIME, &real);
		s.run.start_ns = (uint64_t)mono.tv_sec * 1000000000u +
				 (uint64_t)mono.tv_nsec;
		s.run.start_realtime_ns = (uint64_t)real.tv_sec * 1000000000u +
					  (uint64_t)real.tv_nsec;
	}
	s.loop = loop_new();
	if (!s.loop) {
		log_error("cannot create the event loop");
		status = 1;
		goto out_free;
	}
	t0 = main_now_us();
	if (session_instantiate(&s) < 0) {
		status = 1;
		if (s.cfg.errors) {
			log_error(
				"%u error%s in the configuration; nothing was traced",
				s.cfg.errors, s.cfg.errors == 1 ? "" : "s");
			status = 2;
		}
		goto out_stop;
	}
	if (session_start(&s) < 0) {
		status = 1;
		goto out_stop;
	}
	start_us = main_now_us() - t0;
	topts.argv = cli.command;
	topts.argc = cli.ncommand;
	topts.pids = cli.pids;
	topts.npids = cli.npids;
	status = engine_run(&s, &topts);
	traced = true;
out_stop:
	/* whatever happened, what was collected is written */
	session_stop(&s);
	if (traced)
		status = session_exit_status(&s, status);
out_free : {
	struct loop *loop = s.loop;
	struct cpd_trace_stats st = s.stats;
	bool stats = s.core.stats;
	uint64_t started = start_us;

	/* plugins unwatch their fds in fini: the loop goes last */
	session_free(&s);
	loop_free(loop);
	if (stats)
		main_print_stats(&st, started);
}
	cli_free(&cli);
	log_flush();
	return status;
}
