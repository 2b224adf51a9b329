# SPDX-License-Identifier: GPL-2.0-or-later
# The plugins' shared library: code several plugins use, linked statically
# into each, so a plugin still depends on nothing of ours at run time.
# Three convenience libraries, because libtool links one whole into every
# module that names it: the analyzers carry neither the outputs' field
# renderer nor the escapers, and the console not the escapers.

# every plugin: its instance's state; byte and time formats, the noise
# filter, syscall maps, latency histograms, reports, searches
noinst_LTLIBRARIES += plugins/libcpdutil.la
plugins_libcpdutil_la_SOURCES = \
	plugins/lib/callmap.c plugins/lib/callmap.h \
	plugins/lib/format.c plugins/lib/format.h \
	plugins/lib/hash.c plugins/lib/hash.h \
	plugins/lib/hdrhist.c plugins/lib/hdrhist.h \
	plugins/lib/instance.c plugins/lib/instance.h \
	plugins/lib/noise.c plugins/lib/noise.h \
	plugins/lib/report.c plugins/lib/report.h \
	plugins/lib/search.c plugins/lib/search.h
plugins_libcpdutil_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_libcpdutil_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC

# every output: event fields decoded once for any format, output files
noinst_LTLIBRARIES += plugins/libcpdoutput.la
plugins_libcpdoutput_la_SOURCES = \
	plugins/lib/evfield.c plugins/lib/evfield.h \
	plugins/lib/outfile.c plugins/lib/outfile.h
plugins_libcpdoutput_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_libcpdoutput_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC

# escaping for every machine-readable format, and event fields as JSON
# (on top of libcpdoutput)
noinst_LTLIBRARIES += plugins/libcpdescape.la
plugins_libcpdescape_la_SOURCES = \
	plugins/lib/escape.c plugins/lib/escape.h \
	plugins/lib/evjson.c plugins/lib/evjson.h
plugins_libcpdescape_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_libcpdescape_la_CFLAGS = $(PLUGIN_CC_OPTS) -fPIC
