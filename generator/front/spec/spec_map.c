/* The schema mapper (see spec_map.h and doc/yaml.md): document tree to
 * IR. The IR it builds is the parser's: unresolved names, expressions as
 * trees, attributes as written; the resolver does the rest, so a YAML or
 * TOML spec obeys exactly the rules of the same xidl.
 *
 *   spec_map.c     documents, declarations, imports and includes
 *   spec_type.c    types and fields
 *   spec_schema.c  keys, names, values and attributes */
#include "spec_map.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "comments.h"
#include "limits.h"
#include "spec_mapper.h"

/* The keys of each object, by dialect: xenbindgen's schema (xi_xbg_) and the
 * extended one. `typ` and `type` are the same key in both. */
static const enum xi_word top_xbg[] = { XI_W_INCLUDES, XI_W_STRUCTS, XI_W_ENUMS, XI_W_BITMAPS,
					XI_W_NONE };
static const enum xi_word top_xenidl[] = { XI_W_DESCRIPTION, XI_W_SPDX, XI_W_C_GUARD, XI_W_IF, XI_W_C_PRELUDE,
					   XI_W_C_HANDLES,
					   XI_W_IMPORTS, XI_W_INCLUDES,
					   XI_W_CONSTANTS, XI_W_ALIASES, XI_W_ENUMS, XI_W_BITMAPS,
					   XI_W_STRUCTS, XI_W_UNIONS, XI_W_DECLARATIONS, XI_W_NONE };
static const enum xi_word include_keys[] = { XI_W_FROM, XI_W_IMPORTS, XI_W_NONE };
static const enum xi_word import_keys[] = { XI_W_ARCH, XI_W_NONE };
/* The declarations' lists start with `name`, which a `declarations` item
 * replaces with its kind key. */
static const enum xi_word const_keys[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_PARAMS, XI_W_TYPE,
					   XI_W_VALUE, XI_W_C_NAME, XI_W_C_TYPE, XI_W_IF, XI_W_INTERFACE_VERSION,
					   XI_W_STRING, XI_W_C_ASM, XI_W_C_IFNDEF, XI_W_HVM_SAVE, XI_W_NONE };
static const enum xi_word param_keys[] = { XI_W_NAME, XI_W_TYPE, XI_W_NONE };
static const enum xi_word alias_keys[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYPE, XI_W_LEGACY,
					   XI_W_C_NAME, XI_W_IF, XI_W_C_HANDLE, XI_W_NONE };
static const enum xi_word enum_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYP, XI_W_VARIANTS,
					 XI_W_NONE };
static const enum xi_word enum_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYPE, XI_W_VARIANTS,
					    XI_W_C_NAME, XI_W_C_PREFIX, XI_W_C_TYPE, XI_W_C_ENUM,
					    XI_W_C_TYPEDEF, XI_W_IF, XI_W_NONE };
static const enum xi_word variant_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_VALUE, XI_W_NONE };
static const enum xi_word variant_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_VALUE,
					       XI_W_C_NAME, XI_W_C_TYPE, XI_W_IF, XI_W_NONE };
static const enum xi_word bitmap_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYP, XI_W_BITS,
					   XI_W_NONE };
static const enum xi_word bitmap_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_TYPE, XI_W_BITS,
					      XI_W_C_NAME, XI_W_C_PREFIX, XI_W_C_BITFIELDS,
					      XI_W_C_TYPE, XI_W_IF, XI_W_C_BIT_NUMBERS, XI_W_NONE };
static const enum xi_word bit_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_SHIFT, XI_W_NONE };
static const enum xi_word bit_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_SHIFT, XI_W_LAST,
					   XI_W_C_NAME, XI_W_C_TYPE, XI_W_IF, XI_W_C_BIT_NUMBERS,
					   XI_W_C_FIELD_MACRO, XI_W_NONE };
static const enum xi_word agg_xbg[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_FIELDS, XI_W_NONE };
static const enum xi_word agg_xenidl[] = { XI_W_NAME, XI_W_DESCRIPTION, XI_W_FIELDS, XI_W_LEGACY,
					   XI_W_C_NAME, XI_W_VERSION, XI_W_IF, XI_W_C_HANDLE, XI_W_C_TYPEDEF,
					   XI_W_C_TYPEDEF_IF, XI_W_C_INLINE, XI_W_C_NAME_IF, XI_W_C_ALIAS,
					   XI_W_C_OLD_NAME, XI_W_C_ALIAS_IF, XI_W_NONE };

