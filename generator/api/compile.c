/* The pipeline: load, resolve, order, lay out, generate. */
#include "xenidl.h"

#include <stdlib.h>
#include <string.h>

#include "cinline.h"
#include "layout.h"
#include "loader.h"
#include "order.h"
#include "refs.h"
#include "resolve.h"

struct xi_ctx *xi_create(const struct xi_options *opt, FILE *diag)
{
	struct xi_ctx *ctx = xi_xmalloc(sizeof(*ctx));
	memset(ctx, 0, sizeof(*ctx));
	xi_arena_init(&ctx->arena);
	xi_diag_init(&ctx->diag, diag);
	ctx->opt = *opt;
	if (!ctx->opt.abis)
		ctx->opt.abis = XI_ABI_ALL;
	ctx->diag.werror = opt->werror;
	ctx->diag.parseable_fixits = opt->parseable_fixits;
	xi_map_init(&ctx->interned);
	xi_map_init(&ctx->modules_by_path);
	xi_map_init(&ctx->canon_of_path);
	xi_map_init(&ctx->symbols);
	xi_map_init(&ctx->member_conds);
	xi_map_init(&ctx->member_aliases);
	xi_map_init(&ctx->ref_seen);
	return ctx;
}

void xi_destroy(struct xi_ctx *ctx)
{
	if (!ctx)
		return;
	xi_map_free(&ctx->interned);
	xi_map_free(&ctx->modules_by_path);
	xi_map_free(&ctx->canon_of_path);
	xi_map_free(&ctx->symbols);
	xi_map_free(&ctx->member_conds);
	xi_map_free(&ctx->member_aliases);
	xi_refs_free(ctx);
	free(ctx->modules);
	free(ctx->inputs);
	free(ctx->left_out);
	xi_diag_free(&ctx->diag);
	xi_arena_free(&ctx->arena);
	free(ctx);
}

bool xi_add_source(struct xi_ctx *ctx, const char *name, const char *data, size_t len)
{
	unsigned before = ctx->diag.errors;
	xi_load_buffer(ctx, name, data, len);
	return ctx->diag.errors == before;
}

bool xi_add_input(struct xi_ctx *ctx, const char *path)
{
	unsigned before = ctx->diag.errors;
	xi_load_input(ctx, path);
	return ctx->diag.errors == before;
}

bool xi_add_found_input(struct xi_ctx *ctx, const char *path)
{
	unsigned before = ctx->diag.errors;
	xi_load_found_input(ctx, path);
	return ctx->diag.errors == before;
}

bool xi_analyze(struct xi_ctx *ctx)
{
	if (ctx->analyzed)
		return !xi_diag_failed(&ctx->diag);
	ctx->analyzed = true;
	/* Syntax errors (and unreadable files) stop here: what follows would
	 * only add noise. Attribute errors do not. */
	bool syntax_ok = !ctx->diag.capped;
	for (unsigned i = 0; i < ctx->nmodules; i++)
		syntax_ok &= ctx->modules[i]->parsed_ok;
	if (!syntax_ok || ctx->ninputs == 0) {
		xi_diag_finish(&ctx->diag);
		return false;
	}
	/* Output paths mirror the tree of every file named, whatever --abi
	 * leaves out of the run. */
	xi_assign_output_paths(ctx);
	xi_leave_out_unselected(ctx);
	if (ctx->opt.with_imports)
		xi_inputs_add_imports(ctx);
	xi_compute_visibility(ctx);
	xi_resolve(ctx);
	xi_check_c_inline(ctx);
	xi_order(ctx);
	if (!ctx->diag.capped)
		xi_layout(ctx);
	xi_diag_finish(&ctx->diag);
	return !xi_diag_failed(&ctx->diag);
}

bool xi_generate(struct xi_ctx *ctx, const char *name, const struct xi_gen_options *opt,
		     struct xi_outset *out)
{
	const struct xi_backend *b = xi_backend_find(name);
	if (!b) {
		xi_error_at_file(&ctx->diag, NULL, "unknown output language '%s'", name);
		return false;
	}
	unsigned before = ctx->diag.errors;
	xi_ref_add_run(ctx, b->name, out);
	b->emit(ctx, opt, out);
	return ctx->diag.errors == before;
}

void xi_report_unwritten(struct xi_ctx *ctx)
{
	xi_refs_report(ctx);
}

struct xi_decl *xi_find_decl(struct xi_ctx *ctx, const char *name)
{
	return xi_map_get(&ctx->symbols, name, strlen(name));
}
