#!/bin/sh
# convert-roundtrip.sh over the ptr<T> golden's input: ptr<T>, ptr<const T>
# and ptr<void> survive xidl -> YAML ({pointer: T}) -> xidl and the formatter.
: "${top_srcdir:?}"
exec "$top_srcdir/tests/convert-roundtrip.sh" "$top_srcdir/tests/golden/ptr/input" ptr.xidl
