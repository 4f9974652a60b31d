/* The schema mapper: types (a name, a tag/args table or the short form)
 * and the fields of structs, unions and tagged unions. */
#include <string.h>

#include "comments.h"
#include "fixit.h"
#include "suggest.h"
#include "spec_mapper.h"

/* The keys of fields and arms, by dialect. */
static const enum xi_word field_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYP, XI_W_NONE };
static const enum xi_word field_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYPE, XI_W_DIRECTION,
					     XI_W_RESERVED, XI_W_C_NAME, XI_W_LEN, XI_W_MAX,
					     XI_W_IF, XI_W_C_FALLBACK, XI_W_C_ALIAS, XI_W_C_ALIAS_IF, XI_W_BITS,
					     XI_W_NONE };
static const enum xi_word arm_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYPE, XI_W_WHEN,
					   XI_W_DEFAULT, XI_W_DIRECTION, XI_W_RESERVED, XI_W_C_NAME,
					   XI_W_NONE };
static const enum xi_word type_table_keys[] = { XI_W_TAG, XI_W_ARGS, XI_W_NONE };
/* The kinds of type a table names. */
static const enum xi_word tags_xbg[] = { XI_W_U8, XI_W_U16, XI_W_U32, XI_W_U64, XI_W_I8, XI_W_I16,
					 XI_W_I32, XI_W_I64, XI_W_STRUCT, XI_W_ENUM, XI_W_BITMAP,
					 XI_W_PTR, XI_W_ARRAY, XI_W_NONE };
static const enum xi_word tags_xenidl[] = { XI_W_U8, XI_W_U16, XI_W_U32, XI_W_U64, XI_W_I8,
					    XI_W_I16, XI_W_I32, XI_W_I64, XI_W_CHAR,
					    XI_W_NATIVE_U64, XI_W_NATIVE_I64, XI_W_STRUCT,
					    XI_W_UNION, XI_W_ENUM, XI_W_BITMAP, XI_W_PTR,
					    XI_W_HANDLE, XI_W_NATIVE_HANDLE, XI_W_POINTER,
					    XI_W_ARRAY, XI_W_ARCH,
					    XI_W_NONE };
/* The keys of a type table in the short form ({ptr: u8}). */
static const enum xi_word short_xbg[] = { XI_W_STRUCT, XI_W_ENUM, XI_W_BITMAP, XI_W_PTR,
					  XI_W_ARRAY, XI_W_NONE };
static const enum xi_word short_xenidl[] = { XI_W_STRUCT, XI_W_UNION, XI_W_ENUM, XI_W_BITMAP,
					     XI_W_PTR, XI_W_HANDLE, XI_W_NATIVE_HANDLE, XI_W_POINTER,
					     XI_W_ARRAY, XI_W_ARCH, XI_W_NONE };

/* --- Types ------------------------------------------------------------------ */

static const enum xi_word *type_tags(const struct mapper *mp)
{
	return mp->xbg ? tags_xbg : tags_xenidl;
}

/* Is the tag (one of type_tags) a primitive type of xi_prims? */
static bool is_prim_tag(enum xi_word tag)
{
	switch (tag) {
	case XI_W_U8: case XI_W_U16: case XI_W_U32: case XI_W_U64:
	case XI_W_I8: case XI_W_I16: case XI_W_I32: case XI_W_I64:
	case XI_W_CHAR: case XI_W_NATIVE_U64: case XI_W_NATIVE_I64:
		return true;
	default:
		return false;
	}
}

static struct xi_type *new_type(struct mapper *mp, enum xi_type_kind kind, struct xi_loc loc)
{
	struct xi_type *t = XI_NEW(&mp->ctx->arena, struct xi_type);
	t->kind = kind;
	t->loc = loc;
	return t;
}