static const enum xi_word *top_keys(const struct mapper *mp)
{
	return mp->xbg ? top_xbg : top_xenidl;
}

/* --- Declarations ----------------------------------------------------------- */

static struct xi_decl *new_decl(struct mapper *mp, enum xi_decl_kind kind,
				const struct xi_dnode *name_node)
{
	const char *name = xi_sm_name_of(mp, name_node, "name", NAME_DECL);
	if (!name)
		return NULL;
	struct xi_decl *d = XI_NEW(&mp->ctx->arena, struct xi_decl);
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
static const enum xi_word *decl_keys(const struct mapper *mp, enum xi_decl_kind k)
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
	enum xi_word value_key = bits ? XI_W_SHIFT : XI_W_VALUE;
	struct xi_variant **tail = &d->variants;
	bool ok = true;
	for (const struct xi_dnode *obj = seq->head; obj; obj = obj->next) {
		if (!xi_sm_is_object(mp, obj, what)) {
			ok = false;
			continue;
		}
		xi_sm_check_keys(mp, obj, what, bits ? (mp->xbg ? bit_xbg : bit_xenidl)
					       : (mp->xbg ? variant_xbg : variant_xenidl), XI_W_NONE);
		struct xi_variant *v = XI_NEW(&mp->ctx->arena, struct xi_variant);
		const struct xi_dnode *name = xi_sm_need(mp, obj, XI_W_NAME, what, "a string");
		const struct xi_dnode *value = xi_sm_need(mp, obj, value_key, what,
						    bits ? "the bit's position" : "an integer");
		bool vok = name && value;
		if (name) {
			v->name = xi_sm_name_of(mp, name, "name", NAME_MEMBER);
			v->loc = name->loc;
			vok &= v->name != NULL;
		}
		vok &= xi_sm_description(mp, obj, what, &v->doc);
		if (mp->ctx->comments)
			xi_comments_item_node(mp->ctx->comments, v, obj, seq);
		if (value) {
			v->value = xi_sm_value_expr(mp, value, xi_words[value_key]);
			vok &= v->value != NULL;
		}
		const struct xi_dentry *last = bits && !mp->xbg ? xi_sm_entry(obj, XI_W_LAST) : NULL;
		if (last) {
			v->value_hi = xi_sm_value_expr(mp, last->value, "last");
			vok &= v->value_hi != NULL;
		}
		if (!mp->xbg) {
			struct xi_attr *attrs = NULL;
			vok &= xi_sm_attributes(mp, obj, &attrs);
			xi_attrs_met(mp->ctx, bits ? XI_ATTRS_BIT : XI_ATTRS_VARIANT, v, attrs);
		}
		if (!vok) {
			ok = false;
			continue;
		}
		*tail = v;
		tail = &v->next;
	}
	return ok;
}

/* A list-valued key (`fields`, `variants`, `bits`): required in the
 * xenbindgen dialect, empty when absent otherwise. */
static bool list_of(struct mapper *mp, const struct xi_dnode *obj, enum xi_word key,
		    const char *what, const struct xi_dnode **out)
{
	*out = NULL;
	const struct xi_dentry *e = xi_sm_entry(obj, key);
	if (!e) {
		if (mp->xbg) {
			xi_sm_need(mp, obj, key, what, mp->toml ? "an array of tables" : "a sequence");
			return false;
		}
		return true;
	}
	if (!xi_sm_is_kind(mp, e->value, xi_words[key], XI_DSEQ,
			mp->toml ? "an array of tables" : "a sequence"))
		return false;
	*out = e->value;
	return true;
}

/* `params`: the parameters of a parameterised constant, each a mapping
 * of `name` and `type`. */
