/* The Rust backend: a dependency-free no_std crate.
 *
 *   Cargo.toml         no dependencies; --crate-name names the package
 *   src/lib.rs         the shared definitions (guest handles, check errors)
 *                      and the module tree
 *   src/<path>.rs      one module per interface file, at its output path
 *                      (arch-x86/domainconfig.xidl is arch_x86::domainconfig)
 *
 * The arch-* directories are compiled on their family's targets only, and
 * re-exported as `arch`, the name by which other modules reach them. The
 * crate holds every file the inputs import, so that it builds on its own. */
#include "emit_rust.h"

#include "ascii.h"

#include <stdlib.h>
#include <string.h>

#include "resolve.h"
#include "templates/templates.h"

/* The package name when --crate-name is not given. */
#define RUST_DEFAULT_CRATE "xen-abi"
/* The oldest Rust with core::mem::offset_of!. */
#define RUST_MIN_VERSION "1.77"

/* --- The module tree ---------------------------------------------------- */

struct rnode {
	const char *name;          /* Rust identifier */
	const char *file;          /* path component on disk */
	struct xi_module *module;  /* the module whose file this node is, if any */
	int family;                /* the family of an arch-* directory */
	xi_abi_mask abis;          /* ABIs of the modules below */
	struct rnode *children;    /* sorted by name */
	struct rnode *next;
};

static const char *bare(const char *ident)
{
	return !strncmp(ident, "r#", 2) ? ident + 2 : ident;
}

static struct rnode *child(struct xi_arena *a, struct rnode *parent, const char *comp, size_t len)
{
	const char *name = xi_rust_module_component(a, comp, len);
	struct rnode **pp = &parent->children;
	for (; *pp; pp = &(*pp)->next) {
		int c = strcmp(bare((*pp)->name), bare(name));
		if (c == 0)
			return *pp;
		if (c > 0)
			break;
	}
	struct rnode *n = xi_alloc(a, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->name = name;
	n->file = bare(name);
	n->family = XI_FAM_NONE;
	for (int f = 0; f < XI_FAM_COUNT; f++)
		if (strlen(xi_families[f].dir) == len && !memcmp(xi_families[f].dir, comp, len))
			n->family = f;
	n->next = *pp;
	*pp = n;
	return n;
}

static void add_module(struct xi_ctx *ctx, struct rnode *root, struct xi_module *m)
{
	xi_abi_mask abis = xi_module_abis(ctx, m);
	struct rnode *n = root;
	const char *p = xi_rust_rel(&ctx->arena, m);
	root->abis |= abis;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		n = child(&ctx->arena, n, p, len);
		n->abis |= abis;
		if (!slash)
			break;
		p = slash + 1;
	}
	n->module = m;
}

static void emit_children(struct xi_out *o, struct xi_arena *a, const struct rnode *node,
			  unsigned indent)
{
	bool after_block = false;
	for (const struct rnode *c = node->children; c; c = c->next) {
		if (c->module) {
			if (after_block)
				xi_out_putc(o, '\n');
			/* An ABI's file (arch-x86/xen-x86_64.xidl) is a module of
			 * that ABI only. */
			if (c->abis != node->abis && c->family == XI_FAM_NONE &&
			    xi_module_home_abis(c->module) != XI_ABI_ALL)
				xi_out_puts(o, xi_rust_cfg_attr(a, indent, xi_rust_cfg_exact(a, c->abis)));
			xi_out_indent(o, indent);
			xi_out_printf(o, "pub mod %s;\n", c->name);
			after_block = false;
			continue;
		}
		if (c != node->children)
			xi_out_putc(o, '\n');
		if (c->family != XI_FAM_NONE) {
			xi_out_indent(o, indent);
			xi_out_printf(o, "/// The %s definitions, on %s targets only.\n",
				      xi_families[c->family].name, xi_families[c->family].name);
			xi_out_puts(o, xi_rust_cfg_attr(a, indent, xi_rust_cfg_exact(a, c->abis)));
		}
		xi_out_indent(o, indent);
		xi_out_printf(o, "pub mod %s {\n", c->name);
		emit_children(o, a, c, indent + RUST_INDENT);
		xi_out_indent(o, indent);
		xi_out_puts(o, "}\n");
		after_block = true;
	}
	bool first = true;
	for (const struct rnode *c = node->children; c; c = c->next) {
		if (c->family == XI_FAM_NONE || c->module)
			continue;
		xi_out_putc(o, '\n');
		if (first) {
			xi_out_indent(o, indent);
			xi_out_puts(o, "/// The definitions of the target's architecture family.\n");
			first = false;
		}
		xi_out_puts(o, xi_rust_cfg_attr(a, indent, xi_rust_cfg_exact(a, c->abis)));
		xi_out_indent(o, indent);
		xi_out_printf(o, "pub use self::%s as arch;\n", c->name);
	}
}

