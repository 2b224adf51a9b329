// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "evcopy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "xmalloc.h"

/* Visit every cpd_str of an event: fn(str, arg). */
typedef void (*str_visit_fn)(struct cpd_str *s, void *arg);

static void evcopy_visit(struct cpd_event *ev, str_visit_fn fn, void *arg)
{
	const struct cpd_field *f;
	uint32_t n, i;

	fn(&ev->comm, arg);
	f = fields_of(ev->kind, &n);
	for (i = 0; f && i < n; i++) {
		char *at = (char *)ev + f[i].offset;

		if (f[i].type == CPD_FT_STR || f[i].type == CPD_FT_STRV)
			fn((struct cpd_str *)at, arg);
		else if (f[i].type == CPD_FT_SOCKADDR)
			fn(&((struct cpd_sockaddr *)at)->path, arg);
	}
}

struct evcopy_check_state {
	bool bad;
};

static void evcopy_check_str(struct cpd_str *s, void *arg)
{
	struct evcopy_check_state *st = arg;

	if ((!s->ptr && s->len) || s->len > EVCOPY_MAX_STR)
		st->bad = true;
}

static bool evcopy_str_bad(const struct cpd_str *s)
{
	return (!s->ptr && s->len) || s->len > EVCOPY_MAX_STR;
}

int evcopy_check(const struct cpd_event *ev, size_t in_size, char *why,
		 size_t whylen)
{
	struct evcopy_check_state st = { false };
	struct cpd_event tmp;
	uint32_t i;

	if (in_size < offsetof(struct cpd_event, u)) {
		snprintf(why, whylen, "event size %zu is too small", in_size);
		return -EINVAL;
	}
	if (!fields_kind_name(ev->kind)) {
		snprintf(why, whylen, "unknown event kind %u", ev->kind);
		return -EINVAL;
	}
	memset(&tmp, 0, sizeof(tmp));
	memcpy(&tmp, ev, MIN(in_size, sizeof(tmp)));
	evcopy_visit(&tmp, evcopy_check_str, &st);
	if (st.bad) {
		snprintf(why, whylen,
			 "%s event has a string with no data or over %u bytes",
			 fields_kind_name(ev->kind), EVCOPY_MAX_STR);
		return -EINVAL;
	}
	if (ev->kind != CPD_EV_REPORT)
		return 0;
	if (evcopy_str_bad(&tmp.u.report.topic) || !tmp.u.report.topic.len) {
		snprintf(why, whylen, "report without a topic");
		return -EINVAL;
	}
	if (tmp.u.report.nkv > EVCOPY_MAX_KV ||
	    (tmp.u.report.nkv && !tmp.u.report.kv)) {
		snprintf(why, whylen, "report '%.*s' has a bad key/value array",
			 (int)MIN(tmp.u.report.topic.len, 64u),
			 tmp.u.report.topic.ptr);
		return -EINVAL;
	}
	for (i = 0; i < tmp.u.report.nkv; i++) {
		const struct cpd_kv *kv = &tmp.u.report.kv[i];

		if (evcopy_str_bad(&kv->key) || !kv->key.len ||
		    evcopy_str_bad(&kv->label) ||
		    kv->type < CPD_KV_S64 || kv->type > CPD_KV_STR ||
		    (kv->type == CPD_KV_STR && evcopy_str_bad(&kv->v.str))) {
			snprintf(why, whylen,
				 "report '%.*s': key/value %u is malformed",
				 (int)MIN(tmp.u.report.topic.len, 64u),
				 tmp.u.report.topic.ptr, i);
			return -EINVAL;
		}
	}
	return 0;
}

struct evcopy_pack {
	size_t need;	/* pass 1: bytes needed */
	char *out;	/* pass 2: where the next string goes */
};

static size_t evcopy_str_need(const struct cpd_str *s)
{
	return s->ptr ? (size_t)s->len + 1 : 0;
}

static void evcopy_count(struct cpd_str *s, void *arg)
{
	((struct evcopy_pack *)arg)->need += evcopy_str_need(s);
}

static void evcopy_move(struct cpd_str *s, void *arg)
{
	struct evcopy_pack *pk = arg;

	if (!s->ptr)
		return;
	memcpy(pk->out, s->ptr, s->len);
	pk->out[s->len] = '\0';
	s->ptr = pk->out;
	pk->out += s->len + 1;
}

struct cpd_event *evcopy_dup(const struct cpd_event *ev, size_t in_size)
{
	struct evcopy_pack pk = { 0, NULL };
	struct cpd_event tmp, *copy;
	struct cpd_kv *kv = NULL;
	uint32_t nkv = 0, i;
	size_t kv_bytes = 0;

	memset(&tmp, 0, sizeof(tmp));
	memcpy(&tmp, ev, MIN(in_size, sizeof(tmp)));
	evcopy_visit(&tmp, evcopy_count, &pk);
	if (tmp.kind == CPD_EV_REPORT) {
		nkv = tmp.u.report.nkv;
		kv_bytes = nkv * sizeof(struct cpd_kv);
		for (i = 0; i < nkv; i++) {
			const struct cpd_kv *k = &tmp.u.report.kv[i];

			pk.need += evcopy_str_need(&k->key) +
				   evcopy_str_need(&k->label);
			if (k->type == CPD_KV_STR)
				pk.need += evcopy_str_need(&k->v.str);
		}
	}

	copy = xmalloc(sizeof(*copy) + kv_bytes + pk.need);
	*copy = tmp;
	pk.out = (char *)(copy + 1) + kv_bytes;
	evcopy_visit(copy, evcopy_move, &pk);
	if (nkv) {
		kv = (struct cpd_kv *)(void *)(copy + 1);
		memcpy(kv, tmp.u.report.kv, kv_bytes);
		for (i = 0; i < nkv; i++) {
			evcopy_move(&kv[i].key, &pk);
			evcopy_move(&kv[i].label, &pk);
			if (kv[i].type == CPD_KV_STR)
				evcopy_move(&kv[i].v.str, &pk);
		}
		copy->u.report.kv = kv;
	}
	copy->size = sizeof(*copy);
	return copy;
}
