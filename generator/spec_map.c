/* The schema mapper (see spec_map.h and doc/yaml.md): document tree to
 * IR. The IR it builds is the parser's: unresolved names, expressions as
 * trees, attributes as written; the resolver does the rest, so a YAML or
 * TOML spec obeys exactly the rules of the same xidl. */
#include "spec_map.h"

#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "strbuf.h"

struct item {
	struct xi_decl *decl;
	struct xi_loc pos;     /* of the item in the document: its order */
};

struct mapper {
	struct xi_ctx *ctx;
	struct xi_diag *diag;
	struct xi_module *module;
	bool toml;
	bool xbg;              /* the xenbindgen dialect */
	struct item *items;
	unsigned nitems, cap;
};

#define NEW(type) XI_NEW(&mp->ctx->arena, type)

/* --- Keys ------------------------------------------------------------------ */

/* The keys of each object, by dialect: xenbindgen's schema (xbg_) and the
 * extended one. `typ` and `type` are the same key in both. */
static const char *const top_xbg[] = { "includes", "structs", "enums", "bitmaps", NULL };
static const char *const top_xenidl[] = { "description", "imports", "includes", "constants",
					  "aliases", "enums", "bitmaps", "structs", "unions",
					  "declarations", NULL };
static const char *const include_keys[] = { "from", "imports", NULL };
static const char *const import_keys[] = { "arch", NULL };
static const char *const const_keys[] = { "name", "description", "type", "value", "c_name", NULL };
static const char *const alias_keys[] = { "name", "description", "type", "legacy", "c_name", NULL };
static const char *const enum_xbg[] = { "name", "description", "typ", "variants", NULL };
static const char *const enum_xenidl[] = { "name", "description", "type", "variants", "c_name",
					   "c_prefix", NULL };
static const char *const variant_xbg[] = { "name", "description", "value", NULL };
static const char *const variant_xenidl[] = { "name", "description", "value", "c_name", NULL };
static const char *const bitmap_xbg[] = { "name", "description", "typ", "bits", NULL };
static const char *const bitmap_xenidl[] = { "name", "description", "type", "bits", "c_name",
					     "c_prefix", NULL };
static const char *const bit_xbg[] = { "name", "description", "shift", NULL };
static const char *const bit_xenidl[] = { "name", "description", "shift", "last", "c_name", NULL };
static const char *const agg_xbg[] = { "name", "description", "fields", NULL };
static const char *const agg_xenidl[] = { "name", "description", "fields", "legacy", "c_name",
					  "version", NULL };
static const char *const field_xbg[] = { "name", "description", "typ", NULL };
static const char *const field_xenidl[] = { "name", "description", "type", "direction", "reserved",
					    "c_name", NULL };
static const char *const arm_xenidl[] = { "name", "description", "type", "when", "default",
					  "direction", "reserved", "c_name", NULL };
static const char *const type_table_keys[] = { "tag", "args", NULL };
/* The kinds of type a table names. */
static const char *const tags_xbg[] = { "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64",
					"struct", "enum", "bitmap", "ptr", "array", NULL };
static const char *const tags_xenidl[] = { "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64",
					   "char", "native_u64", "native_i64", "struct", "union",
					   "enum", "bitmap", "ptr", "handle", "native_handle",
					   "array", "arch", NULL };

/* The keys of a type table in the short form ({ptr: u8}). */
static const char *const short_xbg[] = { "struct", "enum", "bitmap", "ptr", "array", NULL };
static const char *const short_xenidl[] = { "struct", "union", "enum", "bitmap", "ptr", "handle",
					    "native_handle", "array", "arch", NULL };

static const char *const *top_keys(const struct mapper *mp)
{
	return mp->xbg ? top_xbg : top_xenidl;
}

static bool key_in(const char *key, size_t len, const char *const *keys)
{
	for (; *keys; keys++)
		if (strlen(*keys) == len && !memcmp(*keys, key, len))
			return true;
	return false;
}

/* `typ` (xenbindgen) and `type` (its planned rename) are one key. */
static bool key_allowed(const char *key, size_t len, const char *const *keys, const char *extra)
{
	if (key_in(key, len, keys) || (extra && strlen(extra) == len && !memcmp(extra, key, len)))
		return true;
	if (len == 3 && !memcmp(key, "typ", 3))
		return key_in("type", 4, keys);
	if (len == 4 && !memcmp(key, "type", 4))
		return key_in("typ", 3, keys);
	return false;
}

static const char *key_list(struct mapper *mp, const char *const *keys, const char *extra)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (const char *const *k = keys; *k; k++)
		xi_sb_printf(&sb, "%s%s", k == keys ? "" : ", ", *k);
	if (extra)
		xi_sb_printf(&sb, ", %s", extra);
	const char *r = xi_strdup(&mp->ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Unknown keys are nearly always typos: warn, naming the allowed ones. */
static void check_keys(struct mapper *mp, const struct xi_dnode *obj, const char *what,
		       const char *const *keys, const char *extra)
{
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		if (key_allowed(e->key, e->keylen, keys, extra))
			continue;
		xi_warning(mp->diag, e->key_loc, "unknown key '%s' in %s; allowed keys: %s", e->key,
			   what, key_list(mp, keys, extra));
	}
}

