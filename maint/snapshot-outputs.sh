#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Snapshot what every output writes for a set of traced test programs, so
# that a refactoring can be shown to change nothing: run it with the build
# before and the build after, then diff -r the two directories.
#
#   maint/snapshot-outputs.sh BUILDDIR OUTDIR
#
# Every run is [core] deterministic with console, csv, jsonl, perfetto and
# html on. What still varies between two runs (pids and tids, the work
# directory, wall-clock figures in the console summary) is replaced by
# stable names; the html report is reduced to its data block.
set -eu
build=$(readlink -f "$1")
out=$2
mkdir -p "$out"
out=$(readlink -f "$out")
progs="$build/tests/progs"
work=$(mktemp -d /tmp/cpd-snap.XXXXXX)
trap 'rm -rf "$work"' EXIT

# name ARGS...: trace one program into $out/name.*
snap() {
	name=$1
	shift
	d="$work/$name"
	mkdir -p "$d/w"
	cat > "$d/conf" <<EOF
[core]
deterministic = yes
[file]
[net]
[mmap]
[console]
output = $d/console
[csv]
path = $d/csv
[jsonl]
path = $d/jsonl
[perfetto]
path = $d/perfetto
[html]
path = $d/html
EOF
	(cd "$d/w" && COMPENDIUM_PLUGIN_PATH="$build/plugins/.libs" \
		timeout 60 setarch -R "$build/compendium" --config "$d/conf" -- "$@" \
		> "$d/stdout" 2> "$d/stderr") || true
	# the html report's data block only: the viewer is not ours to diff
	# and its times, which [core] deterministic does not fix there
	grep -o '<script type="application/json" id="cpd-data">.*</script>' "$d/html" |
		sed -e 's/"\(start_ns\|end_ns\|duration_ns\|t\)":[0-9]*/"\1":T/g' \
		    -e 's/"start_wall":"[^"]*"/"start_wall":T/' \
		    -e 's/\[[0-9]*,[0-9]*,\([0-9]*,[0-9]*,[0-9]*,[0-9]*,"\)/[T,D,\1/g' \
		> "$d/html.data" || true
	# pids and tids, in order of first appearance in the jsonl
	grep -o '"\(pid\|tid\|ppid\|child_pid\|child_tid\|old_tid\|root_pid\)":[0-9]*' \
		"$d/jsonl" | sed 's/.*://' | awk '$1 > 1 && !seen[$1]++' > "$d/pids"
	for f in console csv jsonl perfetto html.data stderr; do
		[ -f "$d/$f" ] || continue
		sed -e 's/report written to .*/report written/' "$d/$f" |
		awk -v pidfile="$d/pids" -v w="$d/w" -v r="$work" -v p="$progs" '
		BEGIN {
			n = 0
			while ((getline l < pidfile) > 0)
				pid[l] = "P" (++n)
		}
		{
			gsub(w, "WORK")
			gsub(r, "ROOT")
			gsub(p, "PROGS")
			s = $0; o = ""
			while (match(s, /[0-9]+/)) {
				t = substr(s, RSTART, RLENGTH)
				pre = substr(s, 1, RSTART - 1)
				if (t in pid && substr(pre, length(pre)) !~ /[0-9.]/)
					t = pid[t]
				o = o pre t
				s = substr(s, RSTART + RLENGTH)
			}
			print o s
		}' > "$out/$name.$f"
	done
}

snap golden_demo "$progs/golden_demo" "$work/golden_demo/w"
snap console_demo "$progs/console_demo" "$work/console_demo/w"
snap fileio "$progs/fileio" "$work/fileio/w"
snap memio "$progs/memio" "$work/memio/w"
snap sockaddrs "$progs/sockaddrs" "$work/sockaddrs/w"
snap forkexec "$progs/forkexec"
snap htmlio "$progs/htmlio" names "$work/htmlio/w"
snap hostile "$progs/hostile_names" "$work/hostile/w"
snap fdpass "$progs/fdpass" "$work/fdpass/w"
snap sh sh -c 'cat /etc/hostname > out.txt; ls -l out.txt; exit 4'
snap tar tar -C "$build/tests/progs" -cf archive.tar golden_demo.c fileio.c
echo "snapshot in $out: $(ls "$out" | wc -l) files"
