#!/bin/sh
# Command-line behaviour: exit statuses, --check, depfiles, determinism,
# untouched mtimes, and that no error leaves an output file behind.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
examples=$top_srcdir/tests/data/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: run COMMAND, check its status,
# keep its output in $tmp/stdout and $tmp/stderr.
expect() {
	want=$1
	what=$2
	shift 3
	checks=$((checks + 1))
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$what: exit status $got, expected $want"
		sed 's/^/    /' "$tmp/stderr" | head -5
	fi
}

contains() {
	checks=$((checks + 1))
	grep -q -- "$2" "$1" || fail "$3: '$2' not found in $(basename "$1")"
}

inputs="xen.xidl event_channel.xidl domctl.xidl sysctl.xidl arch-x86/domainconfig.xidl
arch-arm/domainconfig.xidl arch-ppc/domainconfig.xidl arch-riscv/domainconfig.xidl"

# --- usage -------------------------------------------------------------------
expect 0 "--version" -- "$XENIDL" --version
contains "$tmp/stdout" "^xenidl " "--version"
expect 0 "--help" -- "$XENIDL" --help
contains "$tmp/stdout" "Usage: xenidl" "--help"
expect 2 "no input" -- "$XENIDL"
contains "$tmp/stderr" "no input files" "no input"
expect 2 "unknown option" -- "$XENIDL" --frobnicate x.xidl
contains "$tmp/stderr" "unknown option '--frobnicate'" "unknown option"
expect 2 "unknown language" -- "$XENIDL" -l cobol x.xidl
contains "$tmp/stderr" "unknown output language 'cobol'" "unknown language"
expect 2 "unknown ABI" -- "$XENIDL" --abi x86_64,mips x.xidl
contains "$tmp/stderr" "unknown ABI 'mips'" "unknown ABI"
expect 2 "unknown -W" -- "$XENIDL" -Wall x.xidl
expect 2 "missing argument" -- "$XENIDL" -o
expect 2 "layout without a type" -- "$XENIDL" layout
expect 1 "missing input file" -- "$XENIDL" -o "$tmp/none" "$tmp/nosuch.xidl"
contains "$tmp/stderr" "nosuch.xidl: error: cannot open" "missing input file"
expect 1 "directory as input" -- "$XENIDL" -o "$tmp/none" "$tmp"
contains "$tmp/stderr" "not a regular file" "directory as input"

# --- generation and --check ------------------------------------------------------
cd "$examples" || exit 1
out=$tmp/out
# shellcheck disable=SC2086 # the input list is meant to split
expect 3 "--check with nothing generated" -- "$XENIDL" --check -o "$out" $inputs
contains "$tmp/stdout" "^--- /dev/null" "--check on missing files"
checks=$((checks + 1))
[ -e "$out" ] && fail "--check created $out"

# shellcheck disable=SC2086
expect 0 "generate" -- "$XENIDL" -o "$out" -M "$tmp/deps.d" $inputs
# shellcheck disable=SC2086
expect 0 "--check when up to date" -- "$XENIDL" --check -o "$out" $inputs
checks=$((checks + 1))
[ -s "$tmp/stdout" ] && fail "--check printed a diff for up-to-date files"

echo "/* local edit */" >>"$out/sysctl.h"
# shellcheck disable=SC2086
expect 3 "--check with a stale file" -- "$XENIDL" --check -o "$out" $inputs
contains "$tmp/stdout" "^--- a/sysctl.h" "--check diff header"
contains "$tmp/stdout" "^+++ b/sysctl.h" "--check diff header"
contains "$tmp/stdout" "^-/\* local edit \*/" "--check diff body"
contains "$out/sysctl.h" "local edit" "--check must not write"

# --- depfile -------------------------------------------------------------------
contains "$tmp/deps.d" "domctl.h" "depfile targets"
contains "$tmp/deps.d" "arch-arm/domainconfig.xidl" "depfile prerequisites"
contains "$tmp/deps.d" "^xen.xidl:$" "depfile phony rules"

