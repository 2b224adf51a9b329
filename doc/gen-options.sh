#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The man pages' one source of truth is the code: the option tables the
# plugins export (as 'compendium --list-plugins' prints them), the [core]
# table and host keys in core/, and 'compendium --help'. This script
#
#   gen-options.sh mdoc COMPENDIUM
#       prints an mdoc(7) skeleton of every plugin's section and keys,
#       from --list-plugins: paste it into compendium.conf.5 when a plugin
#       or an option is added, then write the prose;
#   gen-options.sh list COMPENDIUM
#       prints "plugin key" for every option --list-plugins shows;
#   gen-options.sh check COMPENDIUM SRCDIR
#       fails (status 1, saying what is missing) when compendium.1 or
#       compendium.conf.5 in SRCDIR/doc no longer match the program.
#
# COMPENDIUM is a built binary; its plugins are found as usual (from the
# build tree when it runs uninstalled).
set -eu
LC_ALL=C
export LC_ALL

usage() {
	echo "usage: $0 mdoc|list COMPENDIUM | check COMPENDIUM SRCDIR" >&2
	exit 2
}

# "plugin role key type default" for every option; "plugin role" alone
# for a plugin without options. Defaults are "-" when there is none.
plugin_table() {
	"$1" --list-plugins 2>/dev/null | awk '
	/^[a-z0-9_]+ [^ ]+ \((analyzer|output)\) - / {
		plugin = $1; role = $3; gsub(/[()]/, "", role)
		print plugin, role; inopts = 0; next
	}
	/^    options:$/ { inopts = 1; next }
	/^    [a-z]/ { inopts = 0; next }
	inopts && /^      [a-z0-9_]+ / {
		def = "-"
		if (match($0, /\[[^]]*\]/))
			def = substr($0, RSTART + 1, RLENGTH - 2)
		print plugin, role, $1, $2, def
	}'
}

cmd=${1:-}
[ $# -ge 2 ] || usage
bin=$2
[ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 2; }

case $cmd in
list)
	plugin_table "$bin" | awk 'NF > 2 { print $1, $3 }'
	;;
mdoc)
	plugin_table "$bin" | awk '
	function close_() { if (open) print ".El"; open = 0 }
	NF == 2 || $1 != last {
		close_(); last = $1
		print ".Ss [" $1 "]"
		print ".\\\" " $2 ": describe it here"
	}
	NF > 2 {
		if (!open) { print ".Bl -tag -width Ds"; open = 1 }
		print ".It Sy " $3 " No = Ar " $4
		if ($5 != "-") {
			print "Default"
			print ".Li " $5 " ."
		}
	}
	END { close_() }'
	;;