static bool map_params(struct mapper *mp, struct xi_decl *d, const struct xi_dnode *seq)
{
	bool ok = true;
	struct xi_param **tail = &d->params;
	if (!seq->count) {
		xi_error(mp->diag, seq->loc, "'params' lists at least one parameter");
		return false;
	}
	for (const struct xi_dnode *obj = seq->head; obj; obj = obj->next) {
		if (!xi_sm_is_object(mp, obj, "a parameter")) {
			ok = false;
			continue;
		}
		xi_sm_check_keys(mp, obj, "a parameter", param_keys, XI_W_NONE);
		const struct xi_dnode *nn = xi_sm_need(mp, obj, XI_W_NAME, "a parameter", "a name");
		const struct xi_dnode *tn = xi_sm_need(mp, obj, XI_W_TYPE, "a parameter", "a type");
		struct xi_param *q = XI_NEW(&mp->ctx->arena, struct xi_param);
		q->name = nn ? xi_sm_name_of(mp, nn, "name", NAME_MEMBER) : NULL;
		q->loc = nn ? nn->loc : obj->loc;
		q->type = tn ? xi_sm_map_type(mp, tn, "type") : NULL;
		if (!q->name || !q->type) {
			ok = false;
			continue;
		}
		if (d->nparams == XI_MAX_PARAMS) {
			xi_error(mp->diag, q->loc, "a constant has more than %u parameters", XI_MAX_PARAMS);
			return false;
		}
		*tail = q;
		tail = &q->next;
		d->nparams++;
	}
	d->parameterised = true;
	return ok;
}

/* convert: where a declaration and its list (fields, variants, bits) are. */
static void keep_decl(struct mapper *mp, struct xi_decl *d, const struct xi_dnode *obj,
		      const struct xi_dnode *in_list)
{
	struct xi_comments *cm = mp->ctx->comments;
	enum xi_word key = d->kind == XI_DECL_ENUM ? XI_W_VARIANTS
			 : d->kind == XI_DECL_BITMAP ? XI_W_BITS : XI_W_FIELDS;
	const struct xi_dentry *list = d->kind == XI_DECL_CONST || d->kind == XI_DECL_ALIAS
					       ? NULL : xi_sm_entry(obj, key);
	if (list && list->value->kind == XI_DSEQ)
		xi_comments_cont_node(cm, d, list->value, list->key_loc);
	xi_comments_item_node(cm, d, obj, in_list);
}

/* One declaration. name_node is its name: the `name` key, or the kind key
 * of a `declarations` item (kind_key, else XI_W_NONE). */
/* A string constant's `string:`: one literal, or a list of literals and
 * `{const: NAME}` items (another string constant), joined in order. */
static bool map_string(struct mapper *mp, struct xi_decl *d, const struct xi_dnode *v)
{
	static const char expect[] = "a string, or a list of strings and {const: NAME} items";
	struct xi_str_part *head = NULL, **tail = &head;
	const struct xi_dnode *one = v->kind == XI_DSTR ? v : NULL;
	const struct xi_dnode *item = v->kind == XI_DSEQ ? v->head : one;
	if (!item) {
		xi_error(mp->diag, v->loc, "'string' needs %s", expect);
		return false;
	}
	for (; item; item = one ? NULL : item->next) {
		struct xi_str_part *s = XI_NEW(&mp->ctx->arena, struct xi_str_part);
		s->loc = item->loc;
		const struct xi_dentry *e = item->kind == XI_DMAP && item->count == 1 ? item->first : NULL;
		if (item->kind == XI_DSTR) {
			s->text = xi_intern(mp->ctx, item->text, item->len);
		} else if (e && e->word == XI_W_CONST) {
			s->name = xi_sm_name_of(mp, e->value, "const", NAME_REF);
			if (!s->name)
				return false;
		} else {
			xi_error(mp->diag, item->loc, "'string' needs %s", expect);
			return false;
		}
		*tail = s;
		tail = &s->next;
	}
	d->str_parts = head;
	return true;
}

