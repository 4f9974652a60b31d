/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_ARCH_X86_XEN_H
#define FIXTURE_ARCH_X86_XEN_H

typedef unsigned long xen_ulong_t;
#define HANDLE_TYPE(name, type) typedef struct { type *p; } __guest_handle_ ## name

struct regs {
    union {
        uint64_t rax;
        uint32_t eax;
    };
#if defined(__i386__)
    uint32_t only_32;
#endif
    uint64_t flags;
};

#endif
