/* Dependency order of declarations (see order.c). */
#ifndef XENIDL_ORDER_H
#define XENIDL_ORDER_H

#include "ctx.h"

/* Number every declaration in dependency order (decl->order), fill in
 * module->sorted, and report by-value cycles. */
void xi_order(struct xi_ctx *ctx);
struct xi_decl **xi_all_decls_ordered(struct xi_ctx *ctx, unsigned *count);

#endif
