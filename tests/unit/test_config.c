// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The INI reader (core/host/config.c) on real files: what it records, with
 * which line numbers, and the exact message for every line inih would
 * otherwise misread in silence (indented, too long, binary). Also where
 * the config is looked for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpd_test.h"
#include "host/config.h"

static struct config cfg;
static char *path;     /* the file parse() wrote */
static char *log_text; /* what parsing logged */

/* Write text to a fresh file and parse it into cfg. */
static void parse_bytes(const char *name, const char *text, size_t len)
{
	free(path);
	free(log_text);
	config_free(&cfg);
	config_init(&cfg);
	path = cpd_test_write_file(cpd_test_tmpdir(), name, text, len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(path);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(config_load_file(&cfg, path), 0);
	log_text = cpd_log_capture_stop();
}

static void parse(const char *name, const char *text)
{
	parse_bytes(name, text, strlen(text));
}

/* Assert the log has "compendium: error: PATH:LINE: text" as a line. */
static void expect_error(unsigned line, const char *text)
{
	char want[1024];

	snprintf(want, sizeof(want), "compendium: error: %s:%u: %s\n", path,
		 line, text);
	CPD_ASSERT_CONTAINS(log_text, want);
}

static const struct config_section *section(const char *name)
{
	return config_find(&cfg, name);
}

static const char *value(const char *sec, const char *key)
{
	const struct config_section *s = section(sec);
	const struct config_entry *e = s ? config_lookup(s, key) : NULL;

	return e ? e->value : NULL;
}

static unsigned line_of(const char *sec, const char *key)
{
	const struct config_section *s = section(sec);
	const struct config_entry *e = s ? config_lookup(s, key) : NULL;

	return e ? e->line : 0;
}

static int suite_fini(void)
{
	config_free(&cfg);
	free(path);
	free(log_text);
	path = log_text = NULL;
	return 0;
}

/* ---- what is recorded ---------------------------------------------------- */

static void test_sections_and_lines(void)
{
	parse("basic.conf", "; a comment\n"		       /* 1 */
			    "[core]\n"			       /* 2 */
			    "verbose = 1\n"		       /* 3 */
			    "\n"			       /* 4 */
			    "[csv:syscalls]\n"		       /* 5 */
			    "path = /tmp/x.csv\n"	       /* 6 */
			    "# a comment too\n"		       /* 7 */
			    "fields = a, b ; inline comment\n" /* 8 */
			    "url = http://x/#frag\n"	       /* 9 */
			    "[empty]\n"			       /* 10 */
			    "[last]\n"			       /* 11 */
			    "k=v\n"			       /* 12 */
			    "expr = a=b\n"		       /* 13 */
			    "blank =\n"			       /* 14 */
			    "k = again"); /* 15, no newline */
	CPD_ASSERT_UINT_EQ(cfg.errors, 0);
	CPD_ASSERT_STR_EQ(log_text, "");
	CPD_ASSERT_UINT_EQ(cfg.nsections, 4);
	CPD_ASSERT_STR_EQ(cfg.sections[0].name, "core");
	CPD_ASSERT_UINT_EQ(cfg.sections[0].line, 2);
	CPD_ASSERT_STR_EQ(cfg.sections[0].origin, path);
	CPD_ASSERT_STR_EQ(cfg.sections[1].name, "csv:syscalls");
	CPD_ASSERT_UINT_EQ(cfg.sections[1].line, 5);
	CPD_ASSERT_STR_EQ(cfg.sections[2].name, "empty");
	CPD_ASSERT_UINT_EQ(cfg.sections[2].line, 10);
	CPD_ASSERT_STR_EQ(cfg.sections[3].name, "last");
	CPD_ASSERT_UINT_EQ(cfg.sections[3].line, 11);

	CPD_ASSERT_STR_EQ(value("core", "verbose"), "1");
	CPD_ASSERT_UINT_EQ(line_of("core", "verbose"), 3);
	CPD_ASSERT_STR_EQ(value("csv:syscalls", "path"), "/tmp/x.csv");
	CPD_ASSERT_UINT_EQ(line_of("csv:syscalls", "path"), 6);
	/* only ';' after whitespace starts an inline comment, not '#' */
	CPD_ASSERT_STR_EQ(value("csv:syscalls", "fields"), "a, b");
	CPD_ASSERT_UINT_EQ(line_of("csv:syscalls", "fields"), 8);
	CPD_ASSERT_STR_EQ(value("csv:syscalls", "url"), "http://x/#frag");
	CPD_ASSERT_UINT_EQ(section("empty")->nentries, 0);
	CPD_ASSERT_STR_EQ(value("last", "expr"), "a=b");
	CPD_ASSERT_STR_EQ(value("last", "blank"), "");
	/* both k entries are kept; lookup gives the last */
	CPD_ASSERT_UINT_EQ(section("last")->nentries, 4);
	CPD_ASSERT_STR_EQ(value("last", "k"), "again");
	CPD_ASSERT_UINT_EQ(line_of("last", "k"), 15);
	CPD_ASSERT_STR_EQ(section("last")->entries[0].value, "v");
	CPD_ASSERT_STR_EQ(section("last")->entries[0].origin, path);
	CU_ASSERT_PTR_NULL(section("nosuch"));
	CU_ASSERT_PTR_NULL(value("core", "nosuch"));
}

static void test_string_source(void)
{
	config_free(&cfg);
	config_init(&cfg);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(config_load_string(&cfg, "built-in default config",
					     "[core]\nverbose = 0\n\n[file]\n"),
			  0);
	free(log_text);
	log_text = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(cfg.errors, 0);
	CPD_ASSERT_UINT_EQ(cfg.nsections, 2);
	CPD_ASSERT_STR_EQ(cfg.sections[1].name, "file");
	CPD_ASSERT_UINT_EQ(cfg.sections[1].line, 4);
	CPD_ASSERT_STR_EQ(cfg.sections[1].origin, "built-in default config");

	/* errors in a string name the origin the same way */
	cpd_log_capture_start();
	config_load_string(&cfg, "inline", "[x]\n  y = 1\n");
	free(log_text);
	log_text = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);
	CPD_ASSERT_CONTAINS(log_text,
			    "compendium: error: inline:2: indented line");
}

