// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Option values (core/host/optval.c) and option tables applied to config
 * sections (core/host/options.c): every type's syntax and bounds, the messages
 * a user sees, and the bytes written into a plugin's state.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "host/config.h"
#include "host/options.h"
#include "host/optval.h"

/* ---- optval_parse, type by type ----------------------------------------- */

static struct optval val;
static char why[256];

static int parse_as(const struct cpd_option *o, const char *text)
{
	why[0] = '\0';
	return optval_parse(o, text, &val, why, sizeof(why));
}

static const struct cpd_option opt_bool = { .name = "b", .type = CPD_OPT_BOOL };

static void test_bool(void)
{
	static const char *const yes[] = { "yes", "true", "on", "1",
					   "YES", "True", "oN" };
	static const char *const no[] = { "no", "false", "off",
					  "0",	"NO",	 "False" };
	static const char *const bad[] = {
		"maybe", "", "2", "yess", "y", " yes"
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		CPD_ASSERT_INT_EQ(parse_as(&opt_bool, yes[i]), 0);
		CU_ASSERT_TRUE(val.v.b);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		val.v.b = true;
		CPD_ASSERT_INT_EQ(parse_as(&opt_bool, no[i]), 0);
		CU_ASSERT_FALSE(val.v.b);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		CPD_ASSERT_INT_EQ(parse_as(&opt_bool, bad[i]), -EINVAL);
		CPD_ASSERT_STR_EQ(why, "expected yes or no");
	}
}

