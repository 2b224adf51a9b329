// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The plugin loader (core/host/plugin.c, core/host/plugin_list.c) against real .so
 * files: the broken plugins of tests/bad, each refused with its own
 * message naming the plugin and the rule; the good ones loaded and their
 * descriptor copied; the search path; the name and permission rules.
 */
#include <errno.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpd_test.h"
#include "host/plugin.h"
#include "host/plugin_list.h"

static const char *baddir;

static int suite_init(void)
{
	char probe[PATH_MAX];

	baddir = getenv("CPD_TEST_BADDIR");
	if (!baddir || !*baddir)
		baddir = CPD_TEST_BADDIR;
	snprintf(probe, sizeof(probe), "%s/good.so", baddir);
	if (access(probe, R_OK) < 0) {
		fprintf(stderr, "ERROR: %s missing: build tests/bad first\n",
			probe);
		return 1;
	}
	return 0;
}

/* The absolute path the loader reports for a plugin of tests/bad. */
static char *so_path(const char *name)
{
	char given[PATH_MAX], real[PATH_MAX];

	snprintf(given, sizeof(given), "%s/%s.so", baddir, name);
	if (!realpath(given, real))
		return strdup(given);
	return strdup(real);
}

static void path_of(struct plugin_path *pp, const char *dir)
{
	memset(pp, 0, sizeof(*pp));
	plugin_path_add(pp, dir);
}

/*
 * Load name from tests/bad and expect it refused with rc and exactly the
 * message fmt, where %s (once) stands for the plugin's absolute path.
 */
static void expect_refused(const char *name, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void expect_refused(const char *name, int rc, const char *fmt, ...)
{
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024] = "", want[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	path_of(&pp, baddir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, name, &p, why, sizeof(why)), rc);
	CU_ASSERT_PTR_NULL(p);
	CPD_ASSERT_STR_EQ(why, want);
	if (p)
		plugin_unload(p);
	plugin_path_free(&pp);
}

/* ---- the ABI matrix ------------------------------------------------------- */

static void test_wrong_major_symbol(void)
{
	char *path = so_path("bad_major");

	expect_refused(
		"bad_major", -ENOEXEC,
		"plugin 'bad_major' (%s) was built for plugin ABI 2 but this compendium implements ABI 1",
		path);
	free(path);
}

static void test_wrong_major_field(void)
{
	char *path = so_path("bad_major_field");

	expect_refused(
		"bad_major_field", -EPROTO,
		"plugin 'bad_major_field' (%s): descriptor declares ABI major 2 but this compendium implements ABI 1",
		path);
	free(path);
}

static void test_newer_minor(void)
{
	char *path = so_path("bad_minor");

	expect_refused(
		"bad_minor", -EPROTO,
		"plugin 'bad_minor' (%s) needs plugin ABI %d.%d but this compendium implements %d.%d: upgrade compendium or rebuild the plugin",
		path, CPD_ABI_MAJOR, CPD_ABI_MINOR + 1, CPD_ABI_MAJOR,
		CPD_ABI_MINOR);
	free(path);
}

static void test_short_struct(void)
{
	char *path = so_path("bad_short");

	expect_refused(
		"bad_short", -EPROTO,
		"plugin 'bad_short' (%s): descriptor struct_size is 16 bytes, smaller than the %zu bytes of ABI 1.0",
		path, (size_t)CPD_PLUGIN_SIZE_1_0);
	free(path);
}

static void test_oversized_nonzero_tail(void)
{
	char *path = so_path("bad_tail");

	expect_refused(
		"bad_tail", -EPROTO,
		"plugin 'bad_tail' (%s): descriptor has %zu bytes with non-zero fields past the %zu this compendium knows",
		path, sizeof(struct cpd_plugin) + 16,
		sizeof(struct cpd_plugin));
	free(path);
}