static void test_bom(void)
{
	parse("bom.conf", "\xef\xbb\xbf[core]\nverbose = 2\n");
	CPD_ASSERT_UINT_EQ(cfg.errors, 0);
	CPD_ASSERT_UINT_EQ(cfg.nsections, 1);
	CPD_ASSERT_STR_EQ(cfg.sections[0].name, "core");
	CPD_ASSERT_STR_EQ(value("core", "verbose"), "2");
	CPD_ASSERT_UINT_EQ(line_of("core", "verbose"), 2);
}

/* The byte order mark is not part of the 199 bytes inih gets. */
static void test_bom_long_line(void)
{
	char text[512], pad[200];

	/* after the BOM, a comment line of exactly 199 bytes */
	memset(pad, 'x', 198);
	pad[198] = '\0';
	snprintf(text, sizeof(text), "\xef\xbb\xbf;%s\n[core]\nverbose = 1\n",
		 pad);
	parse("bomlong.conf", text);
	CPD_ASSERT_UINT_EQ(cfg.errors, 0);
	CPD_ASSERT_STR_EQ(value("core", "verbose"), "1");
}

/*
 * A refused [section] line must not leave its keys filed under the
 * section before it.
 */
static void test_refused_section_keys(void)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "[core]\nverbose = 0\n[tally] ;%0192d\npath = /x\n", 0);
	parse("refused.conf", text);
	expect_error(3, "line is 201 bytes long; at most 199 are allowed");
	CU_ASSERT_PTR_NULL(value("core", "path"));
	CU_ASSERT_PTR_NULL(section("tally"));
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);

	parse("indented.conf", "[core]\nverbose = 0\n  [tally]\npath = /x\n");
	CU_ASSERT_PTR_NULL(value("core", "path"));
}

static void test_crlf(void)
{
	parse("crlf.conf", "[core]\r\nverbose = 3\r\n");
	CPD_ASSERT_UINT_EQ(cfg.errors, 0);
	CPD_ASSERT_STR_EQ(value("core", "verbose"), "3");
}

