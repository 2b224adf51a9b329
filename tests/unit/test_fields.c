// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Field reflection (core/host/fields.c) and the deep copies it drives
 * (core/host/evcopy.c): every built-in kind's table must describe its payload
 * truthfully, since outputs print any kind through it and publish()
 * copies exactly the strings it names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "host/evcopy.h"
#include "host/fields.h"
#include "host/optval.h"
#include "engine/xlat.h"

#define PAYLOAD_AT offsetof(struct cpd_event, u)

static void setup(void)
{
	fields_reset();
}

/* The size of a field of each type inside an event. */
static size_t type_size(uint16_t type)
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
	case CPD_FT_S32:
	case CPD_FT_U32:
	case CPD_FT_FD:
	case CPD_FT_ERRNO:
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
	case CPD_FT_SIGNAL:
	case CPD_FT_MODE:
	case CPD_FT_DEV:
		return 4;
	default:
		return 0;
	}
}

static const char *const builtin_names[] = {
	[CPD_EV_SYSCALL] = "syscall", [CPD_EV_PROC] = "proc",
	[CPD_EV_FILE] = "file",	      [CPD_EV_NET] = "net",
	[CPD_EV_MMAP] = "mmap",	      [CPD_EV_FAULT] = "fault",
	[CPD_EV_SCHED] = "sched",     [CPD_EV_BLKIO] = "blkio",
	[CPD_EV_LOST] = "lost",	      [CPD_EV_REPORT] = "report",
	[CPD_EV_NOTICE] = "notice",   [CPD_EV_FINDING] = "finding",
	[CPD_EV_DNS] = "dns",
};

static size_t union_member_size(uint32_t kind)
{
	struct cpd_event *e = NULL;

	switch (kind) {
	case CPD_EV_SYSCALL:
		return sizeof(e->u.syscall);
	case CPD_EV_PROC:
		return sizeof(e->u.proc);
	case CPD_EV_FILE:
		return sizeof(e->u.file);
	case CPD_EV_NET:
		return sizeof(e->u.net);
	case CPD_EV_MMAP:
		return sizeof(e->u.mmap);
	case CPD_EV_FAULT:
		return sizeof(e->u.fault);
	case CPD_EV_SCHED:
		return sizeof(e->u.sched);
	case CPD_EV_BLKIO:
		return sizeof(e->u.blkio);
	case CPD_EV_LOST:
		return sizeof(e->u.lost);
	case CPD_EV_REPORT:
		return sizeof(e->u.report);
	case CPD_EV_NOTICE:
		return sizeof(e->u.notice);
	case CPD_EV_FINDING:
		return sizeof(e->u.finding);
	case CPD_EV_DNS:
		return sizeof(e->u.dns);
	default:
		return 0;
	}
}

/* Whether table xlat names anything (an unknown table prints numbers). */
static bool xlat_has_names(uint32_t xlat)
{
	uint64_t v;
	unsigned bit;

	for (v = 0; v < 256; v++)
		if (xlat_name(xlat, v))
			return true;
	for (bit = 0; bit < 64; bit++)
		if (xlat_name(xlat, UINT64_C(1) << bit))
			return true;
	return false;
}

/* ---- built-in kinds ------------------------------------------------------- */