static struct xi_type *named_type(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	/* C's name of a type ("unsigned long") is no name, but resolution
	 * says what to write instead, as for xidl. */
	if (n->kind == XI_DSTR && xi_suggest_c_type(n->text)) {
		struct xi_type *t = new_type(mp, XI_TYPE_REF, n->loc);
		t->u.ref.name = xi_intern(mp->ctx, n->text, n->len);
		return t;
	}
	const char *name = xi_sm_name_of(mp, n, key, NAME_REF);
	if (!name)
		return NULL;
	if (mp->xbg && xi_prim_by_name(name) >= 0 &&
	    !xi_sm_word_in(xi_word_of(name, strlen(name)), type_tags(mp))) {
		xi_error(mp->diag, n->loc, "'%s' is not a type of xenbindgen; expected one of: %s", name,
			 xi_sm_key_list(mp, type_tags(mp), XI_W_NONE));
		return NULL;
	}
	struct xi_type *t = new_type(mp, XI_TYPE_REF, n->loc);
	t->u.ref.name = name;
	return t;
}

struct xi_agg *xi_sm_new_agg(struct mapper *mp, bool is_union, struct xi_loc loc,
			  struct xi_member *members, unsigned count)
{
	struct xi_agg *a = XI_NEW(&mp->ctx->arena, struct xi_agg);
	a->is_union = is_union;
	a->loc = loc;
	a->members = members;
	a->nmembers = count;
	return a;
}

/* struct/union/enum/bitmap: a name; struct/union also a list of fields
 * (an inline aggregate). `sw` is the switch of a tagged union. */
static struct xi_type *kind_type(struct mapper *mp, enum xi_word tag, const struct xi_dnode *args,
				 const struct xi_dnode *sw, struct xi_loc loc, struct xi_loc tag_loc)
{
	bool aggregate = tag == XI_W_STRUCT || tag == XI_W_UNION;
	if (args->kind == XI_DSEQ && aggregate && !mp->xbg) {
		unsigned count;
		struct xi_member *members = xi_sm_map_fields(mp, args, sw != NULL, &count);
		if (!members && count)
			return NULL;
		struct xi_type *t = new_type(mp, XI_TYPE_AGG, loc);
		t->u.agg = xi_sm_new_agg(mp, tag == XI_W_UNION, loc, members, count);
		if (mp->ctx->comments)
			xi_comments_cont_node(mp->ctx->comments, t->u.agg, args, tag_loc);
		if (sw) {
			const char *tag_name = xi_sm_name_of(mp, sw, "switch", NAME_MEMBER);
			if (!tag_name)
				return NULL;
			t->u.agg->tag_name = tag_name;
			t->u.agg->tag_loc = sw->loc;
		}
		return t;
	}
	if (sw) {
		xi_error(mp->diag, args->loc, "a tagged union ('switch') needs its arms as a list of fields");
		return NULL;
	}
	if (args->kind != XI_DSTR) {
		xi_error(mp->diag, args->loc, "'%s' must name %s%s, not %s", xi_words[tag],
			 tag == XI_W_ENUM ? "an enum" : tag == XI_W_UNION ? "a union"
			 : tag == XI_W_BITMAP ? "a bitmap" : "a struct",
			 aggregate && !mp->xbg ? " (a string) or list its fields" : " (a string)",
			 xi_sm_phrase(mp, args->kind));
		return NULL;
	}
	struct xi_type *t = named_type(mp, args, xi_words[tag]);
	if (!t)
		return NULL;
	if (xi_prim_by_name(t->u.ref.name) >= 0) {
		xi_error(mp->diag, args->loc, "'%s' is a primitive type, not %s %s", t->u.ref.name,
			 tag == XI_W_ENUM ? "an" : "a", xi_words[tag]);
		return NULL;
	}
	t->u.ref.want = true;
	t->u.ref.want_kind = tag == XI_W_STRUCT ? XI_DECL_STRUCT
			   : tag == XI_W_UNION ? XI_DECL_UNION
			   : tag == XI_W_ENUM ? XI_DECL_ENUM : XI_DECL_BITMAP;
	return t;
}

