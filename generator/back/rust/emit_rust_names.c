/* How IDL names and types are spelled in the Rust crate. */
#include "emit_rust.h"

#include "ascii.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Strict and reserved keywords of Rust 2021 (and `gen`, reserved in 2024),
 * sorted as strcmp orders them (upper case first), for bsearch. */
static const char *const rust_keywords[] = {
	"Self", "abstract", "as", "async", "await", "become", "box", "break", "const",
	"continue", "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn",
	"for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
	"mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super",
	"trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use",
	"virtual", "where", "while", "yield",
};

static int compare_keyword(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static bool is_keyword(const char *s)
{
	return bsearch(s, rust_keywords, sizeof(rust_keywords) / sizeof(rust_keywords[0]),
		       sizeof(rust_keywords[0]), compare_keyword) != NULL;
}

static bool has_lower(const char *s)
{
	for (; *s; s++)
		if (xi_is_lower(*s))
			return true;
	return false;
}

const char *xi_rust_pascal(struct xi_arena *a, const char *name)
{
	size_t n = strlen(name);
	char *r = xi_alloc(a, n + 1);
	size_t k = 0;
	const char *p = name;
	while (*p) {
		if (*p == '_') {
			p++;
			continue;
		}
		/* One segment: an upper-case one (USE, XEN) is lowered after its
		 * first letter; any other keeps its case (altp2m, BufIoReqPfn). */
		const char *end = strchr(p, '_');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool upper = true;
		for (size_t i = 0; i < len; i++)
			if (xi_is_lower(p[i]))
				upper = false;
		r[k++] = xi_to_upper(p[0]);
		for (size_t i = 1; i < len; i++)
			r[k++] = upper ? xi_to_lower(p[i]) : p[i];
		p += len;
	}
	r[k] = '\0';
	/* A name of underscores only, or one starting with a digit. */
	if (k == 0 || xi_is_digit(r[0]))
		return xi_aprintf(a, "T%s", r);
	return r;
}

bool xi_rust_present(const struct xi_type *t, int abi)
{
	if (t->kind == XI_TYPE_AGG && t->u.agg->anonymous)
		return xi_agg_present(t->u.agg, abi);
	return t->kind != XI_TYPE_ARCH || !t->u.arch.abi || !t->u.arch.abi[abi] ||
	       t->u.arch.abi[abi]->kind != XI_TYPE_VOID;
}

bool xi_rust_present_on(const struct xi_type *t, xi_abi_mask abis)
{
	XI_FOR_EACH_ABI(a, abis)
		if (!xi_rust_present(t, a))
			return false;
	return true;
}

const char *xi_rust_type_name(struct xi_arena *a, const struct xi_decl *d)
{
	/* A final "_t" stays (domid_t is DomidT): Xen declares both
	 * `enum xenmem_access` and `xenmem_access_t`. `self` gives Self, the
	 * one keyword in PascalCase, which cannot be raw: Self_. */
	return xi_rust_ident(a, xi_rust_pascal(a, d->name));
}

struct rust_names *xi_rust_names_new(struct xi_ctx *ctx)
{
	unsigned total = 0;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		total += ctx->modules[i]->ndecls;
	struct rust_names *n = XI_NEW(&ctx->arena, struct rust_names);
	n->arena = &ctx->arena;
	n->type = XI_NEW_ARRAY(&ctx->arena, const char *, total);
	n->path[0] = XI_NEW_ARRAY(&ctx->arena, const char *, total);
	n->path[1] = XI_NEW_ARRAY(&ctx->arena, const char *, total);
	xi_map_init(&n->aggs);
	return n;
}

void xi_rust_names_free(struct rust_names *n)
{
	xi_map_free(&n->aggs);
}

const char *xi_rust_decl_name(struct rgen *g, const struct xi_decl *d)
{
	const char **name = &g->names->type[d->order];
	if (!*name)
		*name = xi_rust_type_name(g->names->arena, d);
	return *name;
}

/* Whether a bit or field of a bitmap takes a constant's name. */
static bool bit_takes(struct xi_arena *a, const struct xi_decl *d, const char *name)
{
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const char *upper = xi_rust_upper(a, v->name);
		if (v->value_hi)
			upper = xi_aprintf(a, "%s_MASK", upper);
		if (!strcmp(upper, name))
			return true;
	}
	return false;
}