static void test_builtin_tables(void)
{
	uint32_t k, n, i, j;

	for (k = CPD_EV_SYSCALL; k < ARRAY_SIZE(builtin_names); k++) {
		const struct cpd_field *f = fields_of(k, &n);
		size_t payload = fields_payload_size(k);
		unsigned keys = 0;

		if (!builtin_names[k])
			continue;

		CPD_ASSERT_STR_EQ(fields_kind_name(k), builtin_names[k]);
		CPD_ASSERT_INT_EQ(fields_kind_by_name(builtin_names[k]), k);
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		CU_ASSERT_TRUE(n > 0);
		CPD_ASSERT_UINT_EQ(payload, union_member_size(k));
		CU_ASSERT_TRUE(payload <= CPD_EVENT_PAYLOAD_SIZE);
		for (i = 0; i < n; i++) {
			size_t sz = type_size(f[i].type);
			bool ok;

			/* inside this kind's payload, and aligned for its type */
			ok = sz && f[i].offset >= PAYLOAD_AT &&
			     f[i].offset + sz <= PAYLOAD_AT + payload &&
			     f[i].offset % (sz < 8 ? sz : 8) == 0;
			if (!ok)
				fprintf(stderr, "\n%s.%s: type %u at %u\n",
					builtin_names[k], f[i].name, f[i].type,
					f[i].offset);
			CU_ASSERT_TRUE(ok);
			CU_ASSERT_TRUE(optval_valid_name(f[i].name, 31));
			CU_ASSERT_PTR_NOT_NULL(f[i].help);
			CPD_ASSERT_UINT_EQ(f[i].reserved, 0);
			/* flags and enums name a table the host can format */
			if (f[i].type == CPD_FT_FLAGS ||
			    f[i].type == CPD_FT_ENUM) {
				CU_ASSERT_TRUE(f[i].xlat != CPD_XLAT_NONE);
				CU_ASSERT_TRUE(xlat_has_names(f[i].xlat));
			}
			for (j = 0; j < i; j++)
				if (!strcmp(f[i].name, f[j].name)) {
					fprintf(stderr, "\n%s.%s twice\n",
						builtin_names[k], f[i].name);
					CU_FAIL("duplicate field name");
				}
			keys += !!(f[i].flags & CPD_FIELDF_KEY);
		}
		/* outputs need something that identifies the event */
		CU_ASSERT_TRUE(keys > 0);
	}
	/* nothing else exists until registered */
	for (k = 0; k <= CPD_EV_MAX + 1; k++) {
		if (k < ARRAY_SIZE(builtin_names) && builtin_names[k])
			continue;
		n = 99;
		CU_ASSERT_PTR_NULL(fields_kind_name(k));
		CU_ASSERT_PTR_NULL(fields_of(k, &n));
		CPD_ASSERT_UINT_EQ(n, 0);
		CPD_ASSERT_UINT_EQ(fields_payload_size(k), 0);
	}
	CPD_ASSERT_INT_EQ(fields_kind_by_name("nosuch"), -1);
	CPD_ASSERT_UINT_EQ(sizeof(((struct cpd_event *)0)->u),
			   CPD_EVENT_PAYLOAD_SIZE);
}

/* Every string field each kind has, as the copy must see it. */
static void test_builtin_string_fields(void)
{
	static const struct {
		uint32_t kind;
		const char *fields;
	} want[] = {
		{ CPD_EV_SYSCALL, "name" },
		{ CPD_EV_PROC, "path argv" },
		{ CPD_EV_FILE, "path path2 syscall" },
		{ CPD_EV_NET, "peer local syscall peer_name" },
		{ CPD_EV_MMAP, "path" },
		{ CPD_EV_FAULT, "region_name" },
		{ CPD_EV_SCHED, "" },
		{ CPD_EV_BLKIO, "" },
		{ CPD_EV_LOST, "reason" },
		{ CPD_EV_REPORT, "topic title" },
		{ CPD_EV_NOTICE, "origin text" },
		{ CPD_EV_FINDING, "id title details pids paths" },
		{ CPD_EV_DNS, "name qtype rcode answers server error" },
	};
	size_t w;

	for (w = 0; w < ARRAY_SIZE(want); w++) {
		const struct cpd_field *f;
		char got[256] = "";
		uint32_t n, i;

		f = fields_of(want[w].kind, &n);
		for (i = 0; f && i < n; i++) {
			if (f[i].type != CPD_FT_STR &&
			    f[i].type != CPD_FT_STRV &&
			    f[i].type != CPD_FT_SOCKADDR)
				continue;
			if (*got)
				strcat(got, " ");
			strcat(got, f[i].name);
		}
		CPD_ASSERT_STR_EQ(got, want[w].fields);
	}
}

/* ---- custom kinds ----------------------------------------------------------- */

struct dns_payload {
	uint64_t queries;
	struct cpd_str name;
	uint32_t rcode;
	uint32_t pad;
};

#define DNS_AT(m) (uint32_t)(PAYLOAD_AT + offsetof(struct dns_payload, m))

static const struct cpd_field dns_fields[] = {
	{ .name = "queries",
	  .type = CPD_FT_U64,
	  .offset = DNS_AT(queries),
	  .flags = CPD_FIELDF_KEY,
	  .help = "queries" },
	{ .name = "name",
	  .type = CPD_FT_STR,
	  .offset = DNS_AT(name),
	  .help = "name asked for" },
	{ .name = "rcode",
	  .type = CPD_FT_U32,
	  .offset = DNS_AT(rcode),
	  .help = "answer code" },
};

static const struct cpd_kind_desc dns_kind = {
	.struct_size = sizeof(struct cpd_kind_desc),
	.nfields = 3,
	.name = "whois",
	.description = "name lookups",
	.fields = dns_fields,
};

