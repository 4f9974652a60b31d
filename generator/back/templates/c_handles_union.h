/*
 * Guest handles on @family@: a handle in memory is 8 bytes and 8-aligned
 * whatever the pointer size, a union of the guest's pointer and a 64-bit
 * integer (__guest_handle_64_T); a hypercall argument is pointer-sized
 * (__guest_handle_T, XEN_GUEST_HANDLE_PARAM). DEFINE_XEN_GUEST_HANDLE(T)
 * makes both for T and for const T.
 */
#if @aligned_cond@
#define int64_aligned_t int64_t __attribute__((__aligned__(8)))
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#endif

#ifndef __ASSEMBLER__
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef union { type *p; unsigned long q; } __guest_handle_ ## name; \
    typedef union { type *p; uint64_aligned_t q; } __guest_handle_64_ ## name
#define __DEFINE_XEN_GUEST_HANDLE(name, type) \
    ___DEFINE_XEN_GUEST_HANDLE(name, type); \
    ___DEFINE_XEN_GUEST_HANDLE(const_ ## name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)
#define __XEN_GUEST_HANDLE(name) __guest_handle_64_ ## name
#define XEN_GUEST_HANDLE(name) __XEN_GUEST_HANDLE(name)
#define XEN_GUEST_HANDLE_PARAM(name) __guest_handle_ ## name
/* Through a pointer, so that hnd is evaluated once; q first, so that the
 * high half of a 32-bit pointer's handle is zero. */
#define set_xen_guest_handle_raw(hnd, val) \
    do { \
        __typeof__(&(hnd)) xenidl_handle_ = &(hnd); \
        xenidl_handle_->q = 0; \
        xenidl_handle_->p = (val); \
    } while (0)
#define set_xen_guest_handle(hnd, val) set_xen_guest_handle_raw(hnd, val)
@extra@#endif
