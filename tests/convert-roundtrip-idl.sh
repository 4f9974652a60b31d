#!/bin/sh
# convert-roundtrip.sh over the corpus in idl/.
: "${top_srcdir:?}"
root=$top_srcdir/idl
files=$(cd "$root" 2>/dev/null && find . -name '*.xidl' | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$files" ] || { echo "SKIP: no idl/ corpus"; exit 77; }
exec "$top_srcdir/tests/convert-roundtrip.sh" "$root" $files
