// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/plugin.h>

#include "base/log.h"
#include "base/xmalloc.h"

enum {
	OPT_REPORT = 256,
	OPT_MAX_REPORT_EVENTS,
	OPT_CSV,
	OPT_JSON,
	OPT_PERFETTO,
	OPT_FAULTS,
	OPT_EBPF,
	OPT_NO_SECCOMP,
	OPT_ENGINE,
	OPT_STATS,
	OPT_INTERVAL,
	OPT_DURATION,
	OPT_CONFIG,
	OPT_PLUGIN_DIR,
	OPT_SET,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_LIST_PLUGINS,
	OPT_LIST_REPORTS,
	OPT_VERSION,
	OPT_EXPECT,
	OPT_EXPECT_FILE,
	OPT_EXPECT_OUT,
};

static const struct option cli_options[] = {
	{ "pid", required_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "output", required_argument, NULL, 'o' },
	{ "report", optional_argument, NULL, OPT_REPORT },
	{ "max-report-events", required_argument, NULL, OPT_MAX_REPORT_EVENTS },
	{ "csv", required_argument, NULL, OPT_CSV },
	{ "json", required_argument, NULL, OPT_JSON },
	{ "perfetto", required_argument, NULL, OPT_PERFETTO },
	{ "faults", no_argument, NULL, OPT_FAULTS },
	{ "page-faults", no_argument, NULL, OPT_FAULTS },
	{ "ebpf", no_argument, NULL, OPT_EBPF },
	{ "no-seccomp", no_argument, NULL, OPT_NO_SECCOMP },
	{ "engine", required_argument, NULL, OPT_ENGINE },
	{ "stats", no_argument, NULL, 'c' },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "expect", required_argument, NULL, OPT_EXPECT },
	{ "expect-file", required_argument, NULL, OPT_EXPECT_FILE },
	{ "expect-out", required_argument, NULL, OPT_EXPECT_OUT },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },
	{ "set", required_argument, NULL, OPT_SET },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "list-plugins", no_argument, NULL, OPT_LIST_PLUGINS },
	{ "list-reports", no_argument, NULL, OPT_LIST_REPORTS },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

void cli_usage(FILE *fp)
{
	fputs("usage: compendium [OPTIONS] [--] COMMAND [ARGS...]\n"
	      "       compendium [OPTIONS] -p PID [-p PID...]\n"
	      "       compendium diff [OPTIONS] A.jsonl B.jsonl   (see diff --help)\n"
	      "\n"
	      "Trace a command (or running processes) and show what matters: files,\n"
	      "network, memory, processes; as a live stream, a summary and reports.\n"
	      "\n"
	      "Tracing:\n"
	      "  -p, --pid PID            attach to PID and all its threads (repeatable);\n"
	      "                           Ctrl-C detaches and leaves it running\n"
	      "  -v, --verbose            also print every syscall, strace-style (-vv: debug)\n"
	      "  -s, --string-limit N     bytes kept of tracee strings and buffers\n"
	      "      --engine ENGINE      ptrace, ebpf (nothing is stopped; needs root) or\n"
	      "                           auto (the default: ebpf when it can run, else ptrace)\n"
	      "      --no-seccomp         stop at every syscall, not just the subscribed ones\n"
	      "      --faults, --page-faults  page faults (fault analyzer)\n"
	      "      --ebpf               scheduler and block-I/O latency (sched, blkio;\n"
	      "                           not the engine: see --engine)\n"
	      "  -c, --stats              time every syscall: calls, errors, latency\n"
	      "                           percentiles, where each process's time went\n"
	      "      --interval SECONDS   every SECONDS, print what changed, and totals\n"
	      "      --duration SECONDS   stop after SECONDS: detach, or kill the command\n"
	      "\n"
	      "Output:\n"
	      "  -o, --output FILE        copy every console line to FILE\n"
	      "      --report[=FILE]      write an HTML report (default report.html);\n"
	      "                           '--report FILE' works when '--' precedes COMMAND\n"
	      "      --max-report-events N  events kept in the report (default 75000)\n"
	      "      --csv FILE           write events as CSV\n"
	      "      --json FILE          write events as JSON Lines ('-' for stdout)\n"
	      "      --perfetto FILE      write a Chrome/Perfetto trace\n"
	      "\n"
	      "Checks (for CI):\n"
	      "      --expect RULE        fail the run unless RULE holds (repeatable):\n"
	      "                           no-network [HOST...], writes-under DIR...,\n"
	      "                           reads-under DIR..., exec-only GLOB...,\n"
	      "                           no-exec GLOB..., exit N, no-findings SEVERITY,\n"
	      "                           max-processes N\n"
	      "      --expect-file FILE   read rules from FILE, one a line\n"
	      "      --expect-out FILE    write what the run did as a rule file\n"
	      "\n"
	      "Configuration:\n"
	      "      --config FILE        read FILE instead of the default config\n"
	      "      --set SECTION.KEY=VALUE  set a config value (repeatable)\n"
	      "      --enable NAME        enable the plugin instance NAME\n"
	      "      --disable NAME       disable it\n"
	      "      --plugin-dir DIR     look for plugins in DIR first (repeatable)\n"
	      "      --list-plugins       list the plugins found, with their options\n"
	      "      --list-reports       list the reports they publish, with their keys\n"
	      "      --version            print the version\n"
	      "  -h, --help               print this help\n"
	      "\n"
	      "Exit status: the traced command's (128+N if killed by signal N); 125 if\n"
	      "an --expect rule was broken; 127 if it cannot be run; 2 for usage and\n"
	      "configuration errors; 1 otherwise.\n",
	      fp);
}

