/*
 * HVM save records. DECLARE_HVM_SAVE_TYPE(NAME, CODE, TYPE) declares the
 * record NAME: a struct __HVM_SAVE_TYPE_NAME whose member t has the type of
 * the record's data and whose member c is CODE bytes long, from which
 * HVM_SAVE_TYPE(NAME), HVM_SAVE_LENGTH(NAME) and HVM_SAVE_CODE(NAME) read
 * the type, its size and the typecode back. Its member cpt has one byte, or
 * two for a record that the hypervisor also accepts in an older layout
 * (DECLARE_HVM_SAVE_TYPE_COMPAT, which names that layout's type and the
 * function converting it in place). The END record's c has no bytes, a GNU
 * extension (__extension__ keeps -pedantic quiet).
 */
#ifdef __XEN__
#include <xen/bug.h>
#define DECLARE_HVM_SAVE_TYPE_COMPAT(name, code, type, ctype, fix)             \
    static inline int __HVM_SAVE_FIX_COMPAT_##name(void *h, uint32_t size)     \
    { return fix(h, size); }                                                   \
    __extension__ struct __HVM_SAVE_TYPE_##name {                              \
        type t; char c[code]; char cpt[2];                                     \
    };                                                                         \
    struct __HVM_SAVE_TYPE_COMPAT_##name { ctype t; }
#define DECLARE_HVM_SAVE_TYPE(name, code, type)                                \
    static inline int __HVM_SAVE_FIX_COMPAT_##name(void *h, uint32_t size)     \
    { BUG(); return -1; }                                                      \
    __extension__ struct __HVM_SAVE_TYPE_##name {                              \
        type t; char c[code]; char cpt[1];                                     \
    };                                                                         \
    struct __HVM_SAVE_TYPE_COMPAT_##name { type t; }
#else
#define DECLARE_HVM_SAVE_TYPE_COMPAT(name, code, type, ctype, fix)             \
    __extension__ struct __HVM_SAVE_TYPE_##name {                              \
        type t; char c[code]; char cpt[2];                                     \
    }
#define DECLARE_HVM_SAVE_TYPE(name, code, type)                                \
    __extension__ struct __HVM_SAVE_TYPE_##name {                              \
        type t; char c[code]; char cpt[1];                                     \
    }
#endif

#define HVM_SAVE_TYPE(name) __typeof__(((struct __HVM_SAVE_TYPE_##name *)NULL)->t)
#define HVM_SAVE_LENGTH(name) (sizeof(HVM_SAVE_TYPE(name)))
#define HVM_SAVE_CODE(name) (sizeof(((struct __HVM_SAVE_TYPE_##name *)NULL)->c))

#ifdef __XEN__
#define HVM_SAVE_TYPE_COMPAT(name) __typeof__(((struct __HVM_SAVE_TYPE_COMPAT_##name *)NULL)->t)
#define HVM_SAVE_LENGTH_COMPAT(name) (sizeof(HVM_SAVE_TYPE_COMPAT(name)))
#define HVM_SAVE_HAS_COMPAT(name) (sizeof(((struct __HVM_SAVE_TYPE_##name *)NULL)->cpt) - 1)
#define HVM_SAVE_FIX_COMPAT(name, dst, size) __HVM_SAVE_FIX_COMPAT_##name(dst, size)
#endif
