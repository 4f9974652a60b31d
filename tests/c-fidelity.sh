#!/bin/sh
# The C spelling, C types and names of the committed C headers
# (generated/include) against the facts of Xen's public headers
# (tests/data/xen-*.tsv), measured alike on the six ABIs and in the four
# configurations: every difference must be listed, exactly, in
# tests/data/c-fidelity-known.tsv (issue 13's list of what remains to do).
# XENIDL_REGEN=1 rewrites the list. See tests/c-fidelity.py.
#
# Environment: top_srcdir, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
CLANG=${CLANG:-clang}
export CLANG

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: no python3 to measure the headers"
	exit 77
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: no clang to compile for the six ABIs"
	exit 77
fi
exec python3 "$srcdir/tests/c-fidelity.py" "$srcdir"
