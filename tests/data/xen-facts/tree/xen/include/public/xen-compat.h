/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_XEN_COMPAT_H
#define FIXTURE_XEN_COMPAT_H

#define __XEN_LATEST_INTERFACE_VERSION__ 0x00000200

/* Tools and hypervisor get the latest version; a guest asks, or gets 0. */
#if defined(__XEN__) || defined(__XEN_TOOLS__)
#define __XEN_INTERFACE_VERSION__ __XEN_LATEST_INTERFACE_VERSION__
#elif !defined(__XEN_INTERFACE_VERSION__)
#define __XEN_INTERFACE_VERSION__ 0x00000000
#endif

#endif
