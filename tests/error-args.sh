# Sourced by the drivers of the error tests (run-error-test, fixits.sh),
# which run xenidl the same way:
#   (cd DIR && xenidl $command -o OUT $args CASE.EXT)
# error_args BASE sets, from BASE.args (if any; lines starting with '#'
# are left out):
#   command  the command the arguments start with (convert), or nothing;
#   args     the other arguments, for the shell to split.
error_args() {
	command=
	args=
	[ -f "$1.args" ] && args=$(grep -v '^#' "$1.args" | tr '\n' ' ')
	case $args in
	convert\ *)
		command=convert
		args=${args#convert }
		;;
	esac
}
