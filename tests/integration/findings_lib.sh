# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by tests/integration/findings_*.test after tests/lib/init.sh:
# tracing findings_demo with the analyzers and the capture output, and
# reading the findings it published.

# findings_run_ WHAT [ARGS...]: trace findings_demo in a fresh directory
# $W with file, net and findings; events in $TMPDIR_TEST/events, the
# program's output in $TMPDIR_TEST/stdout, compendium's status in $rc.
findings_run_() {
	W=$(readlink -f "$TMPDIR_TEST")/work.$1
	rm -rf "$W" && mkdir "$W" || framework_failure_ "mkdir $W"
	run_capture_ "events = finding, report, proc, file, net
${FINDINGS_CONF:-}
[file]
[net]
[findings]
${FINDINGS_OPTS:-}" -- "$PROGS/findings_demo" "$W" "$@"
}

# findings_ ID: the capture lines of the findings of rule ID.
findings_() {
	grep "^finding .* id=\"$1\"" "$TMPDIR_TEST/events" || :
}

# expect_finding_ ID SEVERITY TITLE-REGEX: one finding of rule ID with
# that severity and a title matching the (grep -E) pattern.
expect_finding_() {
	n=$(findings_ "$1" | grep -E -c " severity=$2 title=\"$3\"") || :
	[ "$n" = 1 ] || fail_ "want one $1 finding ($2) titled /$3/, got $n: $(findings_ "$1")"
}

# expect_no_finding_ ID: none of rule ID.
expect_no_finding_() {
	[ -z "$(findings_ "$1")" ] || fail_ "unexpected $1 finding: $(findings_ "$1")"
}

# expect_quiet_: no finding of severity warning or error at all.
expect_quiet_() {
	! grep '^finding .* severity=\(warning\|error\)' "$TMPDIR_TEST/events" ||
		fail_ "a warning or an error where there should be none"
}