static void test_no_symbol(void)
{
	char *path = so_path("bad_nosym");

	expect_refused(
		"bad_nosym", -ENOEXEC,
		"plugin 'bad_nosym' (%s) exports no cpd_plugin_v1 symbol: not a compendium plugin",
		path);
	free(path);
}

static void test_missing_callbacks(void)
{
	char *path = so_path("bad_noinit");

	expect_refused(
		"bad_noinit", -EINVAL,
		"plugin 'bad_noinit' (%s): required callback init is missing",
		path);
	free(path);
	path = so_path("bad_nofini");
	expect_refused(
		"bad_nofini", -EINVAL,
		"plugin 'bad_nofini' (%s): required callback fini is missing",
		path);
	free(path);
	path = so_path("bad_noevent");
	expect_refused(
		"bad_noevent", -EINVAL,
		"plugin 'bad_noevent' (%s): required callback on_event is missing (it subscribes to events)",
		path);
	free(path);
}

static void test_output_subscribes_nothing(void)
{
	char *path = so_path("bad_output");

	expect_refused(
		"bad_output", -EINVAL,
		"plugin 'bad_output' (%s): an output must subscribe to at least one event kind",
		path);
	free(path);
}

static void test_name_mismatch(void)
{
	char *path = so_path("bad_name");

	expect_refused(
		"bad_name", -EINVAL,
		"plugin file %s declares the name 'someone_else': a plugin's name must equal its file name ('bad_name')",
		path);
	free(path);
}

static void test_bad_option_table(void)
{
	char *path = so_path("bad_options");

	expect_refused(
		"bad_options", -EINVAL,
		"plugin 'bad_options' (%s): default 'lots' of option 'limit' is invalid: expected a size such as 4096, 64k, 16M or 1G",
		path);
	free(path);
}

static void test_unknown_role(void)
{
	char *path = so_path("bad_role");

	expect_refused("bad_role", -EINVAL,
		       "plugin 'bad_role' (%s): unknown role 7", path);
	free(path);
}

static void test_missing_version(void)
{
	char *path = so_path("bad_version");

	expect_refused(
		"bad_version", -EINVAL,
		"plugin 'bad_version' (%s): required field version is missing",
		path);
	free(path);
}

static void test_undefined_kinds(void)
{
	char *path = so_path("bad_kinds");

	expect_refused(
		"bad_kinds", -EINVAL,
		"plugin 'bad_kinds' (%s): subscribes to undefined event kinds (mask 0x100004)",
		path);
	free(path);
}

static void test_bad_report_schemas(void)
{
	char *path;

	path = so_path("bad_report_topic");
	expect_refused(
		"bad_report_topic", -EINVAL,
		"plugin 'bad_report_topic' (%s): report topic 'Disk.IO' is not [a-z0-9_] words joined by single dots (at most 63 characters)",
		path);
	free(path);
	path = so_path("bad_report_unit");
	expect_refused(
		"bad_report_unit", -EINVAL,
		"plugin 'bad_report_unit' (%s): report 'disk': key 'speed' has unknown unit 42",
		path);
	free(path);
	path = so_path("bad_report_row");
	expect_refused(
		"bad_report_row", -EINVAL,
		"plugin 'bad_report_row' (%s): report 'disk.files': summary_row \"{path}: {count} ({reason})\": {reason} names no column",
		path);
	free(path);
	path = so_path("bad_report_detail");
	expect_refused(
		"bad_report_detail", -EINVAL,
		"plugin 'bad_report_detail' (%s): report 'disk': key 'regions': CPD_RKF_DETAIL needs CPD_RKF_SUMMARY and a summary key before it in the same block",
		path);
	free(path);
}

static void test_unresolved_symbol(void)
{
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024] = "";

	/* RTLD_NOW: refused at load, not when init() would call it */
	path_of(&pp, baddir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "bad_undef", &p, why, sizeof(why)),
			  -ENOEXEC);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_TRUE(!strncmp(why, "cannot load plugin 'bad_undef': ", 32));
	CPD_ASSERT_CONTAINS(why, "undefined symbol: cpd_test_no_such_function");
	plugin_path_free(&pp);
}

