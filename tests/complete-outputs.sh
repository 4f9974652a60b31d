#!/bin/sh
# What a run writes is complete, or the run says what is missing:
#   - with --with-imports, for every file of idl/ alone, every include, link
#     and module of the outputs resolves (check-refs.sh), no note is given,
#     and each output is the one a run over all of idl/ writes (an output
#     does not depend on the other files of the run);
#   - over all of idl/ (make generate), no note either;
#   - without --with-imports, a note for each include and link left
#     dangling, exactly, naming what to generate; none for the targets
#     found in the output directory.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
check_refs="$top_srcdir/tests/check-refs.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-complete.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# Every backend, each into its own directory of $1.
backends() {
	echo -l "c:$1/include" -l "c-checks:$1/checks" -l "marshal:$1/marshal" -l "marshal-test:$1/marshal" \
		-l "md:$1/doc" -l "manifest:$1/abi" -l "rust:$1/rust" --crate-name xen-abi
}

cd "$top_srcdir" || exit 1
files=$(find idl -name '*.xidl' | LC_ALL=C sort)

# --- all of idl/ ------------------------------------------------------------------
all=$tmp/all
# shellcheck disable=SC2046,SC2086 # the arguments are meant to split
"$XENIDL" -I idl --root idl $(backends "$all") $files 2>"$tmp/stderr" || fail "idl/ as a whole"
checks=$((checks + 1))
[ -s "$tmp/stderr" ] && { fail "idl/ as a whole: diagnostics"; head -5 "$tmp/stderr"; }
checks=$((checks + 1))
sh "$check_refs" "$all/include" "$all/checks" "$all/marshal" "$all/doc" "$all/rust" || fail "idl/ as a whole: dangling references"

# --- each file of idl/ with its imports ----------------------------------------------
for f in $files; do
	out=$tmp/one
	rm -rf "$out"
	# shellcheck disable=SC2046
	"$XENIDL" -I idl --root idl --with-imports $(backends "$out") "$f" 2>"$tmp/stderr" ||
		fail "$f --with-imports"
	checks=$((checks + 1))
	[ -s "$tmp/stderr" ] && { fail "$f --with-imports: diagnostics"; head -5 "$tmp/stderr"; }
	checks=$((checks + 1))
	# (a file of macros only, xen-compat.xidl, has no layout checks)
	sh "$check_refs" "$out/include" $(ls -d "$out/checks" 2>/dev/null) "$out/marshal" "$out/doc" \
		"$out/rust" ||
		fail "$f --with-imports: dangling references"
	# The outputs of one file are the same whatever else is generated
	# with it (the crate's lib.rs and the marshalling tests list the
	# inputs, and so differ).
	(cd "$out" && find . -type f ! -name lib.rs ! -name 'xenidl_marshal_*' ! -name Cargo.toml) |
	while read -r o; do
		cmp -s "$out/$o" "$all/$o" || echo "$o"
	done >"$tmp/differ"
	checks=$((checks + 1))
	[ -s "$tmp/differ" ] && { fail "$f --with-imports: outputs differ from a run over idl/:"; cat "$tmp/differ"; }
done

# --- without --with-imports: the notes -----------------------------------------------
cp -R "$top_srcdir/tests/data/examples" "$tmp/ex"
cd "$tmp" || exit 1

# expect_notes NAME -- COMMAND...: the run succeeds and its notes are
# those of $tmp/expected.
expect_notes() {
	what=$1
	shift 2
	"$XENIDL" "$@" >/dev/null 2>"$tmp/stderr"
	status=$?
	checks=$((checks + 1))
	[ "$status" -eq 0 ] || fail "$what: exit status $status, expected 0"
	checks=$((checks + 1))
	diff -u "$tmp/expected" "$tmp/stderr" || fail "$what: notes differ"
}

