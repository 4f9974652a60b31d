/* The C layout checks backend (-l c-checks): one C file per header of -l c,
 * which includes it and <xenidl/layout-check.h> (the runtime's) and
 * asserts at compile time the size, alignment and member offsets of every
 * struct and union on the ABI it is compiled for. The headers themselves
 * define no name Xen's lack; the checks compile against Xen's own headers
 * as well. */
#include "emit_c_checks.h"

#include <string.h>

#include "ascii.h"
#include "limits.h"

#include "abigroup.h"
#include "cnames.h"
#include "cond.h"
#include "refs.h"
#include "resolve.h"

struct cgen {
	struct xi_ctx *ctx;
	struct xi_arena *arena;
	const struct xi_gen_options *opt;
	struct xi_module *module;
	struct xi_out *out;
	xi_abi_mask abis;      /* ABIs the module exists on */
	struct xi_strbuf path; /* the member path being checked */
};

/* Do two ABIs give an aggregate the same offsets everywhere inside it? */
static bool same_offsets(const struct xi_agg *agg, int a, int b)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (xi_member_present(m, a) != xi_member_present(m, b))
			return false;
		if (xi_member_offset(m, a) != xi_member_offset(m, b))
			return false;
		const struct xi_type *t = xi_type_array_base(m->type);
		if (t->kind == XI_TYPE_AGG && !same_offsets(t->u.agg, a, b))
			return false;
	}
	return true;
}

/* What the checks of an aggregate are made of. */
struct checked {
	const struct xi_agg *agg;
	bool with_align;
};

static bool same_checks(const void *data, int a, int b)
{
	const struct checked *c = data;
	const struct xi_agg *agg = c->agg;
	/* Laid out once for every ABI (nearly always): nothing to compare. */
	if (agg->invariant)
		return true;
	return agg->lay[a].size == agg->lay[b].size &&
	       (!c->with_align || agg->lay[a].align == agg->lay[b].align) && same_offsets(agg, a, b);
}

/* The offset checks of an aggregate's members (and of the members of the
 * inline aggregates it holds) on one ABI; g->path holds the path of the
 * enclosing member. */
static void emit_member_checks(struct cgen *g, const char *kw, const char *name,
			       const struct xi_agg *agg, uint32_t base, int abi)
{
	size_t saved = g->path.len;
	for (const struct xi_member *each = agg->members; each; each = each->next) {
		const struct xi_member *m = each;
		/* C has no offsetof for bitfields; the layout tests check them. */
		if (!xi_member_present(m, abi) || (m->flags & XI_MEMBER_BITS))
			continue;
		g->path.len = saved;
		uint32_t offset = base + xi_member_offset(m, abi);
		if (m->flags & XI_MEMBER_ANONYMOUS) {
			/* Only the fallback exists in every C mode; it lies where
			 * the whole aggregate does (the layout pass checked). */
			const struct xi_agg *anon = m->type->u.agg;
			m = xi_anonymous_fallback(anon, abi);
			offset += xi_member_offset(m, abi);
			if (m->flags & XI_MEMBER_ANONYMOUS)
				continue;
		}
		xi_sb_adds(&g->path, xi_member_c_name(m));
		xi_out_printf(g->out, "XENIDL_CHECK_OFFSET(%s, %s, %s, %u);\n", kw, name,
			      g->path.data, (unsigned)offset);
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY) {
			xi_sb_adds(&g->path, "[0]");
			t = t->u.array.elem;
		}
		if (t->kind == XI_TYPE_AGG) {
			xi_sb_addc(&g->path, '.');
			emit_member_checks(g, kw, name, t->u.agg, offset, abi);
		}
	}
	g->path.len = saved;
	if (g->path.data)
		g->path.data[saved] = '\0';
}

static void emit_checks_on(struct cgen *g, const struct xi_decl *d, int abi, bool with_align)
{
	const char *kw = d->kind == XI_DECL_UNION ? "union" : "struct";
	const char *name = xi_c_decl_name(d);
	xi_out_printf(g->out, "XENIDL_CHECK_SIZE(%s, %s, %u);\n", kw, name,
		      (unsigned)d->agg->lay[abi].size);
	if (with_align)
		xi_out_printf(g->out, "XENIDL_CHECK_ALIGN(%s, %s, %u);\n", kw, name,
			      (unsigned)d->agg->lay[abi].align);
	xi_sb_reset(&g->path);
	emit_member_checks(g, kw, name, d->agg, 0, abi);
}

/* The checks of one aggregate: unconditional when every ABI agrees, else
 * one group of ABIs per distinct layout under an #if chain. */
