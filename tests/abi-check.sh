#!/bin/sh
# ci/abi-check against a scratch git repository: the default base (the
# merge base with main), an explicit base, uncommitted changes, a base
# without IDL, and a base that does not exist. Then the whole of idl/,
# unchanged and with changes that change no ABI, never reports a break,
# with and without -I; and -I naming the working tree's idl/ does not
# give the old side the new side's imports.
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}"
if ! command -v git >/dev/null 2>&1; then
	echo "SKIP: git is not installed"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-abi-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
check=$top_srcdir/ci/abi-check
fail=0

# Fixed identities and dates: the same commits (and hashes) every run.
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.org GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' \
	GIT_COMMITTER_DATE='2024-01-01T00:00:00Z' GIT_CONFIG_NOSYSTEM=1 HOME=$tmp
unset XENIDL_MAIN_BRANCH XENIDL_IDL_DIR ABIDIFF_FLAGS GIT_DIR GIT_WORK_TREE

expect() { # expect NAME STATUS EXPECTED-OUTPUT-FILE [ARGS...]
	name=$1 want=$2 file=$3
	shift 3
	(cd "$tmp/repo" && "$check" "$@") >"$tmp/out" 2>&1
	status=$?
	# Commit hashes depend on the git version's object format: name them.
	for ref in main feature; do
		h=$(git -C "$tmp/repo" rev-parse --short "$ref" 2>/dev/null) || continue
		sed "s/$h/<$ref>/g" "$tmp/out" >"$tmp/out2" && mv "$tmp/out2" "$tmp/out"
	done
	if [ "$status" -ne "$want" ]; then
		echo "FAIL: $name: exit status $status, expected $want"
		cat "$tmp/out"
		fail=1
	elif ! diff -u "$file" "$tmp/out"; then
		echo "FAIL: $name: output differs"
		fail=1
	fi
}

mkdir "$tmp/repo"
cd "$tmp/repo" || exit 1
git init -q . && git symbolic-ref HEAD refs/heads/main || exit 1
echo "A scratch tree." >README
git add README && git commit -q -m "no IDL yet"
mkdir idl
cat >idl/op.xidl <<'XIDL'
struct op {
    @in cmd: u32;
    @reserved pad: u32;
}
XIDL
git add idl && git commit -q -m "op" && git checkout -q -b feature

# A compatible change, not committed yet: exit 0.
sed -i 's/@reserved pad: u32;/@in flags: u32;/' idl/op.xidl
cat >"$tmp/want" <<'OUT'
ci/abi-check: idl/ at the merge base with main (<main>) -> working tree
idl/op.xidl:3:9: compatible: struct op: reserved member 'pad' becomes 'flags'
abi-diff: 0 breaking, 0 accepted by a version bump, 0 API-only, 1 compatible
OUT
expect "compatible change" 0 "$tmp/want"

# A breaking change, committed on the branch: exit 4, located in idl/.
git commit -q -a -m "flags"
sed -i 's/@in cmd: u32;/@in cmd: u16;\n    @in sub: u16;/' idl/op.xidl
git commit -q -a -m "split cmd"
cat >"$tmp/want" <<'OUT'
ci/abi-check: idl/ at the merge base with main (<main>) -> working tree
idl/op.xidl:2:9: breaking: struct op: type of member 'cmd' changed from u32 to u16
idl/op.xidl:2:9: note: struct op: member 'cmd': size 4 -> 2, alignment 4 -> 2
idl/op.xidl:3:9: breaking: struct op: new member 'sub' at bytes 2..3, which were not reserved
idl/op.xidl:4:9: compatible: struct op: reserved member 'pad' becomes 'flags'
abi-diff: 2 breaking, 0 accepted by a version bump, 0 API-only, 1 compatible
OUT
expect "breaking change" 4 "$tmp/want"

# Against the branch's own head: nothing to report.
cat >"$tmp/want" <<'OUT'
ci/abi-check: idl/ at feature (<feature>) -> working tree
abi-diff: no differences
OUT
expect "explicit base" 0 "$tmp/want" feature

# A removal, against an explicit base, located at the base revision.
sed -i '/@in flags: u32;/d' idl/op.xidl
sed -i 's/struct op {/struct op {\n    @reserved pad: u32;/' idl/op.xidl
cat >"$tmp/want" <<'OUT'
ci/abi-check: idl/ at feature (<feature>) -> working tree
<feature>:idl/op.xidl:4:9: breaking: struct op: member 'flags' removed
idl/op.xidl:2:15: breaking: struct op: new member 'pad' at bytes 0..3, which were not reserved
idl/op.xidl:3:9: note: struct op: member 'cmd': offset 0 -> 4
idl/op.xidl:4:9: note: struct op: member 'sub': offset 2 -> 6
abi-diff: 2 breaking, 0 accepted by a version bump, 0 API-only, 0 compatible
OUT
expect "removal" 4 "$tmp/want" feature
git reset -q --hard

# A base from before the IDL existed: nothing to compare.
first=$(git rev-list --max-parents=0 HEAD)
cat >"$tmp/want" <<OUT
ci/abi-check: $first ($(git rev-parse --short "$first")) has no idl/: nothing to compare
OUT
expect "base without IDL" 0 "$tmp/want" "$first"

# A base that does not exist.
cat >"$tmp/want" <<'OUT'
ci/abi-check: unknown revision 'no-such-branch'
OUT
expect "unknown base" 2 "$tmp/want" no-such-branch

# The real idl/, unchanged: nothing to report, with or without -I. One
# more file imports xen.xidl from a subdirectory by its name alone, which
# only the import root (or -I) finds.
git checkout -q main
rm -rf idl
cp -R "$top_srcdir/idl" idl
mkdir idl/extra
printf 'import "xen.xidl";\nstruct abi_check_user { d: domid_t; @reserved pad: u16; }\n' \
	>idl/extra/user.xidl
git add -A idl && git commit -q -m "the corpus" && git checkout -q -b corpus
cat >"$tmp/want" <<'OUT'
ci/abi-check: idl/ at the merge base with main (<main>) -> working tree
abi-diff: no differences
OUT
expect "unchanged corpus" 0 "$tmp/want"
ABIDIFF_FLAGS="-I idl" expect "unchanged corpus, -I idl" 0 "$tmp/want"

# Changes that change no ABI: a comment, blank lines, the file order.
for f in idl/xen.xidl idl/hvm/params.xidl idl/arch-x86/xen.xidl; do
	{ echo "// A comment."; echo; cat "$f"; } >"$tmp/f" && mv "$tmp/f" "$f"
done
git commit -q -a -m "comments"
expect "comments only" 0 "$tmp/want"
ABIDIFF_FLAGS="-I idl" expect "comments only, -I idl" 0 "$tmp/want"

# A change in a file that others import from a subdirectory, with -I
# naming the working tree's idl/: the old side still imports its own.
sed -i 's/^type domid_t = u16;/type domid_t = u16;\ntype abi_check_t = u32;/' idl/xen.xidl
line=$(grep -n '^type abi_check_t' idl/xen.xidl | cut -d: -f1)
cat >"$tmp/want" <<OUT
ci/abi-check: idl/ at the merge base with main (<main>) -> working tree
idl/xen.xidl:$line:6: compatible: alias abi_check_t: new alias
abi-diff: 0 breaking, 0 accepted by a version bump, 0 API-only, 1 compatible
OUT
ABIDIFF_FLAGS="-I idl" expect "new alias, -I idl" 0 "$tmp/want"
git checkout -q -- idl
exit $fail
