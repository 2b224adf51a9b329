# SPDX-License-Identifier: GPL-2.0-or-later
# The BPF programs of the eBPF engine and of the sched and blkio
# analyzers: clang
# compiles each against bpf/kernel.h (CO-RE, no generated vmlinux.h),
# bpftool gen object links it and drops the DWARF (the BTF stays), and
# bpftool gen skeleton embeds it in a header the plugin includes. All of
# it in the build tree. Without BPF (configure --disable-bpf, or a tool
# missing) none of this runs and the plugins only say so.
bpf_sources = bpf/kernel.h bpf/records.h bpf/common.bpf.h \
	bpf/sched.bpf.c bpf/blkio.bpf.c \
	bpf/engine.bpf.c bpf/engine_records.h bpf/floor.bpf.c
EXTRA_DIST += $(bpf_sources)

if ENABLE_BPF
BPF_CLANG_FLAGS = -g -O2 -target bpf -D__TARGET_ARCH_$(BPF_ARCH) \
	-Wall -Werror -I$(top_srcdir)/bpf $(BPF_SYS_INCLUDES)
bpf_headers = $(top_srcdir)/bpf/kernel.h $(top_srcdir)/bpf/records.h \
	$(top_srcdir)/bpf/common.bpf.h

bpf/sched.dbg.o: $(top_srcdir)/bpf/sched.bpf.c $(bpf_headers)
	@$(MKDIR_P) bpf
	$(AM_V_GEN)$(CLANG) $(BPF_CLANG_FLAGS) -c $(top_srcdir)/bpf/sched.bpf.c -o $@
bpf/blkio.dbg.o: $(top_srcdir)/bpf/blkio.bpf.c $(bpf_headers)
	@$(MKDIR_P) bpf
	$(AM_V_GEN)$(CLANG) $(BPF_CLANG_FLAGS) -c $(top_srcdir)/bpf/blkio.bpf.c -o $@
# v3: the engine uses atomic or/and on the tgid bitmap (kernel 5.12+)
bpf/engine.dbg.o: $(top_srcdir)/bpf/engine.bpf.c $(top_srcdir)/bpf/kernel.h \
		$(top_srcdir)/bpf/engine_records.h
	@$(MKDIR_P) bpf
	$(AM_V_GEN)$(CLANG) $(BPF_CLANG_FLAGS) -mcpu=v3 -c $(top_srcdir)/bpf/engine.bpf.c -o $@

# linked by bpftool: DWARF dropped (70 KB, not 700), .BTF and .BTF.ext kept
bpf/sched.bpf.o: bpf/sched.dbg.o
	$(AM_V_GEN)$(BPFTOOL) gen object $@ bpf/sched.dbg.o
bpf/blkio.bpf.o: bpf/blkio.dbg.o
	$(AM_V_GEN)$(BPFTOOL) gen object $@ bpf/blkio.dbg.o
bpf/engine.bpf.o: bpf/engine.dbg.o
	$(AM_V_GEN)$(BPFTOOL) gen object $@ bpf/engine.dbg.o
# the benchmark's floor (tests/bench/bpf_floor)
bpf/floor.dbg.o: $(top_srcdir)/bpf/floor.bpf.c $(top_srcdir)/bpf/kernel.h
	@$(MKDIR_P) bpf
	$(AM_V_GEN)$(CLANG) $(BPF_CLANG_FLAGS) -c $(top_srcdir)/bpf/floor.bpf.c -o $@
bpf/floor.bpf.o: bpf/floor.dbg.o
	$(AM_V_GEN)$(BPFTOOL) gen object $@ bpf/floor.dbg.o
bpf/floor.skel.h: bpf/floor.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton bpf/floor.bpf.o name floor_bpf > $@.tmp && mv $@.tmp $@

bpf/sched.skel.h: bpf/sched.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton bpf/sched.bpf.o name sched_bpf > $@.tmp && mv $@.tmp $@
bpf/blkio.skel.h: bpf/blkio.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton bpf/blkio.bpf.o name blkio_bpf > $@.tmp && mv $@.tmp $@
bpf/engine.skel.h: bpf/engine.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton bpf/engine.bpf.o name engine_bpf > $@.tmp && mv $@.tmp $@

BUILT_SOURCES += bpf/sched.skel.h bpf/blkio.skel.h bpf/engine.skel.h \
	bpf/floor.skel.h
endif
CLEANFILES += bpf/sched.dbg.o bpf/blkio.dbg.o bpf/sched.bpf.o bpf/blkio.bpf.o \
	bpf/sched.skel.h bpf/blkio.skel.h bpf/sched.skel.h.tmp bpf/blkio.skel.h.tmp \
	bpf/engine.dbg.o bpf/engine.bpf.o bpf/engine.skel.h bpf/engine.skel.h.tmp \
	bpf/floor.dbg.o bpf/floor.bpf.o bpf/floor.skel.h bpf/floor.skel.h.tmp
