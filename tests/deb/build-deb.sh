#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
#
# build-deb.sh TARBALL: the release tarball ('make dist') as Debian would
# package it. In a temporary directory: unpack it, write a minimal
# debian/ (two binary packages: compendium, and compendium-dev with the
# plugin SDK), build with dpkg-buildpackage -us -uc -b, run lintian,
# install the packages with dpkg -i, check the INSTALLED program with no
# environment at all (--version, --list-plugins from /usr/lib, a trace
# that reads /etc/compendium/compendium.conf, an SDK example built with
# the installed compendium-sdk.pc), then purge them.
#
# It installs system packages, so it runs only where that is intended:
# as root, with CPD_DEB_TEST=1 or under CI (CI=true). Exit 0: all good;
# 1: a check failed; 77: cannot run here (the reason is printed).
# 'make deb-check' builds the tarball and runs this.
#
# CPD_DEB_OUT=DIR keeps the .debs, the .changes and the logs there.
#
# Debian packages it needs: dpkg-dev debhelper fakeroot lintian, plus the
# Build-Depends written below (dpkg-checkbuilddeps names what is missing).
set -eu
LC_ALL=C
export LC_ALL

me=${0##*/}
skip_() { echo "SKIP: $me: $*"; exit 77; }
fail_() { echo "FAIL: $me: $*" >&2; exit 1; }
step_() { echo "== $me: $* ($(($(date +%s) - t0))s)"; }
t0=$(date +%s)

[ $# -eq 1 ] || { echo "usage: $me compendium-VERSION.tar.xz" >&2; exit 2; }
tarball=$(readlink -f "$1") || fail_ "no tarball $1"
[ -f "$tarball" ] || fail_ "no tarball $1"

case ${CPD_DEB_TEST:-}:${CI:-} in
1:* | *:true) ;;
*) skip_ "installs and purges system packages: set CPD_DEB_TEST=1 to run it (CI runs it)" ;;
esac
[ "$(id -u)" = 0 ] || skip_ "dpkg -i needs root"
missing=
for tool in dpkg-buildpackage dpkg-checkbuilddeps dh fakeroot dpkg; do
	command -v "$tool" > /dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] ||
	skip_ "missing$missing (apt-get install dpkg-dev debhelper fakeroot)"
for pkg in compendium compendium-dev; do
	if dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -q 'ok installed'; then
		skip_ "$pkg is already installed on this machine; not touching it"
	fi
done

