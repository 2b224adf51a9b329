// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "evjson.h"

static bool evjson_str(struct escape_buf *b, const char *s, size_t n)
{
	return escape_json_str(b, s ? s : "", s ? n : 0);
}

bool evjson_cstr(struct escape_buf *b, const struct cpd_str *s)
{
	if (!s->ptr) {
		escape_puts(b, "null");
		return false;
	}
	return evjson_str(b, s->ptr, s->len);
}

/* A NUL-separated list as an array of strings, or (flat) one string. */
static bool evjson_strv(struct escape_buf *b, const struct cpd_str *s,
			unsigned flags)
{
	struct escape_buf flat = { 0 };
	uint32_t pos = 0;
	const char *elem;
	size_t len;
	bool lossy = false;

	if (!s->ptr) {
		escape_puts(b, "null");
		return false;
	}
	if (!(flags & EVJSON_FLAT))
		escape_putc(b, '[');
	while (evfield_strv_next(s, &pos, &elem, &len)) {
		if (flags & EVJSON_FLAT) {
			if (flat.len)
				escape_putc(&flat, ' ');
			escape_put(&flat, elem, len);
			continue;
		}
		if (elem != s->ptr)
			escape_putc(b, ',');
		lossy |= evjson_str(b, elem, len);
	}
	if (!(flags & EVJSON_FLAT)) {
		escape_putc(b, ']');
		return lossy;
	}
	if (flat.oom)
		b->oom = true;
	lossy = evjson_str(b, flat.p, flat.len);
	escape_free(&flat);
	return lossy;
}

static bool evjson_sockaddr(struct escape_buf *b, const struct evfield *v)
{
	const struct cpd_sockaddr *sa = v->sa;
	char buf[INET6_ADDRSTRLEN + 1];
	bool lossy = false;

	if (!sa->family) {
		escape_puts(b, "null");
		return false;
	}
	escape_puts(b, "{\"family\":");
	evjson_str(b, v->name, strlen(v->name));
	switch (sa->family) {
	case AF_INET:
	case AF_INET6:
		inet_ntop(sa->family, sa->addr, buf, sizeof(buf));
		escape_puts(b, ",\"addr\":");
		evjson_str(b, buf, strlen(buf));
		escape_printf(b, ",\"port\":%u", sa->port);
		if (sa->scope_id)
			escape_printf(b, ",\"scope_id\":%u", sa->scope_id);
		break;
	case AF_UNIX:
		escape_puts(b, ",\"path\":");
		lossy = evjson_cstr(b, &sa->path);
		escape_printf(b, ",\"abstract\":%s",
			      sa->flags & CPD_SA_ABSTRACT ? "true" : "false");
		break;
	case AF_NETLINK:
		escape_printf(b, ",\"port_id\":%u,\"groups\":%u", sa->port_id,
			      sa->groups);
		break;
	}
	if (sa->flags & CPD_SA_PARTIAL)
		escape_puts(b, ",\"partial\":true");
	escape_putc(b, '}');
	return lossy;
}

static void evjson_key(struct escape_buf *b, const char *sep, const char *key)
{
	escape_puts(b, sep);
	evjson_str(b, key, strlen(key));
	escape_putc(b, ':');
}

/* The value of v, after its key. */
static bool evjson_put(struct escape_buf *b, const struct evfield *v,
		       unsigned flags)
{
	char buf[512];

	switch (v->field->type) {
	case CPD_FT_STR:
		return evjson_cstr(b, v->str);
	case CPD_FT_STRV:
		return evjson_strv(b, v->str, flags);
	case CPD_FT_SOCKADDR:
		if (flags & EVJSON_FLAT)
			return evjson_str(b, v->name, strlen(v->name));
		return evjson_sockaddr(b, v);
	case CPD_FT_DOUBLE:
		escape_json_double(b, v->d);
		return false;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		evjson_str(b, v->name, strlen(v->name));
		return false;
	default:
		break;
	}
	if (v->is_signed)
		escape_json_s64(b, v->s);
	else
		escape_json_u64(b, v->u);
	/* the number, and its name beside it: "errno_name":"ENOENT" */
	if (v->name && !(flags & EVJSON_FLAT)) {
		snprintf(buf, sizeof(buf), "%s_name", v->field->name);
		evjson_key(b, ",", buf);
		evjson_str(b, v->name, strlen(v->name));
	}
	return false;
}

bool evjson_value(struct escape_buf *b, const struct evfield *v,
		  const char *sep, const char *key, unsigned flags)
{
	evjson_key(b, sep, key);
	return evjson_put(b, v, flags);
}

bool evjson_value_keyed(struct escape_buf *b, const struct evfield *v,
			const char *key, unsigned flags)
{
	escape_puts(b, key);
	return evjson_put(b, v, flags);
}

bool evjson_field(struct escape_buf *b, const struct cpd_host *host,
		  const struct cpd_event *ev, const struct cpd_field *f,
		  const char *sep, const char *key)
{
	struct evfield v;

	if (!evfield_decode(host, ev, f, &v))
		return false;
	return evjson_value(b, &v, sep, key, 0);
}

static bool evjson_reserved(const struct evjson_keys *k, const char *name)
{
	const char *const *r;

	for (r = k->reserved; r && *r; r++)
		if (!strcmp(*r, name))
			return true;
	return false;
}

const char *evjson_keys_get(struct evjson_keys *k, uint32_t kind,
			    const struct cpd_field *f, uint32_t n, uint32_t i)
{
	struct escape_buf b = { 0 };
	char name[512];

	if (kind >= CPD_EV_CUSTOM_FIRST || i >= n)
		return NULL;
	if (!k->key[kind]) {
		k->key[kind] = calloc(n, sizeof(*k->key[kind]));
		if (!k->key[kind])
			return NULL;
		k->n[kind] = n;
	}
	if (i >= k->n[kind])
		return NULL;
	if (k->key[kind][i])
		return k->key[kind][i];
	snprintf(name, sizeof(name), "%s%s",
		 evjson_reserved(k, f[i].name) ? k->prefix : "", f[i].name);
	evjson_key(&b, ",", name);
	if (b.oom) {
		escape_free(&b);
		return NULL;
	}
	k->key[kind][i] = b.p;
	return b.p;
}

void evjson_keys_free(struct evjson_keys *k)
{
	uint32_t kind;
	size_t i;

	for (kind = 0; kind < CPD_EV_CUSTOM_FIRST; kind++) {
		if (!k->key[kind])
			continue;
		for (i = 0; i < k->n[kind]; i++)
			free(k->key[kind][i]);
		free(k->key[kind]);
	}
	memset(k, 0, sizeof(*k));
}
