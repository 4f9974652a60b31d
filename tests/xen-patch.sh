#!/bin/sh
# contrib/xen-tree/apply on a small stand-in for a Xen checkout (the
# Makefile lines the change attaches to, the CI files), with the real IDL:
# what it writes, that applying twice changes nothing and that a tree
# without those lines is refused untouched; then the make rule it adds
# (regenerate with xenidl, skip without, stop on a XENIDL that names no
# program, rerun only when the IDL changes, rewrite no unchanged header,
# before the tools read the headers) and automation/scripts/check-generated
# (up to date, an edited header, a header whose IDL file is gone, no
# xenidl). ci/xen-tree-check's patch step does the same in Xen's tree.
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}"
apply=$top_srcdir/contrib/xen-tree/apply
idl=$top_srcdir/idl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xen-patch.XXXXXX")
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT HUP INT TERM
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_status STATUS MESSAGE COMMAND...: the exit status, and MESSAGE in
# the output (standard output and error together).
expect_status() {
	want_rc=$1
	want=$2
	shift 2
	"$@" >"$tmp/out" 2>&1
	rc=$?
	[ "$rc" -eq "$want_rc" ] || { fail "'$*' exits $rc, not $want_rc"; cat "$tmp/out"; }
	[ -z "$want" ] || grep -qF -- "$want" "$tmp/out" || { fail "'$*' does not say: $want"; cat "$tmp/out"; }
}

# The stand-in: only what the change reads or edits, plus a hypervisor
# target and tools targets that show the order in which make runs them.
xen=$tmp/xen
mkdir -p "$xen/xen/include/public/io" "$xen/tools/include" "$xen/automation/gitlab-ci"
echo '/* hand-written */' >"$xen/xen/include/public/xen.h"
echo '/* hand-written, not described */' >"$xen/xen/include/public/io/ring.h"
cat >"$xen/xen/Makefile" <<'EOF'
export XEN_ROOT := $(CURDIR)/..
srctree := .
TARGET := xen-syms
all: $(TARGET)
.PHONY: outputmakefile asm-generic FORCE
outputmakefile asm-generic FORCE:

$(TARGET): outputmakefile asm-generic FORCE
	@echo "  LD      $@"
	@touch $@
EOF
printf '%s\n' 'all:' 'clean-files := compat config' >"$xen/xen/include/Makefile"
cat >"$xen/tools/include/Makefile" <<'EOF'
XEN_ROOT = $(CURDIR)/../..
all: xen-foreign xen-dir
.PHONY: xen-foreign xen-dir
xen-foreign xen-dir:
	@echo "  MAKE    $@"

.PHONY: clean
clean:
	rm -rf xen xen-xsm acpi
	rm -f _*.h
EOF
echo 'stages: [analyze]' >"$xen/automation/gitlab-ci/analyze.yaml"
echo '.container-build-tmpl: {}' >"$xen/automation/gitlab-ci/containers.yaml"
echo '*.o' >"$xen/.gitignore"
cp -R "$xen" "$tmp/pristine"

sums() {
	(cd "$1" && find . -type f | LC_ALL=C sort | xargs md5sum)
}

# --- apply -----------------------------------------------------------------

expect_status 2 "give one Xen tree" "$apply"
expect_status 2 "unknown option '--frob'" "$apply" --frob "$xen"
expect_status 2 "$tmp is not a Xen source tree" "$apply" "$tmp"
expect_status 2 "$tmp holds no .xidl file" "$apply" --idl "$tmp" "$xen"
expect_status 0 "Usage: contrib/xen-tree/apply [OPTION]... XEN_TREE" "$apply" --help

# A tree whose Makefile lacks the rule the change attaches to: refused,
# nothing written.
cp -R "$tmp/pristine" "$tmp/odd"
sed -i 's/^\$(TARGET): outputmakefile asm-generic FORCE$/$(TARGET): FORCE/' "$tmp/odd/xen/Makefile"
sums "$tmp/odd" >"$tmp/odd.before"
expect_status 1 "xen/Makefile: no line '\$(TARGET): outputmakefile asm-generic FORCE'" "$apply" --idl "$idl" "$tmp/odd"
sums "$tmp/odd" | diff -u "$tmp/odd.before" - || fail "a refused apply changed the tree"