static char why[256];

static int reg(const struct cpd_kind_desc *d)
{
	why[0] = '\0';
	return fields_register(d, why, sizeof(why));
}

static void test_register(void)
{
	uint32_t n;

	CPD_ASSERT_INT_EQ(reg(&dns_kind), CPD_EV_CUSTOM_FIRST);
	CPD_ASSERT_STR_EQ(fields_kind_name(CPD_EV_CUSTOM_FIRST), "whois");
	CPD_ASSERT_INT_EQ(fields_kind_by_name("whois"), CPD_EV_CUSTOM_FIRST);
	CU_ASSERT_PTR_EQUAL(fields_of(CPD_EV_CUSTOM_FIRST, &n), dns_fields);
	CPD_ASSERT_UINT_EQ(n, 3);
	/* up to the end of the last field */
	CPD_ASSERT_UINT_EQ(fields_payload_size(CPD_EV_CUSTOM_FIRST),
			   offsetof(struct dns_payload, rcode) + 4);

	CPD_ASSERT_INT_EQ(reg(&dns_kind), -EEXIST);
	CPD_ASSERT_STR_EQ(why, "event kind 'whois' already exists");
	{
		struct cpd_kind_desc file = dns_kind;

		file.name = "file";
		CPD_ASSERT_INT_EQ(reg(&file), -EEXIST);
		CPD_ASSERT_STR_EQ(why, "event kind 'file' already exists");
	}
	/* forgotten with the plugins that registered them */
	fields_reset();
	CU_ASSERT_PTR_NULL(fields_kind_name(CPD_EV_CUSTOM_FIRST));
	CPD_ASSERT_INT_EQ(fields_kind_by_name("whois"), -1);
	CPD_ASSERT_INT_EQ(reg(&dns_kind), CPD_EV_CUSTOM_FIRST);
}

static void test_register_bad(void)
{
	struct cpd_field f[2];
	struct cpd_kind_desc d = dns_kind;

	d.name = "bad";
	d.fields = f;
	d.nfields = 1;

	memcpy(f, dns_fields, sizeof(f));
	f[0].offset = PAYLOAD_AT - 8; /* in the header */
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why, "field 0 of kind 'bad' has a bad name, type or offset");
	f[0].offset = PAYLOAD_AT + CPD_EVENT_PAYLOAD_SIZE - 4; /* 8 bytes */
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	f[0].offset = PAYLOAD_AT + CPD_EVENT_PAYLOAD_SIZE - 8; /* just fits */
	CPD_ASSERT_INT_EQ(reg(&d), CPD_EV_CUSTOM_FIRST);
	CPD_ASSERT_UINT_EQ(fields_payload_size(CPD_EV_CUSTOM_FIRST),
			   CPD_EVENT_PAYLOAD_SIZE);
	fields_reset();

	memcpy(f, dns_fields, sizeof(f));
	f[0].type = 99;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	f[0].type = 0;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	f[0].type = CPD_FT_U64;
	f[0].name = NULL;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why, "field 0 of kind 'bad' has a bad name, type or offset");

	memcpy(f, dns_fields, sizeof(f));
	f[1] = f[0];
	f[1].offset += 8;
	d.nfields = 2;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(why,
			  "field 'queries' of kind 'bad' is declared twice");

	d = dns_kind;
	d.name = "Bad";
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "kind name 'Bad' is not [a-z0-9_]+");
	d.name = NULL;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "kind name '(null)' is not [a-z0-9_]+");
	d = dns_kind;
	d.nfields = 0;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "kind descriptor is incomplete");
	d = dns_kind;
	d.struct_size = 8;
	CPD_ASSERT_INT_EQ(reg(&d), -EINVAL);
	CPD_ASSERT_INT_EQ(reg(NULL), -EINVAL);
	/* none of the failures took a number */
	CU_ASSERT_PTR_NULL(fields_kind_name(CPD_EV_CUSTOM_FIRST));
}

