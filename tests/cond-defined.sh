#!/bin/sh
# defined(NAME) per ABI, on tests/golden/cond-defined and on idl/: a
# declaration under it is laid out on the ABIs where NAME is declared only
# (`layout`), and with --abi leaving those out it is not there at all while
# its !defined(NAME) counterpart is.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
input=$top_srcdir/tests/golden/cond-defined/input
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cond-defined.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# abis_of TYPE FILE...: the ABIs `layout --tsv` lays TYPE out on, one line.
abis_of() {
	"$XENIDL" layout --tsv "$@" 2>"$tmp/stderr" | awk -F '\t' '$2 == "" { print $3 }' |
		tr '\n' ' '
}

checks=$((checks + 1))
got=$(cd "$input" && abis_of boot_info pv.xidl)
[ "$got" = "x86_32 x86_64 " ] || fail "boot_info laid out on '$got', not on x86 only"

checks=$((checks + 1))
got=$(cd "$input" && abis_of common pv.xidl)
[ "$got" = "x86_32 x86_64 arm32 arm64 riscv64 ppc64le " ] || fail "common laid out on '$got'"

checks=$((checks + 1))
got=$(cd "$top_srcdir" && abis_of -I idl start_info idl/xen.xidl)
[ "$got" = "x86_32 x86_64 " ] || fail "idl/: start_info laid out on '$got', not on x86 only"

# Without the x86 ABIs: no boot_info anywhere, NO_PV_ENTRY in C and Rust.
checks=$((checks + 1))
if (cd "$input" && "$XENIDL" --abi arm64 --with-imports -l c,rust,manifest -o "$tmp/arm64" pv.xidl \
	2>"$tmp/stderr"); then
	grep -q 'boot_info' "$tmp/arm64/pv.h" "$tmp/arm64/pv.abi" "$tmp/arm64/src/pv.rs" &&
		fail "--abi arm64: boot_info is still there"
	grep -q '^#define NO_PV_ENTRY 1$' "$tmp/arm64/pv.h" || fail "--abi arm64: NO_PV_ENTRY missing in C"
	grep -q 'pub const NO_PV_ENTRY' "$tmp/arm64/src/pv.rs" || fail "--abi arm64: NO_PV_ENTRY missing in Rust"
else
	fail "--abi arm64 failed"
	cat "$tmp/stderr"
fi

checks=$((checks + 1))
if (cd "$input" && "$XENIDL" layout --abi arm64 boot_info pv.xidl >/dev/null 2>"$tmp/stderr"); then
	fail "layout --abi arm64 boot_info succeeded"
else
	grep -q "no struct or union named 'boot_info'" "$tmp/stderr" || { fail "layout --abi arm64 boot_info:"; cat "$tmp/stderr"; }
fi

echo "cond-defined: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
