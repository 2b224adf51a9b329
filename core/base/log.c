// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "log.h"

#include <stdlib.h>
#include <string.h>

#define LOG_MAX 1024

static struct {
	int verbose;
	FILE *fp;
	log_hook_fn hook;
	void *hook_arg;
	void (*sync)(void *arg);
	void *sync_arg;
	bool in_hook;
	/* the last message, to fold identical repeats */
	char last[LOG_MAX];
	char last_origin[64];
	int last_level;
	unsigned long repeats;
} log_state = { .verbose = 0 };

void log_set_verbosity(int verbose)
{
	log_state.verbose = verbose;
}

void log_set_stream(FILE *fp)
{
	log_state.fp = fp;
}

void log_set_hook(log_hook_fn fn, void *arg)
{
	log_state.hook = fn;
	log_state.hook_arg = arg;
}

void log_set_sync(void (*fn)(void *arg), void *arg)
{
	log_state.sync = fn;
	log_state.sync_arg = arg;
}

static FILE *log_stream(void)
{
	return log_state.fp ? log_state.fp : stderr;
}

size_t log_escape(const char *src, size_t len, char *buf, size_t size)
{
	size_t out = 0, i;
	char tmp[8];

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		const char *piece = tmp;
		size_t plen;

		if (c == '\n')
			piece = "\\n";
		else if (c == '\t')
			piece = "\\t";
		else if (c == '\r')
			piece = "\\r";
		else if (c == '\\')
			piece = "\\\\";
		else if (c < 0x20 || c == 0x7f)
			snprintf(tmp, sizeof(tmp), "\\x%02x", c);
		else {
			tmp[0] = (char)c;
			tmp[1] = '\0';
		}
		plen = strlen(piece);
		if (size && out + plen < size)
			memcpy(buf + out, piece, plen);
		else if (size && out < size)
			size = out + 1; /* stop writing, keep counting */
		out += plen;
	}
	if (size)
		buf[out < size ? out : size - 1] = '\0';
	return out;
}

static const char *log_level_word(int level)
{
	switch (level) {
	case CPD_LOG_ERROR:
		return "error: ";
	case CPD_LOG_WARN:
		return "warning: ";
	case CPD_LOG_NOTE:
		return "note: ";
	default:
		return "";
	}
}

static void log_print(int level, const char *origin, const char *text)
{
	FILE *fp = log_stream();

	if (log_state.sync)
		log_state.sync(log_state.sync_arg);
	if (origin && *origin)
		fprintf(fp, "compendium: [%s] %s%s\n", origin,
			log_level_word(level), text);
	else
		fprintf(fp, "compendium: %s%s\n", log_level_word(level), text);
	fflush(fp);
}

void log_flush(void)
{
	char text[LOG_MAX + 64];

	if (log_state.repeats) {
		snprintf(text, sizeof(text), "last message repeated %lu times",
			 log_state.repeats);
		log_state.repeats = 0;
		log_print(log_state.last_level, log_state.last_origin, text);
	}
	log_state.last[0] = '\0';
}

void log_vmsg(int level, const char *origin, const char *fmt, va_list ap)
{
	char raw[LOG_MAX], text[LOG_MAX];
	int n;

	if (level >= CPD_LOG_DEBUG && log_state.verbose < 2)
		return;
	n = vsnprintf(raw, sizeof(raw), fmt, ap);
	if (n < 0)
		return;
	log_escape(raw, strnlen(raw, sizeof(raw)), text, sizeof(text));
	if (!origin)
		origin = "";

	if (log_state.last[0] && !strcmp(text, log_state.last) &&
	    !strcmp(origin, log_state.last_origin)) {
		log_state.repeats++;
		return;
	}
	log_flush();
	snprintf(log_state.last, sizeof(log_state.last), "%s", text);
	snprintf(log_state.last_origin, sizeof(log_state.last_origin), "%s",
		 origin);
	log_state.last_level = level;
	log_print(level, origin, text);

	/* A hook that logs must not recurse into itself. */
	if (log_state.hook && !log_state.in_hook) {
		log_state.in_hook = true;
		log_state.hook(level, *origin ? origin : "core", text,
			       log_state.hook_arg);
		log_state.in_hook = false;
	}
}

void log_msg(int level, const char *origin, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(level, origin, fmt, ap);
	va_end(ap);
}

void log_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(CPD_LOG_ERROR, NULL, fmt, ap);
	va_end(ap);
	log_flush();
	exit(1);
}
