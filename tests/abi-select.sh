#!/bin/sh
# --abi leaves out the arch-* files of the families it does not select:
# named on the command line, such a file is skipped with a warning (an
# error under -Werror) and gets no output; what it imports is left out
# with it. Every command takes the run that remains; none crashes.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-abi-select.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: run COMMAND, check its status,
# keep its output in $tmp/stdout and $tmp/stderr.
expect() {
	want=$1
	what=$2
	shift 3
	checks=$((checks + 1))
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$what: exit status $got, expected $want"
		sed 's/^/    /' "$tmp/stderr" | head -5
	fi
}

# same FILE DESCRIPTION: FILE holds exactly the text on stdin (a file or a
# here-document: in a pipe, the function would run in a subshell and its
# count would be lost).
same() {
	checks=$((checks + 1))
	cat >"$tmp/want"
	diff -u "$tmp/want" "$1" >"$tmp/diff" || { fail "$2"; sed 's/^/    /' "$tmp/diff"; }
}

no_files() {
	checks=$((checks + 1))
	[ -z "$(find "$1" -type f 2>/dev/null)" ] || fail "$2: files were written: $(find "$1" -type f)"
}

mkdir -p "$tmp/src/arch-arm"
cd "$tmp/src" || exit 1
# An arm-only file using a constant and a type of another arm-only file:
# with the arm family left out, neither may be resolved (they would find
# nothing on any selected ABI) nor laid out (there is no ABI to do it on).
cat >arch-arm/regs.xidl <<'EOF'
import "base.xidl";

const NREGS: u32 = BASE_REGS + 2;

/// Registers.
struct arm_regs {
    r: reg_t[NREGS];
}
EOF
cat >arch-arm/base.xidl <<'EOF'
const BASE_REGS: u32 = 14;
type reg_t = u64;
EOF
# Types only: once crashed layout (a reference resolved on no ABI).
cat >arch-arm/word.xidl <<'EOF'
type word_t = u32;
struct arm_word {
    w: word_t;
}
EOF
cat >shared.xidl <<'EOF'
struct shared_thing {
    a: u32;
    b: u32;
}
EOF
skipped="arch-arm/regs.xidl: warning: skipped: the file is for the arm family (arm32, arm64), which --abi leaves out"

# --- generation ----------------------------------------------------------------
expect 0 "an input of a family left out" -- "$XENIDL" --abi x86_64 -o "$tmp/o1" arch-arm/regs.xidl
same "$tmp/stderr" "warning for a skipped input" <<EOF
$skipped
EOF
no_files "$tmp/o1" "a skipped input"

expect 1 "a skipped input under -Werror" -- "$XENIDL" -Werror --abi x86_64 -o "$tmp/o2" arch-arm/regs.xidl
same "$tmp/stderr" "-Werror makes the warning an error" <<'EOF'
arch-arm/regs.xidl: error: skipped: the file is for the arm family (arm32, arm64), which --abi leaves out
EOF
no_files "$tmp/o2" "a skipped input under -Werror"

for lang in c marshal marshal-test rust manifest md; do
	# With the outputs each includes, which would otherwise get notes.
	case $lang in
	marshal) with=c,marshal ;;
	marshal-test) with=c,marshal,marshal-test ;;
	*) with=$lang ;;
	esac
	expect 0 "-l $lang with a skipped input" -- \
		"$XENIDL" --abi x86_32,x86_64 -l "$with" -o "$tmp/o-$lang" shared.xidl arch-arm/regs.xidl
	same "$tmp/stderr" "-l $lang: warning for a skipped input" <<EOF
$skipped
EOF
	checks=$((checks + 1))
	[ -z "$(find "$tmp/o-$lang" -name '*regs*')" ] || fail "-l $lang wrote output for a skipped input"
done
checks=$((checks + 1))
[ -f "$tmp/o-c/shared.h" ] || fail "-l c: no shared.h"