static const char *phrase(const struct mapper *mp, enum xi_dkind k)
{
	return xi_dkind_phrase(k, mp->toml);
}

/* The value of `key` in obj (or of `typ`/`type`), or NULL. */
static const struct xi_dentry *entry(const struct xi_dnode *obj, const char *key)
{
	return xi_dmap_find(obj, key, strlen(key));
}

static const struct xi_dnode *need(struct mapper *mp, const struct xi_dnode *obj, const char *key,
				   const char *what, const char *expect)
{
	const struct xi_dentry *e = entry(obj, key);
	if (e)
		return e->value;
	xi_error(mp->diag, obj->loc, "missing '%s' in %s (expected %s)", key, what, expect);
	return NULL;
}

static bool is_kind(struct mapper *mp, const struct xi_dnode *n, const char *key,
		    enum xi_dkind kind, const char *expect)
{
	if (n->kind == kind)
		return true;
	xi_error(mp->diag, n->loc, "'%s' must be %s, not %s", key, expect, phrase(mp, n->kind));
	return false;
}

/* The mapping an object must be. */
static bool is_object(struct mapper *mp, const struct xi_dnode *n, const char *what)
{
	if (n->kind == XI_DMAP)
		return true;
	xi_error(mp->diag, n->loc, "expected %s (%s), not %s", what, phrase(mp, XI_DMAP),
		 phrase(mp, n->kind));
	return false;
}

/* --- Names and text --------------------------------------------------------- */

enum name_role {
	NAME_DECL,    /* a type or constant: an identifier, not an xidl keyword */
	NAME_MEMBER,  /* member, variant, bit: may be one of xidl's soft keywords */
	NAME_REF,     /* a name used: an identifier */
};

static bool is_identifier(const char *s, size_t len)
{
	if (!len || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* Letters, digits and '_' (an output name, which may start with a digit). */
static bool is_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return len > 0;
}

/* Names xidl reserves: a spec using them could not be converted. */
static bool reserved_name(const char *s, enum name_role role)
{
	static const char *const hard[] = { "const", "enum", "struct", "union", "switch", "_", NULL };
	static const char *const soft[] = { "import", "arch", "type", "bitmap", "handle",
					    "native_handle", NULL };
	if (key_in(s, strlen(s), hard))
		return true;
	return role != NAME_MEMBER && key_in(s, strlen(s), soft);
}

static const char *name_of(struct mapper *mp, const struct xi_dnode *n, const char *key,
			   enum name_role role)
{
	if (!is_kind(mp, n, key, XI_DSTR, "a name (a string)"))
		return NULL;
	if (!is_identifier(n->text, n->len)) {
		xi_error(mp->diag, n->loc,
			 "'%s' is not a valid name (expected letters, digits and '_', "
			 "not starting with a digit)", n->text);
		return NULL;
	}
	if (n->len > XI_MAX_IDENT_LEN) {
		xi_error(mp->diag, n->loc, "name is longer than %u characters", XI_MAX_IDENT_LEN);
		return NULL;
	}
	if (!mp->xbg && reserved_name(n->text, role)) {
		xi_error(mp->diag, n->loc, "'%s' is a keyword of xidl and cannot name %s", n->text,
			 role == NAME_MEMBER ? "a member" : "a declaration");
		return NULL;
	}
	return xi_intern(mp->ctx, n->text, n->len);
}

/* The `description` of an object: any string, kept exactly. Required in
 * the xenbindgen dialect. */
static bool description(struct mapper *mp, const struct xi_dnode *obj, const char *what,
			const char **doc)
{
	*doc = NULL;
	const struct xi_dentry *e = entry(obj, "description");
	if (!e) {
		if (mp->xbg) {
			need(mp, obj, "description", what, "a string");
			return false;
		}
		return true;
	}
	if (!is_kind(mp, e->value, "description", XI_DSTR, "a string"))
		return false;
	*doc = e->value->text;
	return true;
}

/* --- Expressions ------------------------------------------------------------ */

static struct xi_expr *int_expr(struct mapper *mp, const struct xi_dnode *n)
{
	struct xi_expr *e = NEW(struct xi_expr);
	e->kind = XI_EXPR_INT;
	e->loc = n->loc;
	e->lit = xi_int_u(n->ival.mag);
	e->hex = n->hex;
	e->depth = 1;
	if (!n->ival.neg)
		return e;
	/* -5 is a negation, as xidl parses it. */
	struct xi_expr *neg = NEW(struct xi_expr);
	neg->kind = XI_EXPR_UNARY;
	neg->op = XI_OP_NEG;
	neg->loc = n->loc;
	neg->a = e;
	neg->depth = 2;
	return neg;
}

/* A value: an integer, or (xenidl dialect) an expression string. In the
 * xenbindgen dialect, a non-negative integer. */
static struct xi_expr *value_expr(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	if (mp->xbg) {
		if (n->kind != XI_DINT || n->ival.neg) {
			xi_error(mp->diag, n->loc, "'%s' must be a non-negative integer, not %s", key,
				 n->kind == XI_DINT ? "a negative one" : phrase(mp, n->kind));
			return NULL;
		}
		return int_expr(mp, n);
	}
	if (n->kind == XI_DINT)
		return int_expr(mp, n);
	if (n->kind == XI_DSTR)
		return xi_spec_parse_expr(mp->ctx, n);
	xi_error(mp->diag, n->loc, "'%s' must be an integer or an expression (a string), not %s",
		 key, phrase(mp, n->kind));
	return NULL;
}

/* --- Attributes ------------------------------------------------------------- */

static struct xi_attr *new_attr(struct mapper *mp, const char *name, const struct xi_dentry *e)
{
	struct xi_attr *a = NEW(struct xi_attr);
	a->name = name;
	a->loc = e->key_loc;
	a->arg_loc = e->value->loc;
	return a;
}

static void append_attr(struct xi_attr **list, struct xi_attr *a)
{
	while (*list)
		list = &(*list)->next;
	*list = a;
}

/* The attribute keys of an object, in document order: c_name, c_prefix,
 * legacy, version, direction and reserved. False after an error. */
static bool attributes(struct mapper *mp, const struct xi_dnode *obj, struct xi_attr **out)
{
	bool ok = true;
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		const struct xi_dnode *v = e->value;
		struct xi_attr *a = NULL;
		if (!strcmp(e->key, "c_name") || !strcmp(e->key, "c_prefix")) {
			if (!is_kind(mp, v, e->key, XI_DSTR, "a string")) {
				ok = false;
				continue;
			}
			a = new_attr(mp, !strcmp(e->key, "c_name") ? "c_name" : "c_prefix", e);
			a->arg_kind = XI_ATTR_ARG_STRING;
			a->str = xi_intern(mp->ctx, v->text, v->len);
		} else if (!strcmp(e->key, "legacy") || !strcmp(e->key, "reserved")) {
			if (!is_kind(mp, v, e->key, XI_DBOOL, "true or false")) {
				ok = false;
				continue;
			}
			if (v->bval)
				a = new_attr(mp, !strcmp(e->key, "legacy") ? "legacy" : "reserved", e);
		} else if (!strcmp(e->key, "version")) {
			const char *name = name_of(mp, v, "version", NAME_REF);
			if (!name) {
				ok = false;
				continue;
			}
			a = new_attr(mp, "version", e);
			a->arg_kind = XI_ATTR_ARG_EXPR;
			a->expr = NEW(struct xi_expr);
			a->expr->kind = XI_EXPR_NAME;
			a->expr->name = name;
			a->expr->loc = v->loc;
			a->expr->depth = 1;
		} else if (!strcmp(e->key, "direction")) {
			static const char *const dirs[] = { "in", "out", "inout", NULL };
			if (v->kind != XI_DSTR || !key_in(v->text, v->len, dirs)) {
				xi_error(mp->diag, v->loc, "'direction' must be in, out or inout");
				ok = false;
				continue;
			}
			a = new_attr(mp, !strcmp(v->text, "in") ? "in" : !strcmp(v->text, "out") ? "out"
												 : "inout", e);
		}
		if (a)
			append_attr(out, a);
	}
	return ok;
}