/* ---- what loads ------------------------------------------------------------ */

static void test_good_loads(void)
{
	struct plugin_path pp;
	struct plugin *p = NULL;
	const struct cpd_plugin *sym;
	char why[1024] = "", *path = so_path("good");

	path_of(&pp, baddir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)), 0);
	CPD_ASSERT_STR_EQ(why, "");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CPD_ASSERT_STR_EQ(p->name, "good");
	CPD_ASSERT_STR_EQ(p->path, path);
	CPD_ASSERT_UINT_EQ(p->refs, 1);
	CU_ASSERT_PTR_NOT_NULL(p->handle);

	/* a host-side copy, equal to what the .so exports */
	sym = dlsym(p->handle, "cpd_plugin_v1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(sym);
	CU_ASSERT_PTR_NOT_EQUAL(&p->desc, sym);
	CU_ASSERT_TRUE(!memcmp(&p->desc, sym, sizeof(*sym)));
	CPD_ASSERT_UINT_EQ(p->desc.abi_major, CPD_ABI_MAJOR);
	CPD_ASSERT_UINT_EQ(p->desc.abi_minor, CPD_ABI_MINOR);
	CPD_ASSERT_UINT_EQ(p->desc.struct_size, sizeof(struct cpd_plugin));
	CPD_ASSERT_UINT_EQ(p->desc.role, CPD_ROLE_ANALYZER);
	CPD_ASSERT_STR_EQ(p->desc.name, "good");
	CPD_ASSERT_STR_EQ(p->desc.version, "1.2.3");
	CPD_ASSERT_STR_EQ(p->desc.description,
			  "a well-formed plugin for the loader tests");
	CPD_ASSERT_UINT_EQ(p->desc.subscribe, CPD_EVMASK(CPD_EV_PROC));
	CPD_ASSERT_UINT_EQ(p->desc.syscall_classes, CPD_SC_PROCESS);
	CPD_ASSERT_UINT_EQ(p->desc.flags, CPD_PF_SINGLETON);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p->desc.options);
	CPD_ASSERT_STR_EQ(p->desc.options[0].name, "label");
	CPD_ASSERT_STR_EQ(p->desc.options[6].name, "tags");
	CU_ASSERT_PTR_NULL(p->desc.options[7].name);
	CU_ASSERT_PTR_NOT_NULL(p->desc.init);
	CU_ASSERT_PTR_NOT_NULL(p->desc.start);
	CU_ASSERT_PTR_NOT_NULL(p->desc.on_event);
	CU_ASSERT_PTR_NULL(p->desc.flush);
	CU_ASSERT_PTR_NOT_NULL(p->desc.stop);
	CU_ASSERT_PTR_NOT_NULL(p->desc.fini);
	plugin_unload(p);

	/* a relative path works too: dlopen is given the absolute one */
	{
		char *cwd = getcwd(NULL, 0), rel[PATH_MAX];

		if (cwd && chdir(baddir) == 0) {
			snprintf(rel, sizeof(rel), "./good.so");
			p = NULL;
			CPD_ASSERT_INT_EQ(plugin_load_file(rel, "good", &p, why,
							   sizeof(why)),
					  0);
			if (p) {
				CPD_ASSERT_STR_EQ(p->path, path);
				plugin_unload(p);
			}
			CU_ASSERT_EQUAL(chdir(cwd), 0);
		}
		free(cwd);
	}
	plugin_path_free(&pp);
	free(path);
}

static void test_oversized_zero_tail_loads(void)
{
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024] = "";

	path_of(&pp, baddir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "tail_zero", &p, why, sizeof(why)),
			  0);
	CPD_ASSERT_STR_EQ(why, "");
	if (p) {
		CPD_ASSERT_STR_EQ(p->desc.name, "tail_zero");
		CU_ASSERT_PTR_NOT_NULL(p->desc.fini);
		plugin_unload(p);
	}
	plugin_path_free(&pp);
}

