# SPDX-License-Identifier: GPL-2.0-or-later
# The console output: live lines and the summary on the terminal.
pkglib_LTLIBRARIES += plugins/console.la
plugins_console_la_SOURCES = \
	plugins/outputs/console/columns.c \
	plugins/outputs/console/console.c plugins/outputs/console/console.h \
	plugins/outputs/console/live.c \
	plugins/outputs/console/render.c \
	plugins/outputs/console/summary.c \
	plugins/outputs/console/problems.c
plugins_console_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_console_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_console_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_console_la_LIBADD = plugins/libcpdoutput.la plugins/libcpdutil.la