static void test_register_exhausted(void)
{
	static char names[CPD_EV_MAX - CPD_EV_CUSTOM_FIRST + 1][16];
	static struct cpd_kind_desc descs[CPD_EV_MAX - CPD_EV_CUSTOM_FIRST + 1];
	struct cpd_kind_desc extra = dns_kind;
	int k;

	for (k = CPD_EV_CUSTOM_FIRST; k <= CPD_EV_MAX; k++) {
		size_t i = (size_t)(k - CPD_EV_CUSTOM_FIRST);

		snprintf(names[i], sizeof(names[i]), "k%d", k);
		descs[i] = dns_kind;
		descs[i].name = names[i];
		CPD_ASSERT_INT_EQ(reg(&descs[i]), k);
	}
	CPD_ASSERT_STR_EQ(fields_kind_name(CPD_EV_MAX), "k63");
	extra.name = "one_more";
	CPD_ASSERT_INT_EQ(reg(&extra), -ENOSPC);
	CPD_ASSERT_STR_EQ(why, "no event kind numbers left");
}

/* ---- deep copies --------------------------------------------------------------- */

/*
 * Fill every string a kind's table names with a malloc'd string of its
 * own ("file.path"), the comm too; free them after the copy and scribble
 * the original event: the copy must not notice.
 */
struct strings {
	char *s[32];
	size_t n;
};

/* "file.path"; "finding-id" for a finding's rule id, which has no dots */
static const char *own_sep(const char *kind, const char *field)
{
	return strcmp(kind, "finding") || strcmp(field, "id") ? "." : "-";
}

static char *own(struct strings *st, const char *kind, const char *field)
{
	char *p;

	if (asprintf(&p, "%s%s%s", kind, own_sep(kind, field), field) < 0 ||
	    st->n >= 32)
		return NULL;
	st->s[st->n++] = p;
	return p;
}

static void set_str(struct cpd_str *s, const char *p)
{
	s->ptr = p;
	s->len = p ? (uint32_t)strlen(p) : 0;
	s->flags = CPD_STR_TRUNCATED;
}

static void test_evcopy_every_kind(void)
{
	uint32_t k;

	for (k = CPD_EV_SYSCALL; k <= CPD_EV_FINDING; k++) {
		const struct cpd_field *f;
		struct strings st = { .n = 0 };
		struct cpd_event ev, *copy;
		char why2[256];
		uint32_t n, i;
		size_t s;

		if (k == CPD_EV_REPORT)
			continue; /* needs its kv: below */
		memset(&ev, 0, sizeof(ev));
		ev.kind = (uint16_t)k;
		ev.pid = 99;
		set_str(&ev.comm, own(&st, "comm", "x"));
		f = fields_of(k, &n);
		for (i = 0; i < n; i++) {
			char *at = (char *)&ev + f[i].offset;

			if (f[i].type == CPD_FT_STR || f[i].type == CPD_FT_STRV)
				set_str((struct cpd_str *)at,
					own(&st, builtin_names[k], f[i].name));
			else if (f[i].type == CPD_FT_SOCKADDR) {
				struct cpd_sockaddr *sa = (void *)at;

				sa->family = 1;
				set_str(&sa->path,
					own(&st, builtin_names[k], f[i].name));
			}
		}
		if (k == CPD_EV_FINDING)
			ev.u.finding.severity = CPD_SEV_INFO;
		CPD_ASSERT_INT_EQ(
			evcopy_check(&ev, sizeof(ev), why2, sizeof(why2)), 0);
		copy = evcopy_dup(&ev, sizeof(ev));
		for (s = 0; s < st.n; s++) {
			memset(st.s[s], '#', strlen(st.s[s]));
			free(st.s[s]);
		}
		memset(&ev, 0xa5, sizeof(ev));

		CPD_ASSERT_UINT_EQ(copy->size, sizeof(*copy));
		CPD_ASSERT_INT_EQ(copy->kind, k);
		CPD_ASSERT_INT_EQ(copy->pid, 99);
		CPD_ASSERT_STR_EQ(copy->comm.ptr, "comm.x");
		for (i = 0; i < n; i++) {
			const char *at = (const char *)copy + f[i].offset;
			const struct cpd_str *cs = NULL;
			char want[64];

			if (f[i].type == CPD_FT_STR || f[i].type == CPD_FT_STRV)
				cs = (const void *)at;
			else if (f[i].type == CPD_FT_SOCKADDR)
				cs = &((const struct cpd_sockaddr *)at)->path;
			if (!cs)
				continue;
			snprintf(want, sizeof(want), "%s%s%s", builtin_names[k],
				 own_sep(builtin_names[k], f[i].name),
				 f[i].name);
			CU_ASSERT_PTR_NOT_NULL_FATAL(cs->ptr);
			/* len bytes and a terminating NUL, flags kept */
			CPD_ASSERT_UINT_EQ(cs->len, strlen(want));
			CPD_ASSERT_STR_EQ(cs->ptr, want);
			CPD_ASSERT_UINT_EQ(cs->flags, CPD_STR_TRUNCATED);
		}
		free(copy); /* one allocation holds everything */
	}
}

