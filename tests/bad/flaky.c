// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * flaky: an analyzer that misbehaves on request, to check what the host
 * does about it. `fail = init|start|event|flush|stop` makes that callback
 * return -EIO (`config`: init returns -EINVAL, as for a bad file of its
 * own); `echo = yes` republishes every FILE event it gets, so two
 * instances ping-pong and the bus has to break the loop; `fail_run =
 * yes` fails the run (cpd_host.fail_run) when it stops.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

enum {
	FAIL_NONE,
	FAIL_INIT,
	FAIL_START,
	FAIL_EVENT,
	FAIL_FLUSH,
	FAIL_STOP,
	FAIL_CONFIG
};

struct flaky {
	int32_t fail;
	bool echo;
	bool fail_run;
	const struct cpd_host *host;
	struct cpd_instance *inst;
};

static const char *const flaky_points[] = { "none",  "init", "start",  "event",
					    "flush", "stop", "config", NULL };

static const struct cpd_option flaky_options[] = {
	{ .name = "fail",
	  .type = CPD_OPT_ENUM,
	  .def = "none",
	  .offset = offsetof(struct flaky, fail),
	  .choices = flaky_points,
	  .help = "the callback that returns -EIO" },
	{ .name = "echo",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct flaky, echo),
	  .help = "republish every file event it gets" },
	{ .name = "fail_run",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct flaky, fail_run),
	  .help = "fail the run when it stops" },
	CPD_OPTION_END
};

static int flaky_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	struct flaky *f = calloc(1, sizeof(*f));
	int rc;

	if (!f)
		return -ENOMEM;
	f->host = host;
	f->inst = inst;
	rc = host->apply_options(inst, f);
	if (rc == 0 && f->fail == FAIL_CONFIG)
		rc = -EINVAL;
	else if (rc == 0 && f->fail == FAIL_INIT)
		rc = -EIO;
	if (rc < 0) {
		free(f);
		return rc;
	}
	*statep = f;
	return 0;
}

static int flaky_start(void *state)
{
	return ((struct flaky *)state)->fail == FAIL_START ? -EIO : 0;
}

static int flaky_on_event(void *state, const struct cpd_event *ev)
{
	struct flaky *f = state;

	if (f->echo && ev->kind == CPD_EV_FILE)
		f->host->publish(f->inst, ev);
	return f->fail == FAIL_EVENT ? -EIO : 0;
}

static int flaky_flush(void *state)
{
	return ((struct flaky *)state)->fail == FAIL_FLUSH ? -EIO : 0;
}

static int flaky_stop(void *state)
{
	struct flaky *f = state;

	/* a host older than ABI 1.1 has no such service */
	if (f->fail_run && CPD_HAS(f->host, fail_run))
		f->host->fail_run(f->inst, "asked to fail the run");
	return f->fail == FAIL_STOP ? -EIO : 0;
}

static void flaky_fini(void *state)
{
	free(state);
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "flaky", .version = "1",
		  .description = "test analyzer that fails or loops on request",
		  .subscribe = CPD_EVMASK(CPD_EV_FILE) |
			       CPD_EVMASK(CPD_EV_PROC),
		  .publishes = CPD_EVMASK(CPD_EV_FILE),
		  .options = flaky_options, .init = flaky_init,
		  .start = flaky_start, .on_event = flaky_on_event,
		  .flush = flaky_flush, .stop = flaky_stop,
		  .fini = flaky_fini, );
