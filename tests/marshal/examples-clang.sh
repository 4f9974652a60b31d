#!/bin/sh
# The marshalling self-tests built with clang.
. "${top_srcdir:?}/tests/marshal/common.sh"
if [ -z "${CLANG:-}" ]; then
	echo "SKIP: no clang"
	exit 77
fi
MARSHAL_CC=$CLANG MARSHAL_CFLAGS="" marshal_examples