expect 0 "the family selected" -- "$XENIDL" --abi arm64 -o "$tmp/o3" arch-arm/regs.xidl
checks=$((checks + 1))
[ -f "$tmp/o3/regs.h" ] || fail "no regs.h on arm64"

# Outputs mirror the tree of every file named, skipped ones included: an
# x86 file named with an arm file is written to arch-x86/ with or without
# --abi, not to the top because the arm file was left out.
mkdir -p arch-x86
cp arch-arm/word.xidl arch-x86/word.xidl
expect 0 "both families" -- "$XENIDL" -o "$tmp/o4" arch-x86/word.xidl arch-arm/word.xidl
expect 0 "the x86 family only" -- "$XENIDL" --abi x86_64 -o "$tmp/o5" arch-x86/word.xidl arch-arm/word.xidl
checks=$((checks + 1))
if [ ! -f "$tmp/o4/arch-x86/word.h" ] || [ ! -f "$tmp/o5/arch-x86/word.h" ] || [ -e "$tmp/o5/arch-arm" ]; then
	fail "outputs are placed by the files named: $(cd "$tmp" && find o4 o5 -type f | tr '\n' ' ')"
fi

# --with-imports writes the outputs of what the inputs of the run import:
# a file that only a skipped input imports is left out with it.
cat >arch-arm/uses-shared.xidl <<'EOF'
import "../shared.xidl";
struct arm_thing {
    s: shared_thing;
}
EOF
expect 0 "--with-imports, the input skipped" -- \
	"$XENIDL" --abi x86_64 --with-imports -o "$tmp/o6" arch-arm/uses-shared.xidl
no_files "$tmp/o6" "--with-imports of a skipped input"
expect 0 "--with-imports, the family selected" -- \
	"$XENIDL" --abi arm64 --with-imports -o "$tmp/o7" arch-arm/uses-shared.xidl
checks=$((checks + 1))
[ -f "$tmp/o7/uses-shared.h" ] && [ -f "$tmp/o7/shared.h" ] ||
	fail "--with-imports on arm64: $(cd "$tmp" && find o7 -type f | tr '\n' ' ')"

# --- layout ----------------------------------------------------------------------
for abi in x86_32 x86_64 riscv64 ppc64le; do
	expect 0 "layout --abi $abi of an arm file" -- "$XENIDL" layout --abi $abi --all --tsv arch-arm/word.xidl
	same "$tmp/stdout" "layout --abi $abi prints nothing for an arm file" </dev/null
done
expect 0 "layout --all of a skipped input" -- "$XENIDL" layout --abi x86_64 --all --tsv arch-arm/regs.xidl
same "$tmp/stdout" "layout --all prints nothing for a skipped input" </dev/null
same "$tmp/stderr" "layout --all: warning for a skipped input" <<EOF
$skipped
EOF

expect 1 "layout of a type on no selected ABI" -- "$XENIDL" layout --abi x86_32,x86_64 arm_regs arch-arm/regs.xidl
same "$tmp/stdout" "no table for a type on no selected ABI" </dev/null
same "$tmp/stderr" "layout of a type on no selected ABI" <<'EOF'
arch-arm/regs.xidl: warning: skipped: the file is for the arm family (arm32, arm64), which --abi leaves out
xenidl: error: 'arm_regs' does not exist on x86_32, x86_64
arch-arm/regs.xidl:6:8: note: 'arm_regs' is declared here, for arm32, arm64 only
    6 | struct arm_regs {
      |        ^~~~~~~~
EOF

expect 0 "layout of an arm type on arm64" -- "$XENIDL" layout --abi arm64 arm_regs arch-arm/regs.xidl
same "$tmp/stdout" "layout of an arm type on arm64" <<'EOF'
/* arm64 */
struct arm_regs {
    reg_t                    r[16];                          /*     0   128 */
    /* size: 128, align: 8 */
};
EOF

# --- abi-diff ----------------------------------------------------------------------
expect 0 "abi-diff of skipped inputs" -- "$XENIDL" abi-diff --abi x86_64 arch-arm/regs.xidl arch-arm/regs.xidl

echo "abi-select: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