static struct xi_type *array_type(struct mapper *mp, const struct xi_dnode *args, struct xi_loc loc)
{
	/* [T]: a flexible array member (xenidl's forms only) */
	bool flex = args->kind == XI_DSEQ && args->count == 1 && !mp->xbg;
	if (args->kind != XI_DSEQ || (args->count != 2 && !flex)) {
		xi_error(mp->diag, args->loc,
			 "'array' must be a list of the element type and the length, as %s%s",
			 mp->toml ? "[\"u8\", 16]" : "[u8, 16]",
			 mp->xbg ? "" : mp->toml ? ", or [\"u8\"] for a flexible array"
						 : ", or [u8] for a flexible array");
		return NULL;
	}
	struct xi_type *elem = xi_sm_map_type(mp, args->head, "array");
	const struct xi_dnode *len = args->head->next;
	struct xi_expr *e = flex ? NULL : xi_sm_value_expr(mp, len, "array length");
	if (!elem || (!e && !flex))
		return NULL;
	struct xi_type *t = new_type(mp, XI_TYPE_ARRAY, loc);
	t->u.array.elem = elem;
	t->u.array.len = e;
	return t;
}

static struct xi_type *arch_type(struct mapper *mp, const struct xi_dnode *args, struct xi_loc loc)
{
	if (args->kind != XI_DMAP || !args->count) {
		xi_error(mp->diag, args->loc,
			 "'arch' must map ABI names (x86_32 ... ppc64le, or default) to types");
		return NULL;
	}
	struct xi_type *t = new_type(mp, XI_TYPE_ARCH, loc);
	struct xi_arch_choice **tail = &t->u.arch.choices;
	bool ok = true;
	for (const struct xi_dentry *e = args->first; e; e = e->next) {
		struct xi_arch_choice *c = XI_NEW(&mp->ctx->arena, struct xi_arch_choice);
		if (!xi_sm_is_identifier(e->key, e->keylen)) {
			xi_error(mp->diag, e->key_loc, "'%s' is not an ABI name", e->key);
			ok = false;
			continue;
		}
		c->key = xi_intern(mp->ctx, e->key, e->keylen);
		c->loc = e->key_loc;
		c->type = xi_sm_map_type(mp, e->value, e->key);
		if (!c->type) {
			ok = false;
			continue;
		}
		*tail = c;
		tail = &c->next;
	}
	return ok ? t : NULL;
}

/* One type, by its tag (the text of a `tag` value or of a short form's
 * key) and argument. */
