#!/bin/sh
# The example corpus gives exactly the layouts of the design brief's table
# (tests/data/examples/EXPECTED.tsv): every struct, member and ABI listed
# there must have that size, alignment and offset.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
dir=$top_srcdir/tests/data/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-layouts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

(cd "$dir" && "$XENIDL" layout --all --tsv xen.xidl event_channel.xidl domctl.xidl sysctl.xidl \
	arch-x86/domainconfig.xidl arch-arm/domainconfig.xidl arch-ppc/domainconfig.xidl \
	arch-riscv/domainconfig.xidl) >"$tmp/actual.tsv" || { echo "FAIL: xenidl layout"; exit 1; }

# Columns of both: type, member path, ABI, size, align, offset.
awk -F '\t' '
	NR == FNR { actual[$1 "\t" $2 "\t" $3] = $4 "\t" $5 "\t" $6; next }
	/^#/ || $1 == "struct" { next }
	{
		key = $1 "\t" $2 "\t" $3
		want = $4 "\t" $5 "\t" $6
		rows++
		what = $2 == "" ? $1 : $1 "." $2
		if (!(key in actual)) {
			printf "FAIL: %s on %s: not laid out\n", what, $3; bad++
		} else if (actual[key] != want) {
			split(actual[key], got, "\t")
			printf "FAIL: %s on %s: size %s align %s offset %s, expected size %s align %s offset %s\n",
				what, $3, got[1], got[2], got[3], $4, $5, $6
			bad++
		}
	}
	END {
		printf "expected-layouts: %d passed, %d failed\n", rows - bad, bad
		exit bad > 0
	}' "$tmp/actual.tsv" "$dir/EXPECTED.tsv"
