/* The ABI model: construction, queries, and the model of a compilation. */
#include "model.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "cnames.h"
#include "cond.h"
#include "cprelude.h"
#include "resolve.h"
#include "strbuf.h"
#include "typename.h"

/* First capacity of the growable arrays of a model. */
#define MF_MIN_CAP 8u

struct xi_mf_model *xi_mf_new(void)
{
	struct xi_mf_model *m = xi_xmalloc(sizeof(*m));
	memset(m, 0, sizeof(*m));
	xi_arena_init(&m->arena);
	xi_map_init(&m->by_name);
	return m;
}

void xi_mf_free(struct xi_mf_model *m)
{
	if (!m)
		return;
	xi_map_free(&m->by_name);
	xi_arena_free(&m->arena);
	free(m);
}

/* Grow an arena array to hold one more element (the old block is left to
 * the arena: arrays at most double, so the waste is bounded). */
static void *grow(struct xi_arena *a, void *items, unsigned n, unsigned *cap, size_t elem)
{
	if (n < *cap)
		return items;
	unsigned ncap = *cap ? *cap * 2 : MF_MIN_CAP;
	void *p = xi_alloc(a, elem * ncap);
	if (n)
		memcpy(p, items, elem * n);
	*cap = ncap;
	return p;
}

struct xi_mf_module *xi_mf_add_module(struct xi_mf_model *m, const char *rel)
{
	m->modules = grow(&m->arena, m->modules, m->nmodules, &m->cap_modules, sizeof(*m->modules));
	struct xi_mf_module *mod = XI_NEW(&m->arena, struct xi_mf_module);
	mod->rel = xi_strdup(&m->arena, rel);
	mod->empty = true;
	m->modules[m->nmodules++] = mod;
	return mod;
}

/* Make d the last declaration of its name (C's own ones have none). */
static void link_name(struct xi_mf_model *m, struct xi_mf_decl *d)
{
	if (d->c_only)
		return;
	if (d->c_only)
		return;
	size_t len = strlen(d->name);
	struct xi_mf_decl *first = xi_map_get(&m->by_name, d->name, len);
	if (!first) {
		xi_map_put(&m->by_name, d->name, len, d);
	} else {
		while (first->next_same_name)
			first = first->next_same_name;
		first->next_same_name = d;
	}
}

struct xi_mf_decl *xi_mf_add_decl(struct xi_mf_model *m, enum xi_mf_kind kind, const char *name,
				  const struct xi_mf_module *mod)
{
	m->decls = grow(&m->arena, m->decls, m->ndecls, &m->cap_decls, sizeof(*m->decls));
	struct xi_mf_decl *d = XI_NEW(&m->arena, struct xi_mf_decl);
	d->kind = kind;
	d->name = xi_strdup(&m->arena, name);
	d->module = mod->rel;
	d->abis = mod->abis;
	d->input = mod->input;
	d->index = m->ndecls;
	m->decls[m->ndecls++] = d;
	((struct xi_mf_module *)mod)->empty = false;
	link_name(m, d);
	return d;
}

void xi_mf_set_c_only(struct xi_mf_model *m, struct xi_mf_decl *d)
{
	d->c_only = true;
	size_t len = strlen(d->name);
	struct xi_mf_decl *first = xi_map_get(&m->by_name, d->name, len);
	if (first == d) {
		/* (NULL when it was the only one: the name is then unknown.) */
		xi_map_put(&m->by_name, d->name, len, d->next_same_name);
	} else {
		for (struct xi_mf_decl *o = first; o; o = o->next_same_name)
			if (o->next_same_name == d) {
				o->next_same_name = d->next_same_name;
				break;
			}
	}
	d->next_same_name = NULL;
}

