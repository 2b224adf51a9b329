# SPDX-License-Identifier: GPL-2.0-or-later
# CPD_BASH_COMPLETION: where 'make install' puts the bash completion.
#
# --with-bash-completion-dir=DIR names it, =no installs none. By
# default it is bash-completion's own completionsdir (pkg-config) when
# that lies under our prefix (prefix=/usr: what a distribution wants),
# and $(datadir)/bash-completion/completions otherwise, so an install
# never writes outside its prefix; bash-completion also looks there,
# through XDG_DATA_DIRS, for prefix=/usr/local.
# Sets and substitutes bashcompletiondir; AM_CONDITIONAL
# INSTALL_BASH_COMPLETION.
AC_DEFUN([CPD_BASH_COMPLETION], [
AC_ARG_WITH([bash-completion-dir],
	[AS_HELP_STRING([--with-bash-completion-dir@<:@=DIR@:>@],
		[install the bash completion in DIR @<:@default: bash-completion's
		 completionsdir if under PREFIX, else
		 DATADIR/bash-completion/completions@:>@; 'no' for none])],
	[], [with_bash_completion_dir=yes])
bashcompletiondir=
AS_CASE([$with_bash_completion_dir],
[no], [],
[yes|""], [
	bashcompletiondir='${datadir}/bash-completion/completions'
	PKG_CHECK_VAR([BASH_COMPLETION_DIR], [bash-completion], [completionsdir])
	cpd_prefix=$prefix
	AS_IF([test "x$cpd_prefix" = xNONE], [cpd_prefix=$ac_default_prefix])
	AS_CASE([$BASH_COMPLETION_DIR],
		["$cpd_prefix"/*], [bashcompletiondir=$BASH_COMPLETION_DIR])],
[bashcompletiondir=$with_bash_completion_dir])
AC_SUBST([bashcompletiondir])
AM_CONDITIONAL([INSTALL_BASH_COMPLETION], [test -n "$bashcompletiondir"])
])
