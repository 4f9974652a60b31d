#!/bin/sh
# The YAML and TOML spellings of an interface against the xidl one
# (tests/data/spec): forms.xidl is the interface written by hand, and
# forms.yaml and forms.toml say the same with every spelling of the schema.
#   - all three generate the same C (but for the source named in the banner);
#   - converting the YAML or TOML to xidl gives forms.xidl byte for byte,
#     but for the comments at the top of each file, which convert keeps
#     (as // comments), and formatting forms.xidl leaves it as it is;
#   - forms.xidl converted to YAML reads back to the same C and xidl;
#   - an unknown key is a warning, and an error with -Werror.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
data=$top_srcdir/tests/data/spec
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-forms.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
bad() { echo "FAIL: $*"; fail=1; }
normalize() { sed 's/\.yaml/.xidl/g; s/\.toml/.xidl/g' "$1"; }
# SPEC XIDL: what converting SPEC gives: its first '#' lines as //
# comments, then XIDL.
expected() { sed -n '/^#/!q; s|^#|//|p' "$1"; cat "$2"; }

cp "$data"/* "$tmp/"
cd "$tmp" || exit 1
for f in forms.xidl forms.yaml forms.toml; do
	"$XENIDL" -l c -o "out-$f" "$f" || bad "xenidl -l c $f"
done
for f in forms.yaml forms.toml; do
	normalize "out-$f/forms.h" > "$f.h"
	normalize out-forms.xidl/forms.h | cmp -s - "$f.h" ||
		bad "$f does not generate the C of forms.xidl"
	"$XENIDL" convert --to xidl -o - "$f" > "$f.xidl" || bad "convert $f"
	expected "$f" forms.xidl > "$f.want"
	cmp -s "$f.want" "$f.xidl" || { bad "$f does not convert to forms.xidl"; diff -u "$f.want" "$f.xidl"; }
done
expected common.toml common.xidl > common.want
"$XENIDL" convert --to xidl -o - common.toml | cmp -s common.want - ||
	bad "common.toml does not convert to common.xidl"
"$XENIDL" convert --to xidl -o - forms.xidl | cmp -s forms.xidl - ||
	bad "formatting forms.xidl changes it"

# xidl -> YAML -> C and xidl
mkdir back && "$XENIDL" convert --to yaml -o back forms.xidl common.xidl || bad "convert to yaml"
"$XENIDL" -l c -o out-back back/forms.yaml || bad "xenidl on the converted YAML"
normalize out-back/forms.h | cmp -s - forms.yaml.h || bad "the converted YAML generates other C"
"$XENIDL" convert --to xidl -o - back/forms.yaml | cmp -s forms.xidl - ||
	bad "xidl -> YAML -> xidl changes forms.xidl"

# Unknown keys: a warning that lists the allowed keys; -Werror makes it fatal.
printf 'aliases:\n  - name: t\n    type: u8\n    descripton: A typo.\n' > typo.yaml
"$XENIDL" -l c -o out-typo typo.yaml 2> typo.err || bad "an unknown key failed the run"
grep -q "typo.yaml:4:5: warning: unknown key 'descripton' in an alias; allowed keys: name, description, type, legacy, c_name" typo.err ||
	{ bad "no warning for an unknown key"; cat typo.err; }
test -f out-typo/typo.h || bad "no output after a warning"
if "$XENIDL" -Werror -l c -o out-werror typo.yaml 2> werror.err; then
	bad "-Werror did not fail on an unknown key"
fi
grep -q "error: unknown key 'descripton'" werror.err || bad "-Werror: no error for the unknown key"
test ! -e out-werror/typo.h || bad "-Werror left an output"
exit $fail
