# SPDX-License-Identifier: GPL-2.0-or-later
# The overhead benchmark (issue #10): 'make bench' builds what it needs and
# runs tests/bench/run (BENCH_ARGS='--quick' for a short run). Benchmarks
# are never timed tests: make check only builds the helpers (so they stay
# warning-free) and runs the runner's --dry-run self check, which times
# nothing.
bench_programs = \
	tests/bench/benchtime \
	tests/bench/ptrace_floor \
	tests/bench/syscall_loop \
	tests/bench/small_files \
	tests/bench/threads \
	tests/bench/tcp_loop \
	tests/bench/echo \
	tests/bench/file_events \
	tests/bench/mmap_loop
# the eBPF engine's floor: a sys_exit program that only filters
if ENABLE_BPF
bench_programs += tests/bench/bpf_floor
tests_bench_bpf_floor_SOURCES = tests/bench/bpf_floor.c
tests_bench_bpf_floor_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/bpf \
	$(LIBBPF_CFLAGS)
tests_bench_bpf_floor_LDADD = $(LIBBPF_LIBS)
endif
check_PROGRAMS += $(bench_programs)
tests_bench_benchtime_SOURCES = tests/bench/benchtime.c
tests_bench_ptrace_floor_SOURCES = tests/bench/ptrace_floor.c
tests_bench_syscall_loop_SOURCES = tests/bench/workloads/syscall_loop.c
tests_bench_small_files_SOURCES = tests/bench/workloads/small_files.c
tests_bench_threads_SOURCES = tests/bench/workloads/threads.c
tests_bench_threads_LDADD = -lpthread
tests_bench_tcp_loop_SOURCES = tests/bench/workloads/tcp_loop.c
tests_bench_file_events_SOURCES = tests/bench/workloads/file_events.c
tests_bench_echo_SOURCES = tests/bench/workloads/echo.c
tests_bench_echo_LDADD = -lpthread
tests_bench_mmap_loop_SOURCES = tests/bench/workloads/mmap_loop.c

dist_noinst_SCRIPTS += tests/bench/run tests/bench/seccomp_overhead.sh
TESTS += tests/bench/selfcheck.test
EXTRA_DIST += tests/bench/selfcheck.test doc/performance.md

BENCH_ARGS =
bench: all $(bench_programs:=$(EXEEXT))
	$(srcdir)/tests/bench/run --compendium '$(abs_top_builddir)/compendium' \
		--bin-dir '$(abs_top_builddir)/tests/bench' $(BENCH_ARGS)
.PHONY: bench
