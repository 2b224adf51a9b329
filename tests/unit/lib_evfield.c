// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The event-field decoder every output renders from (plugins/lib/
 * evfield.c), against the fake host: so the field tables, the custom
 * kind registered here and every name (errno, signal, flags, enums,
 * address families) are the real host's. A kind with one field of each
 * type is registered by a probe plugin and decoded full, empty, cut
 * short by an older producer, and walked with optional fields skipped.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cpd_test.h"
#include "every_kind.h"
#include "fake_host.h"
#include "lib/evfield.h"

static int probe_kind;

static int probe_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	probe_kind = host->register_kind(inst, &every_desc);
	*statep = NULL;
	return probe_kind < 0 ? probe_kind : 0;
}

static void probe_fini(void *state)
{
	(void)state;
}

static const struct cpd_plugin probe_plugin = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "probe",
	.version = "1",
	.description = "registers the kind under test",
	.init = probe_init,
	.fini = probe_fini,
};

static struct fake_host *probe_host(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");

	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	return fh;
}

static struct every *every_event(struct cpd_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = (uint16_t)probe_kind;
	return (struct every *)ev->u.custom;
}

/* What a walk handed out, copied: the evfield is the walk's. */
struct seen {
	unsigned n;
	struct evfield v[EVERY_NFIELDS + 8];
	char name[EVERY_NFIELDS + 8][EVFIELD_NAME_MAX];
};

static void seen_add(void *ctx, const struct evfield *v)
{
	struct seen *s = ctx;

	CU_ASSERT_FATAL(s->n < EVERY_NFIELDS + 8);
	CPD_ASSERT_UINT_EQ(v->nth, s->n);
	s->v[s->n] = *v;
	if (v->name)
		snprintf(s->name[s->n], EVFIELD_NAME_MAX, "%s", v->name);
	s->n++;
}

static const struct evfield *seen_get(struct seen *s, const char *name,
				      const char **vname)
{
	unsigned i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].field->name, name)) {
			*vname = s->v[i].name ? s->name[i] : NULL;
			return &s->v[i];
		}
	return NULL;
}

#define GET(name_)                                                   \
	({                                                           \
		const struct evfield *v_ = seen_get(&s, name_, &nm); \
		CU_ASSERT_PTR_NOT_NULL_FATAL(v_);                    \
		v_;                                                  \
	})

static void test_every_type(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	static struct seen s;
	const struct evfield *v;
	struct cpd_event ev;
	struct every *p = every_event(&ev);
	const char *nm = NULL;
	char want[64];

	p->s64 = -5;
	p->u64 = UINT64_C(1) << 60;
	p->dbl = 0.5;
	p->addr = 0x7f0012345678;
	p->str = (struct cpd_str){ "hello", 5, 0 };
	p->strv = (struct cpd_str){ "a\0b", 3, 0 };
	p->sa.family = AF_INET;
	p->s32 = -7;
	p->u32 = 7;
	p->u16 = 65535;
	p->fd = -1;
	p->err = ENOENT;
	p->flags = O_WRONLY | O_CREAT;
	p->en = AF_INET6;
	p->sig = SIGKILL;
	p->mode = 0644;
	p->dev = (8u << 20) | 1;
	p->raw = 5;
	memset(&s, 0, sizeof(s));
	CPD_ASSERT_UINT_EQ(evfield_walk(host, &ev, 0, seen_add, &s),
			   EVERY_NFIELDS);
	CPD_ASSERT_UINT_EQ(s.n, EVERY_NFIELDS);

	v = GET("s64");
	CU_ASSERT(v->is_signed);
	CPD_ASSERT_INT_EQ(v->s, -5);
	CPD_ASSERT_UINT_EQ(v->u, (uint64_t)-5);
	v = GET("u64");
	CU_ASSERT(!v->is_signed);
	CPD_ASSERT_UINT_EQ(v->u, UINT64_C(1) << 60);
	CU_ASSERT(GET("dbl")->d == 0.5);
	CPD_ASSERT_UINT_EQ(GET("addr")->u, 0x7f0012345678);
	v = GET("str");
	CU_ASSERT_PTR_EQUAL(v->str, &p->str);
	CU_ASSERT(!v->empty);
	CU_ASSERT_PTR_EQUAL(GET("strv")->str, &p->strv);
	v = GET("sa");
	CU_ASSERT_PTR_EQUAL(v->sa, &p->sa);
	CPD_ASSERT_STR_EQ(nm, "AF_INET");
	v = GET("s32");
	CU_ASSERT(v->is_signed);
	CPD_ASSERT_INT_EQ(v->s, -7);
	CPD_ASSERT_UINT_EQ(GET("u32")->u, 7);
	v = GET("u16");
	CU_ASSERT(!v->is_signed);
	CPD_ASSERT_UINT_EQ(v->u, 65535);
	CPD_ASSERT_INT_EQ(v->s, 65535);
	v = GET("fd");
	CU_ASSERT(v->is_signed);
	CPD_ASSERT_INT_EQ(v->s, -1);
	CPD_ASSERT_INT_EQ(GET("err")->s, ENOENT);
	CPD_ASSERT_STR_EQ(nm, host->errno_name(ENOENT));
	CPD_ASSERT_STR_EQ(nm, "ENOENT");
	CPD_ASSERT_UINT_EQ(GET("flags")->u, O_WRONLY | O_CREAT);
	CPD_ASSERT_STR_EQ(nm, "O_WRONLY|O_CREAT");
	GET("en");
	CPD_ASSERT_STR_EQ(nm, "AF_INET6");
	CPD_ASSERT_INT_EQ(GET("sig")->s, SIGKILL);
	CPD_ASSERT_STR_EQ(nm, "SIGKILL");
	v = GET("mode");
	CPD_ASSERT_UINT_EQ(v->u, 0644);
	CU_ASSERT_PTR_NULL(nm);
	CPD_ASSERT_UINT_EQ(GET("dev")->u, (8u << 20) | 1);
	/* flags with no table: the host's digits */
	GET("raw");
	host->format_xlat(0, 5, want, sizeof(want));
	CPD_ASSERT_STR_EQ(nm, want);
	fake_host_free(fh);
}

