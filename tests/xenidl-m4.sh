#!/bin/sh
# The autoconf macro XENIDL_CHECK (data/xenidl.m4) in a scratch project:
# it finds the xenidl under test, its version and the pkg-config flags,
# and rejects a minimum version it does not meet.
set -u
: "${XENIDL:?XENIDL must name the xenidl binary}"
: "${top_srcdir:?}" "${top_builddir:?}"
for tool in autoconf aclocal pkg-config; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed"
		exit 77
	fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xenidl-m4.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$tmp" || exit 1
cat >configure.ac <<'AC'
AC_INIT([demo], [1])
PKG_PROG_PKG_CONFIG
XENIDL_CHECK([0.1])
AC_CONFIG_FILES([found.txt])
AC_OUTPUT
AC
printf '%s\n' 'XENIDL=@XENIDL@' 'VERSION=@XENIDL_VERSION@' 'CFLAGS=@XENIDL_CFLAGS@' >found.txt.in
if ! { aclocal -I "$top_srcdir/data" && autoconf --force; } >log 2>&1; then
	cat log
	echo "FAIL: autoconf could not use data/xenidl.m4"
	exit 1
fi
if ! ./configure XENIDL="$XENIDL" PKG_CONFIG_PATH="$top_builddir" >log 2>&1; then
	cat log
	echo "FAIL: configure failed"
	exit 1
fi
version=$("$XENIDL" --version | sed -n 's/^xenidl //p')
cflags=$(PKG_CONFIG_PATH="$top_builddir" pkg-config --cflags xenidl | sed 's/ *$//')
printf '%s\n' "XENIDL=$XENIDL" "VERSION=$version" "CFLAGS=$cflags" >want.txt
sed -i 's/ *$//' found.txt
if ! diff -u want.txt found.txt; then
	echo "FAIL: XENIDL_CHECK found something else"
	exit 1
fi
# A minimum version it does not meet runs ACTION-IF-NOT-FOUND.
cat >configure.ac <<'AC'
AC_INIT([demo], [1])
PKG_PROG_PKG_CONFIG
XENIDL_CHECK([99.0], [AC_MSG_ERROR([xenidl 99.0 was accepted])], [AC_MSG_NOTICE([too old])])
AC_OUTPUT
AC
autoconf --force >/dev/null 2>&1
if ! ./configure XENIDL="$XENIDL" >log 2>&1 || ! grep -q 'too old' log; then
	cat log
	echo "FAIL: a minimum version above xenidl's was accepted"
	exit 1
fi
# Without a usable xenidl, the default action is an error.
sed -i 's/XENIDL_CHECK(.*/XENIDL_CHECK([0.1])/' configure.ac
autoconf --force >/dev/null 2>&1
if ./configure XENIDL=/nonexistent/xenidl PKG_CONFIG_PATH="$top_builddir" >log 2>&1; then
	cat log; echo "FAIL: configure accepted a missing xenidl"
	exit 1
fi
grep -q 'xenidl >= 0.1 not found' log || { cat log; echo "FAIL: no error message"; exit 1; }
exit 0