const char *xi_rust_bitmap_all(struct xi_arena *a, const struct xi_decl *d)
{
	return bit_takes(a, d, "ALL") ? "ALL_BITS" : "ALL";
}

const char *xi_rust_bitmap_empty(struct xi_arena *a, const struct xi_decl *d)
{
	return bit_takes(a, d, "EMPTY") ? "NO_BITS" : "EMPTY";
}

const char *xi_rust_ident(struct xi_arena *a, const char *name)
{
	if (!strcmp(name, "_"))
		return "__";
	if (!is_keyword(name))
		return name;
	if (!strcmp(name, "self") || !strcmp(name, "Self") || !strcmp(name, "super") ||
	    !strcmp(name, "crate"))
		return xi_aprintf(a, "%s_", name);
	return xi_aprintf(a, "r#%s", name);
}

const char *xi_rust_upper(struct xi_arena *a, const char *name)
{
	char *r = xi_strdup(a, name);
	for (char *p = r; *p; p++)
		*p = xi_to_upper(*p);
	if (xi_is_digit(r[0]))
		return xi_aprintf(a, "_%s", r);
	return r;
}

const char *xi_rust_lower(struct xi_arena *a, const char *name)
{
	char *r = xi_strdup(a, name);
	for (char *p = r; *p; p++)
		*p = xi_to_lower(*p);
	if (xi_is_digit(r[0]))
		return xi_aprintf(a, "_%s", r);
	return xi_rust_ident(a, r);
}

bool xi_rust_is_snake(const char *name)
{
	for (const char *p = name; *p; p++)
		if (xi_is_upper(*p))
			return false;
	return true;
}

bool xi_rust_is_upper(const char *name)
{
	return !has_lower(name);
}

/* --- Modules --------------------------------------------------------------- */

const char *xi_rust_module_component(struct xi_arena *a, const char *comp, size_t len)
{
	char *r = xi_alloc(a, len + 2);
	size_t k = 0;
	if (len && xi_is_digit(comp[0]))
		r[k++] = '_';
	for (size_t i = 0; i < len; i++) {
		r[k++] = xi_is_ident(comp[i]) ? comp[i] : '_';
	}
	r[k] = '\0';
	return xi_rust_ident(a, r);
}

const char *xi_rust_rel(struct xi_arena *a, const struct xi_module *m)
{
	if (m->family < 0)
		return m->rel;
	const char *dir = xi_families[m->family].dir;
	const char *slash = strrchr(m->rel, '/');
	const char *base = slash ? slash + 1 : m->rel;
	return strcmp(base, dir) ? m->rel : xi_aprintf(a, "%s/xen", m->rel);
}

const char *xi_rust_module_path(struct xi_arena *a, const struct xi_module *m, bool unified)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	const char *fam_dir = m->family >= 0 ? xi_families[m->family].dir : NULL;
	bool replaced = false;
	const char *p = xi_rust_rel(a, m);
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (sb.len)
			xi_sb_adds(&sb, "::");
		if (unified && !replaced && fam_dir && slash && strlen(fam_dir) == len &&
		    !memcmp(p, fam_dir, len)) {
			xi_sb_adds(&sb, "arch");
			replaced = true;
		} else {
			xi_sb_adds(&sb, xi_rust_module_component(a, p, len));
		}
		if (!slash)
			break;
		p = slash + 1;
	}
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* --- Aggregates -------------------------------------------------------------- */

