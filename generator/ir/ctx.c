#include "ctx.h"

#include <stdio.h>
#include <string.h>

const char *xi_intern(struct xi_ctx *ctx, const char *s, size_t len)
{
	const char *p = xi_map_get(&ctx->interned, s, len);
	if (p)
		return p;
	char *copy = xi_strndup(&ctx->arena, s, len);
	xi_map_put(&ctx->interned, copy, len, copy);
	return copy;
}

const char *xi_intern_words(struct xi_ctx *ctx, const char *a, const char *b)
{
	const char *s = xi_aprintf(&ctx->arena, "%s %s", a, b);
	return xi_intern(ctx, s, strlen(s));
}

static void intern_prim_names(struct xi_ctx *ctx)
{
	if (!ctx->prim_names[0])
		for (int p = 0; p < XI_PRIM_COUNT; p++)
			ctx->prim_names[p] = xi_intern(ctx, xi_prims[p].name, strlen(xi_prims[p].name));
}

int xi_ctx_prim_by_interned(struct xi_ctx *ctx, const char *name)
{
	intern_prim_names(ctx);
	for (int p = 0; p < XI_PRIM_COUNT; p++)
		if (ctx->prim_names[p] == name)
			return p;
	return -1;
}

int xi_ctx_prim_by_name(struct xi_ctx *ctx, const char *name)
{
	/* Most names asked about are declarations': one whose first byte
	 * starts no primitive's name is told apart without hashing it. */
	bool may_be_prim = false;
	for (int p = 0; p < XI_PRIM_COUNT && !may_be_prim; p++)
		may_be_prim = xi_prims[p].name[0] == name[0];
	if (!may_be_prim)
		return -1;
	intern_prim_names(ctx);
	const char *interned = xi_map_get(&ctx->interned, name, strlen(name));
	return interned ? xi_ctx_prim_by_interned(ctx, interned) : -1;
}

xi_abi_mask xi_module_home_abis(const struct xi_module *m)
{
	xi_abi_mask home = m->family == XI_FAM_NONE ? XI_ABI_ALL
						    : xi_family_abis((enum xi_family)m->family);
	return m->abi_only ? home & m->abi_only : home;
}

xi_abi_mask xi_module_abis(const struct xi_ctx *ctx, const struct xi_module *m)
{
	return ctx->opt.abis & xi_module_home_abis(m);
}

xi_abi_mask xi_decl_abis(const struct xi_ctx *ctx, const struct xi_decl *d)
{
	return xi_module_abis(ctx, d->module) & ~d->not_on;
}

struct xi_attr *xi_attr_new(struct xi_ctx *ctx)
{
	struct xi_attrs_read *r = ctx->attrs_read;
	struct xi_attr *a = r->free;
	if (!a)
		return XI_NEW(&ctx->arena, struct xi_attr);
	r->free = a->next;
	memset(a, 0, sizeof(*a));
	return a;
}

void xi_attrs_met(struct xi_ctx *ctx, enum xi_attr_place place, void *node,
		  const struct xi_attr *list)
{
	struct xi_attrs_read *r = ctx->attrs_read;
	if (!list)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xi_xrealloc(r->v, sizeof(*r->v) * r->cap);
	}
	r->v[r->n++] = (struct xi_attr_site){ place, node, list };
}

void xi_attrs_done(struct xi_ctx *ctx)
{
	struct xi_attrs_read *r = ctx->attrs_read;
	if (!r || !r->n)
		return;
	unsigned before = ctx->diag.errors;
	r->apply(ctx, r->v, r->n);
	r->errors += ctx->diag.errors - before;
	for (unsigned i = 0; i < r->n; i++) {
		struct xi_attr *a = (struct xi_attr *)r->v[i].list;
		while (a) {
			struct xi_attr *next = a->next;
			a->next = r->free;
			r->free = a;
			a = next;
		}
	}
	r->n = 0;
}

unsigned xi_attrs_errors(const struct xi_ctx *ctx)
{
	return ctx->attrs_read ? ctx->attrs_read->errors : 0;
}

const struct xi_cond *xi_member_cond(const struct xi_ctx *ctx, const struct xi_member *m)
{
	if (!ctx->member_conds.count)
		return NULL;
	return xi_map_get(&ctx->member_conds, (const char *)&m, sizeof(m));
}

void xi_member_cond_set(struct xi_ctx *ctx, const struct xi_member *m, const struct xi_cond *c)
{
	/* The key's bytes must outlive the map: the arena holds them. */
	const struct xi_member **key = XI_NEW(&ctx->arena, const struct xi_member *);
	*key = m;
	xi_map_put(&ctx->member_conds, (const char *)key, sizeof(*key), (void *)c);
}

const struct xi_member_alias *xi_member_alias(const struct xi_ctx *ctx, const struct xi_member *m)
{
	if (!ctx->member_aliases.count)
		return NULL;
	return xi_map_get(&ctx->member_aliases, (const char *)&m, sizeof(m));
}

void xi_member_alias_set(struct xi_ctx *ctx, const struct xi_member *m,
			 const struct xi_member_alias *alias)
{
	const struct xi_member **key = XI_NEW(&ctx->arena, const struct xi_member *);
	*key = m;
	xi_map_put(&ctx->member_aliases, (const char *)key, sizeof(*key), (void *)alias);
}

const char *xi_anonymous_name(struct xi_ctx *ctx, unsigned index)
{
	char name[24];
	int n = snprintf(name, sizeof(name), "anon%u", index);
	return xi_intern(ctx, name, (size_t)n);
}
