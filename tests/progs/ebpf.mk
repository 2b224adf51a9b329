# SPDX-License-Identifier: GPL-2.0-or-later
# The eBPF analyzers' tests: schedlat sleeps next to CPU hogs for the
# sched analyzer, dd writes direct for blkio, the user-space translation
# is a CUnit test, and an unprivileged run must only say why it is off.
# The integration tests skip (77, with the reason) where BPF cannot load.
# Included from tests/progs/local.mk.
check_PROGRAMS += tests/progs/schedlat

ebpf_tests = \
	tests/integration/ebpf_sched.test \
	tests/integration/ebpf_blkio.test \
	tests/integration/ebpf_unprivileged.test
TESTS += $(ebpf_tests)
EXTRA_DIST += $(ebpf_tests)

if HAVE_CUNIT
check_PROGRAMS += tests/unit/ebpf_translate
TESTS += tests/unit/ebpf_translate
# only the kernel-free parts: no libbpf needed to test them
tests_unit_ebpf_translate_SOURCES = tests/unit/ebpf_translate.c \
	plugins/ebpf/translate.c plugins/ebpf/hist.c \
	plugins/ebpf/hist_report.c plugins/ebpf/rows.c
tests_unit_ebpf_translate_CPPFLAGS = $(CPD_TEST_CPP_OPTS) $(PLUGIN_CPP_OPTS) \
	-I$(top_srcdir)/plugins -I$(top_srcdir)/bpf
tests_unit_ebpf_translate_LDADD = plugins/libcpdutil.la $(CPD_TEST_LIBS)
endif

# the loader against the running kernel's BTF; needs the skeleton
if HAVE_CUNIT
if ENABLE_BPF
check_PROGRAMS += tests/unit/ebpf_loader
TESTS += tests/unit/ebpf_loader
tests_unit_ebpf_loader_SOURCES = tests/unit/ebpf_loader.c plugins/analyzers/sched.c
tests_unit_ebpf_loader_CPPFLAGS = $(CPD_TEST_CPP_OPTS) $(EBPF_CPP_OPTS)
tests_unit_ebpf_loader_LDADD = plugins/libcpdebpf.la plugins/libcpdutil.la \
	$(CPD_TEST_LIBS) $(EBPF_LIBS)
endif
endif
