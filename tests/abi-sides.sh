#!/bin/sh
# abi-diff's sides cover the same declarations whatever form they come in:
# an IDL side covers the files it names (not what they import), as the
# manifests written for those files do; a directory covers its files.
# Every form of idl/ compared with the committed manifests of
# generated/abi, in both directions, finds nothing: one file at a time
# (with -I and, where imports resolve without it, without), several files,
# the directories (with and without --abi), and the same IDL converted to
# YAML; TOML and YAML specs
# against their own manifests; and a file that imports through -I.
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-abi-sides.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$top_srcdir" || exit 1
fail=0
runs=0

# same OLD-AND-NEW-ARGS...: abi-diff finds no difference and exits 0.
same() {
	runs=$((runs + 1))
	out=$("$XENIDL" abi-diff "$@" 2>&1)
	status=$?
	if [ "$status" -ne 0 ] || [ "$out" != "abi-diff: no differences" ]; then
		echo "FAIL: abi-diff $* (status $status):"
		printf '%s\n' "$out" | head -5
		fail=1
	fi
}

# Each file of idl/ against its manifest, both ways.
files=$(find idl -name '*.xidl' | LC_ALL=C sort)
for f in $files; do
	rel=${f#idl/}
	abi=generated/abi/${rel%.xidl}.abi
	same -I idl "$f" "$abi"
	same -I idl "$abi" "$f"
done
# Without -I, where every import is found next to the importer (the
# files at the top of idl/ and their arch-* imports).
for f in idl/*.xidl; do
	rel=${f#idl/}
	same "$f" "generated/abi/${rel%.xidl}.abi"
done

# Several files on each side, and the directories.
same -I idl --old idl/domctl.xidl --old idl/xen.xidl \
	--new generated/abi/domctl.abi --new generated/abi/xen.abi
same -I idl --old generated/abi/hvm/params.abi --old generated/abi/memory.abi \
	--new idl/memory.xidl --new idl/hvm/params.xidl
same idl generated/abi
same generated/abi idl
same -I idl idl generated/abi

# With --abi, both sides cover those ABIs: the manifests of every ABI are
# cut to them, as the IDL side is laid out on them only; the files of the
# families left out that a directory holds are left out without a word.
for abi in x86_32 x86_64 arm32 arm64 riscv64 ppc64le; do
	same --abi "$abi" generated/abi idl
	same --abi "$abi" idl generated/abi
	same --abi "$abi" -I idl idl/domctl.xidl generated/abi/domctl.abi
	same --abi "$abi" -I idl generated/abi/domctl.abi idl/domctl.xidl
done
same --abi x86_32,arm64 generated/abi idl
same --abi x86_32,arm64 idl generated/abi
# A file named of a family left out is skipped with a warning, a manifest
# as an IDL file.
runs=$((runs + 1))
"$XENIDL" abi-diff --abi x86_64 -I idl generated/abi/arch-arm.abi idl/arch-arm.xidl \
	>"$tmp/out" 2>"$tmp/err"
status=$?
cat >"$tmp/want-err" <<'EOF'
generated/abi/arch-arm.abi: warning: skipped: the file is for the arm family (arm32, arm64), which --abi leaves out
idl/arch-arm.xidl: warning: skipped: the file is for the arm family (arm32, arm64), which --abi leaves out
EOF
if [ "$status" -ne 0 ] || [ "$(cat "$tmp/out")" != "abi-diff: no differences" ] ||
	! cmp -s "$tmp/err" "$tmp/want-err"; then
	echo "FAIL: abi-diff --abi x86_64 of arm files named (status $status):"
	cat "$tmp/out" "$tmp/err" | head -8
	fail=1
fi

# The same IDL in YAML: file by file and as a directory.
# shellcheck disable=SC2086 # the file list is meant to split
if ! "$XENIDL" convert --to yaml -o "$tmp/yaml" $files 2>"$tmp/err"; then
	echo "FAIL: could not convert idl/ to YAML"
	cat "$tmp/err"
	exit 1
fi
for f in "$tmp"/yaml/*.yaml "$tmp"/yaml/hvm/params.yaml; do
	rel=${f#"$tmp"/yaml/}
	same -I "$tmp/yaml" "$f" "generated/abi/${rel%.yaml}.abi"
	same -I "$tmp/yaml" "generated/abi/${rel%.yaml}.abi" "$f"
done
same "$tmp/yaml" generated/abi
same generated/abi "$tmp/yaml"

# TOML and YAML specs that import another: the manifests of the file
# named, and of a directory of TOML.
spec=tests/data/spec
for f in forms.toml forms.yaml; do
	if ! "$XENIDL" -l manifest -o "$tmp/spec-$f" "$spec/$f"; then
		echo "FAIL: could not write the manifest of $spec/$f"
		exit 1
	fi
	same "$spec/$f" "$tmp/spec-$f/forms.abi"
	same "$tmp/spec-$f/forms.abi" "$spec/$f"
done
mkdir "$tmp/toml"
cp "$spec/forms.toml" "$spec/common.toml" "$tmp/toml/"
"$XENIDL" -l manifest -o "$tmp/toml-abi" "$tmp/toml/forms.toml" "$tmp/toml/common.toml" || exit 1
same "$tmp/toml" "$tmp/toml-abi"
same "$tmp/toml-abi" "$tmp/toml"

# The reproducer of issue 11: an import found through -I.
mkdir "$tmp/r" "$tmp/r/inc" "$tmp/r/src"
echo 'type domid_t = u16;' >"$tmp/r/inc/base.xidl"
printf 'import "base.xidl";\nstruct s { d: domid_t; @reserved pad: u16; }\n' >"$tmp/r/a.xidl"
cd "$tmp/r" || exit 1
"$XENIDL" -I inc -l manifest -o m a.xidl || exit 1
same -I inc a.xidl m/a.abi
same -I inc m/a.abi a.xidl
# A directory with the file, against the directory of its manifest.
cp a.xidl src/
same -I inc src m
same -I inc m src
echo "$runs comparisons"
exit $fail
