# SPDX-License-Identifier: GPL-2.0-or-later
# Maintainer tools: not part of a normal build.
EXTRA_DIST += maint/gen-sysent.py maint/syscalls.spec maint/snapshot-outputs.sh

# Regenerate the committed syscall table from this machine's kernel headers.
sysent-regen:
	$(PYTHON3) $(top_srcdir)/maint/gen-sysent.py -o $(top_srcdir)/core/engine/sysent_x86_64.h
PYTHON3 ?= python3
.PHONY: sysent-regen
