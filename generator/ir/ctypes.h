/* C's integer types, as @c_type names them (c_int ... c_ulonglong): what
 * sema checks a value against and the C backends write. */
#ifndef XENIDL_CTYPES_H
#define XENIDL_CTYPES_H

#include "ir.h"
#include "xint.h"

/* @c_type: the names (c_int ... c_ulonglong, as the C-named primitives),
 * C's spelling, the literal suffix, and the range a value must fit on every
 * ABI (long is 32 bits on x86_32 and arm32). xi_ctype_parse returns
 * XI_CTYPE_NONE for an unknown name. */
enum xi_ctype xi_ctype_parse(const char *name);
const char *xi_ctype_name(enum xi_ctype t);
const char *xi_ctype_c(enum xi_ctype t);
bool xi_ctype_fits(struct xi_int v, enum xi_ctype t);
/* The same on the ABIs `abis` only: long is 64 bits where none of them
 * is x86_32 or arm32 (a constant of xen-x86_64.xidl). */
bool xi_ctype_fits_on(struct xi_int v, enum xi_ctype t, xi_abi_mask abis);
/* The C type a macro of primitive `p` gets without @c_type (what
 * xi_c_int_literal's suffix gives). */
enum xi_ctype xi_ctype_of_prim(enum xi_prim p);
/* The literal 1 of C type t, for bit macros: "1", "1U", "1UL" ... */
const char *xi_ctype_suffix(enum xi_ctype t);
/* The width a value of C type t must fit on every ABI (0 for none). */
unsigned xi_ctype_bits(enum xi_ctype t);

#endif
