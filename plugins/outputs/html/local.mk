# SPDX-License-Identifier: GPL-2.0-or-later
# The html output (--report): the plugin, and its viewer (web/)
# inlined into it at build time by embed.sh as a generated header in the
# build dir.
html_web_files = \
	plugins/outputs/html/web/report.html \
	plugins/outputs/html/web/report.css \
	plugins/outputs/html/web/report.js

pkglib_LTLIBRARIES += plugins/html.la
plugins_html_la_SOURCES = \
	plugins/outputs/html/html.c plugins/outputs/html/html.h \
	plugins/outputs/html/html_data.c plugins/outputs/html/html_util.c \
	plugins/outputs/html/html_lanes.c \
	plugins/outputs/html/html_rows.c \
	plugins/outputs/html/html_agg.c \
	plugins/outputs/html/html_series.c \
	plugins/outputs/html/html_findings.c \
	plugins/outputs/html/html_reports.c \
	plugins/outputs/html/html_detail.c \
	plugins/outputs/html/html_write.c \
	plugins/outputs/html/html_sink.c
nodist_plugins_html_la_SOURCES = plugins/outputs/html/html_template.h
# zlib compresses the data block; without it the block is plain JSON
if HAVE_ZLIB
html_zlib_cpp = -DCPD_HTML_ZLIB=1 $(ZLIB_CFLAGS)
endif
plugins_html_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) $(html_zlib_cpp) \
	-I$(top_builddir)/plugins/outputs/html
plugins_html_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_html_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_html_la_LIBADD = plugins/libcpdescape.la plugins/libcpdoutput.la \
	plugins/libcpdutil.la $(ZLIB_LIBS)

# Rebuilt when any web file or the script changes; never distributed.
plugins/outputs/html/html_template.h: \
		$(addprefix $(srcdir)/,$(html_web_files)) \
		$(srcdir)/plugins/outputs/html/embed.sh
	$(AM_V_GEN)$(MKDIR_P) plugins/outputs/html && \
	$(SHELL) $(srcdir)/plugins/outputs/html/embed.sh \
		$(srcdir)/plugins/outputs/html/web > $@-t && mv -f $@-t $@
BUILT_SOURCES += plugins/outputs/html/html_template.h
CLEANFILES += plugins/outputs/html/html_template.h \
	plugins/outputs/html/html_template.h-t

EXTRA_DIST += $(html_web_files) plugins/outputs/html/embed.sh doc/html-report.md
