// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "evcopy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "base/xmalloc.h"

/* Visit every cpd_str of an event: fn(str, arg). */
typedef void (*str_visit_fn)(struct cpd_str *s, void *arg);

/* Most strings a built-in kind has (the payload is a few hundred bytes). */
#define EVCOPY_BUILTIN_STRS 32

/*
 * Where a built-in kind's strings are, found once from its field table
 * (a static one, so the offsets never change): a publish then visits a
 * handful of offsets rather than the whole table.
 */
struct evcopy_strs {
	bool built;
	bool usable;
	uint32_t n;
	uint16_t off[EVCOPY_BUILTIN_STRS];
};

static struct evcopy_strs evcopy_builtin[CPD_EV_CUSTOM_FIRST];

#define EVCOPY_NO_STR SIZE_MAX

/* Where the cpd_str of field f is, or EVCOPY_NO_STR. */
static size_t evcopy_field_str(const struct cpd_field *f)
{
	if (f->type == CPD_FT_STR || f->type == CPD_FT_STRV)
		return f->offset;
	if (f->type == CPD_FT_SOCKADDR)
		return f->offset + offsetof(struct cpd_sockaddr, path);
	return EVCOPY_NO_STR;
}

static const struct evcopy_strs *evcopy_strs_build(uint32_t kind)
{
	struct evcopy_strs *ss = &evcopy_builtin[kind];
	const struct cpd_field *f;
	uint32_t n, i;
	size_t off;

	ss->built = true;
	ss->usable = true;
	f = fields_of(kind, &n);
	for (i = 0; f && i < n; i++) {
		off = evcopy_field_str(&f[i]);
		if (off == EVCOPY_NO_STR)
			continue;
		if (ss->n == EVCOPY_BUILTIN_STRS || off > UINT16_MAX) {
			ss->usable = false;
			break;
		}
		ss->off[ss->n++] = (uint16_t)off;
	}
	return ss->usable ? ss : NULL;
}

/* Found at every publish: the lookup inline, the building aside. */
static inline const struct evcopy_strs *evcopy_strs_of(uint32_t kind)
{
	const struct evcopy_strs *ss;

	if (kind >= CPD_EV_CUSTOM_FIRST)
		return NULL;
	ss = &evcopy_builtin[kind];
	if (!ss->built)
		return evcopy_strs_build(kind);
	return ss->usable ? ss : NULL;
}

static void evcopy_visit(struct cpd_event *ev, str_visit_fn fn, void *arg)
{
	const struct evcopy_strs *ss = evcopy_strs_of(ev->kind);
	const struct cpd_field *f;
	uint32_t n, i;
	size_t off;

	fn(&ev->comm, arg);
	if (ss) {
		for (i = 0; i < ss->n; i++)
			fn((struct cpd_str *)((char *)ev + ss->off[i]), arg);
		return;
	}
	f = fields_of(ev->kind, &n);
	for (i = 0; f && i < n; i++) {
		off = evcopy_field_str(&f[i]);
		if (off != EVCOPY_NO_STR)
			fn((struct cpd_str *)((char *)ev + off), arg);
	}
}

/* The producer's event, zero-filled past in_size. */
static void evcopy_load(struct cpd_event *tmp, const struct cpd_event *ev,
			size_t in_size)
{
	if (in_size >= sizeof(*tmp)) {
		memcpy(tmp, ev, sizeof(*tmp));
	} else {
		memset(tmp, 0, sizeof(*tmp));
		memcpy(tmp, ev, in_size);
	}
}

/*
 * The producer's event to read: itself when it is whole, else a
 * zero-filled copy in tmp. Only read-only visitors may be given it.
 */
