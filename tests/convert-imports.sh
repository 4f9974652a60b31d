#!/bin/sh
# What convert writes imports files that exist:
#   - without --with-imports, only the inputs are converted, and a note
#     names each import of an output that neither the run writes nor
#     exists (and nothing is said when it does);
#   - with --with-imports, every file the inputs import, directly or not
#     (import arch too, in the families that have the file), is converted
#     in the same run, and the outputs compile with --with-imports, without
#     a note: their imports resolve;
#   - --with-imports is one concept: convert writes the outputs of the
#     same files as generation does, refuses an import no file answers as
#     generation does, and its notes are generation's (refs.h).
set -u
: "${XENIDL:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-convert-imports.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
bad() { echo "FAIL: $*"; fail=1; }

mkdir -p "$tmp/src" && cd "$tmp/src" || exit 1
printf 'import "base.xidl";\nimport arch "regs.xidl";\n\nstruct s {\n    a: base_t;\n    r: reg_t;\n}\n' > main.xidl
printf '// base.xidl imports leaf.xidl in turn.\nimport "leaf.xidl";\n\ntype base_t = leaf_t;\n' > base.xidl
printf 'type leaf_t = u64;\n' > leaf.xidl
for f in x86 arm riscv ppc; do
	mkdir -p arch-$f && printf 'type reg_t = u64;\n' > arch-$f/regs.xidl
done

notes() { # FORM: the notes of converting main.xidl alone into $tmp/only-FORM
	for f in base arch-x86/regs arch-arm/regs arch-ppc/regs arch-riscv/regs; do
		echo "xenidl: note: $tmp/only-$1/main.$1 imports $f.$1, which this run did not write; convert it too (add $f.xidl) or use --with-imports"
	done
}

for form in yaml xidl; do
	# Only the input: a note for each import left unresolved.
	"$XENIDL" convert --to $form -o "$tmp/only-$form" main.xidl 2> "$tmp/only-$form.err" ||
		bad "convert --to $form main.xidl"
	notes $form > "$tmp/only-$form.want"
	cmp -s "$tmp/only-$form.want" "$tmp/only-$form.err" ||
		{ bad "the notes of convert --to $form"; diff -u "$tmp/only-$form.want" "$tmp/only-$form.err"; }
	test -f "$tmp/only-$form/main.$form" || bad "convert --to $form wrote no main.$form"
	test ! -e "$tmp/only-$form/base.$form" || bad "convert --to $form converted an import"

	# With --with-imports: every file imported, directly or not.
	"$XENIDL" convert --to $form --with-imports -o "$tmp/all-$form" main.xidl 2> "$tmp/all-$form.err" ||
		bad "convert --to $form --with-imports"
	test -s "$tmp/all-$form.err" && { bad "convert --with-imports said something"; cat "$tmp/all-$form.err"; }
	for f in main base leaf arch-x86/regs arch-arm/regs arch-riscv/regs arch-ppc/regs; do
		test -f "$tmp/all-$form/$f.$form" || bad "--with-imports did not write $f.$form"
	done
	(cd "$tmp/all-$form" && "$XENIDL" --with-imports -o "$tmp/c-$form" main.$form) 2> "$tmp/c-$form.err" ||
		bad "the outputs of --with-imports do not compile"
	test -s "$tmp/c-$form.err" && { bad "generating the outputs of --with-imports said something"; cat "$tmp/c-$form.err"; }

	# Imports that exist already in the output directory: no note.
	"$XENIDL" convert --to $form -o "$tmp/all-$form" main.xidl 2> "$tmp/again-$form.err" ||
		bad "convert --to $form again"
	test -s "$tmp/again-$form.err" && { bad "a note for imports that exist"; cat "$tmp/again-$form.err"; }
done

# Generation writes the outputs of the same files: the inputs and what
# they import.
"$XENIDL" --with-imports -l manifest -o "$tmp/gen" main.xidl || bad "generation --with-imports"
(cd "$tmp/gen" && find . -name '*.abi' | sed 's/\.abi$//' | LC_ALL=C sort) > "$tmp/gen.list"
(cd "$tmp/all-yaml" && find . -name '*.yaml' | sed 's/\.yaml$//' | LC_ALL=C sort) > "$tmp/convert.list"
cmp -s "$tmp/gen.list" "$tmp/convert.list" ||
	{ bad "convert --with-imports and generation --with-imports write the outputs of other files"; diff -u "$tmp/gen.list" "$tmp/convert.list"; }

# An import that no file answers: without --with-imports, a note; with it,
# an error (there is nothing to convert), as generation says, and nothing
# is written.
mkdir -p "$tmp/lost" && printf 'import "inc/nowhere.xidl";\n\ntype t = u8;\n' > "$tmp/lost/lost.xidl"
(cd "$tmp/lost" && "$XENIDL" convert --to yaml -o out lost.xidl) 2> "$tmp/lost.err" ||
	bad "convert with an import not found"
echo "xenidl: note: out/lost.yaml imports inc/nowhere.yaml, which this run did not write; no inc/nowhere.xidl is found to convert to it" > "$tmp/lost.want"
cmp -s "$tmp/lost.want" "$tmp/lost.err" || { bad "the note of an import not found"; diff -u "$tmp/lost.want" "$tmp/lost.err"; }
(cd "$tmp/lost" && "$XENIDL" convert --to yaml --with-imports -o out2 lost.xidl) 2> "$tmp/lost2.err"
status=$?
test $status -eq 1 || bad "convert --with-imports with an import not found: exit status $status, expected 1"
grep -q "^lost.xidl:1:1: error: cannot find imported file 'inc/nowhere.xidl'$" "$tmp/lost2.err" ||
	{ bad "convert --with-imports: no error for the import not found"; cat "$tmp/lost2.err"; }
(cd "$tmp/lost" && "$XENIDL" --with-imports -o out3 lost.xidl) 2> "$tmp/lost3.err"
cmp -s "$tmp/lost3.err" "$tmp/lost2.err" ||
	{ bad "convert and generation say other things of an import not found"; diff -u "$tmp/lost3.err" "$tmp/lost2.err"; }
test ! -e "$tmp/lost/out2" || bad "convert --with-imports wrote something after an error"

# import arch, with --with-imports: convert builds for no ABI, and so
# converts the families that have the file (here only x86).
mkdir -p "$tmp/fam/arch-x86"
printf 'import arch "regs.xidl";\n' > "$tmp/fam/one.xidl"
printf 'type reg_t = u64;\n' > "$tmp/fam/arch-x86/regs.xidl"
(cd "$tmp/fam" && "$XENIDL" convert --to yaml --with-imports -o out one.xidl) 2> "$tmp/fam.err" ||
	bad "convert --with-imports of an import arch with one family"
test -s "$tmp/fam.err" && { bad "a note for the families without the file"; cat "$tmp/fam.err"; }
test -f "$tmp/fam/out/arch-x86/regs.yaml" || bad "--with-imports did not convert arch-x86/regs.xidl"

# Next to the inputs: the imports are found there once converted too.
"$XENIDL" convert --to yaml main.xidl base.xidl leaf.xidl arch-*/regs.xidl 2> next.err ||
	bad "convert next to the inputs"
test -s next.err && { bad "a note when every import is converted"; cat next.err; }
"$XENIDL" --with-imports -o "$tmp/c-next" main.yaml || bad "the YAML written next to the inputs does not compile"

# Formatting in place: the imports are the files themselves.
"$XENIDL" convert --to xidl main.xidl 2> fmt.err || bad "formatting main.xidl"
test -s fmt.err && { bad "a note when formatting in place"; cat fmt.err; }
exit $fail
