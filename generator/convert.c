/* xenidl convert --to xidl|yaml [-o DIR] [--check] [--lossy] [--with-imports] FILE...
 *
 * Each file is parsed (not resolved: conversion is a translation and needs
 * no imported file) with its comments (comments.h), and printed in the
 * other form. Outputs go next to their inputs, or under -o DIR (placed as
 * the inputs are relative to their deepest common directory), or to
 * standard output with -o -. An output that would replace its input (xidl
 * to xidl) formats it in place.
 *
 * Imports are renamed to the target form (xen.yaml becomes xen.xidl), as
 * the files they name are meant to be converted too: --with-imports
 * converts them in the same run (every file the inputs import, directly or
 * not); without it, a note names each import of an output whose file
 * this run does not write and does not exist, and the file to convert.
 * xenbindgen includes become imports of the files of the directories they
 * name (to xidl), or stay includes (to YAML).
 *
 * Nothing the author wrote is dropped in silence: what the target form
 * cannot hold (a description's trailing blanks in an xidl doc comment, a
 * comment that is not UTF-8 text in YAML) is an error, and with --lossy a
 * warning. */
#include "convert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "comments.h"
#include "loader.h"
#include "parse.h"
#include "spec_load.h"
#include "xenidl.h"

struct job {
	const char *input;
	struct xi_module *module;
	/* xenbindgen includes: kept in YAML, lowered to imports in xidl. */
	const struct xi_spec_include *includes;
	const char *dir;      /* output directory */
	const char *rel;      /* output path under it */
	const char *out_path; /* both, absolute and normalized: to tell outputs apart */
};

