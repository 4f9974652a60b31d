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

#include "fuzz_print.h"
#include "limits.h"
#include "xenidl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read `text` as the file `name`, then print it in `to` (xidl or YAML);
 * the printed text (malloc'd), or NULL after an error or a warning. */
static char *convert_text(const char *name, const char *text, size_t size, bool to_xidl)
{
	struct xi_ctx *ctx = fuzz_ctx();
	struct xi_module *m = fuzz_module(ctx, name, text, size);
	char *result = NULL;
	if (xi_convert_read(ctx, m, to_xidl, true)) {
		result = print_converted(ctx, m, to_xidl);
		/* What was dropped with a warning does not come back. */
		if (ctx->diag.errors || ctx->diag.warnings) {
			free(result);
			result = NULL;
		}
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
