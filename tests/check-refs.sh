#!/bin/sh
# Check that every reference between outputs resolves:
#
#   check-refs.sh DIR...
#
# Every file under the DIRs is read:
#   - C (.h, .c): each #include "FILE" must name a file next to the file
#     that includes it, or under one of the DIRs (as the compiler would,
#     given -I for each DIR);
#   - Markdown (.md): each link that is not a URL must name a file
#     (relative to the page), and its #anchor, if any, an <a id> of that
#     page (a link to "#anchor" alone, of the page itself);
#   - Rust (src/lib.rs of a crate): each `mod NAME;` must have its file,
#     nested `mod NAME {` blocks included.
# Prints each dangling reference and exits 1 if there is any.
set -u
[ $# -gt 0 ] || { echo "usage: check-refs.sh DIR..." >&2; exit 2; }
for root in "$@"; do
	[ -d "$root" ] || { echo "check-refs: $root: not a directory" >&2; exit 2; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-refs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# files PATTERN DIR...: the files of the DIRs whose name matches, sorted.
files() {
	pattern=$1
	shift
	for root in "$@"; do
		find "$root" -type f -name "$pattern"
	done | LC_ALL=C sort
}

# The awk functions every check uses: whether a file exists (getline
# tells a file it cannot open, -1, from an empty one, 0), and the
# directory of a path.
common='
function exists(path,   line, r) {
	if (path in known)
		return known[path]
	r = (getline line < path)
	close(path)
	return known[path] = (r >= 0)
}
function dirname(path) {
	if (path !~ /\//)
		return "."
	sub(/\/[^\/]*$/, "", path)
	return path
}
function dangling(what) {
	print "dangling: " what
	bad = 1
}
END { exit bad }'

status=0
roots=$(printf '%s\n' "$@")

files '*.[ch]' "$@" >"$tmp/c"
if [ -s "$tmp/c" ]; then
	# shellcheck disable=SC2046 # one argument per file
	awk -v roots="$roots" "$common"'
		BEGIN { nroots = split(roots, root, "\n") }
		/^[ \t]*#[ \t]*include[ \t]*"/ {
			inc = $0
			sub(/^[^"]*"/, "", inc)
			sub(/".*/, "", inc)
			if (exists(dirname(FILENAME) "/" inc))
				next
			for (i = 1; i <= nroots; i++)
				if (exists(root[i] "/" inc))
					next
			dangling(FILENAME " includes \"" inc "\"")
		}' $(cat "$tmp/c") || status=1
fi

files '*.md' "$@" >"$tmp/md"
if [ -s "$tmp/md" ]; then
	# shellcheck disable=SC2046
	awk "$common"'
		function has_anchor(page, anchor,   line, id) {
			if (!(page in loaded)) {
				loaded[page] = 1
				while ((getline line < page) > 0)
					while (match(line, /<a id="[^"]*"><\/a>/)) {
						id = substr(line, RSTART + 7, RLENGTH - 13)
						anchors[page, id] = 1
						line = substr(line, RSTART + RLENGTH)
					}
				close(page)
			}
			return (page, anchor) in anchors
		}
		{
			line = $0
			while (match(line, /\]\([^)]*\)/)) {
				link = substr(line, RSTART + 2, RLENGTH - 3)
				line = substr(line, RSTART + RLENGTH)
				if (link ~ /^(https?|mailto):/)
					continue
				target = link
				anchor = ""
				if (index(link, "#")) {
					target = substr(link, 1, index(link, "#") - 1)
					anchor = substr(link, index(link, "#") + 1)
				}
				page = target == "" ? FILENAME : dirname(FILENAME) "/" target
				if (!exists(page))
					dangling(FILENAME " links to " link " (no such page)")
				else if (anchor != "" && !has_anchor(page, anchor))
					dangling(FILENAME " links to " link " (no such anchor)")
			}
		}' $(cat "$tmp/md") || status=1
fi

files lib.rs "$@" | grep '/src/lib\.rs$' >"$tmp/rs"
while read -r lib; do
	awk -v src="$(dirname "$lib")" "$common"'
		function path(   p, i) {
			p = ""
			for (i = 1; i <= depth; i++)
				p = p name[i] "/"
			return p
		}
		/^ *(pub(\([a-z]+\))? )?mod [A-Za-z0-9_]+ *\{ *$/ {
			indent = $0
			sub(/[^ ].*/, "", indent)
			n = $0
			sub(/^ *(pub(\([a-z]+\))? )?mod /, "", n)
			sub(/ *\{.*/, "", n)
			depth++
			name[depth] = n
			ind[depth] = indent
			next
		}
		depth && $0 == ind[depth] "}" { depth--; next }
		/^ *(pub(\([a-z]+\))? )?mod [A-Za-z0-9_]+;/ {
			n = $0
			sub(/^ *(pub(\([a-z]+\))? )?mod /, "", n)
			sub(/;.*/, "", n)
			m = path() n
			if (!exists(src "/" m ".rs") && !exists(src "/" m "/mod.rs"))
				dangling(FILENAME " declares module " m)
		}' "$lib" || status=1
done <"$tmp/rs"
exit $status
