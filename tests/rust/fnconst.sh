#!/bin/sh
# The parameterised constants of idl/ as Rust const fns compute what Xen's
# C macros compute: for each sample of tests/data/xen-fnmacros.tsv (the
# values of Xen's function-like macros, measured by clang and gcc) whose
# macro idl/ describes and whose arguments fit the parameters, a test of
# the consumer crate calls the const fn and compares (on x86_64, the
# values of the ABI the tests run on). Skipped without a Rust toolchain,
# or in a tree without idl/.
if [ ! -d "$top_srcdir/idl" ]; then
	echo "SKIP: $top_srcdir/idl is not in this tree"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-rust-fnconst.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir -p "$tmp/consumer/src"
printf '[package]\nname = "xen-abi-fnconst"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nxen-abi = { path = "@CRATE@" }\n' \
	>"$tmp/consumer/Cargo.toml.in"

# NAME MODULE PARAMTYPE... of every parameterised constant of idl/
for f in "$top_srcdir"/idl/*.xidl "$top_srcdir"/idl/*/*.xidl; do
	[ -f "$f" ] || continue
	mod=$(basename "$f" .xidl)
	sed -n 's/^const \([A-Za-z_][A-Za-z0-9_]*\)(\(.*\)): *[a-z_0-9]* *=.*/\1 \2/p' "$f" |
		sed 's/[a-z_][a-z_0-9]*: //g; s/,//g' | sed "s/^\\([^ ]*\\) /\\1 $mod /"
done >"$tmp/fns"

awk -F'\t' -v fns="$tmp/fns" '
	BEGIN {
		while ((getline line < fns) > 0) {
			n = split(line, w, " ")
			module[w[1]] = w[2]
			nparams[w[1]] = n - 2
			for (i = 3; i <= n; i++)
				ptype[w[1], i - 2] = w[i]
		}
		bits["u32"] = 32; bits["c_uint"] = 32
		bits["u64"] = 64; bits["i32"] = 31; bits["c_int"] = 31; bits["i64"] = 63
		print "//! Xen'"'"'s function-like macros against the const fns of idl/."
		print "#![allow(clippy::unreadable_literal, clippy::unnecessary_cast)]"
	}
	/^#/ || !($2 in module) { next }
	$4 !~ /(^|,)x86_64(,|$)/ { next }
	{
		name = $2; nargs = split($3, arg, ",")
		if (nargs != nparams[name]) next
		call = ""
		for (i = 1; i <= nargs; i++) {
			a = arg[i]
			# an argument must fit its parameter (0x100000002 fits 64 bits only)
			if (bits[ptype[name, i]] < 64 && length(a) > 10) next
			call = call (i > 1 ? ", " : "") a
		}
		tests++
		printf "\n#[test]\nfn sample_%d() {\n", tests
		printf "    assert_eq!(xen_abi::%s::%s(%s) as u64, %s);\n", module[name], name, call, $5
		print "}"
		seen[name] = 1
	}
	END {
		for (n in module)
			if (!(n in seen))
				missing = missing " " n
		if (missing != "")
			print "MISSING" missing > "/dev/stderr"
		print tests + 0 > "/dev/stderr"
	}
' "$top_srcdir/tests/data/xen-fnmacros.tsv" >"$tmp/consumer/src/lib.rs" 2>"$tmp/report"
if grep -q MISSING "$tmp/report"; then
	echo "FAIL: no sample of Xen's macro in tests/data/xen-fnmacros.tsv for:$(sed -n 's/^MISSING//p' "$tmp/report")"
	exit 1
fi
echo "$(tail -n 1 "$tmp/report") samples of Xen's macros"
sh "$top_srcdir/tests/rust/run-crate-test" --consumer "$tmp/consumer" "$top_srcdir/idl"