/* --- Types ------------------------------------------------------------------ */

static const char *const *type_tags(const struct mapper *mp)
{
	return mp->xbg ? tags_xbg : tags_xenidl;
}

static bool is_prim_tag(const char *tag)
{
	return xi_prim_by_name(tag) >= 0;
}

static struct xi_type *map_type(struct mapper *mp, const struct xi_dnode *n, const char *key);
static struct xi_member *map_fields(struct mapper *mp, const struct xi_dnode *seq, bool tagged,
				    unsigned *count);

static struct xi_type *new_type(struct mapper *mp, enum xi_type_kind kind, struct xi_loc loc)
{
	struct xi_type *t = NEW(struct xi_type);
	t->kind = kind;
	t->loc = loc;
	return t;
}

static struct xi_type *named_type(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	const char *name = name_of(mp, n, key, NAME_REF);
	if (!name)
		return NULL;
	if (mp->xbg && xi_prim_by_name(name) >= 0 && !key_in(name, strlen(name), type_tags(mp))) {
		xi_error(mp->diag, n->loc, "'%s' is not a type of xenbindgen; expected one of: %s", name,
			 key_list(mp, type_tags(mp), NULL));
		return NULL;
	}
	struct xi_type *t = new_type(mp, XI_TYPE_REF, n->loc);
	t->u.ref.name = name;
	return t;
}

static struct xi_agg *new_agg(struct mapper *mp, bool is_union, struct xi_loc loc,
			      struct xi_member *members, unsigned count)
{
	struct xi_agg *a = NEW(struct xi_agg);
	a->is_union = is_union;
	a->loc = loc;
	a->members = members;
	a->nmembers = count;
	return a;
}

/* struct/union/enum/bitmap: a name; struct/union also a list of fields
 * (an inline aggregate). `sw` is the switch of a tagged union. */
