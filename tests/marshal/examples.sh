#!/bin/sh
# The marshalling self-tests over the example corpus, built with $CC and,
# where it has them, AddressSanitizer and UndefinedBehaviorSanitizer.
. "${top_srcdir:?}/tests/marshal/common.sh"
marshal_sanitizers "${CC:-cc}"
MARSHAL_CC=${CC:-cc} MARSHAL_CFLAGS="$sanitize" marshal_examples
