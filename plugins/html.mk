# SPDX-License-Identifier: GPL-2.0-or-later
# The html output (--report): the plugin, and its viewer (plugins/html/web)
# inlined into it at build time by embed.sh as a generated header in the
# build dir. Included from plugins/local.mk, after libcpdescape is defined.
html_web_files = \
	plugins/html/web/report.html \
	plugins/html/web/report.css \
	plugins/html/web/report.js

pkglib_LTLIBRARIES += plugins/html.la
plugins_html_la_SOURCES = \
	plugins/html/html.c plugins/html/html.h \
	plugins/html/html_data.c \
	plugins/html/html_lanes.c \
	plugins/html/html_rows.c \
	plugins/html/html_reports.c \
	plugins/html/html_detail.c \
	plugins/html/html_write.c
nodist_plugins_html_la_SOURCES = plugins/html/html_template.h
plugins_html_la_CPPFLAGS = $(PLUGIN_CPP_OPTS) -I$(top_srcdir)/plugins \
	-I$(top_builddir)/plugins/html
plugins_html_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_html_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_html_la_LIBADD = plugins/libcpdescape.la plugins/libcpdutil.la

# Rebuilt when any web file or the script changes; never distributed.
plugins/html/html_template.h: $(srcdir)/plugins/html/web/report.html \
		$(srcdir)/plugins/html/web/report.css \
		$(srcdir)/plugins/html/web/report.js \
		$(srcdir)/plugins/html/embed.sh
	$(AM_V_GEN)$(MKDIR_P) plugins/html && \
	$(SHELL) $(srcdir)/plugins/html/embed.sh $(srcdir)/plugins/html/web \
		> $@-t && mv -f $@-t $@
BUILT_SOURCES += plugins/html/html_template.h
CLEANFILES += plugins/html/html_template.h plugins/html/html_template.h-t

EXTRA_DIST += $(html_web_files) plugins/html/embed.sh doc/html-report.md
