# SPDX-License-Identifier: GPL-2.0-or-later
# Torture tracees (issue 9): each prints its own account of what it did,
# and its test traces it with the capture plugin and checks the events
# against that account. Included from tests/progs/local.mk.
check_PROGRAMS += \
	tests/progs/torture_vfork \
	tests/progs/torture_stdfds \
	tests/progs/torture_creds \
	tests/progs/torture_ptrace \
	tests/progs/torture_exit \
	tests/progs/torture_sigstorm \
	tests/progs/torture_busy \
	tests/progs/torture_badptr
tests_progs_torture_exit_LDADD = -lpthread
tests_progs_torture_busy_LDADD = -lpthread

torture_tests = \
	tests/integration/torture_threads500.test \
	tests/integration/torture_vfork.test \
	tests/integration/torture_stdfds.test \
	tests/integration/torture_creds.test \
	tests/integration/torture_ptrace.test \
	tests/integration/torture_untraced.test \
	tests/integration/torture_exit.test \
	tests/integration/torture_sigstorm.test \
	tests/integration/torture_attach.test \
	tests/integration/torture_badptr.test \
	tests/integration/torture_badstr.test
TESTS += $(torture_tests)
EXTRA_DIST += $(torture_tests)
