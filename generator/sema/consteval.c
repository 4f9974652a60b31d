/* Constant expressions: exact evaluation, with every failure located.
 *
 * Values are exact over -2^63 .. 2^64-1 (see xint.h). `~` complements
 * within the width of the type the expression is evaluated for, as in
 * Rust: `~0` is 0xFFFFFFFF for a u32 and -1 for an i32. */
#include "consteval.h"

#include "strbuf.h"

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

/* The layout of a type sizeof or alignof names, on one ABI, without the
 * layout engine (it runs after resolution): scalars, aliases, enums,
 * bitmaps, handles and arrays of those. An alias is resolved first when
 * resolution has not reached it yet. */
static bool sizeof_layout(struct xi_ctx *ctx, const struct xi_expr *e, const struct xi_type *t,
			  int abi, unsigned hops, struct xi_layout *out)
{
	const char *what = e->kind == XI_EXPR_SIZEOF ? "sizeof" : "alignof";
	if (hops > XI_MAX_EXPR_DEPTH)
		return false;
	switch (t->kind) {
	case XI_TYPE_PRIM:
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		*out = xi_type_layout(t, abi);
		return true;
	case XI_TYPE_ARRAY:
		/* a flexible array (no length) has no size: count 0 */
		if (!t->u.array.count || !sizeof_layout(ctx, e, t->u.array.elem, abi, hops + 1, out))
			return false;
		out->size *= t->u.array.count;
		return true;
	case XI_TYPE_ARCH:
		if (!t->u.arch.abi || !t->u.arch.abi[abi])
			return false;
		return sizeof_layout(ctx, e, t->u.arch.abi[abi], abi, hops + 1, out);
	case XI_TYPE_REF: {
		struct xi_decl *d = (struct xi_decl *)xi_ref_decl(t, abi);
		if (!d)
			return false;
		switch (d->kind) {
		case XI_DECL_ALIAS:
			if (ctx->resolve_decl_early)
				ctx->resolve_decl_early(ctx, d);
			if (d->failed)
				return false;
			return sizeof_layout(ctx, e, d->type, abi, hops + 1, out);
		case XI_DECL_ENUM:
		case XI_DECL_BITMAP:
			if (ctx->resolve_decl_early)
				ctx->resolve_decl_early(ctx, d);
			if (!d->backing_ok)
				return false;
			*out = xi_decl_layout(d, abi);
			return true;
		case XI_DECL_STRUCT:
		case XI_DECL_UNION:
			xi_error(&ctx->diag, e->loc, "'%s' of %s '%s' in a constant expression: only "
				 "scalars, handles and arrays of them have a size before layout", what,
				 d->kind == XI_DECL_STRUCT ? "struct" : "union", d->name);
			return false;
		case XI_DECL_CONST:
			return false;
		}
		return false;
	}
	case XI_TYPE_AGG:
	case XI_TYPE_VOID:
		/* sizeof takes a name (parser.y); resolution refuses void */
		return false;
	}
	return false;
}

/* sizeof(T) or alignof(T) on the ABI evaluated for; outside a per-ABI
 * evaluation, the value on the first ABI of the module, and a value that
 * differs between ABIs marks the expression as per ABI. */
