# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by tests/browser/*.test after tests/lib/init.sh: finds headless
# Chromium, node and playwright-core (skipping with the reason when one is
# missing) and traces a command, usually tests/progs/htmlio, into an HTML
# report.

CPD_CHROMIUM=${CPD_CHROMIUM:-/usr/bin/chromium}
[ -x "$CPD_CHROMIUM" ] ||
	skip_ "no Chromium at $CPD_CHROMIUM (apt-get install chromium)"
command -v node > /dev/null 2>&1 ||
	skip_ "node is not installed (apt-get install nodejs npm)"
# npm ci may have been run in the build tree or in the source tree; or
# CPD_PLAYWRIGHT names the playwright-core directory to use
if [ ! -f "${CPD_PLAYWRIGHT:-/nonexistent}/package.json" ]; then
	CPD_PLAYWRIGHT=
	for d in "$abs_top_builddir/tests/browser" \
		"$abs_top_srcdir/tests/browser"; do
		if [ -f "$d/node_modules/playwright-core/package.json" ]; then
			CPD_PLAYWRIGHT=$d/node_modules/playwright-core
			break
		fi
	done
fi
[ -n "$CPD_PLAYWRIGHT" ] ||
	skip_ "playwright-core is not installed (cd tests/browser && npm ci)"
CPD_ARTIFACTS=$abs_top_builddir/tests/browser/artifacts
mkdir -p "$CPD_ARTIFACTS"
export CPD_CHROMIUM CPD_PLAYWRIGHT CPD_ARTIFACTS
BROWSER_JS=$abs_top_srcdir/tests/browser
HTMLIO=$PROGS/htmlio
[ -x "$HTMLIO" ] || framework_failure_ "$HTMLIO not built"
# the checks count rows one per read or write: the eBPF engine sums them
ptrace_engine_only_
require_ptrace_

# report_ FILE [OPTIONS] -- CMD...: trace CMD into the HTML report FILE;
# the command's stdout goes to FILE.out, compendium's stderr to FILE.err.
report_() {
	out=$1
	shift
	rc=0
	timeout 300 $CPD_RUN "$COMPENDIUM" \
		--report="$out" "$@" > "$out.out" 2> "$out.err" || rc=$?
	[ "$rc" -ne 124 ] || fail_ "compendium timed out: $*"
	[ -s "$out" ] || {
		cat "$out.err" >&2
		fail_ "no report written by compendium --report $*"
	}
}

# browser_ SCRIPT ARGS...: run a node check script; its own output says
# which check failed. Chromium keeps its crash-report settings under
# XDG_CONFIG_HOME: give it one of its own, as the tests' must not exist.
browser_() {
	script=$1
	shift
	XDG_CONFIG_HOME=$TMPDIR_TEST/chromium-config \
		node "$BROWSER_JS/$script" "$@" || fail_ "$script found problems"
}
