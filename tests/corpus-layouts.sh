#!/bin/sh
# The corpus against reality: every struct and union of idl/ that
# tests/data/xen-layouts.tsv measured in Xen's real headers must have the
# same size and alignment, and each of its members the same size,
# alignment and offset, on every ABI of the table. A type of idl/ that the
# table does not know fails too, unless it is listed in UNMEASURED below.
#
# Environment: XENIDL, top_srcdir (from the test harness).
set -u
xenidl=${XENIDL:?XENIDL must name the xenidl binary}
srcdir=${top_srcdir:?top_srcdir must be set}
table=$srcdir/tests/data/xen-layouts.tsv

# Types of idl/ that Xen does not name (xen_uuid_t is a typedef of an
# anonymous struct there), so nothing measured them.
UNMEASURED="xen_uuid"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-layouts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

cd "$srcdir" || exit 1
files=$(find idl -name '*.xidl' | LC_ALL=C sort)
# shellcheck disable=SC2086 # the file list is meant to split
if ! "$xenidl" layout --all --tsv -I idl $files >"$tmp/idl.tsv"; then
	echo "FAIL: xenidl layout failed on idl/"
	exit 1
fi

awk -F '\t' -v unmeasured="$UNMEASURED" '
	BEGIN {
		n = split(unmeasured, u, " ")
		for (i = 1; i <= n; i++)
			skip[u[i]] = 1
	}
	# The real table: header, "struct NAME", member, abi, size, align, offset.
	FNR == NR {
		if ($0 ~ /^#/ || $1 == "header")
			next
		name = $2
		sub(/^(struct|union) /, "", name)
		real[name "\t" $3 "\t" $4] = $5 "\t" $6 "\t" $7
		known[name] = 1
		abis[$4] = 1
		next
	}
	# xenidl: NAME, member, abi, size, align, offset (rows that add the
	# bit, width and type of a bitfield: corpus-bitfields.sh checks those).
	NF > 6 { next }
	{
		types[$1] = 1
		key = $1 "\t" $2 "\t" $3
		if (!($1 in known))
			next
		if (!(key in real)) {
			if ($2 != "" && (($1 "\t\t" $3) in real))
				unknown++
			next
		}
		checked++
		checked_abi[$3] = 1
		split(real[key], r, "\t")
		what = $2 == "" ? "the type itself" : "member " $2
		if ($4 != r[1] || $5 != r[2] || ($2 != "" && $6 != r[3])) {
			printf "FAIL: %s, %s, on %s: xenidl says size %s align %s", $1, what, $3, $4, $5
			if ($2 != "")
				printf " offset %s", $6
			printf "; the real header has size %s align %s", r[1], r[2]
			if ($2 != "")
				printf " offset %s", r[3]
			printf "\n"
			bad++
		}
	}
	END {
		ntypes = 0
		for (t in types) {
			if (t in known)
				ntypes++
			else if (!(t in skip)) {
				printf "FAIL: %s is described in idl/ but not measured in %s\n", t, "xen-layouts.tsv"
				bad++
			}
		}
		nabi = 0
		for (a in checked_abi)
			nabi++
		printf "checked %d rows of %d types on %d ABIs; %d member rows of idl/ have no real counterpart (renamed members)\n",
		       checked, ntypes, nabi, unknown
		if (checked == 0) {
			print "FAIL: nothing was checked"
			bad++
		}
		exit bad ? 1 : 0
	}
' "$table" "$tmp/idl.tsv"
