#!/bin/sh
# The shape of generator/: its folders follow the pipeline, and nothing
# depends on what comes after it (doc/internals.md has the map).
#
#   1. Every folder of generator/ is in LAYERS below, and every folder
#      there exists. A file name (without its extension) is in one folder
#      only: headers are included by name, along one -I per folder.
#   2. Folders: a file may use its own folder and the folders of earlier
#      lines of LAYERS, never a later line, nor another folder of its own
#      line. "Use" is an #include of a header, or a call to (a reference
#      of) a symbol another object of the library defines.
#   3. Files: no cycle. Object A uses object B when it refers to a symbol
#      B defines; each cycle is listed with the symbols that make it.
#      Headers are not part of it (a header shared by a group of files
#      declares what they define), but no header may include itself
#      through others.
#   4. A global function or variable is declared in a header of the folder
#      that defines it (no header declares what a later folder defines).
#   5. Every global symbol of the library and of main.o starts with xi_
#      (main excepted): names of other prefixes are file-local (static).
#
# Parts 2 to 5 read the objects of the build (nm), so this runs after
# `make`, from the test suite (top_srcdir, top_builddir) or by hand:
#   top_srcdir=. top_builddir=build sh tests/layering.sh
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
src=$top_srcdir/generator

# One line per layer, in pipeline order; folders on one line are peers,
# which may not use each other. This is the one place the order is given.
LAYERS='
util
ir
front
front/xidl front/spec
sema
back
back/templates
back/model
back/c back/marshal back/rust back/manifest back/md
api
cmd/abidiff cmd/convert cmd/layout cmd/xbg
cli
'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-layering.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
LC_ALL=C
export LC_ALL

# Layers: "folder rank", with the generator's own directory as ".".
echo "$LAYERS" | awk 'NF { r++; for (i = 1; i <= NF; i++) print $i, r }' >"$tmp/layers"

# Sources: "module folder file" for every source file, where the module is
# the file name without its extension (lexer.l and lexer.c are one).
# The texts of back/templates are output, not code: only templates.h,
# which declares the strings the build makes of them, is the generator's.
(cd "$src" && find . -type f \( -name '*.c' -o -name '*.h' -o -name '*.l' -o -name '*.y' \) \
	! -name '*.am' ! \( -path './back/templates/*' ! -name templates.h \) |
	sed 's|^\./||' | sort) |
	awk '{ n = split($0, p, "/"); f = p[n]; m = f; sub(/\.[^.]*$/, "", m);
	       d = n > 1 ? substr($0, 1, length($0) - length(f) - 1) : ".";
	       print m, d, $0 }' >"$tmp/files"

# Includes: "file header", for #include "..." lines.
while read -r _ _ f; do
	sed -n 's/^[ 	]*#[ 	]*include[ 	]*"\([^"]*\)".*/\1/p' "$src/$f" |
		while read -r h; do echo "$f $h"; done
done <"$tmp/files" >"$tmp/includes"

# Symbols: "object kind name" of the object of every source file (the
# library's and the program's), kind D (defined, global) or U (undefined).
# Objects are named by module.
while read -r m d f; do
	case $f in *.h) continue ;; esac
	o=$top_builddir/generator/$d/$m.o
	[ "$d" = "." ] && o=$top_builddir/generator/$m.o
	if [ ! -f "$o" ]; then
		echo "FAIL: $o is not built"
		exit 1
	fi
	nm -P "$o" | awk -v obj="$m" '{
		if ($2 == "U") print obj, "U", $1
		else if ($2 ~ /^[TDBRCGSVW]$/) print obj, "D", $1
	}'
done <"$tmp/files" >"$tmp/symbols"