static void test_empty(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	static struct seen s;
	struct cpd_event ev;
	struct every *p = every_event(&ev);
	const char *nm = NULL;
	char want[64];
	unsigned i;

	memset(&s, 0, sizeof(s));
	evfield_walk(host, &ev, 0, seen_add, &s);
	CPD_ASSERT_UINT_EQ(s.n, EVERY_NFIELDS);
	for (i = 0; i < s.n; i++)
		if (!s.v[i].empty)
			CPD_ASSERT_STR_EQ(s.v[i].field->name, "an empty field");
	/* no name for no error, no signal */
	GET("err");
	CU_ASSERT_PTR_NULL(nm);
	GET("sig");
	CU_ASSERT_PTR_NULL(nm);
	/* but a zero flag set or enum still has one */
	GET("flags");
	host->format_xlat(CPD_XLAT_OPEN_FLAGS, 0, want, sizeof(want));
	CPD_ASSERT_STR_EQ(nm, want);
	GET("sa");
	host->format_xlat(CPD_XLAT_AF, 0, want, sizeof(want));
	CPD_ASSERT_STR_EQ(nm, want);

	/* optional and empty: left out; required and empty: kept */
	memset(&s, 0, sizeof(s));
	CPD_ASSERT_UINT_EQ(evfield_walk(host, &ev, EVFIELD_SKIP_EMPTY_OPTIONAL,
					seen_add, &s),
			   EVERY_NREQUIRED);
	for (i = 0; i < s.n; i++)
		CU_ASSERT(!(s.v[i].field->flags & CPD_FIELDF_OPTIONAL));

	/* an empty string with a pointer is empty; NaN is a value */
	p->strv = (struct cpd_str){ "", 0, 0 };
	p->dbl = NAN;
	p->u32 = 1;
	memset(&s, 0, sizeof(s));
	evfield_walk(host, &ev, EVFIELD_SKIP_EMPTY_OPTIONAL, seen_add, &s);
	CPD_ASSERT_UINT_EQ(s.n, EVERY_NREQUIRED + 2);
	CU_ASSERT_PTR_NOT_NULL(seen_get(&s, "dbl", &nm));
	CU_ASSERT_PTR_NOT_NULL(seen_get(&s, "u32", &nm));
	CU_ASSERT_PTR_NULL(seen_get(&s, "strv", &nm));
	fake_host_free(fh);
}

/* A producer built before the table grew: what it lacks is not there. */
static void test_short_event(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	static struct seen s;
	struct cpd_event ev;
	struct evfield v;

	every_event(&ev);
	ev.size = EVERY_OFF(u32) + sizeof(uint32_t) - 1;
	memset(&s, 0, sizeof(s));
	CPD_ASSERT_UINT_EQ(evfield_walk(host, &ev, 0, seen_add, &s), 8);
	CPD_ASSERT_STR_EQ(s.v[s.n - 1].field->name, "s32");
	CU_ASSERT(!evfield_decode(host, &ev, &every_fields[8], &v));
	ev.size++;
	CU_ASSERT(evfield_decode(host, &ev, &every_fields[8], &v));
	fake_host_free(fh);
}