static void emit_checks_for(struct cgen *g, const struct xi_decl *d)
{
	const struct xi_agg *agg = d->agg;
	/* Packing makes every type 1-aligned: only sizes and offsets remain. */
	bool with_align = !(g->opt->packed && !d->legacy);
	struct xi_abi_group groups[XI_ABI_COUNT];
	const struct checked checked = { agg, with_align };
	unsigned n = xi_abi_group(groups, g->abis, same_checks, &checked);
	bool all = g->abis == XI_ABI_ALL;
	xi_out_printf(g->out, "\n/* %s %s */\n", d->kind == XI_DECL_UNION ? "union" : "struct",
		      xi_c_decl_name(d));
	/* C++ gives empty structs size 1: what holds one is checked in C only. */
	if (n == 1 && all && !(agg->empty_abis & g->abis)) {
		emit_checks_on(g, d, groups[0].first, with_align);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		const char *kw = i ? "elif" : "if";
		bool c_only = (agg->empty_abis & groups[i].abis) != 0;
		if (n == 1 && all)
			xi_out_printf(g->out, "#%s !defined(__cplusplus)\n", kw);
		else if (c_only)
			xi_out_printf(g->out, "#%s (%s) && !defined(__cplusplus)\n", kw,
				      xi_c_abi_condition(g->arena, groups[i].abis));
		else
			xi_out_printf(g->out, "#%s %s\n", kw, xi_c_abi_condition(g->arena, groups[i].abis));
		emit_checks_on(g, d, groups[i].first, with_align);
	}
	xi_out_puts(g->out, "#endif\n");
}

static bool has_alternative(struct cgen *g, const struct xi_decl *d)
{
	const struct xi_decl *o = xi_map_get(&g->ctx->symbols, d->name, strlen(d->name));
	for (; o; o = o->next_same_name)
		if (o != d && o->cond && o->module->family == d->module->family)
			return true;
	return false;
}

/* Does a type's layout depend on a name declared more than once under
 * conditions (@if alternatives)? Then it differs between configurations,
 * and the checks, which are of the reference configuration, are left out. */
static bool layout_has_alternatives(struct cgen *g, const struct xi_type *t, unsigned depth)
{
	if (depth > XI_MAX_NESTING)
		return true;
	switch (t->kind) {
	case XI_TYPE_ARRAY:
		return layout_has_alternatives(g, t->u.array.elem, depth + 1);
	case XI_TYPE_AGG:
		if (t->u.agg->c_members)
			return true;
		for (const struct xi_member *m = t->u.agg->members; m; m = m->next)
			if (layout_has_alternatives(g, m->type, depth + 1))
				return true;
		return false;
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			if (layout_has_alternatives(g, c->type, depth + 1))
				return true;
		return false;
	case XI_TYPE_REF:
		for (int a = 0; a < XI_ABI_COUNT; a++) {
			const struct xi_decl *d = xi_ref_decl(t, a);
			if (!d || (a && !t->u.ref.per_abi))
				continue;
			if (d->cond && has_alternative(g, d))
				return true;
			if (d->kind == XI_DECL_ALIAS && layout_has_alternatives(g, d->type, depth + 1))
				return true;
			if (xi_decl_is_aggregate(d)) {
				if (d->agg->c_members)
					return true;
				for (const struct xi_member *m = d->agg->members; m; m = m->next)
					if (layout_has_alternatives(g, m->type, depth + 1))
						return true;
			}
		}
		return false;
	default:
		return false;
	}
}

static bool decl_has_alternatives(struct cgen *g, const struct xi_decl *d)
{
	if (!xi_decl_is_aggregate(d))
		return false;
	if (d->agg->c_members)
		return true;
	for (const struct xi_member *m = d->agg->members; m; m = m->next)
		if (layout_has_alternatives(g, m->type, 0))
			return true;
	return false;
}

/* The checks of every aggregate (and @c_bitfields bitmap) of the module,
 * after the includes; false when it has none. */
static bool emit_checks(struct cgen *g)
{
	bool any = false;
	for (unsigned i = 0; i < g->module->ndecls; i++) {
		const struct xi_decl *d = g->module->sorted[i];
		/* Checks are of the reference configuration (cond.h); one that
		 * exists only in some configurations is checked there. */
		if (d->c_only || !(xi_decl_is_aggregate(d) || (d->c_bitfields && d->backing_ok)) ||
		    decl_has_alternatives(g, d))
			continue;
		any = true;
		/* C++ scopes the tag of a type declared in a member (@c_inline)
		 * in the enclosing struct: only C names it alone. */
		bool c_tag_only = d->c_inline && d->c_inline_owner;
		if (c_tag_only)
			xi_out_puts(g->out, "\n#ifndef __cplusplus");
		if (d->cond) {
			struct xi_strbuf sb = XI_STRBUF_INIT;
			xi_cond_c_text(&sb, d->cond);
			xi_out_printf(g->out, "\n#if %s", xi_sb_str(&sb));
			xi_sb_free(&sb);
		}
		/* Under defined(NAME), on the ABIs where it holds only. */
		xi_abi_mask module_abis = g->abis;
		g->abis = xi_decl_abis(g->ctx, d);
		if (xi_decl_is_aggregate(d))
			emit_checks_for(g, d);
		else
			/* The same on every ABI: the backing integer's layout. */
			xi_out_printf(g->out, "\n/* struct %s */\nXENIDL_CHECK_SIZE(struct, %s, %u);\n"
				      "XENIDL_CHECK_ALIGN(struct, %s, %u);\n", xi_c_decl_name(d),
				      xi_c_decl_name(d), xi_prims[d->backing].size, xi_c_decl_name(d),
				      xi_prims[d->backing].size);
		g->abis = module_abis;
		if (d->cond)
			xi_out_puts(g->out, "#endif\n");
		if (c_tag_only)
			xi_out_puts(g->out, "#endif /* !__cplusplus */\n");
	}
	return any;
}

