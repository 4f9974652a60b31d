#!/bin/sh
# Assembler sources include the generated xen.h and architecture headers
# for their macros, as Xen's entry.S and head.S include the public ones:
# every header with the shared machinery or of one ABI keeps its C
# declarations under #ifndef __ASSEMBLER__. Each is preprocessed and
# assembled, for the hypervisor, the toolstack and a guest, on x86 with
# gcc and on the other families with clang --target where it can.
#
# Environment: top_srcdir, CC, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
CC=${CC:-gcc}
CLANG=${CLANG:-clang}
inc=$srcdir/generated/include

tmp=$(mktemp -d "${TMPDIR:-/tmp}/c-assembler.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

fail=0
n=0
# assemble HEADER COMPILER FLAGS...
assemble() {
	h=$1
	shift
	printf '#include "%s"\n' "$h" >"$tmp/t.S"
	if ! "$@" -x assembler-with-cpp -c -o "$tmp/t.o" -I "$inc" "$tmp/t.S" >"$tmp/err" 2>&1; then
		echo "FAIL: $h does not assemble with: $*"
		sed 's/^/  /' "$tmp/err" | head -5
		fail=1
	fi
	n=$((n + 1))
}

for cfg in "" -D__XEN_TOOLS__ -D__XEN__; do
	for m in -m64 -m32; do
		for h in xen.h arch-x86/xen.h arch-x86/xen-x86_32.h arch-x86/xen-x86_64.h; do
			case "$h:$m" in
			*x86_32.h:-m64 | *x86_64.h:-m32) continue ;;
			esac
			assemble "$h" "$CC" $m $cfg
		done
	done
done
if command -v "$CLANG" >/dev/null 2>&1; then
	for t in aarch64-linux-gnu armv7a-linux-gnueabihf riscv64-linux-gnu powerpc64le-linux-gnu; do
		# a cross assembler may be missing: try the target once first
		printf '\n' >"$tmp/probe.S"
		"$CLANG" --target=$t -x assembler-with-cpp -c -o "$tmp/probe.o" "$tmp/probe.S" \
			>/dev/null 2>&1 || continue
		for cfg in "" -D__XEN_TOOLS__ -D__XEN__; do
			assemble xen.h "$CLANG" --target=$t $cfg
		done
	done
fi
[ "$fail" -eq 0 ] || exit 1
echo "PASS: $n assemblies of the generated headers"
