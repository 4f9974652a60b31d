#!/bin/sh
# defined(NAME) in Rust: the crate of tests/golden/cond-defined builds, lints
# clean and passes its tests; on the host (x86_64) what exists where
# HAVE_PV_ENTRY is declared is there, and what exists where it is not is not.
d=$top_srcdir/tests/rust
exec sh "$d/run-crate-test" --crate-name xen-cond --consumer "$d/cond-consumer" \
	--consumer-fail "$d/cond-consumer-fail" "$top_srcdir/tests/golden/cond-defined/input"
