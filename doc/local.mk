# SPDX-License-Identifier: GPL-2.0-or-later
# Documentation: the man pages (mdoc(7), written by hand; doc/gen-options.sh
# checks them against the program's option tables at 'make check' time,
# doc/gen-reports.sh the list of reports in doc/outputs.md against the
# analyzers' schemas) and the README, installed in docdir.
dist_man1_MANS = doc/compendium.1
dist_man5_MANS = doc/compendium.conf.5
dist_man7_MANS = doc/compendium-plugin.7
dist_doc_DATA = README.md

EXTRA_DIST += doc/gen-options.sh doc/gen-reports.sh doc/report-make.png \
	doc/outputs.md doc/html-report.md doc/performance.md

# install_docs: the pages document every option and pass mandoc's lint.
# install_layout: SLOW (a second configure, build and install, ~1 min).
install_tests = \
	tests/integration/install_docs.test \
	tests/integration/install_layout.test
TESTS += $(install_tests)
EXTRA_DIST += $(install_tests)
