/* The body of the spec-reader fuzz targets: read a document (YAML or
 * TOML), map it in both dialects, and print what maps as xidl and YAML;
 * then read it as convert does, with its comments, and print it again,
 * every comment written (else abort). Every input must end in a clean
 * error or an output, never a crash, a leak or undefined behaviour. */
#ifndef XENIDL_FUZZ_SPEC_H
#define XENIDL_FUZZ_SPEC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "fuzz_print.h"
#include "limits.h"
#include "spec_read.h"
#include "xenidl.h"

static int fuzz_spec(const uint8_t *data, size_t size, enum xi_spec_format format)
{
	if (size > XI_MAX_FILE_SIZE)
		return 0;
	struct xi_ctx *ctx = fuzz_ctx();
	const char *name = format == XI_FORMAT_YAML ? "fuzz.yaml" : "fuzz.toml";
	struct xi_module *m = fuzz_module(ctx, name, data, size);
	struct xi_dnode *root = format == XI_FORMAT_YAML ? xi_yaml_read(ctx, m->src)
							 : xi_toml_read(ctx, m->src);
	if (root) {
		struct xi_spec spec;
		xi_spec_map(ctx, m, root, format, XI_DIALECT_XENBINDGEN, &spec);
		unsigned errors = ctx->diag.errors;
		struct xi_attrs_read attrs;
		xi_attrs_read_begin(ctx, &attrs);
		bool mapped = xi_spec_map(ctx, m, root, format, XI_DIALECT_XENIDL, &spec);
		xi_attrs_read_end(ctx, &attrs);
		if (mapped && ctx->diag.errors == errors) {
			m->decls = spec.decls;
			m->ndecls = spec.ndecls;
			m->imports = spec.imports;
			m->includes = spec.includes;
			m->doc = spec.doc;
			struct xi_outset *out = xi_outset_new(".", XI_OUTPUT_MEMORY, &ctx->diag);
			xi_print_xidl(ctx, m, keep_path, xi_out_open(out, "fuzz.xidl"));
			xi_print_yaml(ctx, m, keep_path, false, xi_out_open(out, "fuzz.yaml"));
			xi_outset_free(out);
		}
	}
	for (int to_xidl = 0; to_xidl < 2; to_xidl++) {
		struct xi_module *c = XI_NEW(&ctx->arena, struct xi_module);
		c->path = c->canon = name;
		c->family = XI_FAM_NONE;
		c->src = m->src;
		if (xi_convert_read(ctx, c, to_xidl, true))
			free(print_converted(ctx, c, to_xidl));
		xi_comments_free(c->comments);
	}
	xi_destroy(ctx);
	return 0;
}

#endif