static bool has_checks(struct cgen *g)
{
	for (unsigned i = 0; i < g->module->ndecls; i++) {
		const struct xi_decl *d = g->module->sorted[i];
		if (!d->c_only && (xi_decl_is_aggregate(d) || (d->c_bitfields && d->backing_ok)) &&
		    !decl_has_alternatives(g, d))
			return true;
	}
	return false;
}

/* The checks of the file's family groups (xi_module.part_of), each under
 * its family's #if, as the header declares them. */
static void emit_part_checks(struct cgen *g)
{
	struct xi_module *m = g->module;
	xi_abi_mask abis = g->abis;
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		struct xi_module *p = m->parts[f];
		if (!p || p->left_out)
			continue;
		g->module = p;
		g->abis = xi_module_abis(g->ctx, p);
		if (has_checks(g)) {
			xi_out_printf(g->out, "\n#if %s\n", xi_families[f].c_cond);
			emit_checks(g);
			xi_out_puts(g->out, "\n#endif\n");
		}
		g->module = m;
		g->abis = abis;
	}
}

/* Has the file, or one of its family groups, anything to check? */
static bool file_has_checks(struct cgen *g)
{
	if (has_checks(g))
		return true;
	struct xi_module *m = g->module;
	bool any = false;
	for (int f = 0; f < XI_FAM_COUNT && !any; f++) {
		if (!m->parts[f] || m->parts[f]->left_out)
			continue;
		g->module = m->parts[f];
		any = has_checks(g);
		g->module = m;
	}
	return any;
}

/* The module's path as an identifier: arch_x86_domctl. */
static const char *identifier(struct xi_arena *a, const char *rel)
{
	char *id = xi_strdup(a, rel);
	for (char *p = id; *p; p++)
		if (!(xi_is_alpha(*p) || xi_is_digit(*p)))
			*p = '_';
	return id;
}

static void emit_module(struct cgen *g)
{
	struct xi_module *m = g->module;
	bool every_abi = g->abis == XI_ABI_ALL;
	xi_out_printf(g->out, "/*\n"
		      " * Layout checks of %s.h.\n"
		      " *\n"
		      " * The compiler confirms the size, alignment and member offsets xenidl\n"
		      " * computed for the ABI it compiles for. Compile this file with the\n"
		      " * headers' directory and xenidl's runtime headers on the include path\n"
		      " * (and -D__XEN_TOOLS__ for the toolstack's parts); any header that\n"
		      " * declares the same types passes, Xen's own included.\n"
		      " *\n"
		      " * Generated by xenidl from %s. Do not edit.\n"
		      " */\n", m->rel, xi_module_source_name(g->arena, m));
	/* A header of some ABIs only (an architecture's part) is checked
	 * there; elsewhere the unit asserts nothing, but is not empty. */
	if (!every_abi)
		xi_out_printf(g->out, "#if %s\n", xi_c_abi_condition(g->arena, g->abis));
	/* An ABI's header (arch-x86/xen-x86_64.h) through the header that
	 * includes it, as Xen's is. */
	const char *parent = xi_module_abi_parent_rel(g->arena, m);
	const char *header = parent ? parent : m->rel;
	xi_out_printf(g->out, "#include \"%s.h\"\n", header);
	xi_ref_add(g->ctx, g->out, "includes", "c", xi_aprintf(g->arena, "%s.h", header),
		   parent && m->abi_importer ? m->abi_importer : m);
	xi_out_puts(g->out, "#include <xenidl/layout-check.h>\n");
	emit_checks(g);
	emit_part_checks(g);
	if (!every_abi)
		xi_out_printf(g->out, "\n#else\n#include <xenidl/layout-check.h>\n"
			      "XENIDL_STATIC_ASSERT(%s_not_on_this_abi, 1);\n#endif\n",
			      identifier(g->arena, m->rel));
}

void xi_emit_c_checks(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		struct cgen g;
		memset(&g, 0, sizeof(g));
		g.ctx = ctx;
		g.arena = &ctx->arena;
		g.opt = opt;
		g.module = ctx->inputs[i];
		/* A family group is checked in its file's unit. */
		if (g.module->part_of)
			continue;
		g.abis = xi_module_abis(ctx, g.module);
		/* A header with nothing to check (macros only) gets no file. */
		if (file_has_checks(&g)) {
			g.out = xi_out_open(out, xi_aprintf(&ctx->arena, "%s_checks.c", g.module->rel));
			if (g.out)
				emit_module(&g);
		}
		xi_sb_free(&g.path);
	}
}