void xi_mf_keep_abis(struct xi_mf_model *m, xi_abi_mask abis)
{
	m->abis &= abis;
	unsigned kept = 0;
	for (unsigned i = 0; i < m->nmodules; i++) {
		m->modules[i]->abis &= abis;
		if (m->modules[i]->abis)
			m->modules[kept++] = m->modules[i];
	}
	m->nmodules = kept;
	/* The declarations that remain, linked by name anew. */
	xi_map_free(&m->by_name);
	xi_map_init(&m->by_name);
	kept = 0;
	for (unsigned i = 0; i < m->ndecls; i++) {
		struct xi_mf_decl *d = m->decls[i];
		d->abis &= abis;
		d->laid_out &= abis;
		/* A member absent from every ABI kept stays, as the model of
		 * IR lists it (xi_mf_from_ir). */
		for (unsigned k = 0; k < d->nmembers; k++)
			d->members[k].abis &= abis;
		d->next_same_name = NULL;
		if (!d->abis)
			continue;
		d->index = kept;
		m->decls[kept++] = d;
		link_name(m, d);
	}
	m->ndecls = kept;
}

struct xi_mf_member *xi_mf_add_member(struct xi_mf_model *m, struct xi_mf_decl *d, const char *path)
{
	d->members = grow(&m->arena, d->members, d->nmembers, &d->cap_members, sizeof(*d->members));
	struct xi_mf_member *mm = &d->members[d->nmembers++];
	memset(mm, 0, sizeof(*mm));
	mm->path = xi_strdup(&m->arena, path);
	mm->parent = -1;
	return mm;
}

struct xi_mf_variant *xi_mf_add_variant(struct xi_mf_model *m, struct xi_mf_decl *d, const char *name)
{
	d->variants = grow(&m->arena, d->variants, d->nvariants, &d->cap_variants, sizeof(*d->variants));
	struct xi_mf_variant *v = &d->variants[d->nvariants++];
	memset(v, 0, sizeof(*v));
	v->name = xi_strdup(&m->arena, name);
	return v;
}

bool xi_mf_type_is_inline(const char *type)
{
	return type && strchr(type, '{') != NULL;
}

void xi_mf_type_names(const char *type, xi_mf_name_fn *fn, void *ctx)
{
	if (!type || xi_mf_type_is_inline(type))
		return;
	for (const char *p = type; *p;) {
		if (!xi_is_ident_start(*p)) {
			p++;
			continue;
		}
		const char *q = p;
		while (xi_is_ident(*q))
			q++;
		size_t n = (size_t)(q - p);
		bool keyword = (n == 6 && !memcmp(p, "handle", 6)) ||
			       (n == 13 && !memcmp(p, "native_handle", 13)) || (n == 4 && !memcmp(p, "void", 4)) ||
			       (n == 3 && !memcmp(p, "ptr", 3)) ||
			       (n == 5 && !memcmp(p, "const", 5));
		if (!keyword)
			fn(ctx, p, n);
		p = q;
	}
}

static const char *any_type(const struct xi_mf_member *mm)
{
	XI_FOR_EACH_ABI(a, mm->abis)
		return mm->type[a];
	return NULL;
}

/* The path of the member that encloses `path`: "a.b" -> "a", "a[][].b" ->
 * "a"; its length, or 0 for a top-level member. */
static size_t parent_len(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot)
		return 0;
	size_t n = (size_t)(dot - path);
	while (n >= 2 && path[n - 2] == '[' && path[n - 1] == ']')
		n -= 2;
	return n;
}

void xi_mf_finish_decl(struct xi_mf_decl *d)
{
	for (unsigned i = 0; i < d->nmembers; i++) {
		struct xi_mf_member *mm = &d->members[i];
		const char *type = any_type(mm);
		size_t plen = parent_len(mm->path);
		mm->parent = -1;
		/* The parent precedes its children: search backwards. */
		for (unsigned k = i; plen && k-- > 0;) {
			const char *p = d->members[k].path;
			if (strlen(p) == plen && !memcmp(p, mm->path, plen)) {
				mm->parent = (int)k;
				break;
			}
		}
		const struct xi_mf_member *parent = mm->parent >= 0 ? &d->members[mm->parent] : NULL;
		const char *ptype = parent ? any_type(parent) : NULL;
		mm->in_union = parent ? (ptype && !strncmp(ptype, "union", 5))
				      : d->kind == XI_MF_UNION;
		mm->leaf = !xi_mf_type_is_inline(type) || (type && type[strlen(type) - 1] == ']');
		mm->under_leaf = parent && (parent->leaf || parent->under_leaf);
		mm->eff_reserved = mm->reserved || (parent && parent->eff_reserved);
	}
}

