#!/bin/sh
# The committed C headers of the corpus (generated/include) compile, each on
# its own and all together, on the six ABIs (clang --target, freestanding)
# with their layout checks (generated/checks, -l c-checks, every one of
# them compiled with the headers), and warning-free as C89/C99/C11 and
# C++98/C++17 with the host compilers in -m32 and -m64. They are compiled
# as a toolstack does (__XEN_TOOLS__); the headers not marked @!if(tools)
# compile without it too, and those marked refuse to.
#
# Environment: top_srcdir, CC, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
inc=$srcdir/generated/include
# Included with "" only: -iquote, since features.h would take the place of
# the C library's <features.h> (which <stdint.h> includes) under -I.
checks=$srcdir/generated/checks
clang=${CLANG:-clang}
cc=${CC:-cc}

if ! command -v "$clang" >/dev/null 2>&1; then
	echo "SKIP: no clang to compile for the six ABIs"
	exit 77
fi
if [ ! -f "$inc/xen.h" ]; then
	echo "FAIL: $inc/xen.h is missing; run 'make generate'"
	exit 1
fi

TARGETS="i386-linux-gnu x86_64-linux-gnu armv7a-linux-gnueabihf aarch64-linux-gnu
riscv64-linux-gnu powerpc64le-linux-gnu"
WARN="-Wall -Wextra -pedantic -Werror -D__XEN_TOOLS__ -I$srcdir/runtime/include"
# The guard @!if(tools) writes: such a header is for the toolstack only.
TOOLS_GUARD='#if !defined(__XEN__) && !defined(__XEN_TOOLS__)'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-compile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# The interface headers: everything but the per-architecture parts, which
# the others include.
headers=$(cd "$inc" && find . -name '*.h' ! -path '*arch-*' | sed 's|^\./||' | LC_ALL=C sort)
for h in $headers; do
	printf '#include "%s"\n' "$h"
done >"$tmp/all.c"
# The layout checks, which include their headers by the path under $inc.
check_files=$(cd "$checks" && find . -name '*_checks.c' | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$check_files" ] || { echo "FAIL: no layout checks in $checks; run 'make generate'"; exit 1; }
for c in $check_files; do
	printf '#include "%s/%s"\n' "$checks" "$c"
done >>"$tmp/all.c"
cp "$tmp/all.c" "$tmp/all.cc"
tools_only=
for h in $headers; do
	if grep -qxF "$TOOLS_GUARD" "$inc/$h"; then
		tools_only="$tools_only $h"
	else
		printf '#include "%s"\n' "$h"
	fi
done >"$tmp/guest.c"

fail=0
run() {
	if ! "$@" >"$tmp/out" 2>&1; then
		echo "FAIL: $*"
		head -20 "$tmp/out"
		fail=1
	fi
}

n=0
for t in $TARGETS; do
	for h in $headers; do
		# A declaration of its own: a header of macros only (xen-compat.h)
		# leaves the unit empty, which -pedantic refuses.
		printf '#include "%s"\ntypedef int corpus_compile_unit;\n' "$h" >"$tmp/one.c"
		run "$clang" --target="$t" -ffreestanding -std=c11 $WARN -fsyntax-only -iquote "$inc" "$tmp/one.c"
		n=$((n + 1))
	done
	run "$clang" --target="$t" -ffreestanding -std=c99 $WARN -fsyntax-only -iquote "$inc" "$tmp/all.c"
	run "$clang" --target="$t" -ffreestanding -std=c99 $WARN -U__XEN_TOOLS__ -fsyntax-only \
		-iquote "$inc" "$tmp/guest.c"
	run "$clang" --target="$t" -ffreestanding -std=c++17 $WARN -fsyntax-only -iquote "$inc" "$tmp/all.cc"
	n=$((n + 3))
done

# Without __XEN_TOOLS__, a tools-only header stops the compilation with
# its #error.
[ -n "$tools_only" ] || { echo "FAIL: no header is marked @!if(tools)"; fail=1; }
for h in $tools_only; do
	printf '#include "%s"\n' "$h" >"$tmp/one.c"
	if "$cc" -std=c89 -fsyntax-only -iquote "$inc" "$tmp/one.c" >"$tmp/out" 2>&1 ||
	   ! grep -q "#error \"$h is for the hypervisor and the toolstack only" "$tmp/out"; then
		echo "FAIL: $h compiles without __XEN_TOOLS__, or not with its #error"
		head -5 "$tmp/out"
		fail=1
	fi
	n=$((n + 1))
done

# The hypervisor's view on x86: Xen has a struct cpu_user_regs of its own,
# so the public one is struct guest_user_regs under __XEN__ (@c_name_if),
# and vcpu_guest_context.user_regs is of that type.
cat >"$tmp/hyp.c" <<'EOF'
#include <stdint.h>
struct cpu_user_regs { int the_hypervisors_own; };
#include "xen.h"
typedef char hyp_user_regs_type[sizeof(((struct vcpu_guest_context *)0)->user_regs) ==
				sizeof(struct guest_user_regs) ? 1 : -1];
int hyp_own(const struct cpu_user_regs *r);
int hyp_own(const struct cpu_user_regs *r) { return r->the_hypervisors_own; }
EOF
for t in i386-linux-gnu x86_64-linux-gnu; do
	run "$clang" --target="$t" -ffreestanding -std=gnu11 -Wall -Wextra -Werror -D__XEN__ \
		-fsyntax-only -I "$inc" "$tmp/hyp.c"
	n=$((n + 1))
done

# The host compilers, in every language mode the headers promise.
for m in -m32 -m64; do
	if ! echo 'int x;' | "$cc" $m -x c -fsyntax-only - >/dev/null 2>&1; then
		echo "note: $cc $m does not work here; skipped"
		continue
	fi
	for std in c89 c99 c11; do
		run "$cc" $m -std=$std $WARN -fsyntax-only -iquote "$inc" "$tmp/all.c"
		n=$((n + 1))
	done
	for std in c++98 c++17; do
		run "$cc" $m -x c++ -std=$std $WARN -fsyntax-only -iquote "$inc" "$tmp/all.cc"
		n=$((n + 1))
	done
done

echo "$n compilations of $(echo "$headers" | wc -l | tr -d ' ') headers"
exit $fail