static struct xi_type *kind_type(struct mapper *mp, const char *tag, const struct xi_dnode *args,
				 const struct xi_dnode *sw, struct xi_loc loc)
{
	bool aggregate = !strcmp(tag, "struct") || !strcmp(tag, "union");
	if (args->kind == XI_DSEQ && aggregate && !mp->xbg) {
		unsigned count;
		struct xi_member *members = map_fields(mp, args, sw != NULL, &count);
		if (!members && count)
			return NULL;
		struct xi_type *t = new_type(mp, XI_TYPE_AGG, loc);
		t->u.agg = new_agg(mp, !strcmp(tag, "union"), loc, members, count);
		if (sw) {
			const char *tag_name = name_of(mp, sw, "switch", NAME_MEMBER);
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
		xi_error(mp->diag, args->loc, "'%s' must name %s%s, not %s", tag,
			 !strcmp(tag, "enum") ? "an enum" : !strcmp(tag, "union") ? "a union"
			 : !strcmp(tag, "bitmap") ? "a bitmap" : "a struct",
			 aggregate && !mp->xbg ? " (a string) or list its fields" : " (a string)",
			 phrase(mp, args->kind));
		return NULL;
	}
	struct xi_type *t = named_type(mp, args, tag);
	if (!t)
		return NULL;
	if (xi_prim_by_name(t->u.ref.name) >= 0) {
		xi_error(mp->diag, args->loc, "'%s' is a primitive type, not %s %s", t->u.ref.name,
			 !strcmp(tag, "enum") ? "an" : "a", tag);
		return NULL;
	}
	t->u.ref.want = true;
	t->u.ref.want_kind = !strcmp(tag, "struct") ? XI_DECL_STRUCT
			   : !strcmp(tag, "union") ? XI_DECL_UNION
			   : !strcmp(tag, "enum") ? XI_DECL_ENUM : XI_DECL_BITMAP;
	return t;
}

static struct xi_type *array_type(struct mapper *mp, const struct xi_dnode *args, struct xi_loc loc)
{
	if (args->kind != XI_DSEQ || args->count != 2) {
		xi_error(mp->diag, args->loc,
			 "'array' must be a list of the element type and the length, as [u8, 16]");
		return NULL;
	}
	struct xi_type *elem = map_type(mp, args->head, "array");
	const struct xi_dnode *len = args->head->next;
	struct xi_expr *e = value_expr(mp, len, "array length");
	if (!elem || !e)
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
		struct xi_arch_choice *c = NEW(struct xi_arch_choice);
		if (!is_identifier(e->key, e->keylen)) {
			xi_error(mp->diag, e->key_loc, "'%s' is not an ABI name", e->key);
			ok = false;
			continue;
		}
		c->key = xi_intern(mp->ctx, e->key, e->keylen);
		c->loc = e->key_loc;
		c->type = map_type(mp, e->value, e->key);
		if (!c->type) {
			ok = false;
			continue;
		}
		*tail = c;
		tail = &c->next;
	}
	return ok ? t : NULL;
}

/* One type, by its tag and argument (from either spelling). */
static struct xi_type *tagged_type(struct mapper *mp, const char *tag, struct xi_loc tag_loc,
				   const struct xi_dnode *args, const struct xi_dnode *sw,
				   struct xi_loc loc)
{
	if (!key_in(tag, strlen(tag), type_tags(mp))) {
		xi_error(mp->diag, tag_loc, "unknown type '%s'; expected one of: %s", tag,
			 key_list(mp, type_tags(mp), NULL));
		return NULL;
	}
	if (is_prim_tag(tag)) {
		if (args) {
			xi_error(mp->diag, args->loc, "type '%s' takes no arguments", tag);
			return NULL;
		}
		struct xi_type *t = new_type(mp, XI_TYPE_REF, loc);
		t->u.ref.name = xi_intern(mp->ctx, tag, strlen(tag));
		return t;
	}
	if (!args) {
		xi_error(mp->diag, loc, "type '%s' needs 'args' (%s)", tag,
			 !strcmp(tag, "array") ? "[element type, length]"
			 : !strcmp(tag, "arch") ? "a table of ABI names to types"
			 : !strcmp(tag, "ptr") || strstr(tag, "handle") ? "the type pointed to" : "a name");
		return NULL;
	}
	if (sw && strcmp(tag, "union") != 0) {
		xi_error(mp->diag, sw->loc, "'switch' only applies to a union");
		return NULL;
	}
	if (!strcmp(tag, "ptr") || !strcmp(tag, "handle") || !strcmp(tag, "native_handle")) {
		struct xi_type *target;
		if (args->kind == XI_DSTR && args->len == 4 && !memcmp(args->text, "void", 4) && !mp->xbg) {
			target = new_type(mp, XI_TYPE_REF, args->loc);
			target->u.ref.name = xi_intern(mp->ctx, "void", 4);
		} else {
			target = map_type(mp, args, tag);
		}
		if (!target)
			return NULL;
		struct xi_type *t = new_type(mp, tag[0] == 'n' ? XI_TYPE_NATIVE_HANDLE : XI_TYPE_HANDLE, loc);
		t->u.target = target;
		return t;
	}
	if (!strcmp(tag, "array"))
		return array_type(mp, args, loc);
	if (!strcmp(tag, "arch"))
		return arch_type(mp, args, loc);
	return kind_type(mp, tag, args, sw, loc);
}

/* A type: a name ("u8", "domid_t"), a tag/args table ({tag: ptr, args:
 * u8}) or a short table ({ptr: u8}). */
