#!/bin/sh
# The marshalling self-tests over tests/marshal/data/kitchen.xidl, which
# holds every construct the examples lack (signed and full enums, 64-bit
# bitmaps, reserved arrays and unions, integer-tagged unions with a default
# arm inside arrays, untagged unions, handles, directions that never apply,
# legacy arch types, native handles, C pointers and native_u64, empty structs): with
# sanitizers, with the byte-by-byte runtime, and for x86_32.
. "${top_srcdir:?}/tests/marshal/common.sh"
cd "$top_srcdir/tests/marshal/data" || exit 1
cc=${CC:-cc}
marshal_sanitizers "$cc"
MARSHAL_CC=$cc MARSHAL_CFLAGS="$sanitize" "$top_srcdir/tests/marshal/run-marshal-tests" kitchen.xidl || exit 1
MARSHAL_CC=$cc MARSHAL_CFLAGS="-DXENIDL_FORCE_PORTABLE" \
	"$top_srcdir/tests/marshal/run-marshal-tests" kitchen.xidl || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-probe.XXXXXX")
printf 'int main(void) { return 0; }\n' > "$tmp/probe.c"
if $cc -m32 "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1 && "$tmp/probe"; then
	rm -rf "$tmp"
	MARSHAL_CC=$cc MARSHAL_CFLAGS="-m32" "$top_srcdir/tests/marshal/run-marshal-tests" kitchen.xidl || exit 1
else
	rm -rf "$tmp"
	echo "(no -m32: the x86_32 host side is not tested)"
fi
