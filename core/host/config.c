// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * We link the distribution's inih and so live with its compile-time
 * choices (r55 on Debian 12): a 200-byte line buffer, indented lines that
 * continue the previous value, no handler call for empty sections and no
 * line numbers in the handler. Our reader therefore sees every line first:
 * it counts lines, records sections itself (empty ones included), and
 * turns the lines inih would silently misread (too long, indented, binary)
 * into errors with their line number before inih sees them.
 */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/log.h"
#include "optval.h"
#include "base/xmalloc.h"

struct config_reader {
	struct config *cfg;
	const char *origin;
	FILE *fp;	  /* either a file ... */
	const char *text; /* ... or a string */
	unsigned line;
	struct config_section
		*cur; /* NULL before any section, or after a bad one */
	bool in_bad_section;
	char *buf;
	size_t bufcap;
};

void config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
}

void config_free(struct config *cfg)
{
	size_t i, j;

	for (i = 0; i < cfg->nsections; i++) {
		struct config_section *s = &cfg->sections[i];

		for (j = 0; j < s->nentries; j++) {
			free(s->entries[j].key);
			free(s->entries[j].value);
		}
		free(s->entries);
		free(s->name);
	}
	free(cfg->sections);
	for (i = 0; i < cfg->norigins; i++)
		free(cfg->origins[i]);
	free(cfg->origins);
	memset(cfg, 0, sizeof(*cfg));
}

const char *config_origin(struct config *cfg, const char *origin)
{
	size_t i;

	for (i = 0; i < cfg->norigins; i++)
		if (!strcmp(cfg->origins[i], origin))
			return cfg->origins[i];
	cfg->origins = xgrow(cfg->origins, &cfg->ocap, cfg->norigins,
			     sizeof(*cfg->origins));
	cfg->origins[cfg->norigins] = xstrdup(origin);
	return cfg->origins[cfg->norigins++];
}

void config_error(struct config *cfg, const char *origin, unsigned line,
		  const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (line)
		log_msg(CPD_LOG_ERROR, NULL, "%s:%u: %s", origin, line, text);
	else
		log_msg(CPD_LOG_ERROR, NULL, "%s: %s", origin, text);
	cfg->errors++;
}

struct config_section *config_find(struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->nsections; i++)
		if (!strcmp(cfg->sections[i].name, name))
			return &cfg->sections[i];
	return NULL;
}

