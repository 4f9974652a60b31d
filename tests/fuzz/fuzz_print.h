/* For the fuzz targets that read a source held in memory as `xenidl
 * convert` does (xi_convert_read): a compilation and a module for it, and
 * the printing back in xidl or YAML, which holds convert to its promise
 * that every comment is written. */
#ifndef XENIDL_FUZZ_PRINT_H
#define XENIDL_FUZZ_PRINT_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments.h"
#include "convert.h"
#include "xenidl.h"

/* A compilation whose diagnostics go nowhere. */
static struct xi_ctx *fuzz_ctx(void)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	return xi_create(&opt, sink);
}

/* A module named `name` (which gives its form) whose source is a copy of
 * the `size` bytes at `data`, not read yet. */
static struct xi_module *fuzz_module(struct xi_ctx *ctx, const char *name, const void *data,
				     size_t size)
{
	char *text = xi_xmalloc(size + 2);
	memcpy(text, data, size);
	text[size] = text[size + 1] = '\0';
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	m->path = m->canon = name;
	m->family = XI_FAM_NONE;
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(name), text, size);
	return m;
}

/* Imports keep the names they have. */
static const char *keep_path(struct xi_ctx *ctx, const char *path)
{
	(void)ctx;
	return path;
}

/* Module m in xidl or YAML (--lossy), as convert prints it; a comment
 * left out aborts. The text (malloc'd), or NULL if nothing was printed. */
static char *print_converted(struct xi_ctx *ctx, const struct xi_module *m, bool to_xidl)
{
	struct xi_outset *out = xi_outset_new(".", XI_OUTPUT_MEMORY, &ctx->diag);
	struct xi_out *o = xi_out_open(out, to_xidl ? "out.xidl" : "out.yaml");
	if (to_xidl)
		xi_print_xidl(ctx, m, keep_path, o);
	else
		xi_print_yaml(ctx, m, keep_path, true, o);
	if (xi_comments_unprinted(m->comments))
		abort(); /* a comment lost */
	size_t len;
	const char *printed = xi_outset_data(out, 0, &len);
	char *text = NULL;
	if (printed) {
		text = xi_xmalloc(len + 1);
		memcpy(text, printed, len);
		text[len] = '\0';
	}
	xi_outset_free(out);
	return text;
}

#endif
