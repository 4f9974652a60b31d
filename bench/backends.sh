#!/bin/sh
# The backends benchmark: for the whole corpus (idl/), the cost of each
# backend of ci/generate on its own and of the whole run, as
#   - instructions (callgrind): repeatable on a loaded machine, the figure
#     to compare changes by; "backend" is the part spent generating
#     (xi_generate), the rest is reading and analysing idl/;
#   - wall time (hyperfine, median and mean) and peak RSS (GNU time),
#     writing to an emptied directory as a clean `make generate` does.
#
#   bench/backends.sh [XENIDL]      (default: build/xenidl, then ./xenidl)
#
# The languages and options are those of ci/generate's command line, so a
# backend added there is measured here too. BENCH_RUNS sets hyperfine's
# number of runs (default 30). Targets for the whole run (issue 6): under
# 20 ms and 20 MB.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
xenidl=${1:-}
if [ -z "$xenidl" ]; then
	for x in build/xenidl ./xenidl; do
		[ -x "$x" ] && { xenidl=$x; break; }
	done
fi
if [ -z "$xenidl" ] || [ ! -x "$xenidl" ]; then
	echo "bench/backends.sh: build xenidl first" >&2
	exit 2
fi
case $xenidl in /*) ;; *) xenidl=$top/$xenidl ;; esac
command -v hyperfine >/dev/null || { echo "bench/backends.sh: needs hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/backends.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
have_valgrind=false
command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null && have_valgrind=true

# Outputs go to tmpfs when there is one, so that the figures measure
# xenidl rather than the disk.
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/xenidl-bench-backends.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
out=$tmp/out

# The whole run, exactly as make generate does it (into $out).
all=$(XENIDL_GENERATE_PRINT=1 ci/generate "$xenidl" "$top" "$out")
# Its languages, in order: the LANG of each "-l LANG:DIR".
langs=$(echo "$all" | tr ' ' '\n' | awk 'prev == "-l" { sub(/:.*/, ""); print } { prev = $0 }')

# The command line of the whole run with only one language's -l kept.
only() {
	echo "$all" | tr ' ' '\n' | awk -v lang="$1" '
		$0 == "-l" { getline spec; split(spec, part, ":"); if (part[1] == lang) print "-l\n" spec; next }
		{ print }' | tr '\n' ' '
}

# Instructions of a command, total and inside xi_generate, as
# "TOTAL BACKEND" in millions; "- -" without valgrind.
instructions() {
	if ! $have_valgrind; then
		echo "- -"
		return
	fi
	rm -rf "$out"
	# shellcheck disable=SC2086 # the command is meant to split
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" $1 >/dev/null 2>"$tmp/cg.log"
	total=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/cg.log")
	backend=$(callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null |
		awk '/:xi_generate / { gsub(",", "", $1); print $1; exit }')
	awk -v t="$total" -v b="${backend:-0}" 'BEGIN { printf "%.1f %.1f\n", t / 1e6, b / 1e6 }'
}

json_ms() {
	sed -n "s/.*\"$1\": *\([0-9.e+-]*\).*/\1/p" "$tmp/wall.json" | head -1 |
		awk '{ printf "%.1f", $1 * 1000 }'
}

# Median and mean wall time in ms, and peak RSS in MB, of a command.
wall_and_rss() {
	if ! hyperfine -N --warmup 3 --runs "${BENCH_RUNS:-30}" --prepare "rm -rf $out" \
		--export-json "$tmp/wall.json" "$1" >/dev/null 2>"$tmp/hyperfine.log"; then
		cat "$tmp/hyperfine.log" >&2
		exit 1
	fi
	peak_kb=0
	for _ in 1 2 3; do
		rm -rf "$out"
		# shellcheck disable=SC2086 # the command is meant to split
		kb=$(/usr/bin/time -f %M $1 2>&1 >/dev/null | tail -1)
		[ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
	done
	echo "$(json_ms median) $(json_ms mean) $(awk -v kb="$peak_kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
}

nfiles=$(find idl -name '*.xidl' | wc -l | tr -d ' ')
echo "corpus: $nfiles files of idl/; outputs under $base; instructions in millions (callgrind)"
printf '%-10s %12s %12s %10s %10s %12s\n' run instructions "of backend" "median ms" "mean ms" "peak RSS MB"
for lang in $langs all; do
	if [ "$lang" = all ]; then
		cmd=$all
	else
		cmd=$(only "$lang")
	fi
	# shellcheck disable=SC2046 # five figures, split on purpose
	set -- $(instructions "$cmd") $(wall_and_rss "$cmd")
	[ $# -eq 5 ] || exit 1
	printf '%-10s %12s %12s %10s %10s %12s\n' "$lang" "$1" "$2" "$3" "$4" "$5"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
