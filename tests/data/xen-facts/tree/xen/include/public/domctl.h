/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_DOMCTL_H
#define FIXTURE_DOMCTL_H

#if !defined(__XEN__) && !defined(__XEN_TOOLS__)
#error "for the tools only"
#endif

#include "xen.h"

#define XEN_DOMCTL_INTERFACE_VERSION 0x3

#ifdef __XEN__
#include <xen/bug.h>
struct hypervisor_only {
    uint16_t count;
};
#endif

struct tool_op {
    uint32_t cmd;
    uint64_t arg;
};

#endif