void xi_mf_finish(struct xi_mf_model *m)
{
	for (unsigned i = 0; i < m->ndecls; i++)
		xi_mf_finish_decl(m->decls[i]);
}

struct xi_mf_decl *xi_mf_lookup(const struct xi_mf_model *m, const char *name, int abi)
{
	return xi_mf_lookup_n(m, name, strlen(name), abi);
}

struct xi_mf_decl *xi_mf_lookup_n(const struct xi_mf_model *m, const char *name, size_t len,
				  int abi)
{
	for (struct xi_mf_decl *d = xi_map_get(&m->by_name, name, len); d; d = d->next_same_name)
		if (d->abis & XI_ABI_BIT(abi))
			return d;
	return NULL;
}

struct xi_mf_decl *xi_mf_lookup_input(const struct xi_mf_model *m, const char *name, int abi)
{
	for (struct xi_mf_decl *d = xi_map_get(&m->by_name, name, strlen(name)); d; d = d->next_same_name)
		if (d->input && (d->abis & XI_ABI_BIT(abi)))
			return d;
	return NULL;
}

struct xi_mf_decl *xi_mf_lookup_any(const struct xi_mf_model *m, const char *name)
{
	return xi_map_get(&m->by_name, name, strlen(name));
}

int xi_mf_member_index(const struct xi_mf_decl *d, const char *path)
{
	for (unsigned i = 0; i < d->nmembers; i++)
		if (!strcmp(d->members[i].path, path))
			return (int)i;
	return -1;
}

const char *xi_mf_kind_name(enum xi_mf_kind k)
{
	switch (k) {
	case XI_MF_CONST: return "const";
	case XI_MF_ALIAS: return "alias";
	case XI_MF_ENUM: return "enum";
	case XI_MF_BITMAP: return "bitmap";
	case XI_MF_STRUCT: return "struct";
	case XI_MF_UNION: return "union";
	}
	return "?";
}

const char *xi_mf_dir_name(unsigned dir)
{
	switch (dir & (XI_MF_DIR_IN | XI_MF_DIR_OUT)) {
	case XI_MF_DIR_IN: return "in";
	case XI_MF_DIR_OUT: return "out";
	case XI_MF_DIR_IN | XI_MF_DIR_OUT: return "inout";
	default: return NULL;
	}
}

const char *xi_mf_abi_list(struct xi_arena *a, xi_abi_mask abis)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_abi_mask done = 0;
	XI_FOR_EACH_ABI(x, abis) {
		if (done & XI_ABI_BIT(x))
			continue;
		enum xi_family f = xi_abis[x].family;
		xi_abi_mask fam = xi_family_abis(f);
		bool whole = (abis & fam) == fam && (fam & (fam - 1)) != 0;
		if (sb.len)
			xi_sb_addc(&sb, ',');
		xi_sb_adds(&sb, whole ? xi_families[f].name : xi_abis[x].name);
		done |= whole ? fam : XI_ABI_BIT(x);
	}
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* --- The model of a compilation ----------------------------------------- */

struct builder {
	struct xi_ctx *ctx;
	struct xi_mf_model *m;
	/* The model lives no longer than the compilation: it can point to
	 * the IR's text instead of copying it. */
	bool borrow;
	/* The last source seen and its path in the model's arena. */
	unsigned file;
	const char *file_path;
};

static const char *copy(struct builder *b, const char *s)
{
	return s && !b->borrow ? xi_strdup(&b->m->arena, s) : s;
}

static struct xi_mf_loc loc_of(struct builder *b, struct xi_loc loc)
{
	struct xi_mf_loc r = { NULL, loc.line, loc.col };
	if (loc.file != b->file) {
		struct xi_source *src = xi_diag_source(&b->ctx->diag, loc.file);
		b->file = loc.file;
		b->file_path = src ? xi_strdup(&b->m->arena, src->path) : NULL;
	}
	r.file = b->file_path;
	return r;
}

