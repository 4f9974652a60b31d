#!/bin/sh
# convert keeps every comment where it was (tests/data/comments):
#   - all.xidl has comments in every place xidl has: it is in the
#     formatter's form (--check passes, a formatted copy is the same), its
#     YAML is all.yaml, which converts back to all.xidl, and to itself;
#     the same for nodoc.xidl and nodoc.yaml (comments at the top of a file
#     with no doc comment);
#   - hand.yaml and hand.toml hold comments where people write them in
#     YAML and TOML: they convert to hand-yaml.xidl and hand-toml.xidl,
#     which are in the formatter's form, and TOML -> YAML -> xidl gives the
#     same as TOML -> xidl;
#   - every file of idl/, alone and all together, is in the formatter's
#     form.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
data=$top_srcdir/tests/data/comments
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-comments.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
bad() { echo "FAIL: $*"; fail=1; }
same() { # WANT GOT WHAT
	cmp -s "$1" "$2" || { bad "$3"; diff -u "$1" "$2"; }
}

cp -R "$data" "$tmp/in"
cd "$tmp/in" || exit 1
all="all.xidl nodoc.xidl other.xidl arch-x86/regs.xidl arch-arm/regs.xidl arch-riscv/regs.xidl arch-ppc/regs.xidl"

# xidl -> xidl
"$XENIDL" convert --to xidl --check $all || bad "all.xidl is not in the formatter's form"
"$XENIDL" convert --to xidl -o "$tmp/fmt" $all || bad "formatting all.xidl"
for f in $all; do
	same "$f" "$tmp/fmt/$f" "formatting $f changes it"
done

# xidl -> YAML -> xidl, YAML -> YAML
"$XENIDL" convert --to yaml -o "$tmp/yaml" $all || bad "all.xidl to YAML"
same all.yaml "$tmp/yaml/all.yaml" "all.xidl does not convert to all.yaml"
(cd "$tmp/yaml" && "$XENIDL" convert --to xidl -o "$tmp/back" $(echo "$all" | sed 's/\.xidl/.yaml/g')) ||
	bad "all.yaml to xidl"
for f in all nodoc; do
	same $f.xidl "$tmp/back/$f.xidl" "$f.xidl -> YAML -> xidl changes it"
	"$XENIDL" convert --to yaml -o "$tmp/yaml2" $f.yaml 2>/dev/null || bad "$f.yaml to YAML"
	same $f.yaml "$tmp/yaml2/$f.yaml" "converting $f.yaml to YAML changes it"
done
same nodoc.yaml "$tmp/yaml/nodoc.yaml" "nodoc.xidl does not convert to nodoc.yaml"

# YAML and TOML written by hand
"$XENIDL" convert --to xidl -o - hand.yaml > hand.yaml.out || bad "hand.yaml to xidl"
same hand-yaml.xidl hand.yaml.out "hand.yaml does not convert to hand-yaml.xidl"
"$XENIDL" convert --to xidl -o - hand.toml > hand.toml.out || bad "hand.toml to xidl"
same hand-toml.xidl hand.toml.out "hand.toml does not convert to hand-toml.xidl"
"$XENIDL" convert --to xidl --check hand-yaml.xidl hand-toml.xidl ||
	bad "hand-yaml.xidl or hand-toml.xidl is not in the formatter's form"
"$XENIDL" convert --to yaml -o "$tmp/toml" hand.toml 2>/dev/null || bad "hand.toml to YAML"
"$XENIDL" convert --to xidl -o - "$tmp/toml/hand.yaml" > hand.toml.yaml.out ||
	bad "hand.toml's YAML to xidl"
same hand-toml.xidl hand.toml.yaml.out "hand.toml -> YAML -> xidl is not hand.toml -> xidl"

# The corpus: each file alone, then all together.
idl=$top_srcdir/idl
files=$(cd "$idl" && find . -name '*.xidl' | sed 's|^\./||' | LC_ALL=C sort)
if [ -n "$files" ]; then
	for f in $files; do
		(cd "$idl" && "$XENIDL" convert --to xidl --check "$f") >/dev/null ||
			bad "idl/$f is not in the formatter's form"
	done
	(cd "$idl" && "$XENIDL" convert --to xidl --check $files) >/dev/null ||
		bad "idl/ together is not in the formatter's form"
	(cd "$idl" && "$XENIDL" convert --to xidl -o "$tmp/idl" $files) || bad "formatting idl/"
	for f in $files; do
		same "$idl/$f" "$tmp/idl/$f" "formatting idl/$f changes it"
	done
fi
exit $fail
