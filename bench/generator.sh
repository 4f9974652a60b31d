#!/bin/sh
# Generator benchmark: C headers for synthetic inputs of N structs (13
# fields each, plus enums and bitmaps), N = 1,000, 10,000 and 100,000.
# Prints the median wall time (hyperfine) and the peak RSS (GNU time) of
# each, on one core.
#
#   bench/generator.sh [XENIDL]      (default: build/xenidl)
#
# Targets: 1,000 structs in 10 ms; 100,000 in 1 s and 200 MB; linear cost.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
xenidl=${1:-$here/../build/xenidl}
case $xenidl in /*) ;; *) xenidl=$(pwd)/$xenidl ;; esac
[ -x "$xenidl" ] || { echo "bench: no xenidl at $xenidl (build it first)"; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)"; exit 1; }
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

printf '%-10s %12s %12s %14s %12s\n' structs "input MB" "median ms" "peak RSS MB" "us/struct"
for n in 1000 10000 100000; do
	python3 "$here/gen-synthetic.py" $n >"$tmp/s$n.xidl"
	runs=10
	[ $n -ge 100000 ] && runs=5
	hyperfine -N --warmup 1 --runs $runs --export-json "$tmp/h$n.json" \
		"$one_core $xenidl -o $tmp/out$n $tmp/s$n.xidl" >/dev/null 2>&1
	median=$(python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$tmp/h$n.json")
	rss=$(/usr/bin/time -f %M $one_core "$xenidl" -o "$tmp/out$n" "$tmp/s$n.xidl" 2>&1 >/dev/null | tail -1)
	size=$(wc -c <"$tmp/s$n.xidl")
	awk -v n=$n -v size="$size" -v ms="$median" -v rss="$rss" 'BEGIN {
		printf "%-10s %12.1f %12.1f %14.1f %12.2f\n", n, size / 1048576, ms, rss / 1024, ms * 1000 / n
	}'
done
