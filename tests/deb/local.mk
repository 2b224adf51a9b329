# SPDX-License-Identifier: GPL-2.0-or-later
# 'make deb-check': the release tarball built into Debian packages,
# linted, installed, used and purged (tests/deb/build-deb.sh). It installs
# system packages, so it is no part of 'make check': CI calls it, and it
# runs only as root with CPD_DEB_TEST=1 or CI=true. A skip (exit 77: not
# allowed here, or the tools are missing) is reported, not failed.
EXTRA_DIST += tests/deb/build-deb.sh

deb-check: dist
	@rc=0; $(SHELL) $(srcdir)/tests/deb/build-deb.sh $(DIST_ARCHIVES) || rc=$$?; \
	if test $$rc -eq 77; then echo "deb-check: SKIPPED (the reason is above)"; rc=0; fi; \
	exit $$rc
.PHONY: deb-check