static int dummy_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return 0;
}

static int dummy_on_event(void *state, const struct cpd_event *ev)
{
	return 0;
}

static void dummy_fini(void *state)
{
}

static void test_check_desc_sizes(void)
{
	struct cpd_plugin d = { 0 }, copy;
	char why[512];

	d.abi_major = CPD_ABI_MAJOR;
	d.struct_size = (uint32_t)CPD_PLUGIN_SIZE_1_0;
	d.role = CPD_ROLE_OUTPUT;
	d.name = "x";
	d.version = "1";
	d.description = "d";
	d.subscribe = CPD_EVMASK(CPD_EV_FILE) |
		      CPD_EVMASK(CPD_EV_CUSTOM_FIRST) | CPD_EVMASK(CPD_EV_MAX);
	d.init = dummy_init;
	d.on_event = dummy_on_event;
	d.fini = dummy_fini;
	/* the exact ABI 1.0 size, custom kinds included, is fine */
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		0);
	CPD_ASSERT_UINT_EQ(copy.subscribe, d.subscribe);
	d.struct_size = (uint32_t)CPD_PLUGIN_SIZE_1_0 - 1;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		-EPROTO);
	d.struct_size = (uint32_t)CPD_PLUGIN_SIZE_1_0;
	d.description = NULL;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		-EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"plugin 'x' (/p/x.so): required field description is missing");
	d.description = "d";
	d.name = NULL;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		-EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"plugin file /p/x.so declares the name '(null)': a plugin's name must equal its file name ('x')");
	/* kind 0 is no kind: subscribing to it is a mistake */
	d.name = "x";
	d.subscribe = CPD_EVMASK(0) | CPD_EVMASK(CPD_EV_FILE);
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		-EINVAL);
}

static void test_check_desc_reports(void)
{
	static const struct cpd_report_key keys[] = {
		{ .key = "n", .label = "N", .type = CPD_KV_U64 },
	};
	static const struct cpd_report_desc broken[] = {
		{ .topic = "x", .title = "X", .keys = keys, .nkeys = 0 },
		CPD_REPORT_END
	};
	static const struct cpd_report_desc fine[] = {
		{ .topic = "x", .title = "X", .keys = keys, .nkeys = 1 },
		CPD_REPORT_END
	};
	struct cpd_plugin d = { 0 }, copy;
	char why[512];

	d.abi_major = CPD_ABI_MAJOR;
	d.abi_minor = 1;
	d.struct_size = sizeof(d);
	d.role = CPD_ROLE_ANALYZER;
	d.name = "x";
	d.version = "1";
	d.description = "d";
	d.init = dummy_init;
	d.fini = dummy_fini;
	d.reports = fine;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		0);
	CU_ASSERT_PTR_EQUAL(copy.reports, fine);
	d.reports = broken;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		-EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"plugin 'x' (/p/x.so): report 'x' has 0 keys: it needs 1 to 256, and keys set");
	/* a 1.0 descriptor has no reports field, whatever its size says */
	d.abi_minor = 0;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		0);
	CU_ASSERT_PTR_NULL(copy.reports);
	/* and one too short for it has none either */
	d.abi_minor = 1;
	d.struct_size = (uint32_t)CPD_PLUGIN_SIZE_1_0;
	CPD_ASSERT_INT_EQ(
		plugin_check_desc(&d, "x", "/p/x.so", &copy, why, sizeof(why)),
		0);
	CU_ASSERT_PTR_NULL(copy.reports);
}

/* ---- names and the search path ----------------------------------------------- */

