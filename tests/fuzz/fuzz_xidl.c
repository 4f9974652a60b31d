/* libFuzzer target: the xidl front end and the C backend. Any input must
 * end in a clean result or clean errors: no crash, no hang, no leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "xenidl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	struct xi_options opt = { 0 };
	struct xi_ctx *ctx = xi_create(&opt, sink);
	xi_add_source(ctx, "fuzz.xidl", (const char *)data, size);
	if (xi_analyze(ctx)) {
		struct xi_gen_options gen = { 0 };
		struct xi_outset *out = xi_outset_new(".", XI_OUTPUT_MEMORY, &ctx->diag);
		xi_generate(ctx, "c", &gen, out);
		xi_generate(ctx, "manifest", &gen, out);
		xi_generate(ctx, "md", &gen, out);
		xi_outset_free(out);
	}
	xi_destroy(ctx);
	return 0;
}
