# xenidl.m4 - Autoconf support for projects that generate code with xenidl.
# serial 1
#
# XENIDL_CHECK([MIN-VERSION], [ACTION-IF-FOUND], [ACTION-IF-NOT-FOUND])
# ---------------------------------------------------------------------
# Look for the xenidl generator and its runtime headers:
#
#   XENIDL         the program: the user's XENIDL if set, else the one the
#                  xenidl pkg-config module names, else xenidl in PATH
#   XENIDL_VERSION its version
#   XENIDL_CFLAGS  the compiler flags for the runtime headers (from
#   XENIDL_LIBS    pkg-config; empty when pkg-config has no xenidl module)
#
# All four are AC_SUBSTed. The check fails when the program is missing or
# older than MIN-VERSION: ACTION-IF-NOT-FOUND runs, by default an error.
# Generated files that are committed to the tree (the Xen way) need
# xenidl only to regenerate them: such projects pass an action that just
# warns, and test for an empty XENIDL in their regeneration rule.
AC_DEFUN([XENIDL_CHECK],
[AC_ARG_VAR([XENIDL], [the xenidl interface generator])dnl
m4_ifdef([PKG_PROG_PKG_CONFIG], [AC_REQUIRE([PKG_PROG_PKG_CONFIG])])dnl
xenidl_min=m4_default([$1], [0])
xenidl_ok=yes
AS_IF([test -z "$XENIDL" && test -n "$PKG_CONFIG"],
      [XENIDL=`$PKG_CONFIG --variable=xenidl xenidl 2>/dev/null`
       AS_IF([test -n "$XENIDL" && test ! -x "$XENIDL"], [XENIDL=])])
AC_PATH_PROG([XENIDL], [xenidl])
AS_IF([test -z "$XENIDL"], [xenidl_ok=no])
XENIDL_VERSION=
AS_IF([test "$xenidl_ok" = yes],
      [AC_MSG_CHECKING([for xenidl >= $xenidl_min])
       XENIDL_VERSION=`"$XENIDL" --version 2>/dev/null | sed -n 's/^xenidl //p'`
       AS_CASE([$XENIDL_VERSION],
               [[[0-9]]*], [AS_VERSION_COMPARE([$XENIDL_VERSION], [$xenidl_min],
                                               [xenidl_ok=no], [], [])],
               [xenidl_ok=no])
       AC_MSG_RESULT([$xenidl_ok ($XENIDL_VERSION)])])
XENIDL_CFLAGS=
XENIDL_LIBS=
AS_IF([test "$xenidl_ok" = yes && test -n "$PKG_CONFIG" &&
       $PKG_CONFIG --exists xenidl 2>/dev/null],
      [XENIDL_CFLAGS=`$PKG_CONFIG --cflags xenidl`
       XENIDL_LIBS=`$PKG_CONFIG --libs xenidl`])
AC_SUBST([XENIDL_VERSION])
AC_SUBST([XENIDL_CFLAGS])
AC_SUBST([XENIDL_LIBS])
AS_IF([test "$xenidl_ok" = yes],
      [m4_default([$2], [:])],
      [m4_default([$3],
        [AC_MSG_ERROR([xenidl >= $xenidl_min not found; install it or set XENIDL])])])
])