static struct xi_type *map_type(struct mapper *mp, const struct xi_dnode *n, const char *key)
{
	if (n->kind == XI_DSTR)
		return named_type(mp, n, key);
	if (n->kind != XI_DMAP) {
		xi_error(mp->diag, n->loc, "'%s' must be a type (a name or a table), not %s", key,
			 phrase(mp, n->kind));
		return NULL;
	}
	const struct xi_dentry *tag = entry(n, "tag");
	const struct xi_dentry *sw = entry(n, "switch");
	if (tag) {
		check_keys(mp, n, "a type", type_table_keys, mp->xbg ? NULL : "switch");
		if (!is_kind(mp, tag->value, "tag", XI_DSTR, "a string"))
			return NULL;
		const struct xi_dentry *args = entry(n, "args");
		return tagged_type(mp, tag->value->text, tag->value->loc, args ? args->value : NULL,
				   sw ? sw->value : NULL, n->loc);
	}
	/* The short form: one key naming the kind of type. */
	const struct xi_dentry *kind = NULL;
	for (const struct xi_dentry *e = n->first; e; e = e->next) {
		if (!key_in(e->key, e->keylen, type_tags(mp)) || is_prim_tag(e->key))
			continue;
		if (kind) {
			xi_error(mp->diag, e->key_loc, "a type table has one of '%s' and '%s', not both",
				 kind->key, e->key);
			return NULL;
		}
		kind = e;
	}
	const char *const *shorts = mp->xbg ? short_xbg : short_xenidl;
	if (!kind) {
		xi_error(mp->diag, n->loc, "expected a type: a name, or a table with 'tag' and "
			 "'args', or with one of the keys %s", key_list(mp, shorts, NULL));
		return NULL;
	}
	for (const struct xi_dentry *e = n->first; e; e = e->next)
		if (e != kind && !(sw == e && !mp->xbg))
			xi_warning(mp->diag, e->key_loc, "unknown key '%s' in a type; a type table has "
				   "one of the keys %s%s, or 'tag' and 'args'", e->key,
				   key_list(mp, shorts, NULL), mp->xbg ? "" : " ('union' with 'switch')");
	return tagged_type(mp, kind->key, kind->key_loc, kind->value, sw && !mp->xbg ? sw->value : NULL,
			   n->loc);
}

/* `typ` or `type` of an object. */
static const struct xi_dnode *type_node(struct mapper *mp, const struct xi_dnode *obj,
					const char *what)
{
	const struct xi_dentry *a = entry(obj, "typ"), *b = entry(obj, "type");
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
	const struct xi_dentry *when = entry(obj, "when"), *dflt = entry(obj, "default");
	if (dflt) {
		if (!is_kind(mp, dflt->value, "default", XI_DBOOL, "true") || !dflt->value->bval) {
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
			 "that select it) or 'default: true'");
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
			e = int_expr(mp, v);
		} else if (v->kind == XI_DSTR) {
			const char *name = name_of(mp, v, "when", NAME_REF);
			if (!name)
				return false;
			e = NEW(struct xi_expr);
			e->kind = XI_EXPR_NAME;
			e->name = name;
			e->loc = v->loc;
			e->depth = 1;
		} else {
			xi_error(mp->diag, v->loc, "a tag value must be an enum variant, a constant's "
				 "name or a non-negative integer, not %s", phrase(mp, v->kind));
			return false;
		}
		struct xi_arm_label *l = NEW(struct xi_arm_label);
		l->expr = e;
		*tail = l;
		tail = &l->next;
	}
	return true;
}

static struct xi_member *map_field(struct mapper *mp, const struct xi_dnode *obj, bool tagged)
{
	const char *what = tagged ? "an arm" : "a field";
	if (!is_object(mp, obj, what))
		return NULL;
	check_keys(mp, obj, what, mp->xbg ? field_xbg : tagged ? arm_xenidl : field_xenidl, NULL);
	struct xi_member *m = NEW(struct xi_member);
	const struct xi_dentry *name = entry(obj, "name");
	bool ok = true;
	if (!name) {
		need(mp, obj, "name", what, "a string");
		ok = false;
	} else {
		m->name = name_of(mp, name->value, "name", NAME_MEMBER);
		m->loc = name->value->loc;
		ok = m->name != NULL;
	}
	ok &= description(mp, obj, what, &m->doc);
	const struct xi_dnode *tn = type_node(mp, obj, what);
	m->type = tn ? map_type(mp, tn, mp->xbg ? "typ" : "type") : NULL;
	ok &= m->type != NULL;
	if (!mp->xbg)
		ok &= attributes(mp, obj, &m->attrs);
	if (tagged)
		ok &= arm_labels(mp, obj, m);
	return ok ? m : NULL;
}

/* The fields of a struct or union (or the arms of a tagged union). Returns
 * NULL with *count set when one failed. */
static struct xi_member *map_fields(struct mapper *mp, const struct xi_dnode *seq, bool tagged,
				    unsigned *count)
{
	struct xi_member *head = NULL, **tail = &head;
	bool ok = true;
	*count = 0;
	for (const struct xi_dnode *f = seq->head; f; f = f->next) {
		(*count)++;
		struct xi_member *m = map_field(mp, f, tagged);
		if (!m) {
			ok = false;
			continue;
		}
		*tail = m;
		tail = &m->next;
	}
	return ok ? head : NULL;
}

