#!/bin/sh
# Xen builds its 32-bit compat headers from the text of each public header
# alone: includes are dropped, and every #define of a name ending in
# _GUEST_HANDLE... (upper case) or _guest_handle... (lower case) is renamed
# with a HIDE_/hide_ prefix, so an #ifndef guard no longer protects it (the
# facts of xen/tools/compat-build-source.py at c447b7308b). The headers
# that hold the shared C machinery must therefore define each such name once
# per configuration. This test applies those renamings to the committed
# xen.h and arch headers and preprocesses them with -Werror for x86_32 and
# x86_64, as the hypervisor, the toolstack and a guest.
#
# Environment: top_srcdir, CC (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
CC=${CC:-gcc}
inc=$srcdir/generated/include
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-compat.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
if ! echo 'int x;' | "$CC" -m32 -x c -c -o /dev/null - 2>/dev/null; then
	echo "SKIP: $CC cannot compile for -m32"
	exit 77
fi
status=0
for h in xen.h arch-x86/xen.h; do
	mkdir -p "$tmp/$(dirname "$h")"
	sed -e '/^[[:space:]]*#[[:space:]]*include[[:space:]]/d' \
		-e 's/^\([[:space:]]*#[[:space:]]*define[[:space:]]\{1,\}\)\([A-Z_]*_GUEST_HANDLE\)/\1HIDE_\2/' \
		-e 's/^\([[:space:]]*#[[:space:]]*define[[:space:]]\{1,\}\)\([a-z_]*_guest_handle\)/\1hide_\2/' \
		-e 's/XEN_GUEST_HANDLE/COMPAT_HANDLE/g' "$inc/$h" >"$tmp/$h"
	for m in -m32 -m64; do
		for cfg in -D__XEN__ -D__XEN_TOOLS__ -U__XEN__; do
			if ! "$CC" $m $cfg -Werror -E -o /dev/null "$tmp/$h" 2>"$tmp/err"; then
				echo "FAIL: $h as Xen's compat script rewrites it ($m $cfg):"
				cat "$tmp/err"
				status=1
			fi
		done
	done
done
[ $status -eq 0 ] && echo "PASS: xen.h and arch-x86/xen.h define each handle macro once per configuration"
exit $status
