# SPDX-License-Identifier: GPL-2.0-or-later
# The SDK as a third party sees it: the ABI layout frozen at compile time
# (a layout change breaks the build of the test, so make check fails),
# and every header usable alone from strict C and C++.
check_PROGRAMS += tests/sdk/test_abi_layout
tests_sdk_test_abi_layout_SOURCES = tests/sdk/test_abi_layout.c
# the SDK headers only, as a plugin sees them
tests_sdk_test_abi_layout_CPPFLAGS = -I$(top_srcdir)/sdk/include
TESTS += tests/sdk/test_abi_layout tests/sdk/headers.test \
	tests/sdk/abi_1_0.test
EXTRA_DIST += tests/sdk/headers.test tests/sdk/cxx_plugin.cc \
	tests/sdk/abi_1_0.test tests/sdk/abi-1.0/README \
	tests/sdk/abi-1.0/peek.c tests/sdk/abi-1.0/tally.c \
	tests/sdk/abi-1.0/topfiles.c $(abi10_headers)
# The SDK headers as ABI 1.0 shipped them: plugins built against them must
# keep loading and working (abi_1_0.test).
abi10_headers = \
	tests/sdk/abi-1.0/compendium/compendium.h \
	tests/sdk/abi-1.0/compendium/event.h \
	tests/sdk/abi-1.0/compendium/field.h \
	tests/sdk/abi-1.0/compendium/host.h \
	tests/sdk/abi-1.0/compendium/option.h \
	tests/sdk/abi-1.0/compendium/plugin.h \
	tests/sdk/abi-1.0/compendium/syscall.h \
	tests/sdk/abi-1.0/compendium/types.h