static void test_evcopy_strv_and_absent(void)
{
	static const char argv[] = "ls\0-l\0/tmp"; /* 3 args, 10 bytes */
	struct cpd_event ev, *copy;
	char path[16] = "/bin/ls";

	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_PROC;
	ev.u.proc.op = CPD_PROC_EXEC;
	ev.u.proc.argv.ptr = argv;
	ev.u.proc.argv.len = sizeof(argv) - 1;
	ev.u.proc.argc = 3;
	/* a length shorter than the text: only len bytes are taken */
	ev.u.proc.path.ptr = path;
	ev.u.proc.path.len = 4;
	copy = evcopy_dup(&ev, sizeof(ev));
	memset(path, 0, sizeof(path));
	CPD_ASSERT_UINT_EQ(copy->u.proc.argv.len, 10);
	CU_ASSERT_TRUE(!memcmp(copy->u.proc.argv.ptr, argv, 10));
	CU_ASSERT_PTR_NOT_EQUAL(copy->u.proc.argv.ptr, argv);
	CPD_ASSERT_INT_EQ(copy->u.proc.argv.ptr[10], '\0');
	CPD_ASSERT_STR_EQ(copy->u.proc.path.ptr, "/bin");
	/* absent strings stay absent, not "" */
	CU_ASSERT_PTR_NULL(copy->comm.ptr);
	CPD_ASSERT_UINT_EQ(copy->comm.len, 0);
	free(copy);

	/* an empty string is not an absent one */
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_LOST;
	ev.u.lost.reason.ptr = "";
	copy = evcopy_dup(&ev, sizeof(ev));
	CU_ASSERT_PTR_NOT_NULL(copy->u.lost.reason.ptr);
	CPD_ASSERT_STR_EQ(copy->u.lost.reason.ptr, "");
	free(copy);
}

static void test_evcopy_report(void)
{
	char k[3][8] = { "a", "b", "c" }, label[8] = "Label", v[8] = "value";
	char topic[16] = "net.conns";
	struct cpd_kv kv[3];
	struct cpd_event ev, *copy;
	char why2[256];

	memset(kv, 0, sizeof(kv));
	kv[0].key = (struct cpd_str){ k[0], 1, 0 };
	kv[0].label = (struct cpd_str){ label, 5, 0 };
	kv[0].type = CPD_KV_STR;
	kv[0].v.str = (struct cpd_str){ v, 5, 0 };
	kv[1].key = (struct cpd_str){ k[1], 1, 0 };
	kv[1].type = CPD_KV_S64;
	kv[1].v.s64 = -12;
	kv[2].key = (struct cpd_str){ k[2], 1, 0 };
	kv[2].type = CPD_KV_STR; /* an absent string value */
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = (struct cpd_str){ topic, 9, 0 };
	ev.u.report.nkv = 3;
	ev.u.report.kv = kv;
	CPD_ASSERT_INT_EQ(evcopy_check(&ev, sizeof(ev), why2, sizeof(why2)), 0);
	copy = evcopy_dup(&ev, sizeof(ev));
	memset(kv, 0, sizeof(kv));
	memset(k, 'x', sizeof(k));
	memset(label, 'x', sizeof(label));
	memset(v, 'x', sizeof(v));
	memset(topic, 'x', sizeof(topic));

	CU_ASSERT_PTR_NOT_EQUAL(copy->u.report.kv, kv);
	CPD_ASSERT_STR_EQ(copy->u.report.topic.ptr, "net.conns");
	CPD_ASSERT_UINT_EQ(copy->u.report.nkv, 3);
	CPD_ASSERT_STR_EQ(copy->u.report.kv[0].key.ptr, "a");
	CPD_ASSERT_STR_EQ(copy->u.report.kv[0].label.ptr, "Label");
	CPD_ASSERT_STR_EQ(copy->u.report.kv[0].v.str.ptr, "value");
	CPD_ASSERT_STR_EQ(copy->u.report.kv[1].key.ptr, "b");
	CPD_ASSERT_INT_EQ(copy->u.report.kv[1].v.s64, -12);
	CU_ASSERT_PTR_NULL(copy->u.report.kv[1].label.ptr);
	CPD_ASSERT_STR_EQ(copy->u.report.kv[2].key.ptr, "c");
	CU_ASSERT_PTR_NULL(copy->u.report.kv[2].v.str.ptr);
	free(copy);
}

