#!/bin/sh
# Every integer macro of the real headers (tests/data/xen-constants.tsv,
# measured per ABI) from the headers idl/ describes
# (tests/data/xen-constants-described.txt) is defined by the committed C
# headers of the corpus with the same value on each ABI, compared as C's
# (unsigned long long)(NAME); except those idl/ leaves out on purpose,
# listed in tests/data/xen-constants-omitted.txt. One clang run per ABI.
# The table's ctype column (the C type of Xen's macro) is checked by
# tests/c-fidelity.sh.
#
# Environment: top_srcdir, CLANG (from the test harness).
set -u
srcdir=${top_srcdir:?top_srcdir must be set}
inc=$srcdir/generated/include
table=$srcdir/tests/data/xen-constants.tsv
omitted=$srcdir/tests/data/xen-constants-omitted.txt
described=$srcdir/tests/data/xen-constants-described.txt
clang=${CLANG:-clang}

if ! command -v "$clang" >/dev/null 2>&1; then
	echo "SKIP: no clang to compile for the six ABIs"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-constants.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

headers=$(cd "$inc" && find . -name '*.h' ! -path '*arch-*' | sed 's|^\./||' | LC_ALL=C sort)
fail=0
total=0
for pair in x86_32:i386-linux-gnu x86_64:x86_64-linux-gnu arm32:armv7a-linux-gnueabihf \
	    arm64:aarch64-linux-gnu riscv64:riscv64-linux-gnu ppc64le:powerpc64le-linux-gnu; do
	abi=${pair%%:*}
	target=${pair#*:}
	{
		for h in $headers; do
			printf '#include "%s"\n' "$h"
		done
		# One assertion per constant of this ABI from a described header
		# that is not omitted. Columns: header, name, abis, value, ctype.
		awk -F '\t' -v abi="$abi" '
			FILENAME == ARGV[1] { if ($0 !~ /^#/ && $0 != "") skip[$1] = 1; next }
			FILENAME == ARGV[2] { if ($0 !~ /^#/ && $0 != "") described[$1] = 1; next }
			/^#/ || $1 == "header" { next }
			($1 in described) && !($2 in skip) {
				header = $1; name = $2; value = $4; ctype = $5
				n = split($3, abis, ",")
				for (i = 1; i <= n; i++)
					if (abis[i] == abi)
						printf "_Static_assert((unsigned long long)(%s) == %sULL, \"%s (%s) is %s (%s) on %s\");\n", \
						       name, value, name, header, value, ctype, abi
			}' "$omitted" "$described" "$table"
	} >"$tmp/$abi.c"
	n=$(grep -c '^_Static_assert' "$tmp/$abi.c")
	total=$((total + n))
	if ! "$clang" --target="$target" -ffreestanding -std=c11 -fsyntax-only -ferror-limit=0 -D__XEN_TOOLS__ \
		-iquote "$inc" "$tmp/$abi.c" >"$tmp/$abi.log" 2>&1; then
		echo "FAIL: constants on $abi:"
		grep -E 'error:' "$tmp/$abi.log" | sed 's/^[^:]*:[0-9]*:[0-9]*: /    /' | head -40
		fail=1
	fi
done
echo "checked $total constant values of $(grep -vc '^#' "$described") described headers on 6 ABIs;" \
	"$(grep -vc '^#' "$omitted") names left out on purpose"
exit $fail
