#!/bin/sh
# The example corpus as a Rust crate: it builds, passes its generated tests
# and lints clean (skipped without a Rust toolchain).
exec sh "$top_srcdir/tests/rust/run-crate-test" "$top_srcdir/tests/data/examples"
