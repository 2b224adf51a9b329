# SPDX-License-Identifier: GPL-2.0-or-later
# The analyzers' tracee programs and integration tests (file, net, mmap):
# each program prints the figures compendium must report about it, and
# its test compares them with what the analyzer published. Included from
# tests/progs/local.mk.
check_PROGRAMS += \
	tests/progs/fileio \
	tests/progs/netio \
	tests/progs/memio

tests_progs_netio_LDADD = -lpthread
tests_progs_memio_LDADD = -lpthread

analyzer_tests = \
	tests/integration/analyzers_file.test \
	tests/integration/analyzers_net.test \
	tests/integration/analyzers_mmap.test
TESTS += $(analyzer_tests)
EXTRA_DIST += $(analyzer_tests)

# Unit tests against the fake host: each compiles one plugin in, as
# tests/unit/test_fake_host does, plus the noise filter and the call map
# on their own.
if HAVE_CUNIT
analyzer_unit_tests = \
	tests/unit/analyzers_noise \
	tests/unit/analyzers_search \
	tests/unit/analyzers_callmap \
	tests/unit/analyzers_hdrhist \
	tests/unit/analyzers_stats \
	tests/unit/analyzers_file \
	tests/unit/analyzers_net \
	tests/unit/analyzers_mmap \
	tests/unit/analyzers_expect
check_PROGRAMS += $(analyzer_unit_tests)
TESTS += $(analyzer_unit_tests)

ANALYZER_UNIT_CPP = $(CPD_TEST_CPP_OPTS) $(PLUGIN_CPP_OPTS) \
	-I$(top_srcdir)/plugins
ANALYZER_UNIT_LIBS = plugins/libcpdutil.la $(CPD_TEST_LIBS)

tests_unit_analyzers_noise_SOURCES = tests/unit/analyzers_noise.c
tests_unit_analyzers_noise_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_noise_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_search_SOURCES = tests/unit/analyzers_search.c
tests_unit_analyzers_search_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_search_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_callmap_SOURCES = tests/unit/analyzers_callmap.c
tests_unit_analyzers_callmap_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_callmap_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_hdrhist_SOURCES = tests/unit/analyzers_hdrhist.c
tests_unit_analyzers_hdrhist_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_hdrhist_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_stats_SOURCES = tests/unit/analyzers_stats.c \
	plugins/analyzers/stats.c plugins/analyzers/stats_report.c \
	plugins/analyzers/stats_tasks.c
tests_unit_analyzers_stats_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_stats_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_file_SOURCES = tests/unit/analyzers_file.c plugins/analyzers/file.c
tests_unit_analyzers_file_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_file_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_net_SOURCES = tests/unit/analyzers_net.c plugins/analyzers/net.c
tests_unit_analyzers_net_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_net_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_mmap_SOURCES = tests/unit/analyzers_mmap.c plugins/analyzers/mmap.c
tests_unit_analyzers_mmap_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_mmap_LDADD = $(ANALYZER_UNIT_LIBS)
tests_unit_analyzers_expect_SOURCES = tests/unit/analyzers_expect.c \
	$(plugins_expect_la_SOURCES)
tests_unit_analyzers_expect_CPPFLAGS = $(ANALYZER_UNIT_CPP)
tests_unit_analyzers_expect_LDADD = $(ANALYZER_UNIT_LIBS)
endif
