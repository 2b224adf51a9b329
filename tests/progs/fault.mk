# SPDX-License-Identifier: GPL-2.0-or-later
# The fault analyzer's tracees and integration tests: faulter touches known
# numbers of fresh pages in known regions from a thread and a child, and
# prints them; remapper maps, touches and unmaps at one address again and
# again and prints what the kernel said each was; the tests compare with
# the FAULT events. Included from tests/progs/local.mk.
check_PROGRAMS += tests/progs/faulter tests/progs/remapper
tests_progs_faulter_LDADD = -lpthread

fault_tests = tests/integration/fault_basic.test \
	tests/integration/fault_cache.test
TESTS += $(fault_tests)
EXTRA_DIST += $(fault_tests)
