/* Parameterised constants: the type check of their bodies.
 *
 * The types are Rust's rule, so that the Rust const fn compiles as
 * written: both operands of an operator have one type (a shift's count
 * may have any), a literal takes the type of what it meets, a conversion
 * `T(x)` changes the type. C then writes the body as the macro Xen has;
 * its C type is C's, with the literals' C suffixes (see emit_c.c). */
#include "fnconst.h"

#include <string.h>

#include "consteval.h"
#include "limits.h"
#include "names.h"

/* An untyped literal's type, until the context gives it one. */
#define UNTYPED XI_PRIM_COUNT

struct fn_checker {
	struct xi_ctx *ctx;
	struct xi_decl *d;
	struct xi_resolver r;
};

const struct xi_param *xi_fn_param(const struct xi_decl *d, const char *name)
{
	for (const struct xi_param *q = d->params; q; q = q->next)
		if (!strcmp(q->name, name))
			return q;
	return NULL;
}

static const char *prim_name(int p)
{
	return p == UNTYPED ? "integer" : xi_prims[p].name;
}

static const char *op_text(enum xi_op op)
{
	static const char *const text[] = {
		[XI_OP_NEG] = "-", [XI_OP_NOT] = "~", [XI_OP_PLUS] = "+", [XI_OP_ADD] = "+",
		[XI_OP_SUB] = "-", [XI_OP_MUL] = "*", [XI_OP_DIV] = "/", [XI_OP_MOD] = "%",
		[XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>", [XI_OP_AND] = "&", [XI_OP_OR] = "|",
		[XI_OP_XOR] = "^",
	};
	return text[op];
}

/* An integer type as a parameter or conversion names it: a legacy one
 * (c_long, native_u64) only in a @legacy constant. */
static int integer_type(struct fn_checker *c, struct xi_type *t, const char *what,
			struct xi_loc at)
{
	if (t->kind == XI_TYPE_REF) {
		unsigned errors = c->ctx->diag.errors;
		xi_resolve_ref(&c->r, t, XI_USE_BACKING);
		if (c->ctx->diag.errors != errors)
			return -1;
	}
	return xi_integer_prim_of(c->ctx, c->d->module, t, what, at);
}

static int check(struct fn_checker *c, struct xi_expr *e);

/* `T(x)`: a conversion to the primitive integer type T. */
static int check_conversion(struct fn_checker *c, struct xi_expr *e, int prim)
{
	struct xi_expr *callee = e->a;
	if (!xi_prims[prim].integer) {
		xi_error(&c->ctx->diag, callee->loc, "a conversion is to an integer type, not '%s'",
			 callee->name);
		return -1;
	}
	if (xi_prims[prim].legacy_only)
		xi_legacy_only(&c->r, callee->loc, callee->name);
	if (e->b->b) {
		xi_error(&c->ctx->diag, e->b->b->a->loc, "a conversion to '%s' takes one argument",
			 callee->name);
		return -1;
	}
	callee->prim = (enum xi_prim)prim;
	if (check(c, e->b->a) < 0)
		return -1;
	return prim;
}

/* `F(args)`: F is a parameterised constant; each argument has its
 * parameter's type. */
static int check_call(struct fn_checker *c, struct xi_expr *e)
{
	struct xi_expr *callee = e->a;
	int prim = xi_prim_by_name(callee->name);
	if (prim >= 0)
		return check_conversion(c, e, prim);
	struct xi_decl *f = xi_lookup_const(c->ctx, c->d->module, callee->name, callee->loc);
	if (!f)
		return -1;
	if (!f->parameterised) {
		xi_error(&c->ctx->diag, callee->loc, "'%s' is a constant, not a parameterised "
			 "constant or an integer type: it takes no arguments", f->name);
		xi_note(&c->ctx->diag, f->loc, "'%s' is declared here", f->name);
		return -1;
	}
	callee->ref = f;
	unsigned n = 0;
	for (const struct xi_expr *a = e->b; a; a = a->b)
		n++;
	if (n != f->nparams) {
		xi_error(&c->ctx->diag, e->loc, "'%s' takes %u argument%s, not %u", f->name,
			 f->nparams, f->nparams == 1 ? "" : "s", n);
		xi_note(&c->ctx->diag, f->loc, "'%s' is declared here", f->name);
		return -1;
	}
	if (!xi_eval_const(c->ctx, f))
		return -1;
	bool ok = true;
	const struct xi_param *q = f->params;
	for (struct xi_expr *a = e->b; a; a = a->b, q = q->next) {
		int t = check(c, a->a);
		if (t < 0) {
			ok = false;
		} else if (t != UNTYPED && t != (int)q->prim) {
			xi_error(&c->ctx->diag, a->a->loc, "the argument for '%s' of '%s' has type "
				 "'%s', not '%s'", q->name, f->name, prim_name(t), prim_name(q->prim));
			xi_note(&c->ctx->diag, q->loc, "'%s' is declared here", q->name);
			ok = false;
		}
	}
	return ok ? (int)f->const_prim : -1;
}

/* The type of e (UNTYPED for a literal or an expression of literals), or
 * -1 after an error. */
static int check(struct fn_checker *c, struct xi_expr *e)
{
	int t = -1;
	switch (e->kind) {
	case XI_EXPR_INT:
		t = UNTYPED;
		break;
	case XI_EXPR_NAME: {
		const struct xi_param *q = xi_fn_param(c->d, e->name);
		if (q) {
			e->kind = XI_EXPR_PARAM;
			e->ref = c->d;
			t = (int)q->prim;
			break;
		}
		if (!e->ref)
			e->ref = xi_lookup_const(c->ctx, c->d->module, e->name, e->loc);
		if (!e->ref)
			return -1;
		if (e->ref->parameterised) {
			xi_error(&c->ctx->diag, e->loc, "'%s' is a parameterised constant: call it with "
				 "%u argument%s", e->name, e->ref->nparams, e->ref->nparams == 1 ? "" : "s");
			xi_note(&c->ctx->diag, e->ref->loc, "'%s' is declared here", e->name);
			return -1;
		}
		if (!xi_eval_const(c->ctx, e->ref))
			return -1;
		t = (int)e->ref->const_prim;
		break;
	}
	case XI_EXPR_PARAM:
		t = (int)xi_fn_param(c->d, e->name)->prim;
		break;
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		xi_error(&c->ctx->diag, e->loc, "%s is not allowed in a parameterised constant",
			 e->kind == XI_EXPR_SIZEOF ? "sizeof" : "alignof");
		return -1;
	case XI_EXPR_UNARY:
		t = check(c, e->a);
		break;
	case XI_EXPR_BINARY: {
		int l = check(c, e->a), r = check(c, e->b);
		if (l < 0 || r < 0)
			return -1;
		if (e->op == XI_OP_SHL || e->op == XI_OP_SHR) {
			t = l;
		} else if (l != UNTYPED && r != UNTYPED && l != r) {
			xi_error(&c->ctx->diag, e->loc, "the operands of '%s' have different types, "
				 "'%s' and '%s'", op_text(e->op), prim_name(l), prim_name(r));
			xi_note(&c->ctx->diag, e->b->loc, "convert one, as in '%s(...)'", prim_name(l));
			return -1;
		} else {
			t = l != UNTYPED ? l : r;
		}
		break;
	}
	case XI_EXPR_CALL:
		t = check_call(c, e);
		break;
	case XI_EXPR_ARG:
		break;
	}
	if (t >= 0)
		e->prim = (enum xi_prim)t;
	return t;
}

/* Give the untyped nodes the type of their context: `want`. A shift's
 * count keeps its own type, u32 when untyped (Rust's shift amount). */
static void settle(struct xi_expr *e, enum xi_prim want)
{
	switch (e->kind) {
	case XI_EXPR_INT:
		e->prim = want;
		break;
	case XI_EXPR_UNARY:
		if (e->prim == UNTYPED)
			e->prim = want;
		settle(e->a, e->prim);
		break;
	case XI_EXPR_BINARY:
		if (e->prim == UNTYPED)
			e->prim = want;
		settle(e->a, e->prim);
		if (e->op == XI_OP_SHL || e->op == XI_OP_SHR)
			settle(e->b, e->b->prim == UNTYPED ? XI_PRIM_U32 : e->b->prim);
		else
			settle(e->b, e->prim);
		break;
	case XI_EXPR_CALL:
		if (!e->a->ref) {
			/* a conversion: a literal converted is of the target type */
			settle(e->b->a, e->b->a->prim == UNTYPED ? e->a->prim : e->b->a->prim);
		} else {
			const struct xi_param *q = e->a->ref->params;
			for (struct xi_expr *a = e->b; a; a = a->b, q = q->next)
				settle(a->a, q->prim);
		}
		break;
	default:
		break;
	}
}

bool xi_check_fn_const(struct xi_ctx *ctx, struct xi_decl *d)
{
	struct fn_checker c = { ctx, d, { ctx, &ctx->diag, d->module, d, d->legacy, false, 0, NULL } };
	bool ok = true;
	for (struct xi_param *q = d->params; q; q = q->next) {
		for (const struct xi_param *o = d->params; o != q; o = o->next) {
			if (!strcmp(o->name, q->name)) {
				xi_error(&ctx->diag, q->loc, "parameter '%s' is declared twice", q->name);
				xi_note(&ctx->diag, o->loc, "the first '%s' is here", q->name);
				ok = false;
				break;
			}
		}
		int p = integer_type(&c, q->type, "a parameter", q->loc);
		if (p < 0)
			ok = false;
		else
			q->prim = (enum xi_prim)p;
	}
	int result = integer_type(&c, d->type, "a constant", d->loc);
	d->const_prim = result >= 0 ? (enum xi_prim)result : XI_PRIM_U64;
	if (!ok || result < 0)
		return false;
	int t = check(&c, d->expr);
	if (t < 0)
		return false;
	if (t != UNTYPED && t != result) {
		xi_error(&ctx->diag, d->expr->loc, "the value of '%s' has type '%s', not its "
			 "declared type '%s'", d->name, prim_name(t), prim_name(result));
		return false;
	}
	settle(d->expr, (enum xi_prim)result);
	return true;
}
