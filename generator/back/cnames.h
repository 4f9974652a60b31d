/* How IDL names become C names; shared by the backends that emit C. */
#ifndef XENIDL_CNAMES_H
#define XENIDL_CNAMES_H

#include "ctx.h"
#include "ctypes.h"

/* The C identifier of a declaration: @c_name or its name. */
const char *xi_c_decl_name(const struct xi_decl *d);
/* The macro of a variant or bit: @c_name, or prefix + name as written. */
const char *xi_c_variant_name(struct xi_arena *a, const struct xi_decl *d,
			      const struct xi_variant *v);
/* The macro of a bitmap's mask of all defined bits: prefix + "_ALL". */
const char *xi_c_all_mask_name(struct xi_arena *a, const struct xi_decl *d);
/* The C spelling of a primitive in a struct (uint64_aligned_t for u64). */
const char *xi_c_prim(enum xi_prim p);
/* The fixed-width C type of a primitive, without alignment attributes. */
const char *xi_c_prim_plain(enum xi_prim p);
/* Upper-case copy. */
char *xi_upper(struct xi_arena *a, const char *s);
/* Integer literal with the suffix C needs for the value to have the type
 * of `p`: U for unsigned, ULL/LL for 64 bits; negative values come
 * parenthesized. hex selects hexadecimal digits. */
const char *xi_c_int_literal(struct xi_arena *a, struct xi_int v, enum xi_prim p, bool hex);
/* The same, with the least suffix that keeps the value's sign and width
 * (for enum variant macros, which Xen writes without suffixes). */
const char *xi_c_int_literal_min(struct xi_arena *a, struct xi_int v, bool hex);

/* An integer literal of C type t (suffix "", U, L, UL, LL or ULL);
 * negative values come parenthesized. */
const char *xi_c_ctype_literal(struct xi_arena *a, struct xi_int v, enum xi_ctype t, bool hex);

#endif
