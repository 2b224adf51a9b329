# SPDX-License-Identifier: GPL-2.0-or-later
# The fault analyzer (page faults through perf_event_open). Included from
# plugins/local.mk, after the PLUGIN_* options it uses.
pkglib_LTLIBRARIES += plugins/fault.la

plugins_fault_la_SOURCES = plugins/fault.c
plugins_fault_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_fault_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_fault_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_fault_la_LIBADD = plugins/libcpdutil.la