/* ---- what is refused ------------------------------------------------------ */

static void test_duplicate_section(void)
{
	parse("dup.conf", "[a]\n"
			  "x = 1\n"
			  "[b]\n"
			  "[a]\n"
			  "y = 2\n");
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);
	{
		char want[512];

		snprintf(want, sizeof(want),
			 "%s:4: duplicate section [a], first at %s:1\n", path,
			 path);
		CPD_ASSERT_CONTAINS(log_text, want);
	}
	/* the second [a]'s keys go nowhere, not into the first [a] */
	CPD_ASSERT_UINT_EQ(section("a")->nentries, 1);
	CU_ASSERT_PTR_NULL(value("a", "y"));
	CU_ASSERT_PTR_NULL(value("b", "y"));
	CPD_ASSERT_UINT_EQ(cfg.nsections, 2);
}

static void test_key_outside_section(void)
{
	parse("outside.conf", "x = 1\n[a]\nz = 2\n");
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);
	expect_error(1, "key 'x' outside any section");
	CPD_ASSERT_STR_EQ(value("a", "z"), "2");
	CU_ASSERT_PTR_NULL(value("a", "x"));
}

static void test_indented_lines(void)
{
	parse("indent.conf", "[a]\n"				 /* 1 */
			     "x = 1\n"				 /* 2 */
			     "  y = 2\n"			 /* 3 */
			     "\tz = 3\n"			 /* 4 */
			     "  ; an indented comment is fine\n" /* 5 */
			     "   \n"				 /* 6: blank */
			     "w = 4\n"				 /* 7 */
			     "  [b]\n");			 /* 8 */
	CPD_ASSERT_UINT_EQ(cfg.errors, 3);
	expect_error(
		3,
		"indented line: start keys and sections in column 1 (an indented line would continue the previous value)");
	expect_error(
		4,
		"indented line: start keys and sections in column 1 (an indented line would continue the previous value)");
	expect_error(
		8,
		"indented line: start keys and sections in column 1 (an indented line would continue the previous value)");
	/* inih would have made x "1\ny = 2\nz = 3": it must stay "1" */
	CPD_ASSERT_STR_EQ(value("a", "x"), "1");
	CU_ASSERT_PTR_NULL(value("a", "y"));
	CU_ASSERT_PTR_NULL(value("a", "z"));
	CPD_ASSERT_STR_EQ(value("a", "w"), "4");
	CU_ASSERT_PTR_NULL(section("b"));
}

static void test_line_length(void)
{
	char text[1024], v195[196], v196[197];

	memset(v195, 'v', 195);
	v195[195] = '\0';
	memset(v196, 'w', 196);
	v196[196] = '\0';
	/* "k = " + 195 = 199 bytes: fits inih's 200-byte buffer with its NUL */
	snprintf(text, sizeof(text),
		 "[a]\n"
		 "k = %s\n"   /* 2: 199 bytes */
		 "l = %s\n"   /* 3: 200 bytes */
		 "m = %s\r\n" /* 4: 199 bytes and a CR, which is not counted */
		 "n = ok\n",
		 v195, v196, v195);
	parse("long.conf", text);
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);
	expect_error(3, "line is 200 bytes long; at most 199 are allowed");
	CPD_ASSERT_STR_EQ(value("a", "k"), v195);
	CPD_ASSERT_STR_EQ(value("a", "m"), v195);
	/* neither the long line nor a piece of it was taken */
	CU_ASSERT_PTR_NULL(value("a", "l"));
	CPD_ASSERT_STR_EQ(value("a", "n"), "ok");
	CPD_ASSERT_UINT_EQ(section("a")->nentries, 3);
}

