/* The C layout checks backend (-l c-checks). */
#ifndef XENIDL_EMIT_C_CHECKS_H
#define XENIDL_EMIT_C_CHECKS_H

#include "backend.h"

void xi_emit_c_checks(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);

#endif