expect_status 0 "edited xen/Makefile" "$apply" --idl "$idl" "$xen"
for f in xen/include/xenidl.mk automation/scripts/check-generated \
	automation/build/debian/12-x86_64-xenidl.dockerfile; do
	[ -f "$xen/$f" ] || fail "apply wrote no $f"
done
[ -x "$xen/automation/scripts/check-generated" ] || fail "check-generated is not executable"
diff -r "$idl" "$xen/xen/include/public/idl" >/dev/null || fail "xen/include/public/idl is not a copy of idl/"
grep -qxF '$(TARGET): outputmakefile asm-generic xenidl-public-headers FORCE' "$xen/xen/Makefile" ||
	fail "xen/Makefile: the hypervisor does not wait for the headers"
grep -qxF 'xen-foreign xen-dir: xenidl-public-headers' "$xen/tools/include/Makefile" ||
	fail "tools/include/Makefile: the tools do not wait for the headers"
grep -qx '	rm -f .xenidl.stamp .xenidl.stamp.d' "$xen/tools/include/Makefile" || fail "tools: clean keeps the stamp"
grep -qx 'clean-files := compat config .xenidl.stamp .xenidl.stamp.d' "$xen/xen/include/Makefile" ||
	fail "xen/include/Makefile: clean keeps the stamp"
grep -qx '^check-generated:' "$xen/automation/gitlab-ci/analyze.yaml" || fail "no check-generated job"
grep -qx '^container-debian-12-x86_64-xenidl:' "$xen/automation/gitlab-ci/containers.yaml" ||
	fail "no container for the job"
grep -qx 'xen/include/.xenidl.stamp\*' "$xen/.gitignore" || fail ".gitignore lacks the stamp"
[ "$(cat "$xen/xen/include/public/xen.h")" = '/* hand-written */' ] || fail "apply touched the headers"

sums "$xen" >"$tmp/applied"
expect_status 0 "already has the change; nothing to do" "$apply" --idl "$idl" "$xen"
sums "$xen" | diff -u "$tmp/applied" - || fail "applying twice changed the tree"

# --- the make rule -----------------------------------------------------------

pub=$xen/xen/include/public
# No xenidl: generation skipped, the committed header kept.
expect_status 0 "XENIDL  skipped: no xenidl (set XENIDL); using the committed public headers" \
	make -C "$xen/xen" XENIDL=
grep -q 'LD      xen-syms' "$tmp/out" || fail "without xenidl the hypervisor target did not run"
[ ! -e "$xen/xen/include/.xenidl.stamp" ] || fail "a stamp without xenidl"
[ "$(cat "$pub/xen.h")" = '/* hand-written */' ] || fail "the header changed without xenidl"
# PATH has no xenidl: the same.
PATH_NO_XENIDL=$(echo "$PATH" | tr ':' '\n' | while read -r d; do [ -x "$d/xenidl" ] || echo "$d"; done | paste -sd: -)
expect_status 0 "XENIDL  skipped" env -u XENIDL PATH="$PATH_NO_XENIDL" "$(command -v make)" -C "$xen/xen" xenidl-public-headers

# A XENIDL that names no program stops the build.
expect_status 2 "XENIDL=$tmp/none: no such program" make -C "$xen/xen" XENIDL="$tmp/none"
[ ! -e "$xen/xen/include/.xenidl.stamp" ] || fail "a stamp from a missing xenidl"

# With xenidl: every header regenerated, before the hypervisor target.
expect_status 0 "XENIDL  include/public" make -C "$xen/xen" XENIDL="$XENIDL"
[ "$(grep -n 'XENIDL  include/public\|LD      xen-syms' "$tmp/out" | cut -d: -f2- | paste -sd'|' -)" = \
	'  XENIDL  include/public|  LD      xen-syms' ] || { fail "xenidl did not run before the hypervisor build"; cat "$tmp/out"; }
mkdir "$tmp/fresh"
# shellcheck disable=SC2046 # IDL file names have no spaces
"$XENIDL" -I "$idl" --root "$idl" -l "c:$tmp/fresh" $(find "$idl" -name '*.xidl') >/dev/null
for h in $(cd "$tmp/fresh" && find . -name '*.h'); do
	cmp -s "$tmp/fresh/$h" "$pub/$h" || fail "the rule did not write ${h#./} as xenidl does"
