#!/bin/sh
# Every committed output of idl/ starts with the SPDX tag of its file's
# @!spdx("MIT"): C headers and marshalling code as Xen's public headers do
# (tools/include/xen-foreign/mkheader.py refuses a header whose first line
# is not exactly "/* SPDX-License-Identifier: MIT */"), Rust modules and
# Markdown pages with their own comment. Only the crate root, Cargo.toml
# and the manifests (a license is not ABI) come from no single file.
set -u
: "${top_srcdir:?}"
gen=$top_srcdir/generated
[ -d "$gen/include" ] || { echo "SKIP: no generated/ tree"; exit 77; }
checked=0
failures=0
check_dir() {
	dir=$1 pattern=$2 want=$3
	for f in $(cd "$gen/$dir" && find . -type f -name "$pattern" | sed 's|^\./||' | LC_ALL=C sort); do
		[ "$dir/$f" = rust/src/lib.rs ] && continue
		checked=$((checked + 1))
		first=$(head -n 1 "$gen/$dir/$f")
		if [ "$first" != "$want" ]; then
			echo "FAIL: generated/$dir/$f starts with '$first', not '$want'"
			failures=$((failures + 1))
		fi
	done
}
check_dir include '*.h' '/* SPDX-License-Identifier: MIT */'
check_dir marshal '*.[ch]' '/* SPDX-License-Identifier: MIT */'
check_dir rust/src '*.rs' '// SPDX-License-Identifier: MIT'
check_dir doc '*.md' '<!-- SPDX-License-Identifier: MIT -->'
[ $failures -eq 0 ] || exit 1
echo "PASS: $checked generated files start with their SPDX line"
