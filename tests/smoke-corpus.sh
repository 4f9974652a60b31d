#!/bin/sh
# Every command, the way users run it, on the real corpus: each file of
# idl/ alone, then all of them together. Nothing may crash (an exit status
# of 128 or more, or a sanitizer report on stderr); every run must end with
# exactly the status expected of it:
#   - layout --tsv --all: with every --abi, and with none;
#   - every -l backend (c, marshal, marshal-test, rust, manifest, md): all
#     of them in one run for each --abi, and without --abi, each in a run
#     of its own for all files at once and in one run for a file alone;
#   - convert --to xidl and --to yaml;
#   - abi-diff of a side against itself;
#   - --check against generated/ (the C, marshalling and manifest outputs
#     of a file do not depend on the other files of the command line; md
#     pages link only to pages of the run, and the Rust crate lists the
#     modules of the run, so those two are checked for the whole corpus);
#   - -M, a depfile that names every file of the run.
# An arch-* file with another family's --abi is skipped with a warning and
# gets no output (tests/abi-select.sh pins the text).
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$top_srcdir" || exit 1
files=$(find idl -name '*.xidl' | LC_ALL=C sort)
abis="x86_32 x86_64 arm32 arm64 riscv64 ppc64le"
langs="c marshal marshal-test rust manifest md"
# The files alone are shared out between this many shells running at
# once (the machines that run the suite have two cores or more).
parts=2
runs=0
failures=0
work=$tmp

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# run WANT -- COMMAND...: run COMMAND (stdout to $work/stdout, stderr to
# $work/stderr); it must exit with WANT and report no sanitizer error.
run() {
	want=$1
	shift 2
	runs=$((runs + 1))
	"$@" >"$work/stdout" 2>"$work/stderr"
	got=$?
	if [ "$got" -ge 128 ]; then
		fail "crashed (exit $got): $*"
	elif [ "$got" -ne "$want" ]; then
		fail "exit $got, expected $want: $*"
	elif grep -q -e 'Sanitizer' -e 'runtime error:' "$work/stderr"; then
		fail "sanitizer report: $*"
	else
		return 0
	fi
	sed 's/^/    /' "$work/stderr" | head -8
	return 1
}

