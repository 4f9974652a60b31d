#ifndef XENIDL_C_PRELUDE
#define XENIDL_C_PRELUDE

/* Fixed-width integers: from <stdint.h>, except where the environment
 * provides them (the hypervisor, a kernel, or XENIDL_NO_STDINT). */
#if !defined(__XEN__) && !defined(__KERNEL__) && !defined(XENIDL_NO_STDINT)
#include <stdint.h>
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
