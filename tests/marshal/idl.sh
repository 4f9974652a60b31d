#!/bin/sh
# The marshalling self-tests over the project's corpus, idl/.
. "${top_srcdir:?}/tests/marshal/common.sh"
files=$(cd "$top_srcdir" && find idl -name '*.xidl' | LC_ALL=C sort)
if [ -z "$files" ]; then
	echo "SKIP: idl/ holds no .xidl files"
	exit 77
fi
cd "$top_srcdir" || exit 1
# shellcheck disable=SC2086 # the file list is meant to split
MARSHAL_CC=${CC:-cc} "$top_srcdir/tests/marshal/run-marshal-tests" -I idl --root idl $files
