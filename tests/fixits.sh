#!/bin/sh
# Fix-its must fix: every fix-it that the error tests print is applied,
# literally, to a copy of the test's input, xenidl runs again, and the error
# it was attached to must be gone, with no new error in its place.
#
# For each error test (tests/errors/CASE.{xidl,yaml,toml,xbg} and
# tests/rust/errors/CASE.xidl, with CASE.args), xenidl runs as
# run-error-test runs it, plus --parseable-fixits:
#   - its stderr without the "fix-it:" lines must be CASE.err: the fix-its
#     applied are the ones the test pins, as users see them;
#   - each error's fix-its are applied alone, then all together;
#   - an error that suggests text ("e.g. '...'", "did you mean") but has no
#     fix-it fails the test: a suggestion must be exact enough to apply.
set -u
xenidl=${XENIDL:?XENIDL must name the xenidl binary}
apply=${top_builddir:?}/tests/fixit-apply
src=${top_srcdir:?}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-fixits.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

fail=0
cases=0
applied=0

# The messages of a run, without their places, sorted: "error: ...".
messages() {
	sed -n 's/^.*: \(error: .*\)$/\1/p' "$1" | LC_ALL=C sort
}

# shellcheck source=tests/error-args.sh
. "$src/tests/error-args.sh"

# run DIR FILE ARGS OUT: xenidl as run-error-test runs it, with the
# command of the case ($command, from error_args).
run() {
	(cd "$1" && eval "\"\$xenidl\" $command -o \"\$tmp/out\" $3 \"\$2\"") >/dev/null 2>"$4"
	rm -rf "$tmp/out"
}

# check CASE WHAT BEFORE AFTER FIXED: the errors listed in FIXED (messages,
# one a line) are gone from AFTER, and AFTER says nothing BEFORE did not.
check() {
	messages "$3" >"$tmp/m-before"
	messages "$4" >"$tmp/m-after"
	ok=0
	while IFS= read -r m; do
		n_before=$(grep -acxF -- "$m" "$tmp/m-before")
		n_after=$(grep -acxF -- "$m" "$tmp/m-after")
		n_fixed=$(grep -acxF -- "$m" "$5")
		if [ "$n_after" -gt $((n_before - n_fixed)) ]; then
			echo "FAIL: $1: $2: the error is still there: $m"
			ok=1
		fi
	done <"$5"
	new=$(LC_ALL=C comm -13 "$tmp/m-before" "$tmp/m-after" | LC_ALL=C sort -u)
	if [ -n "$new" ]; then
		echo "FAIL: $1: $2: new errors:"
		echo "$new"
		ok=1
	fi
	if [ $ok -ne 0 ]; then
		sed 's/^/    /' "$4"
		fail=1
	fi
}

for input in "$src"/tests/errors/*.xidl "$src"/tests/errors/*.yaml "$src"/tests/errors/*.toml \
	     "$src"/tests/errors/*.xbg "$src"/tests/rust/errors/*.xidl; do
	base=${input%.*}
	[ -f "$base.err" ] || continue
	cases=$((cases + 1))
	name=$(basename "$base")
	dir=$(dirname "$input")
	file=$(basename "$input")
	error_args "$base"

	# A fresh copy of the test's directory for each run that edits it.
	fresh() {
		rm -rf "$tmp/work"
		cp -R "$dir" "$tmp/work"
	}
	run "$dir" "$file" "--parseable-fixits $args" "$tmp/diags"
	if ! grep -av '^fix-it:' "$tmp/diags" | diff -u "$base.err" - >"$tmp/diff"; then
		echo "FAIL: $name: with --parseable-fixits, the diagnostics are not $name.err:"
		cat "$tmp/diff"
		fail=1
		continue
	fi
	"$apply" list "$tmp/diags" >"$tmp/list" || { echo "FAIL: $name: fixit-apply list"; fail=1; continue; }
	: >"$tmp/fixed-all"
	while IFS="$(printf '\t')" read -r n kind message; do
		case $kind in
		none)
			case $message in
			*"e.g. '"*|*"did you mean"*)
				echo "FAIL: $name: a suggestion without a fix-it: $message"
				fail=1 ;;
			esac
			continue ;;
		esac
		applied=$((applied + 1))
		echo "$message" >>"$tmp/fixed-all"
		echo "$message" >"$tmp/fixed"
		fresh
		if ! (cd "$tmp/work" && "$apply" apply "$tmp/diags" "$n"); then
			echo "FAIL: $name: error $n: its fix-it does not apply"
			fail=1
			continue
		fi
		run "$tmp/work" "$file" "$args" "$tmp/after"
		check "$name" "fix-it of error $n" "$tmp/diags" "$tmp/after" "$tmp/fixed"
	done <"$tmp/list"
	if [ -s "$tmp/fixed-all" ]; then
		fresh
		if ! (cd "$tmp/work" && "$apply" apply "$tmp/diags" all); then
			echo "FAIL: $name: its fix-its do not apply together"
			fail=1
			continue
		fi
		run "$tmp/work" "$file" "$args" "$tmp/after"
		check "$name" "all its fix-its" "$tmp/diags" "$tmp/after" "$tmp/fixed-all"
	fi
done

echo "$cases error tests, $applied fix-its applied"
[ "$applied" -gt 0 ] || { echo "FAIL: no fix-it was found: is --parseable-fixits broken?"; fail=1; }
exit $fail
