/* The marshalling backends: -l marshal (decode, encode and check
 * functions) and -l marshal-test (their self-tests and fuzz harness). */
#ifndef XENIDL_EMIT_MARSHAL_H
#define XENIDL_EMIT_MARSHAL_H

#include "backend.h"

void xi_emit_marshal(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);
void xi_emit_marshal_test(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			  struct xi_outset *out);

#endif
