/* @c_inline: Xen declares some named structs and unions in the
 * declaration of the member that uses them (`struct gnttab_copy_ptr {
 * ... } source;`). The tag is then still a file-scope name in C, but in
 * C++ it belongs to the enclosing struct, and Xen's own scripts read the
 * type where the member is: so C can write such a type only where one
 * declaration holds it by value, in the same file. This pass finds that
 * member and refuses every other use. Its condition needs no check: the
 * resolver makes every user's condition imply it, and C writes it under
 * its user's. */
#include "cinline.h"

/* The @c_inline declaration a type names, or NULL. */
static struct xi_decl *inline_decl(const struct xi_type *t)
{
	if (t->kind != XI_TYPE_REF)
		return NULL;
	struct xi_decl *d = xi_ref_some_decl(t);
	return d && d->c_inline ? d : NULL;
}

/* A use of a @c_inline type C cannot write: through a handle, a
 * pointer or an alias. */
static void refuse_indirect(struct xi_ctx *ctx, const struct xi_type *t, const char *how)
{
	const struct xi_decl *d = inline_decl(t);
	if (!d)
		return;
	xi_error(&ctx->diag, t->loc, "'%s' is @c_inline: C declares it inside '%s', so %s cannot "
		 "name it", d->name, d->c_inline_owner ? d->c_inline_owner->name : "a member", how);
	xi_note(&ctx->diag, d->loc, "'%s' is declared here", d->name);
}

static void check_members(struct xi_ctx *ctx, const struct xi_decl *owner, const struct xi_agg *agg);

static void check_type(struct xi_ctx *ctx, const struct xi_decl *owner, const struct xi_member *m,
		       const struct xi_type *t)
{
	switch (t->kind) {
	case XI_TYPE_ARRAY:
		check_type(ctx, owner, m, t->u.array.elem);
		return;
	case XI_TYPE_AGG:
		check_members(ctx, owner, t->u.agg);
		return;
	case XI_TYPE_ARCH:
		for (const struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			check_type(ctx, owner, m, c->type);
		return;
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
		refuse_indirect(ctx, t->u.target, "a handle");
		return;
	case XI_TYPE_PTR:
		refuse_indirect(ctx, t->u.target, "a pointer");
		return;
	case XI_TYPE_REF:
		break;
	default:
		return;
	}
	struct xi_decl *d = inline_decl(t);
	if (!d)
		return;
	if (d->module != owner->module) {
		xi_error(&ctx->diag, t->loc, "'%s' is @c_inline, so C declares it inside the member "
			 "that uses it; '%s' is declared in another file", d->name, d->name);
		xi_note(&ctx->diag, d->loc, "'%s' is declared here", d->name);
		return;
	}
	if (!d->c_inline_owner) {
		d->c_inline_owner = owner;
		d->c_inline_member = m;
	} else if (d->c_inline_owner != owner) {
		xi_error(&ctx->diag, t->loc, "'%s' is @c_inline, so C declares it inside '%s'; "
			 "'%s' cannot use it too", d->name, d->c_inline_owner->name, owner->name);
		xi_note(&ctx->diag, d->c_inline_member->loc, "C declares it here");
	}
}

static void check_members(struct xi_ctx *ctx, const struct xi_decl *owner, const struct xi_agg *agg)
{
	/* C writes every member, its conditional ones too */
	if (agg->c_members) {
		for (const struct xi_cmember *c = agg->c_members; c; c = c->next)
			check_type(ctx, owner, c->member, c->member->type);
		return;
	}
	for (const struct xi_member *m = agg->members; m; m = m->next)
		check_type(ctx, owner, m, m->type);
}

void xi_check_c_inline(struct xi_ctx *ctx)
{
	bool any = false;
	for (unsigned i = 0; i < ctx->nmodules && !any; i++)
		for (const struct xi_decl *d = ctx->modules[i]->decls; d && !any; d = d->next)
			any = d->c_inline;
	if (!any)
		return;
	bool earlier_errors = ctx->diag.errors > 0;
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next) {
			if (d->failed)
				continue;
			if (xi_decl_is_aggregate(d))
				check_members(ctx, d, d->agg);
		}
	}
	for (unsigned i = 0; i < ctx->nmodules; i++)
		for (const struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next)
			if (d->kind == XI_DECL_ALIAS && !d->failed)
				refuse_indirect(ctx, xi_type_array_base(d->type), "an alias");
	for (unsigned i = 0; i < ctx->nmodules; i++) {
		for (struct xi_decl *d = ctx->modules[i]->decls; d; d = d->next) {
			if (!d->c_inline || d->failed)
				continue;
			if (d->c_typedef || d->c_handle || d->c_typedef_cond) {
				xi_error(&ctx->diag, d->loc, "'%s' is @c_inline: C declares it inside a "
					 "member, where it can have no typedef or guest handle", d->name);
			} else if (!d->c_inline_owner && !earlier_errors) {
				/* (after an error, its user may be the one that failed) */
				xi_error(&ctx->diag, d->loc, "'%s' is @c_inline, but no member of a struct "
					 "or union of its file has it as its type", d->name);
			}
		}
	}
}