struct config_section *config_add_section(struct config *cfg, const char *name,
					  const char *origin, unsigned line)
{
	struct config_section *s;

	cfg->sections = xgrow(cfg->sections, &cfg->cap, cfg->nsections,
			      sizeof(*cfg->sections));
	s = &cfg->sections[cfg->nsections++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->origin = config_origin(cfg, origin);
	s->line = line;
	return s;
}

void config_add_entry(struct config_section *sec, const char *key,
		      const char *value, const char *origin, unsigned line)
{
	struct config_entry *e;

	sec->entries = xgrow(sec->entries, &sec->cap, sec->nentries,
			     sizeof(*sec->entries));
	e = &sec->entries[sec->nentries++];
	e->key = xstrdup(key);
	e->value = xstrdup(value);
	e->origin = origin;
	e->line = line;
}

const struct config_entry *config_lookup(const struct config_section *sec,
					 const char *key)
{
	size_t i = sec->nentries;

	while (i--)
		if (!strcmp(sec->entries[i].key, key))
			return &sec->entries[i];
	return NULL;
}

int config_parse_section_name(const char *name, char *plugin, size_t plugin_len,
			      char *why, size_t whylen)
{
	const char *colon = strchr(name, ':');
	size_t plen = colon ? (size_t)(colon - name) : strlen(name);
	char part[CONFIG_MAX_SECTION + 1];

	if (strlen(name) > CONFIG_MAX_SECTION) {
		snprintf(why, whylen, "section name longer than %d characters",
			 CONFIG_MAX_SECTION);
		return -EINVAL;
	}
	if (plen > CONFIG_MAX_PLUGIN || plen >= plugin_len) {
		snprintf(why, whylen, "plugin name longer than %d characters",
			 CONFIG_MAX_PLUGIN);
		return -EINVAL;
	}
	memcpy(part, name, plen);
	part[plen] = '\0';
	if (!optval_valid_name(part, CONFIG_MAX_PLUGIN)) {
		snprintf(why, whylen,
			 "bad section name '%s': plugin names are [a-z0-9_]+",
			 name);
		return -EINVAL;
	}
	if (colon && !optval_valid_name(colon + 1, CONFIG_MAX_SECTION)) {
		snprintf(why, whylen,
			 "bad section name '%s': instance names are [a-z0-9_]+",
			 name);
		return -EINVAL;
	}
	memcpy(plugin, part, plen + 1);
	return 0;
}

/* Read one whole line into r->buf, without its newline; NULL at the end. */
static char *config_read_line(struct config_reader *r, size_t *len)
{
	ssize_t n;

	if (r->fp) {
		n = getline(&r->buf, &r->bufcap, r->fp);
		if (n < 0)
			return NULL;
	} else {
		const char *nl;

		if (!*r->text)
			return NULL;
		nl = strchr(r->text, '\n');
		n = nl ? nl - r->text + 1 : (ssize_t)strlen(r->text);
		r->buf = xgrow(r->buf, &r->bufcap, (size_t)n + 1, 1);
		memcpy(r->buf, r->text, (size_t)n);
		r->buf[n] = '\0';
		r->text += n;
	}
	while (n > 0 && (r->buf[n - 1] == '\n' || r->buf[n - 1] == '\r'))
		r->buf[--n] = '\0';
	*len = (size_t)n;
	return r->buf;
}

static void config_reader_section(struct config_reader *r, const char *line)
{
	const char *end = strchr(line, ']');
	char name[CONFIG_MAX_SECTION + 64], plugin[CONFIG_MAX_PLUGIN + 1];
	char why[160];
	const char *rest;
	struct config_section *prev;

	r->cur = NULL;
	r->in_bad_section = true;
	if (!end) {
		config_error(r->cfg, r->origin, r->line,
			     "section header without closing ']'");
		return;
	}
	for (rest = end + 1; *rest == ' ' || *rest == '\t'; rest++)
		;
	if (*rest && *rest != ';' && *rest != '#') {
		config_error(r->cfg, r->origin, r->line,
			     "unexpected text after section header");
		return;
	}
	if ((size_t)(end - line - 1) >= sizeof(name)) {
		config_error(r->cfg, r->origin, r->line,
			     "section name longer than %d characters",
			     CONFIG_MAX_SECTION);
		return;
	}
	memcpy(name, line + 1, (size_t)(end - line - 1));
	name[end - line - 1] = '\0';
	if (strcmp(name, "core") &&
	    config_parse_section_name(name, plugin, sizeof(plugin), why,
				      sizeof(why)) < 0) {
		config_error(r->cfg, r->origin, r->line, "%s", why);
		return;
	}
	prev = config_find(r->cfg, name);
	if (prev) {
		config_error(r->cfg, r->origin, r->line,
			     "duplicate section [%s], first at %s:%u", name,
			     prev->origin, prev->line);
		return;
	}
	r->cur = config_add_section(r->cfg, name, r->origin, r->line);
	r->in_bad_section = false;
}

/*
 * A refused line that was meant as a section header: the keys below it
 * belong to no section we know, not to the one before it.
 */
static void config_refuse_section(struct config_reader *r, const char *line)
{
	if (*line != '[')
		return;
	r->cur = NULL;
	r->in_bad_section = true;
}

/*
 * Check one line the way inih will read it. Returns the text to hand to
 * inih: the line itself, or "" for lines already reported as errors.
 */
static const char *config_check_line(struct config_reader *r, char *line,
				     size_t len)
{
	const char *p = line;

	/* A UTF-8 byte order mark is allowed on the first line. */
	if (r->line == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) {
		p += 3;
		len -= 3;
	}
	if (strlen(p) != len) {
		config_refuse_section(r, p);
		config_error(r->cfg, r->origin, r->line,
			     "binary data (NUL byte) in config");
		return "";
	}
	for (const char *q = p; *q; q++) {
		unsigned char c = (unsigned char)*q;

		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			config_refuse_section(r, p);
			config_error(r->cfg, r->origin, r->line,
				     "control character 0x%02x in config", c);
			return "";
		}
	}
	if (len > CONFIG_MAX_LINE) {
		config_refuse_section(r, p);
		config_error(r->cfg, r->origin, r->line,
			     "line is %zu bytes long; at most %d are allowed",
			     len, CONFIG_MAX_LINE);
		return "";
	}
	if (*p == ' ' || *p == '\t') {
		const char *t = p + strspn(p, " \t");

		if (*t && *t != ';' && *t != '#') {
			config_refuse_section(r, t);
			config_error(
				r->cfg, r->origin, r->line,
				"indented line: start keys and sections in column 1 (an indented line would continue the previous value)");
		}
		return "";
	}
	if (*p == ';' || *p == '#' || !*p)
		return p;
	if (*p == '[') {
		config_reader_section(r, p);
		return p;
	}
	if (!strpbrk(p, "=:")) {
		config_error(r->cfg, r->origin, r->line,
			     "expected 'key = value' or '[section]'");
		return "";
	}
	return p;
}

