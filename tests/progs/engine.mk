# SPDX-License-Identifier: GPL-2.0-or-later
# The eBPF engine's own tests: what only it can see (io_uring I/O), what
# it must never do (stop a task, outlive compendium's fds, see another
# run's processes), how it steps aside (no privilege, a tracepoint
# missing), and that real workloads give the same figures under both
# engines. They skip (77, with the reason) where the engine cannot load.
# Included from tests/progs/local.mk.
check_PROGRAMS += tests/progs/uring_read tests/progs/payload53

engine_tests = \
	tests/integration/engine_uring.test \
	tests/integration/engine_attach.test \
	tests/integration/engine_cleanup.test \
	tests/integration/engine_concurrent.test \
	tests/integration/engine_fallback.test \
	tests/integration/engine_compare.test \
	tests/integration/engine_timed.test \
	tests/integration/engine_payload.test \
	tests/integration/engine_restart.test
TESTS += $(engine_tests)
EXTRA_DIST += $(engine_tests)