static struct cpd_event *evcopy_view(struct cpd_event *tmp,
				     const struct cpd_event *ev, size_t in_size)
{
	if (in_size >= sizeof(*tmp))
		return (struct cpd_event *)(uintptr_t)ev;
	evcopy_load(tmp, ev, in_size);
	return tmp;
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

/* Longest rule id a finding may have. */
#define EVCOPY_MAX_RULE_ID 63

/*
 * A finding is matched on by users ("ignore = id") and tools, and read
 * first by people: its id must be a rule name, its title present.
 */
static int evcopy_check_finding(const struct cpd_ev_finding *f, char *why,
				size_t whylen)
{
	uint32_t i;

	if (!f->id.len || f->id.len > EVCOPY_MAX_RULE_ID) {
		snprintf(why, whylen,
			 "finding without a rule id of 1 to %d bytes",
			 EVCOPY_MAX_RULE_ID);
		return -EINVAL;
	}
	for (i = 0; i < f->id.len; i++) {
		char ch = f->id.ptr[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '-')) {
			snprintf(why, whylen,
				 "finding rule id '%.*s' is not [a-z0-9-]+",
				 (int)f->id.len, f->id.ptr);
			return -EINVAL;
		}
	}
	if (f->severity < CPD_SEV_INFO || f->severity > CPD_SEV_ERROR) {
		snprintf(why, whylen,
			 "finding '%.*s' has severity %u, not 1 to 4",
			 (int)f->id.len, f->id.ptr, f->severity);
		return -EINVAL;
	}
	if (!f->title.len) {
		snprintf(why, whylen, "finding '%.*s' has no title",
			 (int)f->id.len, f->id.ptr);
		return -EINVAL;
	}
	return 0;
}

int evcopy_check(const struct cpd_event *ev, size_t in_size, char *why,
		 size_t whylen)
{
	struct evcopy_check_state st = { false };
	const struct cpd_ev_report *rep;
	struct cpd_event tmp, *view;
	uint32_t i;

	if (in_size < offsetof(struct cpd_event, u)) {
		snprintf(why, whylen, "event size %zu is too small", in_size);
		return -EINVAL;
	}
	if (!fields_kind_name(ev->kind)) {
		snprintf(why, whylen, "unknown event kind %u", ev->kind);
		return -EINVAL;
	}
	view = evcopy_view(&tmp, ev, in_size);
	evcopy_visit(view, evcopy_check_str, &st);
	if (st.bad) {
		snprintf(why, whylen,
			 "%s event has a string with no data or over %u bytes",
			 fields_kind_name(ev->kind), EVCOPY_MAX_STR);
		return -EINVAL;
	}
	if (ev->kind == CPD_EV_FINDING)
		return evcopy_check_finding(&view->u.finding, why, whylen);
	if (ev->kind != CPD_EV_REPORT)
		return 0;
	rep = &view->u.report;
	if (evcopy_str_bad(&rep->topic) || !rep->topic.len) {
		snprintf(why, whylen, "report without a topic");
		return -EINVAL;
	}
	if (rep->nkv > EVCOPY_MAX_KV || (rep->nkv && !rep->kv)) {
		snprintf(why, whylen, "report '%.*s' has a bad key/value array",
			 (int)MIN(rep->topic.len, 64u), rep->topic.ptr);
		return -EINVAL;
	}
	for (i = 0; i < rep->nkv; i++) {
		const struct cpd_kv *kv = &rep->kv[i];

		if (evcopy_str_bad(&kv->key) || !kv->key.len ||
		    evcopy_str_bad(&kv->label) || kv->type < CPD_KV_S64 ||
		    kv->type > CPD_KV_STR ||
		    (kv->type == CPD_KV_STR && evcopy_str_bad(&kv->v.str))) {
			snprintf(why, whylen,
				 "report '%.*s': key/value %u is malformed",
				 (int)MIN(rep->topic.len, 64u), rep->topic.ptr,
				 i);
			return -EINVAL;
		}
	}
	return 0;
}

