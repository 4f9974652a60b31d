#!/bin/sh
# The arena aligns to XI_ARENA_ALIGN (8), which is all the IR needs; a type
# that needs more is refused at compile time by XI_NEW and XI_NEW_ARRAY,
# instead of getting misaligned memory at run time.
set -u
: "${top_srcdir:?}"
cc=${CC:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-arena-align.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
fail=0

# compile NAME TYPE: compile a use of XI_NEW and XI_NEW_ARRAY of TYPE.
compile() {
	cat >"$tmp/$1.c" <<EOC
#include <stdint.h>
#include "arena.h"
struct over { _Alignas(16) char c; };
struct fits { uint64_t u; void *p; };
void *one(struct xi_arena *a);
void *many(struct xi_arena *a);
void *one(struct xi_arena *a) { return XI_NEW(a, $2); }
void *many(struct xi_arena *a) { return XI_NEW_ARRAY(a, $2, 3); }
EOC
	$cc -std=c11 -Wall -Wextra -Werror -I"$top_srcdir/generator/util" -c "$tmp/$1.c" \
		-o "$tmp/$1.o" 2>"$tmp/$1.err"
}

for type in uint64_t "struct fits" "void *" double; do
	compile fits "$type" || { echo "FAIL: XI_NEW refuses $type:"; sed 's/^/    /' "$tmp/fits.err"; fail=1; }
done
if compile over "struct over"; then
	echo "FAIL: XI_NEW takes a 16-aligned type"
	fail=1
elif ! grep -q "cannot live in an arena" "$tmp/over.err"; then
	echo "FAIL: a 16-aligned type is refused without the arena's message:"
	sed 's/^/    /' "$tmp/over.err"
	fail=1
fi
[ "$fail" -eq 0 ] && echo "arena-align: 5 passed"
exit $fail
