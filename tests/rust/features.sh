#!/bin/sh
# The inputs of the C golden tests of the language's features, as one Rust
# crate: it builds, passes its generated tests and lints clean (skipped
# without a Rust toolchain).
g=$top_srcdir/tests/golden
exec sh "$top_srcdir/tests/rust/run-crate-test" "$g/features/input" "$g/arch-void/input" \
	"$g/arch-family/input" "$g/typedef-alias/input" "$g/c-bitfields/input" "$g/flex/input"
