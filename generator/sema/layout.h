/* The layout engine (see layout.c). */
#ifndef XENIDL_LAYOUT_H
#define XENIDL_LAYOUT_H

#include "ctx.h"

/* Lay out every aggregate on every selected ABI and enforce the padding
 * and invariance rules. Needs xi_order() first. */
void xi_layout(struct xi_ctx *ctx);

#endif
