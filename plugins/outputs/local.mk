# SPDX-License-Identifier: GPL-2.0-or-later
# The machine-readable outputs: csv, jsonl, perfetto. The console and the
# html report have folders of their own.
pkglib_LTLIBRARIES += plugins/csv.la plugins/jsonl.la plugins/perfetto.la

plugins_csv_la_SOURCES = plugins/outputs/csv.c
plugins_csv_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_csv_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_csv_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_csv_la_LIBADD = plugins/libcpdescape.la plugins/libcpdoutput.la \
	plugins/libcpdutil.la

plugins_jsonl_la_SOURCES = plugins/outputs/jsonl.c
plugins_jsonl_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_jsonl_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_jsonl_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_jsonl_la_LIBADD = plugins/libcpdescape.la plugins/libcpdoutput.la \
	plugins/libcpdutil.la

plugins_perfetto_la_SOURCES = plugins/outputs/perfetto.c
plugins_perfetto_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_perfetto_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_perfetto_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_perfetto_la_LIBADD = plugins/libcpdescape.la plugins/libcpdoutput.la \
	plugins/libcpdutil.la

EXTRA_DIST += doc/outputs.md
