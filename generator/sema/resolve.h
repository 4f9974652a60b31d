/* Semantic analysis: names, types, constants and the rules of the
 * language. Runs after loading and before layout. */
#ifndef XENIDL_RESOLVE_H
#define XENIDL_RESOLVE_H

#include "ctx.h"

/* Register every declaration, resolve every name, evaluate every constant
 * and check the rules that do not depend on layout. */
void xi_resolve(struct xi_ctx *ctx);

/* The ABIs a module's declarations exist on: the selected ABIs, narrowed
 * to its family for arch-* modules. */
xi_abi_mask xi_module_abis(const struct xi_ctx *ctx, const struct xi_module *m);

/* The constant `name` seen from module m, or NULL after an error. */
struct xi_decl *xi_lookup_const(struct xi_ctx *ctx, const struct xi_module *m,
				const char *name, struct xi_loc loc);
/* The integer primitive a type means (through aliases), or -1 after an
 * error that names `what` ("an enum"). Shared primitive type nodes have no
 * location: errors about them point at `fallback` (the declaration). */
int xi_integer_prim_of(struct xi_ctx *ctx, const struct xi_module *m,
		       struct xi_type *t, const char *what, struct xi_loc fallback);

/* Constant evaluation (consteval.c). */
bool xi_eval_const(struct xi_ctx *ctx, struct xi_decl *d);
bool xi_eval_expr(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		  enum xi_prim ctx_prim, struct xi_int *out);
/* Evaluate and check that the value fits `prim`. */
bool xi_eval_fitting(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		     enum xi_prim prim, struct xi_int *out);

#endif
