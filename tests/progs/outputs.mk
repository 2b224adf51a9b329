# SPDX-License-Identifier: GPL-2.0-or-later
# The csv, jsonl and perfetto outputs: a tracee with hostile file names, the escaping
# unit checks, the integration tests that parse the files back with
# real parsers, and a tracee whose three outputs are compared with golden
# files. Included from tests/progs/local.mk.
check_PROGRAMS += \
	tests/progs/hostile_names \
	tests/progs/escape_check \
	tests/progs/golden_demo

tests_progs_escape_check_SOURCES = tests/progs/escape_check.c
tests_progs_escape_check_CPPFLAGS = $(PLUGIN_CPP_OPTS) -I$(top_srcdir)/plugins
tests_progs_escape_check_LDADD = plugins/libcpdescape.la

# a third party's kind, with one field of each type (outputs_kinds.test)
check_LTLIBRARIES += tests/progs/every_kind.la
tests_progs_every_kind_la_SOURCES = tests/progs/every_kind.c \
	tests/lib/every_kind.h
tests_progs_every_kind_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -I$(top_srcdir)/tests/lib
tests_progs_every_kind_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_progs_every_kind_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere

output_tests = \
	tests/integration/outputs_csv.test \
	tests/integration/outputs_jsonl.test \
	tests/integration/outputs_perfetto.test \
	tests/integration/outputs_together.test \
	tests/integration/outputs_golden.test \
	tests/integration/outputs_kinds.test \
	tests/integration/reports_schema.test
TESTS += tests/progs/escape_check $(output_tests)
EXTRA_DIST += $(output_tests) tests/integration/outputs_check.py \
	tests/integration/outputs_perfetto.py \
	tests/data/outputs/golden.csv tests/data/outputs/golden.jsonl \
	tests/data/outputs/golden.json \
	tests/data/outputs/kinds.console tests/data/outputs/kinds.csv \
	tests/data/outputs/kinds.jsonl tests/data/outputs/kinds.json
