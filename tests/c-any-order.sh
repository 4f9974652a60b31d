#!/bin/sh
# Programs built from the facts of Xen's public headers (tests/data) compile
# with the committed C headers included in any order: five orders, with and
# without __XEN_TOOLS__, as C89, C99 and C++98, with gcc -m32 and -m64
# (issue 13's third proof, in the suite). Failures must be listed, exactly,
# in tests/data/c-fidelity-known.tsv (category compile); XENIDL_REGEN=1
# rewrites them. See tests/c-any-order.py.
#
# Environment: top_srcdir, CC, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
CLANG=${CLANG:-clang}
CC=${CC:-gcc}
export CLANG CC

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: no python3 to build the programs"
	exit 77
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: no clang to measure the generated headers"
	exit 77
fi
exec python3 "$srcdir/tests/c-any-order.py" "$srcdir"