static void test_binary(void)
{
	static const char text[] = "[a]\n"
				   "x = 1\0junk\n"	/* 2 */
				   "y = \x01\n"		/* 3 */
				   "z = ok\tok\n"	/* 4: a tab is fine */
				   "e = \x1b[31m\n"	/* 5 */
				   "d = \x7f\n"		/* 6 */
				   "u = caf\xc3\xa9\n"; /* 7: UTF-8 is fine */

	parse_bytes("binary.conf", text, sizeof(text) - 1);
	CPD_ASSERT_UINT_EQ(cfg.errors, 4);
	expect_error(2, "binary data (NUL byte) in config");
	expect_error(3, "control character 0x01 in config");
	expect_error(5, "control character 0x1b in config");
	expect_error(6, "control character 0x7f in config");
	CU_ASSERT_PTR_NULL(value("a", "x"));
	CU_ASSERT_PTR_NULL(value("a", "y"));
	CPD_ASSERT_STR_EQ(value("a", "z"), "ok\tok");
	CPD_ASSERT_STR_EQ(value("a", "u"), "caf\xc3\xa9");
	/* the escape sequence reached the terminal escaped, not raw */
	CPD_ASSERT_LACKS(log_text, "\x1b");
}

static void test_bad_section_names(void)
{
	parse("names.conf",
	      "[bad name]\n"				       /* 1 */
	      "k = 1\n"					       /* 2 */
	      "[a/b]\n"					       /* 3 */
	      "[..]\n"					       /* 4 */
	      "[x:]\n"					       /* 5 */
	      "[Upper]\n"				       /* 6 */
	      "[abcdefghijklmnopqrstuvwxyz0123456]\n"	       /* 7: 33 */
	      "[p:instance_name_that_is_far_too_long_xyz12]\n" /* 8: 43 */
	      "[]\n"					       /* 9 */
	      "[a:b:c]\n"				       /* 10 */
	      "[../../etc/evil]\n"			       /* 11 */
	      "[ok:fine_1]\n"				       /* 12 */
	      "k = 2\n"					       /* 13 */
	      "[abcdefghijklmnopqrstuvwxyz01234]\n");	       /* 14: 31 */
	CPD_ASSERT_UINT_EQ(cfg.errors, 10);
	expect_error(
		1, "bad section name 'bad name': plugin names are [a-z0-9_]+");
	expect_error(3, "bad section name 'a/b': plugin names are [a-z0-9_]+");
	expect_error(4, "bad section name '..': plugin names are [a-z0-9_]+");
	expect_error(5, "bad section name 'x:': instance names are [a-z0-9_]+");
	expect_error(6,
		     "bad section name 'Upper': plugin names are [a-z0-9_]+");
	expect_error(7, "plugin name longer than 31 characters");
	expect_error(8, "section name longer than 40 characters");
	expect_error(9, "bad section name '': plugin names are [a-z0-9_]+");
	expect_error(10,
		     "bad section name 'a:b:c': instance names are [a-z0-9_]+");
	expect_error(
		11,
		"bad section name '../../etc/evil': plugin names are [a-z0-9_]+");
	/* a bad section's keys are dropped without a second message */
	CPD_ASSERT_LACKS(log_text, "outside any section");
	CPD_ASSERT_UINT_EQ(cfg.nsections, 2);
	CPD_ASSERT_STR_EQ(value("ok:fine_1", "k"), "2");
	CU_ASSERT_PTR_NOT_NULL(section("abcdefghijklmnopqrstuvwxyz01234"));
}

static void test_section_header_syntax(void)
{
	parse("headers.conf", "[core\n"		  /* 1 */
			      "x = 1\n"		  /* 2 */
			      "[a] junk\n"	  /* 3 */
			      "[b] ; a comment\n" /* 4 */
			      "justakey\n"	  /* 5 */
			      "=value\n"	  /* 6 */
			      "Bad-Key = 1\n"	  /* 7 */
			      "ok = 1\n");	  /* 8 */
	CPD_ASSERT_UINT_EQ(cfg.errors, 5);
	expect_error(1, "section header without closing ']'");
	expect_error(3, "unexpected text after section header");
	expect_error(5, "expected 'key = value' or '[section]'");
	expect_error(6, "b: bad key '': keys are [a-z0-9_]+");
	expect_error(7, "b: bad key 'Bad-Key': keys are [a-z0-9_]+");
	CU_ASSERT_PTR_NULL(section("core"));
	CU_ASSERT_PTR_NULL(section("a"));
	CPD_ASSERT_STR_EQ(value("b", "ok"), "1");
	CPD_ASSERT_UINT_EQ(section("b")->nentries, 1);
}

