/* Notes for the includes and links of a run's outputs that point at
 * outputs it did not write (see refs.h). */
#include "refs.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void xi_ref_add(struct xi_ctx *ctx, const struct xi_out *from, const char *verb, const char *lang,
		const char *target, const struct xi_module *module)
{
	const struct xi_outset *set = xi_out_set(from);
	const char *rel = xi_out_path(from);
	/* The same pair is seen again and again (a page links to many types
	 * of one other page): keep the first. */
	const char *key = xi_aprintf(&ctx->arena, "%p\n%s\n%s\n%s", (const void *)set, rel, lang,
				     target);
	size_t len = strlen(key);
	if (xi_map_get(&ctx->ref_seen, key, len))
		return;
	xi_map_put(&ctx->ref_seen, key, len, (void *)key);
	if (ctx->nrefs == ctx->cap_refs) {
		ctx->cap_refs = ctx->cap_refs ? 2 * ctx->cap_refs : 64;
		ctx->refs = xi_xrealloc(ctx->refs, sizeof(*ctx->refs) * ctx->cap_refs);
	}
	ctx->refs[ctx->nrefs++] = (struct xi_ref){
		set, xi_strdup(&ctx->arena, rel), verb, lang, xi_strdup(&ctx->arena, target), module,
	};
}

void xi_ref_add_run(struct xi_ctx *ctx, const char *lang, const struct xi_outset *out)
{
	if (ctx->nruns == ctx->cap_runs) {
		ctx->cap_runs = ctx->cap_runs ? 2 * ctx->cap_runs : 8;
		ctx->runs = xi_xrealloc(ctx->runs, sizeof(*ctx->runs) * ctx->cap_runs);
	}
	ctx->runs[ctx->nruns++] = (struct xi_run){ lang, out };
}

static const struct xi_outset *run_of(const struct xi_ctx *ctx, const char *lang)
{
	for (unsigned i = 0; i < ctx->nruns; i++)
		if (!strcmp(ctx->runs[i].lang, lang))
			return ctx->runs[i].out;
	return NULL;
}

static bool writes(const struct xi_outset *set, const char *rel)
{
	for (unsigned i = 0, n = xi_outset_count(set); i < n; i++)
		if (!strcmp(xi_outset_path(set, i), rel))
			return true;
	return false;
}

/* A path under an output directory, as the user would write it. */
static const char *under(struct xi_ctx *ctx, const struct xi_outset *set, const char *rel)
{
	const char *dir = xi_outset_dir(set);
	if (!strcmp(dir, "."))
		return rel;
	size_t n = strlen(dir);
	return xi_aprintf(&ctx->arena, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", rel);
}

void xi_refs_report(struct xi_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->nrefs; i++) {
		const struct xi_ref *r = &ctx->refs[i];
		const struct xi_outset *target_set = run_of(ctx, r->lang);
		if (target_set && writes(target_set, r->target))
			continue;
		/* Written by an earlier run, or by hand: where the target's
		 * backend writes, or else beside the output that refers. */
		struct stat st;
		const char *path = under(ctx, target_set ? target_set : r->from_set, r->target);
		if (stat(path, &st) == 0)
			continue;
		const char *how;
		if (!target_set && r->module->is_input)
			how = xi_aprintf(&ctx->arena, "(add -l %s)", r->lang);
		else if (!target_set)
			how = xi_aprintf(&ctx->arena, "(add -l %s and %s, or use --with-imports)", r->lang,
					 r->module->path);
		else
			how = xi_aprintf(&ctx->arena, "(add %s) or use --with-imports", r->module->path);
		struct xi_loc none = { 0, 0, 0, 0 };
		xi_note(&ctx->diag, none, "%s %s %s, which this run did not write; generate it too %s",
			under(ctx, r->from_set, r->from), r->verb, r->target, how);
	}
}

void xi_refs_free(struct xi_ctx *ctx)
{
	free(ctx->refs);
	free(ctx->runs);
	xi_map_free(&ctx->ref_seen);
	ctx->refs = NULL;
	ctx->runs = NULL;
	ctx->nrefs = ctx->nruns = 0;
}