cat >"$tmp/expected" <<'EOF'
xenidl: note: out/domctl.h includes xen.h, which this run did not write; generate it too (add ex/xen.xidl) or use --with-imports
xenidl: note: out/domctl.h includes arch-x86/domainconfig.h, which this run did not write; generate it too (add ex/arch-x86/domainconfig.xidl) or use --with-imports
xenidl: note: out/domctl.h includes arch-arm/domainconfig.h, which this run did not write; generate it too (add ex/arch-arm/domainconfig.xidl) or use --with-imports
xenidl: note: out/domctl.h includes arch-ppc/domainconfig.h, which this run did not write; generate it too (add ex/arch-ppc/domainconfig.xidl) or use --with-imports
xenidl: note: out/domctl.h includes arch-riscv/domainconfig.h, which this run did not write; generate it too (add ex/arch-riscv/domainconfig.xidl) or use --with-imports
EOF
expect_notes "C header alone" -- -o out ex/domctl.xidl
checks=$((checks + 1))
sh "$check_refs" out >"$tmp/dangling" && fail "check-refs.sh found nothing dangling"
checks=$((checks + 1))
[ "$(wc -l <"$tmp/dangling")" -eq "$(wc -l <"$tmp/expected")" ] ||
	fail "check-refs.sh and the notes disagree: $(cat "$tmp/dangling")"

# Targets already in the output directory need no note; with --abi, only
# the families of those ABIs are included.
: >"$tmp/expected"
expect_notes "C headers of the imports" -- -o out ex/xen.xidl ex/arch-x86/domainconfig.xidl
expect_notes "imports on disk" -- --abi x86_32,x86_64 -o out ex/domctl.xidl
checks=$((checks + 1))
sh "$check_refs" out || fail "dangling references once the imports are generated"

cat >"$tmp/expected" <<'EOF'
xenidl: note: doc/domctl.md links to xen.md, which this run did not write; generate it too (add ex/xen.xidl) or use --with-imports
xenidl: note: doc/domctl.md links to arch-x86/domainconfig.md, which this run did not write; generate it too (add ex/arch-x86/domainconfig.xidl) or use --with-imports
xenidl: note: doc/domctl.md links to arch-arm/domainconfig.md, which this run did not write; generate it too (add ex/arch-arm/domainconfig.xidl) or use --with-imports
xenidl: note: doc/domctl.md links to arch-ppc/domainconfig.md, which this run did not write; generate it too (add ex/arch-ppc/domainconfig.xidl) or use --with-imports
xenidl: note: doc/domctl.md links to arch-riscv/domainconfig.md, which this run did not write; generate it too (add ex/arch-riscv/domainconfig.xidl) or use --with-imports
EOF
expect_notes "Markdown page alone" -- -l md -o doc ex/domctl.xidl
: >"$tmp/expected"
expect_notes "Markdown pages" -- -l md -o doc2 ex/domctl.xidl ex/xen.xidl ex/arch-x86/domainconfig.xidl \
	ex/arch-arm/domainconfig.xidl ex/arch-ppc/domainconfig.xidl ex/arch-riscv/domainconfig.xidl
checks=$((checks + 1))
sh "$check_refs" doc2 || fail "dangling links in the Markdown pages"

cat >"$tmp/expected" <<'EOF'
xenidl: note: m/xen_marshal.h includes xen.h, which this run did not write; generate it too (add -l c)
EOF
expect_notes "marshalling code without headers" -- -l marshal -o m ex/xen.xidl
: >"$tmp/expected"
expect_notes "marshalling code with headers" -- -l c:inc -l marshal:m2 ex/xen.xidl
cat >"$tmp/expected" <<'EOF'
xenidl: note: t/xenidl_marshal_test.c includes xen_marshal.h, which this run did not write; generate it too (add -l marshal)
xenidl: note: t/xenidl_marshal_fuzz.c includes xen_marshal.h, which this run did not write; generate it too (add -l marshal)
EOF
expect_notes "marshalling tests without the code" -- -l marshal-test -o t ex/xen.xidl
cat >"$tmp/expected" <<'EOF'
xenidl: note: k/xen_checks.c includes xen.h, which this run did not write; generate it too (add -l c)
EOF
expect_notes "layout checks without the headers" -- -l c-checks -o k ex/xen.xidl
: >"$tmp/expected"
expect_notes "layout checks with the headers" -- -l c:inc2 -l c-checks:k2 ex/xen.xidl
checks=$((checks + 1))
sh "$check_refs" inc2 k2 || fail "dangling includes in the layout checks"

echo "complete-outputs: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
