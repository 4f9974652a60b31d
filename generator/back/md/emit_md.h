/* The reference documentation backend (-l md). */
#ifndef XENIDL_EMIT_MD_H
#define XENIDL_EMIT_MD_H

#include "backend.h"

void xi_emit_md(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);

#endif