/* A parameterised constant's body in xidl, every operation parenthesised:
 * what the manifest records and abi-diff compares. */
static void put_fn_body(struct xi_strbuf *sb, const struct xi_expr *e)
{
	static const char *const ops[] = {
		[XI_OP_NEG] = "-", [XI_OP_NOT] = "~", [XI_OP_PLUS] = "+", [XI_OP_ADD] = "+",
		[XI_OP_SUB] = "-", [XI_OP_MUL] = "*", [XI_OP_DIV] = "/", [XI_OP_MOD] = "%",
		[XI_OP_SHL] = "<<", [XI_OP_SHR] = ">>", [XI_OP_AND] = "&", [XI_OP_OR] = "|",
		[XI_OP_XOR] = "^",
	};
	switch (e->kind) {
	case XI_EXPR_INT:
		xi_sb_printf(sb, e->hex ? "0x%" PRIx64 "%s" : "%" PRIu64 "%s", e->lit.mag,
			     xi_lit_suffix_text(e->suffix));
		return;
	case XI_EXPR_NAME:
	case XI_EXPR_PARAM:
		xi_sb_adds(sb, e->name);
		return;
	case XI_EXPR_UNARY:
		xi_sb_printf(sb, "(%s", ops[e->op]);
		put_fn_body(sb, e->a);
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_BINARY:
		xi_sb_addc(sb, '(');
		put_fn_body(sb, e->a);
		xi_sb_printf(sb, " %s ", ops[e->op]);
		put_fn_body(sb, e->b);
		xi_sb_addc(sb, ')');
		return;
	case XI_EXPR_CALL:
		xi_sb_printf(sb, "%s(", e->a->name);
		for (const struct xi_expr *x = e->b; x; x = x->b) {
			put_fn_body(sb, x->a);
			if (x->b)
				xi_sb_adds(sb, ", ");
		}
		xi_sb_addc(sb, ')');
		return;
	default:
		return;
	}
}

static const char *type_name(struct builder *b, const struct xi_type *t, int abi)
{
	return xi_type_idl_name(&b->m->arena, t, abi);
}

/* Whether xi_type_idl_name spells a type differently on different ABIs:
 * only the choice of an arch type does. */
static bool name_varies(const struct xi_type *t)
{
	return xi_type_innermost(t)->kind == XI_TYPE_ARCH;
}

/* How many members the model gives an aggregate: its own and those of
 * the inline aggregates they hold. */
static unsigned count_members(const struct xi_agg *agg)
{
	unsigned n = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_BITS) {
			for (const struct xi_member *f = m->bitfields; f; f = f->next)
				n++;
			continue;
		}
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		n += 1 + (t->kind == XI_TYPE_AGG ? count_members(t->u.agg) : 0);
	}
	return n;
}

/* The bitfields of a run, one row each: the storage bytes of the run, and
 * the bit and width of the bitfield in them. */
static void add_bitfields(struct builder *b, struct xi_mf_decl *d, const struct xi_member *run,
			  const char *prefix, const uint32_t *base, bool alias, unsigned dir)
{
	for (const struct xi_member *f = run->bitfields; f; f = f->next) {
		struct xi_mf_member *mm =
			xi_mf_add_member(b->m, d, xi_aprintf(&b->m->arena, "%s%s", prefix, f->name));
		mm->alias = alias;
		mm->c_name = copy(b, f->c_name);
		mm->doc = copy(b, f->doc);
		mm->loc = loc_of(b, f->loc);
		mm->dir = dir | ((f->flags & XI_MEMBER_IN) ? XI_MF_DIR_IN : 0) |
			  ((f->flags & XI_MEMBER_OUT) ? XI_MF_DIR_OUT : 0);
		mm->reserved = (f->flags & XI_MEMBER_RESERVED) != 0;
		mm->width = f->bit_width;
		mm->bit = f->offset;
		const char *type = type_name(b, f->type, -1);
		XI_FOR_EACH_ABI(a, d->abis) {
			mm->abis |= XI_ABI_BIT(a);
			mm->type[a] = type;
			mm->offset[a] = base[a] + xi_member_offset(run, a);
			mm->size[a] = xi_type_layout(run->type, a).size;
			mm->align[a] = xi_type_layout(f->type, a).align;
		}
	}
}

