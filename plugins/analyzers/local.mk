# SPDX-License-Identifier: GPL-2.0-or-later
# Analyzers: they turn decoded syscalls (file, net, mmap) or kernel records
# (fault: perf events; sched, blkio: BPF, see plugins/ebpf/local.mk) into
# domain events and reports.
pkglib_LTLIBRARIES += plugins/file.la plugins/net.la plugins/mmap.la \
	plugins/fault.la plugins/findings.la plugins/expect.la

plugins_file_la_SOURCES = plugins/analyzers/file.c
plugins_file_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_file_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_file_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_file_la_LIBADD = plugins/libcpdutil.la

plugins_net_la_SOURCES = plugins/analyzers/net.c
plugins_net_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_net_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_net_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_net_la_LIBADD = plugins/libcpdutil.la

plugins_mmap_la_SOURCES = plugins/analyzers/mmap.c
plugins_mmap_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_mmap_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_mmap_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_mmap_la_LIBADD = plugins/libcpdutil.la

plugins_findings_la_SOURCES = \
	plugins/analyzers/findings/findings.c \
	plugins/analyzers/findings/findings.h \
	plugins/analyzers/findings/failures.c \
	plugins/analyzers/findings/incomplete.c \
	plugins/analyzers/findings/objects.c \
	plugins/analyzers/findings/procs.c \
	plugins/analyzers/findings/searches.c \
	plugins/analyzers/findings/tables.c \
	plugins/analyzers/findings/text.c
plugins_findings_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_findings_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_findings_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_findings_la_LIBADD = plugins/libcpdutil.la

plugins_fault_la_SOURCES = plugins/analyzers/fault.c
plugins_fault_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_fault_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_fault_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_fault_la_LIBADD = plugins/libcpdutil.la

# stats: syscall statistics and where each process's time went
pkglib_LTLIBRARIES += plugins/stats.la
plugins_stats_la_SOURCES = plugins/analyzers/stats.c \
	plugins/analyzers/stats.h \
	plugins/analyzers/stats_report.c \
	plugins/analyzers/stats_tasks.c
plugins_stats_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_stats_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_stats_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_stats_la_LIBADD = plugins/libcpdutil.la

# expect: --expect assertions on the other analyzers' events, for CI
plugins_expect_la_SOURCES = \
	plugins/analyzers/expect/expect.c \
	plugins/analyzers/expect/expect.h \
	plugins/analyzers/expect/judge.c \
	plugins/analyzers/expect/match.c \
	plugins/analyzers/expect/observe.c \
	plugins/analyzers/expect/rules.c \
	plugins/analyzers/expect/verdict.c
plugins_expect_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_expect_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_expect_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_expect_la_LIBADD = plugins/libcpdutil.la