/* --- Declarations ----------------------------------------------------------- */

static struct xi_decl *new_decl(struct mapper *mp, enum xi_decl_kind kind,
				const struct xi_dnode *name_node)
{
	const char *name = name_of(mp, name_node, "name", NAME_DECL);
	if (!name)
		return NULL;
	struct xi_decl *d = NEW(struct xi_decl);
	d->kind = kind;
	d->name = name;
	d->loc = name_node->loc;
	d->module = mp->module;
	return d;
}

static void add_item(struct mapper *mp, struct xi_decl *d, struct xi_loc pos)
{
	if (mp->nitems == mp->cap) {
		mp->cap = mp->cap ? mp->cap * 2 : 64;
		mp->items = xi_xrealloc(mp->items, sizeof(*mp->items) * mp->cap);
	}
	mp->items[mp->nitems].decl = d;
	mp->items[mp->nitems].pos = pos;
	mp->nitems++;
}

/* The keys of each kind of declaration (beside `name`), by dialect. */
static const char *const *decl_keys(const struct mapper *mp, enum xi_decl_kind k)
{
	switch (k) {
	case XI_DECL_CONST: return const_keys;
	case XI_DECL_ALIAS: return alias_keys;
	case XI_DECL_ENUM: return mp->xbg ? enum_xbg : enum_xenidl;
	case XI_DECL_BITMAP: return mp->xbg ? bitmap_xbg : bitmap_xenidl;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: return mp->xbg ? agg_xbg : agg_xenidl;
	}
	return agg_xbg;
}

static const char *decl_phrase(enum xi_decl_kind k)
{
	switch (k) {
	case XI_DECL_CONST: return "a constant";
	case XI_DECL_ALIAS: return "an alias";
	case XI_DECL_ENUM: return "an enum";
	case XI_DECL_BITMAP: return "a bitmap";
	case XI_DECL_STRUCT: return "a struct";
	case XI_DECL_UNION: return "a union";
	}
	return "a declaration";
}

/* The variants of an enum or the bits of a bitmap. */
static bool map_variants(struct mapper *mp, struct xi_decl *d, const struct xi_dnode *seq,
			 bool bits)
{
	const char *what = bits ? "a bit" : "a variant";
	const char *value_key = bits ? "shift" : "value";
	struct xi_variant **tail = &d->variants;
	bool ok = true;
	for (const struct xi_dnode *obj = seq->head; obj; obj = obj->next) {
		if (!is_object(mp, obj, what)) {
			ok = false;
			continue;
		}
		check_keys(mp, obj, what, bits ? (mp->xbg ? bit_xbg : bit_xenidl)
					       : (mp->xbg ? variant_xbg : variant_xenidl), NULL);
		struct xi_variant *v = NEW(struct xi_variant);
		const struct xi_dnode *name = need(mp, obj, "name", what, "a string");
		const struct xi_dnode *value = need(mp, obj, value_key, what,
						    bits ? "the bit's position" : "an integer");
		bool vok = name && value;
		if (name) {
			v->name = name_of(mp, name, "name", NAME_MEMBER);
			v->loc = name->loc;
			vok &= v->name != NULL;
		}
		vok &= description(mp, obj, what, &v->doc);
		if (value) {
			v->value = value_expr(mp, value, value_key);
			vok &= v->value != NULL;
		}
		const struct xi_dentry *last = bits && !mp->xbg ? entry(obj, "last") : NULL;
		if (last) {
			v->value_hi = value_expr(mp, last->value, "last");
			vok &= v->value_hi != NULL;
		}
		if (!mp->xbg)
			vok &= attributes(mp, obj, &v->attrs);
		if (!vok) {
			ok = false;
			continue;
		}
		*tail = v;
		tail = &v->next;
		d->nvariants++;
	}
	return ok;
}

/* A list-valued key (`fields`, `variants`, `bits`): required in the
 * xenbindgen dialect, empty when absent otherwise. */
static bool list_of(struct mapper *mp, const struct xi_dnode *obj, const char *key,
		    const char *what, const struct xi_dnode **out)
{
	*out = NULL;
	const struct xi_dentry *e = entry(obj, key);
	if (!e) {
		if (mp->xbg) {
			need(mp, obj, key, what, mp->toml ? "an array of tables" : "a sequence");
			return false;
		}
		return true;
	}
	if (!is_kind(mp, e->value, key, XI_DSEQ, mp->toml ? "an array of tables" : "a sequence"))
		return false;
	*out = e->value;
	return true;
}

/* One declaration. name_node is its name: the `name` key, or the kind key
 * of a `declarations` item. */
