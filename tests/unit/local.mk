# SPDX-License-Identifier: GPL-2.0-or-later
# CUnit tests of the core, one binary per unit, all sharing main() and the
# helpers of tests/lib/libcpdtest.la and linking the very core/libcpdcore.la
# the compendium binary is made of. Also the foundation's integration
# scripts (tests/integration/local.mk lists the tracer's).
CPD_TEST_CPP_OPTS = $(AM_CPPFLAGS) -I$(top_srcdir)/core -I$(top_builddir)/core \
	-I$(top_srcdir)/plugins \
	-I$(top_srcdir)/tests/lib $(CUNIT_CFLAGS) \
	-DCPD_TEST_BADDIR='"$(abs_top_builddir)/tests/bad/.libs"'

foundation_tests = \
	tests/integration/config_errors.test \
	tests/integration/loader_bad.test \
	tests/integration/cli_basics.test \
	tests/integration/sdk_example.test \
	tests/integration/plugin_errors.test
TESTS += $(foundation_tests)
EXTRA_DIST += $(foundation_tests) tests/no_cunit.test

if HAVE_CUNIT
check_LTLIBRARIES += tests/lib/libcpdtest.la
tests_lib_libcpdtest_la_SOURCES = \
	tests/lib/cpd_test.h \
	tests/lib/cunit_main.c \
	tests/lib/testutil.c \
	tests/lib/fake_host.c tests/lib/fake_host.h
tests_lib_libcpdtest_la_CPPFLAGS = $(CPD_TEST_CPP_OPTS)

unit_tests = \
	tests/unit/test_bus \
	tests/unit/test_config \
	tests/unit/test_options \
	tests/unit/test_loader \
	tests/unit/test_fields \
	tests/unit/test_reports \
	tests/unit/test_loop \
	tests/unit/test_blockwait \
	tests/unit/test_ticks \
	tests/unit/test_sysent_xlat \
	tests/unit/test_fdtable \
	tests/unit/test_seccomp \
	tests/unit/test_decode \
	tests/unit/test_umem \
	tests/unit/test_fake_host \
	tests/unit/test_json \
	tests/unit/test_diff
check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)

CPD_TEST_LIBS = tests/lib/libcpdtest.la core/libcpdcore.la $(CUNIT_LIBS)

tests_unit_test_bus_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_bus_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_config_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_config_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_options_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_options_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_loader_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_loader_LDADD = $(CPD_TEST_LIBS)
# it dlopens them: make tests/unit/test_loader builds them too
EXTRA_tests_unit_test_loader_DEPENDENCIES = $(bad_plugins)
tests_unit_test_fields_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_fields_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_reports_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_reports_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_loop_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_loop_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_blockwait_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_blockwait_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_ticks_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_ticks_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_sysent_xlat_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_sysent_xlat_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_fdtable_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_fdtable_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_seccomp_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_seccomp_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_decode_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_decode_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_umem_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_umem_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_json_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_json_LDADD = $(CPD_TEST_LIBS)
tests_unit_test_diff_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_diff_LDADD = $(CPD_TEST_LIBS)
# a plugin under test is compiled in, as plugin tests do
tests_unit_test_fake_host_SOURCES = tests/unit/test_fake_host.c \
	tests/bad/good.c
tests_unit_test_fake_host_CPPFLAGS = $(CPD_TEST_CPP_OPTS)
tests_unit_test_fake_host_LDADD = $(CPD_TEST_LIBS)

else
TESTS += tests/no_cunit.test
endif

