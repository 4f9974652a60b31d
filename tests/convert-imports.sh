#!/bin/sh
# What convert writes imports files that exist:
#   - without --with-imports, only the inputs are converted, and a note
#     names each import of an output that neither the run writes nor
#     exists (and nothing is said when it does);
#   - with --with-imports, every file the inputs import, directly or not
#     (import arch too), is converted in the same run, and the outputs
#     compile: their imports resolve.
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

notes() { # EXT FORM: the notes of converting main.xidl alone
	ext=$1
	cat <<EOF
main.xidl:1:1: note: the $2 output imports 'base.$ext', which this run does not write and which does not exist: convert 'base.xidl' too, or add --with-imports
    1 | import "base.xidl";
      | ^~~~~~~~~~~~~~~~~~~
EOF
	for f in x86 arm ppc riscv; do
		cat <<EOF
main.xidl:2:1: note: the $2 output imports 'arch-$f/regs.$ext', which this run does not write and which does not exist: convert 'arch-$f/regs.xidl' too, or add --with-imports
    2 | import arch "regs.xidl";
      | ^~~~~~~~~~~~~~~~~~~~~~~~
EOF
	done
}

for form in yaml xidl; do
	FORM=$(echo $form | sed 's/yaml/YAML/')
	# Only the input: a note for each import left unresolved.
	"$XENIDL" convert --to $form -o "$tmp/only-$form" main.xidl 2> "$tmp/only-$form.err" ||
		bad "convert --to $form main.xidl"
	notes $form "$FORM" > "$tmp/only-$form.want"
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
	(cd "$tmp/all-$form" && "$XENIDL" -o "$tmp/c-$form" main.$form) ||
		bad "the outputs of --with-imports do not compile"

	# Imports that exist already in the output directory: no note.
	"$XENIDL" convert --to $form -o "$tmp/all-$form" main.xidl 2> "$tmp/again-$form.err" ||
		bad "convert --to $form again"
	test -s "$tmp/again-$form.err" && { bad "a note for imports that exist"; cat "$tmp/again-$form.err"; }
done

# Next to the inputs: the imports are found there once converted too.
"$XENIDL" convert --to yaml main.xidl base.xidl leaf.xidl arch-*/regs.xidl 2> next.err ||
	bad "convert next to the inputs"
test -s next.err && { bad "a note when every import is converted"; cat next.err; }
"$XENIDL" -o "$tmp/c-next" main.yaml || bad "the YAML written next to the inputs does not compile"

# Formatting in place: the imports are the files themselves.
"$XENIDL" convert --to xidl main.xidl 2> fmt.err || bad "formatting main.xidl"
test -s fmt.err && { bad "a note when formatting in place"; cat fmt.err; }
exit $fail
