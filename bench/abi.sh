#!/bin/sh
# Benchmarks of the ABI tools: -l manifest, -l md and abi-diff, on
# synthetic inputs of N structs (bench/gen-synthetic.py), with hyperfine
# for time and GNU time for peak memory.
#
#   bench/abi.sh [XENIDL [N...]]      (default: ./xenidl, N = 2000 20000)
#
# For each N it times:
#   manifest   writing the manifest of one file of N structs
#   md         writing its Markdown page
#   diff-idl   abi-diff of two versions given as IDL (both compiled)
#   diff-abi   abi-diff of the same two versions given as manifests
#   renames    abi-diff where every struct was renamed (the rename search)
# The "new" version changes every 10th struct (a member's type), adds a
# bit to every bitmap and a struct at the end.
set -eu
xenidl=${1:-./xenidl}
shift || true
sizes=${*:-2000 20000}
case $xenidl in /*) ;; *) xenidl=$(pwd)/$xenidl ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-bench-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
command -v hyperfine >/dev/null || { echo "bench/abi.sh needs hyperfine" >&2; exit 1; }

for n in $sizes; do
	d=$tmp/$n
	mkdir -p "$d/old" "$d/new" "$d/ren" "$d/out"
	python3 "$here/gen-synthetic.py" "$n" >"$d/old/syn.xidl"
	# Every 10th struct: a member changes type (same size); every bitmap
	# gets a bit; one struct more.
	awk '
		/^struct s[0-9]+ \{/ { n = substr($2, 2) + 0 }
		/@out seq: u32;/ && n % 10 == 0 { sub(/u32/, "i32") }
		/c = 4\.\.7,/ { print; print "    d = 8,"; next }
		{ print }
		END { print "struct extra { a: u64; }" }
	' "$d/old/syn.xidl" >"$d/new/syn.xidl"
	sed 's/\bs\([0-9][0-9]*\)\b/t\1/g' "$d/old/syn.xidl" >"$d/ren/syn.xidl"
	"$xenidl" -l manifest -o "$d/old" "$d/old/syn.xidl"
	"$xenidl" -l manifest -o "$d/new" "$d/new/syn.xidl"
	echo "== N=$n ($(wc -c <"$d/old/syn.xidl") bytes of IDL, $(wc -c <"$d/old/syn.abi") bytes of manifest)"
	hyperfine -N --warmup 1 --style basic \
		-n "manifest N=$n" "$xenidl -l manifest -o $d/out $d/old/syn.xidl" \
		-n "md N=$n" "$xenidl -l md -o $d/out $d/old/syn.xidl" \
		-n "diff-idl N=$n" "$xenidl abi-diff $d/old/syn.xidl $d/new/syn.xidl" \
		-n "diff-abi N=$n" "$xenidl abi-diff $d/old/syn.abi $d/new/syn.abi" \
		-n "renames N=$n" "$xenidl abi-diff $d/old/syn.xidl $d/ren/syn.xidl" \
		-i 2>&1 | grep -E '^(Benchmark|  Time)'
	for what in "abi-diff $d/old/syn.xidl $d/new/syn.xidl" "abi-diff $d/old/syn.abi $d/new/syn.abi"; do
		rss=$(/usr/bin/time -v "$xenidl" $what 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
		echo "peak RSS ${what%% *} $(basename "${what##* }") N=$n: $rss kB"
	done
done
