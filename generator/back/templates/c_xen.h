#ifndef __ASSEMBLER__
/* The handles of C's own types and of the fixed-width integers that
 * interfaces point to. long and unsigned long ones exist before
 * interface 0x00040300 only (an interface version left undefined is 0,
 * as Xen's xen-compat.h makes it for guests). */
DEFINE_XEN_GUEST_HANDLE(char);
__DEFINE_XEN_GUEST_HANDLE(uchar, unsigned char);
DEFINE_XEN_GUEST_HANDLE(int);
__DEFINE_XEN_GUEST_HANDLE(uint, unsigned int);
#if !defined(__XEN_INTERFACE_VERSION__) || __XEN_INTERFACE_VERSION__ < 0x00040300
DEFINE_XEN_GUEST_HANDLE(long);
__DEFINE_XEN_GUEST_HANDLE(ulong, unsigned long);
#endif
DEFINE_XEN_GUEST_HANDLE(void);
DEFINE_XEN_GUEST_HANDLE(uint64_t);
__DEFINE_XEN_GUEST_HANDLE(uint8, uint8_t);
__DEFINE_XEN_GUEST_HANDLE(uint16, uint16_t);
__DEFINE_XEN_GUEST_HANDLE(uint32, uint32_t);
__DEFINE_XEN_GUEST_HANDLE(uint64, uint64_t);
@word_handles@
/* A flexible array member's dimension: none where C99 allows it, 0 for
 * older GNU compilers, else 1 (the struct then counts one element). */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define XEN_FLEX_ARRAY_DIM
#elif defined(__GNUC__)
#define XEN_FLEX_ARRAY_DIM 0
#else
#define XEN_FLEX_ARRAY_DIM 1
#endif

/* An integer literal made unsigned (long (long)) in C, left bare in
 * assembly. */
#define __xen_mk_uint(x) x ## U
#define __xen_mk_ulong(x) x ## UL
#ifndef __xen_mk_ullong
#define __xen_mk_ullong(x) x ## ULL
#endif
#define xen_mk_uint(x) __xen_mk_uint(x)
#define xen_mk_ulong(x) __xen_mk_ulong(x)
#define xen_mk_ullong(x) __xen_mk_ullong(x)
#else
#define xen_mk_uint(x) x
#define xen_mk_ulong(x) x
#define xen_mk_ullong(x) x
#endif

/*
 * Where the architecture's part leaves them undefined: 64-bit integers as
 * they are, and a 64-bit handle as the native one (x86_64, where both are
 * 8 bytes). On x86_32, a guest's 64-bit integers and handles in the
 * structs described here are 8-aligned, as the layouts xenidl checks say:
 * Xen's own headers show those structs to the toolstack only.
 */
#if defined(__i386__)
#if defined(__GNUC__)
#ifndef int64_aligned_t
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#endif
#ifndef uint64_aligned_t
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#endif
#elif defined(__cplusplus) && __cplusplus >= 201103L
#ifndef int64_aligned_t
#define int64_aligned_t alignas(8) int64_t
#endif
#ifndef uint64_aligned_t
#define uint64_aligned_t alignas(8) uint64_t
#endif
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#ifndef int64_aligned_t
#define int64_aligned_t _Alignas(8) int64_t
#endif
#ifndef uint64_aligned_t
#define uint64_aligned_t _Alignas(8) uint64_t
#endif
#else
#error "8-aligned 64-bit integers on x86_32 need GCC, Clang, C11 or C++11"
#endif
#ifndef XEN_GUEST_HANDLE_64
#define XEN_GUEST_HANDLE_64(name) uint64_aligned_t
#endif
#else
/* One #define of each name per configuration, in #if branches rather
 * than behind #ifndef alone: Xen's compat script renames every #define of
 * a handle macro and so defeats the #ifndef. */
#ifndef int64_aligned_t
#define int64_aligned_t int64_t
#endif
#ifndef uint64_aligned_t
#define uint64_aligned_t uint64_t
#endif
#ifndef XEN_GUEST_HANDLE_64
#define XEN_GUEST_HANDLE_64(name) XEN_GUEST_HANDLE(name)
#endif
#endif