static bool eval_sizeof(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
			struct xi_int *out)
{
	if (!e->type_resolved) {
		xi_error(&ctx->diag, e->loc, "'%s' is allowed in constants and array lengths only",
			 e->kind == XI_EXPR_SIZEOF ? "sizeof" : "alignof");
		return false;
	}
	xi_abi_mask abis = ctx->eval_on_abi ? XI_ABI_BIT(ctx->eval_abi) : xi_module_abis(ctx, m);
	bool first = true;
	XI_FOR_EACH_ABI(a, abis) {
		struct xi_layout l;
		if (!sizeof_layout(ctx, e, e->type, a, 0, &l))
			return false;
		struct xi_int v = xi_int_u(e->kind == XI_EXPR_SIZEOF ? l.size : l.align);
		if (first)
			*out = v;
		else if (!xi_int_eq(v, *out))
			ctx->eval_abi_dependent = true;
		first = false;
	}
	return !first;
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
		if (!e->ref)
			return false;
		if (xi_decl_is_string(e->ref)) {
			xi_error(&ctx->diag, e->loc, "'%s' is a string constant, not an integer",
				 e->name);
			xi_note(&ctx->diag, e->ref->loc, "'%s' is declared here", e->name);
			return false;
		}
		if (e->ref->parameterised) {
			xi_error(&ctx->diag, e->loc, "'%s' is a parameterised constant: it has a value "
				 "only in the body of another", e->name);
			xi_note(&ctx->diag, e->ref->loc, "'%s' is declared here", e->name);
			e->ref = NULL;
			return false;
		}
		if (!xi_eval_const(ctx, e->ref))
			return false;
		*out = e->ref->value;
		if (e->ref->abi_value) {
			if (ctx->eval_on_abi)
				*out = e->ref->abi_value[ctx->eval_abi];
			else
				ctx->eval_abi_dependent = true;
		}
		return true;
	case XI_EXPR_SIZEOF:
	case XI_EXPR_ALIGNOF:
		return eval_sizeof(ctx, m, e, out);
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
		return false;
	case XI_EXPR_PARAM:
	case XI_EXPR_CALL:
	case XI_EXPR_ARG:
		/* a parameterised constant's body has no value (fnconst.c); a
		 * call elsewhere was reported by its reader */
		return false;
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

bool xi_eval_per_abi(struct xi_ctx *ctx, const struct xi_module *m, struct xi_expr *e,
		     enum xi_prim prim, struct xi_int *out, struct xi_int **per_abi)
{
	bool saved_on = ctx->eval_on_abi, saved_dep = ctx->eval_abi_dependent;
	int saved_abi = ctx->eval_abi;
	ctx->eval_on_abi = false;
	ctx->eval_abi_dependent = false;
	bool ok = xi_eval_fitting(ctx, m, e, prim, out);
	*per_abi = NULL;
	if (ok && ctx->eval_abi_dependent) {
		struct xi_int *v = XI_NEW_ARRAY(&ctx->arena, struct xi_int, XI_ABI_COUNT);
		ctx->eval_on_abi = true;
		XI_FOR_EACH_ABI(a, xi_module_abis(ctx, m)) {
			ctx->eval_abi = a;
			if (!(ok = xi_eval_fitting(ctx, m, e, prim, &v[a])))
				break;
		}
		*per_abi = ok ? v : NULL;
	}
	ctx->eval_on_abi = saved_on;
	ctx->eval_abi_dependent = saved_dep;
	ctx->eval_abi = saved_abi;
	/* An enclosing evaluation learns of the values per ABI from the
	 * constant's abi_value (eval, XI_EXPR_NAME). */
	return ok;
}

/* `const A = B;` takes B's type and C type; B must be a constant name. */
static bool alias_target(struct xi_ctx *ctx, struct xi_decl *d)
{
	struct xi_expr *e = d->expr;
	if (e->kind != XI_EXPR_NAME) {
		xi_error(&ctx->diag, e->loc, "'%s' has no type, so it must name another constant "
			 "('const A = B;'); give it a type to compute a value ('const %s: T = EXPR;')",
			 d->name, d->name);
		return false;
	}
	struct xi_decl *target = xi_lookup_const(ctx, d->module, e->name, e->loc);
	if (!target || !xi_eval_const(ctx, target) || !target->type)
		return false;
	e->ref = target;
	d->type = target->type;
	if (!d->c_type)
		d->c_type = target->c_type;
	return true;
}

/* A string constant's value: its pieces concatenated, other string
 * constants by their values. */
static bool eval_string(struct xi_ctx *ctx, struct xi_decl *d)
{
	if (!xi_type_is_str(d->type)) {
		xi_error(&ctx->diag, d->str_parts->loc, "a string value needs the type 'str', as in "
			 "const %s: str = \"...\";", d->name);
		return false;
	}
	if (d->const_alias) {
		/* `const A = B;` of a string constant B: B's text */
		d->str_value = d->expr->ref->str_value;
		return true;
	}
	if (!d->str_parts) {
		/* `const A: str = B;`: another string constant's value */
		if (d->expr->kind != XI_EXPR_NAME) {
			xi_error(&ctx->diag, d->expr->loc, "a 'str' constant needs a string value, as "
				 "in \"text\"");
			return false;
		}
		d->str_parts = XI_NEW(&ctx->arena, struct xi_str_part);
		d->str_parts->name = d->expr->name;
		d->str_parts->loc = d->expr->loc;
		d->expr = NULL;
	}
	if (d->c_type) {
		xi_error(&ctx->diag, d->loc, "'@c_type' applies to integer constants only; '%s' is "
			 "a string", d->name);
		return false;
	}
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool ok = true;
	for (struct xi_str_part *s = d->str_parts; s; s = s->next) {
		if (s->text) {
			xi_sb_adds(&sb, s->text);
			continue;
		}
		if (!s->ref)
			s->ref = xi_lookup_const(ctx, d->module, s->name, s->loc);
		if (!s->ref) {
			ok = false;
		} else if (!xi_decl_is_string(s->ref)) {
			xi_error(&ctx->diag, s->loc, "'%s' is an integer constant; a string "
				 "constant joins literals and string constants only", s->name);
			xi_note(&ctx->diag, s->ref->loc, "'%s' is declared here", s->name);
			ok = false;
		} else if (!xi_eval_const(ctx, s->ref)) {
			ok = false;
		} else {
			xi_sb_adds(&sb, s->ref->str_value);
		}
	}
	if (ok && sb.len > XI_MAX_STRING_LEN) {
		xi_error(&ctx->diag, d->loc, "string constant '%s' is longer than %u bytes", d->name,
			 XI_MAX_STRING_LEN);
		ok = false;
	}
	if (ok)
		d->str_value = xi_strdup(&ctx->arena, sb.data ? xi_sb_str(&sb) : "");
	xi_sb_free(&sb);
	return ok;
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
	if (d->parameterised) {
		/* No value: its body is checked, and evaluated where called. */
		bool ok = ctx->check_fn_const && ctx->check_fn_const(ctx, d);
		d->evaluating = false;
		d->evaluated = true;
		d->eval_failed = !ok;
		return ok;
	}
	if (d->const_alias && !d->type && !alias_target(ctx, d)) {
		d->evaluating = false;
		d->evaluated = true;
		d->eval_failed = true;
		d->const_prim = XI_PRIM_U64;
		return false;
	}
	if (xi_decl_is_string(d)) {
		bool ok = eval_string(ctx, d);
		d->evaluating = false;
		d->evaluated = true;
		d->eval_failed = !ok;
		d->const_prim = XI_PRIM_U64;
		return ok;
	}
	if (d->c_asm)
		xi_error(&ctx->diag, d->loc, "'@c_asm' applies to string constants only; '%s' is an "
			 "integer", d->name);
	int prim = xi_integer_prim_of(ctx, d->module, d->type, "a constant", d->loc);
	bool ok = prim >= 0 && (!ctx->resolve_expr_types || ctx->resolve_expr_types(ctx, d, d->expr)) &&
		  xi_eval_per_abi(ctx, d->module, d->expr, (enum xi_prim)prim, &d->value, &d->abi_value);
	d->evaluating = false;
	d->evaluated = true;
	d->eval_failed = !ok;
	d->const_prim = prim >= 0 ? (enum xi_prim)prim : XI_PRIM_U64;
	return ok;
}