/* The members of an aggregate from `base` (offsets per ABI), their paths
 * after `prefix`. An anonymous member has no row: its members are listed
 * in its place under their own names, as C reaches them; those of an
 * anonymous union are `alias`es (they share storage), with the direction
 * of the anonymous member added to theirs, and the labels of `arm`, the
 * tagged-union arm that the anonymous member is (or NULL). */
static void add_agg_members(struct builder *b, struct xi_mf_decl *d, const struct xi_agg *agg,
			    const char *prefix, const uint32_t *base, bool alias, unsigned dir,
			    const struct xi_member *arm)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		unsigned mdir = dir | ((m->flags & XI_MEMBER_IN) ? XI_MF_DIR_IN : 0) |
				((m->flags & XI_MEMBER_OUT) ? XI_MF_DIR_OUT : 0);
		if (m->flags & XI_MEMBER_ANONYMOUS) {
			uint32_t at[XI_ABI_COUNT] = { 0 };
			XI_FOR_EACH_ABI(a, d->abis)
				at[a] = base[a] + xi_member_offset(m, a);
			const struct xi_agg *anon = m->type->u.agg;
			add_agg_members(b, d, anon, prefix, at, alias || anon->is_union, mdir,
					m->labels || m->is_default_arm ? m : arm);
			continue;
		}
		if (m->flags & XI_MEMBER_BITS) {
			add_bitfields(b, d, m, prefix, base, alias, mdir);
			continue;
		}
		const char *path = xi_aprintf(&b->m->arena, "%s%s", prefix, m->name);
		struct xi_mf_member *mm = xi_mf_add_member(b->m, d, path);
		mm->alias = alias;
		mm->c_name = copy(b, m->c_name);
		const struct xi_member_alias *ma = xi_member_alias(b->ctx, m);
		if (ma) {
			mm->c_alias = copy(b, ma->name);
			if (ma->cond) {
				struct xi_strbuf sb = XI_STRBUF_INIT;
				xi_cond_text(&sb, ma->cond);
				mm->c_alias_if = xi_strdup(&b->m->arena, xi_sb_str(&sb));
				xi_sb_free(&sb);
			}
		}
		mm->doc = copy(b, m->doc);
		mm->loc = loc_of(b, m->loc);
		mm->dir = mdir;
		mm->reserved = (m->flags & XI_MEMBER_RESERVED) != 0;
		const struct xi_len *rel = xi_type_len(m->type);
		if (rel && rel->member) {
			mm->len = copy(b, rel->member->name);
			if (rel->max_ok) {
				char buf[32];
				mm->max = xi_strdup(&b->m->arena, xi_int_format(rel->max_value, buf));
			}
		}
		const struct xi_member *sel = m->labels || m->is_default_arm ? m : arm;
		mm->is_arm = sel != NULL;
		mm->default_arm = sel && sel->is_default_arm;
		unsigned n = 0;
		for (const struct xi_arm_label *l = sel ? sel->labels : NULL; l; l = l->next)
			n++;
		if (n) {
			mm->labels = XI_NEW_ARRAY(&b->m->arena, struct xi_mf_label, n);
			for (const struct xi_arm_label *l = sel->labels; l; l = l->next, mm->nlabels++) {
				const char *name = l->variant ? l->variant
						 : l->expr->kind == XI_EXPR_NAME ? l->expr->name : NULL;
				mm->labels[mm->nlabels].name = copy(b, name);
				mm->labels[mm->nlabels].value = l->value;
			}
		}
		uint32_t offset[XI_ABI_COUNT] = { 0 };
		/* Only an arch type is written differently on different ABIs:
		 * any other type's name is made once and shared. */
		const char *same_name = name_varies(m->type) ? NULL : type_name(b, m->type, -1);
		XI_FOR_EACH_ABI(a, d->abis) {
			/* A legacy member may be absent on some ABIs (an arch
			 * type whose choice there is void). */
			if (xi_type_resolve(m->type, a)->kind == XI_TYPE_VOID)
				continue;
			mm->abis |= XI_ABI_BIT(a);
			struct xi_layout l = xi_type_layout(m->type, a);
			offset[a] = base[a] + xi_member_offset(m, a);
			mm->type[a] = same_name ? same_name : type_name(b, m->type, a);
			mm->offset[a] = offset[a];
			mm->size[a] = l.size;
			mm->align[a] = l.align;
		}
		/* mm may move as members are added: it is not used below. */
		const struct xi_type *t = m->type;
		const char *dims = "";
		while (t->kind == XI_TYPE_ARRAY) {
			dims = xi_aprintf(&b->m->arena, "%s[]", dims);
			t = t->u.array.elem;
		}
		if (t->kind == XI_TYPE_AGG)
			add_agg_members(b, d, t->u.agg, xi_aprintf(&b->m->arena, "%s%s.", path, dims),
					offset, false, 0, NULL);
	}
}

