#ifndef XENIDL_C_PRELUDE
#define XENIDL_C_PRELUDE

/* Fixed-width integers: from <stdint.h>, except where the environment
 * provides them (the hypervisor, a kernel, or XENIDL_NO_STDINT). */
#if !defined(__XEN__) && !defined(__KERNEL__) && !defined(XENIDL_NO_STDINT)
#include <stdint.h>
#endif

/* 64-bit integers are 8-aligned on every ABI, also on x86_32. */
#ifndef uint64_aligned_t
#if defined(__GNUC__)
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#elif defined(__cplusplus) && __cplusplus >= 201103L
#define uint64_aligned_t alignas(8) uint64_t
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define uint64_aligned_t _Alignas(8) uint64_t
#else
#error "uint64_aligned_t needs GCC, Clang, C11 or C++11"
#endif
#endif
#ifndef int64_aligned_t
#if defined(__GNUC__)
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#elif defined(__cplusplus) && __cplusplus >= 201103L
#define int64_aligned_t alignas(8) int64_t
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define int64_aligned_t _Alignas(8) int64_t
#else
#error "int64_aligned_t needs GCC, Clang, C11 or C++11"
#endif
#endif

/* Guest handles. Outside Xen's headers, a 64-bit handle is the guest
 * address in an 8-byte, 8-aligned integer, and a native one is
 * pointer-sized on x86 and 8 bytes elsewhere. */
#ifndef XEN_GUEST_HANDLE_64
#define XEN_GUEST_HANDLE_64(name) uint64_aligned_t
#endif
#ifndef XEN_GUEST_HANDLE
#if defined(__i386__) || defined(__x86_64__)
#define XEN_GUEST_HANDLE(name) unsigned long
#else
#define XEN_GUEST_HANDLE(name) uint64_aligned_t
#endif
#endif

/* The dimension of a flexible array member, as Xen's xen.h defines it:
 * C99's flexible array, else GNU's zero-length one, else one element. */
#ifndef XEN_FLEX_ARRAY_DIM
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define XEN_FLEX_ARRAY_DIM
#elif defined(__GNUC__)
#define XEN_FLEX_ARRAY_DIM 0
#else
#define XEN_FLEX_ARRAY_DIM 1
#endif
#endif

/* Compile-time layout checks that work in C89 and C++98 too. */
#define XENIDL_CAT_(a, b) a##b
#define XENIDL_CAT(a, b) XENIDL_CAT_(a, b)
#if defined(__cplusplus) && __cplusplus >= 201103L
#define XENIDL_STATIC_ASSERT(tag, cond) static_assert(cond, #cond)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define XENIDL_STATIC_ASSERT(tag, cond) _Static_assert(cond, #cond)
#else
#define XENIDL_STATIC_ASSERT(tag, cond) \
    typedef char XENIDL_CAT(xenidl_check_, tag)[(cond) ? 1 : -1]
#endif
#if defined(__GNUC__)
#define XENIDL_OFFSETOF(type, member) __builtin_offsetof(type, member)
#else
#include <stddef.h>
#define XENIDL_OFFSETOF(type, member) offsetof(type, member)
#endif
#if defined(__cplusplus) && __cplusplus >= 201103L
#define XENIDL_ALIGNOF(type) alignof(type)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define XENIDL_ALIGNOF(type) _Alignof(type)
#else
#define XENIDL_ALIGNOF(type) __alignof__(type)
#endif
#define XENIDL_CHECK_SIZE(kind, name, size) \
    XENIDL_STATIC_ASSERT(name##_size, sizeof(kind name) == (size))
#define XENIDL_CHECK_ALIGN(kind, name, align) \
    XENIDL_STATIC_ASSERT(name##_align, XENIDL_ALIGNOF(kind name) == (align))
#define XENIDL_CHECK_OFFSET(kind, name, member, offset) \
    XENIDL_STATIC_ASSERT(XENIDL_CAT(name##_offset_, __LINE__), \
                         XENIDL_OFFSETOF(kind name, member) == (offset))
#define XENIDL_CHECK_TYPE_SIZE(name, size) \
    XENIDL_STATIC_ASSERT(name##_size, sizeof(name) == (size))

#endif /* XENIDL_C_PRELUDE */