static void cli_add_set(struct cli *cli, const char *section, const char *key,
			const char *value, const char *flag)
{
	struct cli_set *s;

	cli->sets = xgrow(cli->sets, &cli->cap_sets, cli->nsets,
			  sizeof(*cli->sets));
	s = &cli->sets[cli->nsets++];
	s->section = xstrdup(section);
	s->key = xstrdup(key);
	s->value = xstrdup(value);
	s->flag = flag;
}

static int cli_parse_set(struct cli *cli, const char *arg)
{
	const char *dot = strchr(arg, '.'), *eq = strchr(arg, '=');
	char *section, *key;

	if (!dot || !eq || eq < dot || dot == arg || eq == dot + 1) {
		log_error("--set '%s': expected SECTION.KEY=VALUE", arg);
		return -EINVAL;
	}
	section = xstrndup(arg, (size_t)(dot - arg));
	key = xstrndup(dot + 1, (size_t)(eq - dot - 1));
	cli_add_set(cli, section, key, eq + 1, "--set");
	free(section);
	free(key);
	return 0;
}

static int cli_parse_pid(struct cli *cli, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || *end || v <= 0 || v > INT_MAX) {
		log_error("--pid '%s': expected a process id", arg);
		return -EINVAL;
	}
	cli->pids = xgrow(cli->pids, &cli->cap_pids, cli->npids,
			  sizeof(*cli->pids));
	cli->pids[cli->npids++] = (pid_t)v;
	return 0;
}

/*
 * --expect 'writes-under ./out ./logs' (or writes-under=./out): the
 * [expect] key of the rule, its arguments as the key's list; a rule
 * without arguments is "yes". Quotes are a rule file's business.
 */
static int cli_parse_expect(struct cli *cli, const char *arg)
{
	size_t n = strcspn(arg, " \t="), i;
	const char *p = arg + n;
	char *key, *value;
	size_t len = 0;

	if (!n) {
		log_error(
			"--expect '%s': expected a rule and its arguments (see --help)",
			arg);
		return -EINVAL;
	}
	if (strpbrk(arg, ",\"")) {
		log_error(
			"--expect '%s': a comma or a quote cannot be given here; write the rule in a file for --expect-file",
			arg);
		return -EINVAL;
	}
	key = xstrndup(arg, n);
	for (i = 0; i < n; i++)
		if (key[i] == '-')
			key[i] = '_';
	value = xmalloc(strlen(p) + 4);
	if (*p == '=')
		p++;
	while (*p) {
		size_t w;

		p += strspn(p, " \t");
		w = strcspn(p, " \t");
		if (!w)
			break;
		if (len)
			value[len++] = ',';
		memcpy(value + len, p, w);
		len += w;
		p += w;
	}
	value[len] = '\0';
	cli_add_set(cli, "expect", key, len ? value : "yes", "--expect");
	free(key);
	free(value);
	return 0;
}

