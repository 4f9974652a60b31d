#!/bin/sh
# Each command takes its own options, as its --help lists them:
#   - every option of every other command is refused, with exit status 2
#     and a message naming it and the commands that take it (the cross
#     product of commands and options, made from the --help texts);
#   - every option a command lists is taken, and the run succeeds;
#   - doc/xenidl.1 documents every option, and --help the exit statuses.
set -u
: "${XENIDL:?}" "${top_srcdir:?}"
examples=$top_srcdir/tests/data/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-cli-options.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failures=0
checks=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

commands="generation -i layout abi-diff convert"

# help COMMAND: its --help.
help() {
	case $1 in
	generation | -i) "$XENIDL" --help ;;
	*) "$XENIDL" "$1" --help ;;
	esac
}

# options COMMAND: the options its --help lists, one a line, each as
# "NAME ARG" (ARG is "-" for an option without an argument). Generation's
# are under "Options:" of xenidl --help, xenbindgen mode's under
# "Options with -i".
options() {
	case $1 in
	-i) section='^Options with -i' ;;
	*) section='^Options:' ;;
	esac
	help "$1" | awk -v section="$section" '
		$0 ~ section { on = 1; next }
		/^$/ { on = 0 }
		on && /^(  -|      --)/ {
			line = $0
			sub(/^ +/, "", line)
			sub(/  .*/, "", line)
			n = split(line, w, /,? /)
			arg = "-"
			for (i = 1; i <= n; i++)
				if (w[i] !~ /^-/)
					arg = w[i]
			for (i = 1; i <= n; i++)
				if (w[i] ~ /^-/)
					print w[i], arg
		}'
}

for k in $commands; do
	options "$k" >"$tmp/options.$k"
	checks=$((checks + 1))
	[ -s "$tmp/options.$k" ] || fail "no options found in the --help of $k"
done

# takes COMMAND OPTION: whether the command lists the option.
takes() {
	grep -q -- "^$2 " "$tmp/options.$1"
}

# takers COMMAND OPTION: the other commands that take the option, as the
# message lists them ("a", "a and b", "a, b and c").
takers() {
	list=
	for k in $commands; do
		[ "$k" = "$1" ] && continue
		# Generation is read together with -i: an option of neither is
		# refused before -i is known.
		[ "$1" = generation ] && [ "$k" = -i ] && continue
		[ "$1" = -i ] && [ "$k" = generation ] && ! takes generation "$2" && continue
		takes "$k" "$2" && list="$list $k"
	done
	echo "$list" | awk '{
		s = $1
		for (i = 2; i <= NF; i++)
			s = s (i == NF ? " and " : ", ") $i
		print s }'
}

# An argument that works for each option taking one.
value() {
	case $1 in
	-l | --lang) echo c ;;
	-o | --output | --outdir) echo "$2" ;;
	-I | --root) echo . ;;
	--abi) echo x86_64 ;;
	--crate-name) echo xen-abi ;;
	-M) echo "$tmp/deps.d" ;;
	--to) echo xidl ;;
	--old | --new) echo xen.xidl ;;
	--old-label | --new-label) echo label ;;
	-i | --indir) echo specs ;;
	*) echo "?" ;;
	esac
}

# command_line COMMAND OPTION ARG: a command line of COMMAND with OPTION
# (and a valid argument: some are checked as they are read).
command_line() {
	opt=$2
	[ "$3" != - ] && [ "$2" != -Werror ] && opt="$2 $(value "$2" out)"
	case $1 in
	generation) echo "$opt xen.xidl" ;;
	-i) echo "-i dir $opt" ;;
	*) echo "$1 $opt xen.xidl" ;;
	esac
}

# --- options of other commands are refused ------------------------------------
cd "$examples" || exit 1
cat "$tmp"/options.* | sort -u -k1,1 >"$tmp/all"
for k in $commands; do
	while read -r opt arg; do
		takes "$k" "$opt" && continue
		# -i's own options make a command line of generation one of -i.
		[ "$k" = generation ] && takes -i "$opt" && continue
		# -i is read with generation's options: -i's own ones are
		# refused only once -i is known, which the message says.
		where=here
		[ "$k" = -i ] && takes generation "$opt" && where="with -i"
		prefix=
		helpcmd=
		case $k in generation | -i) ;; *) prefix="$k: " helpcmd=" $k" ;; esac
		# shellcheck disable=SC2046 # the command line is meant to split
		"$XENIDL" $(command_line "$k" "$opt" "$arg") </dev/null >/dev/null 2>"$tmp/stderr"
		status=$?
		checks=$((checks + 1))
		[ "$status" -eq 2 ] || fail "$k $opt: exit status $status, expected 2"
		printf "xenidl: %soption '%s' does not apply %s (only to %s)\nTry 'xenidl%s --help' for more information.\n" \
			"$prefix" "$opt" "$where" "$(takers "$k" "$opt")" "$helpcmd" >"$tmp/expected"
		checks=$((checks + 1))
		diff -u "$tmp/expected" "$tmp/stderr" >"$tmp/diff" || {
			fail "$k $opt: wrong message"
			cat "$tmp/diff"
		}
	done <"$tmp/all"
done

