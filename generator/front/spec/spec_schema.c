/* The schema mapper's vocabulary: keys (with the warning for unknown
 * ones), required values, names, descriptions, values and attributes. */
#include <string.h>

#include "ascii.h"
#include "cond.h"

#include "limits.h"
#include "spec_mapper.h"
#include "strbuf.h"

/* --- Keys ------------------------------------------------------------------ */

bool xi_sm_word_in(enum xi_word w, const enum xi_word *words)
{
	for (; *words != XI_W_NONE; words++)
		if (*words == w)
			return true;
	return false;
}

/* `typ` (xenbindgen) and `type` (its planned rename) are one key. */
static bool key_allowed(enum xi_word key, const enum xi_word *keys, enum xi_word extra)
{
	if (key == XI_W_NONE)
		return false;
	if (xi_sm_word_in(key, keys) || key == extra)
		return true;
	if (key == XI_W_TYP)
		return xi_sm_word_in(XI_W_TYPE, keys);
	if (key == XI_W_TYPE)
		return xi_sm_word_in(XI_W_TYP, keys);
	return false;
}

const char *xi_sm_key_list(struct mapper *mp, const enum xi_word *keys, enum xi_word extra)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const enum xi_word *k = keys; *k != XI_W_NONE; k++)
		xi_sb_printf(&sb, "%s%s", k == keys ? "" : ", ", xi_words[*k]);
	if (extra != XI_W_NONE)
		xi_sb_printf(&sb, ", %s", xi_words[extra]);
	const char *r = xi_strdup(&mp->ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Unknown keys are nearly always typos: warn, naming the allowed ones. */
void xi_sm_check_keys(struct mapper *mp, const struct xi_dnode *obj, const char *what,
		   const enum xi_word *keys, enum xi_word extra)
{
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		if (key_allowed(e->word, keys, extra))
			continue;
		xi_warning(mp->diag, e->key_loc, "unknown key '%s' in %s; allowed keys: %s", e->key,
			   what, xi_sm_key_list(mp, keys, extra));
	}
}

const char *xi_sm_phrase(const struct mapper *mp, enum xi_dkind k)
{
	return xi_dkind_phrase(k, mp->toml);
}

const struct xi_dnode *xi_sm_need(struct mapper *mp, const struct xi_dnode *obj, enum xi_word key,
			       const char *what, const char *expect)
{
	const struct xi_dentry *e = xi_sm_entry(obj, key);
	if (e)
		return e->value;
	xi_error(mp->diag, obj->loc, "missing '%s' in %s (expected %s)", xi_words[key], what, expect);
	return NULL;
}

bool xi_sm_is_kind(struct mapper *mp, const struct xi_dnode *n, const char *key,
		enum xi_dkind kind, const char *expect)
{
	if (n->kind == kind)
		return true;
	xi_error(mp->diag, n->loc, "'%s' must be %s, not %s", key, expect, xi_sm_phrase(mp, n->kind));
	return false;
}

/* The mapping an object must be. */
bool xi_sm_is_object(struct mapper *mp, const struct xi_dnode *n, const char *what)
{
	if (n->kind == XI_DMAP)
		return true;
	xi_error(mp->diag, n->loc, "expected %s (%s), not %s", what, xi_sm_phrase(mp, XI_DMAP),
		 xi_sm_phrase(mp, n->kind));
	return false;
}

/* --- Names and text --------------------------------------------------------- */

bool xi_sm_is_identifier(const char *s, size_t len)
{
	return xi_is_identifier(s, len);
}

bool xi_sm_is_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!xi_is_ident(c))
			return false;
	}
	return len > 0;
}

/* Names xidl reserves: a spec using them could not be converted. */
static bool reserved_name(enum xi_word name, enum name_role role)
{
	static const enum xi_word hard[] = { XI_W_CONST, XI_W_ENUM, XI_W_STRUCT, XI_W_UNION,
					     XI_W_SWITCH, XI_W_UNDERSCORE, XI_W_NONE };
	static const enum xi_word soft[] = { XI_W_IMPORT, XI_W_ARCH, XI_W_TYPE, XI_W_BITMAP,
					     XI_W_HANDLE, XI_W_NATIVE_HANDLE, XI_W_PTR, XI_W_NONE };
	if (name == XI_W_NONE)
		return false;
	if (xi_sm_word_in(name, hard))
		return true;
	return role != NAME_MEMBER && xi_sm_word_in(name, soft);
}

const char *xi_sm_name_of(struct mapper *mp, const struct xi_dnode *n, const char *key,
		       enum name_role role)
{
	if (!xi_sm_is_kind(mp, n, key, XI_DSTR, "a name (a string)"))
		return NULL;
	if (!xi_sm_is_identifier(n->text, n->len)) {
		xi_error(mp->diag, n->loc,
			 "'%s' is not a valid name (expected letters, digits and '_', "
			 "not starting with a digit)", n->text);
		return NULL;
	}
	if (n->len > XI_MAX_IDENT_LEN) {
		xi_error(mp->diag, n->loc, "name is longer than %u characters", XI_MAX_IDENT_LEN);
		return NULL;
	}
	if (!mp->xbg && reserved_name(xi_word_of(n->text, n->len), role)) {
		xi_error(mp->diag, n->loc, "'%s' is a keyword of xidl and cannot name %s", n->text,
			 role == NAME_MEMBER ? "a member" : "a declaration");
		return NULL;
	}
	return xi_intern(mp->ctx, n->text, n->len);
}

