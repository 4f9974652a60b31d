#!/bin/sh
# ci/xen-tree-check without a Xen build: its usage errors (exit 2, with the
# message), --help, --list, which maps generated headers to a Xen tree's
# paths (arch-X/xen.h to Xen's arch-X.h, files Xen lacks as added, with
# the generated files that include them, and includes that name no file)
# and says what replacing the directory leaves out, and the patch step's
# refusal to start without a xenidl.
set -u
: "${top_srcdir:?}"
check=$top_srcdir/ci/xen-tree-check
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xen-tree-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_usage_error MESSAGE ARGS...: exit status 2 and MESSAGE on stderr.
expect_usage_error() {
	want=$1
	shift
	(unset XEN_SRC; "$check" "$@") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || fail "'$*' exits $rc, not 2"
	grep -qF -- "$want" "$tmp/err" || { fail "'$*' does not say: $want"; cat "$tmp/err"; }
}

# A Xen tree with the public headers the fake generated set maps onto.
xen=$tmp/xen
pub=$xen/xen/include/public
mkdir -p "$pub/arch-x86" "$pub/hvm" "$pub/io"
touch "$xen/xen/Makefile"
for f in xen.h arch-arm.h arch-x86/xen.h domctl.h hvm/hvm_op.h io/ring.h; do
	echo "/* $f */" >"$pub/$f"
done

gen=$tmp/gen
mkdir -p "$gen/arch-x86" "$gen/arch-arm" "$gen/hvm/arch-x86"
printf '%s\n' '#include <stdint.h>' '#include "arch-x86/xen.h"' '#include "arch-arm/xen.h"' >"$gen/xen.h"
echo '/* x86 */' >"$gen/arch-x86/xen.h"
echo '/* arm */' >"$gen/arch-arm/xen.h"
printf '%s\n' '#include "xen.h"' '# include "arch-x86/domctl.h"' >"$gen/domctl.h"
printf '%s\n' '#include "xen.h"' '#include "sub/more.h"' >"$gen/arch-x86/domctl.h"
printf '%s\n' '#include "../xen.h"' '#include "arch-x86/hvm_op.h"' >"$gen/hvm/hvm_op.h"
echo '/* hvm x86 */' >"$gen/hvm/arch-x86/hvm_op.h"
echo '/* nobody includes this */' >"$gen/extra.h"

expect_usage_error "no Xen source tree: give XEN_SRC"
expect_usage_error "unknown option '--frobnicate'" --frobnicate "$xen"
expect_usage_error "unknown step 'nope' (steps: stock,each,all,full-stock,full-each,full-all,arm64-stock,arm64-each,arm64-all,tools-stock,tools-all,patch)" --steps stock,nope "$xen"
expect_usage_error "unknown step 'tools-each'" --steps tools-each "$xen"
expect_usage_error "--steps names no step" --steps , "$xen"
expect_usage_error "--jobs needs a positive number, not '0'" -j 0 "$xen"
expect_usage_error "--lines needs a number, not 'x'" --lines x "$xen"
expect_usage_error "option '--headers' needs an argument" --headers
expect_usage_error "option '--xenidl' needs an argument" --xenidl
expect_usage_error "option '--cross-compile' needs an argument" --cross-compile
expect_usage_error "--cross-compile needs a prefix such as aarch64-linux-gnu-, not ''" --cross-compile= "$xen"
expect_usage_error "one Xen source tree only" "$xen" "$xen"
expect_usage_error "$tmp is not a Xen source tree" --headers "$gen" "$tmp"
expect_usage_error "$tmp holds no generated headers (no xen.h)" --headers "$tmp" "$xen"

if "$check" --help >"$tmp/out" 2>&1; then
	grep -q '^Usage: ci/xen-tree-check \[OPTION\]\.\.\. XEN_SRC' "$tmp/out" || fail "--help prints no usage line"
	grep -q '^Exit status: 0 every step passed, 1 a step failed, 2 usage errors' "$tmp/out" ||
		fail "--help does not give the exit status"
	for s in stock each all full-stock arm64-stock arm64-all tools-stock tools-all patch; do
		grep -qE "^  ([a-z0-9-]+, )*$s(,| |\$)" "$tmp/out" || fail "--help does not describe the step $s"
	done
	for o in --overlay --xenidl --cross-compile --keep --list; do
		grep -q "^  $o" "$tmp/out" || fail "--help does not describe $o"
	done
else
	fail "--help fails"
fi

cat >"$tmp/want" <<EOF
Generated files ($gen) and their place in xen/include/public:
  arch-arm/xen.h               replaces arch-arm.h
  arch-x86/domctl.h            added: no Xen counterpart (included by domctl.h)
  arch-x86/xen.h               replaces arch-x86/xen.h
  domctl.h                     replaces domctl.h
  extra.h                      added: no Xen counterpart
  hvm/arch-x86/hvm_op.h        added: no Xen counterpart (included by hvm/hvm_op.h)
  hvm/hvm_op.h                 replaces hvm/hvm_op.h
  xen.h                        replaces xen.h
Includes that name no file once every generated file is in place:
  arch-x86/domctl.h: "sub/more.h"
  xen.h: "arch-arm/xen.h"
Replacing xen/include/public by the generated tree (the 'all' steps) leaves out 2 of Xen's 6 headers:
  arch-arm.h                   generated as arch-arm/xen.h
  io/ring.h
Includes of the generated tree that name no file in it:
  arch-x86/domctl.h: "sub/more.h"
EOF
# XEN_SRC from the environment works as the argument does.
mkdir "$tmp/scratch"
if XEN_SRC=$xen TMPDIR=$tmp/scratch "$check" --list --headers "$gen" >"$tmp/out" 2>&1; then
	diff -u "$tmp/want" "$tmp/out" || fail "--list prints another mapping"
else
	cat "$tmp/out"
	fail "--list fails"
fi
[ -z "$(ls "$tmp/scratch")" ] || fail "--list leaves $(ls "$tmp/scratch") behind"

# The patch step needs a xenidl: refused before any build, nothing left.
if (unset XENIDL; TMPDIR=$tmp/scratch "$check" --steps patch --xenidl "$tmp/none" --headers "$gen" "$xen") \
	>"$tmp/out" 2>&1; then
	fail "--steps patch without a xenidl passes"
fi
grep -qF "the patch step needs a built xenidl ($tmp/none is not one): build it (ci/build) or give --xenidl PATH" \
	"$tmp/out" || { fail "--steps patch without a xenidl does not say so"; cat "$tmp/out"; }
[ -z "$(ls "$tmp/scratch")" ] || fail "the refused patch step leaves $(ls "$tmp/scratch") behind"

[ $failures -eq 0 ] || exit 1
echo "PASS: usage errors, --help, --list and the patch step's xenidl"