static struct xi_type *tagged_type(struct mapper *mp, const char *tag_text, struct xi_loc tag_loc,
				   const struct xi_dnode *args, const struct xi_dnode *sw,
				   struct xi_loc loc)
{
	enum xi_word tag = xi_word_of(tag_text, strlen(tag_text));
	if (!xi_sm_word_in(tag, type_tags(mp))) {
		/* C's name of a primitive, or a typo of a tag. */
		const char *c = xi_suggest_c_type(tag_text);
		const char *maybe = c && xi_sm_word_in(xi_word_of(c, strlen(c)), type_tags(mp)) ? c : NULL;
		struct xi_suggestion sg;
		xi_suggestion_init(&sg, tag_text);
		for (const enum xi_word *k = type_tags(mp); !maybe && *k != XI_W_NONE; k++)
			xi_suggestion_offer(&sg, xi_words[*k]);
		if (!maybe)
			maybe = sg.best;
		struct xi_fixit fix;
		if (maybe && xi_fixit_rename(mp->ctx, tag_loc, tag_text, maybe, &fix))
			xi_error_fix(mp->diag, tag_loc, &fix, 1, "unknown type '%s'; did you mean '%s'?",
				     tag_text, maybe);
		else if (maybe)
			xi_error(mp->diag, tag_loc, "unknown type '%s'; did you mean '%s'?", tag_text,
				 maybe);
		else
			xi_error(mp->diag, tag_loc, "unknown type '%s'; expected one of: %s", tag_text,
				 xi_sm_key_list(mp, type_tags(mp), XI_W_NONE));
		return NULL;
	}
	if (is_prim_tag(tag)) {
		if (args) {
			xi_error(mp->diag, args->loc, "type '%s' takes no arguments", xi_words[tag]);
			return NULL;
		}
		struct xi_type *t = new_type(mp, XI_TYPE_REF, loc);
		t->u.ref.name = xi_intern(mp->ctx, xi_words[tag], strlen(xi_words[tag]));
		return t;
	}
	if (!args) {
		xi_error(mp->diag, loc, "type '%s' needs 'args' (%s)", xi_words[tag],
			 tag == XI_W_ARRAY ? "[element type, length]"
			 : tag == XI_W_ARCH ? "a table of ABI names to types"
			 : tag == XI_W_PTR || tag == XI_W_HANDLE || tag == XI_W_NATIVE_HANDLE ||
			   tag == XI_W_POINTER
			 ? "the type pointed to" : "a name");
		return NULL;
	}
	if (sw && tag != XI_W_UNION) {
		xi_error(mp->diag, sw->loc, "'switch' only applies to a union");
		return NULL;
	}
	switch (tag) {
	case XI_W_PTR:
	case XI_W_HANDLE:
	case XI_W_NATIVE_HANDLE:
	case XI_W_POINTER: {
		struct xi_type *target;
		/* {ptr: {const: T}}: xidl's handle<const T>. */
		const struct xi_dentry *cst = args->kind == XI_DMAP && !mp->xbg
			? xi_sm_entry(args, XI_W_CONST) : NULL;
		if (cst && (cst != args->first || cst->next)) {
			xi_error(mp->diag, args->loc, "a const target is a table with the one key 'const'");
			return NULL;
		}
		if (cst)
			args = cst->value;
		if (args->kind == XI_DSTR && args->len == 4 && !memcmp(args->text, "void", 4) && !mp->xbg) {
			target = new_type(mp, XI_TYPE_REF, args->loc);
			target->u.ref.name = xi_intern(mp->ctx, "void", 4);
		} else {
			target = xi_sm_map_type(mp, args, xi_words[tag]);
		}
		if (!target)
			return NULL;
		struct xi_type *t = new_type(mp, tag == XI_W_NATIVE_HANDLE ? XI_TYPE_NATIVE_HANDLE
								: tag == XI_W_POINTER ? XI_TYPE_PTR
								: XI_TYPE_HANDLE, loc);
		t->u.target = target;
		t->target_const = cst != NULL;
		return t;
	}
	case XI_W_ARRAY:
		return array_type(mp, args, loc);
	case XI_W_ARCH:
		return arch_type(mp, args, loc);
	default:
		return kind_type(mp, tag, args, sw, loc, tag_loc);
	}
}

/* A type: a name ("u8", "domid_t"), a tag/args table ({tag: ptr, args:
 * u8}) or a short table ({ptr: u8}). */
struct xi_type *xi_sm_map_type(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	if (n->kind == XI_DSTR)
		return named_type(mp, n, key);
	if (n->kind != XI_DMAP) {
		xi_error(mp->diag, n->loc, "'%s' must be a type (a name or a table), not %s", key,
			 xi_sm_phrase(mp, n->kind));
		return NULL;
	}
	const struct xi_dentry *tag = xi_sm_entry(n, XI_W_TAG);
	const struct xi_dentry *sw = xi_sm_entry(n, XI_W_SWITCH);
	if (tag) {
		xi_sm_check_keys(mp, n, "a type", type_table_keys, mp->xbg ? XI_W_NONE : XI_W_SWITCH);
		if (!xi_sm_is_kind(mp, tag->value, "tag", XI_DSTR, "a string"))
			return NULL;
		const struct xi_dentry *args = xi_sm_entry(n, XI_W_ARGS);
		return tagged_type(mp, tag->value->text, tag->value->loc, args ? args->value : NULL,
				   sw ? sw->value : NULL, n->loc);
	}
	/* The short form: one key naming the kind of type. */
	const struct xi_dentry *kind = NULL;
	for (const struct xi_dentry *e = n->first; e; e = e->next) {
		if (!xi_sm_word_in(e->word, type_tags(mp)) || is_prim_tag(e->word))
			continue;
		if (kind) {
			xi_error(mp->diag, e->key_loc, "a type table has one of '%s' and '%s', not both",
				 kind->key, e->key);
			return NULL;
		}
		kind = e;
	}
	const enum xi_word *shorts = mp->xbg ? short_xbg : short_xenidl;
	if (!kind) {
		xi_error(mp->diag, n->loc, "expected a type: a name, or a table with 'tag' and "
			 "'args', or with one of the keys %s", xi_sm_key_list(mp, shorts, XI_W_NONE));
		return NULL;
	}
	for (const struct xi_dentry *e = n->first; e; e = e->next)
		if (e != kind && !(sw == e && !mp->xbg))
			xi_warning(mp->diag, e->key_loc, "unknown key '%s' in a type; a type table has "
				   "one of the keys %s%s, or 'tag' and 'args'", e->key,
				   xi_sm_key_list(mp, shorts, XI_W_NONE), mp->xbg ? "" : " ('union' with 'switch')");
	return tagged_type(mp, kind->key, kind->key_loc, kind->value, sw && !mp->xbg ? sw->value : NULL,
			   n->loc);
}

