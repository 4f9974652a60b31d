/* Interpretation of attributes (see attrs.c). */
#ifndef XENIDL_ATTRS_H
#define XENIDL_ATTRS_H

#include "ctx.h"

/* Ready an empty record of the attribute lists met while reading a file
 * (ctx->attrs_read while it is read). */
void xi_attrs_read_init(struct xi_attrs_read *r);
/* Interpret the lists recorded, in their order, then free them and their
 * nodes. Misplaced, unknown, repeated and conflicting attributes are
 * reported. */
void xi_attrs_apply_read(struct xi_ctx *ctx, struct xi_attrs_read *r);

/* The attributes that say what a declaration, member or variant carries,
 * rebuilt from the IR in a canonical order: what writers (convert) print. */
const struct xi_attr *xi_attrs_of_decl(struct xi_arena *a, const struct xi_decl *d);
const struct xi_attr *xi_attrs_of_member(struct xi_arena *a, const struct xi_member *m);
const struct xi_attr *xi_attrs_of_variant(struct xi_arena *a, const struct xi_variant *v);

#endif
