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
	struct xi_ctx *ctx = xenidl_create(&opt, sink);
	xenidl_add_source(ctx, "fuzz.xidl", (const char *)data, size);
	if (xenidl_analyze(ctx)) {
		struct xi_gen_options gen = { 0 };
		struct xi_outset *out = xi_outset_new(".", XI_OUTPUT_MEMORY, &ctx->diag);
		xenidl_generate(ctx, "c", &gen, out);
		xenidl_generate(ctx, "manifest", &gen, out);
		xenidl_generate(ctx, "md", &gen, out);
		xi_outset_free(out);
	}
	xenidl_destroy(ctx);
	return 0;
}
