/* Interpretation of attributes (see attrs.c). */
#ifndef XENIDL_ATTRS_H
#define XENIDL_ATTRS_H

#include "ctx.h"

/* Interpret attribute lists, in their order. Misplaced, unknown,
 * repeated and conflicting attributes are reported. */
void xi_attrs_apply(struct xi_ctx *ctx, const struct xi_attr_site *sites, unsigned n);

/* Around the reading of a file: readers record the attribute lists they
 * meet in r (ctx->attrs_read), and they are interpreted (xi_attrs_apply)
 * at the end of each declaration, and of the file. */
void xi_attrs_read_begin(struct xi_ctx *ctx, struct xi_attrs_read *r);
void xi_attrs_read_end(struct xi_ctx *ctx, struct xi_attrs_read *r);

/* Whether an attribute's name is one of xidl's. */
bool xi_attr_is_known(const char *name);

/* The attributes that say what a declaration, member or variant carries,
 * rebuilt from the IR in a canonical order: what writers (convert) print. */
const struct xi_attr *xi_attrs_of_decl(struct xi_arena *a, const struct xi_decl *d);
/* cond: the member's @if (xi_member_cond), alias its @c_alias
 * (xi_member_alias); NULL: none. */
const struct xi_attr *xi_attrs_of_member(struct xi_arena *a, const struct xi_member *m,
					 const struct xi_cond *cond,
					 const struct xi_member_alias *alias);
const struct xi_attr *xi_attrs_of_variant(struct xi_arena *a, const struct xi_variant *v);

#endif