/* Under `within`, the member whose type (through arrays) is `agg`, and the
 * aggregate holding it. (agg->parent is not set for arrays of inline
 * aggregates, so the enclosing one is found from the declaration down.) */
static const struct xi_member *find_member(const struct xi_agg *within, const struct xi_agg *agg,
					   const struct xi_agg **holder)
{
	for (const struct xi_member *m = within->members; m; m = m->next) {
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind != XI_TYPE_AGG)
			continue;
		if (t->u.agg == agg) {
			*holder = within;
			return m;
		}
		const struct xi_member *r = find_member(t->u.agg, agg, holder);
		if (r)
			return r;
	}
	return NULL;
}

/* For an inline aggregate, the member whose type (through arrays) it is,
 * and the aggregate holding that member; NULL for a declared one. */
static const struct xi_member *xi_rust_agg_member(const struct xi_agg *agg,
						  const struct xi_agg **holder)
{
	*holder = NULL;
	if (!agg->owner || agg->owner->agg == agg)
		return NULL;
	return find_member(agg->owner->agg, agg, holder);
}

const char *xi_rust_agg_name(struct xi_arena *a, const struct xi_agg *agg)
{
	const struct xi_agg *holder;
	const struct xi_member *m = xi_rust_agg_member(agg, &holder);
	if (!m)
		return xi_rust_type_name(a, agg->owner);
	return xi_aprintf(a, "%s%s", xi_rust_agg_name(a, holder), xi_rust_pascal(a, m->name));
}

const char *xi_rust_agg_name_cached(struct rgen *g, const struct xi_agg *agg)
{
	/* The key is the bytes of the aggregate's address: a copy of them
	 * lives in the arena, as the map requires of its keys. */
	const char *name = xi_map_get(&g->names->aggs, (const char *)&agg, sizeof(agg));
	if (name)
		return name;
	const struct xi_agg *holder;
	const struct xi_member *m = xi_rust_agg_member(agg, &holder);
	if (!m)
		name = xi_rust_decl_name(g, agg->owner);
	else
		name = xi_aprintf(g->names->arena, "%s%s", xi_rust_agg_name_cached(g, holder),
				  xi_rust_pascal(g->arena, m->name));
	const struct xi_agg **key = XI_NEW(g->names->arena, const struct xi_agg *);
	*key = agg;
	xi_map_put(&g->names->aggs, (const char *)key, sizeof(*key), (void *)name);
	return name;
}

const char *xi_rust_agg_idl_name(struct xi_arena *a, const struct xi_agg *agg)
{
	const struct xi_agg *holder;
	const struct xi_member *m = xi_rust_agg_member(agg, &holder);
	if (!m)
		return agg->owner->name;
	return xi_aprintf(a, "%s.%s", xi_rust_agg_idl_name(a, holder), m->name);
}

/* --- Types ---------------------------------------------------------------------- */

static const char *const prim_names[XI_PRIM_COUNT] = {
	[XI_PRIM_U8] = "u8", [XI_PRIM_U16] = "u16", [XI_PRIM_U32] = "u32",
	[XI_PRIM_U64] = "u64", [XI_PRIM_I8] = "i8", [XI_PRIM_I16] = "i16",
	[XI_PRIM_I32] = "i32", [XI_PRIM_I64] = "i64", [XI_PRIM_CHAR] = "u8",
	[XI_PRIM_NATIVE_U64] = "u64", [XI_PRIM_NATIVE_I64] = "i64",
	XI_RUST_C_PRIM_NAMES
};

int xi_rust_first_abi(const struct rgen *g)
{
	XI_FOR_EACH_ABI(a, g->abis)
		return a;
	return 0;
}