struct evcopy_pack {
	size_t need; /* pass 1: bytes needed */
	char *out;   /* pass 2: where the next string goes */
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

size_t evcopy_size(const struct cpd_event *ev, size_t in_size)
{
	struct evcopy_pack pk = { 0, NULL };
	struct cpd_event tmp, *view;
	size_t kv_bytes = 0, sc_structs, sc_strs;
	uint32_t i;

	view = evcopy_view(&tmp, ev, in_size);
	evcopy_visit(view, evcopy_count, &pk);
	if (view->kind == CPD_EV_SYSCALL) {
		evcopy_syscall_need(&view->u.syscall, &sc_structs, &sc_strs);
		/* the structs go where a report's key/values would */
		kv_bytes = sc_structs;
		pk.need += sc_strs;
	}
	if (view->kind == CPD_EV_REPORT) {
		kv_bytes = view->u.report.nkv * sizeof(struct cpd_kv);
		for (i = 0; i < view->u.report.nkv; i++) {
			const struct cpd_kv *k = &view->u.report.kv[i];

			pk.need += evcopy_str_need(&k->key) +
				   evcopy_str_need(&k->label);
			if (k->type == CPD_KV_STR)
				pk.need += evcopy_str_need(&k->v.str);
		}
	}
	return sizeof(struct cpd_event) + kv_bytes + pk.need;
}

int evcopy_measure(const struct cpd_event *ev, size_t in_size, size_t *size,
		   char *why, size_t whylen)
{
	const struct evcopy_strs *ss;
	const struct cpd_str *str;
	size_t need;
	uint32_t i;
	int err;

	/* reports and syscalls carry more than their kind's strings */
	ss = in_size >= offsetof(struct cpd_event, u) &&
			     ev->kind != CPD_EV_REPORT &&
			     ev->kind != CPD_EV_SYSCALL ?
		     evcopy_strs_of(ev->kind) :
		     NULL;
	if (!ss || !fields_kind_name(ev->kind)) {
		err = evcopy_check(ev, in_size, why, whylen);
		if (!err)
			*size = evcopy_size(ev, in_size);
		return err;
	}
	/*
	 * The two steps in one pass over a built-in kind's strings, read in
	 * place: those past in_size are absent (zero) in the copy.
	 */
	if (evcopy_str_bad(&ev->comm))
		goto bad;
	need = evcopy_str_need(&ev->comm);
	for (i = 0; i < ss->n; i++) {
		if (ss->off[i] + sizeof(*str) > in_size)
			continue;
		str = (const struct cpd_str *)((const char *)ev + ss->off[i]);
		if (evcopy_str_bad(str))
			goto bad;
		need += evcopy_str_need(str);
	}
	*size = sizeof(struct cpd_event) + need;
	return 0;

bad:
	snprintf(why, whylen,
		 "%s event has a string with no data or over %u bytes",
		 fields_kind_name(ev->kind), EVCOPY_MAX_STR);
	return -EINVAL;
}

static void evcopy_move_to(struct cpd_str *s, char **out)
{
	if (!s->ptr)
		return;
	memcpy(*out, s->ptr, s->len);
	(*out)[s->len] = '\0';
	s->ptr = *out;
	*out += s->len + 1;
}

struct cpd_event *evcopy_pack(const struct cpd_event *ev, size_t in_size,
			      void *mem)
{
	struct cpd_event *copy = mem;
	struct evcopy_pack pk = { 0, NULL };
	const struct cpd_kv *src_kv;
	struct cpd_kv *kv;
	uint32_t nkv = 0, i;
	size_t kv_bytes = 0, sc_strs = 0;

	evcopy_load(copy, ev, in_size);
	if (copy->kind != CPD_EV_REPORT && copy->kind != CPD_EV_SYSCALL) {
		const struct evcopy_strs *ss = evcopy_strs_of(copy->kind);

		/* a built-in kind: its offsets, no visitor */
		if (ss) {
			pk.out = (char *)(copy + 1);
			evcopy_move_to(&copy->comm, &pk.out);
			for (i = 0; i < ss->n; i++)
				evcopy_move_to((struct cpd_str *)((char *)copy +
								  ss->off[i]),
					       &pk.out);
			copy->size = sizeof(*copy);
			return copy;
		}
	}
	if (copy->kind == CPD_EV_REPORT) {
		nkv = copy->u.report.nkv;
		kv_bytes = nkv * sizeof(struct cpd_kv);
	}
	if (copy->kind == CPD_EV_SYSCALL)
		evcopy_syscall_need(&copy->u.syscall, &kv_bytes, &sc_strs);
	pk.out = (char *)(copy + 1) + kv_bytes;
	evcopy_visit(copy, evcopy_move, &pk);
	if (copy->kind == CPD_EV_SYSCALL) {
		evcopy_syscall_move(&copy->u.syscall, (char *)(copy + 1),
				    pk.out);
		pk.out += sc_strs;
	}
	if (nkv) {
		src_kv = copy->u.report.kv;
		kv = (struct cpd_kv *)(void *)(copy + 1);
		memcpy(kv, src_kv, kv_bytes);
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

struct cpd_event *evcopy_dup(const struct cpd_event *ev, size_t in_size)
{
	return evcopy_pack(ev, in_size, xmalloc(evcopy_size(ev, in_size)));
}
