# SPDX-License-Identifier: GPL-2.0-or-later
# The csv, jsonl and perfetto outputs: a tracee with hostile file names, the escaping
# unit checks, and the integration tests that parse the files back with
# real parsers. Included from tests/progs/local.mk.
check_PROGRAMS += \
	tests/progs/hostile_names \
	tests/progs/escape_check

tests_progs_escape_check_SOURCES = tests/progs/escape_check.c
tests_progs_escape_check_CPPFLAGS = $(PLUGIN_CPP_OPTS) -I$(top_srcdir)/plugins
tests_progs_escape_check_LDADD = plugins/libcpdescape.la

output_tests = \
	tests/integration/outputs_csv.test \
	tests/integration/outputs_jsonl.test \
	tests/integration/outputs_perfetto.test \
	tests/integration/outputs_together.test
TESTS += tests/progs/escape_check $(output_tests)
EXTRA_DIST += $(output_tests) tests/integration/outputs_check.py \
	tests/integration/outputs_perfetto.py