static bool map_decl(struct mapper *mp, const struct xi_dnode *obj, enum xi_decl_kind kind,
		     const struct xi_dnode *name_node, const char *kind_key)
{
	const char *what = decl_phrase(kind);
	const char *const *keys = decl_keys(mp, kind);
	if (kind_key) {
		/* A `declarations` item: the kind key replaces `name`. */
		check_keys(mp, obj, what, keys + 1, kind_key);
	} else {
		check_keys(mp, obj, what, keys, NULL);
		name_node = need(mp, obj, "name", what, "a string");
	}
	struct xi_decl *d = name_node ? new_decl(mp, kind, name_node) : NULL;
	bool ok = d != NULL;
	const char *doc;
	ok &= description(mp, obj, what, &doc);
	if (!d)
		d = NEW(struct xi_decl); /* keep checking the rest */
	d->doc = doc;
	if (!mp->xbg)
		ok &= attributes(mp, obj, &d->attrs);
	switch (kind) {
	case XI_DECL_CONST: {
		const struct xi_dnode *tn = type_node(mp, obj, what);
		const struct xi_dnode *v = need(mp, obj, "value", what, "an integer or an expression");
		d->type = tn ? map_type(mp, tn, "type") : NULL;
		d->expr = v ? value_expr(mp, v, "value") : NULL;
		ok &= d->type && d->expr;
		break;
	}
	case XI_DECL_ALIAS: {
		const struct xi_dnode *tn = type_node(mp, obj, what);
		d->type = tn ? map_type(mp, tn, "type") : NULL;
		ok &= d->type != NULL;
		break;
	}
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP: {
		const struct xi_dnode *tn = type_node(mp, obj, what);
		d->type = tn ? map_type(mp, tn, mp->xbg ? "typ" : "type") : NULL;
		ok &= d->type != NULL;
		const struct xi_dnode *list;
		bool bits = kind == XI_DECL_BITMAP;
		ok &= list_of(mp, obj, bits ? "bits" : "variants", what, &list);
		if (list)
			ok &= map_variants(mp, d, list, bits);
		break;
	}
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: {
		const struct xi_dnode *list;
		ok &= list_of(mp, obj, "fields", what, &list);
		unsigned count = 0;
		struct xi_member *members = list ? map_fields(mp, list, false, &count) : NULL;
		ok &= members || !count;
		d->agg = new_agg(mp, kind == XI_DECL_UNION, obj->loc, members, count);
		d->agg->owner = d;
		break;
	}
	}
	if (ok)
		add_item(mp, d, obj->loc);
	return ok;
}

static const struct {
	const char *list;    /* the per-kind list key */
	const char *item;    /* the kind key of a `declarations` item */
	enum xi_decl_kind kind;
	bool xbg;            /* in xenbindgen's schema */
} decl_lists[] = {
	{ "constants", "const", XI_DECL_CONST, false },
	{ "aliases", "alias", XI_DECL_ALIAS, false },
	{ "enums", "enum", XI_DECL_ENUM, true },
	{ "bitmaps", "bitmap", XI_DECL_BITMAP, true },
	{ "structs", "struct", XI_DECL_STRUCT, true },
	{ "unions", "union", XI_DECL_UNION, false },
};

#define NDECL_LISTS (sizeof(decl_lists) / sizeof(decl_lists[0]))

/* A `declarations` item: {struct: NAME, ...}, {const: NAME, ...}, ... */
static bool map_declaration_item(struct mapper *mp, const struct xi_dnode *obj)
{
	if (!is_object(mp, obj, "a declaration"))
		return false;
	const struct xi_dentry *kind = NULL;
	unsigned which = 0;
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		for (unsigned i = 0; i < NDECL_LISTS; i++) {
			if (strcmp(e->key, decl_lists[i].item) != 0)
				continue;
			if (kind) {
				xi_error(mp->diag, e->key_loc, "a declaration is one of '%s' and '%s', not both",
					 kind->key, e->key);
				return false;
			}
			kind = e;
			which = i;
		}
	}
	if (!kind) {
		xi_error(mp->diag, obj->loc, "a declaration needs one of the keys const, alias, enum, "
			 "bitmap, struct or union, with its name");
		return false;
	}
	return map_decl(mp, obj, decl_lists[which].kind, kind->value, kind->key);
}

/* --- Imports and includes --------------------------------------------------- */

static bool map_imports(struct mapper *mp, const struct xi_dnode *seq, struct xi_spec *out)
{
	struct xi_import **tail = &out->imports;
	bool ok = true;
	for (const struct xi_dnode *n = seq->head; n; n = n->next) {
		const struct xi_dnode *path = n;
		bool is_arch = false;
		if (n->kind == XI_DMAP) {
			check_keys(mp, n, "an import", import_keys, NULL);
			path = need(mp, n, "arch", "an import", "a file name");
			is_arch = true;
			if (!path) {
				ok = false;
				continue;
			}
		}
		if (path->kind != XI_DSTR || !path->len) {
			xi_error(mp->diag, path->loc, "an import must be a file name (a string), or "
				 "{arch: FILE} for a file of every arch-* directory");
			ok = false;
			continue;
		}
		struct xi_import *im = NEW(struct xi_import);
		im->path = xi_intern(mp->ctx, path->text, path->len);
		im->loc = path->loc;
		im->is_arch = is_arch;
		*tail = im;
		tail = &im->next;
	}
	return ok;
}

