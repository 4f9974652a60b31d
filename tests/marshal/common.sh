# Shared by the tests/marshal/*.sh tests (sourced, not run).

# The example corpus: the files and where they are.
marshal_examples() {
	cd "$top_srcdir/tests/data/examples" || exit 1
	"$top_srcdir/tests/marshal/run-marshal-tests" \
		xen.xidl event_channel.xidl domctl.xidl sysctl.xidl \
		arch-x86/domainconfig.xidl arch-arm/domainconfig.xidl \
		arch-ppc/domainconfig.xidl arch-riscv/domainconfig.xidl
}

# Skip (77) unless compiler $1 builds and runs a program with flags $2...
marshal_need_flags() {
	cc=$1
	shift
	dir=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-probe.XXXXXX")
	printf 'int main(void) { return 0; }\n' > "$dir/probe.c"
	if ! $cc "$@" "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1 || ! "$dir/probe"; then
		rm -rf "$dir"
		echo "SKIP: $cc cannot build and run programs with $*"
		exit 77
	fi
	rm -rf "$dir"
}

# $sanitize: ASan+UBSan flags if compiler $1 supports them, else empty.
marshal_sanitizers() {
	flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	dir=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-probe.XXXXXX")
	printf 'int main(void) { return 0; }\n' > "$dir/probe.c"
	sanitize=""
	# shellcheck disable=SC2086
	if $1 $flags "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1 && "$dir/probe"; then
		sanitize=$flags
	fi
	rm -rf "$dir"
}
