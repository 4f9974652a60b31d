#!/bin/sh
# The marshalling self-tests with the runtime's byte-by-byte loads and
# stores forced: a stand-in for a big-endian host.
. "${top_srcdir:?}/tests/marshal/common.sh"
MARSHAL_CC=${CC:-cc} MARSHAL_CFLAGS="-DXENIDL_FORCE_PORTABLE" marshal_examples