/* The `description` of an object: any string, kept exactly. Required in
 * the xenbindgen dialect. */
bool xi_sm_description(struct mapper *mp, const struct xi_dnode *obj, const char *what,
		    const char **doc)
{
	*doc = NULL;
	const struct xi_dentry *e = xi_sm_entry(obj, XI_W_DESCRIPTION);
	if (!e) {
		if (mp->xbg) {
			xi_sm_need(mp, obj, XI_W_DESCRIPTION, what, "a string");
			return false;
		}
		return true;
	}
	if (!xi_sm_is_kind(mp, e->value, "description", XI_DSTR, "a string"))
		return false;
	*doc = e->value->text;
	return true;
}

/* --- Expressions ------------------------------------------------------------ */

struct xi_expr *xi_sm_int_expr(struct mapper *mp, const struct xi_dnode *n)
{
	struct xi_expr *e = XI_NEW(&mp->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_INT;
	e->loc = n->loc;
	e->lit = xi_int_u(n->ival.mag);
	e->hex = n->hex;
	e->depth = 1;
	if (!n->ival.neg)
		return e;
	/* -5 is a negation, as xidl parses it. */
	struct xi_expr *neg = XI_NEW(&mp->ctx->arena, struct xi_expr);
	neg->kind = XI_EXPR_UNARY;
	neg->op = XI_OP_NEG;
	neg->loc = n->loc;
	neg->a = e;
	neg->depth = 2;
	return neg;
}

/* A value: an integer, or (xenidl dialect) an expression string. In the
 * xenbindgen dialect, a non-negative integer. */
struct xi_expr *xi_sm_value_expr(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	if (mp->xbg) {
		if (n->kind != XI_DINT || n->ival.neg) {
			xi_error(mp->diag, n->loc, "'%s' must be a non-negative integer, not %s", key,
				 n->kind == XI_DINT ? "a negative one" : xi_sm_phrase(mp, n->kind));
			return NULL;
		}
		return xi_sm_int_expr(mp, n);
	}
	if (n->kind == XI_DINT)
		return xi_sm_int_expr(mp, n);
	if (n->kind == XI_DSTR)
		return xi_spec_parse_expr(mp->ctx, n);
	xi_error(mp->diag, n->loc, "'%s' must be an integer or an expression (a string), not %s",
		 key, xi_sm_phrase(mp, n->kind));
	return NULL;
}

/* --- Attributes ------------------------------------------------------------- */

static struct xi_attr *new_attr(struct mapper *mp, const char *name, const struct xi_dentry *e)
{
	struct xi_attr *a = xi_attr_new(mp->ctx);
	a->name = name;
	a->loc = e->key_loc;
	a->arg_loc = e->value->loc;
	return a;
}

/* Where a string's text starts: exact when the string is its source text. */
static struct xi_loc cond_loc(const struct xi_dnode *v)
{
	struct xi_loc loc = v->loc;
	if (v->verbatim)
		loc.col = v->text_col;
	return loc;
}

/* The attribute of one entry of an object (its key is the attribute's
 * name): *out is NULL when the key is none, or a flag that is false.
 * False after an error. */
static bool attribute(struct mapper *mp, const struct xi_dentry *e, struct xi_attr **out)
{
	const struct xi_dnode *v = e->value;
	struct xi_attr *a = NULL;
	switch (e->word) {
	case XI_W_C_NAME:
	case XI_W_C_PREFIX:
	case XI_W_C_ALIAS:
	case XI_W_C_OLD_NAME:
		if (!xi_sm_is_kind(mp, v, e->key, XI_DSTR, "a string"))
			return false;
		a = new_attr(mp, xi_words[e->word], e);
		a->arg_kind = XI_ATTR_ARG_STRING;
		a->str = xi_intern(mp->ctx, v->text, v->len);
		break;
	case XI_W_C_ENUM:
	case XI_W_C_TYPEDEF:
		/* true, or the typedef name (of an anonymous C enum; of a
		 * struct or union) */
		if (v->kind == XI_DSTR) {
			a = new_attr(mp, xi_words[e->word], e);
			a->arg_kind = XI_ATTR_ARG_STRING;
			a->str = xi_intern(mp->ctx, v->text, v->len);
			break;
		}
		if (!xi_sm_is_kind(mp, v, e->key, XI_DBOOL, "true, false or a typedef name"))
			return false;
		if (v->bval)
			a = new_attr(mp, xi_words[e->word], e);
		break;
	case XI_W_LEGACY:
	case XI_W_INTERFACE_VERSION:
	case XI_W_RESERVED:
	case XI_W_C_BITFIELDS:
	case XI_W_C_HANDLE:
	case XI_W_C_INLINE:
	case XI_W_C_ASM:
	case XI_W_C_IFNDEF:
	case XI_W_C_BIT_NUMBERS:
	case XI_W_C_FIELD_MACRO:
	case XI_W_C_FALLBACK:
		if (!xi_sm_is_kind(mp, v, e->key, XI_DBOOL, "true or false"))
			return false;
		if (v->bval)
			a = new_attr(mp, xi_words[e->word], e);
		break;
	case XI_W_C_TYPE:
	case XI_W_VERSION:
	case XI_W_HVM_SAVE: {
		/* a name: the C type, the version constant, the record's data type */
		const char *key = xi_words[e->word];
		const char *name = xi_sm_name_of(mp, v, key, NAME_REF);
		if (!name)
			return false;
		a = new_attr(mp, key, e);
		a->arg_kind = XI_ATTR_ARG_EXPR;
		a->expr = XI_NEW(&mp->ctx->arena, struct xi_expr);
		a->expr->kind = XI_EXPR_NAME;
		a->expr->name = name;
		a->expr->loc = v->loc;
		a->expr->depth = 1;
		break;
	}
	case XI_W_LEN: {
		/* @len(nr): the member holding the count */
		const char *name = xi_sm_name_of(mp, v, "len", NAME_MEMBER);
		if (!name)
			return false;
		a = new_attr(mp, "len", e);
		a->arg_kind = XI_ATTR_ARG_EXPR;
		a->expr = XI_NEW(&mp->ctx->arena, struct xi_expr);
		a->expr->kind = XI_EXPR_NAME;
		a->expr->name = name;
		a->expr->loc = v->loc;
		a->expr->depth = 1;
		break;
	}
	case XI_W_MAX: {
		/* @max(BOUND): a value */
		struct xi_expr *bound = xi_sm_value_expr(mp, v, "max");
		if (!bound)
			return false;
		a = new_attr(mp, "max", e);
		a->arg_kind = XI_ATTR_ARG_EXPR;
		a->expr = bound;
		break;
	}
	case XI_W_IF:
	case XI_W_C_TYPEDEF_IF:
	case XI_W_C_ALIAS_IF:
		/* A declaration's condition, as @if writes it: "version >= 0x00030209"
		 * (c_typedef_if: its C typedef's, "!xen"). */
		if (!xi_sm_is_kind(mp, v, e->key, XI_DSTR, "a string"))
			return false;
		a = new_attr(mp, xi_words[e->word], e);
		a->arg_kind = XI_ATTR_ARG_COND;
		a->cond = xi_cond_parse(mp->ctx, xi_strndup(&mp->ctx->arena, v->text, v->len),
					cond_loc(v));
		if (!a->cond)
			return false;
		break;
	case XI_W_C_NAME_IF: {
		/* @c_name_if(xen, "guest_user_regs"): {if: xen, name: guest_user_regs} */
		const struct xi_dentry *c = v->kind == XI_DMAP ? xi_sm_entry(v, XI_W_IF) : NULL;
		const struct xi_dentry *n = v->kind == XI_DMAP ? xi_sm_entry(v, XI_W_NAME) : NULL;
		if (!c || !n || c->value->kind != XI_DSTR || n->value->kind != XI_DSTR ||
		    v->first->next->next) {
			xi_error(mp->diag, v->loc, "'c_name_if' must be a mapping of 'if' (a condition) "
				 "and 'name' (a C name), as {if: xen, name: guest_user_regs}");
			return false;
		}
		a = new_attr(mp, xi_words[e->word], e);
		a->arg_kind = XI_ATTR_ARG_COND;
		a->cond = xi_cond_parse(mp->ctx, xi_strndup(&mp->ctx->arena, c->value->text,
							    c->value->len), cond_loc(c->value));
		a->str = xi_strndup(&mp->ctx->arena, n->value->text, n->value->len);
		if (!a->cond)
			return false;
		break;
	}
	case XI_W_DIRECTION: {
		enum xi_word dir = v->kind == XI_DSTR ? xi_word_of(v->text, v->len) : XI_W_NONE;
		if (dir != XI_W_IN && dir != XI_W_OUT && dir != XI_W_INOUT) {
			xi_error(mp->diag, v->loc, "'direction' must be in, out or inout");
			return false;
		}
		a = new_attr(mp, xi_words[dir], e);
		break;
	}
	default:
		break;
	}
	*out = a;
	return true;
}

/* The attribute keys of an object, in document order: c_name, c_prefix,
 * c_type, legacy, c_bitfields, version, direction and reserved. False after an
 * error. */
bool xi_sm_attributes(struct mapper *mp, const struct xi_dnode *obj, struct xi_attr **out)
{
	bool ok = true;
	struct xi_attr **tail = out;
	while (*tail)
		tail = &(*tail)->next;
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		struct xi_attr *a;
		if (!attribute(mp, e, &a)) {
			ok = false;
		} else if (a) {
			*tail = a;
			tail = &a->next;
		}
	}
	return ok;
}
