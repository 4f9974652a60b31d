/* xenidl convert --to xidl|yaml [-o DIR] [--check] FILE...
 *
 * Each file is parsed (not resolved: conversion is a translation and needs
 * no imported file) and printed in the other form. Outputs go next to
 * their inputs, or under -o DIR (placed as the inputs are relative to
 * their deepest common directory), or to standard output with -o -. An
 * output that would replace its input (xidl to xidl) formats it in place.
 * Imports are renamed to the target form (xen.yaml becomes xen.xidl), as
 * the files they name are meant to be converted too; xenbindgen includes
 * become imports of the files of the directories they name. */
#include "convert.h"

#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "parse.h"
#include "spec_load.h"
#include "xenidl.h"

struct job {
	const char *input;
	struct xi_module *module;
	struct xi_spec spec;
	const char *dir;      /* output directory */
	const char *rel;      /* output path under it */
};

static const char *with_extension(struct xi_ctx *ctx, const char *path, const char *ext,
				  bool only_known)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (only_known && xi_format_of_path(path) == XI_FORMAT_XIDL &&
	    !(dot && !strcmp(dot, ".xidl")))
		return path;
	size_t stem = dot && dot != (slash ? slash + 1 : path) ? (size_t)(dot - path) : strlen(path);
	return xi_aprintf(&ctx->arena, "%.*s%s", (int)stem, path, ext);
}

static const char *rename_to_xidl(struct xi_ctx *ctx, const char *path)
{
	return with_extension(ctx, path, ".xidl", true);
}

static const char *rename_to_yaml(struct xi_ctx *ctx, const char *path)
{
	enum xi_spec_format f = xi_format_of_path(path);
	return f == XI_FORMAT_YAML ? path : with_extension(ctx, path, ".yaml", true);
}

/* xidl doc comments drop trailing blanks and carriage returns: say so
 * where a description holds them. */
static void check_doc(struct xi_ctx *ctx, const char *doc, struct xi_loc loc)
{
	if (!doc)
		return;
	for (const char *p = doc; *p; p++) {
		if (*p == '\r' || ((*p == ' ' || *p == '\t') && (p[1] == '\n' || !p[1]))) {
			xi_warning(&ctx->diag, loc, "xidl doc comments cannot keep this description's "
				   "trailing blanks or carriage returns");
			return;
		}
	}
}

static void check_members_docs(struct xi_ctx *ctx, const struct xi_member *m)
{
	for (; m; m = m->next) {
		check_doc(ctx, m->doc, m->loc);
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG)
			check_members_docs(ctx, t->u.agg->members);
	}
}

static void check_docs(struct xi_ctx *ctx, const struct xi_module *m)
{
	struct xi_loc top = { 1, 1, m->src->id, 1 };
	check_doc(ctx, m->doc, top);
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		check_doc(ctx, d->doc, d->loc);
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			check_doc(ctx, v->doc, v->loc);
		if (d->agg)
			check_members_docs(ctx, d->agg->members);
	}
}

/* Parse one input into a module; false after an error. */
static bool read_input(struct xi_ctx *ctx, struct job *j, bool to_xidl)
{
	struct xi_loc none = { 0, 0, 0, 0 };
	size_t len;
	char *text = xi_read_file(ctx, j->input, none, &len);
	if (!text)
		return false;
	struct xi_module *m = XI_NEW(&ctx->arena, struct xi_module);
	char *canon = realpath(j->input, NULL);
	m->path = j->input;
	m->canon = canon ? xi_strdup(&ctx->arena, canon) : j->input;
	free(canon);
	m->family = XI_FAM_NONE;
	m->src = xi_diag_add_source(&ctx->diag, xi_xstrdup(j->input), text, len);
	j->module = m;
	unsigned errors = ctx->diag.errors;
	if (xi_format_of_path(j->input) == XI_FORMAT_XIDL) {
		xi_parse_module(ctx, m);
	} else if (xi_spec_load_module(ctx, m, &j->spec) && to_xidl) {
		xi_spec_lower_includes(ctx, m, j->spec.includes);
		j->spec.includes = NULL;
	}
	if (to_xidl && ctx->diag.errors == errors)
		check_docs(ctx, m);
	return ctx->diag.errors == errors;
}

