/* Names: the symbol table of a compilation, and what a name means.
 *
 * Names are C names, so they share one namespace per architecture family:
 * a name may be declared once in the shared files and once per arch-*
 * family. A type name is resolved separately for each ABI, which is how a
 * shared struct embeds the arch-specific xen_arch_domainconfig. Constant
 * evaluation (consteval.c) and the resolver (resolve.c) both ask here. */
#include "names.h"

#include <string.h>

#include "cond.h"
#include "fixit.h"
#include "limits.h"
#include "spelling.h"
#include "suggest.h"

/* --- Symbols ------------------------------------------------------------- */

/* Name spaces are per ABI: modules whose ABIs are disjoint (two
 * families' files, or xen-x86_32.xidl and xen-x86_64.xidl) may declare
 * the same name. */
static bool modules_overlap(const struct xi_module *a, const struct xi_module *b)
{
	return (xi_module_home_abis(a) & xi_module_home_abis(b)) != 0;
}

void xi_register_decl(struct xi_ctx *ctx, struct xi_decl *d)
{
	size_t len = strlen(d->name);
	if (xi_ctx_prim_by_name(ctx, d->name) >= 0 || !strcmp(d->name, "void")) {
		xi_error(&ctx->diag, d->loc, "'%s' is a built-in type and cannot be redeclared",
			 d->name);
		return;
	}
	d->c_only = !xi_cond_reference(ctx, d->cond);
	struct xi_decl *first = xi_map_get(&ctx->symbols, d->name, len);
	struct xi_decl *last = NULL;
	for (struct xi_decl *o = first; o; o = o->next_same_name) {
		/* Alternatives: declarations under conditions that never hold
		 * together (@if(xen) / @if(!xen)). */
		if (modules_overlap(o->module, d->module) && xi_cond_overlap(o->cond, d->cond)) {
			xi_error(&ctx->diag, d->loc, "redefinition of '%s'", d->name);
			xi_note(&ctx->diag, o->loc, "previous definition of '%s' is here", d->name);
			if (o->cond || d->cond) {
				struct xi_strbuf a = { 0 }, b = { 0 };
				if (o->cond)
					xi_cond_text(&a, o->cond);
				if (d->cond)
					xi_cond_text(&b, d->cond);
				xi_note(&ctx->diag, d->loc, "their conditions can both hold: %s and %s",
					o->cond ? xi_sb_str(&a) : "none", d->cond ? xi_sb_str(&b) : "none");
				xi_sb_free(&a);
				xi_sb_free(&b);
			}
			return;
		}
		last = o;
	}
	if (last)
		last->next_same_name = d;
	else
		xi_map_put(&ctx->symbols, d->name, len, d);
}

/* The declaration `name` means in module m on ABI abi, or NULL. */
static struct xi_decl *lookup(struct xi_ctx *ctx, const struct xi_module *m, const char *name, int abi)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	struct xi_decl *found = NULL;
	for (; d; d = d->next_same_name) {
		if (!xi_module_sees(m, d->module))
			continue;
		if (!(xi_module_home_abis(d->module) & XI_ABI_BIT(abi)))
			continue;
		/* Of alternatives, the one of the reference configuration. */
		if (!d->c_only)
			return d;
		if (!found)
			found = d;
	}
	return found;
}

/* The declaration a name means on every ABI, when that does not depend on
 * the ABI: the first one the module sees belongs to no architecture family,
 * so lookup() finds it whatever the ABI. NULL otherwise. */
static struct xi_decl *lookup_everywhere(struct xi_ctx *ctx, const struct xi_module *m,
					 const char *name)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	struct xi_decl *found = NULL;
	for (; d; d = d->next_same_name) {
		if (!xi_module_sees(m, d->module))
			continue;
		if (xi_module_home_abis(d->module) != XI_ABI_ALL)
			return found;
		/* Of alternatives, the one of the reference configuration. */
		if (!d->c_only)
			return d;
		if (!found)
			found = d;
	}
	return found;
}

/* A declaration under a condition may only be used where it exists: the
 * user's condition must imply that one of the declarations of the name
 * exists. */
