# SPDX-License-Identifier: GPL-2.0-or-later
# The console output's tests; included from the top-level build.
#  - format_check: golden values of plugins/lib/format.c (bytes, durations,
#    escaping), linked against the same static library the plugins use.
#  - console_demo: a deterministic tracee (files, a failed open, hostile
#    file names, fork + exec, exit 3).
#  - console_feed: a test analyzer publishing one of every event and report
#    the console renders, so its formats are pinned independently of what
#    the real analyzers choose to publish.
#  - tests/integration/console_*.test: the real binary, compared with the
#    golden files under tests/data/console/.
check_PROGRAMS += tests/progs/format_check tests/progs/console_demo
tests_progs_format_check_SOURCES = tests/progs/format_check.c
tests_progs_format_check_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins
tests_progs_format_check_LDADD = plugins/libcpdutil.la
tests_progs_console_demo_SOURCES = tests/progs/console_demo.c

check_LTLIBRARIES += tests/progs/console_feed.la
tests_progs_console_feed_la_SOURCES = tests/progs/console_feed.c
tests_progs_console_feed_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_progs_console_feed_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_progs_console_feed_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere

console_tests = \
	tests/integration/console_render.test \
	tests/integration/console_color.test \
	tests/integration/console_copy.test \
	tests/integration/console_files.test
TESTS += tests/progs/format_check $(console_tests)
EXTRA_DIST += $(console_tests) \
	tests/data/console/render.expected \
	tests/data/console/render-verbose.expected \
	tests/data/console/render-hidden.expected \
	tests/data/console/files.expected \
	tests/integration/console_lib.sh
