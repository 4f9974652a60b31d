/* Where the shared C machinery goes (guest handles, uint64_aligned_t,
 * XEN_FLEX_ARRAY_DIM, xen_mk_*: templates/c_*.h), and which rule decides
 * the guest handles of declarations. Shared by the C and marshal
 * backends.
 *
 * As in Xen, the headers of the files marked @!c_prelude own it: Xen's
 * xen.h (the part shared by every architecture) and each architecture's
 * part (arch-x86/xen.h ...), which xen.h includes first. Every header
 * that imports xen.xidl, directly or not, gets the machinery by including
 * xen.h, and defines none of it. A header that reaches no such file (the
 * examples, a user's own interface) includes instead one support header,
 * XI_C_SUPPORT_HEADER, which the C backend writes next to the outputs:
 * never one copy per header. What a header does depends on it and its
 * imports only, never on what imports it. */
#ifndef XENIDL_CPRELUDE_H
#define XENIDL_CPRELUDE_H

#include <stdbool.h>

#include "ir.h"

/* The support header, at the root of the C outputs. */
#define XI_C_SUPPORT_HEADER "xenidl-c.h"

/* Whether the module reaches, through its imports or as itself, a file
 * marked @!c_prelude (Xen's xen.xidl, or an architecture's part). Such a module follows Xen's rule for handles: only the
 * declarations marked @c_handle get DEFINE_XEN_GUEST_HANDLE. A module
 * that does not includes the support header, and every struct, union and
 * alias of it gets a handle. */
bool xi_c_follows_xen(const struct xi_module *m);

/* Whether a declaration's header defines its guest handle. */
bool xi_c_defines_handle(const struct xi_decl *d);

/* The C typedef name of a struct or union, or NULL where its header
 * defines none. A module that follows Xen (above) defines the typedefs Xen
 * has: a struct or union marked @c_typedef gets `typedef struct X X_t;`
 * (or the name @c_typedef("name") gives), one marked @c_handle too (its
 * handle is of the typedef); any other struct or union is declared by its
 * tag alone. A module that does not gets NAME_t for every one but those
 * declared in a member (@c_inline). */
const char *xi_c_typedef_name(struct xi_arena *a, const struct xi_decl *d);
/* The typedef of a @c_enum enum: @c_enum("NAME_t")'s (an anonymous enum),
 * or @c_typedef's (a tagged one that also has a typedef); NULL: none. */
const char *xi_c_enum_typedef_name(struct xi_arena *a, const struct xi_decl *d);

/* Whether a @c_handle alias's handle is defined by the header of the
 * @!c_prelude file that imports its architecture's part (Xen's xen.h
 * defines xen_pfn_t's and xen_ulong_t's, declared by arch-x86/xen.h and
 * the others), rather than after the alias. */
bool xi_c_handle_deferred(const struct xi_decl *d);

#endif