/* The deepest directory holding every input (canonical), or NULL. */
static char *common_dir(struct xi_ctx *ctx, struct job *jobs, unsigned n)
{
	char *common = NULL;
	for (unsigned i = 0; i < n; i++) {
		char *dir = xi_path_dirname(&ctx->arena, jobs[i].module->canon);
		if (!common)
			common = dir;
		else
			xi_path_narrow_common(common, dir);
	}
	return common;
}

static void place(struct xi_ctx *ctx, struct job *j, const char *outdir, const char *common,
		  const char *ext)
{
	const char *out = xi_format_of_path(j->input) == XI_FORMAT_YAML && !strcmp(ext, ".yaml")
			? j->input : with_extension(ctx, j->input, ext, false);
	if (outdir) {
		const char *canon = j->module->canon;
		size_t n = strlen(common);
		const char *rel = !strcmp(common, "/") ? canon + 1
				: !strncmp(canon, common, n) && canon[n] == '/' ? canon + n + 1 : canon;
		j->dir = outdir;
		j->rel = with_extension(ctx, rel, strrchr(out, '.'), false);
		return;
	}
	const char *slash = strrchr(out, '/');
	j->dir = slash ? xi_strndup(&ctx->arena, out, (size_t)(slash - out)) : ".";
	if (slash == out)
		j->dir = "/";
	j->rel = slash ? slash + 1 : out;
}

static void print(struct xi_ctx *ctx, struct job *j, bool to_xidl, struct xi_out *o)
{
	if (to_xidl)
		xi_print_xidl(ctx, j->module, rename_to_xidl, o);
	else
		xi_print_yaml(ctx, j->module, j->spec.includes, rename_to_yaml, o);
}

int xi_cmd_convert(const struct xi_options *opt, const char *to, const char *outdir, bool check,
		   int nfiles, char **files)
{
	bool to_xidl = !strcmp(to, "xidl");
	bool to_stdout = outdir && !strcmp(outdir, "-");
	struct xi_ctx *ctx = xenidl_create(opt, stderr);
	struct job *jobs = XI_NEW_ARRAY(&ctx->arena, struct job, (size_t)nfiles + 1);
	bool ok = true;
	for (int i = 0; i < nfiles && !ctx->diag.capped; i++) {
		jobs[i].input = files[i];
		ok &= read_input(ctx, &jobs[i], to_xidl);
	}
	int status = 1;
	if (!ok || xi_diag_failed(&ctx->diag))
		goto done;
	const char *ext = to_xidl ? ".xidl" : ".yaml";
	const char *common = outdir && !to_stdout ? common_dir(ctx, jobs, (unsigned)nfiles) : NULL;
	enum xi_output_mode mode = to_stdout ? XI_OUTPUT_MEMORY : check ? XI_OUTPUT_CHECK
					     : XI_OUTPUT_WRITE;
	struct xi_outset **sets = xi_xmalloc(sizeof(*sets) * (size_t)nfiles);
	for (int i = 0; i < nfiles; i++) {
		place(ctx, &jobs[i], to_stdout ? NULL : outdir, common, ext);
		sets[i] = xi_outset_new(to_stdout ? "." : jobs[i].dir, mode, &ctx->diag);
		struct xi_out *o = xi_out_open(sets[i], jobs[i].rel);
		if (o)
			print(ctx, &jobs[i], to_xidl, o);
	}
	status = 0;
	if (xi_diag_failed(&ctx->diag)) {
		for (int i = 0; i < nfiles; i++)
			xi_outset_abort(sets[i]);
		status = 1;
	} else if (to_stdout) {
		for (int i = 0; i < nfiles; i++) {
			size_t len;
			const char *data = xi_outset_data(sets[i], 0, &len);
			fwrite(data, 1, len, stdout);
		}
	} else {
		for (int i = 0; i < nfiles; i++) {
			int rc = xi_outset_commit(sets[i], stdout);
			if (rc > status)
				status = rc;
		}
	}
	for (int i = 0; i < nfiles; i++)
		xi_outset_free(sets[i]);
	free(sets);
done:
	xenidl_destroy(ctx);
	return status;
}
