/* Notes for the includes, links and imports of a run's outputs that point
 * at outputs it did not write (see refs.h). */
#include "refs.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"

static void add(struct xi_ctx *ctx, const struct xi_out *from, struct xi_ref ref)
{
	const struct xi_outset *set = xi_out_set(from);
	const char *rel = xi_out_path(from);
	/* The same pair is seen again and again (a page links to many types
	 * of one other page): keep the first. */
	const char *key = xi_aprintf(&ctx->arena, "%p\n%s\n%s\n%s", (const void *)set, rel,
				     ref.lang, ref.target);
	size_t len = strlen(key);
	if (xi_map_get(&ctx->ref_seen, key, len))
		return;
	xi_map_put(&ctx->ref_seen, key, len, (void *)key);
	if (ctx->nrefs == ctx->cap_refs) {
		ctx->cap_refs = ctx->cap_refs ? 2 * ctx->cap_refs : 64;
		ctx->refs = xi_xrealloc(ctx->refs, sizeof(*ctx->refs) * ctx->cap_refs);
	}
	ref.from_set = set;
	ref.from = xi_strdup(&ctx->arena, rel);
	ref.target = xi_strdup(&ctx->arena, ref.target);
	ctx->refs[ctx->nrefs++] = ref;
}

void xi_ref_add(struct xi_ctx *ctx, const struct xi_out *from, const char *verb, const char *lang,
		const char *target, const struct xi_module *module)
{
	add(ctx, from, (struct xi_ref){
		.verb = verb, .lang = lang, .target = target,
		.source = module->path, .source_found = true, .source_in_run = module->is_input,
	});
}

void xi_ref_add_import(struct xi_ctx *ctx, const struct xi_out *from, const char *verb,
		       const char *lang, const char *target, const char *root, const char *source,
		       bool found, const struct xi_module *module)
{
	add(ctx, from, (struct xi_ref){
		.verb = verb, .lang = lang, .target = target, .as_import = true,
		.root = root ? xi_strdup(&ctx->arena, root) : NULL,
		.source = xi_strdup(&ctx->arena, source), .source_found = found,
		.source_in_run = module && module->is_input,
	});
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

/* A path under an output directory, as the user would write it. */
static const char *under(struct xi_ctx *ctx, const struct xi_outset *set, const char *rel)
{
	const char *dir = xi_outset_dir(set);
	if (!strcmp(dir, "."))
		return rel;
	size_t n = strlen(dir);
	return xi_aprintf(&ctx->arena, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", rel);
}

/* What the run writes: "LANG\nPATH" for each output, the path absolute,
 * to compare with the places a target is looked for. */
struct written {
	struct xi_ctx *ctx;
	const char *cwd;
	struct xi_map paths;
};

static const char *key(struct written *w, const char *lang, const char *path)
{
	const char *abs = path[0] == '/' ? path : xi_aprintf(&w->ctx->arena, "%s/%s", w->cwd, path);
	return xi_aprintf(&w->ctx->arena, "%s\n%s", lang, xi_path_normalize(&w->ctx->arena, abs));
}

/* Is there, at `path`, an output of `lang` that the run writes, or a file? */
static bool found_at(struct written *w, const char *lang, const char *path)
{
	const char *k = key(w, lang, path);
	if (xi_map_get(&w->paths, k, strlen(k)))
		return true;
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool resolves(struct written *w, const struct xi_ref *r)
{
	struct xi_ctx *ctx = w->ctx;
	if (!r->as_import) {
		const struct xi_outset *set = run_of(ctx, r->lang);
		/* Written by an earlier run, or by hand: where the target's
		 * backend writes, or else beside the output that refers. */
		return found_at(w, r->lang, under(ctx, set ? set : r->from_set, r->target));
	}
	const char *dir = xi_path_dirname(&ctx->arena, under(ctx, r->from_set, r->from));
	if (found_at(w, r->lang, xi_path_join(&ctx->arena, dir, r->target)))
		return true;
	if (r->target[0] == '/')
		return false;
	if (r->root && found_at(w, r->lang, xi_path_join(&ctx->arena, r->root, r->target)))
		return true;
	for (unsigned i = 0; i < ctx->opt.ninclude_dirs; i++)
		if (found_at(w, r->lang, xi_path_join(&ctx->arena, ctx->opt.include_dirs[i], r->target)))
			return true;
	return false;
}

/* What to do about a target left unwritten, after "which this run did
 * not write; ". */
static const char *what_to_do(struct xi_ctx *ctx, const struct xi_ref *r)
{
	const char *action = ctx->converting ? "convert" : "generate";
	if (!r->source_found)
		return xi_aprintf(&ctx->arena, "no %s is found to %s to it", r->source, action);
	if (!run_of(ctx, r->lang)) {
		if (r->source_in_run)
			return xi_aprintf(&ctx->arena, "%s it too (add -l %s)", action, r->lang);
		return xi_aprintf(&ctx->arena, "%s it too (add -l %s and %s, or use --with-imports)",
				  action, r->lang, r->source);
	}
	if (r->source_in_run)
		return xi_aprintf(&ctx->arena, "it writes the output of %s elsewhere", r->source);
	return xi_aprintf(&ctx->arena, "%s it too (add %s) or use --with-imports", action, r->source);
}

void xi_refs_report(struct xi_ctx *ctx)
{
	if (!ctx->nrefs)
		return;
	char *cwd = getcwd(NULL, 0);
	struct written w = { ctx, cwd ? cwd : "/", { 0 } };
	xi_map_init(&w.paths);
	for (unsigned i = 0; i < ctx->nruns; i++) {
		const struct xi_outset *set = ctx->runs[i].out;
		for (unsigned k = 0, n = xi_outset_count(set); k < n; k++) {
			const char *p = key(&w, ctx->runs[i].lang, under(ctx, set, xi_outset_path(set, k)));
			xi_map_put(&w.paths, p, strlen(p), (void *)p);
		}
	}
	for (unsigned i = 0; i < ctx->nrefs; i++) {
		const struct xi_ref *r = &ctx->refs[i];
		if (resolves(&w, r))
			continue;
		struct xi_loc none = { 0, 0, 0, 0 };
		xi_note(&ctx->diag, none, "%s %s %s, which this run did not write; %s",
			under(ctx, r->from_set, r->from), r->verb, r->target, what_to_do(ctx, r));
	}
	xi_map_free(&w.paths);
	free(cwd);
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
