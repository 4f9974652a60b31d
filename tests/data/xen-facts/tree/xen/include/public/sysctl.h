/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_SYSCTL_H
#define FIXTURE_SYSCTL_H

#include "domctl.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x2

#endif