# Declarations in headers: "header name", for every unindented line of a
# header outside comments that names a function ("name(") or a variable
# ("extern ... name[...]" or "extern ... name;").
while read -r _ d f; do
	case $f in *.h) ;; *) continue ;; esac
	awk -v hdr="$f" '
	/\/\*/ { if ($0 !~ /\*\//) incomment = 1; next }
	incomment { if ($0 ~ /\*\//) incomment = 0; next }
	/^[ 	#}]/ || /^typedef/ || /^struct [A-Za-z_0-9]* *\{/ || /^(enum|union) / { next }
	{
		line = $0
		if (match(line, /[A-Za-z_][A-Za-z_0-9]*\(/)) {
			print hdr, substr(line, RSTART, RLENGTH - 1)
		} else if (line ~ /^extern/ && match(line, /[A-Za-z_][A-Za-z_0-9]*[ \t]*(\[[^]]*\])*[ \t]*;/)) {
			name = substr(line, RSTART, RLENGTH)
			sub(/[ \t\[;].*/, "", name)
			print hdr, name
		}
	}' "$src/$f"
done <"$tmp/files" >"$tmp/decls"

awk -v layers="$tmp/layers" -v files="$tmp/files" -v includes="$tmp/includes" \
    -v symbols="$tmp/symbols" -v decls="$tmp/decls" '
function fail(msg) { print "FAIL: " msg; failures++ }
function folder_ok(from, to) {
	return from == to || rank[to] < rank[from]
}
# Graphs: g "o" (objects, by symbols) and "h" (headers, by includes).
function add_use(g, a, b, why) {
	if (a == b) return
	if (!((g, a, b) in use)) { use[g, a, b] = why; nsucc[g, a]++; succ[g, a, nsucc[g, a]] = b; node[g, a] = 1; node[g, b] = 1 }
	else if (length(use[g, a, b]) < 160) use[g, a, b] = use[g, a, b] ", " why
}
# Tarjan: strongly connected components of more than one node.
function visit(g, v,    i, j, w, comp, n) {
	index_[g, v] = low[g, v] = ++counter
	stack[++sp] = v; onstack[g, v] = 1
	for (i = 1; i <= nsucc[g, v]; i++) {
		w = succ[g, v, i]
		if (!((g, w) in index_)) { visit(g, w); if (low[g, w] < low[g, v]) low[g, v] = low[g, w] }
		else if (onstack[g, w] && index_[g, w] < low[g, v]) low[g, v] = index_[g, w]
	}
	if (low[g, v] == index_[g, v]) {
		n = 0
		do { w = stack[sp--]; onstack[g, w] = 0; member[++n] = w } while (w != v)
		if (n > 1) {
			ncycles++
			comp = ""
			for (i = n; i >= 1; i--) { comp = comp (i < n ? " " : "") member[i]; incycle[member[i]] = g ncycles }
			fail((g == "o" ? "file cycle: " : "header cycle: ") comp)
			for (i = n; i >= 1; i--)
				for (j = 1; j <= nsucc[g, member[i]]; j++)
					if (incycle[succ[g, member[i], j]] == g ncycles)
						print "    " member[i] " -> " succ[g, member[i], j] ": " use[g, member[i], succ[g, member[i], j]]
		}
	}
}
BEGIN {
	while ((getline < layers) > 0) { rank[$1] = $2; layer[$1] = 1 }
	while ((getline < files) > 0) {
		# Headers are included by name along one -I per folder: a name
		# is in one folder only, its .c beside its .h.
		if (($1 in dir_of_mod) && dir_of_mod[$1] != $2)
			fail("generator/" $3 " and the files of generator/" dir_of_mod[$1] " share the name " $1)
		mod_of[$3] = $1; dir_of_mod[$1] = $2; dir_of_file[$3] = $2
		if ($3 !~ /\.h$/) obj_dir[$1] = $2
		n = split($3, p, "/"); base[p[n]] = $3
		if (!($2 in layer) && !(($2) in seen_dir)) { seen_dir[$2] = 1; fail("folder generator/" $2 " is not in LAYERS (tests/layering.sh)") }
		has_dir[$2] = 1
	}
	for (d in layer) if (!(d in has_dir)) fail("folder generator/" d " of LAYERS has no source files")

	# Part 2, includes; and the header graph.
	while ((getline < includes) > 0) {
		f = $1; h = $2
		if (h in base)
			td = dir_of_file[base[h]]
		else {
			# Headers bison and flex write: named after their source.
			g = h; sub(/\.h$/, "", g)
			if (!(g in dir_of_mod)) continue   # config.h, system headers
			td = dir_of_mod[g]
		}
		fd = dir_of_file[f]
		if (!folder_ok(fd, td))
			fail("generator/" f " includes " h " of generator/" td ", a later or peer folder than " fd)
		if (f ~ /\.h$/ && (h in base)) { n = split(f, p, "/"); add_use("h", p[n], h, "#include") }
	}

	# Symbols: part 2 again, and part 3.
	while ((getline < symbols) > 0) {
		if ($2 == "D") def[$3] = $1
		else { nuses++; uobj[nuses] = $1; usym[nuses] = $3 }
	}
	for (i = 1; i <= nuses; i++) {
		s = usym[i]; a = uobj[i]
		if (!(s in def)) continue
		b = def[s]
		if (a == b) continue
		fd = obj_dir[a]; td = obj_dir[b]
		if (!folder_ok(fd, td) && !((a, b) in reported)) {
			reported[a, b] = 1
			fail(a " (generator/" fd ") uses " s " of " b " (generator/" td "), a later or peer folder")
		}
		add_use("o", a, b, s)
	}

	# Part 4: declarations next to definitions.
	while ((getline < decls) > 0) {
		h = $1; s = $2
		if (!(s in def)) continue
		hd = dir_of_file[h]; dd = obj_dir[def[s]]
		if (hd != dd)
			fail(s " is declared in generator/" h " but defined in " def[s] " (generator/" dd ")")
	}

	# Part 5: prefixes.
	for (s in def) {
		if (s == "main" || s ~ /^xi_/ || s ~ /^__/) continue
		bad[def[s]] = bad[def[s]] " " s
	}
	for (o in bad) fail("global symbols of " o " without the xi_ prefix:" bad[o])

	for (k in node) { split(k, p, SUBSEP); if (!((p[1], p[2]) in index_)) visit(p[1], p[2]) }

	if (failures) { printf "%d problem(s), %d cycle(s)\n", failures, ncycles; exit 1 }
	print "layering: folders in pipeline order, no cycles, every global symbol xi_"
}'
