#!/bin/sh
# The generated C headers compile warning-free, with their layout checks
# active, as C89/C99/C11 and C++98/C++17 with gcc and clang, -m32 and -m64,
# and for the other ABIs with clang --target; with --packed too. A header
# whose check is falsified must fail to compile, so the checks are live.
#
#   compile-headers.sh [DIR FILE...]   (default: the example corpus)
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0
skipped=""

if [ $# -gt 0 ]; then
	srcdir=$1
	shift
	inputs=$*
else
	srcdir=$top_srcdir/tests/data/examples
	inputs="xen.xidl event_channel.xidl domctl.xidl sysctl.xidl arch-x86/domainconfig.xidl
arch-arm/domainconfig.xidl arch-ppc/domainconfig.xidl arch-riscv/domainconfig.xidl"
fi

# shellcheck disable=SC2086 # the input list is meant to split
(cd "$srcdir" && "$XENIDL" -o "$tmp/plain" $inputs && "$XENIDL" --packed -o "$tmp/packed" $inputs) ||
	{ echo "FAIL: xenidl could not generate the headers"; exit 1; }

# The top-level headers: arch-* ones are reached through their importers.
headers=$(cd "$tmp/plain" && find . -name '*.h' ! -path './arch-*' | sed 's|^\./||' | LC_ALL=C sort)

all_tu() {
	for h in $headers; do
		printf '#include "%s"\n' "$h"
	done
	printf 'int xenidl_compile_test;\n'
}
all_tu >"$tmp/plain/all.c"
all_tu >"$tmp/packed/all.c"

WARN="-Wall -Wextra -Werror -pedantic"

# try DESCRIPTION COMPILER ARGS...
try() {
	what=$1
	shift
	checks=$((checks + 1))
	if ! "$@" >"$tmp/log" 2>&1; then
		failures=$((failures + 1))
		echo "FAIL: $what"
		echo "    $*"
		sed 's/^/    /' "$tmp/log" | head -20
	fi
}

have() {
	command -v "$1" >/dev/null 2>&1
}

# Does COMPILER build for -m32 here (multilib installed)?
can_m32() {
	echo 'int x;' >"$tmp/m32.c"
	"$1" -m32 -c "$tmp/m32.c" -o "$tmp/m32.o" >/dev/null 2>&1
}

for cc in gcc clang; do
	have $cc || { skipped="$skipped $cc"; continue; }
	case $cc in gcc) cxx=g++ ;; clang) cxx=clang++ ;; esac
	modes="-m64"
	if can_m32 $cc; then modes="-m32 -m64"; else skipped="$skipped $cc-m32"; fi
	for variant in plain packed; do
		for m in $modes; do
			for std in c89 c99 c11; do
				try "$cc $std $m $variant" $cc -std=$std $m $WARN -fsyntax-only \
					-x c "$tmp/$variant/all.c"
			done
			if have $cxx; then
				for std in c++98 c++17; do
					try "$cxx $std $m $variant" $cxx -std=$std $m $WARN -fsyntax-only \
						-x c++ "$tmp/$variant/all.c"
				done
			fi
		done
	done
	# Each header on its own: they are self-contained.
	for h in $headers; do
		printf '#include "%s"\nint xenidl_alone;\n' "$h" >"$tmp/plain/alone.c"
		try "$cc $h alone" $cc -std=c99 $WARN -fsyntax-only "$tmp/plain/alone.c"
	done
done

if have clang; then
	for target in aarch64-linux-gnu armv7a-linux-gnueabihf riscv64-linux-gnu powerpc64le-linux-gnu; do
		for variant in plain packed; do
			try "clang $target c11 $variant" clang --target=$target -std=c11 $WARN \
				-fsyntax-only -ffreestanding -x c "$tmp/$variant/all.c"
			try "clang $target c++17 $variant" clang --target=$target -std=c++17 $WARN \
				-fsyntax-only -ffreestanding -x c++ "$tmp/$variant/all.c"
		done
	done
else
	skipped="$skipped cross-targets"
fi

# The checks are live: falsify one size and the build must fail.
first=$(cd "$tmp/plain" && grep -l 'XENIDL_CHECK_SIZE(' $headers | head -1)
if [ -n "$first" ]; then
	sed '0,/XENIDL_CHECK_SIZE(\([a-z]*\), \([a-z0-9_]*\), \([0-9]*\))/s//XENIDL_CHECK_SIZE(\1, \2, \3 + 1)/' \
		"$tmp/plain/$first" >"$tmp/plain/$first.bad" && mv "$tmp/plain/$first.bad" "$tmp/plain/$first"
	checks=$((checks + 1))
	if gcc -std=c11 -fsyntax-only -x c "$tmp/plain/all.c" >/dev/null 2>&1; then
		failures=$((failures + 1))
		echo "FAIL: a falsified layout check in $first still compiles"
	fi
fi

[ -n "$skipped" ] && echo "note: not available here:$skipped"
echo "compile-headers: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