static void test_evcopy_custom_kind(void)
{
	struct dns_payload p = { .queries = 3, .rcode = 2 };
	struct cpd_event ev, *copy;
	char name[32] = "example.org", why2[256];
	int kind = reg(&dns_kind);

	CU_ASSERT_EQUAL_FATAL(kind, CPD_EV_CUSTOM_FIRST);
	memset(&ev, 0, sizeof(ev));
	ev.kind = (uint16_t)kind;
	p.name = (struct cpd_str){ name, 11, 0 };
	memcpy(ev.u.custom, &p, sizeof(p));
	CPD_ASSERT_INT_EQ(evcopy_check(&ev, sizeof(ev), why2, sizeof(why2)), 0);
	copy = evcopy_dup(&ev, sizeof(ev));
	memset(name, 'x', sizeof(name));
	memcpy(&p, copy->u.custom, sizeof(p));
	CPD_ASSERT_UINT_EQ(p.queries, 3);
	CPD_ASSERT_UINT_EQ(p.rcode, 2);
	CPD_ASSERT_STR_EQ(p.name.ptr, "example.org");
	free(copy);

	/* a custom kind's strings are checked like built-in ones */
	p.name.ptr = NULL;
	memcpy(ev.u.custom, &p, sizeof(p));
	CPD_ASSERT_INT_EQ(evcopy_check(&ev, sizeof(ev), why2, sizeof(why2)),
			  -EINVAL);
	CPD_ASSERT_STR_EQ(
		why2,
		"whois event has a string with no data or over 1048576 bytes");
}

/* A finding is matched on by its rule id and read by its title. */
static void test_evcopy_finding_rules(void)
{
	static const struct {
		const char *id, *title;
		uint32_t severity;
		const char *why;
	} cases[] = {
		{ "failed-open", "x", CPD_SEV_WARNING, NULL },
		{ "", "x", CPD_SEV_WARNING,
		  "finding without a rule id of 1 to 63 bytes" },
		{ "Failed_Open", "x", CPD_SEV_WARNING,
		  "finding rule id 'Failed_Open' is not [a-z0-9-]+" },
		{ "a\nb", "x", CPD_SEV_INFO,
		  "finding rule id 'a\nb' is not [a-z0-9-]+" },
		{ "exit", "x", 0, "finding 'exit' has severity 0, not 1 to 4" },
		{ "exit", "x", 5, "finding 'exit' has severity 5, not 1 to 4" },
		{ "exit", "", CPD_SEV_ERROR, "finding 'exit' has no title" },
		{ "0123456789012345678901234567890123456789012345678901234567890123",
		  "x", CPD_SEV_INFO,
		  "finding without a rule id of 1 to 63 bytes" },
	};
	struct cpd_event ev;
	char why2[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(&ev, 0, sizeof(ev));
		ev.kind = CPD_EV_FINDING;
		ev.u.finding.id.ptr = cases[i].id;
		ev.u.finding.id.len = (uint32_t)strlen(cases[i].id);
		ev.u.finding.title.ptr = cases[i].title;
		ev.u.finding.title.len = (uint32_t)strlen(cases[i].title);
		ev.u.finding.severity = cases[i].severity;
		why2[0] = '\0';
		CPD_ASSERT_INT_EQ(
			evcopy_check(&ev, sizeof(ev), why2, sizeof(why2)),
			cases[i].why ? -EINVAL : 0);
		if (cases[i].why)
			CPD_ASSERT_STR_EQ(why2, cases[i].why);
	}
}

static CU_TestInfo fields_tests[] = {
	{ "builtin_tables_describe_their_payload", test_builtin_tables },
	{ "builtin_string_fields", test_builtin_string_fields },
	{ "register_custom_kind", test_register },
	{ "register_refuses_bad_tables", test_register_bad },
	{ "register_runs_out_of_kinds", test_register_exhausted },
	{ "evcopy_every_string_of_every_kind", test_evcopy_every_kind },
	{ "evcopy_strv_and_absent_strings", test_evcopy_strv_and_absent },
	{ "evcopy_report_kv", test_evcopy_report },
	{ "evcopy_custom_kind", test_evcopy_custom_kind },
	{ "evcopy_finding_rules", test_evcopy_finding_rules },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "fields", .pSetUpFunc = setup, .pTests = fields_tests },
	CU_SUITE_INFO_NULL,
};
