// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console: the live stream and the final summary, in the original
 * Compendium's formats (the Rust tool compendium reimplements), on stderr
 * by default, with an optional plain copy in a file (-o).
 *
 * It decodes nothing: it renders the analyzers' events and reports, and
 * prints kinds it does not know (a third party's) generically through the
 * host's field tables. Everything that came from a tracee is escaped
 * before it reaches the terminal or the copy.
 *
 * Its summary lays every report out from the schema its analyzer
 * declared (compendium/report.h): it knows no topic and no key.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "lib/format.h"
#include "lib/instance.h"

#include "console.h"

static const char *const console_color_names[] = { "auto", "always", "never",
						   NULL };
static const char *const console_target_names[] = { "stderr", "stdout", "none",
						    NULL };

static const struct cpd_option console_options[] = {
	{ .name = "output",
	  .type = CPD_OPT_PATH,
	  .offset = offsetof(struct console, output),
	  .help = "also write every line, notices included, to this file without colour (-o; - is stdout)" },
	{ .name = "stream",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct console, stream),
	  .help = "print events as they happen" },
	{ .name = "summary",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct console, summary),
	  .help = "print the summary when tracing ends" },
	{ .name = "color",
	  .type = CPD_OPT_ENUM,
	  .def = "auto",
	  .offset = offsetof(struct console, color),
	  .choices = console_color_names,
	  .help = "colour: auto (a terminal, and NO_COLOR unset), always, never" },
	{ .name = "target",
	  .type = CPD_OPT_ENUM,
	  .def = "stderr",
	  .offset = offsetof(struct console, target),
	  .choices = console_target_names,
	  .help = "where lines go: stderr, stdout, or none (only the output file)" },
	{ .name = "sched_min_print",
	  .type = CPD_OPT_DURATION,
	  .def = "100us",
	  .offset = offsetof(struct console, sched_min_print),
	  .help = "shortest scheduler delay worth a line" },
	{ .name = "hidden",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct console, hidden),
	  .help = "also print events the analyzers' noise filters matched" },
	CPD_OPTION_END
};

/* ---- the plugin --------------------------------------------------------- */

static bool console_is_devnull(int fd)
{
	struct stat st;

	return !fstat(fd, &st) && S_ISCHR(st.st_mode) &&
	       st.st_rdev == makedev(1, 3);
}

/*
 * The live stream, on a close-on-exec duplicate of fd (ours to close).
 *
 * The traced command and the host's own messages write to the same
 * place, so a line held back must go out before they write: a host of
 * ABI 1.1 or later calls our flush() then (CPD_PF_LIVE_STREAM), and whole
 * lines are gathered into a buffer written when full and at each flush.
 * An older host does not, and each line goes out in one write of its own,
 * except to /dev/null, which nothing ever reads.
 */
static int console_open_out(struct console *c, int fd)
{
	int dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);

	if (dupfd < 0)
		return -1;
	/* no memory: one write per line */
	if (c->host->abi_minor >= 1 || console_is_devnull(dupfd))
		c->out_buf = malloc(CONSOLE_BUF_SIZE);
	return dupfd;
}

static bool console_want_colour(const struct console *c, int fd)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	switch (c->color) {
	case COLOR_ALWAYS:
		return true;
	case COLOR_NEVER:
		return false;
	default:
		/* https://no-color.org: set and non-empty disables it */
		if (no && *no)
			return false;
		if (term && !strcmp(term, "dumb"))
			return false;
		return isatty(fd);
	}
}

static int console_start(void *state)
{
	struct console *c = state;
	int rc, fd = c->target == TARGET_STDOUT ? STDOUT_FILENO : STDERR_FILENO;

	c->start_ns = c->run->start_ns;
	if (c->target != TARGET_NONE) {
		c->out = console_open_out(c, fd);
		if (c->out < 0)
			c->host->log(c->inst, CPD_LOG_WARN,
				     "cannot write to %s: %s",
				     fd == STDOUT_FILENO ? "stdout" : "stderr",
				     strerror(errno));
		else
			c->colour = console_want_colour(c, fd);
	}
	if (c->output && *c->output) {
		rc = outfile_open(&c->copy_file, c->host, c->inst, c->output,
				  CONSOLE_BUF_SIZE, OUTFILE_LINES);
		if (rc < 0)
			return rc;
		c->copy = c->copy_file.fp;
	}
	return 0;
}

static int console_on_event(void *state, const struct cpd_event *ev)
{
	struct console *c = state;

	switch (ev->kind) {
	case CPD_EV_PROC:
		/* always: the summary needs the execs and the task count */
		console_proc(c, ev);
		return 0;
	case CPD_EV_REPORT:
		return console_report(c, ev);
	case CPD_EV_NOTICE:
		console_notice(c, ev);
		return 0;
	case CPD_EV_LOST:
		console_lost(c, ev);
		return 0;
	case CPD_EV_FINDING:
		/* the summary's first block, not live lines */
		console_finding(c, ev);
		return 0;
	default:
		break;
	}
	if (!c->stream)
		return 0;
	switch (ev->kind) {
	case CPD_EV_SYSCALL:
		console_syscall(c, ev);
		break;
	case CPD_EV_FILE:
		console_file(c, ev);
		break;
	case CPD_EV_NET:
		console_net(c, ev);
		break;
	case CPD_EV_DNS:
		console_dns(c, ev);
		break;
	case CPD_EV_MMAP:
		console_mmap(c, ev);
		break;
	case CPD_EV_FAULT:
		console_fault(c, ev);
		break;
	case CPD_EV_SCHED:
		console_sched(c, ev);
		break;
	case CPD_EV_BLKIO:
		console_blkio(c, ev);
		break;
	default:
		console_generic(c, ev);
		break;
	}
	return 0;
}