static void check_condition(struct xi_resolver *r, const char *name, struct xi_loc loc)
{
	if (!r->decl)
		return;
	const struct xi_cond *any = NULL;
	struct xi_decl *target = NULL;
	for (struct xi_decl *d = xi_map_get(&r->ctx->symbols, name, strlen(name)); d;
	     d = d->next_same_name) {
		if (!xi_module_sees(r->module, d->module))
			continue;
		if (!d->cond)
			return;
		if (!target)
			target = d;
		if (any) {
			struct xi_cond *or = XI_NEW(&r->ctx->arena, struct xi_cond);
			or->kind = XI_COND_OR;
			or->a = any;
			or->b = d->cond;
			any = or;
		} else {
			any = d->cond;
		}
	}
	/* A file for the toolstack only (@!if(tools)) holds its declarations
	 * under `tools`. */
	static const struct xi_cond tools = { .kind = XI_COND_TOOLS };
	const struct xi_cond *from = r->decl->cond;
	if (r->decl->module->tools_only)
		from = xi_cond_and(r->ctx, &tools, from);
	from = xi_cond_and(r->ctx, r->member_cond, from);
	if (!target || xi_cond_implies(from, any))
		return;
	struct xi_strbuf sb = { 0 };
	xi_cond_text(&sb, any);
	xi_error(r->diag, loc, "'%s' exists only when %s; '%s' uses it %s", name, xi_sb_str(&sb),
		 r->decl->name, r->decl->cond ? "under a wider condition" : "unconditionally");
	xi_note(r->diag, target->loc, "'%s' is declared here", name);
	xi_sb_free(&sb);
}

/* Whether module m sees a declaration named `name` (of any kind but a
 * constant's, or a constant's). */
static bool sees_name(struct xi_ctx *ctx, const struct xi_module *m, const char *name, bool constant)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	for (; d; d = d->next_same_name)
		if (xi_module_sees(m, d->module) && (d->kind == XI_DECL_CONST) == constant)
			return true;
	return false;
}

/* What to suggest for an unknown name: for a type, the xidl spelling of a
 * C type name; else the name in scope (a primitive, for a type) fewest
 * edits away, within xi_suggest_limit. NULL if none. */
static const char *suggestion(struct xi_ctx *ctx, const struct xi_module *m, const char *name,
			      bool constant)
{
	if (!constant) {
		const char *c = xi_suggest_c_type(name);
		if (c && (xi_prim_by_name(c) >= 0 || sees_name(ctx, m, c, false)))
			return c;
	}
	struct xi_suggestion s;
	xi_suggestion_init(&s, name);
	for (int i = 0; !constant && i < XI_PRIM_COUNT; i++)
		xi_suggestion_offer(&s, xi_prims[i].name);
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		const struct xi_module *o = ctx->modules[i];
		if (!xi_module_sees(m, o))
			continue;
		for (const struct xi_decl *d = o->decls; d; d = d->next)
			if ((d->kind == XI_DECL_CONST) == constant)
				xi_suggestion_offer(&s, d->name);
	}
	return s.best;
}

/* Explain why a name is not found: missing (with what it may have meant),
 * or declared somewhere that is not imported. */
static void report_unknown(struct xi_ctx *ctx, const struct xi_module *m, const char *what,
			   const char *name, struct xi_loc loc)
{
	struct xi_decl *d = xi_map_get(&ctx->symbols, name, strlen(name));
	for (; d; d = d->next_same_name) {
		if (!xi_module_sees(m, d->module)) {
			xi_error(&ctx->diag, loc, "%s '%s' is declared in '%s', which is not imported here",
				 what, name, d->module->path);
			xi_note(&ctx->diag, d->loc, "'%s' is declared here", name);
			return;
		}
	}
	bool constant = !strcmp(what, "constant");
	const char *c = constant ? NULL : xi_suggest_c_type(name);
	const char *maybe = suggestion(ctx, m, name, constant);
	if (c && !maybe)
		/* "unsigned long" and its kind, with nothing to name instead. */
		xi_error(&ctx->diag, loc, "unknown type '%s'; its size depends on the ABI: use an "
			 "arch type, as '%s' of Xen's xen.xidl", name, c);
	else if (maybe) {
		struct xi_fixit fix;
		bool fixed = xi_fixit_rename(ctx, loc, name, maybe, &fix);
		xi_error_fix(&ctx->diag, loc, &fix, fixed, "unknown %s '%s'; did you mean '%s'?", what,
			     name, maybe);
	}
	else
		xi_error(&ctx->diag, loc, "unknown %s '%s'", what, name);
}

/* --- @!c_handle(NAME) ---------------------------------------------------- */

