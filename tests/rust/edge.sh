#!/bin/sh
# The Rust backend's edge cases (keywords, long names, 64-bit and legacy
# layouts, tagged unions on enums and integers), a crate that uses the
# generated one, and one that must not compile because it passes a hypercall
# wrapper an argument of the wrong type.
d=$top_srcdir/tests/rust
exec sh "$d/run-crate-test" --crate-name xen-edge --consumer "$d/consumer" \
	--consumer-fail "$d/consumer-fail" "$d/data/edge"
