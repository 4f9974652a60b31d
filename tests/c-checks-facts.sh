#!/bin/sh
# The layout checks (generated/checks, -l c-checks) compile against a
# stand-in of Xen's own headers built from the facts of
# tests/data/xen-layouts.tsv, on the six ABIs, and refuse one with a member
# moved. See tests/c-checks-facts.py.
#
# Environment: top_srcdir, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
CLANG=${CLANG:-clang}
export CLANG

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: no python3 to build the stand-in headers"
	exit 77
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: no clang to compile for the six ABIs"
	exit 77
fi
exec python3 "$srcdir/tests/c-checks-facts.py" "$srcdir"