check)
	[ $# -eq 3 ] || usage
	src=$3
	man1=$src/doc/compendium.1
	man5=$src/doc/compendium.conf.5
	for f in "$man1" "$man5" "$src/core/host/session.c" "$src/core/host/options.c"; do
		[ -f "$f" ] || { echo "$0: $f is missing" >&2; exit 2; }
	done
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpd-doc.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	bad=0

	# ---- compendium.conf.5: "section key" pairs the page documents ------
	# A subsection ".Ss [name]" documents a section; ".It Sy key" inside
	# it documents a key. The host keys are listed under .Sh SECTIONS.
	awk '
	/^\.Sh / { sec = ""; if ($2 == "SECTIONS") sec = "*" }
	/^\.Ss \[[a-z0-9_]+\]$/ { sec = substr($2, 2, length($2) - 2); next }
	sec != "" && /^\.It Sy [a-z0-9_]+/ { print sec, $3 }
	' "$man5" | sort -u > "$tmp/documented"
	awk '/^\.Ss \[[a-z0-9_]+\]$/ { print substr($2, 2, length($2) - 2) }' \
		"$man5" | sort -u > "$tmp/doc_sections"

	plugin_table "$bin" > "$tmp/table"
	[ -s "$tmp/table" ] || { echo "$0: '$bin --list-plugins' listed no plugins" >&2; exit 2; }
	awk 'NF > 2 { print $1, $3 }' "$tmp/table" | sort -u > "$tmp/want"
	awk '{ print $1 }' "$tmp/table" | sort -u > "$tmp/plugins"

	# [core]: the names in session_core_options[] up to CPD_OPTION_END
	sed -n '/session_core_options\[\] *= *{/,/CPD_OPTION_END/p' \
		"$src/core/host/session.c" |
		sed -n 's/.*\.name *= *"\([a-z0-9_]*\)".*/core \1/p' >> "$tmp/want"
	# host keys: the strings of host_keys[] in core/host/options.c
	sed -n '/host_keys\[\] *= *{/,/};/p' "$src/core/host/options.c" |
		tr ',' '\n' | sed -n 's/.*"\([a-z0-9_]*\)".*/* \1/p' >> "$tmp/want"
	grep -q '^core ' "$tmp/want" || { echo "$0: no [core] options found in core/host/session.c" >&2; exit 2; }
	grep -q '^\* ' "$tmp/want" || { echo "$0: no host keys found in core/host/options.c" >&2; exit 2; }
	sort -u -o "$tmp/want" "$tmp/want"

	for p in $(cat "$tmp/plugins"); do
		grep -qx "$p" "$tmp/doc_sections" || {
			echo "compendium.conf.5: plugin '$p' (from --list-plugins) has no '.Ss [$p]' subsection"
			bad=1
		}
	done
	comm -23 "$tmp/want" "$tmp/documented" > "$tmp/missing"
	while read -r s k; do
		case $s in
		'*') echo "compendium.conf.5: host key '$k' is not documented under SECTIONS" ;;
		*) echo "compendium.conf.5: key '$k' of [$s] is not documented ('.It Sy $k' under '.Ss [$s]')" ;;
		esac
		bad=1
	done < "$tmp/missing"
	# keys documented for a plugin that is built, but that it no longer has
	comm -13 "$tmp/want" "$tmp/documented" > "$tmp/extra"
	while read -r s k; do
		if [ "$s" = core ] || [ "$s" = '*' ] || grep -qx "$s" "$tmp/plugins"; then
			echo "compendium.conf.5: documents '$k' in [$s], which has no such key"
			bad=1
		fi
	done < "$tmp/extra"

	# ---- compendium.1: every option of --help --------------------------
	"$bin" --help > "$tmp/help" || { echo "$0: '$bin --help' failed" >&2; exit 2; }
	grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u > "$tmp/long"
	grep -o -- '^  -[a-zA-Z],' "$tmp/help" | sed 's/^  -\(.\),/\1/' | sort -u > "$tmp/short"
	[ -s "$tmp/long" ] || { echo "$0: no long options in --help" >&2; exit 2; }
	while read -r o; do
		# mdoc writes --plugin-dir as "Fl \-plugin\-dir"
		esc=$(printf '%s\n' "${o#-}" | sed 's/-/\\\\-/g')
		grep -q "Fl $esc\\([^a-z\\\\-]\\|\$\\)" "$man1" || {
			echo "compendium.1: option '$o' of --help is not documented ('.Fl $(printf '%s' "$esc" | sed 's/\\\\/\\/g')')"
			bad=1
		}
	done < "$tmp/long"
	while read -r o; do
		grep -q "^\\.It Fl $o\\( \\|\$\\)" "$man1" || {
			echo "compendium.1: option '-$o' of --help has no '.It Fl $o' entry"
			bad=1
		}
	done < "$tmp/short"
	# and the exit statuses --help promises
	for st in 127 128; do
		grep -q "$st" "$man1" || { echo "compendium.1: exit status $st is not documented"; bad=1; }
	done

	[ "$bad" -eq 0 ] || exit 1
	echo "the man pages document every option of $(wc -l < "$tmp/plugins") plugins, [core], and --help"
	;;
*)
	usage
	;;
esac