# compendium-0.1.0.tar.xz -> compendium, 0.1.0
base=${tarball##*/}
base=${base%.tar.*}
version=${base#compendium-}
[ "$version" != "$base" ] && [ -n "$version" ] || fail_ "cannot read a version in $base"

work=$(mktemp -d "${TMPDIR:-/tmp}/cpd-deb.XXXXXX")
installed=no
cleanup() {
	rc=$?
	if [ "$installed" = yes ]; then
		dpkg -P compendium-dev compendium > "$work/purge.log" 2>&1 ||
			{ cat "$work/purge.log" >&2; rc=1; }
	fi
	if [ -n "${CPD_DEB_OUT:-}" ]; then
		mkdir -p "$CPD_DEB_OUT" &&
			cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo \
				"$work"/*.log "$CPD_DEB_OUT" 2> /dev/null || :
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
cd "$work"

# ---- the source package --------------------------------------------------------
# 3.0 (quilt): the upstream tarball is the .orig, debian/ is ours
cp "$tarball" "compendium_$version.orig.tar.${tarball##*.tar.}"
tar -xf "$tarball"
src=$work/$base
[ -x "$src/configure" ] || fail_ "$base has no configure"
mkdir -p "$src/debian/source"
echo '3.0 (quilt)' > "$src/debian/source/format"

cat > "$src/debian/control" <<'EOF'
Source: compendium
Section: devel
Priority: optional
Maintainer: compendium developers <devel@compendium.invalid>
Build-Depends:
 debhelper-compat (= 13),
 bash-completion,
 bpftool,
 clang,
 libbpf-dev,
 libcunit1-dev <!nocheck>,
 libelf-dev,
 libinih-dev,
 pkg-config,
 zlib1g-dev,
Standards-Version: 4.6.2
Homepage: https://compendium.invalid/
Rules-Requires-Root: no

Package: compendium
Architecture: linux-any
Depends: ${misc:Depends}, ${shlibs:Depends}
Description: plugin-based syscall tracer
 compendium runs a command, or attaches to running processes, follows
 every process and thread it starts, and shows what matters: files
 opened and bytes moved, network connections, heap and mmap growth,
 processes spawned, as a live stream and a final summary, with CSV,
 JSON Lines and Perfetto outputs.
 .
 Everything it shows comes from plugins on an internal event bus.

Package: compendium-dev
Architecture: linux-any
Multi-Arch: same
Depends: ${misc:Depends}
Recommends: compendium, pkg-config
Description: plugin SDK for the compendium syscall tracer
 The C headers and pkg-config file (compendium-sdk) to build analyzer
 and output plugins for compendium, and the compendium-plugin(7) guide.
 The SDK is MIT-licensed: plugins under any licence can use it.
EOF

# 'make install' already leaves out libtool's .la files and installs the
# bash completion; the split between the two packages is all rules adds
cat > "$src/debian/rules" <<'EOF'
#!/usr/bin/make -f
export DEB_BUILD_MAINT_OPTIONS = hardening=+all

%:
	dh $@

override_dh_auto_configure:
	dh_auto_configure -- --enable-bpf=yes \
		--with-bash-completion-dir=/usr/share/bash-completion/completions
EOF
chmod +x "$src/debian/rules"

cat > "$src/debian/compendium.install" <<'EOF'
etc/compendium
usr/bin/compendium
usr/lib/*/compendium
usr/share/bash-completion/completions/compendium
usr/share/man/man1
usr/share/man/man5
EOF
cat > "$src/debian/compendium-dev.install" <<'EOF'
usr/include/compendium
usr/lib/*/pkgconfig/compendium-sdk.pc
usr/share/man/man7
EOF
# dh_installdocs puts it in place; make install's copy is not needed
echo README.md > "$src/debian/compendium.docs"
cat > "$src/debian/not-installed" <<'EOF'
usr/share/doc/compendium/README.md
EOF

# a package for testing, never uploaded: it closes no Debian bug
for pkg in compendium compendium-dev; do
	echo "$pkg: initial-upload-closes-no-bugs" > "$src/debian/$pkg.lintian-overrides"
done

cat > "$src/debian/changelog" <<EOF
compendium ($version-1) unstable; urgency=medium

  * Package the release tarball (built by tests/deb/build-deb.sh).

 -- compendium developers <devel@compendium.invalid>  $(date -R -d @"$(stat -c %Y "$tarball")")
EOF

{
	cat <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: compendium
Source: https://compendium.invalid/

Files: *
Copyright: 2026 the compendium developers
License: GPL-2+

Files: sdk/include/* sdk/examples/*
Copyright: 2026 the compendium developers
License: Expat

License: GPL-2+
 This program is free software; you can redistribute it and/or modify
 it under the terms of the GNU General Public License as published by
 the Free Software Foundation; either version 2 of the License, or
 (at your option) any later version.
 .
 On Debian systems, the complete text of the GNU General Public License
 version 2 can be found in /usr/share/common-licenses/GPL-2.

License: Expat
EOF
	# the MIT text as LICENSES.md quotes it, indented one blank
	sed -n '/^      Permission is hereby granted/,/SOFTWARE\.$/p' "$src/LICENSES.md" |
		sed 's/^      / /; s/^ *$/ ./'
} > "$src/debian/copyright"
grep -q 'Permission is hereby granted' "$src/debian/copyright" ||
	fail_ "no MIT licence text found in LICENSES.md for debian/copyright"

# ---- build -----------------------------------------------------------------------
step_ "checking the Build-Depends"
(cd "$src" && dpkg-checkbuilddeps) > builddeps.log 2>&1 || {
	cat builddeps.log
	skip_ "unmet build dependencies (apt-get install them): $(sed -n 's/.*Unmet build dependencies: //p' builddeps.log)"
}
step_ "dpkg-buildpackage -us -uc -b"
# the test suite runs in CI proper; here the packaging is under test
(cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
	dpkg-buildpackage -us -uc -b) > build.log 2>&1 ||
	{ tail -n 60 build.log >&2; fail_ "dpkg-buildpackage failed"; }
arch=$(dpkg --print-architecture)
deb=$work/compendium_${version}-1_$arch.deb
devdeb=$work/compendium-dev_${version}-1_$arch.deb
[ -f "$deb" ] && [ -f "$devdeb" ] || { ls "$work" >&2; fail_ "the .debs were not built"; }

# ---- what is in them --------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' > files
dpkg-deb -c "$devdeb" | awk '{ print $NF }' | sed 's|^\./|/|' > devfiles
grep '\.la$' files devfiles && fail_ "libtool .la files are packaged"
plugindir=$(sed -n 's|^\(/usr/lib/[^/]*/compendium\)/file\.so$|\1|p' files)
[ -n "$plugindir" ] || { cat files >&2; fail_ "no file.so under /usr/lib/*/compendium in $deb"; }
for f in /usr/bin/compendium /etc/compendium/compendium.conf \
	/usr/share/bash-completion/completions/compendium \
	/usr/share/man/man1/compendium.1.gz /usr/share/man/man5/compendium.conf.5.gz \
	/usr/share/doc/compendium/README.md.gz /usr/share/doc/compendium/copyright; do
	grep -qxF "$f" files || { cat files >&2; fail_ "$f is not in $deb"; }
done
for f in /usr/include/compendium/compendium.h /usr/share/man/man7/compendium-plugin.7.gz; do
	grep -qxF "$f" devfiles || { cat devfiles >&2; fail_ "$f is not in $devdeb"; }
done
grep -q '/pkgconfig/compendium-sdk\.pc$' devfiles || fail_ "compendium-sdk.pc is not in $devdeb"
dpkg-deb -f "$deb" Depends | grep -q libinih ||
	fail_ "compendium does not depend on the inih library: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -e "$deb" control.d
grep -qxF /etc/compendium/compendium.conf control.d/conffiles ||
	fail_ "/etc/compendium/compendium.conf is not a conffile"

# ---- lintian: reported, not fatal (its tags change between releases) -----------------
if command -v lintian > /dev/null 2>&1; then
	step_ "lintian"
	# lintian would rather not run as root: as nobody when we can
	as_nobody=
	if command -v runuser > /dev/null 2>&1 && id nobody > /dev/null 2>&1; then
		chmod 755 "$work"
		as_nobody="runuser -u nobody --"
	fi
	$as_nobody env HOME=/tmp lintian -I --tag-display-limit 0 \
		"$work"/compendium_"${version}"-1_"$arch".changes > lintian.log 2>&1 || :
	if [ -s lintian.log ]; then
		echo "lintian says:"
		sed 's/^/  /' lintian.log
	else
		echo "lintian: clean"
	fi
	grep -q '^E: ' lintian.log && echo "lintian reported errors (above)"
else
	echo "lintian not installed: the packages are not linted"
fi

# ---- install, use, purge -------------------------------------------------------------
step_ "dpkg -i, then the installed program with no environment"
installed=yes
dpkg -i "$deb" "$devdeb" > install.log 2>&1 ||
	{ cat install.log >&2; fail_ "dpkg -i failed"; }

# no environment: no COMPENDIUM_*, no HOME, no XDG_*
run_() { env -i PATH=/usr/bin:/bin "$@"; }
mkdir run && cd run
run_ compendium --version > version 2>&1 || { cat version >&2; fail_ "compendium --version failed"; }
grep -q "^compendium $version\( \|$\)" version || fail_ "--version says '$(cat version)', not compendium $version"
run_ compendium --list-plugins > list 2> list.err || { cat list.err >&2; fail_ "--list-plugins failed"; }
for p in file net mmap console csv jsonl perfetto; do
	grep -qxF "    file: $plugindir/$p.so" list ||
		{ cat list >&2; fail_ "the installed compendium does not load $p from $plugindir"; }
done
rc=0
timeout 120 env -i PATH=/usr/bin:/bin compendium -- /bin/true > trace.out 2> trace.err || rc=$?
[ "$rc" -eq 0 ] || { cat trace.err >&2; fail_ "compendium -- /bin/true exited $rc"; }
for what in 'FINAL: /bin/true' 'Memory:' 'Files read:' 'Exit: exit 0'; do
	grep -q "$what" trace.err ||
		{ cat trace.err >&2; fail_ "the summary has no '$what': plugins or config not found"; }
done
grep -q 'built-in default config' trace.err &&
	fail_ "the installed compendium fell back to its built-in config"
# the config it reads is the packaged one: break it and see it named
conf=/etc/compendium/compendium.conf
cp "$conf" conf.saved
printf '[no_such_plugin_here]\n' >> "$conf"
rc=0
run_ compendium -- /bin/true > /dev/null 2> conf.err || rc=$?
cp conf.saved "$conf"
[ "$rc" -eq 2 ] && grep -q "^compendium: error: $conf:[0-9]*: \[no_such_plugin_here\]" conf.err ||
	{ cat conf.err >&2; fail_ "the installed compendium does not read $conf (status $rc)"; }

# the SDK from compendium-dev: the examples build with the system's
# pkg-config alone and load into the installed compendium
if command -v pkg-config > /dev/null 2>&1 && command -v cc > /dev/null 2>&1; then
	[ "$(pkg-config --variable=plugindir compendium-sdk)" = "$plugindir" ] ||
		fail_ "compendium-sdk.pc's plugindir is not $plugindir"
	mkdir sdk
	(cd sdk && make -f "$src/sdk/examples/Makefile" SRCDIR="$src/sdk/examples") \
		> sdk.log 2>&1 || { cat sdk.log >&2; fail_ "the SDK examples do not build against compendium-dev"; }
	printf 'hello\n' > data.txt
	printf '[file]\n\n[topfiles]\npath = %s/top.txt\n' "$(pwd)" > top.conf
	rc=0
	timeout 120 env -i PATH=/usr/bin:/bin compendium --plugin-dir "$(pwd)/sdk" \
		--config top.conf -- sh -c 'cat data.txt > /dev/null' > /dev/null 2> top.err || rc=$?
	[ "$rc" -eq 0 ] || { cat top.err >&2; fail_ "tracing with the example plugin failed: $rc"; }
	grep -qx " *6  *0  *1  *0  $(pwd)/data.txt" top.txt ||
		{ cat top.txt top.err >&2; fail_ "topfiles built against compendium-dev did not see cat read 6 bytes"; }
fi
cd "$work"

step_ "dpkg -P"
installed=no
dpkg -P compendium-dev compendium > purge.log 2>&1 || { cat purge.log >&2; fail_ "dpkg -P failed"; }
for pkg in compendium compendium-dev; do
	dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -q 'ok installed' &&
		fail_ "$pkg is still installed after dpkg -P"
done
[ ! -e /etc/compendium ] || fail_ "/etc/compendium is left after purge"
[ ! -e "$plugindir" ] || fail_ "$plugindir is left after purge"
[ ! -e /usr/bin/compendium ] || fail_ "/usr/bin/compendium is left after purge"
step_ "done: built, linted, installed, used and purged compendium $version-1"
exit 0
