#!/bin/sh
# What xenbindgen mode writes compiles: the C headers of the basic, features
# and keywords cases with $CC (and clang for other architectures, which
# picks each arch_*.h), and the Rust modules with cargo, offline, in a crate
# that stands in for xen-sys (crate::Align64 and a minimal bitflags!). The
# keywords case's fields named ref, type, match and self are also used from
# Rust (tests/data/xenbindgen/keywords-use.rs).
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
cc=${CC:-cc}
data=$top_srcdir/tests/data/xenbindgen
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-xbg-build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0

# The definitions Xen's headers give xenbindgen's output.
cat > "$tmp/prelude.h" <<'PRELUDE'
#include <stdint.h>
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#define XEN_GUEST_HANDLE_64(name) uint64_aligned_t
PRELUDE

for case in basic features keywords; do
	"$XENIDL" -i "$data/$case" -o "$tmp/$case-c" -l c ||
		{ echo "FAIL: xenidl -i $case -l c"; fail=1; continue; }
	for h in "$tmp/$case-c"/*.h; do
		$cc -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -include "$tmp/prelude.h" \
			-I "$tmp/$case-c" -x c "$h" || { echo "FAIL: $cc on $case/$(basename "$h")"; fail=1; }
	done
	if [ -n "${CLANG:-}" ]; then
		for target in aarch64-linux-gnu armv7a-linux-gnueabihf riscv64-linux-gnu \
			      powerpc64le-linux-gnu; do
			for h in "$tmp/$case-c"/*.h; do
				"$CLANG" --target=$target -ffreestanding -std=gnu11 -Wall -Werror \
					-fsyntax-only -include "$tmp/prelude.h" -I "$tmp/$case-c" -x c "$h" ||
					{ echo "FAIL: clang $target on $case/$(basename "$h")"; fail=1; }
			done
		done
	fi
done

if [ -z "${CARGO:-}" ]; then
	echo "SKIP: the Rust part needs cargo"
	exit $fail
fi
for case in basic features keywords; do
	crate=$tmp/$case-rust
	mkdir -p "$crate/src" "$crate/bitflags/src"
	"$XENIDL" -i "$data/$case" -o "$crate/src" -l rust ||
		{ echo "FAIL: xenidl -i $case -l rust"; fail=1; continue; }
	cat > "$crate/Cargo.toml" <<TOML
[package]
name = "xbg_$case"
version = "0.0.0"
edition = "2021"

[dependencies]
bitflags = { path = "bitflags" }
TOML
	cat > "$crate/bitflags/Cargo.toml" <<'TOML'
[package]
name = "bitflags"
version = "0.0.0"
edition = "2021"
TOML
	cat > "$crate/bitflags/src/lib.rs" <<'RUST'
#![no_std]
#[macro_export]
macro_rules! bitflags {
    ($(#[$m:meta])* pub struct $n:ident: $t:ty {
        $($(#[$im:meta])* const $c:ident = $v:expr;)*
    }) => {
        $(#[$m])* pub struct $n { bits: $t }
        #[allow(non_upper_case_globals)]
        impl $n { $($(#[$im])* pub const $c: $n = $n { bits: $v };)* }
    };
}
RUST
	{
		echo '#![no_std]'
		echo '#![allow(dead_code, unused_imports)]'
		echo '#[repr(C, align(8))]'
		echo '#[derive(Clone, Copy, Debug, PartialEq, Eq)]'
		echo 'pub struct Align64<T>(pub T);'
		echo 'impl Default for Align64<u64> { fn default() -> Self { Align64(0) } }'
		echo 'impl Default for Align64<i64> { fn default() -> Self { Align64(0) } }'
		echo 'impl<T> Default for Align64<*mut T> { fn default() -> Self { Align64(core::ptr::null_mut()) } }'
		[ -f "$crate/src/arch_x86.rs" ] && echo 'pub mod arch { pub use super::arch_x86::*; }'
		for rs in "$crate"/src/*.rs; do
			[ "$(basename "$rs")" = lib.rs ] && continue
			echo "pub mod $(basename "$rs" .rs);"
		done
		[ -f "$data/$case-use.rs" ] && cat "$data/$case-use.rs"
	} > "$crate/src/lib.rs.new"
	mv "$crate/src/lib.rs.new" "$crate/src/lib.rs"
	(cd "$crate" && CARGO_TARGET_DIR="$tmp/target" "$CARGO" build --offline --quiet) ||
		{ echo "FAIL: cargo build of the $case modules"; fail=1; }
done
exit $fail
