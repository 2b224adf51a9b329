// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * From jsonl records to a profile. Only what the analyzers published is
 * used (events their noise filters hid are skipped, so a -v trace and a
 * plain one agree); reports are summaries of the same events and are
 * not needed.
 */
#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"
#include "buf.h"

static void profile_free_finding(void *val)
{
	struct prof_finding *f = val;

	free(f->id);
	free(f->title);
}

static void profile_free_socket(void *val)
{
	free(*(char **)val);
}

void profile_init(struct profile *p, const struct norm *n)
{
	memset(p, 0, sizeof(*p));
	p->norm = n;
	strmap_init(&p->reads, sizeof(struct prof_file));
	strmap_init(&p->writes, sizeof(struct prof_file));
	strmap_init(&p->programs, sizeof(struct prof_count));
	strmap_init(&p->commands, sizeof(struct prof_count));
	strmap_init(&p->endpoints, sizeof(struct prof_endpoint));
	strmap_init(&p->dns, sizeof(struct prof_count));
	strmap_init(&p->findings, sizeof(struct prof_finding));
	strmap_init(&p->live, sizeof(size_t));
	strmap_init(&p->sockets, sizeof(char *));
}

void profile_free(struct profile *p)
{
	size_t i;

	strmap_free(&p->reads, NULL);
	strmap_free(&p->writes, NULL);
	strmap_free(&p->programs, NULL);
	strmap_free(&p->commands, NULL);
	strmap_free(&p->endpoints, NULL);
	strmap_free(&p->dns, NULL);
	strmap_free(&p->findings, profile_free_finding);
	strmap_free(&p->live, NULL);
	strmap_free(&p->sockets, profile_free_socket);
	for (i = 0; i < p->nprocs; i++)
		free(p->procs[i].cmd);
	free(p->procs);
	memset(p, 0, sizeof(*p));
}

/* Whether the "a|b|c" flags member of rec names flag. */
static bool profile_flag(const struct json_value *rec, const char *flag)
{
	size_t len, n = strlen(flag);
	const char *s = json_get_str(rec, "flags", &len), *end;

	if (!s)
		return false;
	for (end = s + len; s < end;) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		size_t w = bar ? (size_t)(bar - s) : (size_t)(end - s);

		if (w == n && !memcmp(s, flag, n))
			return true;
		s += w + 1;
	}
	return false;
}

static bool profile_op(const struct json_value *rec, const char *op)
{
	const char *s = json_get_str(rec, "op", NULL);

	return s && !strcmp(s, op);
}

static uint64_t profile_u64(const struct json_value *rec, const char *key)
{
	uint64_t v = 0;

	json_get_u64(rec, key, &v);
	return v;
}

/* ---- files ---------------------------------------------------------- */

static void profile_file_add(struct profile *p, struct strmap *m,
			     const char *path, size_t len, uint64_t bytes,
			     bool opened)
{
	struct prof_file *f;
	char *key;

	if (!path)
		return;
	key = norm_path(p->norm, path, len);
	f = strmap_put(m, key, strlen(key), NULL);
	f->bytes += bytes;
	f->opens += opened;
	free(key);
}

static void profile_file(struct profile *p, const struct json_value *rec)
{
	size_t len, len2 = 0;
	const char *path = json_get_str(rec, "path", &len);
	const char *path2 = json_get_str(rec, "path2", &len2);
	uint64_t bytes = profile_u64(rec, "bytes");

	if (profile_flag(rec, "hidden"))
		return;
	if (profile_op(rec, "open")) {
		if (profile_flag(rec, "readable"))
			profile_file_add(p, &p->reads, path, len, 0, true);
		if (profile_flag(rec, "writable"))
			profile_file_add(p, &p->writes, path, len, 0, true);
	} else if (profile_op(rec, "read")) {
		profile_file_add(p, &p->reads, path, len, bytes, false);
	} else if (profile_op(rec, "write")) {
		profile_file_add(p, &p->writes, path, len, bytes, false);
	} else if (profile_op(rec, "copy") || profile_op(rec, "sendfile") ||
		   profile_op(rec, "splice")) {
		/* from path to path2; a socket's side is the net analyzer's */
		profile_file_add(p, &p->reads, path, len, bytes, false);
		if (!profile_flag(rec, "to_network"))
			profile_file_add(p, &p->writes, path2, len2, bytes,
					 false);
	}
}