static void test_bad_names(void)
{
	static const char *const bad[] = {
		"a/b",	   "..",
		"../good", "Good",
		"",	   "good.so",
		"a b",	   "abcdefghijklmnopqrstuvwxyz012345", /* 32 */
	};
	struct plugin_path pp;
	char why[512], want[512];
	struct plugin *p;
	size_t i;

	path_of(&pp, baddir);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		p = NULL;
		CPD_ASSERT_INT_EQ(
			plugin_load(&pp, bad[i], &p, why, sizeof(why)),
			-EINVAL);
		CU_ASSERT_PTR_NULL(p);
		snprintf(
			want, sizeof(want),
			"bad plugin name '%s': plugin names are [a-z0-9_]+, at most 31 characters",
			bad[i]);
		CPD_ASSERT_STR_EQ(why, want);
	}
	plugin_path_free(&pp);
}

static void test_unknown_plugin(void)
{
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024], want[1024];

	memset(&pp, 0, sizeof(pp));
	plugin_path_add(&pp, "/nonexistent/one");
	plugin_path_add(&pp, baddir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "nosuch", &p, why, sizeof(why)),
			  -ENOENT);
	snprintf(want, sizeof(want),
		 "unknown plugin 'nosuch': no nosuch.so in /nonexistent/one:%s",
		 baddir);
	CPD_ASSERT_STR_EQ(why, want);
	plugin_path_free(&pp);

	CPD_ASSERT_INT_EQ(plugin_load(&pp, "nosuch", &p, why, sizeof(why)),
			  -ENOENT);
	CPD_ASSERT_STR_EQ(
		why,
		"unknown plugin 'nosuch': no nosuch.so in (empty plugin path)");
}

static void expect_dirs(const struct plugin_path *pp, const char *want)
{
	char *s = plugin_path_string(pp);

	CPD_ASSERT_STR_EQ(s, want);
	free(s);
}

static void test_path_init_order(void)
{
	/* plugin_path_init takes argv-style strings: writable arrays */
	char c1[] = "/c1", c2[] = "/c2", c1_again[] = "/c1";
	char *const cli[] = { c1, c2, c1_again };
	struct plugin_path pp;
	char *exe_dir = cpd_test_exe_dir(), want[PATH_MAX * 2];

	/* --plugin-dir in order, then the variable's entries, then install */
	plugin_path_init(&pp, cli, 3, "/e1::/e2:/c2:", "/nonexistent/build",
			 "/usr/lib/compendium");
	expect_dirs(&pp, "/c1:/c2:/e1:/e2:/usr/lib/compendium");
	plugin_path_free(&pp);

	plugin_path_init(&pp, NULL, 0, NULL, NULL, "/inst");
	expect_dirs(&pp, "/inst");
	plugin_path_free(&pp);

	/*
	 * Running from the build tree: its plugins replace the install dir,
	 * so an uninstalled binary never loads an installed plugin of
	 * another version.
	 */
	CU_ASSERT_PTR_NOT_NULL_FATAL(exe_dir);
	plugin_path_init(&pp, cli, 1, "/e1", exe_dir, "/inst");
	snprintf(want, sizeof(want), "/c1:/e1:%s/plugins/.libs", exe_dir);
	expect_dirs(&pp, want);
	plugin_path_free(&pp);
	free(exe_dir);
}

/* A private directory (0700) under the test's tmpdir. */
static char *private_dir(const char *name, mode_t mode)
{
	char *d;

	if (asprintf(&d, "%s/%s", cpd_test_tmpdir(), name) < 0)
		return NULL;
	mkdir(d, 0700);
	chmod(d, mode);
	return d;
}

static char *copy_plugin(const char *from_name, const char *dir,
			 const char *to_name, mode_t mode)
{
	char from[PATH_MAX], *to;

	snprintf(from, sizeof(from), "%s/%s.so", baddir, from_name);
	if (asprintf(&to, "%s/%s.so", dir, to_name) < 0)
		return NULL;
	if (cpd_test_copy_file(from, to) < 0 || chmod(to, mode) < 0) {
		free(to);
		return NULL;
	}
	return to;
}

