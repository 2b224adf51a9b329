# SPDX-License-Identifier: GPL-2.0-or-later
# Small tracee programs: each does known things and prints what the tracer
# must report about them, computed from its own return values.
check_PROGRAMS += \
	tests/progs/threads \
	tests/progs/forkexec \
	tests/progs/execthread \
	tests/progs/clone3 \
	tests/progs/signals \
	tests/progs/killmid \
	tests/progs/int80 \
	tests/progs/fdpass \
	tests/progs/getppid_loop \
	tests/progs/ticker \
	tests/progs/sockaddrs \
	tests/progs/structargs \
	tests/progs/forkstorm

tests_progs_threads_LDADD = -lpthread
tests_progs_execthread_LDADD = -lpthread
tests_progs_killmid_LDADD = -lpthread
tests_progs_ticker_LDADD = -lpthread
noinst_HEADERS += tests/progs/marker.h

include tests/progs/console.mk
include tests/progs/analyzers.mk
include tests/progs/outputs.mk
include tests/progs/html.mk
include tests/progs/stats.mk
include tests/progs/dns.mk
include tests/progs/lib.mk
include tests/progs/findings.mk

# The capture output used by the integration tests, built as a real module
# on the outputs' library like any other output.
check_LTLIBRARIES += tests/lib/capture.la
tests_lib_capture_la_SOURCES = tests/lib/capture.c
tests_lib_capture_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_lib_capture_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_lib_capture_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere
tests_lib_capture_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
check_LTLIBRARIES += tests/lib/capture_entry.la
tests_lib_capture_entry_la_SOURCES = tests/lib/capture.c
tests_lib_capture_entry_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -DCAPTURE_ENTRY
tests_lib_capture_entry_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_lib_capture_entry_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere
tests_lib_capture_entry_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
check_LTLIBRARIES += tests/lib/capture_timed.la
tests_lib_capture_timed_la_SOURCES = tests/lib/capture.c
tests_lib_capture_timed_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -DCAPTURE_TIMED
tests_lib_capture_timed_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_lib_capture_timed_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere
tests_lib_capture_timed_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
check_LTLIBRARIES += tests/lib/capture_ptrace.la
tests_lib_capture_ptrace_la_SOURCES = tests/lib/capture.c
tests_lib_capture_ptrace_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -DCAPTURE_PTRACE
tests_lib_capture_ptrace_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_lib_capture_ptrace_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere
tests_lib_capture_ptrace_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
check_LTLIBRARIES += tests/lib/capture_payload.la
tests_lib_capture_payload_la_SOURCES = tests/lib/capture.c
tests_lib_capture_payload_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -DCAPTURE_PAYLOAD
tests_lib_capture_payload_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_lib_capture_payload_la_LDFLAGS = $(PLUGIN_LD_OPTS) -rpath /nowhere
tests_lib_capture_payload_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
include tests/progs/fault.mk
include tests/progs/ebpf.mk
include tests/progs/torture.mk
include tests/progs/engine.mk
