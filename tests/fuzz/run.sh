#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Build the libFuzzer harnesses with clang and run each for SECONDS
# (default 20) over its committed corpus (config reader, decoders,
# escapers, the jsonl reader of compendium diff); a crash fails the run
# and its input is left in tests/fuzz/crashes/. New inputs go to a scratch corpus;
# `run.sh SECONDS merge` folds them, minimised, into the committed one.
#   tests/fuzz/run.sh [SECONDS] [merge]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${CPD_FUZZ_BUILD:-$top}	# where cpd_config.h is (a configured tree)
secs=${1:-20}
merge=${2:-}
CLANG=${CLANG:-clang}
command -v "$CLANG" > /dev/null || { echo "fuzz: no clang: skipped"; exit 0; }
[ -f "$build/cpd_config.h" ] || { echo "fuzz: configure first"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-include $build/cpd_config.h -I$build -I$top/core -I$top/sdk/include
	-I$top/plugins"
core="$top/core/host/config.c $top/core/host/optval.c $top/core/base/log.c $top/core/base/xmalloc.c"
# shellcheck disable=SC2086
"$CLANG" $flags -o "$out/fuzz_config" "$here/fuzz_config.c" $core \
	$(pkg-config --cflags inih) $(pkg-config --libs inih)
# shellcheck disable=SC2086
"$CLANG" $flags -o "$out/fuzz_decode" "$here/fuzz_decode.c" $core \
	"$top/core/engine/fdproc.c" "$top/core/engine/fdtable.c" "$top/core/engine/sysfmt.c" \
	"$top/core/engine/xlat.c" "$top/core/engine/decode.c" \
	"$top/core/engine/decode_struct.c" "$top/core/engine/decode_payload.c" \
	"$top/core/engine/payload.c" "$top/core/engine/tmem.c" \
	"$top/core/engine/sysent.c" "$top/core/base/arena.c" \
	"$top/core/host/evcopy.c" "$top/core/host/evcopy_syscall.c" \
	"$top/core/host/fields.c" $(pkg-config --libs inih)
# shellcheck disable=SC2086
"$CLANG" $flags -o "$out/fuzz_escape" "$here/fuzz_escape.c" \
	"$top/plugins/lib/escape.c" "$top/plugins/lib/format.c"
# shellcheck disable=SC2086
"$CLANG" $flags -o "$out/fuzz_dns" "$here/fuzz_dns.c" \
	"$top/plugins/analyzers/dns/dnsmsg.c"
diff="$top/core/diff"
# shellcheck disable=SC2086
"$CLANG" $flags -o "$out/fuzz_json" "$here/fuzz_json.c" \
	"$diff/json.c" "$diff/trace.c" "$diff/profile.c" \
	"$diff/normalize.c" "$diff/strmap.c" "$diff/compare.c" \
	"$top/plugins/lib/escape.c" \
	"$diff/output_text.c" "$diff/output_json.c" \
	"$top/core/engine/xlat.c" "$top/core/base/arena.c" \
	"$top/core/base/log.c" "$top/core/base/xmalloc.c"
mkdir -p "$here/crashes"
for f in config decode escape dns json; do
	corpus="$here/corpus/$f"
	mkdir -p "$corpus" "$out/new-$f"
	echo "fuzz: $f for ${secs}s"
	"$out/fuzz_$f" -max_total_time="$secs" -max_len=4096 \
		-artifact_prefix="$here/crashes/$f-" -print_final_stats=1 \
		"$out/new-$f" "$corpus" 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|INFO: Seed)' || true
	if ls "$here/crashes/$f-"* > /dev/null 2>&1; then
		echo "fuzz: $f crashed: $(ls "$here/crashes/$f-"*)"
		exit 1
	fi
	if [ "$merge" = merge ]; then
		mkdir -p "$out/min-$f"
		"$out/fuzz_$f" -merge=1 "$out/min-$f" "$corpus" "$out/new-$f" > /dev/null 2>&1
		rm -f "$corpus"/*
		cp "$out/min-$f"/* "$corpus"/ 2>/dev/null || true
	fi
done
rmdir "$here/crashes" 2>/dev/null || true
echo "fuzz: no crash"
