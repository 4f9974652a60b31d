/* Constant evaluation (see consteval.c). */
#ifndef XENIDL_CONSTEVAL_H
#define XENIDL_CONSTEVAL_H

#include <stdbool.h>

#include "ctx.h"

/* Evaluate a constant declaration once (later calls give the result);
 * false after an error, a cycle included. */
bool xi_eval_const(struct xi_ctx *ctx, struct xi_decl *d);
bool xi_eval_expr(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		  enum xi_prim ctx_prim, struct xi_int *out);
/* Evaluate and check that the value fits `prim`. */
bool xi_eval_fitting(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		     enum xi_prim prim, struct xi_int *out);
/* Evaluate e, fitting prim, on every ABI of m when it uses sizeof or
 * alignof with a value that differs by ABI: then *per_abi holds the
 * values (XI_ABI_COUNT of them) and *out the first ABI's; else NULL. */
bool xi_eval_per_abi(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		     enum xi_prim prim, struct xi_int *out, struct xi_int **per_abi);

#endif
