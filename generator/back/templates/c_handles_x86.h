/*
 * Guest handles on x86: a handle is the guest's pointer. Since interface
 * 0x00030201 (and always for the hypervisor and the toolstack) it is
 * wrapped in a struct, so that handles of different types do not mix.
 * DEFINE_XEN_GUEST_HANDLE(T) makes the handle types of T and of const T;
 * XEN_GUEST_HANDLE(T) names the first; a hypercall argument
 * (XEN_GUEST_HANDLE_PARAM) is the same type on x86.
 */
#if defined(__i386__) && (defined(__XEN__) || defined(__XEN_TOOLS__))
/*
 * On x86_32 the hypervisor and the toolstack also see 64-bit handles and
 * 8-aligned 64-bit integers, the layout of 64-bit guests and of the
 * domctl and sysctl interfaces: a 64-bit handle holds the pointer in its
 * low half and zero in the high half. (Each name has one #define per
 * configuration, in #if branches: Xen's compat script renames them and
 * would see a redefinition after an #undef.)
 */
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef struct { type *p; } __guest_handle_ ## name; \
    __extension__ typedef struct { union { type *p; uint64_aligned_t q; }; } \
        __guest_handle_64_ ## name
#elif defined(__XEN__) || defined(__XEN_TOOLS__) || \
    (defined(__XEN_INTERFACE_VERSION__) && __XEN_INTERFACE_VERSION__ >= 0x00030201)
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef struct { type *p; } __guest_handle_ ## name
#else
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef type * __guest_handle_ ## name
#endif
#define __DEFINE_XEN_GUEST_HANDLE(name, type) \
    ___DEFINE_XEN_GUEST_HANDLE(name, type); \
    ___DEFINE_XEN_GUEST_HANDLE(const_ ## name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)
#define __XEN_GUEST_HANDLE(name) __guest_handle_ ## name
#define XEN_GUEST_HANDLE(name) __XEN_GUEST_HANDLE(name)
#define XEN_GUEST_HANDLE_PARAM(name) XEN_GUEST_HANDLE(name)
#if defined(__i386__) && (defined(__XEN__) || defined(__XEN_TOOLS__))
#define set_xen_guest_handle_raw(hnd, val) \
    do { \
        if (sizeof(hnd) == 8) \
            *(uint64_t *)&(hnd) = 0; \
        (hnd).p = (val); \
    } while (0)
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#define __XEN_GUEST_HANDLE_64(name) __guest_handle_64_ ## name
#define XEN_GUEST_HANDLE_64(name) __XEN_GUEST_HANDLE_64(name)
#else
#define set_xen_guest_handle_raw(hnd, val) do { (hnd).p = (val); } while (0)
#endif
#define set_xen_guest_handle(hnd, val) set_xen_guest_handle_raw(hnd, val)