void xi_resolve_c_handles(struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_module *m = ctx->modules[i];
		for (struct xi_c_handle_of *h = m->c_handles; h; h = h->next) {
			struct xi_decl *d = lookup_everywhere(ctx, m, h->name);
			if (!d) {
				report_unknown(ctx, m, "type", h->name, h->loc);
			} else if (d->kind != XI_DECL_STRUCT && d->kind != XI_DECL_UNION &&
				   d->kind != XI_DECL_ALIAS) {
				xi_error(&ctx->diag, h->loc, "'@!c_handle' takes a struct, union or "
					 "alias; '%s' is %s", h->name, xi_decl_kind_phrase(d->kind));
			} else if (d->module == m) {
				xi_error(&ctx->diag, h->loc, "'%s' is declared in this file: mark it "
					 "@c_handle instead", h->name);
				xi_note(&ctx->diag, d->loc, "'%s' is declared here", h->name);
			} else if (d->c_handle) {
				xi_error(&ctx->diag, h->loc, "'%s' is marked @c_handle: its own header "
					 "defines its guest handles", h->name);
				xi_note(&ctx->diag, d->loc, "'%s' is declared here", h->name);
			} else {
				h->decl = d;
			}
		}
	}
}

/* --- defined(NAME) ------------------------------------------------------- */

/* Where the constant of each defined(NAME) atom of c is declared, as seen
 * from module m; an unknown name is reported. */
static void resolve_defined_atoms(struct xi_ctx *ctx, const struct xi_module *m,
				  const struct xi_cond *c)
{
	if (!c)
		return;
	if (c->kind != XI_COND_DEFINED) {
		resolve_defined_atoms(ctx, m, c->a);
		resolve_defined_atoms(ctx, m, c->b);
		return;
	}
	/* The atom belongs to its condition only: filling it in once is
	 * filling in the tree the reader made. */
	struct xi_cond *atom = (struct xi_cond *)c;
	if (atom->defined_resolved)
		return;
	xi_abi_mask on = 0;
	bool found = false;
	for (struct xi_decl *d = xi_map_get(&ctx->symbols, c->name, strlen(c->name)); d;
	     d = d->next_same_name) {
		if (d->kind != XI_DECL_CONST || !xi_module_sees(m, d->module))
			continue;
		found = true;
		if (!d->c_only)
			on |= xi_module_home_abis(d->module);
	}
	/* With ABIs left out (--abi), the files of their families are not
	 * read: a name they declare is unknown here, and false. */
	if (!found && ctx->opt.abis == XI_ABI_ALL) {
		report_unknown(ctx, m, "constant", c->name, c->loc);
		return;
	}
	atom->defined_abis = on;
	atom->defined_resolved = true;
}

/* Take a declaration out of its module and the symbol table: under the
 * selected ABIs (--abi) it exists nowhere, as a file of a family left out
 * is not read. */
static void drop_decl(struct xi_ctx *ctx, struct xi_module *m, struct xi_decl *d)
{
	for (struct xi_decl **p = &m->decls; *p; p = &(*p)->next)
		if (*p == d) {
			*p = d->next;
			m->ndecls--;
			break;
		}
	size_t len = strlen(d->name);
	struct xi_decl *first = xi_map_get(&ctx->symbols, d->name, len);
	if (first == d) {
		xi_map_put(&ctx->symbols, d->name, len, d->next_same_name);
		return;
	}
	for (struct xi_decl *o = first; o; o = o->next_same_name)
		if (o->next_same_name == d) {
			o->next_same_name = d->next_same_name;
			return;
		}
}

void xi_resolve_defined(struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		struct xi_decl *next;
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = next) {
			next = d->next;
			for (const struct xi_variant *v = d->variants; v; v = v->next)
				if (xi_cond_has_defined(v->cond))
					xi_error(&ctx->diag, v->cond->loc,
						 "defined(NAME) is allowed in the conditions of "
						 "declarations only, not of '%s'", v->name);
			if (!xi_cond_has_defined(d->cond))
				continue;
			resolve_defined_atoms(ctx, d->module, d->cond);
			d->not_on = XI_ABI_ALL & ~xi_cond_reference_abis(ctx, d->cond);
			d->c_only = !xi_cond_reference(ctx, d->cond);
			if (!xi_decl_abis(ctx, d) && xi_module_abis(ctx, d->module))
				drop_decl(ctx, ctx->modules[i], d);
		}
	}
}

struct xi_decl *xi_lookup_const(struct xi_ctx *ctx, const struct xi_module *m,
				const char *name, struct xi_loc loc)
{
	return xi_lookup_const_on(ctx, m, name, loc, xi_module_abis(ctx, m), NULL);
}

