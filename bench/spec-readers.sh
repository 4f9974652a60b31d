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
#    Rust (target: under 2 ms a run).
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

echo "== xenbindgen mode, basic case (7 directories)"
hyperfine -N --warmup 10 --runs 200 --export-json basic.json \
	"$xenidl -i $srcdir/tests/data/xenbindgen/basic -o out-basic-c -l c" \
	"$xenidl -i $srcdir/tests/data/xenbindgen/basic -o out-basic-rust -l rust" > hyperfine-basic.txt
python3 - basic.json <<'PY'
import json, sys
total = 0
for res, lang in zip(json.load(open(sys.argv[1]))["results"], ("C", "Rust")):
    total += res["mean"]
    print("   -l %-4s %6.2f ms +- %4.2f (min %5.2f ms)" % (lang, res["mean"] * 1e3,
          res["stddev"] * 1e3, res["min"] * 1e3))
print("   all outputs (C and Rust): %.2f ms" % (total * 1e3))
PY