/* ---- network -------------------------------------------------------- */

/* "127.0.0.1:80", "[::1]:53", a unix path; false when sa is not one. */
static bool profile_sockaddr(struct escape_buf *b, const struct json_value *sa)
{
	const char *fam = json_get_str(sa, "family", NULL);
	const char *addr = json_get_str(sa, "addr", NULL);
	uint64_t port = 0;

	if (!fam)
		return false;
	json_get_u64(sa, "port", &port);
	if (!strcmp(fam, "AF_INET") && addr)
		escape_printf(b, "%s:%llu", addr, (unsigned long long)port);
	else if (!strcmp(fam, "AF_INET6") && addr)
		escape_printf(b, "[%s]:%llu", addr, (unsigned long long)port);
	else if (json_get_str(sa, "path", NULL))
		escape_puts(b, json_get_str(sa, "path", NULL));
	else
		return false;
	return true;
}

/* tcp4, udp6, ... from the family of sa and the record's sock_type. */
static void profile_proto(struct escape_buf *b, const struct json_value *rec,
			  const struct json_value *sa)
{
	const char *fam = json_get_str(sa, "family", NULL);
	const char *type = json_get_str(rec, "sock_type", NULL);
	const char *v = !fam			 ? "" :
			!strcmp(fam, "AF_INET")	 ? "4" :
			!strcmp(fam, "AF_INET6") ? "6" :
						   "";

	if (fam && !strcmp(fam, "AF_UNIX"))
		escape_puts(b, "unix");
	else if (type && !strcmp(type, "SOCK_STREAM"))
		escape_printf(b, "tcp%s", v);
	else if (type && !strcmp(type, "SOCK_DGRAM"))
		escape_printf(b, "udp%s", v);
	else
		escape_printf(b, "ip%s", v);
}

static char *profile_socket_key(const struct json_value *rec)
{
	char key[48];
	int64_t pid = 0, fd = -1;

	json_get_s64(rec, "pid", &pid);
	json_get_s64(rec, "fd", &fd);
	snprintf(key, sizeof(key), "%lld/%lld", (long long)pid, (long long)fd);
	return xstrdup(key);
}

/*
 * The endpoint a record is about: the peer it connected or sent to, the
 * local address it accepted on (the peer's port is an accident), or what
 * its socket was first known as.
 */
static struct prof_endpoint *
profile_endpoint(struct profile *p, const struct json_value *rec, bool remember)
{
	const struct json_value *sa = json_get(rec, "peer");
	bool accept = profile_op(rec, "accept");
	char *sock = profile_socket_key(rec), **known;
	struct escape_buf key = { 0 };
	struct prof_endpoint *e = NULL;

	known = strmap_get(&p->sockets, sock, strlen(sock));
	if (!remember && known && *known) {
		e = strmap_put(&p->endpoints, *known, strlen(*known), NULL);
		goto out_free;
	}
	if (accept)
		sa = json_get(rec, "local");
	if (!sa || sa->type != JSON_OBJECT)
		goto out_free;
	profile_proto(&key, rec, sa);
	escape_putc(&key, ' ');
	if (!profile_sockaddr(&key, sa))
		goto out_free;
	if (accept)
		escape_puts(&key, " (accepted)");
	e = strmap_put(&p->endpoints, key.p, key.len, NULL);
	if (remember || !known) {
		known = strmap_put(&p->sockets, sock, strlen(sock), NULL);
		free(*known);
		*known = buf_take(&key);
	}
out_free:
	escape_free(&key);
	free(sock);
	return e;
}

static void profile_net(struct profile *p, const struct json_value *rec)
{
	bool first = profile_op(rec, "connect") || profile_op(rec, "accept");
	uint64_t bytes = profile_u64(rec, "bytes");
	struct prof_endpoint *e;

	if (profile_flag(rec, "hidden") || profile_flag(rec, "local_ipc"))
		return;
	if (profile_op(rec, "close")) {
		char *sock = profile_socket_key(rec), **known;

		known = strmap_get(&p->sockets, sock, strlen(sock));
		if (known) {
			free(*known);
			*known = NULL;
		}
		free(sock);
		return;
	}
	if (!first && !profile_op(rec, "connect_failed") &&
	    !profile_op(rec, "send") && !profile_op(rec, "recv"))
		return;
	e = profile_endpoint(p, rec, first);
	if (!e)
		return;
	if (first)
		e->connects++;
	else if (profile_op(rec, "connect_failed"))
		e->failed++;
	else if (profile_op(rec, "send"))
		e->sent += bytes;
	else
		e->recv += bytes;
}

