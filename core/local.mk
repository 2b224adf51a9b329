# SPDX-License-Identifier: GPL-2.0-or-later
# The core is a convenience library so the tests link exactly what the
# binary runs.
noinst_LTLIBRARIES += core/libcpdcore.la
# base: allocation, arenas, messages; used by both halves
# engine: how programs are watched (ptrace and seccomp, eBPF, tasks, the fd table,
#         the syscall table and its decoder)
# host: what is done with it (plugins, the bus, config, options, the loop)
# diff: traces read back and compared (compendium diff); traces nothing;
#       it writes JSON with the jsonl output's escaper, plugins/lib/escape.c
core_libcpdcore_la_SOURCES = \
	core/base/arena.c core/base/arena.h \
	core/base/cpd.h \
	core/base/log.c core/base/log.h \
	core/base/xmalloc.c core/base/xmalloc.h \
	core/engine/blockwait.c core/engine/blockwait.h \
	core/engine/bpfeng.c core/engine/bpfeng.h \
	core/engine/bpfload.c core/engine/bpfload.h \
	core/engine/bpfrec.c core/engine/bpfrec.h \
	core/engine/bpfspec.c core/engine/bpfspec.h \
	core/engine/bpfsum.c core/engine/bpfsum.h \
	core/engine/calibrate.c core/engine/calibrate.h \
	core/engine/cputime.c core/engine/cputime.h \
	core/engine/decode.c core/engine/decode.h \
	core/engine/decode_payload.c \
	core/engine/payload.c core/engine/payload.h \
	core/engine/decode_struct.c \
	core/engine/engine.c core/engine/engine.h \
	core/engine/fdproc.c core/engine/fdproc.h \
	core/engine/fdtable.c core/engine/fdtable.h \
	core/engine/fdtrack.c core/engine/fdtrack.h \
	core/engine/procinfo.c core/engine/procinfo.h \
	core/engine/interrupt.c core/engine/interrupt.h \
	core/engine/seccomp.c core/engine/seccomp.h \
	core/engine/sharedfd.c core/engine/sharedfd.h \
	core/engine/sysent.c core/engine/sysent.h \
	core/engine/sysent_x86_64.h \
	core/engine/sysfmt.c core/engine/sysfmt.h \
	core/engine/task.c core/engine/task.h \
	core/engine/tmem.c core/engine/tmem.h \
	core/engine/tracer.c core/engine/tracer.h \
	core/engine/umem.c core/engine/umem.h \
	core/engine/xlat.c core/engine/xlat.h \
	core/diff/buf.h \
	core/diff/compare.c core/diff/compare.h \
	core/diff/diff.c core/diff/diff.h \
	core/diff/json.c core/diff/json.h \
	core/diff/normalize.c core/diff/normalize.h \
	core/diff/output.h \
	core/diff/output_json.c \
	core/diff/output_text.c \
	core/diff/profile.c core/diff/profile.h \
	core/diff/strmap.c core/diff/strmap.h \
	core/diff/trace.c core/diff/trace.h \
	core/host/bus.c core/host/bus.h \
	core/host/cli.c core/host/cli.h \
	core/host/config.c core/host/config.h \
	core/host/evcopy.c core/host/evcopy.h \
	core/host/evcopy_syscall.c \
	core/host/fields.c core/host/fields.h \
	core/host/host.c \
	core/host/loop.c core/host/loop.h \
	core/host/options.c core/host/options.h \
	core/host/optval.c core/host/optval.h \
	core/host/plugin.c core/host/plugin.h \
	core/host/plugin_list.c core/host/plugin_list.h \
	core/host/reports.c core/host/reports.h \
	core/host/session.c core/host/session.h \
	core/host/ticks.c core/host/ticks.h \
	plugins/lib/escape.c plugins/lib/escape.h
nodist_core_libcpdcore_la_SOURCES = core/host/default_conf.h
core_libcpdcore_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core \
	-I$(top_builddir)/core -I$(top_srcdir)/bpf -I$(top_srcdir)/plugins \
	-DCPD_PLUGINDIR='"$(pkglibdir)"' \
	-DCPD_SYSCONFDIR='"$(sysconfdir)"' \
	-DCPD_BUILDDIR='"$(abs_top_builddir)"'
# -pthread: blockwait's watcher thread
core_libcpdcore_la_CFLAGS = $(AM_CFLAGS) $(INIH_CFLAGS) -pthread
core_libcpdcore_la_LIBADD = $(INIH_LIBS) -lpthread
# the eBPF engine: without BPF support it only says why it cannot run
if ENABLE_BPF
core_libcpdcore_la_CPPFLAGS += -DCPD_HAVE_BPF=1 -I$(top_builddir)/bpf \
	$(LIBBPF_CFLAGS)
core_libcpdcore_la_LIBADD += $(LIBBPF_LIBS)
endif

BUILT_SOURCES += core/host/default_conf.h
CLEANFILES += core/host/default_conf.h

# The built-in default config is the installed one, as a C string.
core/host/default_conf.h: $(top_srcdir)/conf/compendium.conf
	$(AM_V_GEN)$(MKDIR_P) core/host && { \
		echo '/* generated from conf/compendium.conf; do not edit */'; \
		echo 'static const char default_conf[] ='; \
		$(SED) -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $<; \
		echo ';'; \
	} > $@.tmp && mv -f $@.tmp $@

bin_PROGRAMS += compendium
compendium_SOURCES = core/host/main.c
compendium_CPPFLAGS = $(core_libcpdcore_la_CPPFLAGS)
compendium_LDADD = core/libcpdcore.la
