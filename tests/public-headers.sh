#!/bin/sh
# The generated public tree holds no file Xen lacks: every file of
# generated/include has the path of one of Xen's public headers
# (tests/data/xen-public-headers.txt), so that the tree can stand in
# for xen/include/public (issue 13). A family's part of a shared header
# is written into that header (idl: @if(x86) { ... }), not a file of its
# own.
#
# Environment: top_srcdir (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
list=$srcdir/tests/data/xen-public-headers.txt

tmp=$(mktemp -d "${TMPDIR:-/tmp}/public-headers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

grep -v '^#' "$list" | LC_ALL=C sort >"$tmp/xen"
(cd "$srcdir/generated/include" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/ours"
LC_ALL=C comm -23 "$tmp/ours" "$tmp/xen" >"$tmp/extra"
n=$(wc -l <"$tmp/ours")
if [ -s "$tmp/extra" ]; then
	echo "FAIL: generated/include holds files Xen's public tree lacks:"
	sed 's/^/  /' "$tmp/extra"
	exit 1
fi
if [ "$n" -eq 0 ]; then
	echo "FAIL: generated/include is empty"
	exit 1
fi
echo "PASS: the $n files of generated/include are Xen public headers"
