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

/* A NUL-separated list as an array of strings. */
static bool evjson_strv(struct escape_buf *b, const struct cpd_str *s)
{
	uint32_t i, start = 0, len = s->len;
	bool lossy = false;

	if (!s->ptr) {
		escape_puts(b, "null");
		return false;
	}
	if (len && s->ptr[len - 1] == '\0')
		len--;
	escape_putc(b, '[');
	for (i = 0; len && i <= len; i++) {
		if (i < len && s->ptr[i])
			continue;
		if (start)
			escape_putc(b, ',');
		lossy |= evjson_str(b, s->ptr + start, i - start);
		start = i + 1;
	}
	escape_putc(b, ']');
	return lossy;
}

static bool evjson_sockaddr(struct escape_buf *b, const struct cpd_host *host,
			    const struct cpd_sockaddr *sa)
{
	char buf[INET6_ADDRSTRLEN + 1];
	bool lossy = false;

	if (!sa->family) {
		escape_puts(b, "null");
		return false;
	}
	host->format_xlat(CPD_XLAT_AF, sa->family, buf, sizeof(buf));
	escape_puts(b, "{\"family\":");
	evjson_str(b, buf, strlen(buf));
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

bool evjson_field(struct escape_buf *b, const struct cpd_host *host,
		  const struct cpd_event *ev, const struct cpd_field *f,
		  const char *sep, const char *key)
{
	evjson_key(b, sep, key);
	return evjson_value(b, host, ev, f);
}

bool evjson_value(struct escape_buf *b, const struct cpd_host *host,
		  const struct cpd_event *ev, const struct cpd_field *f)
{
	const char *at = (const char *)ev + f->offset;
	const char *name;
	char buf[512];
	uint64_t u;
	int64_t s;
	int32_t i32;
	uint32_t u32;
	uint16_t u16;
	double d;

	switch (f->type) {
	case CPD_FT_STR:
		return evjson_cstr(b, (const void *)at);
	case CPD_FT_STRV:
		return evjson_strv(b, (const void *)at);
	case CPD_FT_SOCKADDR:
		return evjson_sockaddr(b, host, (const void *)at);
	case CPD_FT_S64:
		memcpy(&s, at, 8);
		escape_json_s64(b, s);
		return false;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&u, at, 8);
		escape_json_u64(b, u);
		return false;
	case CPD_FT_DOUBLE:
		memcpy(&d, at, 8);
		escape_json_double(b, d);
		return false;
	case CPD_FT_U16:
		memcpy(&u16, at, 2);
		escape_u64(b, u16);
		return false;
	case CPD_FT_S32:
	case CPD_FT_FD:
		memcpy(&i32, at, 4);
		escape_s64(b, i32);
		return false;
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		/* the number, and its name beside it: "errno_name":"ENOENT" */
		memcpy(&i32, at, 4);
		escape_s64(b, i32);
		if (!i32)
			return false;
		name = f->type == CPD_FT_ERRNO ? host->errno_name(i32) :
						 host->signal_name(i32);
		if (!name)
			return false;
		snprintf(buf, sizeof(buf), "%s_name", f->name);
		evjson_key(b, ",", buf);
		evjson_str(b, name, strlen(name));
		return false;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		memcpy(&u32, at, 4);
		host->format_xlat(f->xlat, u32, buf, sizeof(buf));
		evjson_str(b, buf, strlen(buf));
		return false;
	default: /* U32, MODE, DEV and types newer than us */
		memcpy(&u32, at, 4);
		escape_u64(b, u32);
		return false;
	}
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
