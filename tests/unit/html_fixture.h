/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What the html output's unit tests share: an instance on the fake host,
 * events made to order, and the written file's data block, decoded.
 */
#ifndef CPD_TESTS_HTML_FIXTURE_H
#define CPD_TESTS_HTML_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "fake_host.h"
#include "html.h"

extern const struct cpd_plugin cpd_plugin_v1;

/* The report's path in the test's directory. */
extern char html_fx_path[4096];
/* The time of the next event made; each one moves it on by 10 ns. */
extern uint64_t html_fx_now;

/* A started instance with max_events = max; extra: key, value, ..., NULL. */
struct fake_host *html_fx_start(const char *max, const char *const *extra);
struct html_data *html_fx_data(struct fake_host *fh);
/* An event of kind by pid/tid (comm "t") at the next time. */
void html_fx_event(struct cpd_event *ev, uint32_t kind, int32_t pid,
		   int32_t tid);
/* One file event of op on path by tid (pid 100); fed. */
void html_fx_io(struct fake_host *fh, int32_t tid, uint32_t op,
		const char *path, uint64_t bytes);
/* Whether row r's text holds s. */
bool html_fx_row_has(const struct html_row *r, const char *s);
/*
 * The written report's data block as JSON text (malloc'd), decoded from
 * gzip and base64 when it is compressed; *compressed says which.
 */
char *html_fx_block(bool *compressed);
/* The whole written file (malloc'd, NUL-terminated). */
char *html_fx_slurp(void);

#endif /* CPD_TESTS_HTML_FIXTURE_H */
