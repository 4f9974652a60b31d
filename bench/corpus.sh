#!/bin/sh
# The corpus benchmark: median wall time and peak resident memory of
# generating every output (every backend of ci/generate) for the whole of
# idl/ in one xenidl run. Targets: under 20 ms and under 20 MB.
#
#   bench/corpus.sh [XENIDL]        (default: ./xenidl, then build/xenidl)
#
# The output goes to a fresh directory on tmpfs when there is one
# (/dev/shm), so that the figures measure xenidl rather than the disk.
# Needs hyperfine and GNU time (/usr/bin/time -v). With valgrind, it also
# counts the run's instructions (callgrind: repeatable on a loaded machine)
# and splits them between reading and analysing idl/ and each backend.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
xenidl=${1:-}
if [ -z "$xenidl" ]; then
	for x in ./xenidl build/xenidl; do
		[ -x "$x" ] && { xenidl=$x; break; }
	done
fi
[ -n "$xenidl" ] && [ -x "$xenidl" ] || { echo "bench/corpus.sh: build xenidl first" >&2; exit 2; }
case $xenidl in /*) ;; *) xenidl=$top/$xenidl ;; esac
command -v hyperfine >/dev/null || { echo "bench/corpus.sh: needs hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/corpus.sh: needs GNU time" >&2; exit 2; }

base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/xenidl-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# The exact command make generate runs, into the scratch directory.
cmd=$(XENIDL_GENERATE_PRINT=1 ci/generate "$xenidl" "$top" "$tmp/out")
nfiles=$(find idl -name '*.xidl' | wc -l | tr -d ' ')
echo "corpus: $nfiles idl files; command: ${cmd%% -I *} -I idl --root idl -l ... (every backend)"

# Wall time: hyperfine, no shell in between; outputs are rewritten each run
# (the scratch directory is emptied first), as a clean make generate does.
hyperfine -N --warmup 5 --runs "${BENCH_RUNS:-50}" \
	--prepare "rm -rf $tmp/out" \
	--export-json "$tmp/wall.json" "$cmd" >/dev/null
median_ms=$(sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$tmp/wall.json" | head -1 |
	awk '{ printf "%.1f", $1 * 1000 }')
json_ms() {
	sed -n "s/.*\"$1\": *\([0-9.e+-]*\).*/\1/p" "$tmp/wall.json" | head -1 |
		awk '{ printf "%.1f", $1 * 1000 }'
}
mean_ms=$(json_ms mean)
min_ms=$(json_ms min)
cpu_ms=$(awk -v u="$(json_ms user)" -v s="$(json_ms system)" 'BEGIN { printf "%.1f", u + s }')
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')

# Peak RSS: GNU time over a few runs; the largest.
peak_kb=0
i=0
while [ $i -lt 5 ]; do
	rm -rf "$tmp/out"
	# shellcheck disable=SC2086 # the command is meant to split
	/usr/bin/time -v $cmd 2>"$tmp/time" >/dev/null
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp/time")
	[ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
	i=$((i + 1))
done
peak_mb=$(awk -v kb="$peak_kb" 'BEGIN { printf "%.1f", kb / 1024 }')

# Instructions: the whole run, reading and analysing idl/ (xi_add_input,
# xi_analyze), and each backend's emitter (xi_emit_LANG), inclusive.
if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
	rm -rf "$tmp/out"
	# shellcheck disable=SC2086 # the command is meant to split
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" $cmd >/dev/null 2>"$tmp/cg.log"
	total=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/cg.log")
	callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null | awk -v total="$total" '
		!/=>/ && match($0, /:(xi_add_input|xi_analyze|xi_emit_[a-z_]+) /) {
			name = substr($0, RSTART + 1, RLENGTH - 2)
			if (name in seen)
				next
			seen[name] = 1
			n = $1
			gsub(",", "", n)
			if (name == "xi_add_input" || name == "xi_analyze") {
				front += n
				next
			}
			sub("^xi_emit_", "", name)
			split_text = split_text sprintf(", %s %.1f", name, n / 1e6)
		}
		END {
			printf "instructions (callgrind, millions): %.1f; reading and analysis %.1f%s\n",
				total / 1e6, front / 1e6, split_text
		}'
fi

echo "median wall time: $median_ms ms (mean $mean_ms ms, min $min_ms ms; target < 20 ms)"
echo "CPU time (user + system, mean): $cpu_ms ms; load average during the run: $load"
echo "peak RSS: $peak_mb MB ($peak_kb KB; target < 20 MB)"