static void test_first_dir_wins(void)
{
	char *d1 = private_dir("first", 0755),
	     *d2 = private_dir("second", 0755);
	char *a = copy_plugin("good", d1, "good", 0644);
	char *b = copy_plugin("bad_version", d2, "good", 0644);
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024];

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	memset(&pp, 0, sizeof(pp));
	plugin_path_add(&pp, d1);
	plugin_path_add(&pp, d2);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)), 0);
	if (p) {
		CPD_ASSERT_STR_EQ(p->path, a);
		plugin_unload(p);
	}
	plugin_path_free(&pp);

	/* the first match is the one: no falling through to a later dir */
	plugin_path_add(&pp, d2);
	plugin_path_add(&pp, d1);
	p = NULL;
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)),
			  -EINVAL);
	CPD_ASSERT_CONTAINS(why, "declares the name 'bad_version'");
	plugin_path_free(&pp);
	free(a);
	free(b);
	free(d1);
	free(d2);
}

/* ---- permissions ----------------------------------------------------------- */

static int check_perms(const char *path, uid_t euid, char *why, size_t len)
{
	why[0] = '\0';
	return plugin_check_perms(path, euid, why, len);
}

static void test_perms_rules(void)
{
	char *dir = private_dir("perms", 0755);
	char *open_dir = private_dir("perms_open", 0755);
	char *ok = copy_plugin("good", dir, "good", 0644);
	char *gw = copy_plugin("good", dir, "gw", 0664);
	char *ow = copy_plugin("good", dir, "ow", 0646);
	char *in_open = copy_plugin("good", open_dir, "good", 0644);
	char why[1024], want[1024];

	CU_ASSERT_PTR_NOT_NULL_FATAL(in_open);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ok);
	CU_ASSERT_PTR_NOT_NULL_FATAL(gw);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ow);
	chmod(open_dir, 0775);

	/* plugin_check_perms takes the euid, so the root rules run as anyone */
	if (cpd_test_is_root())
		CPD_ASSERT_INT_EQ(check_perms(ok, 0, why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(check_perms(gw, 0, why, sizeof(why)), -EPERM);
	snprintf(
		want, sizeof(want),
		"file %s is writable by group or others; refusing to load it as root",
		gw);
	CPD_ASSERT_STR_EQ(why, want);
	CPD_ASSERT_INT_EQ(check_perms(ow, 0, why, sizeof(why)), -EPERM);
	snprintf(
		want, sizeof(want),
		"file %s is writable by group or others; refusing to load it as root",
		ow);
	CPD_ASSERT_STR_EQ(why, want);
	CPD_ASSERT_INT_EQ(check_perms(in_open, 0, why, sizeof(why)), -EPERM);
	snprintf(
		want, sizeof(want),
		"directory %s is writable by group or others; refusing to load it as root",
		open_dir);
	CPD_ASSERT_STR_EQ(why, want);

	/* a user loading their own plugins crosses no privilege boundary */
	CPD_ASSERT_INT_EQ(check_perms(gw, 1000, why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(check_perms(in_open, 1000, why, sizeof(why)), 0);

	CPD_ASSERT_INT_EQ(check_perms("/nonexistent/x.so", 0, why, sizeof(why)),
			  -ENOENT);
	CPD_ASSERT_STR_EQ(
		why,
		"cannot stat /nonexistent/x.so: No such file or directory");
	CPD_ASSERT_INT_EQ(check_perms(dir, 1000, why, sizeof(why)), -EINVAL);
	snprintf(want, sizeof(want), "%s is not a regular file", dir);
	CPD_ASSERT_STR_EQ(why, want);

	if (!cpd_test_is_root()) {
		cpd_test_skip_test("chown needs root");
	} else {
		CPD_ASSERT_INT_EQ(chown(ok, 1234, 0), 0);
		CPD_ASSERT_INT_EQ(check_perms(ok, 0, why, sizeof(why)), -EPERM);
		snprintf(
			want, sizeof(want),
			"file %s is owned by uid 1234; refusing to load it as root",
			ok);
		CPD_ASSERT_STR_EQ(why, want);
	}
	free(ok);
	free(gw);
	free(ow);
	free(in_open);
	free(dir);
	free(open_dir);
}

static void test_perms_enforced_as_root(void)
{
	char *dir = private_dir("root_gw", 0755);
	char *open_dir = private_dir("root_open", 0755);
	char *gw = copy_plugin("good", dir, "good", 0664);
	char *in_open = copy_plugin("good", open_dir, "good", 0644);
	struct plugin_path pp;
	struct plugin *p = NULL;
	char why[1024], want[1024];

	if (!cpd_test_is_root()) {
		cpd_test_skip_test(
			"the loader applies these rules to root only");
		goto out;
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(gw);
	CU_ASSERT_PTR_NOT_NULL_FATAL(in_open);
	chmod(open_dir, 0777);

	path_of(&pp, dir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)),
			  -EPERM);
	CU_ASSERT_PTR_NULL(p);
	snprintf(
		want, sizeof(want),
		"plugin 'good': file %s is writable by group or others; refusing to load it as root",
		gw);
	CPD_ASSERT_STR_EQ(why, want);
	plugin_path_free(&pp);

	path_of(&pp, open_dir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)),
			  -EPERM);
	snprintf(
		want, sizeof(want),
		"plugin 'good': directory %s is writable by group or others; refusing to load it as root",
		open_dir);
	CPD_ASSERT_STR_EQ(why, want);
	plugin_path_free(&pp);

	/* fixed permissions: the same file loads */
	chmod(gw, 0644);
	path_of(&pp, dir);
	CPD_ASSERT_INT_EQ(plugin_load(&pp, "good", &p, why, sizeof(why)), 0);
	if (p)
		plugin_unload(p);
	plugin_path_free(&pp);
out:
	free(gw);
	free(in_open);
	free(dir);
	free(open_dir);
}