static void test_all_errors_reported(void)
{
	char text[1024], longv[200];

	memset(longv, 'x', 199);
	longv[199] = '\0';
	snprintf(text, sizeof(text),
		 "stray = 1\n"	   /* 1: outside */
		 "[a]\n"	   /* 2 */
		 " indented = 1\n" /* 3 */
		 "nokey\n"	   /* 4 */
		 "[a]\n"	   /* 5: duplicate */
		 "[b]\n"	   /* 6 */
		 "l = %s\n"	   /* 7: too long */
		 "[c d]\n"	   /* 8 */
		 "e = \x02\n",	   /* 9 */
		 longv);
	parse("many.conf", text);
	CPD_ASSERT_UINT_EQ(cfg.errors, 7);
	CPD_ASSERT_UINT_EQ(cpd_count(log_text, "compendium: error: "), 7);
	expect_error(1, "key 'stray' outside any section");
	expect_error(
		3,
		"indented line: start keys and sections in column 1 (an indented line would continue the previous value)");
	expect_error(4, "expected 'key = value' or '[section]'");
	expect_error(7, "line is 203 bytes long; at most 199 are allowed");
	expect_error(8, "bad section name 'c d': plugin names are [a-z0-9_]+");
	expect_error(9, "control character 0x02 in config");
	CPD_ASSERT_CONTAINS(log_text, ":5: duplicate section [a], first at ");
}

static void test_unreadable(void)
{
	char *dir;

	config_free(&cfg);
	config_init(&cfg);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(config_load_file(&cfg, "/nonexistent/cpd.conf"),
			  -ENOENT);
	free(log_text);
	log_text = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(cfg.errors, 1);
	CPD_ASSERT_STR_EQ(
		log_text,
		"compendium: error: /nonexistent/cpd.conf: cannot open config: No such file or directory\n");

	if (asprintf(&dir, "%s/adir", cpd_test_tmpdir()) < 0)
		return;
	mkdir(dir, 0700);
	cpd_log_capture_start();
	CPD_ASSERT_INT_EQ(config_load_file(&cfg, dir), -EISDIR);
	free(log_text);
	log_text = cpd_log_capture_stop();
	CPD_ASSERT_UINT_EQ(cfg.errors, 2);
	CPD_ASSERT_CONTAINS(log_text,
			    "adir: cannot read config: Is a directory\n");
	free(dir);
}

static void test_parse_section_name(void)
{
	char plugin[32], why[160];

	CPD_ASSERT_INT_EQ(config_parse_section_name("csv:syscalls", plugin,
						    sizeof(plugin), why,
						    sizeof(why)),
			  0);
	CPD_ASSERT_STR_EQ(plugin, "csv");
	CPD_ASSERT_INT_EQ(config_parse_section_name("file", plugin,
						    sizeof(plugin), why,
						    sizeof(why)),
			  0);
	CPD_ASSERT_STR_EQ(plugin, "file");
	CPD_ASSERT_INT_EQ(config_parse_section_name("a/b", plugin,
						    sizeof(plugin), why,
						    sizeof(why)),
			  -EINVAL);
	CPD_ASSERT_STR_EQ(
		why, "bad section name 'a/b': plugin names are [a-z0-9_]+");
	/* the caller's buffer is respected, not overrun */
	CPD_ASSERT_INT_EQ(config_parse_section_name("abcdefgh", plugin, 8, why,
						    sizeof(why)),
			  -EINVAL);
}

/* ---- where the config comes from -------------------------------------------- */

static char *saved_env[3];
static const char *const env_names[3] = { "COMPENDIUM_CONFIG",
					  "XDG_CONFIG_HOME", "HOME" };

static void env_save(void)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		const char *v = getenv(env_names[i]);

		saved_env[i] = v ? strdup(v) : NULL;
	}
}

static void env_restore(void)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		if (saved_env[i])
			setenv(env_names[i], saved_env[i], 1);
		else
			unsetenv(env_names[i]);
		free(saved_env[i]);
		saved_env[i] = NULL;
	}
}