const char *xi_rust_decl_path(struct rgen *g, const struct xi_decl *d)
{
	const char *name = xi_rust_decl_name(g, d);
	if (d->module == g->module)
		return name;
	/* A declaration of another family's file is reached through the
	 * re-exported `arch` module, which names the target's own. */
	bool unified = d->module->family != XI_FAM_NONE && d->module->family != g->module->family;
	const char **path = &g->names->path[unified][d->order];
	if (!*path)
		*path = xi_aprintf(g->names->arena, "crate::%s::%s",
				   xi_rust_module_path(g->arena, d->module, unified), name);
	return *path;
}

static const char *handle_target(struct rgen *g, const struct xi_type *t, int abi)
{
	if (t->kind == XI_TYPE_VOID)
		return "core::ffi::c_void";
	return xi_rust_type(g, t, abi);
}

const char *xi_rust_type(struct rgen *g, const struct xi_type *t, int abi)
{
	switch (t->kind) {
	case XI_TYPE_PRIM:
		return prim_names[t->prim];
	case XI_TYPE_REF: {
		const struct xi_decl *d = abi >= 0 ? xi_ref_decl(t, abi) : xi_ref_some_decl(t);
		return xi_rust_decl_path(g, d);
	}
	case XI_TYPE_ARRAY:
		return xi_aprintf(g->arena, "[%s; %u]", xi_rust_type(g, t->u.array.elem, abi),
				  (unsigned)t->u.array.count);
	case XI_TYPE_HANDLE:
		return xi_aprintf(g->arena, "crate::GuestHandle64<%s>", handle_target(g, t->u.target, abi));
	case XI_TYPE_NATIVE_HANDLE:
		return xi_aprintf(g->arena, "crate::GuestHandle<%s>", handle_target(g, t->u.target, abi));
	case XI_TYPE_PTR:
		/* an address, pointer-sized on each target as usize is; not a
		 * raw pointer, so that the struct stays Send, Sync and Default */
		return "usize";
	case XI_TYPE_AGG:
		return xi_rust_agg_name_cached(g, t->u.agg);
	case XI_TYPE_ARCH:
		return xi_rust_type(g, t->u.arch.abi[abi >= 0 ? abi : xi_rust_first_abi(g)], abi);
	case XI_TYPE_VOID:
		return "core::ffi::c_void";
	}
	return "()";
}

/* Whether a type's spelling could depend on the ABI at all: only an arch
 * type or a name meaning different declarations on different families
 * (from an `import arch` file) can make it. Anything else is spelled the
 * same everywhere, and most types are. */
static bool may_vary(const struct xi_type *t)
{
	t = xi_type_innermost(t);
	/* an anonymous aggregate is absent where none of its members exist */
	return t->kind == XI_TYPE_ARCH || (t->kind == XI_TYPE_REF && t->u.ref.per_abi) ||
	       (t->kind == XI_TYPE_AGG && t->u.agg->anonymous);
}

bool xi_rust_type_varies(struct rgen *g, const struct xi_type *t)
{
	if (!may_vary(t))
		return false;
	if (!xi_rust_present_on(t, g->abis))
		return true;
	const char *first = NULL;
	XI_FOR_EACH_ABI(a, g->abis) {
		const char *s = xi_rust_type(g, t, a);
		if (!first)
			first = s;
		else if (strcmp(first, s))
			return true;
	}
	return false;
}

enum rust_kind xi_rust_kind(const struct xi_type *t, int abi, const struct xi_decl **decl)
{
	*decl = NULL;
	for (;;) {
		switch (t->kind) {
		case XI_TYPE_ARRAY:
			t = t->u.array.elem;
			continue;
		case XI_TYPE_ARCH:
			t = t->u.arch.abi ? t->u.arch.abi[abi] : NULL;
			if (!t)
				return RK_INT; /* an ABI not generated */
			continue;
		case XI_TYPE_AGG:
			return t->u.agg->tag ? RK_TAGGED : RK_STRUCT;
		case XI_TYPE_REF: {
			const struct xi_decl *d = xi_ref_decl(t, abi);
			if (!d)
				return RK_INT;
			if (d->kind == XI_DECL_ALIAS) {
				t = d->type;
				continue;
			}
			*decl = d;
			if (d->kind == XI_DECL_ENUM)
				return RK_ENUM;
			if (d->kind == XI_DECL_BITMAP)
				return RK_BITMAP;
			return xi_decl_is_aggregate(d) ? RK_STRUCT : RK_INT;
		}
		default:
			return RK_INT;
		}
	}
}

