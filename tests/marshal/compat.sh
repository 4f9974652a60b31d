#!/bin/sh
# Compat translation and direction checks from hand-written wire images
# (tests/marshal/compat.c), natively and, where the compiler can, for x86_32.
. "${top_srcdir:?}/tests/marshal/common.sh"
cc=${CC:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-compat.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$top_srcdir/tests/data/examples" || exit 1
"${XENIDL:?}" -l c,marshal -o "$tmp" xen.xidl event_channel.xidl || exit 1

run() {
	# shellcheck disable=SC2086 # $* holds several flags
	$cc -std=c11 -O2 -Wall -Wextra -Werror "$@" -iquote "$tmp" -I"$top_srcdir/runtime/include" \
		-o "$tmp/compat" "$top_srcdir/tests/marshal/compat.c" \
		"$tmp/xen_marshal.c" "$tmp/event_channel_marshal.c" || exit 1
	"$tmp/compat" || exit 1
}

run
run -DXENIDL_FORCE_PORTABLE
printf 'int main(void) { return 0; }\n' > "$tmp/probe.c"
if $cc -m32 "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1 && "$tmp/probe"; then
	run -m32
else
	echo "(no -m32: the x86_32 host side is not tested)"
fi