static void add_decl(struct builder *b, const struct xi_decl *d, struct xi_mf_module *mod)
{
	static const enum xi_mf_kind kinds[] = {
		[XI_DECL_CONST] = XI_MF_CONST, [XI_DECL_ALIAS] = XI_MF_ALIAS,
		[XI_DECL_ENUM] = XI_MF_ENUM, [XI_DECL_BITMAP] = XI_MF_BITMAP,
		[XI_DECL_STRUCT] = XI_MF_STRUCT, [XI_DECL_UNION] = XI_MF_UNION,
	};
	struct xi_arena *a = &b->m->arena;
	struct xi_mf_decl *md = xi_mf_add_decl(b->m, kinds[d->kind], d->name, mod);
	md->abis &= xi_decl_abis(b->ctx, d);
	md->c_name = copy(b, d->c_name);
	md->c_prefix = copy(b, d->c_prefix);
	md->c_type = d->kind == XI_DECL_CONST && d->c_type ? xi_ctype_name(d->c_type) : NULL;
	md->hvm_save = d->hvm_save_decl ? copy(b, d->hvm_save_decl->name) : NULL;
	md->c_enum = !d->c_enum ? NULL : d->c_enum_typedef ? copy(b, d->c_enum_typedef) : "";
	md->c_typedef = copy(b, xi_c_typedef_name(a, d));
	if (d->c_enum && d->c_typedef)
		md->c_typedef = copy(b, xi_c_enum_typedef_name(a, d));
	if (md->c_typedef && d->c_typedef_cond) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_cond_text(&sb, d->c_typedef_cond);
		md->c_typedef_if = xi_strdup(a, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	if (d->c_inline && d->c_inline_owner)
		md->c_inline = copy(b, d->c_inline_owner->name);
	if (d->c_name_cond) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_cond_text(&sb, d->c_name_cond);
		md->c_name_if = xi_aprintf(a, "%s=>%s", xi_sb_str(&sb), d->c_name_alt);
		xi_sb_free(&sb);
	}
	md->c_alias = copy(b, d->c_alias);
	md->c_old_name = copy(b, d->c_old_name);
	if (d->c_alias_cond) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_cond_text(&sb, d->c_alias_cond);
		md->c_alias_if = xi_strdup(a, xi_sb_str(&sb));
		xi_sb_free(&sb);
	}
	md->doc = copy(b, d->doc);
	md->loc = loc_of(b, d->loc);
	md->legacy = d->legacy;
	md->version = d->version ? copy(b, d->version->name) : NULL;
	if (d->cond) {
		struct xi_strbuf sb = XI_STRBUF_INIT;
		xi_cond_text(&sb, d->cond);
		md->cond = xi_strdup(a, xi_sb_str(&sb));
		xi_sb_free(&sb);
		if (d->c_only)
			xi_mf_set_c_only(b->m, md);
	}
	switch (d->kind) {
	case XI_DECL_CONST:
		if (xi_decl_is_string(d)) {
			md->type = "str";
			md->string = copy(b, d->str_value ? d->str_value : "");
			md->c_asm = d->c_asm;
			break;
		}
		md->type = type_name(b, d->type, -1);
		if (d->parameterised) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			for (const struct xi_param *q = d->params; q; q = q->next)
				xi_sb_printf(&sb, "%s%s: %s", q == d->params ? "" : ", ", q->name,
					     type_name(b, q->type, -1));
			md->params = xi_strdup(a, xi_sb_str(&sb));
			xi_sb_reset(&sb);
			put_fn_body(&sb, d->expr);
			md->body = xi_strdup(a, xi_sb_str(&sb));
			xi_sb_free(&sb);
		}
		md->value = d->value;
		XI_FOR_EACH_ABI(x, md->abis)
			md->abi_value[x] = d->abi_value ? d->abi_value[x] : d->value;
		break;
	case XI_DECL_ALIAS:
		md->laid_out = md->abis;
		XI_FOR_EACH_ABI(x, md->abis) {
			struct xi_layout l = xi_type_layout(d->type, x);
			md->target[x] = type_name(b, d->type, x);
			md->size[x] = l.size;
			md->align[x] = l.align;
		}
		break;
	case XI_DECL_ENUM:
	case XI_DECL_BITMAP:
		md->type = xi_prims[d->backing].name;
		/* (As for members below: the array at its final size.) */
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			md->cap_variants++;
		md->variants = XI_NEW_ARRAY(&b->m->arena, struct xi_mf_variant, md->cap_variants);
		for (const struct xi_variant *v = d->variants; v; v = v->next) {
			struct xi_mf_variant *mv = xi_mf_add_variant(b->m, md, v->name);
			mv->c_name = xi_strdup(a, xi_c_variant_name(a, d, v));
			enum xi_ctype t = v->c_type ? v->c_type : d->c_type;
			mv->c_type = t ? xi_ctype_name(t) : NULL;
			mv->doc = copy(b, v->doc);
			mv->loc = loc_of(b, v->loc);
			mv->value = v->v;
			mv->lo = v->lo;
			mv->hi = v->hi;
			if (v->cond) {
				struct xi_strbuf sb = XI_STRBUF_INIT;
				xi_cond_text(&sb, v->cond);
				mv->cond = xi_strdup(a, xi_sb_str(&sb));
				xi_sb_free(&sb);
			}
		}
		break;
	case XI_DECL_STRUCT:
	case XI_DECL_UNION: {
		md->laid_out = md->abis;
		uint32_t base[XI_ABI_COUNT] = { 0 };
		XI_FOR_EACH_ABI(x, md->abis) {
			md->size[x] = d->agg->lay[x].size;
			md->align[x] = d->agg->lay[x].align;
		}
		/* The members' array at its final size: growing it by doubling
		 * would leave the smaller copies in the arena. */
		md->cap_members = count_members(d->agg);
		md->members = XI_NEW_ARRAY(&b->m->arena, struct xi_mf_member, md->cap_members);
		add_agg_members(b, md, d->agg, "", base, false, 0, NULL);
		break;
	}
	}
}

static struct xi_mf_model *model_of(struct xi_ctx *ctx, bool inputs_only, bool borrow)
{
	struct builder b = { ctx, xi_mf_new(), borrow, 0, NULL };
	b.m->abis = ctx->opt.abis;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *mod = ctx->modules[i];
		if (inputs_only && !mod->is_input)
			continue;
		struct xi_mf_module *mm = xi_mf_add_module(b.m, mod->rel);
		mm->doc = copy(&b, mod->doc);
		mm->abis = xi_module_abis(ctx, mod);
		mm->input = mod->is_input;
		mm->tools_only = mod->tools_only;
		mm->part_of = mod->part_of ? copy(&b, mod->part_of->rel) : NULL;
		mm->loc.file = copy(&b, mod->path);
		for (const struct xi_decl *d = mod->decls; d; d = d->next)
			add_decl(&b, d, mm);
	}
	xi_mf_finish(b.m);
	return b.m;
}

struct xi_mf_model *xi_mf_from_ir(struct xi_ctx *ctx, bool inputs_only)
{
	return model_of(ctx, inputs_only, false);
}

struct xi_mf_model *xi_mf_of_backend(struct xi_ctx *ctx)
{
	return model_of(ctx, false, true);
}