# The family a file belongs to ("" for a shared file): an arch-FAM
# directory, or a file arch-FAM.xidl (Xen's arch-arm.h).
family_of() {
	case $1 in
	*arch-x86/* | *arch-x86.xidl) echo x86 ;;
	*arch-arm/* | *arch-arm.xidl) echo arm ;;
	*arch-ppc/* | *arch-ppc.xidl) echo ppc ;;
	*arch-riscv/* | *arch-riscv.xidl) echo riscv ;;
	*) echo "" ;;
	esac
}

# Does --abi ABI select the family of the files in $1 (all of one family)?
selects() {
	fam=$(family_of "$1")
	# A file named for an ABI (arch-x86/xen-x86_64.xidl) is for that ABI only.
	case $1 in
	*-x86_32.xidl | *-x86_64.xidl | *-arm32.xidl | *-arm64.xidl | *-riscv64.xidl | *-ppc64le.xidl)
		case $1 in *-"$2".xidl) return 0 ;; *) return 1 ;; esac ;;
	esac
	case $fam:$2 in
	:* | x86:x86_* | arm:arm* | ppc:ppc* | riscv:riscv*) return 0 ;;
	*) return 1 ;;
	esac
}

# every_command NAME FILE...: every command over FILE... (one file, or all).
every_command() {
	name=$1
	shift
	out=$work/out/$name
	for abi in "" $abis; do
		run 0 -- "$XENIDL" layout ${abi:+--abi "$abi"} --tsv --all -I idl "$@"
		# Rows for each type of the inputs on the ABIs they exist on; none
		# for an input of a family --abi leaves out.
		if [ $# -eq 1 ] && [ -n "$abi" ] && ! selects "$1" "$abi"; then
			[ -s "$work/stdout" ] && fail "layout --abi $abi printed rows for $1"
			grep -q "warning: skipped" "$work/stderr" || fail "layout --abi $abi: no warning for $1"
		fi
	done
	# Every backend: for the whole corpus each in a run of its own, else
	# (to keep the test quick) all in one run; and all in one run for each
	# ABI.
	for abi in "" $abis; do
		all_langs=""
		for lang in $langs; do
			if [ "$name" = all ] && [ -z "$abi" ]; then
				run 0 -- "$XENIDL" -I idl --root idl -l "$lang:$out/$lang" "$@"
			fi
			all_langs="$all_langs -l $lang:$out/${abi:-any}/$lang"
		done
		[ "$name" = all ] && [ -z "$abi" ] && continue
		# shellcheck disable=SC2086 # the -l options are meant to split
		run 0 -- "$XENIDL" ${abi:+--abi "$abi"} -I idl --root idl $all_langs "$@"
	done
	run 0 -- "$XENIDL" convert --to xidl -o "$out/xidl" "$@"
	run 0 -- "$XENIDL" convert --to yaml -o "$out/yaml" "$@"
	sides=""
	for f in "$@"; do
		sides="$sides --old $f --new $f"
	done
	# shellcheck disable=SC2086 # the sides are meant to split
	run 0 -- "$XENIDL" abi-diff -I idl $sides
	run 0 -- "$XENIDL" -I idl --root idl --check -l c:generated/include \
		-l marshal:generated/marshal -l manifest:generated/abi "$@"
	[ -s "$work/stdout" ] && fail "--check printed a diff for $*"
	run 0 -- "$XENIDL" -I idl --root idl -M "$out/deps.d" -o "$out/c" "$@"
	for f in "$@"; do
		grep -q "^$f:$" "$out/deps.d" || fail "-M: $f is not in the depfile"
	done
	rm -rf "$out"
}

# Each file alone, in $parts shells at once; each prints its failures and
# then "RUNS FAILURES".
part=0
while [ "$part" -lt "$parts" ]; do
	(
		# shellcheck disable=SC2030 # each part has a directory of its own
		work=$tmp/part$part
		mkdir -p "$work"
		i=0
		for f in $files; do
			[ $((i % parts)) -eq "$part" ] && every_command "$(echo "$f" | tr / _)" "$f"
			i=$((i + 1))
		done
		echo "$runs $failures"
	) >"$tmp/part$part.log" 2>&1 &
	part=$((part + 1))
done
wait
part=0
while [ "$part" -lt "$parts" ]; do
	sed '$d' "$tmp/part$part.log"
	# shellcheck disable=SC2046 # two numbers
	set -- $(tail -n 1 "$tmp/part$part.log")
	runs=$((runs + ${1:-0}))
	failures=$((failures + ${2:-1}))
	part=$((part + 1))
done

# All of idl/ at once: the same, and abi-diff of the directory, --check of
# every output (the md pages and the Rust crate too), and, for each ABI,
# every input outside its families skipped with a warning.
# shellcheck disable=SC2031 # this is the main shell's
work=$tmp/all
mkdir -p "$work"
# shellcheck disable=SC2086 # the file list is meant to split
every_command all $files
run 0 -- "$XENIDL" abi-diff idl idl
for abi in $abis; do
	run 0 -- "$XENIDL" abi-diff --abi "$abi" idl idl
done
# shellcheck disable=SC2086
run 0 -- "$XENIDL" -I idl --root idl --check -l c:generated/include -l marshal:generated/marshal \
	-l manifest:generated/abi -l md:generated/doc -l rust:generated/rust --crate-name xen-abi $files
[ -s "$work/stdout" ] && fail "--check of idl/ printed a diff"
for abi in $abis; do
	# shellcheck disable=SC2086
	run 0 -- "$XENIDL" --abi "$abi" -I idl --root idl -o "$work/out/skip" $files
	want=0
	for f in $files; do
		selects "$f" "$abi" || want=$((want + 1))
	done
	got=$(grep -c "warning: skipped" "$work/stderr")
	[ "$got" -eq "$want" ] || fail "--abi $abi: $got inputs skipped, expected $want"
done

echo "smoke-corpus: $runs runs, $failures failed"
[ "$failures" -eq 0 ]
