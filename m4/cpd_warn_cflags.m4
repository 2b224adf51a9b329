# SPDX-License-Identifier: GPL-2.0-or-later
# CPD_WARN_CFLAGS: the warnings every file is built with, and --enable-werror.
# Each flag is probed so an older or newer compiler never breaks the build;
# -Werror stays opt-in because distros build with compilers we never saw.
AC_DEFUN([CPD_WARN_CFLAGS], [
AC_ARG_ENABLE([werror],
	[AS_HELP_STRING([--enable-werror], [treat compiler warnings as errors (CI does)])],
	[], [enable_werror=no])
WARN_CFLAGS=
for cpd_flag in -Wall -Wextra -Wformat=2 -Wmissing-prototypes \
		-Wstrict-prototypes -Wold-style-definition -Wundef \
		-Wwrite-strings -Wshadow -Wimplicit-fallthrough \
		-Wno-unused-parameter -Wno-missing-field-initializers \
		-Wvla -Wpointer-arith -fno-strict-aliasing; do
	CPD_CHECK_CFLAG([$cpd_flag],
		[WARN_CFLAGS="$WARN_CFLAGS $cpd_flag"])
done
AS_IF([test "x$enable_werror" = xyes],
	[WARN_CFLAGS="$WARN_CFLAGS -Werror"])
AC_SUBST([WARN_CFLAGS])
])

# CPD_CHECK_CFLAG(FLAG, [IF-OK], [IF-NOT]): does $CC accept FLAG as an error-free
# flag? -Wno-foo is always accepted by gcc, so test the positive form.
AC_DEFUN([CPD_CHECK_CFLAG], [
AC_MSG_CHECKING([whether $CC accepts $1])
cpd_save_CFLAGS=$CFLAGS
cpd_probe=`echo "$1" | sed 's/^-Wno-/-W/'`
CFLAGS="$CFLAGS -Werror $cpd_probe"
AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
	[AC_MSG_RESULT([yes]); $2], [AC_MSG_RESULT([no]); $3])
CFLAGS=$cpd_save_CFLAGS
])
