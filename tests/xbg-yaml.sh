#!/bin/sh
# xenbindgen mode reads YAML as well as TOML:
#   - the features specs written in YAML (other spellings than the TOML)
#     give the expected output of the TOML ones;
#   - the basic case converted to YAML gives xenbindgen's output.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
data=$top_srcdir/tests/data/xenbindgen
golden=$top_srcdir/tests/golden
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-xbg-yaml.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
for lang in c rust; do
	"$XENIDL" -i "$data/features-yaml" -o "$tmp/features-$lang" -l $lang ||
		{ echo "FAIL: xenidl -i features-yaml -l $lang"; fail=1; }
	diff -ru "$golden/xbg-features-$lang/expected" "$tmp/features-$lang" || fail=1
done
(cd "$data/basic" && "$XENIDL" convert --to yaml -o "$tmp/basic-yaml" */*.toml) ||
	{ echo "FAIL: converting the basic specs to YAML"; fail=1; }
for lang in c rust; do
	"$XENIDL" -i "$tmp/basic-yaml" -o "$tmp/basic-$lang" -l $lang ||
		{ echo "FAIL: xenidl -i basic-yaml -l $lang"; fail=1; }
	diff -ru "$golden/xbg-basic-$lang/expected" "$tmp/basic-$lang" || fail=1
done
exit $fail
