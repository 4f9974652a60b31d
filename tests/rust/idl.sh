#!/bin/sh
# The interface files of idl/ as a Rust crate: it builds, passes its
# generated tests and lints clean (skipped without a Rust toolchain).
exec sh "$top_srcdir/tests/rust/run-crate-test" "$top_srcdir/idl"
