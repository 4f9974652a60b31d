#!/bin/sh
# `xenidl layout TYPE`: ABIs on which a type's table is the same share one
# table, headed by their list; ABIs that differ get a table per group, in
# the order of each group's first ABI.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
examples=$top_srcdir/tests/data/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-layout-tables.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# layout DESCRIPTION ARG...: run `xenidl layout ARG...`, which must exit 0
# and print exactly the text on stdin.
layout() {
	what=$1
	shift
	checks=$((checks + 1))
	cat >"$tmp/want"
	"$XENIDL" layout "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	if [ "$got" -ne 0 ]; then
		fail "$what: exit status $got"
		sed 's/^/    /' "$tmp/stderr" | head -5
	elif ! diff -u "$tmp/want" "$tmp/stdout" >"$tmp/diff"; then
		fail "$what"
		sed 's/^/    /' "$tmp/diff"
	fi
}

# The same on every ABI: the table of tests/data/layout-evtchn_status.txt
# (x86_32), once, for all six.
# (Not through a pipe: layout must run in this shell, to count.)
table=$top_srcdir/tests/data/layout-evtchn_status.txt
{ echo "/* x86_32, x86_64, arm32, arm64, riscv64, ppc64le */" && sed 1d "$table"; } >"$tmp/all.txt"
layout "a type laid out alike everywhere" evtchn_status "$examples/event_channel.xidl" <"$tmp/all.txt"
{ echo "/* x86_64, arm64 */" && sed 1d "$table"; } >"$tmp/two.txt"
layout "a type laid out alike on the ABIs of --abi" --abi arm64,x86_64 evtchn_status \
	"$examples/event_channel.xidl" <"$tmp/two.txt"

cat >"$tmp/mixed.xidl" <<'EOF'
/// Differs on x86_32 only.
@legacy
struct by_width {
    a: u32;
    b: native_u64;
    h: native_handle<u8>;
}

/// Differs on x86_64 only: the ABIs that agree are not next to each other.
@legacy
struct by_choice {
    a: u32;
    b: arch { x86_64: u64, default: u32 };
}
EOF
layout "x86_32 apart" by_width "$tmp/mixed.xidl" <<'EOF'
/* x86_32 */
struct by_width {
    u32                      a;                              /*     0     4 */
    native_u64               b;                              /*     4     8 */
    native_handle<u8>        h;                              /*    12     4 */
    /* size: 16, align: 4 */
};
/* x86_64, arm32, arm64, riscv64, ppc64le */
struct by_width {
    u32                      a;                              /*     0     4 */
    /* XXX 4 bytes hole */
    native_u64               b;                              /*     8     8 */
    native_handle<u8>        h;                              /*    16     8 */
    /* size: 24, align: 8 */
};
EOF
layout "x86_64 apart" by_choice "$tmp/mixed.xidl" <<'EOF'
/* x86_32, arm32, arm64, riscv64, ppc64le */
struct by_choice {
    u32                      a;                              /*     0     4 */
    u32                      b;                              /*     4     4 */
    /* size: 8, align: 4 */
};
/* x86_64 */
struct by_choice {
    u32                      a;                              /*     0     4 */
    /* XXX 4 bytes hole */
    u64                      b;                              /*     8     8 */
    /* size: 16, align: 8 */
};
EOF

# A name declared by each family's file: one table per family at most.
checks=$((checks + 1))
(cd "$examples" && "$XENIDL" layout xen_arch_domainconfig domctl.xidl) >"$tmp/stdout" 2>"$tmp/stderr" ||
	fail "layout xen_arch_domainconfig: exit status $?"
grep '^/\*' "$tmp/stdout" >"$tmp/headings"
printf '%s\n' "/* x86_32, x86_64 */" "/* arm32, arm64 */" "/* ppc64le */" "/* riscv64 */" >"$tmp/want"
diff -u "$tmp/want" "$tmp/headings" >"$tmp/diff" || { fail "headings of a per-family type"; sed 's/^/    /' "$tmp/diff"; }

echo "layout-tables: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