struct xi_decl *xi_lookup_const_on(struct xi_ctx *ctx, const struct xi_module *m,
				   const char *name, struct xi_loc loc, xi_abi_mask abis,
				   xi_same_const_fn *same)
{
	struct xi_decl *found = NULL;
	XI_FOR_EACH_ABI(a, abis) {
		struct xi_decl *d = lookup(ctx, m, name, a);
		if (!d)
			continue;
		if (found && found != d && !(same && same(ctx, found, d))) {
			xi_error(&ctx->diag, loc,
				 "constant '%s' differs between architectures and cannot be used here",
				 name);
			return NULL;
		}
		found = d;
	}
	if (!found) {
		report_unknown(ctx, m, "constant", name, loc);
		return NULL;
	}
	if (found->kind != XI_DECL_CONST) {
		xi_error(&ctx->diag, loc, "'%s' is %s %s, not a constant", name,
			 found->kind == XI_DECL_ALIAS || found->kind == XI_DECL_ENUM ? "an" : "a",
			 xi_decl_kind_name(found->kind));
		xi_note(&ctx->diag, found->loc, "'%s' is declared here", name);
		return NULL;
	}
	return found;
}

/* --- Type names ---------------------------------------------------------- */

void xi_legacy_only(struct xi_resolver *r, struct xi_loc loc, const char *what)
{
	if (!r->legacy)
		xi_error(r->diag, loc, "'%s' is only allowed in %s", what,
			 xi_spell_legacy_decls(r->ctx, loc));
}

/* A name that no declaration has but that is the C typedef of a struct or
 * union (`grant_entry_header_t` for `grant_entry_header`, as C writes
 * `typedef struct grant_entry_header grant_entry_header_t;`, or the name
 * its @c_typedef("name") gives): that declaration's name, else NULL.
 * Typedef names end in _t, as C's do: no other name is looked up so. */
static const char *c_typedef_target(struct xi_resolver *r, const char *name, xi_abi_mask abis)
{
	size_t len = strlen(name);
	if (len < 3 || strcmp(name + len - 2, "_t"))
		return NULL;
	XI_FOR_EACH_ABI(a, abis)
		if (lookup(r->ctx, r->module, name, a))
			return NULL;
	for (unsigned i = 0; i < r->ctx->nmodules; i++) {
		const struct xi_module *m = r->ctx->modules[i];
		if (!xi_module_sees(r->module, m))
			continue;
		for (const struct xi_decl *d = m->decls; d; d = d->next)
			if (d->c_typedef_name && !strcmp(d->c_typedef_name, name))
				return d->name;
	}
	const char *base = xi_intern(r->ctx, name, len - 2);
	XI_FOR_EACH_ABI(a, abis) {
		struct xi_decl *d = lookup(r->ctx, r->module, base, a);
		if (!d || d->c_typedef_name || (d->kind != XI_DECL_STRUCT && d->kind != XI_DECL_UNION))
			continue;
		/* Its C name: @c_name, or its own. */
		const char *c = d->c_name ? d->c_name : d->name;
		if (strlen(c) == len - 2 && !strncmp(c, name, len - 2))
			return base;
	}
	return NULL;
}

