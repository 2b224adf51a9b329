# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by tests/integration/console_*.test after tests/lib/init.sh:
# running the console_demo tracee and comparing the console's output with
# the golden files in tests/data/console/.

FEED_DIR="$abs_top_builddir/tests/progs/.libs"
GOLDEN="$abs_top_srcdir/tests/data/console"
ESC=$(printf '\033')

console_require_feed_() {
	[ -f "$FEED_DIR/console_feed.so" ] ||
		framework_failure_ "tests/progs/console_feed.la is not built"
	[ -x "$PROGS/console_demo" ] ||
		framework_failure_ "tests/progs/console_demo is not built"
}

# console_run_ NAME CONFIG [COMPENDIUM OPTIONS...]: trace console_demo in
# a fresh directory with CONFIG (printf %b: '\n' separates lines). Output
# in $TMPDIR_TEST/NAME.out and NAME.err; the demo always exits 3.
console_run_() {
	# no "local" in POSIX sh: names of our own, not the caller's
	crun_name=$1 crun_conf=$2
	shift 2
	mkdir "$TMPDIR_TEST/$crun_name.d"
	printf '%b\n' "$crun_conf" > "$TMPDIR_TEST/$crun_name.conf"
	rc=0
	timeout 120 $CPD_RUN "$COMPENDIUM" \
		--config "$TMPDIR_TEST/$crun_name.conf" \
		--plugin-dir "$FEED_DIR" "$@" -- \
		"$PROGS/console_demo" "$TMPDIR_TEST/$crun_name.d" \
		> "$TMPDIR_TEST/$crun_name.out" \
		2> "$TMPDIR_TEST/$crun_name.err" || rc=$?
	[ "$rc" -ne 124 ] || fail_ "$crun_name: compendium timed out"
	# under CPD_TEST_WRAPPER=valgrind: its notes share our stderr (its
	# errors still fail the run, through the exit status)
	sed -i '/^\(--\|==\)[0-9]*\(--\|==\) /d' "$TMPDIR_TEST/$crun_name.err"
	[ "$rc" = 3 ] ||
		fail_ "$crun_name: exit status $rc, expected 3: $(tail -n 3 "$TMPDIR_TEST/$crun_name.err")"
}

# Filter: what varies from run to run made stable (times, pids, the
# counts of the Syscalls line, where the demo and its directory are); the
# host's own "compendium: " messages dropped (they are not the console's),
# and the line only the eBPF engine's summary has when nothing was lost.
console_normalize_() {
	grep -v '^compendium: ' | sed \
		-e '/^ Totals: exact (I\/O summed in the kernel)$/d' \
		-e 's/^\[+[0-9]*\.[0-9]\{3\}s\]/[+T]/' \
		-e 's/^\(\[+T\]\) \[[0-9]*\]/\1 [PID]/' \
		-e 's/\(spawn process\|spawn thread\|exit process\|exit thread\) [0-9]*/\1 PID/' \
		-e 's/^\( FINAL: .*\) ([0-9.]*s)$/\1 (Ts)/' \
		-e 's/^ Syscalls: [0-9]* seen, [0-9]* ptrace stops$/ Syscalls: N seen, N ptrace stops/' \
		-e "s#$PROGS/##g" \
		-e "s#$TMPDIR_TEST/[a-z]*\\.d#DIR#g" \
		-e "s#$TMPDIR_TEST/#TMP/#g"
}

# Drop the console's colour, and nothing else.
console_uncolor_() {
	sed "s/$ESC\[[0-9;]*m//g"
}

# console_expect_ GOLDEN GOT: GOT must equal tests/data/console/GOLDEN.
console_expect_() {
	diff -u "$GOLDEN/$1" "$2" >&2 ||
		fail_ "$2 differs from the golden $1 (diff above)"
}
