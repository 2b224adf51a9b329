# SPDX-License-Identifier: GPL-2.0-or-later
# The eBPF source analyzers, sched and blkio. They are built with or
# without BPF support: without it they load, say once that the kernel
# side is missing and how to get it, and stay out of the way, so --ebpf
# works on every build. Their sources are in plugins/analyzers/; what
# they share is here.
EBPF_CPP_OPTS = $(PLUGIN_CPP_OPTS) -I$(top_srcdir)/bpf
EBPF_LIBS =
if ENABLE_BPF
EBPF_CPP_OPTS += -DCPD_HAVE_BPF=1 -I$(top_builddir)/bpf $(LIBBPF_CFLAGS)
EBPF_LIBS += $(LIBBPF_LIBS)
endif

# shared by both plugins; the translation and histogram parts are also
# what tests/unit/ebpf_translate links
noinst_LTLIBRARIES += plugins/libcpdebpf.la
plugins_libcpdebpf_la_SOURCES = \
	plugins/ebpf/analyzer.c plugins/ebpf/analyzer.h \
	plugins/ebpf/hist.c plugins/ebpf/hist.h \
	plugins/ebpf/hist_report.c plugins/ebpf/hist_report.h \
	plugins/ebpf/loader.c plugins/ebpf/loader.h \
	plugins/ebpf/rows.c plugins/ebpf/rows.h \
	plugins/ebpf/translate.c plugins/ebpf/translate.h
plugins_libcpdebpf_la_CPPFLAGS = $(EBPF_CPP_OPTS)
plugins_libcpdebpf_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC

pkglib_LTLIBRARIES += plugins/sched.la plugins/blkio.la
EBPF_PLUGIN_LIBS = plugins/libcpdebpf.la plugins/libcpdutil.la $(EBPF_LIBS)

plugins_sched_la_SOURCES = plugins/analyzers/sched.c
plugins_sched_la_CPPFLAGS = $(EBPF_CPP_OPTS)
plugins_sched_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_sched_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_sched_la_LIBADD = $(EBPF_PLUGIN_LIBS)

plugins_blkio_la_SOURCES = plugins/analyzers/blkio.c
plugins_blkio_la_CPPFLAGS = $(EBPF_CPP_OPTS)
plugins_blkio_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_blkio_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_blkio_la_LIBADD = $(EBPF_PLUGIN_LIBS)
