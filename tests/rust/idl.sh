#!/bin/sh
# The interface files of idl/ as a Rust crate: it builds, passes its
# generated tests and lints clean (skipped without a Rust toolchain, or in a
# tree without idl/).
if [ ! -d "$top_srcdir/idl" ]; then
	echo "SKIP: $top_srcdir/idl is not in this tree"
	exit 77
fi
exec sh "$top_srcdir/tests/rust/run-crate-test" "$top_srcdir/idl"