static char *mkconf(const char *dir, const char *sub)
{
	char *d, *p;

	if (asprintf(&d, "%s/%s", dir, sub) < 0)
		return NULL;
	/* mkdir -p, one level at a time */
	for (p = d + strlen(dir) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(d, 0700);
		*p = '/';
	}
	free(d);
	return cpd_test_write_text(dir, sub, "[core]\n");
}

static void expect_locate(const char *cli, const char *sysconf,
			  const char *want)
{
	char *got = config_locate(cli, sysconf);

	CPD_ASSERT_STR_EQ(got, want);
	free(got);
}

static void test_locate_order(void)
{
	const char *tmp = cpd_test_tmpdir();
	char *xdg, *home, *etc, *xdg_file, *home_file, *etc_file;

	env_save();
	if (asprintf(&xdg, "%s/loc/xdg", tmp) < 0 ||
	    asprintf(&home, "%s/loc/home", tmp) < 0 ||
	    asprintf(&etc, "%s/loc/etc", tmp) < 0)
		return;
	xdg_file = mkconf(tmp, "loc/xdg/compendium/compendium.conf");
	home_file = mkconf(tmp, "loc/home/.config/compendium/compendium.conf");
	etc_file = mkconf(tmp, "loc/etc/compendium/compendium.conf");
	CU_ASSERT_PTR_NOT_NULL_FATAL(etc_file);

	setenv("COMPENDIUM_CONFIG", "/from/env.conf", 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("HOME", home, 1);
	/* --config wins, whether or not the file exists (it is an error later) */
	expect_locate("/from/cli.conf", etc, "/from/cli.conf");
	/* then $COMPENDIUM_CONFIG, as given */
	expect_locate(NULL, etc, "/from/env.conf");
	/* an empty one counts as unset */
	setenv("COMPENDIUM_CONFIG", "", 1);
	expect_locate(NULL, etc, xdg_file);
	unsetenv("COMPENDIUM_CONFIG");
	expect_locate(NULL, etc, xdg_file);
	/* $XDG_CONFIG_HOME set but without the file: not ~/.config, sysconfdir */
	remove(xdg_file);
	expect_locate(NULL, etc, etc_file);
	/* no $XDG_CONFIG_HOME: ~/.config */
	unsetenv("XDG_CONFIG_HOME");
	expect_locate(NULL, etc, home_file);
	setenv("XDG_CONFIG_HOME", "", 1);
	expect_locate(NULL, etc, home_file);
	remove(home_file);
	expect_locate(NULL, etc, etc_file);
	/* nothing anywhere: NULL, the built-in default */
	remove(etc_file);
	expect_locate(NULL, etc, NULL);
	unsetenv("HOME");
	expect_locate(NULL, etc, NULL);

	env_restore();
	free(xdg);
	free(home);
	free(etc);
	free(xdg_file);
	free(home_file);
	free(etc_file);
}

static CU_TestInfo config_tests[] = {
	{ "sections_keys_and_line_numbers", test_sections_and_lines },
	{ "string_source", test_string_source },
	{ "utf8_bom_accepted", test_bom },
	{ "utf8_bom_not_counted_in_line_length", test_bom_long_line },
	{ "refused_section_line_owns_its_keys", test_refused_section_keys },
	{ "crlf_accepted", test_crlf },
	{ "duplicate_section_names_both_lines", test_duplicate_section },
	{ "key_outside_any_section", test_key_outside_section },
	{ "indented_lines_refused_not_appended", test_indented_lines },
	{ "line_of_199_accepted_200_refused", test_line_length },
	{ "nul_and_control_characters_refused", test_binary },
	{ "bad_section_names_refused", test_bad_section_names },
	{ "section_header_and_key_syntax", test_section_header_syntax },
	{ "every_error_reported_and_counted", test_all_errors_reported },
	{ "unreadable_file", test_unreadable },
	{ "parse_section_name", test_parse_section_name },
	{ "locate_search_order", test_locate_order },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "config",
	  .pCleanupFunc = suite_fini,
	  .pTests = config_tests },
	CU_SUITE_INFO_NULL,
};
