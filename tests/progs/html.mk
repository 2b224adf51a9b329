# SPDX-License-Identifier: GPL-2.0-or-later
# The html output's tests: the htmlio tracee and the integration test that
# checks the report with html_check.py, and CUnit tests of the escaper and
# of coalescing and the cap against the fake host. Included from
# tests/progs/local.mk. (The viewer's browser tests live in tests/browser
# and trace htmlio too.)
check_PROGRAMS += tests/progs/htmlio
tests_progs_htmlio_LDADD = -lpthread

html_tests = tests/integration/html_report.test
TESTS += $(html_tests)
EXTRA_DIST += $(html_tests) tests/integration/html_check.py

if HAVE_CUNIT
html_unit_tests = tests/unit/html_json tests/unit/html_data \
	tests/unit/html_cap tests/unit/html_panels
check_PROGRAMS += $(html_unit_tests)
TESTS += $(html_unit_tests)

HTML_UNIT_CPP = $(CPD_TEST_CPP_OPTS) $(PLUGIN_CPP_OPTS) $(html_zlib_cpp) \
	-I$(top_srcdir)/plugins/outputs/html \
	-I$(top_builddir)/plugins/outputs/html
HTML_UNIT_LIBS = plugins/libcpdescape.la plugins/libcpdoutput.la \
	plugins/libcpdutil.la \
	$(CPD_TEST_LIBS) $(ZLIB_LIBS)

tests_unit_html_json_SOURCES = tests/unit/html_json.c
tests_unit_html_json_CPPFLAGS = $(HTML_UNIT_CPP)
tests_unit_html_json_LDADD = $(HTML_UNIT_LIBS)
# the plugin's sources and the tests' fixture, built once for the three
check_LTLIBRARIES += tests/unit/libhtmltest.la
tests_unit_libhtmltest_la_SOURCES = tests/unit/html_fixture.c \
	tests/unit/html_fixture.h \
	plugins/outputs/html/html.c plugins/outputs/html/html_data.c \
	plugins/outputs/html/html_util.c plugins/outputs/html/html_lanes.c \
	plugins/outputs/html/html_rows.c plugins/outputs/html/html_agg.c \
	plugins/outputs/html/html_series.c \
	plugins/outputs/html/html_findings.c \
	plugins/outputs/html/html_reports.c \
	plugins/outputs/html/html_detail.c plugins/outputs/html/html_write.c \
	plugins/outputs/html/html_sink.c
nodist_tests_unit_libhtmltest_la_SOURCES = \
	plugins/outputs/html/html_template.h
tests_unit_libhtmltest_la_CPPFLAGS = $(HTML_UNIT_CPP)
tests_unit_html_data_SOURCES = tests/unit/html_data.c
tests_unit_html_data_CPPFLAGS = $(HTML_UNIT_CPP)
tests_unit_html_data_LDADD = tests/unit/libhtmltest.la $(HTML_UNIT_LIBS)
tests_unit_html_cap_SOURCES = tests/unit/html_cap.c
tests_unit_html_cap_CPPFLAGS = $(HTML_UNIT_CPP)
tests_unit_html_cap_LDADD = tests/unit/libhtmltest.la $(HTML_UNIT_LIBS)
tests_unit_html_panels_SOURCES = tests/unit/html_panels.c
tests_unit_html_panels_CPPFLAGS = $(HTML_UNIT_CPP)
tests_unit_html_panels_LDADD = tests/unit/libhtmltest.la $(HTML_UNIT_LIBS)
endif
