#!/bin/sh
# Lossless conversion over a corpus:
#
#   convert-roundtrip.sh ROOT FILE...     (each FILE relative to ROOT)
#
# For every output language xenidl has (from --help), the outputs of
#   1. the files as they are,
#   2. the files converted to YAML,
#   3. that YAML converted back to xidl,
# are identical, but for the name of the source in banners; and the xidl
# that comes back equals the formatted original, which is the original:
# the corpus is in the formatter's form, which formatting leaves as it is.
set -u
: "${XENIDL:?}"
root=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-roundtrip.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# The -l languages, as --help lists them.
langs=$("$XENIDL" --help | awk '/--lang/ { on = 1; next } /default:/ { exit }
	on && /^                         [a-z]/ { print $1 }')
[ -n "$langs" ] || { echo "FAIL: no output language in xenidl --help"; exit 1; }

copy_tree() { # SRC DST FILE...: copy the files, keeping their paths
	src=$1 dst=$2
	shift 2
	for f in "$@"; do
		mkdir -p "$dst/$(dirname "$f")"
		cp "$src/$f" "$dst/$f"
	done
}
with_ext() { # EXT FILE...: the files with another extension
	ext=$1
	shift
	for f in "$@"; do echo "${f%.*}.$ext"; done
}
generate() { # DIR OUT FILE...
	dir=$1 out=$2
	shift 2
	for lang in $langs; do
		(cd "$dir" && "$XENIDL" -I . --root . -l "$lang" -o "$out/$lang" "$@") ||
			bad "xenidl -l $lang in $dir"
	done
}
normalize() { # DIR: sources named in outputs all become .xidl
	find "$1" -type f | while read -r f; do
		sed 's/\.yaml/.xidl/g' "$f" > "$f.n" && mv "$f.n" "$f"
	done
}

copy_tree "$root" "$tmp/xidl" "$@"
yaml=$(with_ext yaml "$@")
(cd "$tmp/xidl" && "$XENIDL" convert --to yaml -o "$tmp/yaml" "$@") || bad "convert --to yaml"
(cd "$tmp/yaml" && "$XENIDL" convert --to xidl -o "$tmp/back" $yaml) || bad "convert --to xidl"
(cd "$tmp/xidl" && "$XENIDL" convert --to xidl -o "$tmp/formatted" "$@") || bad "formatting"
(cd "$tmp/formatted" && "$XENIDL" convert --to xidl -o "$tmp/formatted2" "$@") || bad "formatting again"

generate "$tmp/xidl" "$tmp/out-xidl" "$@"
generate "$tmp/yaml" "$tmp/out-yaml" $yaml
generate "$tmp/back" "$tmp/out-back" "$@"
normalize "$tmp/out-yaml"
diff -ru "$tmp/out-xidl" "$tmp/out-yaml" || bad "xidl -> YAML changes the outputs"
diff -ru "$tmp/out-xidl" "$tmp/out-back" || bad "xidl -> YAML -> xidl changes the outputs"
diff -ru "$tmp/formatted" "$tmp/back" || bad "xidl -> YAML -> xidl is not the formatted xidl"
diff -ru "$tmp/formatted" "$tmp/formatted2" || bad "formatting formatted xidl changes it"
diff -ru "$tmp/xidl" "$tmp/formatted" || bad "formatting changes the corpus"
echo "languages: $(echo $langs); files: $#"
exit $fail