void xi_resolve_ref(struct xi_resolver *r, struct xi_type *t, enum xi_type_use where)
{
	if (t->u.ref.resolved)
		return;
	t->u.ref.resolved = true;
	const char *name = t->u.ref.name;
	int prim = xi_ctx_prim_by_name(r->ctx, name);
	if (prim >= 0) {
		t->kind = XI_TYPE_PRIM;
		t->prim = (enum xi_prim)prim;
		if (xi_prims[prim].legacy_only)
			xi_legacy_only(r, t->loc, name);
		return;
	}
	if (!strcmp(name, "void")) {
		t->kind = XI_TYPE_VOID;
		if (where != XI_USE_HANDLE_TARGET && where != XI_USE_MEMBER_ARCH_CHOICE)
			xi_error(r->diag, t->loc,
				 "'void' is only allowed as the target of a handle or as a choice "
				 "of a member's arch type");
		return;
	}
	xi_abi_mask abis = xi_module_abis(r->ctx, r->module);
	if (r->restricted)
		abis &= r->only;
	const char *typedef_of = c_typedef_target(r, name, abis);
	if (typedef_of) {
		t->u.ref.via_c_typedef = true;
		name = typedef_of;
	}
	struct xi_decl *found[XI_ABI_COUNT] = { NULL };
	struct xi_decl *first = NULL;
	int first_abi = -1;
	xi_abi_mask missing = 0;
	bool per_family = false;
	/* Most names mean one declaration everywhere: one lookup, not one
	 * per ABI. */
	struct xi_decl *everywhere = lookup_everywhere(r->ctx, r->module, name);
	XI_FOR_EACH_ABI(a, abis) {
		struct xi_decl *d = everywhere ? everywhere : lookup(r->ctx, r->module, name, a);
		found[a] = d;
		if (!d) {
			missing |= XI_ABI_BIT(a);
			continue;
		}
		if (!first) {
			first = d;
			first_abi = a;
		} else if (d != first) {
			per_family = true;
		}
	}
	if (!first) {
		if (abis)
			report_unknown(r->ctx, r->module, "type", name, t->loc);
		return;
	}
	if (missing) {
		XI_FOR_EACH_ABI(a, missing) {
			xi_error(r->diag, t->loc, "type '%s' is not declared for %s (family %s)", name,
				 xi_abis[a].name, xi_families[xi_abis[a].family].name);
			break;
		}
		return;
	}
	if (first->kind == XI_DECL_CONST) {
		xi_error(r->diag, t->loc, "'%s' is a constant, not a type", name);
		xi_note(r->diag, first->loc, "'%s' is declared here", name);
		return;
	}
	/* All ABIs must agree on what kind of thing the name is. */
	XI_FOR_EACH_ABI(a, abis) {
		if (found[a]->kind != first->kind) {
			xi_error(r->diag, t->loc, "'%s' is %s on %s but %s on %s", name,
				 xi_decl_kind_phrase(first->kind), xi_abis[first_abi].name,
				 xi_decl_kind_phrase(found[a]->kind), xi_abis[a].name);
			return;
		}
	}
	/* And be the kind the spec said. */
	if (t->u.ref.want && (int)first->kind != t->u.ref.want_kind) {
		xi_error(r->diag, t->loc, "'%s' is %s, not %s", name, xi_decl_kind_phrase(first->kind),
			 xi_decl_kind_phrase((enum xi_decl_kind)t->u.ref.want_kind));
		xi_note(r->diag, first->loc, "'%s' is declared here", name);
		return;
	}
	check_condition(r, name, t->loc);
	t->u.ref.decl = first;
	if (per_family) {
		t->u.ref.per_family = true;
		t->u.ref.per_abi = XI_NEW_ARRAY(&r->ctx->arena, struct xi_decl *, XI_ABI_COUNT);
		memcpy(t->u.ref.per_abi, found, sizeof(found));
	}
}

/* The integer primitive a type stands for, through aliases. The alias
 * chain is followed with a bound, so a cycle (reported by order.c) cannot
 * hang it. */
int xi_integer_prim_of(struct xi_ctx *ctx, const struct xi_module *m, struct xi_type *t,
		       const char *what, struct xi_loc fallback)
{
	struct xi_loc at = t->loc.file ? t->loc : fallback;
	struct xi_resolver r = { ctx, &ctx->diag, (struct xi_module *)m, NULL, false, false, 0, NULL };
	if (t->kind == XI_TYPE_REF)
		xi_resolve_ref(&r, t, XI_USE_BACKING);
	const struct xi_type *cur = t;
	for (unsigned hops = 0; hops <= XI_MAX_ALIAS_CHAIN; hops++) {
		if (cur->kind == XI_TYPE_PRIM) {
			if (!xi_prims[cur->prim].integer) {
				xi_error(&ctx->diag, at, "the type of %s must be an integer, not '%s'",
					 what, xi_prims[cur->prim].name);
				return -1;
			}
			return (int)cur->prim;
		}
		if (cur->kind != XI_TYPE_REF)
			break;
		int a = xi_ref_any_abi(cur);
		if (a < 0)
			return -1; /* already reported */
		struct xi_decl *d = xi_ref_decl(cur, a);
		if (d->kind != XI_DECL_ALIAS || cur->u.ref.per_family || d->legacy)
			break;
		/* The alias may not have been resolved yet. */
		if (d->type->kind == XI_TYPE_REF) {
			struct xi_resolver ra = { ctx, &ctx->diag, d->module, d, d->legacy, false, 0, NULL };
			xi_resolve_ref(&ra, d->type, XI_USE_ALIAS);
		}
		cur = d->type;
	}
	xi_error(&ctx->diag, at, "the type of %s must be an integer type", what);
	return -1;
}
