/* libFuzzer target: convert of an xidl input, as `xenidl convert` reads
 * it (comments kept), to xidl and to YAML, and the YAML back to xidl.
 * Besides no crash, no hang and no leak, it checks what convert promises:
 *   - every comment is written (an internal error otherwise);
 *   - formatting is idempotent: the formatted text formats to itself;
 *   - xidl -> YAML -> xidl gives the formatted text, comments included.
 * A broken promise aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments.h"
#include "convert.h"
#include "limits.h"
#include "xenidl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *keep_path(struct xi_ctx *ctx, const char *path)
{
	(void)ctx;
	return path;
}

/* Read `text` as the file `name`, then print it in `to` (xidl or YAML);
 * the printed text (malloc'd), or NULL after an error or a warning. */
static char *convert_text(const char *name, const char *text, size_t size, bool to_xidl)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	struct xi_ctx *ctx = xi_create(&opt, sink);
	char *copy = xi_xmalloc(size + 2);
	memcpy(copy, text, size);
	copy[size] = copy[size + 1] = '\0';
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	m->path = m->canon = name;
	m->family = XI_FAM_NONE;
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(name), copy, size);
	char *result = NULL;
	if (xi_convert_read(ctx, m, to_xidl, true)) {
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
		if (!ctx->diag.errors && !ctx->diag.warnings && printed) {
			result = xi_xmalloc(len + 1);
			memcpy(result, printed, len);
			result[len] = '\0';
		}
		xi_outset_free(out);
	}
	xi_comments_free(m->comments);
	xi_destroy(ctx);
	return result;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > XI_MAX_FILE_SIZE)
		return 0;
	char *formatted = convert_text("fuzz.xidl", (const char *)data, size, true);
	if (!formatted)
		return 0;
	char *again = convert_text("fuzz.xidl", formatted, strlen(formatted), true);
	if (!again || strcmp(formatted, again) != 0)
		abort(); /* formatting is not idempotent */
	char *yaml = convert_text("fuzz.xidl", formatted, strlen(formatted), false);
	if (yaml) {
		char *back = convert_text("fuzz.yaml", yaml, strlen(yaml), true);
		if (!back || strcmp(formatted, back) != 0)
			abort(); /* xidl -> YAML -> xidl loses something */
		free(back);
	}
	free(yaml);
	free(again);
	free(formatted);
	return 0;
}
