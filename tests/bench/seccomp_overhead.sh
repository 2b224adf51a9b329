#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What the seccomp filter buys: a getppid loop traced by compendium with
# only a capture output subscribed to openat, against the same loop
# untraced, compendium without the filter, and strace. Prints medians of
# alternating runs and the ratios; a benchmark, never a test.
#
#   tests/bench/seccomp_overhead.sh [ITERATIONS] [RUNS]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-20000}
runs=${2:-7}
prog="$top/tests/progs/getppid_loop"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '[capture]\npath = %s/events\nsyscalls = openat\n' "$tmp" > "$tmp/conf"
[ -x "$prog" ] || { echo "build the test programs first: make check TESTS="; exit 1; }

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
timeit() { # label cmd...
	label=$1
	shift
	t0=$(now)
	"$@" > /dev/null 2>&1
	t1=$(now)
	echo $(((t1 - t0) / 1000)) >> "$tmp/$label"
}

for i in $(seq "$runs"); do
	timeit untraced "$prog" "$n"
	timeit seccomp "$top/compendium" --config "$tmp/conf" --plugin-dir "$top/tests/lib/.libs" -- "$prog" "$n"
	timeit startup "$top/compendium" --config "$tmp/conf" --plugin-dir "$top/tests/lib/.libs" -- "$prog" 0
	if [ "$n" -le 200000 ]; then
		timeit noseccomp "$top/compendium" --config "$tmp/conf" --set core.seccomp=no --plugin-dir "$top/tests/lib/.libs" -- "$prog" "$n"
		command -v strace > /dev/null && timeit strace strace -f -o /dev/null "$prog" "$n"
	fi
done
u=$(median < "$tmp/untraced")
printf '%-28s %10s %8s\n' "getppid x $n ($runs runs)" "median us" "ratio"
for label in untraced seccomp startup noseccomp strace; do
	[ -f "$tmp/$label" ] || continue
	m=$(median < "$tmp/$label")
	printf '%-28s %10d %8s\n' "$label" "$m" "$(awk -v a="$m" -v b="$u" 'BEGIN { printf "%.2f", a / b }')"
done
s=$(median < "$tmp/seccomp")
st=$(median < "$tmp/startup")
awk -v s="$s" -v st="$st" -v u="$u" -v n="$n" 'BEGIN {
	printf "seccomp, start-up excluded: %.3f x untraced (%.1f ns per getppid traced, vs %.1f untraced)\n",
		(s - st) / u, (s - st) * 1000 / n, u * 1000 / n }'
