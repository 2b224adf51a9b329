# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by every tests/integration/*.test script (strace's init.sh idea).
# Exit codes: 0 pass, 1 fail, 77 skip (with the reason), 99 hard error.
set -eu

me=${0##*/}
# CI may run us with stdin closed: the tracee's first open would then get
# fd 0, which tests counting on 0-2 being taken cannot expect
[ -e /proc/$$/fd/0 ] || exec < /dev/null
: "${abs_top_builddir:?run through make check}"
: "${abs_top_srcdir:?run through make check}"

skip_() { echo "SKIP: $me: $*"; exit 77; }
fail_() { echo "FAIL: $me: $*" >&2; exit 1; }
framework_failure_() { echo "ERROR: $me: $*" >&2; exit 99; }

COMPENDIUM="$abs_top_builddir/compendium"
PROGS="$abs_top_builddir/tests/progs"
TEST_PLUGINS="$abs_top_builddir/tests/lib/.libs"
# CPD_TEST_WRAPPER=valgrind... runs compendium under a checker
CPD_RUN="${CPD_TEST_WRAPPER:-}"
[ -x "$COMPENDIUM" ] || framework_failure_ "$COMPENDIUM not built"

TMPDIR_TEST=$(mktemp -d "${TMPDIR:-/tmp}/cpd-test.XXXXXX") ||
	framework_failure_ "mktemp failed"
trap 'rm -rf "$TMPDIR_TEST"' EXIT

# Skip a test that loads BPF programs when compendium runs under valgrind:
# valgrind does not model bpf(2) (libbpf's partly set attr unions and the
# values the kernel writes into map lookups show as uninitialised), so it
# would report only its own blind spot. The ASan+UBSan build runs them.
require_no_valgrind_bpf_() {
	case "${CPD_TEST_WRAPPER:-}" in
	*valgrind*) skip_ "valgrind does not model the bpf() syscall" ;;
	esac
}

# For a test of the ptrace engine itself (its stops, its seccomp filter,
# what a task can tell about being traced): run it under ptrace whatever
# $COMPENDIUM_ENGINE says; the eBPF engine has tests of its own.
ptrace_engine_only_() {
	COMPENDIUM_ENGINE=ptrace
	export COMPENDIUM_ENGINE
}

# Skip unless the eBPF engine loads here (root, BTF, a build with BPF);
# the reason is compendium's own note.
require_ebpf_engine_() {
	why=$(ebpf_engine_why_not_) || :
	[ -z "$why" ] || skip_ "$why"
}

# Why the eBPF engine cannot run the tests here, or nothing when it can:
# privilege, BTF, or valgrind (which does not model bpf()). For a test
# that runs under both engines where it can.
ebpf_engine_why_not_() {
	case "${CPD_TEST_WRAPPER:-}" in
	*valgrind*)
		echo "valgrind does not model the bpf() syscall"
		return 0
		;;
	esac
	why=$("$COMPENDIUM" --config /dev/null --engine ebpf -- /bin/true 2>&1 |
		grep 'using the ptrace engine' || :)
	[ -z "$why" ] || echo "${why#compendium: }"
}

# Skip when this machine does not let us ptrace (containers, yama=3).
require_ptrace_() {
	"$COMPENDIUM" --config /dev/null -- /bin/true >/dev/null 2>&1 ||
		skip_ "cannot trace here: $("$COMPENDIUM" --config /dev/null -- /bin/true 2>&1 | tail -n 1)"
}

# run_capture_ CONFIG_EXTRA -- CMD...: trace CMD with the capture plugin;
# events go to $TMPDIR_TEST/events, compendium's stderr to
# $TMPDIR_TEST/stderr, its exit status to $rc.
run_capture_() {
	extra=$1
	shift
	[ "$1" = -- ] && shift
	{
		printf '[capture]\npath = %s\n' "$TMPDIR_TEST/events"
		printf '%b\n' "$extra"
	} > "$TMPDIR_TEST/capture.conf"
	rc=0
	timeout 120 $CPD_RUN "$COMPENDIUM" --config "$TMPDIR_TEST/capture.conf" \
		--plugin-dir "$TEST_PLUGINS" -- "$@" \
		> "$TMPDIR_TEST/stdout" 2> "$TMPDIR_TEST/stderr" || rc=$?
	[ "$rc" -ne 124 ] || fail_ "compendium timed out: $*"
}

# expect_same_ A B WHAT: compare two files sorted, show the difference.
expect_same_() {
	sort "$1" > "$1.sorted"
	sort "$2" > "$2.sorted"
	diff -u "$1.sorted" "$2.sorted" >&2 || fail_ "$3 differ (program vs compendium)"
}

# "MARK <tid> <k>" for every marker syscall in a capture file.
marks_from_capture_() {
	awk '$1 == "syscall" && $4 ~ /^getpgid\(/ {
		split($3, t, "="); a = $4
		sub(/^getpgid\(/, "", a); sub(/\).*/, "", a)
		printf "MARK %s %d\n", t[2], a - 1000000
	}' "$1"
}

# proc_field_ LINE NAME: a field of a capture line (empty when absent).
proc_field_() {
	printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1
}