/*
 * SECONDS of --interval and --duration ("1", "0.5") as a config duration
 * in ms; a value with a unit ("500ms") is passed on as it is.
 */
static int cli_seconds(struct cli *cli, const char *arg, const char *key,
		       const char *flag)
{
	char buf[32], *end;
	double v;

	if (*arg && strspn(arg, "0123456789.") != strlen(arg)) {
		cli_add_set(cli, "core", key, arg, flag);
		return 0;
	}
	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end || v <= 0 || v > 1e9) {
		log_error(
			"%s '%s': expected a number of seconds, such as 1 or 0.5",
			flag, arg);
		return -EINVAL;
	}
	snprintf(buf, sizeof(buf), "%.0fms", v * 1000.0 < 1 ? 1 : v * 1000.0);
	cli_add_set(cli, "core", key, buf, flag);
	return 0;
}

static bool cli_has_separator(int argc, char **argv, int from)
{
	int i;

	for (i = from; i < argc; i++)
		if (!strcmp(argv[i], "--"))
			return true;
	return false;
}

enum cli_result cli_parse(struct cli *cli, int argc, char **argv)
{
	char buf[32];
	int c;

	memset(cli, 0, sizeof(*cli));
	opterr = 0;
	optind = 1;
	/* '+': stop at the first non-option, the traced command. */
	while ((c = getopt_long(argc, argv, "+p:vs:o:ch", cli_options, NULL)) !=
	       -1) {
		switch (c) {
		case 'p':
			if (cli_parse_pid(cli, optarg) < 0)
				return CLI_USAGE;
			break;
		case 'v':
			cli->verbose++;
			snprintf(buf, sizeof(buf), "%u", cli->verbose);
			cli_add_set(cli, "core", "verbose", buf, "-v");
			break;
		case 's':
			cli_add_set(cli, "core", "string_limit", optarg, "-s");
			break;
		case 'o':
			cli_add_set(cli, "console", "output", optarg, "-o");
			break;
		case OPT_REPORT: {
			const char *file = optarg;

			/*
			 * --report FILE (a separate word) only when "--"
			 * marks where the command starts; otherwise the next
			 * word is the command, as the original's users found.
			 */
			if (!file && optind < argc && argv[optind][0] != '-' &&
			    cli_has_separator(argc, argv, optind + 1))
				file = argv[optind++];
			cli_add_set(cli, "html", "path",
				    file ? file : "report.html", "--report");
			break;
		}
		case OPT_MAX_REPORT_EVENTS:
			cli_add_set(cli, "html", "max_events", optarg,
				    "--max-report-events");
			break;
		case OPT_CSV:
			cli_add_set(cli, "csv", "path", optarg, "--csv");
			break;
		case OPT_JSON:
			cli_add_set(cli, "jsonl", "path", optarg, "--json");
			break;
		case OPT_PERFETTO:
			cli_add_set(cli, "perfetto", "path", optarg,
				    "--perfetto");
			break;
		case OPT_FAULTS:
			cli_add_set(cli, "fault", "enabled", "yes", "--faults");
			break;
		case OPT_EBPF:
			cli_add_set(cli, "sched", "enabled", "yes", "--ebpf");
			cli_add_set(cli, "blkio", "enabled", "yes", "--ebpf");
			break;
		case 'c':
			cli_add_set(cli, "stats", "enabled", "yes", "--stats");
			break;
		case OPT_INTERVAL:
		case OPT_DURATION:
			if (cli_seconds(cli, optarg,
					c == OPT_INTERVAL ? "interval" :
							    "duration",
					c == OPT_INTERVAL ? "--interval" :
							    "--duration") < 0)
				return CLI_USAGE;
			break;
		case OPT_EXPECT:
			if (cli_parse_expect(cli, optarg) < 0)
				return CLI_USAGE;
			break;
		case OPT_EXPECT_FILE:
			cli_add_set(cli, "expect", "file", optarg,
				    "--expect-file");
			break;
		case OPT_EXPECT_OUT:
			cli_add_set(cli, "expect", "out", optarg,
				    "--expect-out");
			break;
		case OPT_NO_SECCOMP:
			cli_add_set(cli, "core", "seccomp", "no",
				    "--no-seccomp");
			break;
		case OPT_ENGINE:
			cli_add_set(cli, "core", "engine", optarg, "--engine");
			break;
		case OPT_CONFIG:
			free(cli->config_path);
			cli->config_path = xstrdup(optarg);
			break;
		case OPT_PLUGIN_DIR:
			cli->plugin_dirs = xgrow(
				cli->plugin_dirs, &cli->cap_dirs,
				cli->nplugin_dirs, sizeof(*cli->plugin_dirs));
			cli->plugin_dirs[cli->nplugin_dirs++] = xstrdup(optarg);
			break;
		case OPT_SET:
			if (cli_parse_set(cli, optarg) < 0)
				return CLI_USAGE;
			break;
		case OPT_ENABLE:
		case OPT_DISABLE:
			cli_add_set(cli, optarg, "enabled",
				    c == OPT_ENABLE ? "yes" : "no",
				    c == OPT_ENABLE ? "--enable" : "--disable");
			break;
		case OPT_LIST_PLUGINS:
			cli->list_plugins = true;
			break;
		case OPT_LIST_REPORTS:
			cli->list_reports = true;
			break;
		case OPT_VERSION:
			cli->version = true;
			break;
		case 'h':
			cli->help = true;
			break;
		case '?':
		default:
			if (optopt && optopt < 256)
				log_error(
					"unknown or incomplete option '-%c' (see --help)",
					optopt);
			else
				log_error(
					"unknown or incomplete option '%s' (see --help)",
					argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (cli->help) {
		cli_usage(stdout);
		return CLI_EXIT_OK;
	}
	if (cli->version) {
		printf("compendium %s (plugin ABI %d.%d)\n", PACKAGE_VERSION,
		       CPD_ABI_MAJOR, CPD_ABI_MINOR);
		return CLI_EXIT_OK;
	}
	cli->command = argv + optind;
	cli->ncommand = argc - optind;
	if (cli->list_plugins || cli->list_reports)
		return CLI_OK;
	if (cli->npids && cli->ncommand) {
		log_error("give either a command or --pid, not both");
		return CLI_USAGE;
	}
	if (!cli->npids && !cli->ncommand) {
		log_error(
			"nothing to trace: give a command or --pid (see --help)");
		return CLI_USAGE;
	}
	return CLI_OK;
}

void cli_free(struct cli *cli)
{
	size_t i;

	for (i = 0; i < cli->nsets; i++) {
		free(cli->sets[i].section);
		free(cli->sets[i].key);
		free(cli->sets[i].value);
	}
	free(cli->sets);
	for (i = 0; i < cli->nplugin_dirs; i++)
		free(cli->plugin_dirs[i]);
	free(cli->plugin_dirs);
	free(cli->pids);
	free(cli->config_path);
	memset(cli, 0, sizeof(*cli));
}

void cli_overlay(const struct cli *cli, struct config *cfg)
{
	size_t i;

	for (i = 0; i < cli->nsets; i++) {
		const struct cli_set *set = &cli->sets[i];
		char origin[64];
		struct config_section *sec;
		const char *o;

		snprintf(origin, sizeof(origin), "command line (%s)",
			 set->flag);
		o = config_origin(cfg, origin);
		sec = config_find(cfg, set->section);
		if (!sec) {
			char plugin[CONFIG_MAX_PLUGIN + 1], why[160];

			if (strcmp(set->section, "core") &&
			    config_parse_section_name(set->section, plugin,
						      sizeof(plugin), why,
						      sizeof(why)) < 0) {
				config_error(cfg, o, 0, "%s", why);
				continue;
			}
			sec = config_add_section(cfg, set->section, o, 0);
		}
		/* A flag that configures a plugin also turns it on. */
		if (strcmp(set->section, "core") &&
		    strcmp(set->key, "enabled") && strcmp(set->flag, "--set"))
			config_add_entry(sec, "enabled", "yes", o, 0);
		config_add_entry(sec, set->key, set->value, o, 0);
	}
}
