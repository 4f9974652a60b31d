/* @c_inline: the member in whose declaration C writes a struct or union
 * (see cinline.c). */
#ifndef XENIDL_CINLINE_H
#define XENIDL_CINLINE_H

#include "ctx.h"

/* Find the member each @c_inline type is declared in (decl->
 * c_inline_member, c_inline_owner) and report the uses C could not
 * spell: two declarations using it, a use through a handle, pointer or
 * alias, or a use in another module. */
void xi_check_c_inline(struct xi_ctx *ctx);

#endif
