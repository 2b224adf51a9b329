# SPDX-License-Identifier: GPL-2.0-or-later
# CPD_ARG_BPF: --enable-bpf=auto|yes|no and the precious tool variables.
AC_DEFUN([CPD_ARG_BPF], [
AC_ARG_ENABLE([bpf],
	[AS_HELP_STRING([--enable-bpf@<:@=auto|yes|no@:>@],
		[build the BPF sources of the sched and blkio analyzers (default: auto)])],
	[], [enable_bpf=auto])
AS_CASE([$enable_bpf], [auto|yes|no], [],
	[AC_MSG_ERROR([--enable-bpf takes auto, yes or no, not '$enable_bpf'])])
AC_ARG_VAR([CLANG], [clang used to compile BPF programs])
AC_ARG_VAR([BPFTOOL], [bpftool used to link BPF objects and generate skeletons])
])

# CPD_CHECK_BPF: find clang, bpftool and libbpf. With auto, a missing piece
# turns BPF off quietly and $bpf_why says which; with yes it is an error.
AC_DEFUN([CPD_CHECK_BPF], [
bpf_why=
BPF_ARCH=
AS_CASE([$host_cpu],
	[x86_64], [BPF_ARCH=x86],
	[aarch64], [BPF_ARCH=arm64])
AS_IF([test "x$enable_bpf" != xno], [
	AS_IF([test -z "$BPF_ARCH"], [bpf_why="no BPF target for $host_cpu"])
	AC_PATH_PROGS([CLANG], [clang clang-16 clang-15 clang-14])
	AS_IF([test -z "$CLANG"], [bpf_why="${bpf_why:+$bpf_why, }clang not found (Debian: clang)"])
	AC_PATH_PROG([BPFTOOL], [bpftool], [], [$PATH:/usr/sbin:/sbin])
	AS_IF([test -z "$BPFTOOL"], [bpf_why="${bpf_why:+$bpf_why, }bpftool not found (Debian: bpftool)"])
	PKG_CHECK_MODULES([LIBBPF], [libbpf >= 1.0], [],
		[bpf_why="${bpf_why:+$bpf_why, }libbpf >= 1.0 not found (Debian: libbpf-dev)"])
	PKG_CHECK_MODULES([LIBELF], [libelf], [],
		[bpf_why="${bpf_why:+$bpf_why, }libelf not found (Debian: libelf-dev)"])
	AS_IF([test -n "$bpf_why"], [
		AS_IF([test "x$enable_bpf" = xyes],
			[AC_MSG_ERROR([--enable-bpf=yes but $bpf_why])])
		enable_bpf=no
	], [
		enable_bpf=yes
		bpf_why="clang, bpftool, libbpf found"
	])
], [bpf_why="disabled with --enable-bpf=no"])
AS_IF([test "x$enable_bpf" = xyes], [
	AC_DEFINE([ENABLE_BPF], [1], [Define to 1 to build the BPF sources])
	# -target bpf has no multiarch directory of its own: give it clang's
	# host search list, for <asm/types.h> under <linux/bpf.h>
	BPF_SYS_INCLUDES=`$CLANG -v -E - </dev/null 2>&1 | \
		$SED -n '/<...> search starts here:/,/End of search list./{ s| \(/.*\)|-idirafter \1|p }' | \
		tr '\n' ' '`
])
AC_SUBST([BPF_ARCH])
AC_SUBST([BPF_SYS_INCLUDES])
])
