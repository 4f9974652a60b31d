/* Interpretation of attributes (see attrs.c). */
#ifndef XENIDL_ATTRS_H
#define XENIDL_ATTRS_H

#include "ctx.h"

/* Apply an attribute list written before a declaration, member (or
 * tagged-union arm), or enum variant/bitmap bit (`what` names it in
 * messages: "an enum variant", "a bit"). Misplaced, unknown, repeated and
 * conflicting attributes are reported. The list is not kept. */
void xi_attrs_apply_decl(struct xi_ctx *ctx, struct xi_decl *d, const struct xi_attr *list);
void xi_attrs_apply_member(struct xi_ctx *ctx, struct xi_member *m, const struct xi_attr *list);
void xi_attrs_apply_variant(struct xi_ctx *ctx, struct xi_variant *v, const struct xi_attr *list,
			    const char *what);

/* Apply a file attribute (`@!name(arg)`, written at the top of a file). */
void xi_attrs_apply_file(struct xi_ctx *ctx, struct xi_module *m, const struct xi_attr *a);

/* Whether an attribute's name is one of xidl's; one of the directions
 * (in, out, inout), which YAML and TOML write as the value of one key. */
bool xi_attr_is_known(const char *name);
bool xi_attr_is_direction(const char *name);

/* The attributes that say what a declaration, member or variant carries,
 * rebuilt from the IR in a canonical order: what writers (convert) print. */
const struct xi_attr *xi_attrs_of_decl(struct xi_arena *a, const struct xi_decl *d);
const struct xi_attr *xi_attrs_of_member(struct xi_arena *a, const struct xi_member *m);
const struct xi_attr *xi_attrs_of_variant(struct xi_arena *a, const struct xi_variant *v);

#endif