/* ---- --list-plugins ---------------------------------------------------------- */

static void test_list_reports(void)
{
	struct plugin_path pp;
	char *out = NULL, *log_text;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	path_of(&pp, baddir);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(plugin_list_reports(&pp, fp), 1);
	log_text = cpd_log_capture_stop();
	fclose(fp);
	/* the schemas of the plugins that load, and nothing of the others */
	CPD_ASSERT_CONTAINS(out,
			    "good: Good\n"
			    "    section of good, order 90, in the summary\n"
			    "    the good plugin's count\n"
			    "    pings                  u64    count      "
			    "summary          Pings\n"
			    "        PROC events seen\n");
	CPD_ASSERT_CONTAINS(
		out,
		"report_feed.items: Items\n"
		"    table of report_feed, order 27, in the summary as \"{name} {{{kind|a=alpha|b=beta}}} {size}, {count}× {missing}\" (3 rows)\n");
	CPD_ASSERT_CONTAINS(out, "\nreport_feed.quiet: Quiet\n"
				 "    table of report_feed, order 29\n");
	CPD_ASSERT_LACKS(out, "legacy");
	CPD_ASSERT_LACKS(out, "disk");
	CPD_ASSERT_UINT_EQ(cpd_count(log_text, "compendium: warning: "), 20);
	free(log_text);
	free(out);
	plugin_path_free(&pp);
}