/* ---- processes ------------------------------------------------------ */

static struct prof_proc *profile_proc_new(struct profile *p, int64_t pid,
					  uint64_t ts)
{
	char key[24];
	struct prof_proc *pr;
	size_t *idx;

	p->procs = xgrow(p->procs, &p->capprocs, p->nprocs, sizeof(*p->procs));
	pr = &p->procs[p->nprocs++];
	memset(pr, 0, sizeof(*pr));
	pr->start_ns = ts;
	pr->exit_code = -1;
	snprintf(key, sizeof(key), "%lld", (long long)pid);
	idx = strmap_put(&p->live, key, strlen(key), NULL);
	*idx = p->nprocs;
	return pr;
}

static struct prof_proc *profile_proc(struct profile *p, int64_t pid)
{
	char key[24];
	size_t *idx;

	snprintf(key, sizeof(key), "%lld", (long long)pid);
	idx = strmap_get(&p->live, key, strlen(key));
	return idx && *idx ? &p->procs[*idx - 1] : NULL;
}

static void profile_proc_gone(struct profile *p, int64_t pid)
{
	char key[24];
	size_t *idx;

	snprintf(key, sizeof(key), "%lld", (long long)pid);
	idx = strmap_get(&p->live, key, strlen(key));
	if (idx)
		*idx = 0;
}

static void profile_count(struct strmap *m, const char *key)
{
	struct prof_count *c = strmap_put(m, key, strlen(key), NULL);

	c->count++;
}

/* The program and its arguments (argv[1] on), each normalised. */
static void profile_exec(struct profile *p, struct prof_proc *pr,
			 const struct json_value *rec)
{
	const struct json_value *argv = json_get(rec, "argv"), *a;
	size_t len;
	const char *path = json_get_str(rec, "path", &len);
	struct escape_buf cmd = { 0 };
	char *prog;

	if (!path)
		return;
	prog = norm_path(p->norm, path, len);
	profile_count(&p->programs, prog);
	escape_puts(&cmd, prog);
	free(prog);
	if (argv && argv->type == JSON_ARRAY && argv->u.list.first) {
		for (a = argv->u.list.first->next; a; a = a->next) {
			char *arg;

			if (a->type != JSON_STRING)
				continue;
			arg = norm_arg(p->norm, a->u.str.s, a->u.str.len);
			escape_putc(&cmd, ' ');
			escape_puts(&cmd, arg);
			free(arg);
		}
	}
	free(pr->cmd);
	pr->cmd = buf_take(&cmd);
	profile_count(&p->commands, pr->cmd);
}

static void profile_procev(struct profile *p, const struct json_value *rec,
			   uint64_t ts)
{
	int64_t pid = 0, child = 0, v;
	struct prof_proc *pr;

	json_get_s64(rec, "pid", &pid);
	pr = profile_proc(p, pid);
	if (profile_op(rec, "spawn_process")) {
		const char *cmd = pr && pr->cmd ? pr->cmd : NULL;
		struct prof_proc *c;

		if (!json_get_s64(rec, "child_pid", &child) || child <= 0)
			return;
		c = profile_proc_new(p, child, ts);
		/* a fork runs its parent's program until it execs */
		c->cmd = cmd ? xstrdup(cmd) : NULL;
		return;
	}
	if (profile_op(rec, "exec") || profile_op(rec, "attach") ||
	    profile_op(rec, "start")) {
		if (!pr)
			pr = profile_proc_new(p, pid, ts);
		pr->root |= profile_flag(rec, "root");
		if (profile_op(rec, "exec"))
			profile_exec(p, pr, rec);
		return;
	}
	if (!profile_op(rec, "exit") || !profile_flag(rec, "leader"))
		return;
	if (!pr)
		pr = profile_proc_new(p, pid, ts);
	pr->end_ns = ts;
	pr->exited = true;
	pr->exit_code = json_get_s64(rec, "exit_code", &v) ? v : -1;
	pr->signal = json_get_s64(rec, "signal", &v) ? v : 0;
	pr->root |= profile_flag(rec, "root");
	if (pr->root) {
		p->root_exited = true;
		p->root_exit_code = pr->exit_code;
		p->root_signal = pr->signal;
	}
	profile_proc_gone(p, pid);
}

