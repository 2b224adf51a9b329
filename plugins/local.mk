# SPDX-License-Identifier: GPL-2.0-or-later
# First-party plugins: ordinary modules built against sdk/include only.
# -Wl,-z,defs makes any reference to a core symbol a link error; host
# services come through the vtable.
PLUGIN_CPP_OPTS = -I$(top_srcdir)/sdk/include
PLUGIN_CC_OPTS = $(AM_CFLAGS) -fvisibility=hidden
PLUGIN_LD_OPTS = -module -avoid-version -shared \
	-export-symbols-regex '^cpd_plugin_v[0-9]+$$' -Wl,-z,defs

# Code several plugins share (byte formats, the noise filter), linked
# statically into each: a plugin still depends on nothing of ours at run time.
noinst_LTLIBRARIES += plugins/libcpdutil.la
plugins_libcpdutil_la_SOURCES = \
	plugins/util/callmap.c plugins/util/callmap.h \
	plugins/util/format.c plugins/util/format.h \
	plugins/util/hash.c plugins/util/hash.h \
	plugins/util/noise.c plugins/util/noise.h \
	plugins/util/report.c plugins/util/report.h
plugins_libcpdutil_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_libcpdutil_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC

pkglib_LTLIBRARIES += plugins/file.la plugins/net.la plugins/mmap.la \
	plugins/console.la

plugins_file_la_SOURCES = plugins/file.c
plugins_file_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_file_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_file_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_file_la_LIBADD = plugins/libcpdutil.la

plugins_net_la_SOURCES = plugins/net.c
plugins_net_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_net_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_net_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_net_la_LIBADD = plugins/libcpdutil.la

plugins_mmap_la_SOURCES = plugins/mmap.c
plugins_mmap_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_mmap_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_mmap_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_mmap_la_LIBADD = plugins/libcpdutil.la

plugins_console_la_SOURCES = plugins/console.c
plugins_console_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_console_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_console_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_console_la_LIBADD = plugins/libcpdutil.la
include plugins/fault.mk
include plugins/ebpf.mk

include plugins/outputs.mk
include plugins/html.mk