static void test_list_plugins(void)
{
	struct plugin_path pp;
	char *out = NULL, *log_text, *good = so_path("good"), want[1024];
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	path_of(&pp, baddir);
	cpd_log_capture_start();
	rc = plugin_list(&pp, fp);
	log_text = cpd_log_capture_stop();
	fclose(fp);

	/* some plugins there are broken: listed as warnings, status 1 */
	CPD_ASSERT_INT_EQ(rc, 1);
	CPD_ASSERT_CONTAINS(
		out,
		"good 1.2.3 (analyzer) - a well-formed plugin for the loader tests\n");
	snprintf(want, sizeof(want), "    file: %s\n", good);
	CPD_ASSERT_CONTAINS(out, want);
	CPD_ASSERT_CONTAINS(out, "    subscribes to: proc\n");
	CPD_ASSERT_CONTAINS(out, "    options:\n");
	CPD_ASSERT_CONTAINS(
		out,
		"      label              string   [good]  text put in every ping\n");
	CPD_ASSERT_CONTAINS(
		out,
		"      limit              size     [64k]  a size, bounded\n");
	CPD_ASSERT_CONTAINS(
		out,
		"      mode               enum     [slow]  an enum (fast|slow|careful)\n");
	CPD_ASSERT_CONTAINS(
		out,
		"      tags               list      a list, repeated keys append\n");
	CPD_ASSERT_CONTAINS(
		out,
		"tail_zero 0 (analyzer) - oversized descriptor with a zero tail\n");
	CPD_ASSERT_CONTAINS(out, "    options: none\n");
	/* the broken ones are not listed, each is explained once */
	CPD_ASSERT_LACKS(out, "bad_");
	CPD_ASSERT_UINT_EQ(cpd_count(log_text, "compendium: warning: "), 20);
	CPD_ASSERT_CONTAINS(
		log_text,
		"was built for plugin ABI 2 but this compendium implements ABI 1\n");
	CPD_ASSERT_CONTAINS(log_text, "plugin 'bad_role' (");
	free(log_text);
	free(out);
	free(good);
	plugin_path_free(&pp);

	/* nothing at all: an error naming the path */
	path_of(&pp, "/nonexistent/plugins");
	out = NULL;
	fp = open_memstream(&out, &len);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(plugin_list(&pp, fp), 1);
	log_text = cpd_log_capture_stop();
	fclose(fp);
	CPD_ASSERT_STR_EQ(
		log_text,
		"compendium: error: no plugins found in /nonexistent/plugins\n");
	free(log_text);
	free(out);
	plugin_path_free(&pp);
}

static CU_TestInfo loader_tests[] = {
	{ "wrong_major_symbol", test_wrong_major_symbol },
	{ "wrong_major_field", test_wrong_major_field },
	{ "newer_minor", test_newer_minor },
	{ "short_struct", test_short_struct },
	{ "oversized_with_nonzero_tail", test_oversized_nonzero_tail },
	{ "no_symbol", test_no_symbol },
	{ "missing_callbacks", test_missing_callbacks },
	{ "output_subscribing_to_nothing", test_output_subscribes_nothing },
	{ "name_must_match_file", test_name_mismatch },
	{ "bad_option_table", test_bad_option_table },
	{ "unknown_role", test_unknown_role },
	{ "missing_version", test_missing_version },
	{ "undefined_event_kinds", test_undefined_kinds },
	{ "bad_report_schemas", test_bad_report_schemas },
	{ "unresolved_symbol_refused_at_load", test_unresolved_symbol },
	{ "good_plugin_and_descriptor_copy", test_good_loads },
	{ "oversized_zero_tail_loads", test_oversized_zero_tail_loads },
	{ "check_desc_sizes_and_fields", test_check_desc_sizes },
	{ "check_desc_reports", test_check_desc_reports },
	{ "bad_plugin_names", test_bad_names },
	{ "unknown_plugin_lists_search_path", test_unknown_plugin },
	{ "path_init_order", test_path_init_order },
	{ "first_dir_wins", test_first_dir_wins },
	{ "permission_rules", test_perms_rules },
	{ "permissions_enforced_as_root", test_perms_enforced_as_root },
	{ "list_plugins", test_list_plugins },
	{ "list_reports", test_list_reports },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "loader", .pInitFunc = suite_init, .pTests = loader_tests },
	CU_SUITE_INFO_NULL,
};
