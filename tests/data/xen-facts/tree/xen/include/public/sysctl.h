/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_SYSCTL_H
#define FIXTURE_SYSCTL_H

#include "domctl.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x2

/* String macros: one literal, joined literals, escapes, a table. */
#define FIXTURE_DRIVER_NAME "fixture"
#define FIXTURE_PREFIX ".byte 0x90 ; "
#define FIXTURE_NOP FIXTURE_PREFIX "nop"
#define FIXTURE_ESCAPED "a\tb\\c\"d\x01"
#define FIXTURE_MESSAGES { \
    "first",             \
    "second, third",     \
}

#endif
