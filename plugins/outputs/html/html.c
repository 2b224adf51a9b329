// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * html: one self-contained, interactive report of the whole trace
 * (--report). The file is opened when tracing starts, so a bad path is
 * said before anything runs, and written when it ends (Ctrl-C included,
 * since stop() runs then too). doc/html-report.md describes it.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "lib/format.h"
#include "lib/instance.h"

#define HTML_IOBUF (1u << 20)

static const struct cpd_option html_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .def = "report.html",
	  .offset = offsetof(struct html, path),
	  .help = "HTML file to write (--report FILE)" },
	{ .name = "max_events",
	  .type = CPD_OPT_UINT,
	  .def = "75000",
	  .offset = offsetof(struct html, max_events),
	  .min = 0,
	  .max = INT32_MAX,
	  .help = "events kept in the report, counted after coalescing "
		  "(--max-report-events); the summary counts them all" },
	{ .name = "hidden",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct html, hidden),
	  .help = "also show events the analyzers' noise filters hid" },
	{ .name = "compress",
	  .type = CPD_OPT_BOOL,
	  .def = "yes",
	  .offset = offsetof(struct html, compress),
	  .help = "gzip and base64 the embedded data (no: plain JSON, "
		  "for tools that read it)" },
	CPD_OPTION_END
};

static int html_start(void *state)
{
	struct html *h = state;
	const struct cpd_run_info *run = h->host->run_info(h->inst);

	html_data_init(&h->data, h->host, run->start_ns, h->max_events);
	h->data.hidden = h->hidden;
	h->data.verbose = run->verbose > 0;
	h->data.compress = h->compress;
	if (h->compress && !html_sink_can_compress())
		h->host->log(h->inst, CPD_LOG_NOTE,
			     "'%s' will hold its data uncompressed: this "
			     "build has no zlib",
			     h->path);
	/* now: a path we cannot write is said before tracing starts */
	return outfile_open(&h->out, h->host, h->inst, h->path, HTML_IOBUF, 0);
}

static int html_on_event(void *state, const struct cpd_event *ev)
{
	struct html *h = state;

	if (!h->out.fp)
		return 0;
	if (html_data_add(&h->data, ev) == -ENOMEM && !h->data.oom) {
		/* the trace goes on; the report keeps what it has */
		h->data.oom = true;
		h->host->log(h->inst, CPD_LOG_WARN,
			     "out of memory: '%s' will miss some events",
			     h->path);
	}
	return 0;
}

static uint64_t html_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int html_stop(void *state)
{
	struct html *h = state;
	struct html_meta m = { 0 };
	char size[FORMAT_BYTES_MAX];
	const char *sz = size;
	long len;
	int rc, close_rc;

	if (!h->out.fp)
		return 0;
	if (html_data_finish(&h->data) == -ENOMEM && !h->data.oom) {
		h->data.oom = true;
		h->host->log(h->inst, CPD_LOG_WARN,
			     "out of memory: '%s' will miss some events",
			     h->path);
	}
	m.run = h->host->run_info(h->inst);
	m.stats = h->host->trace_stats(h->inst);
	m.version = h->host->version;
	m.end_ns = html_now();
	errno = 0;
	rc = html_write(h->out.fp, &h->data, &m);
	if (rc)
		outfile_error(&h->out, -rc);
	else
		rc = outfile_flush(&h->out);
	len = rc ? 0 : ftell(h->out.fp);
	close_rc = outfile_close(&h->out);
	if (!rc)
		rc = close_rc;
	if (rc)
		return rc;
	if (h->data.aggs.rows)
		h->host->log(h->inst, CPD_LOG_WARN,
			     "report capped at %" PRIu64 " of %" PRIu64
			     " events (--max-report-events): %" PRIu64
			     " more kept past it (processes, failures, "
			     "connections), %" PRIu64 " summarised in %" PRIu64
			     " rows per file and time; the summary counts "
			     "them all",
			     h->data.max_events, h->data.total, h->data.always,
			     h->data.aggs.rows, h->data.aggs.n);
	format_bytes(len > 0 ? (uint64_t)len : 0, size, sizeof(size));
	while (*sz == ' ')
		sz++;
	h->host->log(h->inst, CPD_LOG_INFO,
		     "report written to %s (%s, %" PRIu64 " events)", h->path,
		     sz, h->data.nkept);
	return 0;
}

static void html_release(void *state)
{
	struct html *h = state;

	/* stop() never ran (a failed start elsewhere): leave no torn file */
	outfile_close(&h->out);
	html_data_free(&h->data);
}

static const struct instance_type html_type =
	INSTANCE_TYPE(struct html, NULL, html_release);

static int html_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	return instance_init(&html_type, inst, host, statep);
}

#define HTML_EVENTS \
	(CPD_EVMASK_BUILTIN | ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_OUTPUT, .name = "html", .version = "1.0",
		  .description = "one self-contained interactive HTML report",
		  .subscribe = HTML_EVENTS, .flags = CPD_PF_SYSCALL_VERBOSE,
		  .options = html_options, .init = html_init,
		  .start = html_start, .on_event = html_on_event,
		  .stop = html_stop, .fini = instance_fini, );
