#!/bin/sh
# The generated marshalling code and the runtime header compile cleanly for
# every ABI (clang --target, freestanding, syntax only), and the headers
# also as C99 and C++ (what includers of the API may use).
. "${top_srcdir:?}/tests/marshal/common.sh"
if [ -z "${CLANG:-}" ]; then
	echo "SKIP: no clang"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cross.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
# The example corpus, the construct catalogue and, when present, idl/.
cd "$top_srcdir/tests/data/examples" || exit 1
"${XENIDL:?}" -l c,marshal -o "$tmp" xen.xidl event_channel.xidl domctl.xidl sysctl.xidl \
	arch-x86/domainconfig.xidl arch-arm/domainconfig.xidl \
	arch-ppc/domainconfig.xidl arch-riscv/domainconfig.xidl || exit 1
(cd "$top_srcdir/tests/marshal/data" && "$XENIDL" -l c,marshal -o "$tmp/kitchen" kitchen.xidl) || exit 1
idl=$(cd "$top_srcdir" && find idl -name '*.xidl' 2>/dev/null | LC_ALL=C sort)
if [ -n "$idl" ]; then
	# shellcheck disable=SC2086
	(cd "$top_srcdir" && "$XENIDL" -l c,marshal -o "$tmp/idl" -I idl --root idl $idl) || exit 1
fi
cd "$tmp" || exit 1
warn="-Wall -Wextra -Wconversion -Wshadow -pedantic -Werror"
# As a toolstack: idl/'s domctl.h and sysctl.h refuse other includers.
tools=-D__XEN_TOOLS__
inc="-iquote $tmp -I$top_srcdir/runtime/include"
status=0
sources=$(find . -name '*_marshal.c' | LC_ALL=C sort)
headers=$(find . -name '*_marshal.h' | LC_ALL=C sort)
for target in i386-linux-gnu x86_64-linux-gnu aarch64-linux-gnu armv7a-linux-gnueabihf \
	      riscv64-linux-gnu powerpc64le-linux-gnu; do
	for src in $sources; do
		# Each corpus has its own include root.
		root=.
		case $src in ./kitchen/*) root=./kitchen ;; ./idl/*) root=./idl ;; esac
		# shellcheck disable=SC2086
		"$CLANG" --target=$target -std=c11 -ffreestanding -fsyntax-only $warn $tools \
			-iquote "$tmp/$root" -I"$top_srcdir/runtime/include" "$src" ||
			{ echo "FAIL: $src for $target"; status=1; }
	done
	# The portable loads and stores, as a big-endian host would use.
	# shellcheck disable=SC2086
	"$CLANG" --target=$target -std=c11 -ffreestanding -fsyntax-only -DXENIDL_FORCE_PORTABLE \
		$warn $inc xen_marshal.c || { echo "FAIL: portable runtime for $target"; status=1; }
done
# A big-endian target: the byte-swapping loads and stores.
# shellcheck disable=SC2086
"$CLANG" --target=powerpc64-linux-gnu -std=c11 -ffreestanding -fsyntax-only $warn \
	-I"$top_srcdir/runtime/include" -x c - <<'EOC' || { echo "FAIL: big-endian runtime"; status=1; }
#include <xenidl/runtime.h>
_Static_assert(sizeof(XENIDL_LOADSTORE) == sizeof("big-endian"), "byte-swapping path");
uint32_t f(const void *p);
uint32_t f(const void *p) { return xenidl_le_load_u32(p); }
EOC
for std in "-x c -std=c99" "-x c -std=c11" "-x c++ -std=c++11" "-x c++ -std=c++17"; do
	for h in $headers; do
		root=.
		case $h in ./kitchen/*) root=./kitchen ;; ./idl/*) root=./idl ;; esac
		inc="-iquote $tmp/$root -I$top_srcdir/runtime/include"
		# shellcheck disable=SC2086
		printf '#include "%s"\nextern int xenidl_unit;\n' "$h" | "$CLANG" $std -fsyntax-only $warn $tools $inc - ||
			{ echo "FAIL: $h as $std"; status=1; }
	done
done
[ $status = 0 ] && echo "generated marshalling code compiles for every ABI and language"
exit $status
