// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <string.h>

#include "evfield.h"

/* Bytes a field of type occupies in the event. */
static size_t evfield_width(uint16_t type)
{
	switch (type) {
	case CPD_FT_S64:
	case CPD_FT_U64:
	case CPD_FT_DOUBLE:
	case CPD_FT_ADDR:
		return 8;
	case CPD_FT_STR:
	case CPD_FT_STRV:
		return sizeof(struct cpd_str);
	case CPD_FT_SOCKADDR:
		return sizeof(struct cpd_sockaddr);
	case CPD_FT_U16:
		return 2;
	default:
		return 4;
	}
}

/* The value alone, no names: enough to tell whether it is empty. */
static bool evfield_read(const struct cpd_event *ev, const struct cpd_field *f,
			 struct evfield *v)
{
	const unsigned char *at = (const unsigned char *)ev + f->offset;
	int32_t s32;
	uint32_t u32;
	uint16_t u16;

	if ((size_t)f->offset + evfield_width(f->type) > ev->size)
		return false;
	v->field = f;
	v->nth = 0;
	v->is_signed = false;
	v->s = 0;
	v->u = 0;
	v->d = 0;
	v->str = NULL;
	v->sa = NULL;
	v->name = NULL;
	switch (f->type) {
	case CPD_FT_STR:
	case CPD_FT_STRV:
		v->str = (const struct cpd_str *)at;
		v->empty = !v->str->ptr || !v->str->len;
		return true;
	case CPD_FT_SOCKADDR:
		v->sa = (const struct cpd_sockaddr *)at;
		v->empty = !v->sa->family;
		return true;
	case CPD_FT_DOUBLE:
		memcpy(&v->d, at, sizeof(v->d));
		v->empty = v->d == 0;
		return true;
	case CPD_FT_S64:
		memcpy(&v->s, at, sizeof(v->s));
		v->is_signed = true;
		break;
	case CPD_FT_U64:
	case CPD_FT_ADDR:
		memcpy(&v->u, at, sizeof(v->u));
		v->s = (int64_t)v->u;
		break;
	case CPD_FT_U16:
		memcpy(&u16, at, sizeof(u16));
		v->u = u16;
		v->s = u16;
		break;
	case CPD_FT_S32:
	case CPD_FT_FD:
	case CPD_FT_ERRNO:
	case CPD_FT_SIGNAL:
		memcpy(&s32, at, sizeof(s32));
		v->s = s32;
		v->is_signed = true;
		break;
	default:
		memcpy(&u32, at, sizeof(u32));
		v->u = u32;
		v->s = u32;
		break;
	}
	if (v->is_signed)
		v->u = (uint64_t)v->s;
	v->empty = !v->u;
	return true;
}

static void evfield_name(const struct cpd_host *host, struct evfield *v)
{
	switch (v->field->type) {
	case CPD_FT_ERRNO:
		v->name = v->s ? host->errno_name((int)v->s) : NULL;
		break;
	case CPD_FT_SIGNAL:
		v->name = v->s ? host->signal_name((int)v->s) : NULL;
		break;
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
		host->format_xlat(v->field->xlat, v->u, v->buf, sizeof(v->buf));
		v->name = v->buf;
		break;
	case CPD_FT_SOCKADDR:
		host->format_xlat(CPD_XLAT_AF, v->sa->family, v->buf,
				  sizeof(v->buf));
		v->name = v->buf;
		break;
	default:
		break;
	}
}

bool evfield_decode(const struct cpd_host *host, const struct cpd_event *ev,
		    const struct cpd_field *f, struct evfield *v)
{
	if (!evfield_read(ev, f, v))
		return false;
	evfield_name(host, v);
	return true;
}

unsigned evfield_walk(const struct cpd_host *host, const struct cpd_event *ev,
		      unsigned flags, evfield_fn fn, void *ctx)
{
	const struct cpd_field *f;
	struct evfield v;
	uint32_t n = 0, i;
	unsigned done = 0;

	f = host->event_fields(ev->kind, &n);
	for (i = 0; f && i < n; i++) {
		if (!evfield_read(ev, &f[i], &v))
			continue;
		if ((flags & EVFIELD_SKIP_EMPTY_OPTIONAL) && v.empty &&
		    (f[i].flags & CPD_FIELDF_OPTIONAL))
			continue;
		evfield_name(host, &v);
		v.nth = done++;
		fn(ctx, &v);
	}
	return done;
}

bool evfield_strv_next(const struct cpd_str *s, uint32_t *pos,
		       const char **elem, size_t *len)
{
	uint32_t end = s->len;

	if (!s->ptr)
		return false;
	if (end && s->ptr[end - 1] == '\0')
		end--;
	/* *pos must be able to pass end (no host string is that long) */
	if (end == UINT32_MAX)
		end--;
	if (!end || *pos > end)
		return false;
	*elem = s->ptr + *pos;
	*len = strnlen(*elem, end - *pos);
	*pos += (uint32_t)*len + 1;
	return true;
}

const struct cpd_field *evfield_key(const struct cpd_host *host, uint32_t kind,
				    uint32_t types)
{
	const struct cpd_field *f;
	uint32_t n = 0, i;

	f = host->event_fields(kind, &n);
	for (i = 0; f && i < n; i++)
		if ((f[i].flags & CPD_FIELDF_KEY) && f[i].type < 32 &&
		    (types & EVFIELD_TYPE(f[i].type)))
			return &f[i];
	return NULL;
}
