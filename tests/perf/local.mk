# SPDX-License-Identifier: GPL-2.0-or-later
# Tests of the per-syscall cost work (issue #10): behaviour only, never
# timings.
perf_tests = tests/perf/console_writes.test
TESTS += $(perf_tests)
EXTRA_DIST += $(perf_tests)