/* Once, not on every timer tick. */
static int console_write_failed(struct console *c, const char *what, int err)
{
	if (c->write_error)
		return 0;
	c->write_error = true;
	c->host->log(c->inst, CPD_LOG_ERROR, "cannot write to %s: %s", what,
		     strerror(err ? err : EIO));
	return -EIO;
}

static int console_flush_copy(struct console *c)
{
	if (!c->copy)
		return 0;
	errno = 0;
	if (fflush(c->copy) != EOF && !ferror(c->copy))
		return 0;
	c->copy_file.failed = true; /* said here, not again at closing */
	return console_write_failed(c, c->output, errno);
}

static int console_flush_out(struct console *c)
{
	if (c->out < 0)
		return 0;
	console_out_flush(c);
	if (!c->out_err)
		return 0;
	return console_write_failed(
		c, c->target == TARGET_STDOUT ? "stdout" : "stderr",
		c->out_err);
}

static int console_flush(void *state)
{
	struct console *c = state;
	int rc_out, rc_copy;

	rc_out = console_flush_out(c);
	rc_copy = console_flush_copy(c);
	return rc_out ? rc_out : rc_copy;
}

static int console_interval(void *state, const struct cpd_interval *iv)
{
	struct console *c = state;

	if (c->summary)
		console_interval_block(c, iv);
	return console_flush(c);
}

static int console_stop(void *state)
{
	struct console *c = state;

	/* nothing ran: the host has said why, a summary would only add noise */
	if (c->summary && !c->exec_failed &&
	    (c->run->mode == CPD_RUN_NONE || c->stats->tasks_seen))
		console_summary(c);
	return console_flush(c);
}

/* What the options do not say. */
static int console_setup(void *state)
{
	struct console *c = state;

	c->run = c->host->run_info(c->inst);
	c->stats = c->host->trace_stats(c->inst);
	c->tasks = 1; /* the command, or the first attached task */
	c->out = -1;
	return 0;
}

static void console_release(void *state)
{
	struct console *c = state;
	size_t i;

	if (c->out >= 0) {
		console_out_flush(c);
		close(c->out);
	}
	outfile_close(&c->copy_file);
	free(c->out_buf);
	console_reports_free(c);
	console_problems_free(c);
	console_columns_free(c);
	for (i = 0; i < c->nsubprocs; i++)
		free(c->subprocs[i]);
	free(c->subprocs);
	for (i = 0; i <= CPD_EV_MAX; i++)
		free(c->lost_reason[i]);
}

static const struct instance_type console_type =
	INSTANCE_TYPE(struct console, console_setup, console_release);

static int console_init(struct cpd_instance *inst, const struct cpd_host *host,
			void **statep)
{
	return instance_init(&console_type, inst, host, statep);
}

#define CONSOLE_EVENTS                                           \
	(CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET) |      \
	 CPD_EVMASK(CPD_EV_MMAP) | CPD_EVMASK(CPD_EV_FAULT) |    \
	 CPD_EVMASK(CPD_EV_SCHED) | CPD_EVMASK(CPD_EV_BLKIO) |   \
	 CPD_EVMASK(CPD_EV_PROC) | CPD_EVMASK(CPD_EV_LOST) |     \
	 CPD_EVMASK(CPD_EV_REPORT) | CPD_EVMASK(CPD_EV_NOTICE) | \
	 CPD_EVMASK(CPD_EV_FINDING) | CPD_EVMASK(CPD_EV_DNS) |   \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

/*
 * The -v strace-style view needs CPD_EV_SYSCALL, but an unnarrowed
 * SYSCALL subscriber makes the core stop at every syscall of every run.
 * CPD_PF_SYSCALL_VERBOSE (a host-side rule: deliver SYSCALL only with -v
 * or when the section's "events =" names it) is what makes that
 * subscription free; until the SDK has it, the console does not ask for
 * syscalls at all rather than slow every trace down.
 */
#ifdef CPD_PF_SYSCALL_VERBOSE
#define CONSOLE_SUBSCRIBE (CONSOLE_EVENTS | CPD_EVMASK(CPD_EV_SYSCALL))
#define CONSOLE_FLAGS	  (CPD_PF_SYSCALL_VERBOSE | CPD_PF_LIVE_STREAM)
#else
#define CONSOLE_SUBSCRIBE CONSOLE_EVENTS
#define CONSOLE_FLAGS	  CPD_PF_LIVE_STREAM
#endif

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_OUTPUT, .name = "console", .version = "1.0",
		.description =
			"live event lines and the final summary on the terminal (-o: a copy in a file)",
		.subscribe = CONSOLE_SUBSCRIBE, .flags = CONSOLE_FLAGS,
		.options = console_options, .init = console_init,
		.start = console_start, .on_event = console_on_event,
		.flush = console_flush, .stop = console_stop,
		.fini = instance_fini, .interval = console_interval, );
