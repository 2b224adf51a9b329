/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Messages for the user, on stderr as "compendium: [origin] text".
 * Control characters are escaped, since messages often quote tracee
 * strings. Identical repeats are counted, not printed.
 */
#ifndef CPD_CORE_LOG_H
#define CPD_CORE_LOG_H

#include <stdarg.h>
#include <stdio.h>

#include <compendium/event.h>

#include "cpd.h"

/* Called for every printed message (the host turns it into a notice). */
typedef void (*log_hook_fn)(int level, const char *origin, const char *text,
			    void *arg);

void log_set_verbosity(int verbose);
void log_set_stream(FILE *fp);
void log_set_hook(log_hook_fn fn, void *arg);
/*
 * Called before a message is printed: an output holding lines back for
 * the same terminal writes them first (see CPD_PF_LIVE_STREAM).
 */
void log_set_sync(void (*fn)(void *arg), void *arg);

void log_msg(int level, const char *origin, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
void log_vmsg(int level, const char *origin, const char *fmt, va_list ap)
	ATTR_PRINTF(3, 0);
/* Print the pending "repeated N times" line, if any. */
void log_flush(void);

#define log_error(...) log_msg(CPD_LOG_ERROR, NULL, __VA_ARGS__)
#define log_warn(...)  log_msg(CPD_LOG_WARN, NULL, __VA_ARGS__)
#define log_note(...)  log_msg(CPD_LOG_NOTE, NULL, __VA_ARGS__)
#define log_info(...)  log_msg(CPD_LOG_INFO, NULL, __VA_ARGS__)
#define log_debug(...) log_msg(CPD_LOG_DEBUG, NULL, __VA_ARGS__)

/* Startup only: print and exit(1). Never reachable from a callback. */
void log_die(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_NORETURN;

/* Escape bytes that could drive a terminal into buf; snprintf contract. */
size_t log_escape(const char *src, size_t len, char *buf, size_t size);

#endif /* CPD_CORE_LOG_H */
