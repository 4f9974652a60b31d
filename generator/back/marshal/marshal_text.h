/* C text shared by the marshal backends: per-ABI #if chains, literals,
 * value conditions and the runtime's load/store names. */
#ifndef XENIDL_MARSHAL_TEXT_H
#define XENIDL_MARSHAL_TEXT_H

#include "marshal_plan.h"
#include "abigroup.h"
#include "output.h"

/* Write per-ABI texts: unconditionally when one text serves every ABI of
 * `all`, else as an #if chain, ended by `fallback` (an #else branch) when
 * not NULL. */
void xi_mt_emit_chain(struct xi_out *o, struct xi_arena *a, const struct xi_abi_group *groups,
		   unsigned n, xi_abi_mask all, const char *fallback);
/* The lines of such a chain, for texts written otherwise: before the text
 * of a group (after `emitted` groups), and after the last. */
void xi_mt_chain_branch(struct xi_out *o, struct xi_arena *a, unsigned emitted, xi_abi_mask abis);
void xi_mt_chain_end(struct xi_out *o, const char *fallback);

/* The C type of an integer of this size and signedness: uint32_t ... */
const char *xi_mt_int_type(unsigned size, bool is_signed);
/* The runtime's little-endian load or store of it: xenidl_le_load_u32 ... */
const char *xi_mt_load(unsigned size, bool is_signed);
const char *xi_mt_store(unsigned size, bool is_signed);

/* A literal of an integer type (the suffix C needs). */
const char *xi_mt_literal(struct xi_arena *a, struct xi_int v, unsigned size, bool is_signed);

/* The least and greatest values of an integer type. */
struct xi_int xi_mt_type_min(unsigned size, bool is_signed);
struct xi_int xi_mt_type_max(unsigned size, bool is_signed);

/* The condition, on variable `var` of the given type, that a value does
 * not fit a field of type (dst_size, dst_signed); NULL if every value fits. */
const char *xi_mt_range_fails(struct xi_arena *a, const char *var, unsigned size, bool is_signed,
			   unsigned dst_size, bool dst_signed);

/* The condition, on `var` of the scalar's type, that an enum value is not
 * declared, or that a bitmap has undeclared bits; NULL if no value fails. */
const char *xi_mt_sem_fails(struct xi_arena *a, const char *var, const struct xi_decl *sem,
			 unsigned size, bool is_signed);

/* Can any value of the type fail the enum or bitmap check? */
bool xi_mt_sem_fails_any(const struct xi_decl *sem, unsigned size, bool is_signed);

/* The bits a bitmap leaves undeclared, within its width. */
uint64_t xi_mt_bitmap_undeclared(const struct xi_decl *bitmap, unsigned size);

/* The test of a gate on `flags`: NULL when always, "" when never, else
 * "(flags & XENIDL_IN)" ... */
const char *xi_mt_gate(unsigned gate);

/* A C identifier from a module path: "arch-x86/domainconfig" ->
 * "arch_x86_domainconfig". */
const char *xi_mt_ident(struct xi_arena *a, const char *rel);

/* The file name part of a path. */
const char *xi_mt_basename(const char *path);

#endif
