/* The C header backend (-l c). */
#ifndef XENIDL_EMIT_C_H
#define XENIDL_EMIT_C_H

#include "backend.h"

void xi_emit_c(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);

#endif