static bool map_include(struct mapper *mp, const struct xi_dnode *obj, struct xi_spec_include *inc)
{
	if (!is_object(mp, obj, "an include"))
		return false;
	check_keys(mp, obj, "an include", include_keys, NULL);
	inc->loc = obj->loc;
	const struct xi_dnode *from = need(mp, obj, "from", "an include",
					   "the output name of a spec directory, or \"arch\"");
	const struct xi_dentry *imports = entry(obj, "imports");
	bool ok = from != NULL;
	if (from && is_kind(mp, from, "from", XI_DSTR, "a string")) {
		if (!is_word(from->text, from->len)) {
			xi_error(mp->diag, from->loc, "'%s' is not the output name of a spec directory "
				 "(letters, digits and '_')", from->text);
			ok = false;
		}
		inc->from = xi_intern(mp->ctx, from->text, from->len);
		inc->from_loc = from->loc;
	} else {
		ok = false;
	}
	if (!imports) {
		if (mp->xbg) {
			need(mp, obj, "imports", "an include", "a list of names");
			return false;
		}
		return ok;
	}
	const struct xi_dnode *list = imports->value;
	if (!is_kind(mp, list, "imports", XI_DSEQ, mp->toml ? "an array of names" : "a sequence of names"))
		return false;
	inc->names = XI_NEW_ARRAY(&mp->ctx->arena, const char *, list->count + 1);
	inc->name_locs = XI_NEW_ARRAY(&mp->ctx->arena, struct xi_loc, list->count + 1);
	for (const struct xi_dnode *n = list->head; n; n = n->next) {
		const char *name = name_of(mp, n, "imports", NAME_REF);
		if (!name) {
			ok = false;
			continue;
		}
		inc->name_locs[inc->nnames] = n->loc;
		inc->names[inc->nnames++] = name;
	}
	return ok;
}

static bool map_includes(struct mapper *mp, const struct xi_dnode *seq, struct xi_spec *out)
{
	struct xi_spec_include **tail = &out->includes;
	bool ok = true;
	for (const struct xi_dnode *n = seq->head; n; n = n->next) {
		struct xi_spec_include *inc = NEW(struct xi_spec_include);
		if (!map_include(mp, n, inc)) {
			ok = false;
			continue;
		}
		*tail = inc;
		tail = &inc->next;
	}
	return ok;
}

/* --- Documents -------------------------------------------------------------- */

static int by_position(const void *a, const void *b)
{
	const struct xi_loc *x = &((const struct item *)a)->pos;
	const struct xi_loc *y = &((const struct item *)b)->pos;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

bool xi_spec_map(struct xi_ctx *ctx, struct xi_module *m, const struct xi_dnode *root,
		 enum xi_spec_format format, enum xi_spec_dialect dialect, struct xi_spec *out)
{
	struct mapper mpv = { ctx, &ctx->diag, m, format == XI_FORMAT_TOML,
			      dialect == XI_DIALECT_XENBINDGEN, NULL, 0, 0 };
	struct mapper *mp = &mpv;
	memset(out, 0, sizeof(*out));
	unsigned errors = ctx->diag.errors;
	if (!is_object(mp, root, "a spec"))
		return false;
	check_keys(mp, root, "a spec", top_keys(mp), NULL);
	if (!mp->xbg) {
		const struct xi_dentry *doc = entry(root, "description");
		if (doc && is_kind(mp, doc->value, "description", XI_DSTR, "a string"))
			out->doc = doc->value->text;
		const struct xi_dentry *imports = entry(root, "imports");
		if (imports && is_kind(mp, imports->value, "imports", XI_DSEQ,
				       mp->toml ? "an array" : "a sequence"))
			map_imports(mp, imports->value, out);
	}
	const struct xi_dentry *includes = entry(root, "includes");
	if (includes && is_kind(mp, includes->value, "includes", XI_DSEQ,
				mp->toml ? "an array of tables" : "a sequence"))
		map_includes(mp, includes->value, out);
	for (unsigned i = 0; i < NDECL_LISTS && !ctx->diag.capped; i++) {
		if (mp->xbg && !decl_lists[i].xbg)
			continue;
		const struct xi_dentry *list = entry(root, decl_lists[i].list);
		if (!list || !is_kind(mp, list->value, decl_lists[i].list, XI_DSEQ,
				      mp->toml ? "an array of tables" : "a sequence"))
			continue;
		for (const struct xi_dnode *n = list->value->head; n && !ctx->diag.capped; n = n->next)
			if (is_object(mp, n, decl_phrase(decl_lists[i].kind)))
				map_decl(mp, n, decl_lists[i].kind, NULL, NULL);
	}
	const struct xi_dentry *decls = mp->xbg ? NULL : entry(root, "declarations");
	if (decls && is_kind(mp, decls->value, "declarations", XI_DSEQ,
			     mp->toml ? "an array of tables" : "a sequence"))
		for (const struct xi_dnode *n = decls->value->head; n && !ctx->diag.capped; n = n->next)
			map_declaration_item(mp, n);

	/* Declarations in document order, whichever list holds them. */
	qsort(mp->items, mp->nitems, sizeof(*mp->items), by_position);
	struct xi_decl **tail = &out->decls;
	for (unsigned i = 0; i < mp->nitems; i++) {
		*tail = mp->items[i].decl;
		tail = &mp->items[i].decl->next;
	}
	out->ndecls = mp->nitems;
	free(mp->items);
	return ctx->diag.errors == errors;
}
