#!/bin/sh
# convert-roundtrip.sh over the design examples.
: "${top_srcdir:?}"
root=$top_srcdir/tests/data/examples
exec "$top_srcdir/tests/convert-roundtrip.sh" "$root" $(cd "$root" && find . -name '*.xidl' | sed 's|^\./||' | LC_ALL=C sort)
