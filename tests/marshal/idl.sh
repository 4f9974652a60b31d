#!/bin/sh
# The marshalling self-tests over the project's corpus, idl/: with
# AddressSanitizer and UndefinedBehaviorSanitizer where $CC has them, and
# for x86_32 where it can build -m32 programs. Built as a toolstack is
# (__XEN_TOOLS__): domctl.h and sysctl.h are for the toolstack only.
. "${top_srcdir:?}/tests/marshal/common.sh"
files=$(cd "$top_srcdir" && find idl -name '*.xidl' | LC_ALL=C sort)
if [ -z "$files" ]; then
	echo "SKIP: idl/ holds no .xidl files"
	exit 77
fi
cd "$top_srcdir" || exit 1
cc=${CC:-cc}
marshal_sanitizers "$cc"
# shellcheck disable=SC2086 # the file list is meant to split
MARSHAL_CC=$cc MARSHAL_CFLAGS="$sanitize -D__XEN_TOOLS__" MARSHAL_ITERATIONS=50 \
	"$top_srcdir/tests/marshal/run-marshal-tests" -I idl --root idl $files || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-probe.XXXXXX")
printf 'int main(void) { return 0; }\n' > "$tmp/probe.c"
if $cc -m32 "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1 && "$tmp/probe"; then
	rm -rf "$tmp"
	# shellcheck disable=SC2086
	MARSHAL_CC=$cc MARSHAL_CFLAGS="-m32 -D__XEN_TOOLS__" MARSHAL_ITERATIONS=50 \
		"$top_srcdir/tests/marshal/run-marshal-tests" -I idl --root idl $files || exit 1
else
	rm -rf "$tmp"
	echo "(no -m32: the x86_32 host side is not tested)"
fi
