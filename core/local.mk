# SPDX-License-Identifier: GPL-2.0-or-later
# The core is a convenience library so the tests link exactly what the
# binary runs.
noinst_LTLIBRARIES += core/libcpdcore.la
core_libcpdcore_la_SOURCES = \
	core/arena.c core/arena.h \
	core/blockwait.c core/blockwait.h \
	core/bus.c core/bus.h \
	core/cli.c core/cli.h \
	core/config.c core/config.h \
	core/cpd.h \
	core/decode.c core/decode.h \
	core/evcopy.c core/evcopy.h \
	core/fdproc.c core/fdproc.h \
	core/fdtable.c core/fdtable.h \
	core/fdtrack.c core/fdtrack.h \
	core/fields.c core/fields.h \
	core/host.c \
	core/log.c core/log.h \
	core/loop.c core/loop.h \
	core/options.c core/options.h \
	core/optval.c core/optval.h \
	core/plugin.c core/plugin.h \
	core/plugin_list.c core/plugin_list.h \
	core/seccomp.c core/seccomp.h \
	core/session.c core/session.h \
	core/sysent.c core/sysent.h core/sysent_x86_64.h \
	core/sysfmt.c core/sysfmt.h \
	core/task.c core/task.h \
	core/tracer.c core/tracer.h \
	core/umem.c core/umem.h \
	core/xlat.c core/xlat.h \
	core/xmalloc.c core/xmalloc.h
nodist_core_libcpdcore_la_SOURCES = core/default_conf.h
core_libcpdcore_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/core \
	-DCPD_PLUGINDIR='"$(pkglibdir)"' \
	-DCPD_SYSCONFDIR='"$(sysconfdir)"' \
	-DCPD_BUILDDIR='"$(abs_top_builddir)"'
core_libcpdcore_la_CFLAGS = $(AM_CFLAGS) $(INIH_CFLAGS)
core_libcpdcore_la_LIBADD = $(INIH_LIBS)

BUILT_SOURCES += core/default_conf.h
CLEANFILES += core/default_conf.h

# The built-in default config is the installed one, as a C string.
core/default_conf.h: $(top_srcdir)/conf/compendium.conf
	$(AM_V_GEN)$(MKDIR_P) core && { \
		echo '/* generated from conf/compendium.conf; do not edit */'; \
		echo 'static const char default_conf[] ='; \
		$(SED) -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $<; \
		echo ';'; \
	} > $@.tmp && mv -f $@.tmp $@

bin_PROGRAMS += compendium
compendium_SOURCES = core/main.c
compendium_CPPFLAGS = $(core_libcpdcore_la_CPPFLAGS)
compendium_LDADD = core/libcpdcore.la
