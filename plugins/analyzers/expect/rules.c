// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The rules, from the [expect] keys and from rule files. A rule file has
 * one rule a line, as --expect takes it: its name, then its arguments,
 * separated by blanks; "#" starts a comment; a word with blanks or '#'
 * is written in double quotes, where \\, \", \n, \t and \xNN escape.
 * Relative directories and globs are relative to the file's directory
 * (to the working directory in [expect] and on the command line). A
 * rule given twice adds its arguments; a number given twice must agree.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"

#define EXPECT_MAX_LINE	 4096
#define EXPECT_MAX_WORDS 256

static const char *const expect_names[EXPECT_NKINDS] = {
	[EXPECT_NO_NETWORK] = "no-network",
	[EXPECT_WRITES_UNDER] = "writes-under",
	[EXPECT_READS_UNDER] = "reads-under",
	[EXPECT_EXEC_ONLY] = "exec-only",
	[EXPECT_NO_EXEC] = "no-exec",
	[EXPECT_EXIT] = "exit",
	[EXPECT_NO_FINDINGS] = "no-findings",
	[EXPECT_MAX_PROCESSES] = "max-processes",
};

/* no-findings' argument: index = enum cpd_severity */
static const char *const expect_severities[] = { "off",	    "info",  "notice",
						 "warning", "error", NULL };

const char *expect_kind_name(enum expect_kind kind)
{
	return expect_names[kind];
}

/* Where a rule comes from, to name it in a message. */
struct expect_origin {
	const char *file; /* NULL: the [expect] keys */
	unsigned line;
	const char *base; /* relative paths are relative to this */
};