/* --- Files ----------------------------------------------------------------- */

static bool valid_crate_name(const char *s)
{
	if (!*s || !(xi_is_alpha(*s) || *s == '_'))
		return false;
	for (; *s; s++)
		if (!(xi_is_alnum(*s) || *s == '_' || *s == '-'))
			return false;
	return true;
}

static void emit_cargo_toml(struct xi_outset *out, const char *crate)
{
	struct xi_out *o = xi_out_open(out, "Cargo.toml");
	if (!o)
		return;
	const char *const vars[] = { "crate", crate, "rust_version", RUST_MIN_VERSION, NULL };
	xi_out_template(o, xi_template_cargo, vars);
}

/* compile_error! on targets the crate has no layout for. */
static void emit_target_guard(struct xi_out *o, struct xi_arena *a, xi_abi_mask abis)
{
	const char *pred = xi_rust_cfg_exact(a, abis);
	if (strncmp(pred, "any(", 4) != 0)
		pred = xi_aprintf(a, "any(%s)", pred);
	xi_out_puts(o, xi_rust_cfg_attr(a, 0, xi_aprintf(a, "not(%s)", pred)));
	xi_out_puts(o, "compile_error!(\"the Xen ABI of this crate does not cover this target\");\n");
}

/* Does the crate have HVM save records (@hvm_save)? Then it has their
 * trait. */
static bool has_hvm_save_records(const struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (const struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			if (d->hvm_save_decl)
				return true;
	return false;
}

static bool agg_has_bitfields(const struct xi_agg *agg)
{
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_BITS)
			return true;
		const struct xi_type *t = xi_type_array_base(m->type);
		if (t->kind == XI_TYPE_AGG && agg_has_bitfields(t->u.agg))
			return true;
	}
	return false;
}

/* Does the crate have bitfields? Then it has their bit helpers. */
static bool has_bitfields(const struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (const struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			if (xi_decl_is_aggregate(d) && d->agg && !d->c_only && agg_has_bitfields(d->agg))
				return true;
	return false;
}

static void emit_lib(struct xi_ctx *ctx, struct xi_outset *out, const struct rnode *root)
{
	struct xi_out *o = xi_out_open(out, "src/lib.rs");
	if (!o)
		return;
	xi_out_puts(o, xi_template_rust_lib);
	if (has_hvm_save_records(ctx)) {
		xi_out_putc(o, '\n');
		xi_out_puts(o, xi_template_rust_hvm_save);
	}
	if (has_bitfields(ctx)) {
		xi_out_putc(o, '\n');
		xi_out_puts(o, xi_template_rust_bits);
	}
	xi_out_putc(o, '\n');
	emit_target_guard(o, &ctx->arena, root->abis);
	xi_out_putc(o, '\n');
	emit_children(o, &ctx->arena, root, 0);
}

static const char *source_name(struct xi_arena *a, const struct xi_module *m)
{
	return xi_module_source_name(a, m);
}

static const char *module_file(struct xi_arena *a, const struct xi_module *m)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, "src/");
	const char *p = xi_rust_rel(a, m);
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		xi_sb_adds(&sb, bare(xi_rust_module_component(a, p, len)));
		if (!slash)
			break;
		xi_sb_addc(&sb, '/');
		p = slash + 1;
	}
	xi_sb_adds(&sb, ".rs");
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* One module's file: its header, submodules and declarations. */
static void emit_module(struct rgen *g, const struct rnode *node)
{
	struct xi_module *m = g->module;
	if (m->spdx)
		xi_out_printf(g->out, "// SPDX-License-Identifier: %s\n", m->spdx);
	if (m->doc) {
		xi_rust_doc(g->out, 0, m->doc, true);
		xi_out_puts(g->out, "//!\n");
	}
	xi_out_printf(g->out, "//! Generated by xenidl from %s. Do not edit.\n",
		      source_name(g->arena, m));
	if (node && node->children) {
		xi_out_putc(g->out, '\n');
		emit_children(g->out, g->arena, node, 0);
	}
	bool fmt = false, aggs = false;
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		if (d->c_only)
			continue;
		fmt |= d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP;
		aggs |= xi_decl_is_aggregate(d);
	}
	if (fmt || aggs)
		xi_out_putc(g->out, '\n');
	if (fmt)
		xi_out_puts(g->out, "use core::fmt;\n");
	if (aggs)
		xi_out_puts(g->out, "use core::mem::{align_of, offset_of, size_of};\n");
	xi_rust_emit_module(g);
}