# --- every option listed is taken ---------------------------------------------
# run COMMAND OPTION ARG: run the command with the option, from a state
# where it succeeds, and print its exit status.
out=$tmp/out
work=$tmp/work
mkdir -p "$work"
cp -R "$examples"/. "$work/"
cp -R "$top_srcdir/tests/data/xenbindgen/basic" "$work/specs"
cd "$work" || exit 1
"$XENIDL" -o "$out/gen" xen.xidl event_channel.xidl || fail "generation"
"$XENIDL" -i specs -o "$out/xbg" -l c || fail "xenbindgen mode"
"$XENIDL" convert --to xidl -o "$out/conv" xen.xidl || fail "convert"

for k in $commands; do
	while read -r opt arg; do
		case $opt in -V | --version | -h | --help) continue ;; esac
		with=$opt
		if [ "$arg" != - ]; then
			case $opt in
			-Werror) ;;
			*) with="$opt $(value "$opt" "$out/$k")" ;;
			esac
		fi
		case $k in
		generation) set -- -o "$out/gen" $with xen.xidl event_channel.xidl ;;
		-i)
			case $opt in
			-l | --lang) set -- -i specs -o "$out/xbg" $with ;;
			*) set -- -i specs -o "$out/xbg" -l c $with ;;
			esac
			;;
		layout)
			case $opt in
			--all) set -- layout --all event_channel.xidl ;;
			*) set -- layout $with evtchn_status event_channel.xidl ;;
			esac
			;;
		abi-diff)
			case $opt in
			--old | --new) set -- abi-diff --old xen.xidl --new xen.xidl ;;
			*) set -- abi-diff $with xen.xidl xen.xidl ;;
			esac
			;;
		convert) set -- convert --to xidl -o "$out/conv" $with xen.xidl ;;
		esac
		"$XENIDL" "$@" </dev/null >/dev/null 2>"$tmp/stderr"
		status=$?
		checks=$((checks + 1))
		[ "$status" -eq 0 ] || {
			fail "xenidl $*: exit status $status, expected 0"
			head -3 "$tmp/stderr"
		}
	done <"$tmp/options.$k"
done

# Help and version.
for k in $commands; do
	help "$k" >"$tmp/help" 2>&1
	checks=$((checks + 1))
	grep -q "^Usage: xenidl" "$tmp/help" || fail "$k --help has no usage line"
	checks=$((checks + 1))
	grep -q "^Exit status: 0 " "$tmp/help" || fail "$k --help gives no exit statuses"
done
checks=$((checks + 1))
"$XENIDL" --help | grep -q "4 a breaking change (abi-diff)" || fail "--help does not list exit status 4"
checks=$((checks + 1))
"$XENIDL" abi-diff --help | grep -q "^4 breaking changes" || fail "abi-diff --help does not list exit status 4"

# --- usage errors of the options' values ---------------------------------------
# expect_error STATUS MESSAGE -- COMMAND...: the first line of stderr.
expect_error() {
	want=$1 msg=$2
	shift 3
	"$XENIDL" "$@" </dev/null >/dev/null 2>"$tmp/stderr"
	status=$?
	checks=$((checks + 1))
	[ "$status" -eq "$want" ] || fail "xenidl $*: exit status $status, expected $want"
	checks=$((checks + 1))
	[ "$(head -1 "$tmp/stderr")" = "$msg" ] || {
		fail "xenidl $*: wrong message"
		echo "    expected: $msg"
		echo "    got:      $(head -1 "$tmp/stderr")"
	}
}
expect_error 2 "xenidl: unknown output language 'cobol' (expected c, c-checks, manifest, md, rust, marshal or marshal-test)" \
	-- -l cobol xen.xidl
expect_error 2 "xenidl: -i needs one -l, c or rust" -- -i specs -o "$out/xbg" -l md
expect_error 2 "xenidl: unknown option '--frobnicate'" -- --frobnicate xen.xidl
expect_error 2 "xenidl: convert: unknown option '--frobnicate'" -- convert --frobnicate xen.xidl
expect_error 2 "xenidl: option '--output' needs an argument" -- --output
expect_error 2 "xenidl: layout: option '--abi' needs an argument" -- layout --abi
expect_error 2 "xenidl: option '--packed' takes no argument" -- --packed=yes xen.xidl
expect_error 2 "xenidl: unknown warning option '-Wall'" -- -Wall xen.xidl
expect_error 2 "xenidl: abi-diff: unknown ABI 'mips' (expected x86_32, x86_64, arm32, arm64, riscv64 or ppc64le)" \
	-- abi-diff --abi x86_64,mips xen.xidl xen.xidl
expect_error 2 "xenidl: layout: needs a type name (or --all) and input files" -- layout xen.xidl
expect_error 2 "xenidl: convert: needs --to xidl or --to yaml" -- convert xen.xidl
# An abbreviation is named in full; several options, the first refused.
expect_error 2 "xenidl: convert: option '--packed' does not apply here (only to generation)" \
	-- convert --to xidl --pack --crate-name foo -l rust -M d.d -o - xen.xidl
expect_error 2 "xenidl: option '--packed' does not apply with -i (only to generation)" \
	-- -i specs -o "$out/xbg" -l c --packed
expect_error 2 "xenidl: convert: option '--c-extras' does not apply here (only to generation)" \
	-- convert --to yaml --c-extras xen.xidl
expect_error 2 "xenidl: option '--c-extras' takes no argument" -- --c-extras=yes xen.xidl

# --- the manual page documents every option ---------------------------------------
for opt in $(cut -d' ' -f1 "$tmp/all"); do
	escaped=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	checks=$((checks + 1))
	grep -q -- "$escaped" "$top_srcdir/doc/xenidl.1" || fail "doc/xenidl.1 does not mention $opt"
done

echo "cli-options: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
