/* Names: the symbol table of a compilation, and what a name means on each
 * ABI (see names.c). */
#ifndef XENIDL_NAMES_H
#define XENIDL_NAMES_H

#include <stdbool.h>

#include "ctx.h"

/* Where a type is written, which decides what it may be. */
enum xi_type_use {
	XI_USE_MEMBER,
	XI_USE_ARRAY_ELEM,
	XI_USE_HANDLE_TARGET,
	XI_USE_ALIAS,
	XI_USE_ARCH_CHOICE,
	XI_USE_MEMBER_ARCH_CHOICE, /* a choice of a member's arch type: may be void */
	XI_USE_BACKING,
};

/* Where the resolver is: the module and declaration resolved. */
struct xi_resolver {
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct xi_module *module;
	struct xi_decl *decl;  /* the declaration being resolved */
	bool legacy;           /* legacy constructs allowed */
	/* Inside an arch choice: names are looked up only on the ABIs that
	 * choose it (an x86-only choice may name an x86-only type). */
	bool restricted;
	xi_abi_mask only;
	/* The @if of the member whose type is being resolved, or NULL: a
	 * member under a condition may use a name that exists under it. */
	const struct xi_cond *member_cond;
};

/* Put a declaration in the symbol table; a clash is reported. */
void xi_register_decl(struct xi_ctx *ctx, struct xi_decl *d);

/* Once every declaration is registered: look up the constants that the
 * defined(NAME) atoms of the conditions name, and narrow each declaration
 * under such a condition to the ABIs where it holds (not_on, c_only). */
void xi_resolve_defined(struct xi_ctx *ctx);
/* The type of each @!c_handle(NAME) (xi_c_handle_of.decl); errors for a
 * name not imported, not a struct, union or alias, or one whose own header
 * defines its handles. */
void xi_resolve_c_handles(struct xi_ctx *ctx);

/* The constant `name` seen from module m, or NULL after an error. */
struct xi_decl *xi_lookup_const(struct xi_ctx *ctx, const struct xi_module *m,
				const char *name, struct xi_loc loc);
/* The same, seen on the ABIs `abis` only (an arch choice's): a name
 * declared by each family's file is then the one of those ABIs. Two
 * families' constants of the name are accepted when `same` says they
 * mean the same (NULL: never). */
typedef bool xi_same_const_fn(struct xi_ctx *ctx, struct xi_decl *a, struct xi_decl *b);
struct xi_decl *xi_lookup_const_on(struct xi_ctx *ctx, const struct xi_module *m,
				   const char *name, struct xi_loc loc, xi_abi_mask abis,
				   xi_same_const_fn *same);

/* Resolve a type name (XI_TYPE_REF) on every ABI of the resolver's
 * module: a primitive, void, or the declaration it means on each ABI. */
void xi_resolve_ref(struct xi_resolver *r, struct xi_type *t, enum xi_type_use where);

/* The integer primitive a type means (through aliases), or -1 after an
 * error that names `what` ("an enum"). Shared primitive type nodes have no
 * location: errors about them point at `fallback` (the declaration). */
int xi_integer_prim_of(struct xi_ctx *ctx, const struct xi_module *m,
		       struct xi_type *t, const char *what, struct xi_loc fallback);

/* An error unless legacy constructs are allowed where the resolver is. */
void xi_legacy_only(struct xi_resolver *r, struct xi_loc loc, const char *what);

#endif
