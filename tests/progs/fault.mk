# SPDX-License-Identifier: GPL-2.0-or-later
# The fault analyzer's tracee and integration test: faulter touches known
# numbers of fresh pages in known regions from a thread and a child, and
# prints them; the test compares with the FAULT events. Included from
# tests/progs/local.mk.
check_PROGRAMS += tests/progs/faulter
tests_progs_faulter_LDADD = -lpthread

fault_tests = tests/integration/fault_basic.test
TESTS += $(fault_tests)
EXTRA_DIST += $(fault_tests)
