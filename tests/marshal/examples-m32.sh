#!/bin/sh
# The marshalling self-tests built for x86_32 (-m32): the legacy types'
# native layout is the 32-bit one there, and compat translation goes the
# other way (x86_64 wire images into 32-bit fields).
. "${top_srcdir:?}/tests/marshal/common.sh"
marshal_need_flags "${CC:-cc}" -m32
MARSHAL_CC=${CC:-cc} MARSHAL_CFLAGS="-m32" marshal_examples
