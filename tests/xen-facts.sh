#!/bin/sh
# ci/xen-facts, the maintainer tool that measures tests/data/xen-*.tsv from a
# Xen tree, run the way a maintainer runs it on a stand-in tree of our own
# (tests/data/xen-facts/tree: anonymous and inline members, bitfields, a
# flexible array, guest handles, string macros and a string table, an
# #error guard, interface-version,
# tools-only and hypervisor-only parts, headers that need another first):
# - every table is exactly tests/data/xen-facts/expected/ (XENIDL_REGEN=1
#   rewrites it; review the diff);
# - a second run leaves every table untouched;
# - wrong arguments and a directory that is no Xen tree are refused.
#
# Environment: top_srcdir, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
tool=$srcdir/ci/xen-facts
tree=$srcdir/tests/data/xen-facts/tree
expected=$srcdir/tests/data/xen-facts/expected
CLANG=${CLANG:-clang}
export CLANG

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: no python3 to run ci/xen-facts"
	exit 77
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: no clang to compile for the six ABIs"
	exit 77
fi
if ! echo 'int x;' | gcc -m32 -x c -c -o /dev/null - 2>/dev/null; then
	echo "SKIP: no gcc -m32 for the x86 cross-check"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xen-facts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
out=$tmp/out
mkdir "$out"

if ! "$tool" "$tree" "$out" 2>"$tmp/first.err"; then
	echo "FAIL: ci/xen-facts on the stand-in tree:"
	sed 's/^/    /' "$tmp/first.err"
	exit 1
fi

if [ -n "${XENIDL_REGEN:-}" ]; then
	rm -rf "$expected"
	mkdir -p "$expected"
	cp "$out"/*.tsv "$expected"/
	echo "rewrote $expected"
fi

# Every table as expected, and no other file.
(cd "$expected" && ls) >"$tmp/want.list"
(cd "$out" && ls) >"$tmp/got.list"
if ! diff -u "$tmp/want.list" "$tmp/got.list"; then
	echo "FAIL: ci/xen-facts wrote other tables than $expected holds"
	fail=1
fi
for f in "$expected"/*.tsv; do
	name=$(basename "$f")
	if ! diff -u "$f" "$out/$name"; then
		echo "FAIL: $name differs from the expected table (XENIDL_REGEN=1 rewrites it)"
		fail=1
	fi
done

# Deterministic: a second run leaves every file untouched.
ls -l --time-style=full-iso "$out" >"$tmp/before"
if ! "$tool" "$tree" "$out" 2>"$tmp/second.err"; then
	echo "FAIL: the second run of ci/xen-facts:"
	sed 's/^/    /' "$tmp/second.err"
	fail=1
fi
ls -l --time-style=full-iso "$out" >"$tmp/after"
if ! diff -u "$tmp/before" "$tmp/after"; then
	echo "FAIL: the second run touched the tables"
	fail=1
fi
tables=$(grep -c ': [0-9]* rows (unchanged)$' "$tmp/second.err")
if [ "$tables" -ne "$(wc -l <"$tmp/want.list")" ]; then
	echo "FAIL: the second run reports $tables unchanged tables:"
	sed 's/^/    /' "$tmp/second.err"
	fail=1
fi

# Refusals, each with its message and exit status.
expect_refusal() {
	want_status=$1 want_text=$2
	shift 2
	"$tool" "$@" >"$tmp/refusal.out" 2>"$tmp/refusal.err"
	status=$?
	if [ "$status" -ne "$want_status" ] || ! grep -qF "$want_text" "$tmp/refusal.err" ||
		[ -s "$tmp/refusal.out" ]; then
		echo "FAIL: ci/xen-facts $*: exit $status, expected $want_status with \"$want_text\":"
		sed 's/^/    /' "$tmp/refusal.err"
		fail=1
	fi
}
expect_refusal 2 "usage: ci/xen-facts XEN_SRC OUTDIR"
expect_refusal 2 "usage: ci/xen-facts XEN_SRC OUTDIR" "$tree"
expect_refusal 1 "has no xen/include/public/xen.h" "$tmp" "$out"
expect_refusal 1 "is not a directory" "$tree" "$tmp/missing"

[ $fail -eq 0 ] && echo "ci/xen-facts: $(wc -l <"$tmp/want.list") tables as expected, untouched by a second run"
exit $fail
