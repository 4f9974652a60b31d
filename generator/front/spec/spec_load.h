/* YAML and TOML files as modules of a compilation: read, map to the IR,
 * and turn xenbindgen includes into imports. */
#ifndef XENIDL_SPEC_LOAD_H
#define XENIDL_SPEC_LOAD_H

#include "ctx.h"
#include "spec_map.h"

/* The document tree of a source in a spec format; NULL after an error. */
struct xi_dnode *xi_spec_read(struct xi_ctx *ctx, struct xi_source *src, enum xi_spec_format f);

/* Parse a .yaml/.yml/.toml module (the loader's counterpart of
 * xi_parse_module): its declarations and imports, its xenbindgen includes
 * (m->includes) and the imports they stand for; false if it had errors. */
bool xi_spec_parse_module(struct xi_ctx *ctx, struct xi_module *m);

#endif
