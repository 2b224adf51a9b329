# SPDX-License-Identifier: GPL-2.0-or-later
# The plugins' shared library (plugins/lib) on its own, against the fake
# host: the event-field decoder every output renders from, instance
# state, output files. Included from tests/progs/local.mk.
if HAVE_CUNIT
lib_unit_tests = \
	tests/unit/lib_evfield \
	tests/unit/lib_instance \
	tests/unit/lib_outfile
check_PROGRAMS += $(lib_unit_tests)
TESTS += $(lib_unit_tests)

LIB_UNIT_CPP = $(CPD_TEST_CPP_OPTS) $(PLUGIN_CPP_OPTS)
LIB_UNIT_LIBS = plugins/libcpdoutput.la plugins/libcpdutil.la $(CPD_TEST_LIBS)

tests_unit_lib_evfield_SOURCES = tests/unit/lib_evfield.c \
	tests/lib/every_kind.h
tests_unit_lib_evfield_CPPFLAGS = $(LIB_UNIT_CPP)
tests_unit_lib_evfield_LDADD = $(LIB_UNIT_LIBS) -lm
tests_unit_lib_instance_SOURCES = tests/unit/lib_instance.c
tests_unit_lib_instance_CPPFLAGS = $(LIB_UNIT_CPP)
tests_unit_lib_instance_LDADD = $(LIB_UNIT_LIBS)
tests_unit_lib_outfile_SOURCES = tests/unit/lib_outfile.c
tests_unit_lib_outfile_CPPFLAGS = $(LIB_UNIT_CPP)
tests_unit_lib_outfile_LDADD = $(LIB_UNIT_LIBS)
endif