static bool map_decl(struct mapper *mp, const struct xi_dnode *obj, enum xi_decl_kind kind,
		     const struct xi_dnode *name_node, enum xi_word kind_key,
		     const struct xi_dnode *in_list)
{
	const char *what = decl_phrase(kind);
	const enum xi_word *keys = decl_keys(mp, kind);
	if (kind_key != XI_W_NONE) {
		/* A `declarations` item: the kind key replaces `name`. */
		xi_sm_check_keys(mp, obj, what, keys + 1, kind_key);
	} else {
		xi_sm_check_keys(mp, obj, what, keys, XI_W_NONE);
		name_node = xi_sm_need(mp, obj, XI_W_NAME, what, "a string");
	}
	struct xi_decl *d = name_node ? new_decl(mp, kind, name_node) : NULL;
	bool ok = d != NULL;
	const char *doc;
	ok &= xi_sm_description(mp, obj, what, &doc);
	if (!d)
		d = XI_NEW(&mp->ctx->arena, struct xi_decl); /* keep checking the rest */
	d->doc = doc;
	if (!mp->xbg) {
		struct xi_attr *attrs = NULL;
		ok &= xi_sm_attributes(mp, obj, &attrs);
		xi_attrs_met(mp->ctx, XI_ATTRS_DECL, d, attrs);
	}
	switch (kind) {
	case XI_DECL_CONST: {
		/* Without a type, another name of the constant its value names
		 * (xidl's `const A = B;`); a string constant has `string:`. */
		const struct xi_dentry *se = xi_sm_entry(obj, XI_W_STRING);
		bool alias = !mp->xbg && !se && !xi_sm_entry(obj, XI_W_TYPE) && !xi_sm_entry(obj, XI_W_TYP) &&
			     !xi_sm_entry(obj, XI_W_PARAMS);
		const struct xi_dnode *tn = alias ? NULL : xi_sm_type_node(mp, obj, what);
		if (se && !mp->xbg) {
			/* a string constant: `string:` instead of `value:` */
			d->type = tn ? xi_sm_map_type(mp, tn, "type") : NULL;
			ok &= d->type && map_string(mp, d, se->value);
			if (xi_sm_entry(obj, XI_W_VALUE)) {
				xi_error(mp->diag, se->key_loc, "a constant has either 'value' or 'string'");
				ok = false;
			}
			break;
		}
		const struct xi_dnode *v = xi_sm_need(mp, obj, XI_W_VALUE, what, "an integer or an expression");
		d->type = tn ? xi_sm_map_type(mp, tn, "type") : NULL;
		const struct xi_dnode *params;
		ok &= mp->xbg || list_of(mp, obj, XI_W_PARAMS, what, &params);
		if (!mp->xbg && params) {
			ok &= map_params(mp, d, params);
			d->expr = v && v->kind == XI_DSTR ? xi_spec_parse_fn_body(mp->ctx, v)
				  : v ? xi_sm_value_expr(mp, v, "value") : NULL;
		} else {
			d->expr = v ? xi_sm_value_expr(mp, v, "value") : NULL;
		}
		d->const_alias = alias;
		ok &= (alias || d->type) && d->expr;
		break;
	}
	case XI_DECL_ALIAS: {
		const struct xi_dnode *tn = xi_sm_type_node(mp, obj, what);
		d->type = tn ? xi_sm_map_type(mp, tn, "type") : NULL;
		ok &= d->type != NULL;
		break;
	}
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP: {
		const struct xi_dnode *tn = xi_sm_type_node(mp, obj, what);
		d->type = tn ? xi_sm_map_type(mp, tn, mp->xbg ? "typ" : "type") : NULL;
		ok &= d->type != NULL;
		const struct xi_dnode *list;
		bool bits = kind == XI_DECL_BITMAP;
		ok &= list_of(mp, obj, bits ? XI_W_BITS : XI_W_VARIANTS, what, &list);
		if (list)
			ok &= map_variants(mp, d, list, bits);
		break;
	}
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: {
		const struct xi_dnode *list;
		ok &= list_of(mp, obj, XI_W_FIELDS, what, &list);
		unsigned count = 0;
		struct xi_member *members = list ? xi_sm_map_fields(mp, list, false, &count) : NULL;
		ok &= members || !count;
		d->agg = xi_sm_new_agg(mp, kind == XI_DECL_UNION, obj->loc, members, count);
		d->agg->owner = d;
		break;
	}
	}
	if (ok)
		add_item(mp, d, obj->loc);
	if (ok && mp->ctx->comments)
		keep_decl(mp, d, obj, in_list);
	xi_attrs_done(mp->ctx);
	return ok;
}

static const struct {
	enum xi_word list;   /* the per-kind list key */
	enum xi_word item;   /* the kind key of a `declarations` item */
	enum xi_decl_kind kind;
	bool xbg;            /* in xenbindgen's schema */
} decl_lists[] = {
	{ XI_W_CONSTANTS, XI_W_CONST, XI_DECL_CONST, false },
	{ XI_W_ALIASES, XI_W_ALIAS, XI_DECL_ALIAS, false },
	{ XI_W_ENUMS, XI_W_ENUM, XI_DECL_ENUM, true },
	{ XI_W_BITMAPS, XI_W_BITMAP, XI_DECL_BITMAP, true },
	{ XI_W_STRUCTS, XI_W_STRUCT, XI_DECL_STRUCT, true },
	{ XI_W_UNIONS, XI_W_UNION, XI_DECL_UNION, false },
};

