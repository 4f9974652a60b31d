#!/bin/sh
# Benchmarks of the YAML and TOML readers and of xenbindgen mode.
#
#   bench/spec-readers.sh [XENIDL [N]]
#
# 1. One synthetic interface of N structs (default 1000), written in xidl,
#    YAML and TOML (bench/gen-spec-synthetic.py), through the whole pipeline
#    to C headers: wall time with hyperfine and peak memory with
#    /usr/bin/time -v, and the ratio of each spec form to xidl (target: 2x
#    at most).
# 2. xenbindgen mode on the basic case (tests/data/xenbindgen/basic), C and
#    Rust (target: under 2 ms a run, all outputs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
xenidl=${1:-$srcdir/xenidl}
n=${2:-1000}
case $xenidl in /*) ;; *) xenidl=$(pwd)/$xenidl ;; esac
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

python3 "$here/gen-spec-synthetic.py" "$n" "$tmp"
cd "$tmp"
echo "== $n structs, xidl / YAML / TOML to C headers"
for f in xidl yaml toml; do
	printf '   synthetic.%s: %s bytes\n' "$f" "$(wc -c < synthetic.$f)"
done
hyperfine -N --warmup 3 --runs 20 --export-json times.json \
	"$xenidl -l c -o out-xidl synthetic.xidl" \
	"$xenidl -l c -o out-yaml synthetic.yaml" \
	"$xenidl -l c -o out-toml synthetic.toml" > hyperfine.txt
python3 - times.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["mean"]
for res, name in zip(r, ("xidl", "YAML", "TOML")):
    print("   %-5s %8.1f ms +- %5.1f  (user %6.1f ms, sys %5.1f ms)  %.2fx xidl"
          % (name, res["mean"] * 1e3, res["stddev"] * 1e3, res["user"] * 1e3,
             res["system"] * 1e3, res["mean"] / base))
PY
if [ -x /usr/bin/time ]; then
	for f in xidl yaml toml; do
		/usr/bin/time -v "$xenidl" -l c -o out-$f synthetic.$f 2> time.txt
		printf '   %-5s peak RSS %s kB\n' $f "$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.txt)"
	done
fi
for f in yaml toml; do
	sed "s/synthetic\.$f/synthetic.xidl/" out-$f/synthetic.h | cmp -s - out-xidl/synthetic.h ||
		echo "   WARNING: the $f output differs from the xidl one"
done

# xenbindgen mode does little work (about 1.7 million instructions) and
# opens some 30 files: on a loaded disk file system, creating and renaming
# its outputs costs more than computing them. It is timed where the temp
# directory is, and on tmpfs (/dev/shm) when there is one.
basic_dirs=$tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && basic_dirs="$basic_dirs $(mktemp -d /dev/shm/xenidl-bench.XXXXXX)"
for d in $basic_dirs; do
	cp -R "$srcdir/tests/data/xenbindgen/basic" "$d/basic"
	echo "== xenbindgen mode, basic case (7 directories), in $(df -P "$d" | awk 'NR == 2 { print $6 }') ($(stat -f -c %T "$d"))"
	hyperfine -N --warmup 20 --runs 300 --export-json "$tmp/basic.json" \
		"$xenidl -V" \
		"$xenidl -i $d/basic -o $d/out-c -l c" \
		"$xenidl -i $d/basic -o $d/out-rust -l rust" > "$tmp/hyperfine-basic.txt"
	python3 - "$tmp/basic.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for res, what in zip(r, ("xenidl -V (process start)", "-l c   (7 headers)", "-l rust (7 modules)")):
    print("   %-27s median %5.2f ms, mean %5.2f +- %4.2f, min %5.2f" % (what, res["median"] * 1e3,
          res["mean"] * 1e3, res["stddev"] * 1e3, res["min"] * 1e3))
PY
done
case $basic_dirs in *" "*) rm -rf "${basic_dirs#* }" ;; esac
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