const struct xi_type *xi_rust_array_base(const struct xi_type *t, unsigned *dims)
{
	*dims = 0;
	while (t->kind == XI_TYPE_ARRAY) {
		t = t->u.array.elem;
		(*dims)++;
	}
	return t;
}

const struct xi_type *xi_rust_shape(const struct xi_type *t, int abi, unsigned *dims)
{
	*dims = 0;
	for (;;) {
		if (t->kind == XI_TYPE_ARRAY) {
			t = t->u.array.elem;
			(*dims)++;
		} else if (t->kind == XI_TYPE_ARCH && t->u.arch.abi && t->u.arch.abi[abi]) {
			t = t->u.arch.abi[abi];
		} else if (t->kind == XI_TYPE_REF && xi_ref_decl(t, abi) &&
			   xi_ref_decl(t, abi)->kind == XI_DECL_ALIAS) {
			t = xi_ref_decl(t, abi)->type;
		} else {
			return t;
		}
	}
}

bool xi_rust_check_varies(struct rgen *g, const struct xi_type *t)
{
	if (!xi_rust_present_on(t, g->abis))
		return true;
	bool first = true;
	enum rust_kind k0 = RK_INT;
	unsigned dims0 = 0;
	const void *what0 = NULL;
	XI_FOR_EACH_ABI(a, g->abis) {
		unsigned dims;
		const struct xi_type *base = xi_rust_shape(t, a, &dims);
		const struct xi_decl *d;
		enum rust_kind k = xi_rust_kind(base, a, &d);
		const void *what = base->kind == XI_TYPE_AGG ? (const void *)base->u.agg
				 : base->kind == XI_TYPE_PRIM ? (const void *)&xi_prims[base->prim]
				 : (const void *)d;
		if (first) {
			k0 = k;
			dims0 = dims;
			what0 = what;
			first = false;
		} else if (k != k0 || dims != dims0 || (k != RK_INT && what != what0) ||
			   (k == RK_INT && base->kind != XI_TYPE_PRIM)) {
			return true;
		}
	}
	return false;
}

/* --- cfg predicates ------------------------------------------------------------ */

/* The predicates of a set of ABIs, one per ABI. */
static unsigned abi_preds(xi_abi_mask abis, const char **preds)
{
	unsigned n = 0;
	XI_FOR_EACH_ABI(a, abis)
		preds[n++] = xi_abis[a].rust_cfg;
	return n;
}

static const char *any_of(struct xi_arena *a, const char **preds, unsigned n)
{
	if (n == 1)
		return preds[0];
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, "any(");
	for (unsigned i = 0; i < n; i++)
		xi_sb_printf(&sb, "%s%s", i ? ", " : "", preds[i]);
	xi_sb_addc(&sb, ')');
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

const char *xi_rust_cfg_exact(struct xi_arena *a, xi_abi_mask abis)
{
	const char *preds[XI_ABI_COUNT];
	unsigned n = abi_preds(abis, preds);
	return any_of(a, preds, n);
}

const char *xi_rust_cfg(struct xi_arena *a, xi_abi_mask abis, xi_abi_mask all)
{
	if ((abis & all) == all)
		return NULL;
	xi_abi_mask others = all & ~abis;
	/* The shorter of "any(these)" and "not(any(the others))". */
	if (__builtin_popcount(others) < __builtin_popcount(abis))
		return xi_aprintf(a, "not(%s)", xi_rust_cfg_exact(a, others));
	return xi_rust_cfg_exact(a, abis);
}

