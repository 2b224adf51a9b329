# SPDX-License-Identifier: GPL-2.0-or-later
# The HTML report in a real headless Chromium (driven by playwright-core
# from npm): the shell wrappers that trace tests/progs/htmlio (shared with
# tests/integration/html_report.test, see tests/progs/html.mk) into
# reports, and the node scripts that check them. They skip without
# chromium or tests/browser/node_modules (cd tests/browser && npm ci).
# Screenshots go to tests/browser/artifacts in the build tree. Included
# from tests/local.mk.

browser_tests = \
	tests/browser/report_view.test \
	tests/browser/report_cap.test \
	tests/browser/report_make.test \
	tests/browser/report_stats.test \
	tests/browser/report_large.test
TESTS += $(browser_tests)
EXTRA_DIST += $(browser_tests) \
	tests/browser/browser.sh \
	tests/browser/lib.js \
	tests/browser/view.js \
	tests/browser/cap.js \
	tests/browser/make.js \
	tests/browser/stats.js \
	tests/browser/large.js \
	tests/browser/render_bench.js \
	tests/browser/package.json \
	tests/browser/package-lock.json

clean-local: clean-browser-artifacts
clean-browser-artifacts:
	-rm -rf tests/browser/artifacts
.PHONY: clean-browser-artifacts