static void emit_module_file(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			     struct xi_outset *out, struct xi_module *m, const struct rnode *node,
			     struct rust_names *names)
{
	/* The text made for one module goes once the module is written, and
	 * the next one reuses the memory. */
	struct xi_arena scratch;
	xi_arena_init(&scratch);
	struct rgen g = {
		.ctx = ctx, .arena = &scratch, .opt = opt, .module = m,
		.abis = xi_module_abis(ctx, m), .names = names,
	};
	g.out = xi_out_open(out, module_file(&scratch, m));
	if (g.out)
		emit_module(&g, node);
	xi_arena_free(&scratch);
}

/* Module files in the tree's order, which does not depend on the order of
 * the command line. */
static void emit_tree_files(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			    struct xi_outset *out, const struct rnode *node, struct rust_names *names)
{
	for (const struct rnode *c = node->children; c; c = c->next) {
		if (c->module)
			emit_module_file(ctx, opt, out, c->module, c, names);
		emit_tree_files(ctx, opt, out, c, names);
	}
}

/* --- Names that would clash in Rust -------------------------------------------- */

struct name_seen {
	const char *what;    /* the IDL name */
	struct xi_loc loc;
};

/* Take a Rust name; false (after an error) when it is taken already. */
static bool claim(struct xi_ctx *ctx, struct xi_map *map, const char *rust, const char *what,
		  struct xi_loc loc)
{
	struct name_seen *prev = xi_map_get(map, rust, strlen(rust));
	if (prev) {
		xi_error(&ctx->diag, loc, "'%s' and '%s' have the same Rust name '%s'", what,
			 prev->what, rust);
		xi_note(&ctx->diag, prev->loc, "'%s' is declared here", prev->what);
		return false;
	}
	struct name_seen *s = xi_alloc(&ctx->arena, sizeof(*s));
	s->what = what;
	s->loc = loc;
	xi_map_put(map, rust, strlen(rust), s);
	return true;
}

static void claim_agg(struct xi_ctx *ctx, struct xi_map *map, const struct xi_agg *agg,
		      const struct xi_decl *d)
{
	struct xi_arena *a = &ctx->arena;
	const char *name = xi_rust_agg_name(a, agg);
	const char *idl = xi_rust_agg_idl_name(a, agg);
	claim(ctx, map, name, idl, agg != d->agg ? agg->loc : d->loc);
	if (agg->tag)
		claim(ctx, map, xi_aprintf(a, "%sArm", name), idl, agg->loc);
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG)
			claim_agg(ctx, map, t->u.agg, d);
	}
}

/* The methods every bitmap has (emit_rust_decls.c). */
static bool bitmap_method(const char *name)
{
	static const char *const methods[] = {
		"bits", "check", "contains", "insert", "intersects", "is_empty", "remove",
		"unknown_bits", NULL,
	};
	for (const char *const *m = methods; *m; m++)
		if (!strcmp(*m, name))
			return true;
	return false;
}

