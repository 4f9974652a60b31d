/* A stand-in for a Xen tree, written for the tests of ci/xen-facts. */
#ifndef FIXTURE_XEN_H
#define FIXTURE_XEN_H

#include "xen-compat.h"

#if defined(__i386__) || defined(__x86_64__)
#include "arch-x86/xen.h"
#else
typedef uint64_t xen_ulong_t;
#define HANDLE_TYPE(name, type) typedef union { type *p; uint64_t q; } __guest_handle_ ## name
#endif

#define DEFINE_HANDLE(name, type) HANDLE_TYPE(name, type)
#define GUEST_HANDLE(name) __guest_handle_ ## name
DEFINE_HANDLE(uint8, uint8_t);
DEFINE_HANDLE(const_void, const void);

#define NAME_LEN 16
#define FLAG_BIT 3
#define FLAG_MASK (1U << FLAG_BIT)
#define WIDE_ONE ((xen_ulong_t)1)
#define NEGATIVE (-2)
#define NOT_A_NUMBER "text"
#define SCALE(x) ((x) * 4 + 1)
#define PICK(a, b) ((a) > (b) ? (a) : (b))
#define FIELD_OF(p) ((p)->a)

#if __XEN_INTERFACE_VERSION__ < 0x00000100
#define OLD_OR_NEW 6
struct old_only {
    uint32_t legacy;
};
#else
#define OLD_OR_NEW 29
#endif

#if defined(__XEN__) || defined(__XEN_TOOLS__)
#define TOOLS_ONLY 1UL
#endif

struct sample {
    uint32_t a;
    union {
        uint32_t wide;
        uint16_t narrow;
    };
    union sample_inline {
        uint64_t whole;
        uint8_t bytes[8];
    } u;
    struct {
        uint8_t low:3, high:5;
        uint8_t next;
    } bits;
    char name[NAME_LEN];
    xen_ulong_t word;
    GUEST_HANDLE(uint8) buf;
    uint32_t tail[];
};
typedef struct sample sample_t;

typedef struct {
    uint8_t id[4];
    uint16_t kind:4, :2, level:10;
} anon_t;

enum colour { RED, GREEN = 5 };
typedef enum { NORTH = 1, SOUTH } heading_t;

struct declared_only;

#endif