#define NDECL_LISTS (sizeof(decl_lists) / sizeof(decl_lists[0]))

/* A `declarations` item: {struct: NAME, ...}, {const: NAME, ...}, ... */
static bool map_declaration_item(struct mapper *mp, const struct xi_dnode *obj,
				 const struct xi_dnode *in_list)
{
	if (!xi_sm_is_object(mp, obj, "a declaration"))
		return false;
	const struct xi_dentry *kind = NULL;
	unsigned which = 0;
	for (const struct xi_dentry *e = obj->first; e; e = e->next) {
		for (unsigned i = 0; i < NDECL_LISTS; i++) {
			if (e->word != decl_lists[i].item)
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
	return map_decl(mp, obj, decl_lists[which].kind, kind->value, kind->word, in_list);
}

/* --- Imports and includes --------------------------------------------------- */

/* An arch import map's entries; the loader checks the keys. */
static struct xi_import *map_arch_files(struct mapper *mp, const struct xi_dnode *map)
{
	struct xi_import *im = XI_NEW(&mp->ctx->arena, struct xi_import);
	im->loc = map->loc;
	im->is_arch = im->is_map = true;
	struct xi_import_file **tail = &im->files;
	bool ok = true;
	for (const struct xi_dentry *e = map->first; e; e = e->next) {
		const struct xi_dnode *v = e->value;
		if (v->kind == XI_DNULL) {
			/* `ppc: null`: no file for the family */
			struct xi_import_file *f = XI_NEW(&mp->ctx->arena, struct xi_import_file);
			f->key = xi_intern(mp->ctx, e->key, e->keylen);
			f->key_loc = e->key_loc;
			f->loc = v->loc;
			f->none = true;
			*tail = f;
			tail = &f->next;
			continue;
		}
		if (v->kind != XI_DSTR || !v->len) {
			xi_error(mp->diag, v->loc, "the file of a family in an arch import must be a "
				 "file name (a string), or null");
			ok = false;
			continue;
		}
		struct xi_import_file *f = XI_NEW(&mp->ctx->arena, struct xi_import_file);
		f->key = xi_intern(mp->ctx, e->key, e->keylen);
		f->key_loc = e->key_loc;
		f->path = xi_intern(mp->ctx, v->text, v->len);
		f->loc = v->loc;
		*tail = f;
		tail = &f->next;
	}
	if (!im->files && ok) {
		xi_error(mp->diag, map->loc, "an arch import names no file");
		ok = false;
	}
	return ok ? im : NULL;
}

static bool map_imports(struct mapper *mp, const struct xi_dnode *seq, struct xi_spec *out)
{
	struct xi_import **tail = &out->imports;
	bool ok = true;
	for (const struct xi_dnode *n = seq->head; n; n = n->next) {
		const struct xi_dnode *path = n;
		bool is_arch = false;
		if (n->kind == XI_DMAP) {
			xi_sm_check_keys(mp, n, "an import", import_keys, XI_W_NONE);
			path = xi_sm_need(mp, n, XI_W_ARCH, "an import", "a file name");
			is_arch = true;
			if (!path) {
				ok = false;
				continue;
			}
			if (path->kind == XI_DMAP) {
				/* {arch: {x86: FILE, arm: FILE}}: a file per family. */
				struct xi_import *im = map_arch_files(mp, path);
				if (!im) {
					ok = false;
					continue;
				}
				if (mp->ctx->comments)
					xi_comments_item_node(mp->ctx->comments, im, n, seq);
				*tail = im;
				tail = &im->next;
				continue;
			}
		}
		if (path->kind != XI_DSTR || !path->len) {
			xi_error(mp->diag, path->loc, "an import must be a file name (a string), or "
				 "%s for a file of every arch-* directory",
				 mp->toml ? "{ arch = \"FILE\" }" : "{arch: FILE}");
			ok = false;
			continue;
		}
		struct xi_import *im = XI_NEW(&mp->ctx->arena, struct xi_import);
		im->path = xi_intern(mp->ctx, path->text, path->len);
		im->loc = path->loc;
		im->is_arch = is_arch;
		if (mp->ctx->comments)
			xi_comments_item_node(mp->ctx->comments, im, n, seq);
		*tail = im;
		tail = &im->next;
	}
	return ok;
}

static bool map_include(struct mapper *mp, const struct xi_dnode *obj, struct xi_spec_include *inc)
{
	if (!xi_sm_is_object(mp, obj, "an include"))
		return false;
	xi_sm_check_keys(mp, obj, "an include", include_keys, XI_W_NONE);
	inc->loc = obj->loc;
	const struct xi_dnode *from = xi_sm_need(mp, obj, XI_W_FROM, "an include",
					   "the output name of a spec directory, or \"arch\"");
	const struct xi_dentry *imports = xi_sm_entry(obj, XI_W_IMPORTS);
	bool ok = from != NULL;
	if (from && xi_sm_is_kind(mp, from, "from", XI_DSTR, "a string")) {
		if (!xi_sm_is_word(from->text, from->len)) {
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
			xi_sm_need(mp, obj, XI_W_IMPORTS, "an include", "a list of names");
			return false;
		}
		return ok;
	}
	const struct xi_dnode *list = imports->value;
	if (!xi_sm_is_kind(mp, list, "imports", XI_DSEQ, mp->toml ? "an array of names" : "a sequence of names"))
		return false;
	inc->names = XI_NEW_ARRAY(&mp->ctx->arena, const char *, list->count + 1);
	inc->name_locs = XI_NEW_ARRAY(&mp->ctx->arena, struct xi_loc, list->count + 1);
	for (const struct xi_dnode *n = list->head; n; n = n->next) {
		const char *name = xi_sm_name_of(mp, n, "imports", NAME_REF);
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
		struct xi_spec_include *inc = XI_NEW(&mp->ctx->arena, struct xi_spec_include);
		if (!map_include(mp, n, inc)) {
			ok = false;
			continue;
		}
		if (mp->ctx->comments)
			xi_comments_item_node(mp->ctx->comments, inc, n, seq);
		*tail = inc;
		tail = &inc->next;
	}
	return ok;
}

/* --- Documents -------------------------------------------------------------- */

static int by_position(const void *a, const void *b)
{
	const struct xi_loc *x = &((const struct spec_item *)a)->pos;
	const struct xi_loc *y = &((const struct spec_item *)b)->pos;
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
	if (!xi_sm_is_object(mp, root, "a spec"))
		return false;
	xi_sm_check_keys(mp, root, "a spec", top_keys(mp), XI_W_NONE);
	if (!mp->xbg) {
		const struct xi_dentry *doc = xi_sm_entry(root, XI_W_DESCRIPTION);
		if (doc && xi_sm_is_kind(mp, doc->value, "description", XI_DSTR, "a string"))
			out->doc = doc->value->text;
		if (doc && ctx->comments)
			ctx->comments->doc_pos = (struct xi_pos){ doc->key_loc.line, doc->key_loc.col };
		/* `if: tools`, xidl's file attribute @!if(tools). */
		const struct xi_dentry *cond = xi_sm_entry(root, XI_W_IF);
		if (cond && xi_sm_is_kind(mp, cond->value, "if", XI_DSTR, "a string")) {
			if (strcmp(cond->value->text, "tools"))
				xi_error(mp->diag, cond->value->loc,
					 "'if' takes the condition 'tools', as in if: tools");
			else {
				m->tools_only = true;
				m->tools_only_loc = cond->key_loc;
			}
		}
		/* `spdx: MIT`, xidl's @!spdx("MIT"). */
		const struct xi_dentry *spdx = xi_sm_entry(root, XI_W_SPDX);
		if (spdx && xi_sm_is_kind(mp, spdx->value, "spdx", XI_DSTR, "a string")) {
			if (!xi_spdx_is_valid(spdx->value->text))
				xi_error(mp->diag, spdx->value->loc, "'%s' is not an SPDX license "
					 "expression (letters, digits, '.', '-', '+', ':', parentheses "
					 "and single spaces)", spdx->value->text);
			else {
				m->spdx = spdx->value->text;
				m->spdx_loc = spdx->key_loc;
			}
		}
		/* `c_guard: NAME`, xidl's @!c_guard("NAME"). */
		const struct xi_dentry *guard = xi_sm_entry(root, XI_W_C_GUARD);
		if (guard && xi_sm_is_kind(mp, guard->value, "c_guard", XI_DSTR, "a string")) {
			if (!xi_is_identifier(guard->value->text, strlen(guard->value->text)))
				xi_error(mp->diag, guard->value->loc, "'%s' is not a valid C identifier",
					 guard->value->text);
			else {
				m->c_guard = guard->value->text;
				m->c_guard_loc = guard->key_loc;
			}
		}
		/* `c_prelude: true`, xidl's file attribute @!c_prelude. */
		const struct xi_dentry *prelude = xi_sm_entry(root, XI_W_C_PRELUDE);
		if (prelude && prelude->value->kind == XI_DSTR && prelude->value->len == 7 &&
		    !memcmp(prelude->value->text, "version", 7)) {
			m->c_prelude = m->c_prelude_version = true;
			m->c_prelude_loc = prelude->key_loc;
		} else if (prelude && prelude->value->kind == XI_DSTR && prelude->value->len == 8 &&
			   !memcmp(prelude->value->text, "hvm_save", 8)) {
			m->c_prelude_hvm_save = true;
			m->c_prelude_loc = prelude->key_loc;
		} else if (prelude && xi_sm_is_kind(mp, prelude->value, "c_prelude", XI_DBOOL,
						    "true, false, version or hvm_save") && prelude->value->bval) {
			m->c_prelude = true;
			m->c_prelude_loc = prelude->key_loc;
		}
		/* `c_handles: [NAME, ...]`, xidl's @!c_handle(NAME) each. */
		const struct xi_dentry *handles = xi_sm_entry(root, XI_W_C_HANDLES);
		if (handles && xi_sm_is_kind(mp, handles->value, "c_handles", XI_DSEQ,
					     mp->toml ? "an array of names" : "a sequence of names")) {
			struct xi_c_handle_of **tail = &m->c_handles;
			for (const struct xi_dnode *n = handles->value->head; n; n = n->next) {
				const char *name = xi_sm_name_of(mp, n, "c_handles", NAME_REF);
				if (!name)
					continue;
				bool twice = false;
				for (const struct xi_c_handle_of *h = m->c_handles; h; h = h->next)
					twice = twice || !strcmp(h->name, name);
				if (twice) {
					xi_error(mp->diag, n->loc, "'%s' appears twice in 'c_handles'", name);
					continue;
				}
				*tail = XI_NEW(&mp->ctx->arena, struct xi_c_handle_of);
				(*tail)->name = name;
				(*tail)->loc = n->loc;
				tail = &(*tail)->next;
			}
		}
		const struct xi_dentry *imports = xi_sm_entry(root, XI_W_IMPORTS);
		if (imports && xi_sm_is_kind(mp, imports->value, "imports", XI_DSEQ,
				       mp->toml ? "an array" : "a sequence"))
			map_imports(mp, imports->value, out);
	}
	const struct xi_dentry *includes = xi_sm_entry(root, XI_W_INCLUDES);
	if (includes && xi_sm_is_kind(mp, includes->value, "includes", XI_DSEQ,
				mp->toml ? "an array of tables" : "a sequence"))
		map_includes(mp, includes->value, out);
	for (unsigned i = 0; i < NDECL_LISTS && !ctx->diag.capped; i++) {
		if (mp->xbg && !decl_lists[i].xbg)
			continue;
		const struct xi_dentry *list = xi_sm_entry(root, decl_lists[i].list);
		if (!list || !xi_sm_is_kind(mp, list->value, xi_words[decl_lists[i].list], XI_DSEQ,
				      mp->toml ? "an array of tables" : "a sequence"))
			continue;
		for (const struct xi_dnode *n = list->value->head; n && !ctx->diag.capped; n = n->next)
			if (xi_sm_is_object(mp, n, decl_phrase(decl_lists[i].kind)))
				map_decl(mp, n, decl_lists[i].kind, NULL, XI_W_NONE, list->value);
	}
	const struct xi_dentry *decls = mp->xbg ? NULL : xi_sm_entry(root, XI_W_DECLARATIONS);
	if (decls && xi_sm_is_kind(mp, decls->value, "declarations", XI_DSEQ,
			     mp->toml ? "an array of tables" : "a sequence"))
		for (const struct xi_dnode *n = decls->value->head; n && !ctx->diag.capped; n = n->next)
			map_declaration_item(mp, n, decls->value);

	/* Declarations in document order, whichever list holds them. */
	if (mp->nitems)
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
