/* Constant expressions: exact evaluation, with every failure located.
 *
 * Values are exact over -2^63 .. 2^64-1 (see xint.h). `~` complements
 * within the width of the type the expression is evaluated for, as in
 * Rust: `~0` is 0xFFFFFFFF for a u32 and -1 for an i32. */
#include "consteval.h"

#include "limits.h"
#include "names.h"

static bool eval(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		 enum xi_prim ctx_prim, struct xi_int *out);

static bool report(struct xi_ctx *ctx, struct xi_expr *e, enum xi_int_status st)
{
	switch (st) {
	case XI_INT_OK:
		return true;
	case XI_INT_OVERFLOW:
		xi_error(&ctx->diag, e->loc, "overflow in constant expression");
		break;
	case XI_INT_DIVZERO:
		xi_error(&ctx->diag, e->loc, "division by zero in constant expression");
		break;
	case XI_INT_BADSHIFT:
		xi_error(&ctx->diag, e->loc, "shift count is negative or not less than 64");
		break;
	}
	return false;
}

static bool eval_not(struct xi_ctx *ctx, struct xi_expr *e, enum xi_prim p, struct xi_int a,
		     struct xi_int *out)
{
	const struct xi_prim_info *pi = &xi_prims[p];
	if (pi->is_signed) {
		/* ~a == -a - 1 */
		struct xi_int t;
		if (!report(ctx, e, xi_int_neg(a, &t)))
			return false;
		return report(ctx, e, xi_int_sub(t, xi_int_u(1), out));
	}
	unsigned bits = pi->size * 8;
	uint64_t max = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
	if (a.neg || a.mag > max) {
		xi_error(&ctx->diag, e->loc, "operand of '~' does not fit in '%s'", pi->name);
		return false;
	}
	*out = xi_int_u(max - a.mag);
	return true;
}

static bool eval(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		 enum xi_prim ctx_prim, struct xi_int *out)
{
	struct xi_int a, b;
	switch (e->kind) {
	case XI_EXPR_INT:
		*out = e->lit;
		return true;
	case XI_EXPR_NAME:
		if (!e->ref)
			e->ref = xi_lookup_const(ctx, m, e->name, e->loc);
		if (!e->ref || !xi_eval_const(ctx, e->ref))
			return false;
		*out = e->ref->value;
		return true;
	case XI_EXPR_UNARY:
		if (!eval(ctx, m, e->a, ctx_prim, &a))
			return false;
		switch (e->op) {
		case XI_OP_NEG:
			return report(ctx, e, xi_int_neg(a, out));
		case XI_OP_NOT:
			return eval_not(ctx, e, ctx_prim, a, out);
		default:
			*out = a;
			return true;
		}
	case XI_EXPR_BINARY:
		if (!eval(ctx, m, e->a, ctx_prim, &a) || !eval(ctx, m, e->b, ctx_prim, &b))
			return false;
		switch (e->op) {
		case XI_OP_ADD: return report(ctx, e, xi_int_add(a, b, out));
		case XI_OP_SUB: return report(ctx, e, xi_int_sub(a, b, out));
		case XI_OP_MUL: return report(ctx, e, xi_int_mul(a, b, out));
		case XI_OP_DIV: return report(ctx, e, xi_int_div(a, b, out));
		case XI_OP_MOD: return report(ctx, e, xi_int_mod(a, b, out));
		case XI_OP_SHL: return report(ctx, e, xi_int_shl(a, b, out));
		case XI_OP_SHR: return report(ctx, e, xi_int_shr(a, b, out));
		case XI_OP_AND: return report(ctx, e, xi_int_and(a, b, out));
		case XI_OP_OR: return report(ctx, e, xi_int_or(a, b, out));
		case XI_OP_XOR: return report(ctx, e, xi_int_xor(a, b, out));
		default: break;
		}
	}
	return false;
}

bool xi_eval_expr(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		  enum xi_prim ctx_prim, struct xi_int *out)
{
	return eval(ctx, m, e, ctx_prim, out);
}

bool xi_eval_fitting(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		     enum xi_prim prim, struct xi_int *out)
{
	if (!eval(ctx, m, e, prim, out))
		return false;
	if (!xi_int_fits_prim(*out, prim)) {
		char buf[32];
		xi_error(&ctx->diag, e->loc, "value %s does not fit in '%s'",
			 xi_int_format(*out, buf), xi_prims[prim].name);
		return false;
	}
	return true;
}

bool xi_eval_const(struct xi_ctx *ctx, struct xi_decl *d)
{
	if (d->evaluated)
		return !d->eval_failed;
	if (d->evaluating) {
		xi_error(&ctx->diag, d->loc, "constant '%s' depends on itself", d->name);
		d->eval_failed = true;
		d->evaluated = true;
		return false;
	}
	d->evaluating = true;
	int prim = xi_integer_prim_of(ctx, d->module, d->type, "a constant", d->loc);
	bool ok = prim >= 0 && xi_eval_fitting(ctx, d->module, d->expr, (enum xi_prim)prim, &d->value);
	d->evaluating = false;
	d->evaluated = true;
	d->eval_failed = !ok;
	d->const_prim = prim >= 0 ? (enum xi_prim)prim : XI_PRIM_U64;
	return ok;
}
