/* The ABI manifest backend (-l manifest), and the manifest text of a model. */
#ifndef XENIDL_EMIT_MANIFEST_H
#define XENIDL_EMIT_MANIFEST_H

#include "backend.h"
#include "model.h"

void xi_emit_manifest(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out);

/* Write the manifest of one module of a model. */
void xi_mf_write(struct xi_out *o, const struct xi_mf_model *m, const struct xi_mf_module *mod);

#endif
