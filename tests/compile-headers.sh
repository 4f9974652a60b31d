#!/bin/sh
# The generated C headers compile warning-free, with their layout checks
# (-l c-checks, NAME_checks.c with the runtime's <xenidl/layout-check.h>),
# as C89/C99/C11 and C++98/C++17 with gcc and clang, -m32 and -m64, and for
# the other ABIs with clang --target; with --packed too. Each header
# compiles on its own. A falsified check must fail to compile, so the
# checks are live.
#
#   compile-headers.sh [DIR FILE...]   (default: the examples, the feature tests, the
#                                      ptr golden's and the @!c_prelude golden's input)
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0
skipped=""
WARN="-Wall -Wextra -Werror -pedantic -I$top_srcdir/runtime/include"
CROSS_TARGETS="aarch64-linux-gnu armv7a-linux-gnueabihf riscv64-linux-gnu powerpc64le-linux-gnu"

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

# suite NAME DIR FILE...: generate headers (plain and --packed) and compile
# them every way.
suite() {
	name=$1
	srcdir=$2
	shift 2
	out=$tmp/$name
	if ! (cd "$srcdir" && "$XENIDL" -l c,c-checks -o "$out/plain" "$@" &&
	      "$XENIDL" -l c,c-checks --packed -o "$out/packed" "$@"); then
		failures=$((failures + 1))
		echo "FAIL: $name: xenidl could not generate the headers"
		return
	fi
	# The top-level headers: arch-* ones are reached through their importers.
	headers=$(cd "$out/plain" && find . -name '*.h' ! -path './arch-*' | sed 's|^\./||' | LC_ALL=C sort)
	# The checks of every header, the architectures' parts included (on
	# the ABIs of another part, one assertion that always holds).
	check_files=$(cd "$out/plain" && find . -name '*_checks.c' | sed 's|^\./||' | LC_ALL=C sort)
	[ -n "$check_files" ] || { failures=$((failures + 1)); echo "FAIL: $name: no layout checks"; }
	for variant in plain packed; do
		for h in $headers $check_files; do
			printf '#include "%s"\n' "$h"
		done >"$out/$variant/all.c"
		printf 'int xenidl_compile_test;\n' >>"$out/$variant/all.c"
	done

	for cc in gcc clang; do
		have $cc || continue
		case $cc in gcc) cxx=g++ ;; clang) cxx=clang++ ;; esac
		modes="-m64"
		can_m32 $cc && modes="-m32 -m64"
		for variant in plain packed; do
			for m in $modes; do
				for std in c89 c99 c11; do
					try "$name: $cc $std $m $variant" $cc -std=$std $m $WARN -fsyntax-only \
						-iquote "$out/$variant" -x c "$out/$variant/all.c"
				done
				have $cxx || continue
				for std in c++98 c++17; do
					try "$name: $cxx $std $m $variant" $cxx -std=$std $m $WARN -fsyntax-only \
						-iquote "$out/$variant" -x c++ "$out/$variant/all.c"
				done
			done
		done
		# Each header on its own: they are self-contained.
		for h in $headers; do
			printf '#include "%s"\nint xenidl_alone;\n' "$h" >"$out/plain/alone.c"
			try "$name: $cc $h alone" $cc -std=c99 $WARN -fsyntax-only "$out/plain/alone.c"
		done
	done

	if have clang; then
		for target in $CROSS_TARGETS; do
			for variant in plain packed; do
				try "$name: clang $target c11 $variant" clang --target=$target -std=c11 $WARN \
					-fsyntax-only -ffreestanding -iquote "$out/$variant" -x c "$out/$variant/all.c"
				try "$name: clang $target c++17 $variant" clang --target=$target -std=c++17 \
					$WARN -fsyntax-only -ffreestanding -iquote "$out/$variant" -x c++ "$out/$variant/all.c"
			done
		done
	fi

	# The checks are live: falsify one size and the build must fail.
	# (of a header of every ABI: the host compiler checks its own ABI)
	first=$(cd "$out/plain" && grep -l '^XENIDL_CHECK_SIZE(' $check_files | grep -v '^arch-' | head -1)
	if [ -n "$first" ]; then
		sed '0,/XENIDL_CHECK_SIZE(\([a-z]*\), \([a-z0-9_]*\), \([0-9]*\))/s//XENIDL_CHECK_SIZE(\1, \2, \3 + 1)/' \
			"$out/plain/$first" >"$out/plain/$first.bad" && mv "$out/plain/$first.bad" "$out/plain/$first"
		checks=$((checks + 1))
		if gcc -std=c11 -fsyntax-only -I"$top_srcdir/runtime/include" -iquote "$out/plain" -x c "$out/plain/all.c" \
			>/dev/null 2>&1; then
			failures=$((failures + 1))
			echo "FAIL: $name: a falsified layout check in $first still compiles"
		fi
	fi
}

for cc in gcc clang; do
	have $cc || skipped="$skipped $cc"
	have $cc && ! can_m32 $cc && skipped="$skipped $cc-m32"
done
have clang || skipped="$skipped cross-targets"

if [ $# -gt 0 ]; then
	suite given "$@"
else
	suite examples "$top_srcdir/tests/data/examples" xen.xidl event_channel.xidl domctl.xidl \
		sysctl.xidl arch-x86/domainconfig.xidl arch-arm/domainconfig.xidl \
		arch-ppc/domainconfig.xidl arch-riscv/domainconfig.xidl
	suite features "$top_srcdir/tests/golden/features/input" features.xidl base.xidl \
		arch-x86/platform.xidl arch-arm/platform.xidl arch-ppc/platform.xidl \
		arch-riscv/platform.xidl
	suite flex "$top_srcdir/tests/golden/flex/input" flex.xidl flex_types.xidl
	suite ptr "$top_srcdir/tests/golden/ptr/input" ptr.xidl
	suite prelude "$top_srcdir/tests/golden/c-prelude/input" compat.xidl core.xidl user.xidl \
		arch-x86/core.xidl arch-arm/core.xidl arch-ppc/core.xidl arch-riscv/core.xidl
fi

[ -n "$skipped" ] && echo "note: not available here:$skipped"
echo "compile-headers: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
