# SPDX-License-Identifier: GPL-2.0-or-later
# The SDK as a third party sees it: the ABI layout frozen at compile time
# (a layout change breaks the build of the test, so make check fails),
# and every header usable alone from strict C and C++.
check_PROGRAMS += tests/sdk/test_abi_layout
tests_sdk_test_abi_layout_SOURCES = tests/sdk/test_abi_layout.c
# the SDK headers only, as a plugin sees them
tests_sdk_test_abi_layout_CPPFLAGS = -I$(top_srcdir)/sdk/include
TESTS += tests/sdk/test_abi_layout tests/sdk/headers.test
EXTRA_DIST += tests/sdk/headers.test tests/sdk/cxx_plugin.cc