done
# The depfile makes the stamp depend on the IDL and the headers.
grep -q "^include/.xenidl.stamp: [^ ]*/xen/include/public/" "$xen/xen/include/.xenidl.stamp.d" &&
	grep -q "^ *[^ ]*/xen/include/public/idl/xen.xidl" "$xen/xen/include/.xenidl.stamp.d" &&
	grep -q "^[^ ]*/xen/include/public/sched.h:\$" "$xen/xen/include/.xenidl.stamp.d" ||
	fail "the depfile does not make the stamp depend on the IDL and the headers"

# Up to date: xenidl does not run; an IDL file touched: it runs and
# rewrites nothing.
expect_status 0 "" make -C "$xen/xen" XENIDL="$XENIDL"
! grep -q 'XENIDL  include/public' "$tmp/out" || fail "xenidl ran with nothing changed"
before=$(cd "$pub" && find . -name '*.h' -exec stat -c '%Y %n' {} + | LC_ALL=C sort -k2)
sleep 1
touch "$pub/idl/event_channel.xidl"
expect_status 0 "XENIDL  include/public" make -C "$xen/xen" XENIDL="$XENIDL"
after=$(cd "$pub" && find . -name '*.h' -exec stat -c '%Y %n' {} + | LC_ALL=C sort -k2)
[ "$before" = "$after" ] || fail "touching an IDL file rewrote headers"

# The tools: regenerated (their own stamp) before tools/include links and
# reads the headers.
expect_status 0 "XENIDL  include/public" make -C "$xen/tools/include" XENIDL="$XENIDL"
[ "$(grep -n 'XENIDL\|MAKE ' "$tmp/out" | head -n 1 | cut -d: -f2-)" = '  XENIDL  include/public' ] ||
	{ fail "tools/include read the headers before they were regenerated"; cat "$tmp/out"; }
expect_status 0 "rm -f .xenidl.stamp .xenidl.stamp.d" make -C "$xen/tools/include" clean
[ ! -e "$xen/tools/include/.xenidl.stamp" ] || fail "tools clean left the stamp"

# --- automation/scripts/check-generated ----------------------------------------

check=$xen/automation/scripts/check-generated
# Every header of generated/include is generated in the tree too; one
# hand-written header is left.
ngen=$(cd "$top_srcdir/generated/include" && find . -name '*.h' | wc -l | tr -d ' ')
expect_status 0 "check-generated: $ngen of $((ngen + 1)) public headers generated, 1 hand-written" env XENIDL="$XENIDL" "$check"
echo '/* edited */' >>"$pub/sched.h"
expect_status 1 "+++ b/sched.h" env XENIDL="$XENIDL" "$check"
grep -q 'regenerate them: make -C xen xenidl-public-headers' "$tmp/out" || fail "check-generated says not how to fix it"
# With xenidl, the next build regenerates the edited header; a deleted
# one too.
expect_status 0 "XENIDL  include/public" make -C "$xen/xen" xenidl-public-headers XENIDL="$XENIDL"
expect_status 0 "" env XENIDL="$XENIDL" "$check"
rm "$pub/sched.h"
expect_status 0 "XENIDL  include/public" make -C "$xen/xen" xenidl-public-headers XENIDL="$XENIDL"
cmp -s "$tmp/fresh/sched.h" "$pub/sched.h" || fail "a deleted header was not regenerated"
# A header generated from an IDL file that is gone.
mv "$pub/idl/nmi.xidl" "$tmp/nmi.xidl"
expect_status 1 "xen/include/public/nmi.h: generated, but no IDL file generates it any more" env XENIDL="$XENIDL" "$check"
mv "$tmp/nmi.xidl" "$pub/idl/nmi.xidl"
# Every header generated or not.
expect_status 1 "  hand-written: io/ring.h" env XENIDL="$XENIDL" CHECK_GENERATED_ALL=y "$check"
expect_status 2 "check-generated: no xenidl (XENIDL=$tmp/none): install it or set XENIDL" env XENIDL="$tmp/none" "$check"

[ $failures -eq 0 ] || exit 1
echo "PASS: apply, the make rule and check-generated"