static void test_int(void)
{
	struct cpd_option o = { .name = "i", .type = CPD_OPT_INT };

	CPD_ASSERT_INT_EQ(parse_as(&o, "-5"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, -5);
	CPD_ASSERT_INT_EQ(parse_as(&o, "0x10"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, 16);
	/* a leading zero is decimal, never a quiet octal */
	CPD_ASSERT_INT_EQ(parse_as(&o, "0100"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, 100);
	CPD_ASSERT_INT_EQ(parse_as(&o, "-010"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, -10);
	CPD_ASSERT_INT_EQ(parse_as(&o, "9223372036854775807"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, INT64_MAX);
	CPD_ASSERT_INT_EQ(parse_as(&o, "-9223372036854775808"), 0);
	CPD_ASSERT_INT_EQ(val.v.i, INT64_MIN);
	CPD_ASSERT_INT_EQ(parse_as(&o, "9223372036854775808"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected an integer");
	CPD_ASSERT_INT_EQ(parse_as(&o, "abc"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected an integer");
	CPD_ASSERT_INT_EQ(parse_as(&o, ""), -EINVAL);
	CPD_ASSERT_INT_EQ(parse_as(&o, "12abc"), -EINVAL);

	o.min = -10;
	o.max = 10;
	CPD_ASSERT_INT_EQ(parse_as(&o, "-10"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "10"), 0);
	CU_ASSERT_TRUE(parse_as(&o, "11") < 0);
	CPD_ASSERT_STR_EQ(why, "must be between -10 and 10");
	CU_ASSERT_TRUE(parse_as(&o, "-11") < 0);
	CPD_ASSERT_STR_EQ(why, "must be between -10 and 10");
}

static void test_uint(void)
{
	struct cpd_option o = { .name = "u", .type = CPD_OPT_UINT };

	CPD_ASSERT_INT_EQ(parse_as(&o, "42"), 0);
	CPD_ASSERT_UINT_EQ(val.v.u, 42);
	CPD_ASSERT_INT_EQ(parse_as(&o, "0"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "18446744073709551615"), 0);
	CPD_ASSERT_UINT_EQ(val.v.u, UINT64_MAX);
	CPD_ASSERT_INT_EQ(parse_as(&o, "18446744073709551616"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected a non-negative integer");
	/* strtoull would quietly wrap "-1" to UINT64_MAX */
	CPD_ASSERT_INT_EQ(parse_as(&o, "-1"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected a non-negative integer");
	CPD_ASSERT_INT_EQ(parse_as(&o, " 1"), -EINVAL);

	o.min = 1;
	o.max = 1000;
	CU_ASSERT_TRUE(parse_as(&o, "0") < 0);
	CPD_ASSERT_STR_EQ(why, "must be between 1 and 1000");
	CPD_ASSERT_INT_EQ(parse_as(&o, "1"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "1000"), 0);
	CU_ASSERT_TRUE(parse_as(&o, "1001") < 0);
	CU_ASSERT_TRUE(parse_as(&o, "18446744073709551615") < 0);
}

static void test_size(void)
{
	static const struct {
		const char *text;
		uint64_t want;
	} good[] = {
		{ "4096", 4096 },
		{ "0", 0 },
		{ "64k", 65536 },
		{ "64K", 65536 },
		{ "2kb", 2048 },
		{ "3KiB", 3072 },
		{ "5 k", 5120 },
		{ "16M", 16 << 20 },
		{ "16mib", 16 << 20 },
		{ "1G", 1 << 30 },
		{ "7b", 7 },
		{ "17179869183G", UINT64_C(17179869183) << 30 },
	};
	static const char *const bad[] = { "1.5k",
					   "k",
					   "-1",
					   "16T",
					   "",
					   "64 kk",
					   "18014398509481984k",
					   "99999999999999999999" };
	struct cpd_option o = { .name = "s", .type = CPD_OPT_SIZE };
	uint64_t v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		CPD_ASSERT_INT_EQ(parse_as(&o, good[i].text), 0);
		CPD_ASSERT_UINT_EQ(val.v.u, good[i].want);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		CU_ASSERT_TRUE(parse_as(&o, bad[i]) < 0);
		CPD_ASSERT_STR_EQ(
			why, "expected a size such as 4096, 64k, 16M or 1G");
	}
	/* overflow is told apart from bad syntax */
	CPD_ASSERT_INT_EQ(optval_parse_size("18014398509481984k", &v), -ERANGE);
	CPD_ASSERT_INT_EQ(optval_parse_size("18014398509481983k", &v), 0);
	CPD_ASSERT_UINT_EQ(v, UINT64_C(18014398509481983) << 10);
	CPD_ASSERT_INT_EQ(optval_parse_size("16T", &v), -EINVAL);

	o.min = 4096;
	o.max = 1 << 20;
	CU_ASSERT_TRUE(parse_as(&o, "4095") < 0);
	CPD_ASSERT_STR_EQ(why, "must be between 4096 and 1048576");
	CPD_ASSERT_INT_EQ(parse_as(&o, "4k"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "1M"), 0);
	CU_ASSERT_TRUE(parse_as(&o, "1025k") < 0);
}

static void test_duration(void)
{
	static const struct {
		const char *text;
		uint64_t want;
	} good[] = {
		{ "500ns", 500 },
		{ "10us", 10000 },
		{ "5ms", 5000000 },
		{ "2s", 2000000000 },
		{ "1m", UINT64_C(60000000000) },
		{ "1min", UINT64_C(60000000000) },
		{ "0s", 0 },
		{ "3 MS", 3000000 },
	};
	/* a bare number has no obvious unit: refused rather than guessed */
	static const char *const bad[] = {
		"5", "5h", "1.5s", "s", "-1s", "", "18446744073709551615s"
	};
	struct cpd_option o = { .name = "d", .type = CPD_OPT_DURATION };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		CPD_ASSERT_INT_EQ(parse_as(&o, good[i].text), 0);
		CPD_ASSERT_UINT_EQ(val.v.u, good[i].want);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		CU_ASSERT_TRUE(parse_as(&o, bad[i]) < 0);
		CPD_ASSERT_STR_EQ(
			why, "expected a duration such as 500us, 5ms or 2s");
	}
	o.min = 1000000;
	o.max = 2000000000;
	CU_ASSERT_TRUE(parse_as(&o, "999us") < 0);
	CPD_ASSERT_STR_EQ(why, "must be between 1000000 and 2000000000");
	CPD_ASSERT_INT_EQ(parse_as(&o, "1ms"), 0);
}

static const char *const modes[] = { "fast", "slow", "careful", NULL };

static void test_enum(void)
{
	struct cpd_option o = { .name = "e",
				.type = CPD_OPT_ENUM,
				.choices = modes };

	CPD_ASSERT_INT_EQ(parse_as(&o, "fast"), 0);
	CPD_ASSERT_INT_EQ(val.v.e, 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "careful"), 0);
	CPD_ASSERT_INT_EQ(val.v.e, 2);
	CPD_ASSERT_INT_EQ(parse_as(&o, "SLOW"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected one of fast, slow, careful");
	CPD_ASSERT_INT_EQ(parse_as(&o, ""), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected one of fast, slow, careful");
}

/* A list with choices: each item one of them (Since: ABI 1.1). */
static void test_list_choices(void)
{
	struct cpd_option o = { .name = "l",
				.type = CPD_OPT_LIST,
				.choices = modes };
	struct cpd_option any = { .name = "a", .type = CPD_OPT_LIST };

	CPD_ASSERT_INT_EQ(parse_as(&o, "fast"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "careful, fast,slow"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, ""), 0);
	CPD_ASSERT_INT_EQ(parse_as(&o, "fast, quick"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "'quick': expected one of fast, slow, careful");
	CPD_ASSERT_INT_EQ(parse_as(&any, "fast, quick"), 0);
}

static void test_strings_and_paths(void)
{
	struct cpd_option s = { .name = "s", .type = CPD_OPT_STRING };
	struct cpd_option p = { .name = "p", .type = CPD_OPT_PATH };
	struct cpd_option x = { .name = "x", .type = 99 };

	CPD_ASSERT_INT_EQ(parse_as(&s, ""), 0);
	CPD_ASSERT_INT_EQ(parse_as(&s, "any thing; at all"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&p, "-"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&p, "/tmp/x y"), 0);
	CPD_ASSERT_INT_EQ(parse_as(&p, ""), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "expected a path");
	CPD_ASSERT_INT_EQ(parse_as(&x, "1"), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "option has unknown type 99");
}

static void expect_list(const char *text, const char *const *want)
{
	size_t n = 99, i;
	char **list = optval_split_list(text, &n);

	for (i = 0; want[i]; i++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(list[i]);
		CPD_ASSERT_STR_EQ(list[i], want[i]);
	}
	CU_ASSERT_PTR_NULL(list[i]);
	CPD_ASSERT_UINT_EQ(n, i);
	optval_free_list(list);
}

static void test_split_list(void)
{
	static const char *const abc[] = { "a", "b", "c", NULL };
	static const char *const none[] = { NULL };
	static const char *const one[] = { "one two", NULL };

	expect_list("a,b,c", abc);
	expect_list(" a , b\t,,\tc ,", abc);
	expect_list("", none);
	expect_list(" , ,\t", none);
	/* spaces inside an item stay */
	expect_list("  one two  ", one);
	optval_free_list(NULL);
}

static void test_names_and_types(void)
{
	static const uint32_t types[] = { CPD_OPT_BOOL,	    CPD_OPT_INT,
					  CPD_OPT_UINT,	    CPD_OPT_SIZE,
					  CPD_OPT_DURATION, CPD_OPT_STRING,
					  CPD_OPT_PATH,	    CPD_OPT_ENUM,
					  CPD_OPT_LIST };
	static const char *const names[] = { "bool", "int",	 "uint",
					     "size", "duration", "string",
					     "path", "enum",	 "list" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		CPD_ASSERT_STR_EQ(optval_type_name(types[i]), names[i]);
	CU_ASSERT_PTR_NULL(optval_type_name(0));
	CU_ASSERT_PTR_NULL(optval_type_name(10));

	CU_ASSERT_TRUE(optval_valid_name("abc_1", 31));
	CU_ASSERT_TRUE(optval_valid_name("0", 31));
	CU_ASSERT_FALSE(optval_valid_name("", 31));
	CU_ASSERT_FALSE(optval_valid_name(NULL, 31));
	CU_ASSERT_FALSE(optval_valid_name("Abc", 31));
	CU_ASSERT_FALSE(optval_valid_name("a-b", 31));
	CU_ASSERT_FALSE(optval_valid_name("a/b", 31));
	CU_ASSERT_FALSE(optval_valid_name("..", 31));
	CU_ASSERT_FALSE(optval_valid_name("a b", 31));
	CU_ASSERT_TRUE(optval_valid_name("abcd", 4));
	CU_ASSERT_FALSE(optval_valid_name("abcde", 4));
}

/* ---- option tables -------------------------------------------------------- */

static int check_table(const struct cpd_option *t)
{
	why[0] = '\0';
	return optval_check_table(t, why, sizeof(why));
}

static void test_check_table(void)
{
	static const char *const no_choices[] = { NULL };
	static const char *const c1[] = { "x", "y", NULL };
	const struct cpd_option ok[] = {
		{ .name = "a", .type = CPD_OPT_BOOL, .def = "yes" },
		{ .name = "b",
		  .type = CPD_OPT_ENUM,
		  .choices = c1,
		  .def = "y" },
		{ .name = "c",
		  .type = CPD_OPT_SIZE,
		  .def = "4k",
		  .min = 1,
		  .max = 8192 },
		CPD_OPTION_END
	};
	const struct cpd_option bad_name[] = {
		{ .name = "Bad", .type = CPD_OPT_BOOL }, CPD_OPTION_END
	};
	const struct cpd_option long_name[] = {
		{ .name = "a23456789012345678901234567890123456789012",
		  .type = CPD_OPT_BOOL },
		CPD_OPTION_END
	};
	const struct cpd_option dup[] = { { .name = "x", .type = CPD_OPT_BOOL },
					  { .name = "y", .type = CPD_OPT_INT },
					  { .name = "x", .type = CPD_OPT_INT },
					  CPD_OPTION_END };
	const struct cpd_option enum_null[] = {
		{ .name = "e", .type = CPD_OPT_ENUM }, CPD_OPTION_END
	};
	const struct cpd_option enum_empty[] = {
		{ .name = "e", .type = CPD_OPT_ENUM, .choices = no_choices },
		CPD_OPTION_END
	};
	const struct cpd_option bad_def[] = {
		{ .name = "s", .type = CPD_OPT_SIZE, .def = "lots" },
		CPD_OPTION_END
	};
	const struct cpd_option def_out_of_bounds[] = { { .name = "n",
							  .type = CPD_OPT_UINT,
							  .def = "0",
							  .min = 1,
							  .max = 10 },
							CPD_OPTION_END };
	const struct cpd_option enum_bad_def[] = { { .name = "e",
						     .type = CPD_OPT_ENUM,
						     .choices = c1,
						     .def = "z" },
						   CPD_OPTION_END };
	const struct cpd_option bad_type[] = { { .name = "t", .type = 99 },
					       CPD_OPTION_END };
	const struct cpd_option empty[] = { CPD_OPTION_END };

	CPD_ASSERT_INT_EQ(check_table(ok), 0);
	CPD_ASSERT_INT_EQ(check_table(empty), 0);
	CPD_ASSERT_INT_EQ(check_table(NULL), 0);

	CPD_ASSERT_INT_EQ(check_table(bad_name), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "option name 'Bad' is not [a-z0-9_]+");
	CPD_ASSERT_INT_EQ(check_table(long_name), -EINVAL);
	CPD_ASSERT_CONTAINS(why, "is not [a-z0-9_]+");
	CPD_ASSERT_INT_EQ(check_table(dup), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "option 'x' declared twice");
	CPD_ASSERT_INT_EQ(check_table(enum_null), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "enum option 'e' has no choices");
	CPD_ASSERT_INT_EQ(check_table(enum_empty), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "enum option 'e' has no choices");
	CPD_ASSERT_INT_EQ(check_table(bad_def), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"default 'lots' of option 's' is invalid: expected a size such as 4096, 64k, 16M or 1G");
	CPD_ASSERT_INT_EQ(check_table(def_out_of_bounds), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"default '0' of option 'n' is invalid: must be between 1 and 10");
	CPD_ASSERT_INT_EQ(check_table(enum_bad_def), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"default 'z' of option 'e' is invalid: expected one of x, y");
	CPD_ASSERT_INT_EQ(check_table(bad_type), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "option 't' has unknown type 99");
}

/* ---- applying a section to a state ---------------------------------------- */

struct all {
	uint32_t canary_a;
	bool b;
	int64_t i;
	uint64_t u;
	uint64_t size;
	uint64_t dur;
	const char *str;
	const char *path;
	int32_t e;
	const char *const *list;
	const char *nodef_str;
	uint64_t nodef_u;
	bool nodef_b;
	const char *const *nodef_list;
	uint32_t canary_b;
};

#define AT(m) offsetof(struct all, m)

static const struct cpd_option all_opts[] = {
	{ .name = "b", .type = CPD_OPT_BOOL, .def = "yes", .offset = AT(b) },
	{ .name = "i", .type = CPD_OPT_INT, .def = "-7", .offset = AT(i) },
	{ .name = "u",
	  .type = CPD_OPT_UINT,
	  .def = "7",
	  .offset = AT(u),
	  .min = 1,
	  .max = 100 },
	{ .name = "size",
	  .type = CPD_OPT_SIZE,
	  .def = "64k",
	  .offset = AT(size) },
	{ .name = "dur",
	  .type = CPD_OPT_DURATION,
	  .def = "5ms",
	  .offset = AT(dur) },
	{ .name = "str",
	  .type = CPD_OPT_STRING,
	  .def = "hello",
	  .offset = AT(str) },
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .def = "-",
	  .offset = AT(path) },
	{ .name = "e",
	  .type = CPD_OPT_ENUM,
	  .def = "slow",
	  .choices = modes,
	  .offset = AT(e) },
	{ .name = "list",
	  .type = CPD_OPT_LIST,
	  .def = "x, y",
	  .offset = AT(list) },
	{ .name = "nodef_str",
	  .type = CPD_OPT_STRING,
	  .offset = AT(nodef_str) },
	{ .name = "nodef_u", .type = CPD_OPT_UINT, .offset = AT(nodef_u) },
	{ .name = "nodef_b", .type = CPD_OPT_BOOL, .offset = AT(nodef_b) },
	{ .name = "nodef_list",
	  .type = CPD_OPT_LIST,
	  .offset = AT(nodef_list) },
	CPD_OPTION_END
};

static void **owned;
static size_t nowned, capowned;

static void owned_free(void)
{
	options_free_owned(owned, nowned);
	owned = NULL;
	nowned = capowned = 0;
}

static void all_garbage(struct all *a)
{
	memset(a, 0x5a, sizeof(*a));
	a->canary_a = a->canary_b = 0xc0ffee;
}

static size_t list_len(const char *const *l)
{
	size_t n = 0;

	while (l && l[n])
		n++;
	return n;
}

static void test_apply_defaults(void)
{
	struct all a;

	all_garbage(&a);
	CPD_ASSERT_INT_EQ(
		options_apply(all_opts, NULL, &a, &owned, &nowned, &capowned),
		0);
	CU_ASSERT_TRUE(a.b);
	CPD_ASSERT_INT_EQ(a.i, -7);
	CPD_ASSERT_UINT_EQ(a.u, 7);
	CPD_ASSERT_UINT_EQ(a.size, 65536);
	CPD_ASSERT_UINT_EQ(a.dur, 5000000);
	CPD_ASSERT_STR_EQ(a.str, "hello");
	CPD_ASSERT_STR_EQ(a.path, "-");
	CPD_ASSERT_INT_EQ(a.e, 1);
	CPD_ASSERT_UINT_EQ(list_len(a.list), 2);
	CPD_ASSERT_STR_EQ(a.list[0], "x");
	CPD_ASSERT_STR_EQ(a.list[1], "y");
	/* no default: the zero value of the type, every byte of it */
	CU_ASSERT_PTR_NULL(a.nodef_str);
	CPD_ASSERT_UINT_EQ(a.nodef_u, 0);
	CU_ASSERT_FALSE(a.nodef_b);
	CU_ASSERT_PTR_NOT_NULL(a.nodef_list);
	CPD_ASSERT_UINT_EQ(list_len(a.nodef_list), 0);
	/* nothing written outside the declared fields */
	CPD_ASSERT_UINT_EQ(a.canary_a, 0xc0ffee);
	CPD_ASSERT_UINT_EQ(a.canary_b, 0xc0ffee);
	owned_free();
}

static struct config cfg;

static struct config_section *new_section(const char *name)
{
	config_free(&cfg);
	config_init(&cfg);
	return config_add_section(&cfg, name, "t.conf", 1);
}

static void test_apply_values(void)
{
	struct config_section *sec = new_section("all");
	const char *entry_str;
	struct all a;

	config_add_entry(sec, "b", "off", "t.conf", 2);
	config_add_entry(sec, "i", "0x20", "t.conf", 3);
	config_add_entry(sec, "u", "5", "t.conf", 4);
	config_add_entry(sec, "u", "99", "t.conf", 5); /* the last wins */
	config_add_entry(sec, "size", "2M", "t.conf", 6);
	config_add_entry(sec, "dur", "2s", "t.conf", 7);
	config_add_entry(sec, "str", "", "t.conf", 8);
	config_add_entry(sec, "path", "/tmp/out.csv", "t.conf", 9);
	config_add_entry(sec, "e", "careful", "t.conf", 10);
	config_add_entry(sec, "list", "a, b", "t.conf", 11);
	config_add_entry(sec, "nodef_b", "yes", "t.conf", 12);
	config_add_entry(sec, "list", " c ", "t.conf", 13); /* appends */
	config_add_entry(sec, "nodef_str", "set", "t.conf", 14);
	config_add_entry(sec, "enabled", "yes", "t.conf", 15); /* host key */

	all_garbage(&a);
	CPD_ASSERT_INT_EQ(
		options_apply(all_opts, sec, &a, &owned, &nowned, &capowned),
		0);
	CU_ASSERT_FALSE(a.b);
	CPD_ASSERT_INT_EQ(a.i, 32);
	CPD_ASSERT_UINT_EQ(a.u, 99);
	CPD_ASSERT_UINT_EQ(a.size, 2 << 20);
	CPD_ASSERT_UINT_EQ(a.dur, 2000000000);
	CPD_ASSERT_STR_EQ(a.str, "");
	CPD_ASSERT_STR_EQ(a.path, "/tmp/out.csv");
	CPD_ASSERT_INT_EQ(a.e, 2);
	CPD_ASSERT_UINT_EQ(list_len(a.list), 3);
	CPD_ASSERT_STR_EQ(a.list[0], "a");
	CPD_ASSERT_STR_EQ(a.list[1], "b");
	CPD_ASSERT_STR_EQ(a.list[2], "c");
	CU_ASSERT_TRUE(a.nodef_b);
	CPD_ASSERT_STR_EQ(a.nodef_str, "set");
	CPD_ASSERT_UINT_EQ(a.canary_a, 0xc0ffee);
	CPD_ASSERT_UINT_EQ(a.canary_b, 0xc0ffee);

	/* values are the host's copies: they outlive the config */
	entry_str = config_lookup(sec, "path")->value;
	CU_ASSERT_PTR_NOT_EQUAL(a.path, entry_str);
	config_free(&cfg);
	CPD_ASSERT_STR_EQ(a.path, "/tmp/out.csv");
	CPD_ASSERT_STR_EQ(a.list[2], "c");
	owned_free();
}

static void test_apply_invalid(void)
{
	struct config_section *sec = new_section("all");
	struct all a;

	config_add_entry(sec, "size", "lots", "t.conf", 2);
	all_garbage(&a);
	CPD_ASSERT_INT_EQ(
		options_apply(all_opts, sec, &a, &owned, &nowned, &capowned),
		-EINVAL);
	owned_free();

	sec = new_section("all");
	config_add_entry(sec, "u", "1000", "t.conf", 2); /* > max */
	CPD_ASSERT_INT_EQ(
		options_apply(all_opts, sec, &a, &owned, &nowned, &capowned),
		-EINVAL);
	owned_free();
	config_free(&cfg);
}

/* ---- validating a section --------------------------------------------------- */

static char *log_text;

static unsigned validate(const struct config_section *sec,
			 const struct cpd_option *opts)
{
	unsigned n;

	free(log_text);
	cpd_log_capture_start();
	n = options_validate(&cfg, sec, opts);
	log_text = cpd_log_capture_stop();
	return n;
}

static const struct cpd_option plugin_opts[] = {
	{ .name = "label", .type = CPD_OPT_STRING },
	{ .name = "size", .type = CPD_OPT_SIZE, .def = "1k" },
	{ .name = "verbose", .type = CPD_OPT_UINT, .min = 0, .max = 9 },
	{ .name = "path", .type = CPD_OPT_PATH, .flags = CPD_OPTF_REQUIRED },
	{ .name = "tags", .type = CPD_OPT_LIST },
	{ .name = "e", .type = CPD_OPT_ENUM, .choices = modes },
	CPD_OPTION_END
};

static void test_validate(void)
{
	struct config_section *sec = new_section("top:files");

	sec->line = 4;
	config_add_entry(sec, "lable", "x", "t.conf", 5);
	config_add_entry(sec, "verbos", "1", "t.conf", 6);
	config_add_entry(sec, "zzzzzzzz", "1", "t.conf", 7);
	config_add_entry(sec, "enabeld", "no", "t.conf", 8);
	config_add_entry(sec, "size", "lots", "t.conf", 9);
	config_add_entry(sec, "verbose", "10", "t.conf", 10);
	config_add_entry(sec, "e", "medium", "t.conf", 11);
	config_add_entry(sec, "label", "a", "t.conf", 12);
	config_add_entry(sec, "label", "b", "t.conf", 13);
	config_add_entry(sec, "label", "c", "t.conf", 20);
	config_add_entry(sec, "tags", "a", "t.conf", 14);
	config_add_entry(sec, "tags", "b", "t.conf", 15);
	/* the host's own keys are not the plugin's to check */
	config_add_entry(sec, "enabled", "yes", "t.conf", 16);
	config_add_entry(sec, "plugin", "top", "t.conf", 17);
	config_add_entry(sec, "events", "file", "t.conf", 18);
	config_add_entry(sec, "syscalls", "%file", "t.conf", 19);

	CPD_ASSERT_UINT_EQ(validate(sec, plugin_opts), 8);
	CPD_ASSERT_UINT_EQ(cfg.errors, 8);
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:5: top:files: unknown key 'lable' (did you mean 'label'?)\n");
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:6: top:files: unknown key 'verbos' (did you mean 'verbose'?)\n");
	/* nothing close: no suggestion at all */
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:7: top:files: unknown key 'zzzzzzzz'\n");
	/* host keys are suggested too */
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:8: top:files: unknown key 'enabeld' (did you mean 'enabled'?)\n");
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:9: top:files: bad value 'lots' for key 'size': expected a size such as 4096, 64k, 16M or 1G\n");
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:10: top:files: bad value '10' for key 'verbose': must be between 0 and 9\n");
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:11: top:files: bad value 'medium' for key 'e': expected one of fast, slow, careful\n");
	/* repeating a scalar key is allowed but warned about; a list's is not */
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: warning: t.conf:13: top:files: key 'label' set again; the value from line 12 is ignored\n");
	/* the third time names the second, the value it overrides */
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: warning: t.conf:20: top:files: key 'label' set again; the value from line 13 is ignored\n");
	CPD_ASSERT_LACKS(log_text, "key 'tags' set again");
	/* the required key, at the section's line */
	CPD_ASSERT_CONTAINS(
		log_text,
		"compendium: error: t.conf:4: top:files: required key 'path' is not set\n");
	CPD_ASSERT_LACKS(log_text, "'enabled'\n");
	CPD_ASSERT_LACKS(log_text, "'plugin'");
	CPD_ASSERT_LACKS(log_text, "'events'");
	CPD_ASSERT_LACKS(log_text, "'syscalls'");
	CPD_ASSERT_UINT_EQ(cpd_count(log_text, "error:"), 8);

	/* a clean section: no errors, nothing logged */
	sec = new_section("top");
	config_add_entry(sec, "path", "/x", "t.conf", 2);
	CPD_ASSERT_UINT_EQ(validate(sec, plugin_opts), 0);
	CPD_ASSERT_STR_EQ(log_text, "");
	/* a plugin with no options: every key is unknown */
	config_add_entry(sec, "paths", "/x", "t.conf", 3);
	CPD_ASSERT_UINT_EQ(validate(sec, NULL), 2);
	CPD_ASSERT_CONTAINS(log_text, "unknown key 'path'\n");
}

static void test_suggest(void)
{
	CPD_ASSERT_STR_EQ(options_suggest(plugin_opts, "lable"), "label");
	CPD_ASSERT_STR_EQ(options_suggest(plugin_opts, "pth"), "path");
	CPD_ASSERT_STR_EQ(options_suggest(plugin_opts, "tag"), "tags");
	CPD_ASSERT_STR_EQ(options_suggest(plugin_opts, "event"), "events");
	CU_ASSERT_PTR_NULL(options_suggest(plugin_opts, "abcdefg"));
	CU_ASSERT_PTR_NULL(options_suggest(NULL, "qqqqqq"));
	CU_ASSERT_TRUE(options_host_key("enabled"));
	CU_ASSERT_TRUE(options_host_key("syscalls"));
	CU_ASSERT_FALSE(options_host_key("label"));
}

static int suite_fini(void)
{
	config_free(&cfg);
	free(log_text);
	log_text = NULL;
	owned_free();
	return 0;
}

static CU_TestInfo options_tests[] = {
	{ "bool", test_bool },
	{ "int_with_bounds", test_int },
	{ "uint_with_bounds", test_uint },
	{ "sizes_and_overflow", test_size },
	{ "durations", test_duration },
	{ "enum_message_lists_choices", test_enum },
	{ "list_items_from_choices", test_list_choices },
	{ "strings_and_paths", test_strings_and_paths },
	{ "list_split_and_trim", test_split_list },
	{ "type_names_and_valid_names", test_names_and_types },
	{ "check_table_rejects_bad_tables", test_check_table },
	{ "apply_writes_defaults", test_apply_defaults },
	{ "apply_writes_every_type_at_its_offset", test_apply_values },
	{ "apply_refuses_invalid_values", test_apply_invalid },
	{ "validate_messages", test_validate },
	{ "did_you_mean", test_suggest },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "options",
	  .pCleanupFunc = suite_fini,
	  .pTests = options_tests },
	CU_SUITE_INFO_NULL,
};
