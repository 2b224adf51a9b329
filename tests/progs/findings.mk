# SPDX-License-Identifier: GPL-2.0-or-later
# The findings analyzer: findings_demo does, per subcommand, what one rule
# must catch and what it must not; one integration test per rule traces
# it. Real workloads too: a C project built clean and with a broken file,
# and a script fetching from a local HTTP server. Included from
# tests/progs/local.mk.
check_PROGRAMS += tests/progs/findings_demo

findings_tests = \
	tests/integration/findings_probe.test \
	tests/integration/findings_failed_open.test \
	tests/integration/findings_exit.test \
	tests/integration/findings_repeat.test \
	tests/integration/findings_connect.test \
	tests/integration/findings_incomplete.test \
	tests/integration/findings_build.test \
	tests/integration/findings_loopback.test
TESTS += $(findings_tests)
EXTRA_DIST += $(findings_tests) tests/integration/findings_lib.sh

if HAVE_CUNIT
check_PROGRAMS += tests/unit/analyzers_findings
TESTS += tests/unit/analyzers_findings
tests_unit_analyzers_findings_SOURCES = tests/unit/analyzers_findings.c \
	$(plugins_findings_la_SOURCES)
tests_unit_analyzers_findings_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_findings_LDADD = $(ANALYZER_UNIT_LIBS)
endif