struct run {
	struct xi_ctx *ctx;
	const struct xi_convert_options *co;
	bool to_xidl;
	bool to_stdout;
	struct job *jobs;
	unsigned njobs, cap;
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

/* --- What the target form cannot hold ------------------------------------- */

/* xidl doc comments drop trailing blanks and carriage returns: refuse a
 * description that holds them, or with --lossy say it lost them. */
static void check_doc(struct run *r, const char *doc, struct xi_loc loc)
{
	if (!doc)
		return;
	for (const char *p = doc; *p; p++) {
		if (*p == '\r' || ((*p == ' ' || *p == '\t') && (p[1] == '\n' || !p[1]))) {
			if (r->co->lossy)
				xi_warning(&r->ctx->diag, loc, "dropped this description's trailing "
					   "blanks and carriage returns: xidl doc comments cannot hold them");
			else
				xi_error(&r->ctx->diag, loc, "xidl doc comments cannot hold this "
					 "description's trailing blanks or carriage returns "
					 "(--lossy drops them)");
			return;
		}
	}
}

static void check_members_docs(struct run *r, const struct xi_module *mod, const struct xi_member *m)
{
	for (; m; m = m->next) {
		check_doc(r, m->doc, xi_comments_doc_loc(mod->comments, m, m->loc));
		const struct xi_type *t = m->type;
		while (t->kind == XI_TYPE_ARRAY)
			t = t->u.array.elem;
		if (t->kind == XI_TYPE_AGG)
			check_members_docs(r, mod, t->u.agg->members);
	}
}

static void check_docs(struct run *r, const struct xi_module *m)
{
	const struct xi_comments *cm = m->comments;
	struct xi_loc top = { 1, 1, m->src->id, 1 };
	check_doc(r, m->doc, xi_comments_doc_loc(cm, NULL, top));
	for (const struct xi_decl *d = m->decls; d; d = d->next) {
		check_doc(r, d->doc, xi_comments_doc_loc(cm, d, d->loc));
		for (const struct xi_variant *v = d->variants; v; v = v->next)
			check_doc(r, v->doc, xi_comments_doc_loc(cm, v, v->loc));
		if (d->agg)
			check_members_docs(r, m, d->agg->members);
	}
}

/* A comment's text stops at a NUL byte: refuse a comment that holds one,
 * or with `lossy` drop it (a doc comment loses what follows the NUL). */
static void check_comments(struct xi_ctx *ctx, const struct xi_module *m, bool lossy)
{
	const struct xi_comments *cm = m->comments;
	for (unsigned i = 0; cm && i < cm->n; i++) {
		struct xi_comment *c = &cm->v[i];
		if (!c->has_nul)
			continue;
		struct xi_loc loc = { c->start.line, c->start.col, m->src->id, 2 };
		bool doc = c->doc != XI_DOC_NONE;
		if (lossy)
			xi_warning(&ctx->diag, loc, doc ? "dropped what follows a NUL byte in this "
				   "doc comment" : "dropped this comment: it holds a NUL byte");
		else
			xi_error(&ctx->diag, loc, "convert cannot keep this %scomment: it holds a "
				 "NUL byte (--lossy drops %s)", doc ? "doc " : "",
				 doc ? "what follows it" : "the comment");
		c->dropped = !doc;
	}
}

/* --- Reading ---------------------------------------------------------------- */

/* Lowered includes are imports at the include's place: they take its
 * comments (the first of the imports of each include). */
static void give_includes_comments(struct xi_module *m, const struct xi_spec_include *inc)
{
	for (; inc; inc = inc->next) {
		const struct xi_cmt_node *n = xi_comments_find(m->comments, inc);
		if (!n)
			continue;
		for (struct xi_import *im = m->imports; im; im = im->next) {
			if (im->loc.line == inc->loc.line && im->loc.col == inc->loc.col &&
			    !xi_comments_find(m->comments, im)) {
				xi_comments_alias(m->comments, im, inc);
				break;
			}
		}
	}
}

bool xi_convert_read(struct xi_ctx *ctx, struct xi_module *m, bool to_xidl, bool lossy,
		     const struct xi_spec_include **includes)
{
	enum xi_spec_format form = xi_format_of_path(m->path);
	m->comments = xi_comments_new(ctx, m->src, form);
	*includes = NULL;
	unsigned errors = ctx->diag.errors;
	ctx->comments = m->comments;
	struct xi_spec spec;
	if (form == XI_FORMAT_XIDL) {
		xi_parse_module(ctx, m);
	} else if (xi_spec_load_module(ctx, m, &spec)) {
		*includes = spec.includes;
		if (to_xidl)
			xi_spec_lower_includes(ctx, m, spec.includes);
	}
	ctx->comments = NULL;
	/* Past the error cap, errors are not counted: nothing read is sure. */
	if (ctx->diag.errors != errors || ctx->diag.capped)
		return false;
	xi_comments_attach(m->comments);
	if (to_xidl) {
		give_includes_comments(m, *includes);
		*includes = NULL;
	}
	check_comments(ctx, m, lossy);
	return ctx->diag.errors == errors;
}

/* Read one input, with its comments, into a module; false after an error. */
static bool read_input(struct run *r, struct job *j)
{
	struct xi_ctx *ctx = r->ctx;
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
	if (!xi_convert_read(ctx, m, r->to_xidl, r->co->lossy, &j->includes))
		return false;
	if (r->to_xidl)
		check_docs(r, m);
	return ctx->diag.errors == errors;
}

static struct job *add_job(struct run *r, const char *input)
{
	if (r->njobs == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->jobs = xi_xrealloc(r->jobs, sizeof(*r->jobs) * r->cap);
	}
	struct job *j = &r->jobs[r->njobs++];
	memset(j, 0, sizeof(*j));
	j->input = input;
	return j;
}

/* The files a module imports, as found (NULL where not found), each with
 * the import that names it: a plain import names one, an `import arch`
 * one in each arch-* directory, an include every spec file of its
 * directory. */
struct imported {
	const char *path;          /* as the output names it, before renaming */
	const char *found;         /* the source file, or NULL */
	struct xi_loc loc;
	bool is_include;
};

/* The imports that stand for includes, without a word on those that
 * stand for nothing: a YAML output keeps them as they are, and the YAML
 * file says what is wrong with them when it is read. */
static void lower_quietly(struct xi_ctx *ctx, struct xi_module *m,
			  const struct xi_spec_include *includes)
{
	struct xi_diag saved = ctx->diag;
	char *buf = NULL;
	size_t size = 0;
	FILE *sink = open_memstream(&buf, &size);
	if (!sink)
		return;
	ctx->diag.out = sink;
	xi_spec_lower_includes(ctx, m, includes);
	fclose(sink);
	free(buf);
	ctx->diag.out = saved.out;
	ctx->diag.errors = saved.errors;
	ctx->diag.warnings = saved.warnings;
	ctx->diag.capped = saved.capped;
	ctx->diag.cap_reported = saved.cap_reported;
	ctx->diag.muted = saved.muted;
}

static unsigned imported_files(struct run *r, const struct job *j, struct imported **out)
{
	struct xi_ctx *ctx = r->ctx;
	const struct xi_module *m = j->module;
	const char *dir = xi_path_dirname(&ctx->arena, m->path);
	/* The includes kept (YAML output) name the files they lower to. */
	struct xi_module lowered = *m;
	lowered.imports = NULL;
	if (j->includes)
		lower_quietly(ctx, &lowered, j->includes);
	unsigned n = 0, cap = 8;
	struct imported *v = xi_xmalloc(sizeof(*v) * cap);
	for (int pass = 0; pass < 2; pass++) {
		const struct xi_module *from = pass ? &lowered : m;
		for (const struct xi_import *im = from->imports; im; im = im->next) {
			for (int f = 0; f < (im->is_arch ? XI_FAM_COUNT : 1); f++) {
				const char *rel = im->is_arch
					? xi_aprintf(&ctx->arena, "%s/%s", xi_families[f].dir, im->path)
					: im->path;
				char *found = xi_find_import(ctx, dir, from->import_root, rel);
				if (im->is_arch && !found)
					continue; /* a family with no such file */
				if (n == cap)
					v = xi_xrealloc(v, sizeof(*v) * (cap *= 2));
				v[n++] = (struct imported){ rel, found, im->loc, pass == 1 };
			}
		}
	}
	*out = v;
	return n;
}

/* --with-imports: every file the jobs import, directly or not, is a job. */
static bool add_imports(struct run *r)
{
	bool ok = true;
	for (unsigned i = 0; i < r->njobs && !r->ctx->diag.capped; i++) {
		struct imported *files;
		unsigned n = imported_files(r, &r->jobs[i], &files);
		for (unsigned k = 0; k < n; k++) {
			if (!files[k].found)
				continue;
			char *canon = realpath(files[k].found, NULL);
			bool known = false;
			for (unsigned q = 0; q < r->njobs && canon && !known; q++)
				known = !strcmp(r->jobs[q].module->canon, canon);
			free(canon);
			if (!known)
				ok &= read_input(r, add_job(r, files[k].found));
		}
		free(files);
	}
	return ok;
}

/* --- Placing ----------------------------------------------------------------- */

/* The deepest directory holding every input (canonical), or NULL. */
static char *common_dir(struct run *r)
{
	char *common = NULL;
	for (unsigned i = 0; i < r->njobs; i++) {
		char *dir = xi_path_dirname(&r->ctx->arena, r->jobs[i].module->canon);
		if (!common)
			common = dir;
		else
			xi_path_narrow_common(common, dir);
	}
	return common;
}

/* A path made absolute and normalized, to compare with another. */
static const char *absolute(struct xi_ctx *ctx, const char *path)
{
	if (path[0] == '/')
		return xi_path_normalize(&ctx->arena, path);
	char *cwd = getcwd(NULL, 0);
	const char *abs = xi_path_join(&ctx->arena, cwd ? cwd : "/", path);
	free(cwd);
	return abs;
}

static void place(struct run *r, struct job *j, const char *outdir, const char *common)
{
	struct xi_ctx *ctx = r->ctx;
	const char *ext = r->to_xidl ? ".xidl" : ".yaml";
	const char *out = xi_format_of_path(j->input) == XI_FORMAT_YAML && !r->to_xidl
			? j->input : with_extension(ctx, j->input, ext, false);
	if (outdir) {
		const char *canon = j->module->canon;
		size_t n = strlen(common);
		const char *rel = !strcmp(common, "/") ? canon + 1
				: !strncmp(canon, common, n) && canon[n] == '/' ? canon + n + 1 : canon;
		j->dir = outdir;
		j->rel = with_extension(ctx, rel, strrchr(out, '.'), false);
	} else {
		const char *slash = strrchr(out, '/');
		j->dir = slash ? xi_strndup(&ctx->arena, out, (size_t)(slash - out)) : ".";
		if (slash == out)
			j->dir = "/";
		j->rel = slash ? slash + 1 : out;
	}
	j->out_path = absolute(ctx, xi_path_join(&ctx->arena, j->dir, j->rel));
}

/* --- Checking what the outputs import ---------------------------------------- */

static bool written(const struct run *r, const char *abs)
{
	for (unsigned i = 0; i < r->njobs; i++)
		if (!strcmp(r->jobs[i].out_path, abs))
			return true;
	return false;
}

/* Does `rel`, imported by an output in `dir`, resolve (as the loader
 * finds imports: next to the importer, in its import root, along -I) to
 * a file this run writes or one that exists? */
static bool resolves(const struct run *r, const char *dir, const char *root, const char *rel)
{
	struct xi_ctx *ctx = r->ctx;
	if (written(r, absolute(ctx, xi_path_join(&ctx->arena, dir, rel))))
		return true;
	if (root && written(r, absolute(ctx, xi_path_join(&ctx->arena, root, rel))))
		return true;
	for (unsigned i = 0; i < ctx->opt.ninclude_dirs; i++)
		if (written(r, absolute(ctx, xi_path_join(&ctx->arena, ctx->opt.include_dirs[i], rel))))
			return true;
	return xi_find_import(ctx, dir, root, rel) != NULL;
}

/* A note for each import of j's output that does not resolve. */
static void note_missing_imports(struct run *r, const struct job *j)
{
	struct xi_ctx *ctx = r->ctx;
	const char *out_dir = xi_path_dirname(&ctx->arena, xi_path_join(&ctx->arena, j->dir, j->rel));
	/* Spec trees are rooted at the parent of a file's directory. */
	const char *root = j->module->import_root || j->includes
				   ? xi_path_join(&ctx->arena, out_dir, "..") : NULL;
	struct imported *files;
	unsigned n = imported_files(r, j, &files);
	for (unsigned k = 0; k < n; k++) {
		const char *target = r->to_xidl ? rename_to_xidl(ctx, files[k].path)
						: rename_to_yaml(ctx, files[k].path);
		if (resolves(r, out_dir, root, target))
			continue;
		const char *what = files[k].is_include ? "includes" : "imports";
		if (files[k].found)
			xi_note(&ctx->diag, files[k].loc, "the %s output %s '%s', which this run does "
				"not write and which does not exist: convert '%s' too, or add "
				"--with-imports", r->to_xidl ? "xidl" : "YAML", what, target,
				files[k].found);
		else
			xi_note(&ctx->diag, files[k].loc, "the %s output %s '%s', which this run does "
				"not write and which does not exist (and no '%s' is found to convert)",
				r->to_xidl ? "xidl" : "YAML", what, target, files[k].path);
	}
	free(files);
}

/* --- The command ----------------------------------------------------------------- */

static void print(struct run *r, struct job *j, struct xi_out *o)
{
	if (r->to_xidl)
		xi_print_xidl(r->ctx, j->module, rename_to_xidl, o);
	else
		xi_print_yaml(r->ctx, j->module, j->includes, rename_to_yaml, r->co->lossy, o);
	/* Every comment has a place in both forms: one left out is a bug,
	 * which must not cost the user a comment. */
	const struct xi_comment *c = xi_comments_unprinted(j->module->comments);
	if (c) {
		struct xi_loc loc = { c->start.line, c->start.col, j->module->src->id, 2 };
		xi_error(&r->ctx->diag, loc, "internal error: this comment has no place in the "
			 "output; nothing is written");
	}
}

int xi_cmd_convert(const struct xi_options *opt, const struct xi_convert_options *co, int nfiles,
		   char **files)
{
	struct run r = { NULL, co, !strcmp(co->to, "xidl"), co->outdir && !strcmp(co->outdir, "-"),
			 NULL, 0, 0 };
	struct xi_ctx *ctx = r.ctx = xenidl_create(opt, stderr);
	bool ok = true;
	for (int i = 0; i < nfiles && !ctx->diag.capped; i++)
		ok &= read_input(&r, add_job(&r, files[i]));
	if (ok && opt->with_imports)
		ok &= add_imports(&r);
	int status = 1;
	if (!ok || xi_diag_failed(&ctx->diag))
		goto done;
	const char *common = co->outdir && !r.to_stdout ? common_dir(&r) : NULL;
	enum xi_output_mode mode = r.to_stdout ? XI_OUTPUT_MEMORY : co->check ? XI_OUTPUT_CHECK
					       : XI_OUTPUT_WRITE;
	for (unsigned i = 0; i < r.njobs; i++)
		place(&r, &r.jobs[i], r.to_stdout ? NULL : co->outdir, common);
	struct xi_outset **sets = xi_xmalloc(sizeof(*sets) * r.njobs);
	for (unsigned i = 0; i < r.njobs; i++) {
		struct job *j = &r.jobs[i];
		sets[i] = xi_outset_new(r.to_stdout ? "." : j->dir, mode, &ctx->diag);
		struct xi_out *o = xi_out_open(sets[i], j->rel);
		if (o)
			print(&r, j, o);
	}
	status = 0;
	if (xi_diag_failed(&ctx->diag)) {
		for (unsigned i = 0; i < r.njobs; i++)
			xi_outset_abort(sets[i]);
		status = 1;
	} else if (r.to_stdout) {
		for (unsigned i = 0; i < r.njobs; i++) {
			size_t len;
			const char *data = xi_outset_data(sets[i], 0, &len);
			fwrite(data, 1, len, stdout);
		}
	} else {
		for (unsigned i = 0; i < r.njobs; i++)
			note_missing_imports(&r, &r.jobs[i]);
		for (unsigned i = 0; i < r.njobs; i++) {
			int rc = xi_outset_commit(sets[i], stdout);
			if (rc > status)
				status = rc;
		}
	}
	for (unsigned i = 0; i < r.njobs; i++)
		xi_outset_free(sets[i]);
	free(sets);
done:
	for (unsigned i = 0; i < r.njobs; i++)
		if (r.jobs[i].module)
			xi_comments_free(r.jobs[i].module->comments);
	free(r.jobs);
	xenidl_destroy(ctx);
	return status;
}