/* rustfmt keeps the list of a function-like attribute on one line up to
 * this width (attr_fn_like_width), else puts one item per line. */
#define RUST_ATTR_LIST_WIDTH 70u

const char *xi_rust_cfg_attr(struct xi_arena *a, unsigned indent, const char *pred)
{
	const char *open = NULL;
	if (!strncmp(pred, "any(", 4))
		open = "any(";
	else if (!strncmp(pred, "not(any(", 8))
		open = "not(any(";
	size_t one_line = indent + strlen(pred) + strlen("#[cfg()]");
	size_t list = open ? strlen(pred) - strlen(open) - (open[0] == 'n' ? 2 : 1) : 0;
	if (!open || (list <= RUST_ATTR_LIST_WIDTH && one_line <= RUST_MAX_WIDTH))
		return xi_aprintf(a, "%*s#[cfg(%s)]\n", (int)indent, "", pred);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_printf(&sb, "%*s#[cfg(%s\n", (int)indent, "", open);
	const char *p = pred + strlen(open), *start = p;
	int depth = 0;
	for (; *p; p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')' && depth-- == 0) {
			break;
		} else if (*p == ',' && depth == 0) {
			xi_sb_printf(&sb, "%*s%.*s,\n", (int)(indent + RUST_INDENT), "", (int)(p - start),
				     start);
			start = p + 2;
		}
	}
	xi_sb_printf(&sb, "%*s%.*s\n", (int)(indent + RUST_INDENT), "", (int)(p - start), start);
	xi_sb_printf(&sb, "%*s%s]\n", (int)indent, "", open[0] == 'n' ? ")))" : "))");
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

const char *xi_rust_label_expr(struct rgen *g, const struct xi_agg *u, const struct xi_arm_label *l)
{
	const struct xi_decl *enm;
	int abi = xi_rust_first_abi(g);
	if (xi_rust_kind(u->tag->type, abi, &enm) == RK_ENUM && l->variant)
		return xi_aprintf(g->arena, "%s::%s", xi_rust_decl_path(g, enm),
				  xi_rust_upper(g->arena, l->variant));
	const struct xi_expr *e = l->expr;
	if (e->kind == XI_EXPR_NAME && e->ref && e->ref->kind == XI_DECL_CONST &&
	    !strcmp(xi_rust_type(g, e->ref->type, -1), xi_rust_type(g, u->tag->type, abi))) {
		const struct xi_decl *c = e->ref;
		if (c->module == g->module)
			return xi_rust_ident(g->arena, c->name);
		return xi_aprintf(g->arena, "crate::%s::%s",
				  xi_rust_module_path(g->arena, c->module,
						      c->module->family != g->module->family),
				  xi_rust_ident(g->arena, c->name));
	}
	return xi_rust_int(g->arena, l->value, e->kind == XI_EXPR_INT && e->hex);
}

/* --- Literals and docs ------------------------------------------------------------ */

const char *xi_rust_int(struct xi_arena *a, struct xi_int v, bool hex)
{
	if (v.neg && v.mag == UINT64_C(1) << 63)
		return "i64::MIN";
	if (!hex) {
		/* Most literals: without printf, which xi_vsnprintf leaves
		 * 64-bit numbers to. */
		char buf[XI_INT_TEXT_MAX];
		return xi_strdup(a, xi_int_format(v, buf));
	}
	const char *digits = xi_aprintf(a, "0x%" PRIx64, v.mag);
	return v.neg ? xi_aprintf(a, "-%s", digits) : digits;
}

void xi_rust_doc(struct xi_out *o, unsigned indent, const char *text, bool inner)
{
	/* rustfmt leaves no trailing blanks. */
	static const struct xi_line_style outer_doc = { "///", true, NULL };
	static const struct xi_line_style inner_doc = { "//!", true, NULL };
	if (text)
		xi_out_prefixed_lines(o, indent, inner ? &inner_doc : &outer_doc, text);
}