/* `typ` or `type` of an object. */
const struct xi_dnode *xi_sm_type_node(struct mapper *mp, const struct xi_dnode *obj,
				    const char *what)
{
	const struct xi_dentry *a = xi_sm_entry(obj, XI_W_TYP), *b = xi_sm_entry(obj, XI_W_TYPE);
	if (a && b) {
		xi_error(mp->diag, b->key_loc, "both 'typ' and 'type' are given; write one");
		return NULL;
	}
	if (a || b)
		return (a ? a : b)->value;
	xi_error(mp->diag, obj->loc, "missing '%s' in %s (expected a type)", mp->xbg ? "typ" : "type",
		 what);
	return NULL;
}

/* --- Aggregates ------------------------------------------------------------- */

/* A tagged union arm's labels: `when` (a value or a list), or `default`. */
static bool arm_labels(struct mapper *mp, const struct xi_dnode *obj, struct xi_member *m)
{
	const struct xi_dentry *when = xi_sm_entry(obj, XI_W_WHEN), *dflt = xi_sm_entry(obj, XI_W_DEFAULT);
	if (dflt) {
		if (!xi_sm_is_kind(mp, dflt->value, "default", XI_DBOOL, "true") || !dflt->value->bval) {
			if (dflt->value->kind == XI_DBOOL)
				xi_error(mp->diag, dflt->value->loc, "'default' can only be true");
			return false;
		}
		if (when) {
			xi_error(mp->diag, when->key_loc, "an arm has 'when' or 'default', not both");
			return false;
		}
		m->is_default_arm = true;
		return true;
	}
	if (!when) {
		xi_error(mp->diag, obj->loc, "an arm of a tagged union needs 'when' (the tag values "
			 "that select it) or '%s'", mp->toml ? "default = true" : "default: true");
		return false;
	}
	const struct xi_dnode *first = when->value, *single = NULL;
	if (first->kind == XI_DSEQ) {
		if (!first->count) {
			xi_error(mp->diag, first->loc, "'when' lists no tag value");
			return false;
		}
		first = first->head;
	} else {
		single = first;
	}
	struct xi_arm_label **tail = &m->labels;
	for (const struct xi_dnode *v = first; v; v = single ? NULL : v->next) {
		struct xi_expr *e;
		if (v->kind == XI_DINT && !v->ival.neg) {
			e = xi_sm_int_expr(mp, v);
		} else if (v->kind == XI_DSTR) {
			const char *name = xi_sm_name_of(mp, v, "when", NAME_REF);
			if (!name)
				return false;
			e = XI_NEW(&mp->ctx->arena, struct xi_expr);
			e->kind = XI_EXPR_NAME;
			e->name = name;
			e->loc = v->loc;
			e->depth = 1;
		} else {
			xi_error(mp->diag, v->loc, "a tag value must be an enum variant, a constant's "
				 "name or a non-negative integer, not %s", xi_sm_phrase(mp, v->kind));
			return false;
		}
		struct xi_arm_label *l = XI_NEW(&mp->ctx->arena, struct xi_arm_label);
		l->expr = e;
		*tail = l;
		tail = &l->next;
	}
	return true;
}

