# SPDX-License-Identifier: GPL-2.0-or-later
# The machine-readable outputs (csv, jsonl, perfetto) and their shared escaping
# code. Included from plugins/local.mk, after libcpdutil is defined.
noinst_LTLIBRARIES += plugins/libcpdescape.la
plugins_libcpdescape_la_SOURCES = \
	plugins/util/escape.c plugins/util/escape.h \
	plugins/util/evjson.c plugins/util/evjson.h
plugins_libcpdescape_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_libcpdescape_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC

pkglib_LTLIBRARIES += plugins/csv.la plugins/jsonl.la

plugins_csv_la_SOURCES = plugins/csv.c
plugins_csv_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_csv_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_csv_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_csv_la_LIBADD = plugins/libcpdescape.la plugins/libcpdutil.la

plugins_jsonl_la_SOURCES = plugins/jsonl.c
plugins_jsonl_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_jsonl_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_jsonl_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_jsonl_la_LIBADD = plugins/libcpdescape.la

EXTRA_DIST += doc/outputs.md

pkglib_LTLIBRARIES += plugins/perfetto.la
plugins_perfetto_la_SOURCES = plugins/perfetto.c
plugins_perfetto_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_perfetto_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_perfetto_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_perfetto_la_LIBADD = plugins/libcpdescape.la
