#!/bin/sh
# The corpus's bitfields against reality: every bitfield of idl/ must be,
# on every ABI, where tests/data/xen-bitfields.tsv measured it in Xen's
# real headers (bit offset from the start of its type, width) with the
# same declared type; and every bitfield the table lists of a type idl/
# describes must be in idl/.
#
# Environment: XENIDL, top_srcdir (from the test harness).
set -u
xenidl=${XENIDL:?XENIDL must name the xenidl binary}
srcdir=${top_srcdir:?top_srcdir must be set}
table=$srcdir/tests/data/xen-bitfields.tsv

tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-bitfields.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

cd "$srcdir" || exit 1
files=$(find idl -name '*.xidl' | LC_ALL=C sort)
# shellcheck disable=SC2086 # the file list is meant to split
if ! "$xenidl" layout --all --tsv -I idl $files >"$tmp/idl.tsv"; then
	echo "FAIL: xenidl layout failed on idl/"
	exit 1
fi

awk -F '\t' '
	# The C spelling of the declared types of bitfields.
	BEGIN {
		c["unsigned char"] = "u8"; c["unsigned short"] = "u16"
		c["unsigned int"] = "u32"; c["unsigned long long"] = "u64"
		c["signed char"] = "i8"; c["short"] = "i16"; c["int"] = "i32"
		c["long long"] = "i64"
	}
	# The real table: header, "struct NAME", member, abi, bit, width, ctype.
	FNR == NR {
		if ($0 ~ /^#/ || $1 == "header")
			next
		name = $2
		sub(/^(struct|union) /, "", name)
		real[name "\t" $3 "\t" $4] = $5 "\t" $6 "\t" (($7 in c) ? c[$7] : $7)
		next
	}
	# xenidl: NAME, member, abi, size, align, offset[, bit, width, type].
	$3 != "" { described[$1 "\t" $3] = 1 }
	NF > 6 {
		key = $1 "\t" $2 "\t" $3
		seen[key] = 1
		if (!(key in real)) {
			printf "FAIL: %s.%s on %s: a bitfield in idl/, none in the real header\n", $1, $2, $3
			bad++
			next
		}
		checked++
		split(real[key], r, "\t")
		if (r[1] != $7 || r[2] != $8 || r[3] != $9) {
			printf "FAIL: %s.%s on %s: xenidl says bit %s width %s %s; the real header has bit %s width %s %s\n",
			       $1, $2, $3, $7, $8, $9, r[1], r[2], r[3]
			bad++
		}
	}
	END {
		for (key in real) {
			split(key, k, "\t")
			if ((k[1] "\t" k[3]) in described && !(key in seen)) {
				printf "FAIL: %s.%s on %s: a bitfield of the real header that idl/ lacks\n", k[1], k[2], k[3]
				bad++
			}
		}
		printf "checked %d bitfield rows\n", checked
		if (checked == 0) {
			print "FAIL: no bitfield checked"
			exit 1
		}
		exit bad > 0
	}
' "$table" "$tmp/idl.tsv"
