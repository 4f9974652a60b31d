/* Parameterised constants (`const XENMEMF_node(x: c_uint): c_uint =
 * (x + 1) << 8;`): the check of their parameters and bodies. */
#ifndef XENIDL_FNCONST_H
#define XENIDL_FNCONST_H

#include <stdbool.h>

#include "ctx.h"

/* Resolve and type-check parameterised constant d (xi_eval_const calls it,
 * through ctx->check_fn_const, in place of evaluation): its parameters are integer types of
 * distinct names; its body uses parameters, constants, calls of other
 * parameterised constants and conversions to primitive integer types
 * (`u32(x)`). Every node gets its type (xi_expr.prim): the operands of
 * an operator and a call's arguments must have one type, a literal takes
 * the type around it, and the body has the constant's type. Sets
 * d->const_prim; false after reported errors. */
bool xi_check_fn_const(struct xi_ctx *ctx, struct xi_decl *d);

/* The parameter of d named `name`, or NULL. */
const struct xi_param *xi_fn_param(const struct xi_decl *d, const char *name);

#endif
