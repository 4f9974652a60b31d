/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_ARCH_X86_EXTRA_H
#define FIXTURE_ARCH_X86_EXTRA_H

/* Needs xen.h first. */
struct extra {
    xen_ulong_t value;
};

#endif
