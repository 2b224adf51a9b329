# SPDX-License-Identifier: GPL-2.0-or-later
tracer_tests = \
	tests/integration/tracer_exit.test \
	tests/integration/tracer_threads.test \
	tests/integration/tracer_fork.test \
	tests/integration/tracer_execthread.test \
	tests/integration/tracer_clone3.test \
	tests/integration/tracer_signals.test \
	tests/integration/tracer_kill.test \
	tests/integration/tracer_int80.test \
	tests/integration/tracer_fds.test \
	tests/integration/tracer_seccomp.test \
	tests/integration/core_stats.test \
	tests/integration/tracer_attach.test \
	tests/integration/tracer_sigint.test \
	tests/integration/tracer_sockaddr.test \
	tests/integration/tracer_forkstorm.test \
	tests/integration/output_faults.test \
	tests/integration/tracer_decode.test \
	tests/integration/tracer_structs.test \
	tests/integration/analyzers_strace.test
TESTS += $(tracer_tests)
EXTRA_DIST += $(tracer_tests)

# compendium diff and --expect (core/diff, plugins/analyzers/expect)
diffexp_tests = \
	tests/integration/diff_build.test \
	tests/integration/diff_http.test \
	tests/integration/diff_dns.test \
	tests/integration/diff_input.test \
	tests/integration/expect_rules.test \
	tests/integration/expect_out.test
TESTS += $(diffexp_tests)
EXTRA_DIST += $(diffexp_tests) tests/data/cproj/Makefile \
	tests/data/cproj/main.c tests/data/cproj/util.c \
	tests/data/cproj/extra.c tests/data/cproj/util.h
