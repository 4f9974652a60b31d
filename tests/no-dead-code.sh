#!/bin/sh
# Every function that libxenidl.a exports is called somewhere: by the
# generator itself, by main.c or by a test. A function that is only
# declared and defined is dead code, and goes. The flex scanners' own
# functions (lexer.o, toml_lexer.o) are generated, and left alone.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
lib=$top_builddir/libxenidl.a
command -v nm >/dev/null 2>&1 || { echo "SKIP: no nm"; exit 77; }
[ -f "$lib" ] || { echo "FAIL: no $lib"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-dead-code.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

nm -g --defined-only "$lib" |
	awk '/:$/ { obj = $1; next }
	     $2 == "T" && obj != "lexer.o:" && obj != "toml_lexer.o:" { print $3 }' |
	LC_ALL=C sort -u >"$tmp/exported"
# How many times each identifier is written in the sources (headers aside:
# a declaration is no use).
find "$top_srcdir/generator" "$top_srcdir/tests" \
	\( -name '*.c' -o -name '*.y' -o -name '*.l' \) -exec cat {} + |
	grep -oE '[A-Za-z_][A-Za-z0-9_]*' | LC_ALL=C sort | uniq -c |
	awk '{ print $2, $1 }' >"$tmp/counts"
# Written once: its definition only.
dead=$(awk 'NR == FNR { n[$1] = $2; next } !(($1 in n) && n[$1] > 1) { print $1 }' \
	"$tmp/counts" "$tmp/exported")
total=$(wc -l <"$tmp/exported" | tr -d ' ')
if [ -n "$dead" ]; then
	echo "FAIL: exported but never called:"
	echo "$dead" | sed 's/^/    /'
	exit 1
fi
echo "no-dead-code: $total exported functions, all called"
