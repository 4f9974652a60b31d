#!/bin/sh
# The interface files of idl/ as a Rust crate: it builds, passes its
# generated tests and lints clean (skipped without a Rust toolchain, or in a
# tree without idl/). The examples of doc/rust.md are compiled against it:
# each block after "<!-- compiled by tests/rust/idl.sh -->" is the body of
# a test that must pass; each after "<!-- does not compile,
# tests/rust/idl.sh: MESSAGE -->" must fail to build with MESSAGE.
if [ ! -d "$top_srcdir/idl" ]; then
	echo "SKIP: $top_srcdir/idl is not in this tree"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-rust-doc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

mkdir -p "$tmp/doc/src"
awk -v out="$tmp" '
	function cargo(dir) {
		print "[package]\nname = \"xen-abi-doc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nxen-abi = { path = \"@CRATE@\" }" > (dir "/Cargo.toml.in")
		close(dir "/Cargo.toml.in")
	}
	/^<!-- compiled by tests\/rust\/idl.sh -->$/ { want = "pass"; next }
	/^<!-- does not compile, tests\/rust\/idl.sh: .* -->$/ {
		want = "fail"
		msg = $0
		sub(/^<!-- does not compile, tests\/rust\/idl.sh: /, "", msg)
		sub(/ -->$/, "", msg)
		next
	}
	/^```rust$/ && want != "" {
		n++
		if (want == "pass") {
			file = out "/doc/src/lib.rs"
			printf "\n#[test]\nfn example_%d() {\n", n >> file
		} else {
			fails++
			dir = out "/fail-" fails
			system("mkdir -p " dir "/src")
			cargo(dir)
			print msg > (dir "/expected")
			close(dir "/expected")
			file = dir "/src/lib.rs"
			printf "//! doc/rust.md, example %d: must not compile.\n\npub fn example() {\n", n > file
		}
		inside = 1
		next
	}
	/^```$/ && inside {
		print "}" >> file
		close(file)
		inside = 0
		want = ""
		next
	}
	inside { print ($0 == "" ? "" : "    " $0) >> file; next }
	{ want = "" }
	END { print n + 0 > (out "/count") }
' "$top_srcdir/doc/rust.md"
if [ "$(cat "$tmp/count")" -lt 3 ]; then
	echo "FAIL: fewer examples of doc/rust.md are marked to be compiled than expected"
	exit 1
fi
awk 'BEGIN { print "[package]\nname = \"xen-abi-doc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nxen-abi = { path = \"@CRATE@\" }" }' >"$tmp/doc/Cargo.toml.in"
{
	echo '//! The examples of doc/rust.md, each the body of a test.'
	cat "$tmp/doc/src/lib.rs"
} >"$tmp/doc/src/lib.rs.new"
mv "$tmp/doc/src/lib.rs.new" "$tmp/doc/src/lib.rs"
fails=""
for d in "$tmp"/fail-*; do
	[ -d "$d" ] && fails="$fails --consumer-fail $d"
done
# shellcheck disable=SC2086 # a list of options
sh "$top_srcdir/tests/rust/run-crate-test" --consumer "$tmp/doc" $fails "$top_srcdir/idl"