static void check_variant_names(struct xi_ctx *ctx, const struct xi_decl *d)
{
	struct xi_arena *a = &ctx->arena;
	struct xi_map consts, kinds;
	xi_map_init(&consts);
	xi_map_init(&kinds);
	for (const struct xi_variant *v = d->variants; v; v = v->next) {
		const char *what = xi_aprintf(a, "%s.%s", d->name, v->name);
		bool field = d->kind == XI_DECL_BITMAP && v->value_hi;
		const char *upper = xi_rust_upper(a, v->name);
		if (!claim(ctx, &consts, field ? xi_aprintf(a, "%s_MASK", upper) : upper, what, v->loc))
			continue;
		if (d->kind == XI_DECL_ENUM)
			claim(ctx, &kinds, xi_rust_pascal(a, v->name), what, v->loc);
		if (d->kind == XI_DECL_BITMAP &&
		    (!strcmp(upper, xi_rust_bitmap_all(a, d)) || !strcmp(upper, xi_rust_bitmap_empty(a, d))))
			xi_error(&ctx->diag, v->loc,
				 "bit '%s' of '%s' would be the Rust constant %s, which a bitmap "
				 "has when a bit is named %s", v->name, d->name, upper,
				 upper[0] == 'A' ? "ALL" : "EMPTY");
		if (field && bitmap_method(xi_rust_lower(a, v->name)))
			xi_error(&ctx->diag, v->loc,
				 "field '%s' of '%s' would have the Rust accessor %s(), a method every "
				 "bitmap already has", v->name, d->name, xi_rust_lower(a, v->name));
	}
	xi_map_free(&consts);
	xi_map_free(&kinds);
}

static void check_names(struct xi_ctx *ctx, struct xi_module *m)
{
	struct xi_arena *a = &ctx->arena;
	struct xi_map types;
	xi_map_init(&types);
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		if (d->c_only)
			continue;
		switch (d->kind) {
		case XI_DECL_CONST:
			break;
		case XI_DECL_ALIAS:
			claim(ctx, &types, xi_rust_type_name(a, d), d->name, d->loc);
			break;
		case XI_DECL_ENUM:
			claim(ctx, &types, xi_rust_type_name(a, d), d->name, d->loc);
			claim(ctx, &types, xi_aprintf(a, "%sKind", xi_rust_type_name(a, d)), d->name, d->loc);
			check_variant_names(ctx, d);
			break;
		case XI_DECL_BITMAP:
			claim(ctx, &types, xi_rust_type_name(a, d), d->name, d->loc);
			check_variant_names(ctx, d);
			break;
		case XI_DECL_STRUCT:
		case XI_DECL_UNION:
			claim_agg(ctx, &types, d->agg, d);
			break;
		}
	}
	xi_map_free(&types);
}

/* --- The backend ------------------------------------------------------------------- */

void xi_emit_rust(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	const char *crate = opt->crate_name ? opt->crate_name : RUST_DEFAULT_CRATE;
	if (!valid_crate_name(crate)) {
		xi_error_at_file(&ctx->diag, NULL,
				 "invalid crate name '%s': use letters, digits, '-' and '_', "
				 "starting with a letter or '_'", crate);
		return;
	}
	unsigned before = ctx->diag.errors;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		if (xi_module_abis(ctx, ctx->modules[i]))
			check_names(ctx, ctx->modules[i]);
	if (ctx->diag.errors != before)
		return;

	struct rnode root;
	memset(&root, 0, sizeof(root));
	root.family = XI_FAM_NONE;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		if (xi_module_abis(ctx, ctx->modules[i]))
			add_module(ctx, &root, ctx->modules[i]);

	emit_cargo_toml(out, crate);
	emit_lib(ctx, out, &root);
	struct rust_names *names = xi_rust_names_new(ctx);
	emit_tree_files(ctx, opt, out, &root, names);
	xi_rust_names_free(names);
}