static struct xi_member *map_field(struct mapper *mp, const struct xi_dnode *obj, bool tagged)
{
	const char *what = tagged ? "an arm" : "a field";
	if (!xi_sm_is_object(mp, obj, what))
		return NULL;
	xi_sm_check_keys(mp, obj, what, mp->xbg ? field_xbg : tagged ? arm_xenidl : field_xenidl,
		      XI_W_NONE);
	struct xi_member *m = XI_NEW(&mp->ctx->arena, struct xi_member);
	const struct xi_dentry *name = xi_sm_entry(obj, XI_W_NAME);
	bool ok = true;
	const struct xi_dnode *tn = xi_sm_type_node(mp, obj, what);
	m->type = tn ? xi_sm_map_type(mp, tn, mp->xbg ? "typ" : "type") : NULL;
	ok &= m->type != NULL;
	/* A field without a name whose type is an inline struct or union is
	 * an anonymous member, as `union { ... };` in xidl. xenbindgen has no
	 * inline aggregates: its fields all need a name. The caller names it
	 * (xi_anonymous_name), as xidl's parser does. */
	bool anonymous = !name && !mp->xbg && m->type && m->type->kind == XI_TYPE_AGG &&
			 !m->type->u.agg->tag_name;
	if (anonymous) {
		m->flags |= XI_MEMBER_ANONYMOUS;
		m->type->u.agg->anonymous = true;
		m->loc = tn->loc;
	} else if (!name) {
		xi_sm_need(mp, obj, XI_W_NAME, what, "a string");
		ok = false;
	} else {
		m->name = xi_sm_name_of(mp, name->value, "name", NAME_MEMBER);
		m->loc = name->value->loc;
		ok &= m->name != NULL;
	}
	ok &= xi_sm_description(mp, obj, what, &m->doc);
	/* `bits: 3`: a bitfield of that width (the layout checks it). */
	const struct xi_dentry *bits = !mp->xbg && !tagged ? xi_sm_entry(obj, XI_W_BITS) : NULL;
	if (bits) {
		if (bits->value->kind != XI_DINT || bits->value->ival.neg) {
			xi_error(mp->diag, bits->value->loc, "'bits' of a field must be its width in "
				 "bits, a positive integer, not %s", xi_sm_phrase(mp, bits->value->kind));
			ok = false;
		} else {
			xi_member_set_bit_width(m, bits->value->ival.mag);
		}
	}
	if (!mp->xbg) {
		struct xi_attr *attrs = NULL;
		ok &= xi_sm_attributes(mp, obj, &attrs);
		xi_attrs_met(mp->ctx, XI_ATTRS_MEMBER, m, attrs);
	}
	if (tagged)
		ok &= arm_labels(mp, obj, m);
	return ok ? m : NULL;
}

/* convert: where a field is, and the inline aggregates of its type, which
 * are part of it. */
static void keep_field(struct xi_comments *cm, struct xi_member *m, const struct xi_type *t,
		       const struct xi_dnode *obj, const struct xi_dnode *seq)
{
	switch (t->kind) {
	case XI_TYPE_AGG:
		xi_comments_owner(cm, t->u.agg, m);
		break;
	case XI_TYPE_ARRAY:
		keep_field(cm, m, t->u.array.elem, NULL, NULL);
		break;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		keep_field(cm, m, t->u.target, NULL, NULL);
		break;
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			keep_field(cm, m, c->type, NULL, NULL);
		break;
	default:
		break;
	}
	if (obj)
		xi_comments_item_node(cm, m, obj, seq);
}

/* The fields of a struct or union (or the arms of a tagged union). Returns
 * NULL with *count set when one failed. */
struct xi_member *xi_sm_map_fields(struct mapper *mp, const struct xi_dnode *seq, bool tagged,
				unsigned *count)
{
	struct xi_member *head = NULL, **tail = &head;
	bool ok = true;
	*count = 0;
	for (const struct xi_dnode *f = seq->head; f; f = f->next) {
		struct xi_member *m = map_field(mp, f, tagged);
		if (m && (m->flags & XI_MEMBER_ANONYMOUS))
			m->name = xi_anonymous_name(mp->ctx, *count);
		(*count)++;
		if (!m) {
			ok = false;
			continue;
		}
		if (mp->ctx->comments)
			keep_field(mp->ctx->comments, m, m->type, f, seq);
		*tail = m;
		tail = &m->next;
	}
	return ok ? head : NULL;
}

