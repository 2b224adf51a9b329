# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion, installed under the name of the command so that
# bash-completion loads it on first use. configure picks the directory
# (--with-bash-completion-dir; see m4/cpd_bash_completion.m4).
if INSTALL_BASH_COMPLETION
bashcompletion_DATA = completion/compendium
endif
EXTRA_DIST += completion/compendium

TESTS += tests/integration/completion.test
EXTRA_DIST += tests/integration/completion.test

# distcheck installs into a prefix of its own: keep the completion in it
AM_DISTCHECK_CONFIGURE_FLAGS = \
	--with-bash-completion-dir='$${datadir}/bash-completion/completions'