static char *config_reader_fn(char *str, int num, void *stream)
{
	struct config_reader *r = stream;
	const char *text;
	char *line;
	size_t len;

	line = config_read_line(r, &len);
	if (!line)
		return NULL;
	r->line++;
	text = config_check_line(r, line, len);
	snprintf(str, (size_t)num, "%s", text);
	return str;
}

static int config_handler(void *user, const char *section, const char *name,
			  const char *value)
{
	struct config_reader *r = user;

	if (!r->cur) {
		if (!r->in_bad_section)
			config_error(r->cfg, r->origin, r->line,
				     "key '%s' outside any section", name);
		return 1;
	}
	if (!optval_valid_name(name, 64)) {
		config_error(r->cfg, r->origin, r->line,
			     "%s: bad key '%s': keys are [a-z0-9_]+",
			     r->cur->name, name);
		return 1;
	}
	config_add_entry(r->cur, name, value, r->origin, r->line);
	return 1;
}

static int config_parse(struct config *cfg, struct config_reader *r)
{
	unsigned before = cfg->errors;
	int rc;

	r->cfg = cfg;
	rc = ini_parse_stream(config_reader_fn, r, config_handler, r);
	free(r->buf);
	if (rc == -2)
		return -ENOMEM;
	/* inih found a problem our reader let through: still report it. */
	if (rc > 0 && cfg->errors == before)
		config_error(cfg, r->origin, (unsigned)rc, "syntax error");
	return 0;
}

int config_load_file(struct config *cfg, const char *path)
{
	struct config_reader r = { 0 };
	struct stat st;
	int err;

	r.fp = fopen(path, "re");
	if (!r.fp) {
		err = -errno;
		config_error(cfg, path, 0, "cannot open config: %s",
			     strerror(-err));
		return err;
	}
	if (fstat(fileno(r.fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(r.fp);
		config_error(cfg, path, 0, "cannot read config: %s",
			     strerror(EISDIR));
		return -EISDIR;
	}
	r.origin = config_origin(cfg, path);
	err = config_parse(cfg, &r);
	if (ferror(r.fp) && !err) {
		config_error(cfg, path, r.line, "read error: %s",
			     strerror(errno));
		err = -EIO;
	}
	fclose(r.fp);
	return err;
}

int config_load_string(struct config *cfg, const char *origin, const char *text)
{
	struct config_reader r = { 0 };

	r.text = text;
	r.origin = config_origin(cfg, origin);
	return config_parse(cfg, &r);
}

static bool config_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

char *config_locate(const char *cli_path, const char *sysconfdir)
{
	const char *env, *home;
	char *path;

	if (cli_path)
		return xstrdup(cli_path);
	env = getenv("COMPENDIUM_CONFIG");
	if (env && *env)
		return xstrdup(env);
	env = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (env && *env)
		path = xasprintf("%s/compendium/compendium.conf", env);
	else if (home && *home)
		path = xasprintf("%s/.config/compendium/compendium.conf", home);
	else
		path = NULL;
	if (path && config_exists(path))
		return path;
	free(path);
	path = xasprintf("%s/compendium/compendium.conf", sysconfdir);
	if (config_exists(path))
		return path;
	free(path);
	return NULL;
}
