#!/bin/sh
# The padding fix-its of YAML and TOML inputs are written in their own form,
# and fix the error: each is applied as printed, and the input then has no
# error.
#   YAML: "e.g. '- {name: pad0, ...}'" is a list item, put before the field
#         the error points at, or after the last one;
#   TOML: "e.g. a field with 'K = V', 'K = V' and 'K = V'" is a
#         [[structs.fields]] table of those keys, put before the table of
#         the field the error points at, or at the end.
set -u
: "${XENIDL:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-spec-fixits.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# fixit FILE: run xenidl on FILE; print "LINE<tab>WHERE<tab>TEXT" of its one
# error (WHERE is "before" or "last"), or nothing if there is none.
fixit() {
	"$XENIDL" -o "$tmp/out" "$1" 2>"$tmp/stderr" >/dev/null && return 0
	sed -n "s/^[^:]*:\([0-9]*\):[0-9]*: error: .*declare them \(before it\|as a last member\), e\.g\. \(.*\)$/\1	\2	\3/p" \
		"$tmp/stderr" | sed 's/	before it	/	before	/; s/	as a last member	/	last	/'
}

# apply_yaml FILE LINE WHERE ITEM: put the list item in.
apply_yaml() {
	# Indented as the item of the field it goes before, or as the last item.
	if [ "$3" = before ]; then
		indent=$(sed -n "$2s/-.*//p" "$1")
	else
		indent=$(grep '^ *- ' "$1" | tail -1 | sed 's/-.*//')
	fi
	item=$(printf '%s' "$4" | sed "s/^'//; s/'$//")
	if [ "$3" = before ]; then
		awk -v n="$2" -v line="$indent$item" 'NR == n { print line } { print }' "$1" >"$1.new"
	else
		{ cat "$1"; printf '%s%s\n' "$indent" "$item"; } >"$1.new"
	fi
	mv "$1.new" "$1"
}

# apply_toml FILE LINE WHERE FIELD: a [[structs.fields]] table of the
# quoted pairs, before the table holding LINE or at the end.
apply_toml() {
	printf '%s\n' "$4" | grep -o "'[^']*'" | sed "s/^'//; s/'$//" >"$tmp/pairs"
	{ echo "[[structs.fields]]"; cat "$tmp/pairs"; echo; } >"$tmp/table"
	if [ "$3" = before ]; then
		start=$(awk -v n="$2" '/^\[\[/ && NR <= n { at = NR } END { print at }' "$1")
		awk -v n="$start" -v table="$tmp/table" \
			'NR == n { while ((getline l < table) > 0) print l } { print }' "$1" >"$1.new"
	else
		{ cat "$1"; echo; cat "$tmp/table"; } >"$1.new"
	fi
	mv "$1.new" "$1"
}

# check NAME FORM: the error of $tmp/NAME is fixed by its fix-it.
check() {
	file=$tmp/$1
	line=$(fixit "$file")
	checks=$((checks + 1))
	if [ -z "$line" ]; then
		fail "$1: no padding error with a fix-it"
		cat "$tmp/stderr"
		return
	fi
	n=$(printf '%s' "$line" | cut -f1)
	where=$(printf '%s' "$line" | cut -f2)
	text=$(printf '%s' "$line" | cut -f3)
	checks=$((checks + 1))
	case $2 in
	yaml)
		case $text in "'- {"*"}'") ;; *) fail "$1: the fix-it is not a YAML list item: $text" ;; esac
		apply_yaml "$file" "$n" "$where" "$text"
		;;
	toml)
		case $text in "a field with '"*) ;; *) fail "$1: the fix-it is not TOML keys: $text" ;; esac
		apply_toml "$file" "$n" "$where" "$text"
		;;
	esac
	checks=$((checks + 1))
	"$XENIDL" -o "$tmp/out" "$file" >/dev/null 2>"$tmp/stderr" || {
		fail "$1: still an error after the fix-it"
		cat "$file" "$tmp/stderr"
	}
}

cat >"$tmp/before.yaml" <<'EOF'
structs:
  - name: s
    fields:
      - {name: a, type: u8}
      - name: b
        type: u32
EOF
check before.yaml yaml

cat >"$tmp/last.yaml" <<'EOF'
structs:
  - name: t
    fields:
      - {name: a, type: u32}
      - {name: b, type: u8}
EOF
check last.yaml yaml

cat >"$tmp/one.yaml" <<'EOF'
structs:
  - name: t
    fields:
      - {name: a, type: u16}
      - {name: b, type: u8}
      - {name: c, type: u16}
EOF
check one.yaml yaml

cat >"$tmp/before.toml" <<'EOF'
[[structs]]
name = "s"
description = "S."

[[structs.fields]]
name = "a"
description = "A."
typ = { tag = "u8" }

[[structs.fields]]
name = "b"
description = "B."
typ = { tag = "u64" }
EOF
check before.toml toml

cat >"$tmp/last.toml" <<'EOF'
[[structs]]
name = "t"
description = "T."

[[structs.fields]]
name = "a"
description = "A."
typ = { tag = "u32" }

[[structs.fields]]
name = "b"
description = "B."
typ = { tag = "u8" }
EOF
check last.toml toml

cat >"$tmp/one.toml" <<'EOF'
[[structs]]
name = "t"

[[structs.fields]]
name = "a"
typ = { tag = "u16" }

[[structs.fields]]
name = "b"
typ = { tag = "u8" }

[[structs.fields]]
name = "c"
typ = { tag = "u16" }
EOF
check one.toml toml

echo "spec-fixits: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