# --- determinism and untouched mtimes --------------------------------------------
mkdir -p "$tmp/a" "$tmp/b/deeper"
cp -R "$examples"/. "$tmp/a/"
cp -R "$examples"/. "$tmp/b/deeper/"
# shellcheck disable=SC2086
(cd "$tmp/a" && "$XENIDL" -o "$tmp/out-a" $inputs) || fail "generate in a"
# shellcheck disable=SC2086
(cd "$tmp/b/deeper" && "$XENIDL" -o "$tmp/out-b" $inputs) || fail "generate in b"
checks=$((checks + 1))
diff -r "$tmp/out-a" "$tmp/out-b" >/dev/null || fail "outputs differ between directories"
checks=$((checks + 1))
grep -rq "$tmp" "$tmp/out-a" && fail "an absolute path leaked into the output"

touch -d '2001-01-01 00:00:00' "$tmp/out-a"/*.h
stamp=$(ls -l --time-style=+%s "$tmp/out-a/domctl.h" | awk '{print $6}')
# shellcheck disable=SC2086
(cd "$tmp/a" && "$XENIDL" -o "$tmp/out-a" $inputs) || fail "regenerate in a"
stamp2=$(ls -l --time-style=+%s "$tmp/out-a/domctl.h" | awk '{print $6}')
checks=$((checks + 1))
[ "$stamp" = "$stamp2" ] || fail "an unchanged output was rewritten (mtime changed)"
checks=$((checks + 1))
[ -z "$(find "$tmp/out-a" -name '.xenidl-*')" ] || fail "temporary files were left behind"

# --- errors leave nothing behind -------------------------------------------------
printf 'struct bad {\n    a: u16;\n    b: u32;\n}\n' >"$tmp/bad.xidl"
cp "$tmp/out-a/sysctl.h" "$tmp/sysctl.before"
expect 1 "an input error" -- "$XENIDL" -o "$tmp/out-a" "$tmp/a/sysctl.xidl" "$tmp/bad.xidl"
checks=$((checks + 1))
[ -e "$tmp/out-a/bad.h" ] && fail "an input error left bad.h"
checks=$((checks + 1))
cmp -s "$tmp/sysctl.before" "$tmp/out-a/sysctl.h" || fail "an input error changed sysctl.h"
expect 1 "error into a new directory" -- "$XENIDL" -o "$tmp/fresh" "$tmp/bad.xidl"
checks=$((checks + 1))
[ -e "$tmp/fresh" ] && fail "an input error created the output directory"

touch "$tmp/plainfile"
expect 1 "output directory is a file" -- "$XENIDL" -o "$tmp/plainfile" "$tmp/a/sysctl.xidl"
contains "$tmp/stderr" "cannot create" "output directory is a file"

mkdir -p "$tmp/x" "$tmp/y"
printf 'type a_t = u32;\n' >"$tmp/x/same.xidl"
printf 'type b_t = u32;\n' >"$tmp/y/same.xidl"
expect 1 "two inputs, one output" -- "$XENIDL" -I "$tmp/x" -I "$tmp/y" -o "$tmp/twice" \
	"$tmp/x/same.xidl" "$tmp/y/same.xidl"
contains "$tmp/stderr" "two inputs would write the same output file" "two inputs, one output"
checks=$((checks + 1))
[ -n "$(find "$tmp/twice" -type f 2>/dev/null)" ] && fail "a collision left files behind"

# --- the layout command ---------------------------------------------------------------
expect 0 "layout" -- "$XENIDL" layout --abi x86_32 evtchn_status event_channel.xidl
checks=$((checks + 1))
diff -u "$top_srcdir/tests/data/layout-evtchn_status.txt" "$tmp/stdout" || fail "layout table"
expect 1 "layout of an unknown type" -- "$XENIDL" layout nosuch event_channel.xidl
contains "$tmp/stderr" "no struct or union named 'nosuch'" "layout of an unknown type"

echo "cli: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
