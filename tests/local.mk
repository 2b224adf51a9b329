# SPDX-License-Identifier: GPL-2.0-or-later
# The test suite: CUnit unit tests, deliberately broken plugins, SDK
# checks, small tracee programs and the integration scripts that trace
# them. A test that needs something missing exits 77 (skip) and says why.
TEST_EXTENSIONS = .test
TEST_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	abs_top_builddir='$(abs_top_builddir)'; export abs_top_builddir; \
	abs_top_srcdir='$(abs_top_srcdir)'; export abs_top_srcdir; \
	CC='$(CC)'; export CC; CXX='$(CXX)'; export CXX; \
	PKG_CONFIG='$(PKG_CONFIG)'; export PKG_CONFIG; \
	MAKE='$(MAKE)'; export MAKE; \
	COMPENDIUM_PLUGIN_PATH='$(abs_top_builddir)/plugins/.libs'; \
	export COMPENDIUM_PLUGIN_PATH; \
	COMPENDIUM_CONFIG=; export COMPENDIUM_CONFIG; \
	XDG_CONFIG_HOME='$(abs_top_builddir)/tests/no-xdg'; export XDG_CONFIG_HOME; \
	NO_COLOR=1; export NO_COLOR;

EXTRA_DIST += tests/lib/init.sh tests/fuzz

include tests/unit/local.mk
include tests/bad/local.mk
include tests/sdk/local.mk
include tests/progs/local.mk
include tests/integration/local.mk
include tests/bench/local.mk
include tests/browser/local.mk
include tests/perf/local.mk

# The same suite with every CUnit binary and every traced run of
# compendium under valgrind; any error or definite leak fails the test.
# Under the ptrace engine: valgrind does not model bpf(2) (the eBPF
# engine's own tests skip there; the sanitizer build runs them).
VALGRIND_OPTS = --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect -q
check-valgrind:
	@test -n "$(VALGRIND)" || { echo "valgrind not found"; exit 1; }
	COMPENDIUM_ENGINE=ptrace $(MAKE) $(AM_MAKEFLAGS) check \
		LOG_COMPILER="$(VALGRIND) $(VALGRIND_OPTS)" \
		CPD_TEST_WRAPPER="$(VALGRIND) $(VALGRIND_OPTS)"

# The integration tests again under the ptrace engine: make check runs
# them under the default, auto, which as root is the eBPF engine.
check-ptrace:
	COMPENDIUM_ENGINE=ptrace $(MAKE) $(AM_MAKEFLAGS) check \
		TESTS="$(filter tests/integration/%,$(TESTS))"
.PHONY: check-valgrind check-ptrace