static void test_unknown(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	/* a type newer than this library: 32 bits, unsigned, nameless */
	static const struct cpd_field newer = {
		.name = "newer",
		.type = 99,
		.offset = EVERY_OFF(u32),
	};
	static struct seen s;
	struct cpd_event ev;
	struct every *p = every_event(&ev);
	struct evfield v;

	p->u32 = 0xdeadbeef;
	CU_ASSERT_FATAL(evfield_decode(host, &ev, &newer, &v));
	CU_ASSERT(!v.is_signed);
	CPD_ASSERT_UINT_EQ(v.u, 0xdeadbeef);
	CU_ASSERT_PTR_NULL(v.name);
	/* a kind nobody registered has no fields */
	ev.kind = CPD_EV_CUSTOM_FIRST + 20;
	memset(&s, 0, sizeof(s));
	CPD_ASSERT_UINT_EQ(evfield_walk(host, &ev, 0, seen_add, &s), 0);
	CPD_ASSERT_UINT_EQ(s.n, 0);
	fake_host_free(fh);
}

/* A built-in kind, through the host's own table. */
static void test_builtin(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	static struct seen s;
	struct cpd_event ev;
	const char *nm = NULL;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.u.lost.lost_kind = CPD_EV_FAULT;
	ev.u.lost.count = 3;
	ev.u.lost.reason = (struct cpd_str){ "full", 4, 0 };
	memset(&s, 0, sizeof(s));
	evfield_walk(host, &ev, 0, seen_add, &s);
	GET("lost_kind");
	CPD_ASSERT_STR_EQ(nm, host->event_kind_name(CPD_EV_FAULT));
	CPD_ASSERT_UINT_EQ(GET("count")->u, 3);
	CU_ASSERT_PTR_EQUAL(GET("reason")->str, &ev.u.lost.reason);
	fake_host_free(fh);
}

/* The elements of s joined by '|', as the iterator yields them. */
static void strv_join(const char *s, uint32_t len, bool absent, char *out)
{
	struct cpd_str str = { absent ? NULL : s, len, 0 };
	uint32_t pos = 0;
	const char *elem;
	size_t n;

	out[0] = '\0';
	while (evfield_strv_next(&str, &pos, &elem, &n)) {
		strcat(out, "[");
		strncat(out, elem, n);
		strcat(out, "]");
	}
}

#define STRV(lit, want)                                      \
	do {                                                 \
		strv_join(lit, sizeof(lit) - 1, false, out); \
		CPD_ASSERT_STR_EQ(out, want);                \
	} while (0)

static void test_strv(void)
{
	char out[64];

	STRV("a\0b", "[a][b]");
	STRV("a\0b\0", "[a][b]");
	STRV("a", "[a]");
	STRV("a\0\0b", "[a][][b]");
	STRV("a\0\0", "[a][]");
	STRV("\0a", "[][a]");
	STRV("\0\0", "[][]");
	STRV("\0", "");
	STRV("", "");
	strv_join("a\0b", 3, true, out);
	CPD_ASSERT_STR_EQ(out, "");
}

static void test_key(void)
{
	struct fake_host *fh = probe_host();
	const struct cpd_host *host = fake_host_vtable(fh);
	const struct cpd_field *f;

	f = evfield_key(host, probe_kind, EVFIELD_TYPE(CPD_FT_ENUM));
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_STR_EQ(f->name, "en");
	/* the first in table order */
	f = evfield_key(host, probe_kind,
			EVFIELD_TYPE(CPD_FT_ENUM) | EVFIELD_TYPE(CPD_FT_STR));
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_STR_EQ(f->name, "str");
	/* only key fields count: s64 is not one */
	CU_ASSERT_PTR_NULL(
		evfield_key(host, probe_kind, EVFIELD_TYPE(CPD_FT_S64)));
	f = evfield_key(host, CPD_EV_FILE, EVFIELD_TYPE(CPD_FT_ENUM));
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CPD_ASSERT_STR_EQ(f->name, "op");
	CU_ASSERT_PTR_NULL(evfield_key(host, CPD_EV_CUSTOM_FIRST + 20, ~0u));
	fake_host_free(fh);
}

static CU_TestInfo evfield_tests[] = {
	{ "every_type", test_every_type },
	{ "empty", test_empty },
	{ "short_event", test_short_event },
	{ "unknown", test_unknown },
	{ "builtin", test_builtin },
	{ "strv", test_strv },
	{ "key", test_key },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "evfield", .pTests = evfield_tests },
	CU_SUITE_INFO_NULL,
};