static void expect_error(struct expect *x, const struct expect_origin *o,
			 const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void expect_error(struct expect *x, const struct expect_origin *o,
			 const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (o->file)
		x->host->log(x->inst, CPD_LOG_ERROR, "%s:%u: %s", o->file,
			     o->line, msg);
	else
		x->host->log(x->inst, CPD_LOG_ERROR, "%s", msg);
}

static int expect_add_arg(struct expect_rule *r, char *arg)
{
	size_t i;

	if (!arg)
		return -ENOMEM;
	for (i = 0; i < r->nargs; i++) {
		if (!strcmp(r->args[i], arg)) {
			free(arg);
			return 0;
		}
	}
	if (r->nargs == r->capargs) {
		size_t cap = r->capargs ? r->capargs * 2 : 8;
		char **a = realloc(r->args, cap * sizeof(*a));

		if (!a) {
			free(arg);
			return -ENOMEM;
		}
		r->args = a;
		r->capargs = cap;
	}
	r->args[r->nargs++] = arg;
	return 0;
}

static int expect_add_net(struct expect *x, struct expect_rule *r,
			  const struct expect_origin *o, const char *arg)
{
	struct expect_net n;

	if (expect_net_parse(arg, &n) < 0) {
		expect_error(
			x, o,
			"no-network: '%s' is not an address or a network (192.0.2.7, 10.0.0.0/8, [2001:db8::1]:443)",
			arg);
		return -EINVAL;
	}
	if (r->nnets == r->capnets) {
		size_t cap = r->capnets ? r->capnets * 2 : 8;
		struct expect_net *a = realloc(r->nets, cap * sizeof(*a));

		if (!a)
			return -ENOMEM;
		r->nets = a;
		r->capnets = cap;
	}
	r->nets[r->nnets++] = n;
	return expect_add_arg(r, strdup(arg));
}

/* A number rule set once, or again to the same value. */
static int expect_set_number(struct expect *x, struct expect_rule *r,
			     const struct expect_origin *o, int64_t v)
{
	char from[300];

	if (o->file)
		snprintf(from, sizeof(from), "%s:%u", o->file, o->line);
	else
		snprintf(from, sizeof(from), "[expect] %s",
			 expect_names[r->kind]);
	if (r->on && r->number != v) {
		expect_error(x, o,
			     "%s set again to another value (first at %s)",
			     expect_names[r->kind], r->number_from);
		return -EINVAL;
	}
	if (!r->on) {
		r->number_from = strdup(from);
		if (!r->number_from)
			return -ENOMEM;
	}
	r->number = v;
	r->on = true;
	return 0;
}

static bool expect_parse_int(const char *s, int64_t lo, int64_t hi,
			     int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/*
 * Rule kind with its arguments (from a file: words; from a key: the
 * list's items). The same checks whichever way it came.
 */
static int expect_rule_args(struct expect *x, enum expect_kind kind,
			    const struct expect_origin *o,
			    const char *const *args, size_t nargs)
{
	struct expect_rule *r = &x->rules[kind];
	const char *name = expect_names[kind];
	int64_t v;
	size_t i;
	int rc;

	switch (kind) {
	case EXPECT_NO_NETWORK:
		r->on = true;
		for (i = 0; i < nargs; i++) {
			rc = expect_add_net(x, r, o, args[i]);
			if (rc < 0)
				return rc;
		}
		return 0;
	case EXPECT_WRITES_UNDER:
	case EXPECT_READS_UNDER:
	case EXPECT_EXEC_ONLY:
	case EXPECT_NO_EXEC: {
		bool dirs = kind == EXPECT_WRITES_UNDER ||
			    kind == EXPECT_READS_UNDER;

		if (!nargs) {
			expect_error(x, o, "%s needs at least one %s", name,
				     dirs ? "directory" : "program or glob");
			return -EINVAL;
		}
		r->on = true;
		for (i = 0; i < nargs; i++) {
			/* a glob without '/' is matched against names */
			bool path = dirs || strchr(args[i], '/');

			rc = expect_add_arg(
				r, path ? expect_clean_path(o->base, args[i]) :
					  strdup(args[i]));
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	case EXPECT_EXIT:
		if (nargs != 1 || !expect_parse_int(args[0], 0, 255, &v)) {
			expect_error(x, o, "exit needs one status, 0 to 255");
			return -EINVAL;
		}
		return expect_set_number(x, r, o, v);
	case EXPECT_MAX_PROCESSES:
		if (nargs != 1 ||
		    !expect_parse_int(args[0], 1, INT64_MAX, &v)) {
			expect_error(
				x, o,
				"max-processes needs one number, 1 or more");
			return -EINVAL;
		}
		return expect_set_number(x, r, o, v);
	case EXPECT_NO_FINDINGS:
		for (v = 1; nargs == 1 && expect_severities[v]; v++)
			if (!strcmp(args[0], expect_severities[v]))
				return expect_set_number(x, r, o, v);
		expect_error(
			x, o,
			"no-findings needs one severity: info, notice, warning or error");
		return -EINVAL;
	default:
		return -EINVAL;
	}
}

/* ---- rule files ----------------------------------------------------- */

/* \xNN's value, or -1. */
static int expect_hex2(const char *p)
{
	int v = 0, i;

	for (i = 0; i < 2; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Split line into words in place (quotes and escapes resolved); *why
 * says what is wrong when it returns -EINVAL.
 */
static int expect_words(char *line, char **words, size_t *nwords,
			const char **why)
{
	char *p = line, *o;

	*nwords = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (!*p || *p == '#')
			return 0;
		if (*nwords == EXPECT_MAX_WORDS) {
			*why = "more than 256 words";
			return -EINVAL;
		}
		words[(*nwords)++] = o = p;
		if (*p != '"') {
			while (*p && *p != ' ' && *p != '\t' && *p != '\r' &&
			       *p != '\n')
				p++;
			if (*p)
				*p++ = '\0';
			continue;
		}
		for (p++;; p++) {
			int h;

			if (!*p || *p == '\n') {
				*why = "a quote is not closed";
				return -EINVAL;
			}
			if (*p == '"')
				break;
			if (*p != '\\') {
				*o++ = *p;
				continue;
			}
			p++;
			if (*p == 'n')
				*o++ = '\n';
			else if (*p == 't')
				*o++ = '\t';
			else if (*p == '\\' || *p == '"')
				*o++ = *p;
			else if (*p == 'x' && (h = expect_hex2(p + 1)) > 0) {
				*o++ = (char)h;
				p += 2;
			} else {
				*why = "unknown escape in quotes (\\\\, \\\", \\n, \\t, \\xNN)";
				return -EINVAL;
			}
		}
		p++;
		if (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') {
			*why = "a closing quote must end its word";
			return -EINVAL;
		}
		*o = '\0';
		if (*p)
			p++;
	}
}

static int expect_rule_line(struct expect *x, const struct expect_origin *o,
			    char *line)
{
	char *words[EXPECT_MAX_WORDS], *eq;
	const char *why = NULL;
	size_t n, k;

	if (expect_words(line, words, &n, &why) < 0) {
		expect_error(x, o, "%s", why);
		return -EINVAL;
	}
	if (!n)
		return 0;
	/* writes-under=./out, as peers write it */
	eq = strchr(words[0], '=');
	if (eq && n < EXPECT_MAX_WORDS) {
		*eq = '\0';
		memmove(words + 2, words + 1, (n - 1) * sizeof(*words));
		words[1] = eq + 1;
		n++;
	}
	for (k = 0; k < EXPECT_NKINDS; k++)
		if (!strcmp(words[0], expect_names[k]))
			return expect_rule_args(x, (enum expect_kind)k, o,
						(const char *const *)words + 1,
						n - 1);
	expect_error(
		x, o,
		"unknown rule '%s' (no-network, writes-under, reads-under, exec-only, no-exec, exit, no-findings, max-processes)",
		words[0]);
	return -EINVAL;
}

int expect_rules_read_file(struct expect *x, const char *path)
{
	struct expect_origin o = { .file = path };
	char *line = NULL, *dir, *slash;
	FILE *fp = fopen(path, "re");
	size_t cap = 0;
	ssize_t len;
	int rc = 0, err;

	if (!fp) {
		err = errno;
		x->host->log(x->inst, CPD_LOG_ERROR,
			     "cannot open rule file '%s': %s", path,
			     strerror(err));
		return -EINVAL;
	}
	dir = expect_clean_path(x->cwd, path);
	if (!dir) {
		fclose(fp);
		return -ENOMEM;
	}
	slash = strrchr(dir, '/');
	slash[slash == dir] = '\0';
	o.base = dir;
	while ((len = getline(&line, &cap, fp)) >= 0) {
		o.line++;
		if (len > EXPECT_MAX_LINE) {
			expect_error(x, &o, "line longer than %d bytes",
				     EXPECT_MAX_LINE);
			rc = -EINVAL;
			break;
		}
		if (strlen(line) != (size_t)len) {
			expect_error(x, &o, "a NUL byte: not a rule file");
			rc = -EINVAL;
			break;
		}
		err = expect_rule_line(x, &o, line);
		if (err == -ENOMEM) {
			rc = err;
			break;
		}
		if (err < 0)
			rc = -EINVAL;
	}
	if (ferror(fp)) {
		x->host->log(x->inst, CPD_LOG_ERROR,
			     "cannot read rule file '%s': %s", path,
			     strerror(errno));
		rc = -EINVAL;
	}
	free(line);
	fclose(fp);
	free(dir);
	return rc;
}

/* ---- the [expect] keys ---------------------------------------------- */

static size_t expect_count(const char *const *list)
{
	size_t n = 0;

	while (list && list[n])
		n++;
	return n;
}

static int expect_rules_from_keys(struct expect *x)
{
	struct expect_origin o = { .base = x->cwd };
	const char *const *lists[] = {
		[EXPECT_WRITES_UNDER] = x->writes_under,
		[EXPECT_READS_UNDER] = x->reads_under,
		[EXPECT_EXEC_ONLY] = x->exec_only,
		[EXPECT_NO_EXEC] = x->no_exec,
	};
	size_t nn = expect_count(x->no_network), i, n = 0;
	const char **hosts;
	char num[32];
	const char *arg = num;
	bool bad = false;

	/* no_network = yes, or the hosts it allows; "no" alone: off */
	if (nn && !(nn == 1 && !strcmp(x->no_network[0], "no"))) {
		hosts = calloc(nn, sizeof(*hosts));
		if (!hosts)
			return -ENOMEM;
		for (i = 0; i < nn; i++)
			if (strcmp(x->no_network[i], "yes"))
				hosts[n++] = x->no_network[i];
		bad |= expect_rule_args(x, EXPECT_NO_NETWORK, &o, hosts, n) < 0;
		free(hosts);
	}
	for (i = EXPECT_WRITES_UNDER; i <= EXPECT_NO_EXEC; i++)
		if (expect_count(lists[i]))
			bad |= expect_rule_args(x, (enum expect_kind)i, &o,
						lists[i],
						expect_count(lists[i])) < 0;
	if (x->exit_status >= 0) {
		snprintf(num, sizeof(num), "%lld", (long long)x->exit_status);
		bad |= expect_rule_args(x, EXPECT_EXIT, &o, &arg, 1) < 0;
	}
	if (x->max_processes) {
		snprintf(num, sizeof(num), "%llu",
			 (unsigned long long)x->max_processes);
		bad |= expect_rule_args(x, EXPECT_MAX_PROCESSES, &o, &arg, 1) <
		       0;
	}
	if (x->no_findings > 0) {
		arg = expect_severities[x->no_findings];
		bad |= expect_rule_args(x, EXPECT_NO_FINDINGS, &o, &arg, 1) < 0;
	}
	return bad ? -EINVAL : 0;
}

int expect_rules_setup(struct expect *x)
{
	size_t i;
	int rc, err = 0;

	for (i = 0; i < EXPECT_NKINDS; i++)
		x->rules[i].kind = (enum expect_kind)i;
	rc = expect_rules_from_keys(x);
	for (i = 0; x->files && x->files[i]; i++) {
		int r = expect_rules_read_file(x, x->files[i]);

		if (r == -ENOMEM)
			return r;
		if (r < 0)
			err = r;
	}
	if (rc < 0 || err < 0)
		return -EINVAL;
	for (i = 0; i < EXPECT_NKINDS; i++)
		x->any_rule |= x->rules[i].on;
	return 0;
}

size_t expect_quote(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	const char *p;
	bool plain = *s != '\0';

	for (p = s; *p && plain; p++)
		plain = (unsigned char)*p > ' ' && *p != '"' && *p != '#' &&
			*p != '\\' && *p != 0x7f;
	if (plain)
		return (size_t)snprintf(buf, size, "%s", s);
#define PUT(c)                        \
	do {                          \
		if (o + 1 < size)     \
			buf[o] = (c); \
		o++;                  \
	} while (0)
	PUT('"');
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\') {
			PUT('\\');
			PUT((char)c);
		} else if (c == '\n') {
			PUT('\\');
			PUT('n');
		} else if (c == '\t') {
			PUT('\\');
			PUT('t');
		} else if (c < ' ' || c == 0x7f) {
			static const char hex[] = "0123456789abcdef";

			PUT('\\');
			PUT('x');
			PUT(hex[c >> 4]);
			PUT(hex[c & 15]);
		} else {
			PUT((char)c);
		}
	}
	PUT('"');
#undef PUT
	if (size)
		buf[o < size ? o : size - 1] = '\0';
	return o;
}

char *expect_rule_text(const struct expect_rule *r)
{
	size_t len = strlen(expect_names[r->kind]) + 32, i, o;
	char *s;

	for (i = 0; i < r->nargs; i++)
		len += expect_quote(r->args[i], NULL, 0) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	o = (size_t)snprintf(s, len, "%s", expect_names[r->kind]);
	if (r->kind == EXPECT_NO_FINDINGS)
		o += (size_t)snprintf(s + o, len - o, " %s",
				      expect_severities[r->number]);
	else if (r->kind == EXPECT_EXIT || r->kind == EXPECT_MAX_PROCESSES)
		o += (size_t)snprintf(s + o, len - o, " %lld",
				      (long long)r->number);
	for (i = 0; i < r->nargs; i++) {
		s[o++] = ' ';
		o += expect_quote(r->args[i], s + o, len - o);
	}
	return s;
}

void expect_rules_free(struct expect *x)
{
	size_t i, k;

	for (i = 0; i < EXPECT_NKINDS; i++) {
		struct expect_rule *r = &x->rules[i];

		for (k = 0; k < r->nargs; k++)
			free(r->args[k]);
		free(r->args);
		free(r->nets);
		free(r->number_from);
		memset(r, 0, sizeof(*r));
	}
}
