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
#include "comments.h"
#include "convert.h"
#include "limits.h"
#include "spec_read.h"
#include "xenidl.h"

static const char *keep_path(struct xi_ctx *ctx, const char *path)
{
	(void)ctx;
	return path;
}

static int fuzz_spec(const uint8_t *data, size_t size, enum xi_spec_format format)
{
	static FILE *sink;
	if (size > XI_MAX_FILE_SIZE)
		return 0;
	if (!sink)
		sink = fopen("/dev/null", "w");
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	struct xi_ctx *ctx = xi_create(&opt, sink);
	char *text = xi_xmalloc(size + 2);
	memcpy(text, data, size);
	text[size] = text[size + 1] = '\0';
	const char *name = format == XI_FORMAT_YAML ? "fuzz.yaml" : "fuzz.toml";
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	m->path = m->canon = name;
	m->family = XI_FAM_NONE;
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(name), text, size);
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
		if (xi_convert_read(ctx, c, to_xidl, true)) {
			struct xi_outset *out = xi_outset_new(".", XI_OUTPUT_MEMORY, &ctx->diag);
			struct xi_out *o = xi_out_open(out, to_xidl ? "fuzz.xidl" : "fuzz.yaml");
			if (to_xidl)
				xi_print_xidl(ctx, c, keep_path, o);
			else
				xi_print_yaml(ctx, c, keep_path, true, o);
			if (xi_comments_unprinted(c->comments))
				abort(); /* a comment lost */
			xi_outset_free(out);
		}
		xi_comments_free(c->comments);
	}
	xi_destroy(ctx);
	return 0;
}

#endif