/* ---- findings and names --------------------------------------------- */

/* Whether word is one of the finding's pids: a pid differs run to run. */
static bool profile_is_pid(const struct json_value *rec, const char *w,
			   size_t n)
{
	const struct json_value *pids = json_get(rec, "pids"), *v;

	if (!n || strspn(w, "0123456789") < n)
		return false;
	for (v = pids && pids->type == JSON_ARRAY ? pids->u.list.first : NULL;
	     v; v = v->next)
		if (v->type == JSON_STRING && v->u.str.len == n &&
		    !memcmp(v->u.str.s, w, n))
			return true;
	return false;
}

/* The title with its paths normalised and its pids made PID. */
static char *profile_title(struct profile *p, const struct json_value *rec,
			   const char *t, size_t len)
{
	struct escape_buf out = { 0 };
	size_t i = 0;

	while (i < len) {
		size_t j = i;
		char *w;

		while (j < len && t[j] != ' ' && t[j] != '(' && t[j] != ')' &&
		       t[j] != ',')
			j++;
		if (j == i) {
			escape_putc(&out, t[i++]);
			continue;
		}
		if (profile_is_pid(rec, t + i, j - i)) {
			escape_puts(&out, "PID");
		} else {
			w = norm_arg(p->norm, t + i, j - i);
			escape_puts(&out, w);
			free(w);
		}
		i = j;
	}
	return buf_take(&out);
}

static void profile_finding(struct profile *p, const struct json_value *rec)
{
	static const char *const sev[] = { "info", "notice", "warning",
					   "error" };
	size_t idlen, tlen;
	const char *id = json_get_str(rec, "id", &idlen);
	const char *t = json_get_str(rec, "title", &tlen);
	const char *s = json_get_str(rec, "severity", NULL);
	struct prof_finding *f;
	struct escape_buf key = { 0 };
	char *title;
	bool added;
	size_t i;

	if (!id || !t)
		return;
	title = profile_title(p, rec, t, tlen);
	escape_put(&key, id, idlen);
	escape_putc(&key, '\n');
	escape_puts(&key, title);
	f = strmap_put(&p->findings, key.p, key.len, &added);
	if (added) {
		f->id = xstrndup(id, idlen);
		f->title = title;
		title = NULL;
	}
	for (i = 0; s && i < ARRAY_SIZE(sev); i++)
		if (!strcmp(s, sev[i]))
			f->severity = (uint32_t)i + 1;
	f->count += MAX(profile_u64(rec, "count"), 1);
	free(title);
	escape_free(&key);
}

/*
 * A DNS lookup: its name, lower-case without the root's dot, as names
 * compare. The dns analyzer names it "name" (or "query").
 */
static void profile_dns(struct profile *p, const struct json_value *rec)
{
	size_t len, i;
	const char *name = json_get_str(rec, "name", &len);
	char *lower;

	if (!name)
		name = json_get_str(rec, "query", &len);
	if (!name || !len)
		return;
	if (len > 1 && name[len - 1] == '.')
		len--;
	lower = xstrndup(name, len);
	for (i = 0; i < len; i++)
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] - 'A' + 'a');
	profile_count(&p->dns, lower);
	free(lower);
}

void profile_add(struct profile *p, const struct json_value *rec)
{
	const char *type = json_get_str(rec, "type", NULL);
	uint64_t ts = profile_u64(rec, "ts_ns");

	p->records++;
	if (!type)
		return;
	if (!strcmp(type, "file"))
		profile_file(p, rec);
	else if (!strcmp(type, "net"))
		profile_net(p, rec);
	else if (!strcmp(type, "proc"))
		profile_procev(p, rec, ts);
	else if (!strcmp(type, "finding"))
		profile_finding(p, rec);
	else if (!strcmp(type, "dns"))
		profile_dns(p, rec);
}
