#!/bin/sh
# xenidl against other interface compilers: the time to write C for 1,000
# structs, each tool on an equivalent input (bench/gen-peers.py writes the
# others' from the same field list as gen-synthetic.py), printed as the
# median wall time on one core and its ratio to xenidl's.
#
#   bench/peers.sh [XENIDL]      (default: build/xenidl; BENCH_RUNS=20)
#
# The tools, and the Debian package of each (bench/ is not part of the test
# suite: ci/deps does not install them; a tool not installed is skipped):
#   rpcgen -h                       rpcsvc-proto
#   wayland-scanner client-header   libwayland-bin
#   protoc-c --c_out                protobuf-c-compiler
#   flatcc (reader only)            not packaged in Debian 12; timed where
#                                   a flatcc is on PATH
# Also needs hyperfine and python3. Issue 12's figures, one core: xenidl
# 13 ms, flatcc 36 ms, rpcgen 51 ms, wayland-scanner 88 ms, protoc-c 349 ms.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
xenidl=${1:-$here/../build/xenidl}
case $xenidl in /*) ;; *) xenidl=$(pwd)/$xenidl ;; esac
[ -x "$xenidl" ] || { echo "bench: no xenidl at $xenidl (build it first)"; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)"; exit 1; }
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"
runs=${BENCH_RUNS:-20}
n=1000

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
python3 "$here/gen-synthetic.py" $n >"$tmp/s.xidl"
for f in rpcgen wayland proto fbs; do
	python3 "$here/gen-peers.py" $f $n >"$tmp/s.$f"
done
mv "$tmp/s.rpcgen" "$tmp/s.x"
mv "$tmp/s.wayland" "$tmp/s.xml"
mkdir "$tmp/proto" && mv "$tmp/s.proto" "$tmp/proto/s.proto"

# median NAME COMMAND: the median wall time in ms of COMMAND (run through
# no shell), after a check that it succeeds.
median() {
	name=$1
	shift
	if ! "$@" >/dev/null 2>"$tmp/err"; then
		echo "bench: $name failed:" >&2
		head -5 "$tmp/err" >&2
		return 1
	fi
	if ! hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/$name.json" \
		"$one_core $*" >"$tmp/err" 2>&1; then
		echo "bench: $name failed under hyperfine:" >&2
		tail -5 "$tmp/err" >&2
		return 1
	fi
	python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" \
		"$tmp/$name.json"
}

base=$(median xenidl "$xenidl" -o "$tmp/out-xenidl" "$tmp/s.xidl")
printf '%-32s %10s %10s\n' "tool ($n structs, C output)" "median ms" "/ xenidl"
printf '%-32s %10s %10s\n' "xenidl -l c" "$base" "1.0"

# peer LABEL PACKAGE COMMAND...
peer() {
	label=$1
	package=$2
	shift 2
	if ! command -v "$1" >/dev/null 2>&1; then
		printf '%-32s %s\n' "$label" "skipped: not installed ($package)"
		return
	fi
	ms=$(median "$1" "$@") || { printf '%-32s %s\n' "$label" "failed"; return; }
	ratio=$(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.1f", a / b }')
	printf '%-32s %10s %10s\n' "$label" "$ms" "$ratio"
}

# rpcgen refuses to overwrite its -o file: the header goes to stdout.
peer "rpcgen -h" "Debian package rpcsvc-proto" rpcgen -h "$tmp/s.x"
peer "wayland-scanner client-header" "Debian package libwayland-bin" \
	wayland-scanner client-header "$tmp/s.xml" "$tmp/wayland.h"
mkdir "$tmp/out-protoc"
peer "protoc-c --c_out" "Debian package protobuf-c-compiler" \
	protoc-c --c_out="$tmp/out-protoc" -I"$tmp/proto" "$tmp/proto/s.proto"
mkdir "$tmp/out-flatcc"
peer "flatcc (reader)" "not packaged in Debian 12" flatcc -o "$tmp/out-flatcc" "$tmp/s.fbs"
