# SPDX-License-Identifier: GPL-2.0-or-later
# The stats analyzer: tracees with known latencies, a known split of their
# time, and a server to attach to with --interval, and the integration
# tests that hold its figures to them and to strace -c. Included from
# tests/progs/local.mk.
check_PROGRAMS += \
	tests/progs/statsleep \
	tests/progs/timesplit \
	tests/progs/statsrv

stats_tests = \
	tests/integration/stats_latency.test \
	tests/integration/stats_breakdown.test \
	tests/integration/stats_strace.test \
	tests/integration/stats_interval.test
TESTS += $(stats_tests)
EXTRA_DIST += $(stats_tests)
